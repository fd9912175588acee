// Types for the TypeScript tests; the simulator itself is plain JavaScript run by node.
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}
export interface RecordedRequest {
  at: number;
  service: 'codebuild' | 'logs';
  operation: string;
  requestId: string;
  status: number;
  body: Record<string, unknown> | undefined;
  fault?: string;
  error?: string;
}
export interface Fault {
  kind: 'throttle' | '5xx' | 'expired' | 'denied' | 'drop' | 'malformed' | 'stale';
  operation?: string;
  count?: number;
  skip?: number;
}
export interface Simulator {
  endpoint: string;
  port: number;
  region: string;
  account: string;
  credentials: Credentials;
  requests: RecordedRequest[];
  batch: { id: string; arn: string; project: string };
  batches: Array<{ id: string; arn: string; number: number }>;
  inject(fault: Fault): void;
  calls(operation?: string): RecordedRequest[];
  clientEnv(): Record<string, string>;
  close(): Promise<void>;
}
export const TEST_CREDENTIALS: Credentials;
export function startSimulator(options?: {
  scenario?: string | object;
  port?: number;
  region?: string;
  account?: string;
  credentials?: Credentials;
  timeScale?: number;
}): Promise<Simulator>;
