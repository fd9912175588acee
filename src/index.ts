import { main } from './runtime.js';

await main();
