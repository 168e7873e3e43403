// A parse-pool worker that says it is ready, then dies on the first message it gets:
// the pool must parse everything it held in-process (parse-pool.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(3));
parentPort.postMessage({ ready: true });
