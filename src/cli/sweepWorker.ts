/** The sweep worker thread: answers each chunk with its records (engine runSweepChunk; see sweepPool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { type SeedChunk, type SweepJob, runSweepChunk } from '../engine';
import type { ChunkResult } from './sweepPool';

const job = workerData as SweepJob;
const port = parentPort;
if (!port) throw new Error('sweepWorker.ts must run in a worker thread');
port.on('message', (chunk: SeedChunk) => {
  const answer: ChunkResult = { chunk, records: runSweepChunk(job, chunk) };
  port.postMessage(answer);
});
