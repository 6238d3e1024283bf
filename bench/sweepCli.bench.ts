/**
 * The CLI's sweep as a user runs it (`npm run cli -- sweep --preset question-and --inits 1000`), timed
 * from outside: wall time and the CPU seconds of the whole process (its worker threads included),
 * for this checkout and, with --against DIR, another checkout's CLI, alternating run by run so both
 * see the same load. Prints the machine, the load and a Markdown table to paste into BENCHMARKS.md.
 * Usage: node --import tsx bench/sweepCli.bench.ts [--inits 1000] [--threads 2] [--preset question-and]
 *        [--rounds 1] [--against /tmp/oldsweep]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine } from './measure';

const { values } = parseArgs({
  options: {
    inits: { type: 'string', default: '1000' },
    threads: { type: 'string', default: '2' },
    preset: { type: 'string', default: 'question-and' },
    rounds: { type: 'string', default: '1' },
    against: { type: 'string' },
  },
});
const EPOCHS = 60_000; // the question presets' epochs per start
const inits = Number(values.inits);
const here = fileURLToPath(new URL('..', import.meta.url));
const checkouts = [{ name: 'this checkout', dir: here }, ...(values.against ? [{ name: values.against, dir: values.against }] : [])];

/** CPU seconds (user + system) of this process's finished children, from /proc (Linux): cutime + cstime. */
function childrenCpuSeconds(): number {
  const text = readFileSync('/proc/self/stat', 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ
}

interface Row {
  checkout: string;
  loadBefore: string;
  wall: number;
  cpu: number;
  result: string;
}

function runOnce(name: string, dir: string): Row {
  const loadBefore = machine().load;
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'sweep', '--preset', values.preset!, '--inits', String(inits), '--threads', values.threads!, '--json'];
  const child = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${name}: exit ${child.status}: ${child.stderr}`);
  const report = JSON.parse(child.stdout) as { successes: number; inits: number; medianFinalCost: number };
  const result = `${report.successes}/${report.inits} solved, median ${report.medianFinalCost.toPrecision(6)}`;
  return { checkout: name, loadBefore, wall, cpu: childrenCpuSeconds() - cpuBefore, result };
}

const host = machine();
console.log(`machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, ${host.date}`);
console.log(`sweep --preset ${values.preset} --inits ${inits} --threads ${values.threads} (${((inits * EPOCHS) / 1e6).toFixed(0)} M epochs)`);
const rows: Row[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
  for (const { name, dir } of checkouts) {
    const row = runOnce(name, dir);
    rows.push(row);
    console.error(`${row.checkout}: ${row.wall.toFixed(1)} s wall, ${row.cpu.toFixed(1)} CPU s`);
  }
}
console.log('');
console.log('| checkout | load average before | wall | CPU seconds | epochs per CPU second | result |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const perCpu = (inits * EPOCHS) / r.cpu;
  console.log(`| ${r.checkout} | ${r.loadBefore} | ${r.wall.toFixed(1)} s | ${r.cpu.toFixed(1)} s | ${(perCpu / 1e6).toFixed(2)} M | ${r.result} |`);
}
console.log(`load average after: ${machine().load}`);
