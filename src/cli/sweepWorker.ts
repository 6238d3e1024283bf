/** The sweep worker: answers each chunk request with the starts' results (see sweepPool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkRequest, type ChunkResult, type SweepJob, runChunk } from './sweepPool';

const job = workerData as SweepJob;
const port = parentPort;
if (!port) throw new Error('sweepWorker.ts must run in a worker thread');
port.on('message', (request: ChunkRequest) => {
  const answer: ChunkResult = { from: request.from, results: runChunk(job, request.from, request.to) };
  port.postMessage(answer);
});
