import type { ChildProcess } from 'node:child_process';
export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  startedAt: number;
  endedAt: number;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  files: { output: string; summary: string; state: string; event: string };
}
export interface ActionOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  event?: object;
  eventName?: string;
  state?: Record<string, string>;
  onOutput?: (chunk: string) => void;
  wrapper?: string[];
  entry?: string;
  nodeArgs?: string[];
}
export const ACTION_ENTRY: string;
export function parseCommandFile(text: string): Record<string, string>;
export function startAction(options?: ActionOptions): {
  child: ChildProcess;
  done: Promise<ActionRun>;
  files: ActionRun['files'];
};
export function runAction(options?: ActionOptions): Promise<ActionRun>;
