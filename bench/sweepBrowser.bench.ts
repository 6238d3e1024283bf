/**
 * `npm run bench:sweep`: wall time of the bug lab's sweep in headless Chromium, production build,
 * driven through the page like a user: Bug lab tab → the question's preset → Starts → Run sweep.
 * Each start trains both derivatives (2 × 60,000 epochs for the question's presets) on the page's
 * worker pool (one Web Worker per core). Prints the machine, the load, the engine's single-thread
 * speed in Node just before (so a busy machine shows), the page's own timing and the rates.
 * Flags: --starts N (default 1000), --gate OR|AND|XOR (default AND), --json, --shot FILE (a PNG of the
 * sweep's card afterwards, with the starts only the correct derivative solved listed).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { questionConfig, runStart } from '../src/engine';
import { launchBrowser } from '../tests/e2e/browser';
import { machine } from './measure';

const { values } = parseArgs({
  options: { starts: { type: 'string', default: '1000' }, gate: { type: 'string', default: 'AND' }, json: { type: 'boolean' }, shot: { type: 'string' } },
});
const starts = Number(values.starts);
const gate = values.gate ?? 'AND';
if (!Number.isInteger(starts) || starts < 1 || starts > 1000) throw new Error('--starts: a whole number from 1 to 1000');
if (!['OR', 'AND', 'XOR'].includes(gate)) throw new Error('--gate: OR, AND or XOR');
const log = (line: string) => {
  if (!values.json) console.log(line);
};

/** The engine alone on one thread in Node: 10 starts of one derivative (epochs per second). */
function singleThreadRate(): number {
  const config = questionConfig(gate as 'AND');
  const t0 = performance.now();
  for (let seed = 1; seed <= 10; seed++) runStart({ ...config, derivative: 'correct' }, seed);
  return (10 * config.epochs) / ((performance.now() - t0) / 1000);
}

/** CPU seconds (user + system) used so far by this process's descendants (Chromium's processes), from /proc (Linux). */
function childCpuSeconds(root = process.pid): number {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the fields after the command name, which is in parentheses and may hold spaces
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = stats.get(p)?.parent ?? 0, hops++) if (p === root) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (pid !== root && inTree(pid)) ticks += stat.ticks;
  return ticks / 100; // USER_HZ
}

const host = machine();
log(`machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, ${host.date}, load average ${host.load}`);
const outDir = mkdtempSync(join(tmpdir(), 'backprop-lab-sweep-bench-'));
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('preview server did not report an address');

const reference = singleThreadRate();
log(`engine alone, one thread in Node: ${(reference / 1e6).toFixed(2)} M epochs/s`);
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  await page.waitForFunction(() => /Cost\s*\d/.test(document.querySelector('[aria-label="Run status"]')?.textContent ?? ''), null, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Bug lab' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Bug lab' });
  await panel.getByRole('group', { name: 'Bug lab presets' }).getByRole('button', { name: gate, exact: true }).click();
  await panel.getByLabel('Starts', { exact: true }).fill(String(starts));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const loadBefore = machine().load;
  const cpuBefore = childCpuSeconds();
  const clicked = performance.now();
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  const timing = panel.locator('.bl-sweep-timing');
  await timing.waitFor({ timeout: 15 * 60_000 });
  const wallMs = performance.now() - clicked;
  const cpuSeconds = childCpuSeconds() - cpuBefore;
  const pageMs = Number(await timing.getAttribute('data-elapsed-ms'));
  const workers = Number(await timing.getAttribute('data-workers'));
  const rates = (await panel.locator('.bl-sweep__result').textContent()) ?? '';
  const epochs = 2 * starts * questionConfig('AND').epochs;
  const result = {
    machine: host,
    loadBefore,
    loadAfter: machine().load,
    gate,
    starts,
    runs: 2 * starts,
    epochs,
    browserCores: cores,
    workers,
    pageSeconds: pageMs / 1000,
    wallSeconds: wallMs / 1000,
    epochsPerSecond: epochs / (pageMs / 1000),
    singleThreadEpochsPerSecond: reference,
    /** CPU time Chromium (all its processes) spent from the click to the result */
    browserCpuSeconds: cpuSeconds,
    epochsPerCpuSecond: epochs / cpuSeconds,
    rates,
    errors,
  };
  log(
    `sweep: the question's ${gate}, ${starts} starts × 2 derivatives × ${questionConfig('AND').epochs.toLocaleString('en')} epochs on ${workers} Web Workers (navigator.hardwareConcurrency ${cores})`,
  );
  log(
    `the page's timing: ${result.pageSeconds.toFixed(1)} s (${(result.epochsPerSecond / 1e6).toFixed(2)} M epochs/s in all); click to result ${result.wallSeconds.toFixed(1)} s`,
  );
  log(
    `Chromium's CPU time meanwhile: ${cpuSeconds.toFixed(1)} s (${(result.epochsPerCpuSecond / 1e6).toFixed(2)} M epochs per CPU second; on ${workers} free cores ≈ ${(cpuSeconds / workers).toFixed(1)} s of wall time)`,
  );
  log(`result: ${rates}`);
  log(`load average before ${loadBefore}, after ${result.loadAfter}`);
  if (errors.length) log(`page errors: ${errors.join(' | ')}`);
  if (values.shot) {
    await panel.getByRole('group', { name: 'Starts by outcome' }).getByRole('button').first().click();
    await page.waitForTimeout(300);
    await panel.locator('section', { has: page.getByRole('heading', { name: 'Sweep over many starts' }) }).screenshot({ path: values.shot });
    log(`screenshot: ${values.shot}`);
  }
  if (values.json) console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
