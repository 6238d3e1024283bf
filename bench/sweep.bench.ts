/**
 * Wall time of a sweep of the question's experiment on Node worker_threads (the browser pool's code
 * with Node threads in place of Web Workers). Usage:
 *   node --import tsx bench/sweep.bench.ts [--starts 1000] [--workers 2] [--gate AND]
 * Prints the machine's single-thread engine speed first, so a busy machine shows up in the figures.
 */
import { parseArgs } from 'node:util';
import { type GateName, GATES, questionConfig, runStart } from '../src/engine';
import { nodeSweepPool, pct } from './sweepNode';

const { values } = parseArgs({
  options: { starts: { type: 'string', default: '1000' }, workers: { type: 'string', default: '2' }, gate: { type: 'string', default: 'AND' } },
});
const gate = values.gate as GateName;
if (!(GATES as readonly string[]).includes(gate)) throw new Error(`--gate: expected one of ${GATES.join(', ')}`);
const starts = Number(values.starts);
const workers = Number(values.workers);
const config = { ...questionConfig(gate), seed: 0 };

// single-thread reference: 10 starts of one mode on this thread
const t0 = performance.now();
for (let seed = 0; seed < 10; seed++) runStart({ ...config, derivative: 'correct' }, seed);
const singleEpochsPerSecond = (10 * config.epochs) / ((performance.now() - t0) / 1000);

const pool = nodeSweepPool(workers);
const started = performance.now();
const outcome = await pool.run({ config, starts }, (p) => {
  const left = p.timeLeftMs === null ? '?' : `${(p.timeLeftMs / 1000).toFixed(0)} s`;
  process.stderr.write(`\r${p.done}/${p.total} starts, ${(p.elapsedMs / 1000).toFixed(1)} s, about ${left} left   `);
});
const wallSeconds = (performance.now() - started) / 1000;
pool.dispose();
process.stderr.write('\n');
if (outcome.status !== 'done') throw new Error(outcome.status === 'error' ? JSON.stringify(outcome.message) : 'cancelled');
const runs = 2 * starts;
const epochs = outcome.summary.records.reduce((sum, r) => sum + r.correct.epochs + r.buggy.epochs, 0);
console.log(`sweep: question's ${gate} [2,2,1], ${config.epochs} epochs, ${starts} starts × 2 derivative modes = ${runs} runs on ${workers} worker threads`);
console.log(`wall time ${wallSeconds.toFixed(1)} s (${(wallSeconds / 2).toFixed(1)} s per mode), ${(epochs / wallSeconds / 1e6).toFixed(2)} M epochs/s in all`);
console.log(`single thread reference: ${(singleEpochsPerSecond / 1e6).toFixed(2)} M epochs/s`);
console.log(`solved: correct ${pct(outcome.summary.correct.rate)}, buggy ${pct(outcome.summary.buggy.rate)}`);
