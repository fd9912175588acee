/**
 * The process's young generation held at the size it has. V8 doubles it (up to 16 MB per
 * semi-space) whenever enough objects have outlived its scavenges, and keeps it until the process
 * ends. Reading a red batch's logs and reports is such a time: 120 groups with 30 failed grow it from
 * 2 to 8 MB per semi-space, about 12 MB of the step's peak RSS on Node 24 (npm run bench: 102 MB,
 * 90 MB held). Held, V8 scavenges a small space more often: that run took 1.44 s against 1.41 s
 * unheld on Node 24 (n = 7).
 *
 * A V8 flag set at run time: V8 reads it at each growth. Node promises nothing for flags set after
 * start (and V8 prints an error for a flag it does not know), so it is set only on the Node versions
 * it was measured on. node:v8 takes about 3 ms to load: it is loaded here, long after the first
 * request, and only by a run that reads a red batch.
 */
const MEASURED_ON = new Set(['20', '24']);
const FLAG = '--semi-space-growth-factor=1';
let held: Promise<void> | undefined;

export function holdYoungGeneration(): Promise<void> {
  held ??= MEASURED_ON.has(process.versions.node.split('.')[0] ?? '')
    ? import('node:v8').then(
        (v8) => v8.setFlagsFromString(FLAG),
        // Memory only: never the step's result.
        () => undefined,
      )
    : Promise.resolve();
  return held;
}
