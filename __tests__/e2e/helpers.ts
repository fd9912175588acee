import { createServer, request, type Server } from 'node:http';
import { startSimulator } from '../../simulator/server.mjs';
import { runAction, startAction } from '../../simulator/run-action.mjs';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
export type ActionRun = Awaited<ReturnType<typeof runAction>>;

/** Fast polls: the simulated builds last hundreds of milliseconds. */
export const FAST = { 'poll-interval-seconds': '0.1' };

/** Call at the top of a test file: starts simulators for scenarios and closes them all after the file. */
export function simulators() {
  const started: Simulator[] = [];
  afterAll(async () => {
    await Promise.all(started.map((s) => s.close()));
    // Every answer the simulators gave must conform to AWS's model (see simulator/model.mjs).
    const broken = started.flatMap((s) => s.violations);
    expect(broken.map((v) => `${v.operation} ${v.path}: ${v.what}`)).toEqual([]);
  });
  return async (scenario: string | object, options: Record<string, unknown> = {}) => {
    const sim = await startSimulator({ scenario, ...options });
    started.push(sim);
    return sim;
  };
}

/** Runs dist/index.js against the simulator, the way a runner does. */
export function act(
  sim: Simulator,
  inputs: Record<string, string>,
  extra: Record<string, unknown> = {},
): Promise<ActionRun> {
  return runAction({
    inputs: { 'batch-id': sim.batch.id, ...FAST, ...inputs },
    env: sim.clientEnv(),
    ...extra,
  });
}

export function startAct(
  sim: Simulator,
  inputs: Record<string, string>,
  extra: Record<string, unknown> = {},
) {
  return startAction({
    inputs: { 'batch-id': sim.batch.id, ...FAST, ...inputs },
    env: sim.clientEnv(),
    ...extra,
  });
}

/** Workflow commands of one kind (error, warning, notice) the step printed: their messages. */
export function annotations(run: ActionRun, kind: 'error' | 'warning' | 'notice'): string[] {
  return run.stdout
    .split('\n')
    .filter((line: string) => line.startsWith(`::${kind}`))
    .map((line: string) =>
      decodeURIComponent(line.slice(line.indexOf('::', 2) + 2).replace(/%(?![0-9A-F]{2})/g, '%25')),
    );
}

export function groupsOf(run: ActionRun): Array<Record<string, unknown>> {
  return JSON.parse(run.outputs['build-groups'] ?? '[]');
}

/** Resolves when the step's log shows a line matching the pattern. */
export function logged(
  child: import('node:child_process').ChildProcess,
  pattern: RegExp,
): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer | string) => {
      seen += String(chunk);
      if (pattern.test(seen)) resolve();
    });
  });
}

/**
 * Node flags that step the action's wall clock (Date.now(), new Date()) by offsetMs, afterMs after the
 * process starts, as NTP steps a self-hosted runner's clock; performance.now() and timers go on as before.
 * With afterMs 0 the clock is off from the first line the action runs (a runner whose clock is off).
 */
export function wallClockStep(offsetMs: number, afterMs: number): string[] {
  const preload = `
    const Real = Date;
    let shift = ${afterMs === 0 ? offsetMs : 0};
    if (${afterMs} > 0) setTimeout(() => { shift = ${offsetMs}; }, ${afterMs}).unref();
    const now = () => Real.now() + shift;
    globalThis.Date = new Proxy(Real, {
      construct: (target, args, newTarget) =>
        Reflect.construct(target, args.length > 0 ? args : [now()], newTarget),
      apply: () => new Real(now()).toString(),
      get: (target, name, receiver) => (name === 'now' ? now : Reflect.get(target, name, receiver)),
    });`;
  return ['--import', `data:text/javascript,${encodeURIComponent(preload)}`];
}

/** Resolves once the simulator has received a request for the operation (answered or not). */
export async function requested(sim: Simulator, operation: string): Promise<void> {
  while (sim.calls(operation).length === 0) await new Promise((r) => setTimeout(r, 20));
}

/**
 * Cancels a running step as the runner does: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that.
 * Resolves with the finished run and how long after SIGINT it exited.
 */
export async function cancelLikeRunner(
  step: ReturnType<typeof startAct>,
): Promise<{ run: ActionRun; exitAfterMs: number }> {
  const cancelledAt = performance.now();
  step.child.kill('SIGINT');
  const term = setTimeout(() => step.child.kill('SIGTERM'), 7_500);
  const kill = setTimeout(() => step.child.kill('SIGKILL'), 10_000);
  const run = await step.done;
  clearTimeout(term);
  clearTimeout(kill);
  return { run, exitAfterMs: performance.now() - cancelledAt };
}

/** A change to one answer of CodeBuild's: its status, its body (an object, or text as it is). */
export type Rewrite = (
  operation: string,
  status: number,
  body: Record<string, unknown>,
) => { status?: number; body?: unknown } | undefined;

/** Forwards to the simulator, rewriting the answers `rewrite` picks (the requests are untouched). */
export async function rewritingProxy(sim: Simulator, rewrite: Rewrite): Promise<Server> {
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const operation =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      const forward = request(
        `${sim.endpoint}${req.url}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            let text = Buffer.concat(parts).toString('utf8');
            let status = answer.statusCode!;
            const changed = rewrite(operation, status, JSON.parse(text || '{}'));
            if (changed) {
              status = changed.status ?? status;
              if (changed.body !== undefined)
                text =
                  typeof changed.body === 'string' ? changed.body : JSON.stringify(changed.body);
            }
            const headers: Record<string, string | string[] | undefined> = {
              ...answer.headers,
              'content-length': String(Buffer.byteLength(text)),
            };
            // A rewritten error's type from its body alone (__type), as the rewrite says it.
            if (changed?.status !== undefined) delete headers['x-amzn-errortype'];
            res.writeHead(status, headers);
            res.end(text);
          });
        },
      );
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

/** The proxy's URL, for AWS_ENDPOINT_URL_CODEBUILD. */
export const through = (proxy: Server) =>
  `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
