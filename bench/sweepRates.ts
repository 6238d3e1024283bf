/**
 * The bug lab's findings measured at many starts, on Node worker_threads with the browser pool's code.
 * Usage: node --import tsx bench/sweepRates.ts [--starts 1000] [--workers 2]
 * Prints a Markdown table for docs/findings.md. Seeds are each preset's seed … seed + starts − 1.
 */
import { parseArgs } from 'node:util';
import { type LabConfig, PRESETS, questionConfig } from '../src/engine';
import { nodeSweepPool, pct } from './sweepNode';

const { values } = parseArgs({ options: { starts: { type: 'string', default: '1000' }, workers: { type: 'string', default: '2' } } });
const starts = Number(values.starts);
const preset = (id: string): LabConfig => PRESETS.find((p) => p.id === id)!.config;

const experiments: Array<{ name: string; cli: string; config: LabConfig }> = [
  { name: 'The question: OR [2,2,1]', cli: '--preset question-or', config: preset('question-or') },
  { name: 'The question: AND [2,2,1]', cli: '--preset question-and', config: preset('question-and') },
  { name: 'The question: XOR [2,2,1]', cli: '--preset question-xor', config: preset('question-xor') },
  ...[3, 4, 8].map((h) => ({
    name: `The question's XOR with ${h} hidden units`,
    cli: `--preset question-xor --hidden ${h}`,
    config: { ...questionConfig('XOR'), hidden: [h] },
  })),
];

const pool = nodeSweepPool(Number(values.workers));
const interval = (m: { rate: number; low: number; high: number }): string => `${pct(m.rate)} (${pct(m.low)}–${pct(m.high)})`;
console.log(`| setup | CLI flags | seeds | correct f′(z) solved | buggy f′(a) solved | median final cost correct / buggy | time |`);
console.log('|---|---|---|---|---|---|---|');
for (const e of experiments) {
  const outcome = await pool.run({ config: e.config, starts }, (p) => process.stderr.write(`\r${e.name}: ${p.done}/${p.total}   `));
  process.stderr.write('\n');
  if (outcome.status !== 'done') throw new Error(outcome.status === 'error' ? JSON.stringify(outcome.message) : 'cancelled');
  const s = outcome.summary;
  const last = s.firstSeed + s.starts - 1;
  console.log(
    `| ${e.name} | \`${e.cli}\` | ${s.firstSeed}…${last} | ${interval(s.correct)} | ${interval(s.buggy)} | ${s.correct.medianFinalCost.toPrecision(3)} / ${s.buggy.medianFinalCost.toPrecision(3)} | ${(outcome.elapsedMs / 1000).toFixed(0)} s |`,
  );
}
pool.dispose();
