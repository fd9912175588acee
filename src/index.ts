import { run } from './main.js';

// Not a top-level await: that would make the bundler wrap every module as an async module, which
// slows the start (npm run bench). run() catches and reports its own failures.
void run();
