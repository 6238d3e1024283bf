/**
 * One thread, three ways to train the same 16 starts of the question's AND (60,000 epochs each): one
 * by one (runStart: Trainer over pass.ts), in lockstep on JavaScript lanes, and in lockstep on the
 * WebAssembly kernel. Rates per CPU second of this process (other work on the cores hardly moves
 * them), the ratios to one by one, and a check that all three give the same records.
 * Usage: node --import tsx bench/lockstep.bench.ts [--starts 16] [--rounds 3]
 */
import { isDeepStrictEqual } from 'node:util';
import { parseArgs } from 'node:util';
import { DERIVATIVE_MODES, type StartResult, namedDataset, questionConfig, runStart } from '../src/engine';
import { runLockstep } from '../src/engine/lockstep/lockstep';
import { machine, median } from './measure';

const { values } = parseArgs({ options: { starts: { type: 'string', default: '16' }, rounds: { type: 'string', default: '3' } } });
const starts = Number(values.starts);
const rounds = Number(values.rounds);
const data = namedDataset('AND');

const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const host = machine();
console.log(`machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, ${host.date}, load average ${host.load}`);
console.log(`${starts} starts of the question's AND × 60,000 epochs, one thread; median of ${rounds} rounds (M epochs per CPU second)`);
console.log('');
console.log('| derivative | one by one (runStart) | lockstep, JavaScript lanes | lockstep, WebAssembly | JavaScript ÷ one by one | WebAssembly ÷ one by one |');
console.log('|---|---|---|---|---|---|');
for (const derivative of DERIVATIVE_MODES) {
  const config = { ...questionConfig('AND'), derivative };
  const ways: Record<string, (seeds: number[]) => StartResult[]> = {
    single: (seeds) => seeds.map((seed) => runStart(config, seed, data)),
    javascript: (seeds) => runLockstep(config, seeds, data, 'javascript'),
    webassembly: (seeds) => runLockstep(config, seeds, data, 'auto'),
  };
  const rates: Record<string, number[]> = { single: [], javascript: [], webassembly: [] };
  for (let round = 0; round < rounds; round++) {
    const seeds = Array.from({ length: starts }, (_, k) => 1 + round * starts + k);
    const records: StartResult[][] = [];
    for (const [name, run] of Object.entries(ways)) {
      const before = cpuSeconds();
      records.push(run(seeds));
      rates[name].push((starts * config.epochs) / (cpuSeconds() - before) / 1e6);
    }
    if (!records.every((r) => isDeepStrictEqual(r, records[0]))) throw new Error(`${derivative}: the three ways gave different records`);
  }
  const [single, javascript, webassembly] = ['single', 'javascript', 'webassembly'].map((name) => median(rates[name]));
  console.log(
    `| ${derivative} | ${single.toFixed(2)} | ${javascript.toFixed(2)} | ${webassembly.toFixed(2)} | ${(javascript / single).toFixed(2)}× | ${(webassembly / single).toFixed(2)}× |`,
  );
}
console.log(`load average after: ${machine().load}`);
