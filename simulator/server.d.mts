// Types for the TypeScript tests; the simulator itself is plain JavaScript run by node.
import type { GitHub, GitHubOptions } from './github.mjs';
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
  /** The service that answered, and the region the request was signed for. */
  service: string;
  region?: string;
  /** The User-Agent header the request carried. */
  userAgent: string;
  violations?: ModelViolation[];
  /** The answer's body, with keepResponses. */
  response?: unknown;
  /** The access key id that signed it (CodeBuild requests). */
  accessKeyId?: string;
  /** When the temporary credentials that signed it expire (epoch ms); undefined for the long-term key. */
  credentialExpiresAt?: number;
  /** StartBuildBatch: members the model does not know (the service ignores them). */
  ignored?: string[];
  /** StartBuildBatch: answered from an idempotency token already used (nothing started). */
  replayed?: boolean;
}
export interface ModelViolation {
  path: string;
  what: string;
  kind: string;
}
export interface TemporaryCredentials extends Credentials {
  sessionToken: string;
  issuedAt: number;
  expiresAt: number;
}
export interface IdentityOptions {
  roleArn?: string;
  subject?: string;
  trustSubject?: string | string[];
  trustAudience?: string;
  maxSessionSeconds?: number;
  credentialSeconds?: number;
  idTokenSeconds?: number;
}
export interface Fault {
  kind:
    'throttle' | '5xx' | 'expired' | 'denied' | 'drop' | 'malformed' | 'stale' | 'lost' | 'slow';
  /** slow: how long the answer takes. */
  ms?: number;
  operation?: string;
  count?: number;
  skip?: number;
}
export interface SimulatedBatch {
  id: string;
  arn: string;
  number: number;
  /** The StartBuildBatch request that started it ({} for a scenario's own batches). */
  request: Record<string, unknown>;
  /** How many RetryBuildBatch calls retried it (a replayed token retries nothing). */
  retryCount: number;
}
export interface Simulator {
  endpoint: string;
  port: number;
  region: string;
  account: string;
  credentials: Credentials;
  requests: RecordedRequest[];
  /** How the simulator's answers broke the service model (empty while they conform). */
  violations: Array<ModelViolation & { operation: string; requestId: string }>;
  batch: SimulatedBatch & { project: string };
  batches: SimulatedBatch[];
  /** Adds a batch (as a scenario describes one) to the account: many workflows, one simulator. */
  addBatch(spec: object): SimulatedBatch;
  inject(fault: Fault): void;
  calls(operation?: string): RecordedRequest[];
  /** GitHub's REST API on the same port, under /api/v3. */
  github: GitHub;
  clientEnv(): Record<string, string>;
  roleArn: string;
  issued: Map<string, TemporaryCredentials>;
  issueTemporary(seconds: number): TemporaryCredentials;
  secrets(): string[];
  roleEnv(): Record<string, string>;
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
  /** Check answers and requests against the service model (default true when it is installed). */
  checkModel?: boolean;
  keepResponses?: boolean;
  identity?: IdentityOptions;
  github?: Omit<GitHubOptions, 'onRequest'>;
  /** One token bucket for every CodeBuild request to the account: beyond it, ThrottlingException. */
  accountBudget?: { ratePerSecond: number; burst?: number };
}): Promise<Simulator>;
