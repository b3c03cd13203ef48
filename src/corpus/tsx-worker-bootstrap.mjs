// When iacjudge runs from TypeScript sources (tests, eval scripts under tsx), a worker thread does not
// inherit the tsx loader on Node 20; this bootstrap registers it, then loads the real worker module.
// The compiled CLI (dist/) never uses this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.tsxWorkerEntry);
