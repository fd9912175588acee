// Types for the TypeScript tests; the model check itself is plain JavaScript run by node.
export interface Violation {
  path: string;
  what: string;
  kind:
    'type' | 'unknown' | 'required' | 'enum' | 'length' | 'range' | 'pattern' | 'null' | 'union';
}
export const INSTALL_HINT: string;
export function botocoreDataDirs(): string[];
export function findModelFile(service: string): string | undefined;
export function tryLoadModel(service: string): Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
export function loadModel(service: string): Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export function operationOf(
  service: string,
  operation: string,
): Record<string, unknown> | undefined;
export function validate(
  service: string,
  operation: string,
  direction: 'input' | 'output',
  value: unknown,
): Violation[];
export function errorCodes(
  service: string,
  operation: string,
): { modelled: string[]; common: string[] };
export function validateError(
  service: string,
  operation: string,
  code: string,
  body: unknown,
): Violation[];
export function requestError(
  service: string,
  operation: string,
  body: unknown,
): { status: number; code: string; message: string } | undefined;
export function unreadableMessage(type: string | undefined, value: unknown): string;
