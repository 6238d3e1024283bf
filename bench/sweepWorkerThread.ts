/** worker_threads entry for the Node sweep scripts: the same pure handler the browser worker wraps. */
import { parentPort } from 'node:worker_threads';
import { createSweepHandler } from '../src/worker/sweep/sweepHandler';
import type { SweepCommand } from '../src/worker/sweep/sweepProtocol';

const port = parentPort;
if (!port) throw new Error('sweepWorkerThread.ts must run as a worker thread');
const handle = createSweepHandler((event) => port.postMessage(event));
port.on('message', (command: SweepCommand) => handle(command));
