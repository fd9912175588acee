import { run } from './main.js';

/** After the story is told, what may still hold the process open is work the step abandoned. */
const EXIT_GRACE_MS = 500;

// Not a top-level await: that would make the bundler wrap every module as an async module, which
// slows the start (npm run bench). run() catches and reports its own failures.
void run().then(() => {
  // A request abandoned on cancellation (a credential request that never answers) would keep the
  // runner's step open until it kills it. The timer does not itself hold the process: a step with
  // nothing left pending ends as it always did.
  setTimeout(exitOnceWritten, EXIT_GRACE_MS).unref();
});

/**
 * Writes to the runner's pipe are asynchronous: a runner slow to read still has the step log's end
 * (annotations, the failure) to take, and process.exit() would drop it. The empty writes' callbacks
 * come after every write before them. process.exitCode (setFailed's) is kept.
 */
function exitOnceWritten(): void {
  let pending = 2;
  const written = () => {
    if (--pending === 0) process.exit();
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}
