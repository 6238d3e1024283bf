/**
 * `npm run bench:big`: the largest networks the engine allows (8 hidden layers of 64).
 *   1. In Node: what one live snapshot costs the worker (build time, megabytes to send) for
 *      2-64×8-1 on XOR, on the spiral (200 points) and on 10,000 rows, and 2-16×8-1 on 10,000 rows.
 *   2. In headless Chromium (production build, 1400×900): loading a 2-64×8-1 network file on XOR,
 *      the time until the graph is drawn and the longest main-thread task; then training at Max for
 *      a few seconds: frame intervals, main-thread task time per frame, snapshots and epochs a second.
 * Flags: --seconds N (the training window, default 4), --node-only, --json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { DEFAULT_CONFIG, type Dataset, buildRun, initializeNetwork } from '../src/engine';
import { serializeNetwork } from '../src/engine/networkFile';
import { snapshotBuffers } from '../src/worker/lab/protocol';
import { buildSnapshot, gridFor } from '../src/worker/lab/snapshot';
import { launchBrowser } from '../tests/e2e/browser';
import { machine, median } from './measure';

const { values } = parseArgs({ options: { seconds: { type: 'string' }, 'node-only': { type: 'boolean' }, json: { type: 'boolean' } } });
const seconds = Number(values.seconds ?? 4);
const log = (line: string) => {
  if (!values.json) console.log(line);
};
const BIGGEST = [64, 64, 64, 64, 64, 64, 64, 64];

function rows(count: number): Dataset {
  const inputs = new Float64Array(count * 2);
  const targets = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    inputs[2 * s] = Math.sin(s * 0.37);
    inputs[2 * s + 1] = Math.cos(s * 0.91);
    targets[s] = inputs[2 * s] * inputs[2 * s + 1] > 0 ? 1 : 0;
  }
  return { name: 'custom', kind: 'custom', count, inputSize: 2, outputSize: 1, inputs, targets, domain: [-1.1, 1.1, -1.1, 1.1] };
}

const host = machine();
log(`machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, ${host.date}, load average ${host.load}`);

const cases: Array<{ name: string; hidden: number[]; dataset: 'XOR' | 'spiral'; data?: Dataset }> = [
  { name: 'XOR (4 samples), 2-64×8-1', hidden: BIGGEST, dataset: 'XOR' },
  { name: 'spiral (200), 2-64×8-1', hidden: BIGGEST, dataset: 'spiral' },
  { name: '10,000 rows, 2-16×8-1', hidden: Array<number>(8).fill(16), dataset: 'XOR', data: rows(10_000) },
  { name: '10,000 rows, 2-64×8-1', hidden: BIGGEST, dataset: 'XOR', data: rows(10_000) },
];
const snapshots = cases.map(({ name, hidden, dataset, data }) => {
  const run = buildRun({ ...DEFAULT_CONFIG, dataset, hidden, hiddenActivation: 'tanh' }, data);
  const grid = gridFor(run.net, run.data);
  const times: number[] = [];
  let megabytes = 0;
  let resolution = 0;
  for (let k = 0; k < 4; k++) {
    const t0 = performance.now();
    const snapshot = buildSnapshot({
      runId: 1,
      epoch: 0,
      network: run.net,
      data: run.data,
      options: run.trainer.options,
      grid,
      overflows: 0,
      divergence: null,
      scrubbed: false,
    });
    // the first build warms the JIT
    if (k > 0) times.push(performance.now() - t0);
    megabytes = snapshotBuffers(snapshot).reduce((sum, b) => sum + b.byteLength, 0) / 1e6;
    resolution = snapshot.grids.resolution;
  }
  const result = { name, ms: median(times), megabytes, resolution };
  log(`snapshot, ${name}: ${result.ms.toFixed(1)} ms, ${megabytes.toFixed(1)} MB, boundary grid ${resolution}²`);
  return result;
});

let page: Record<string, unknown> | null = null;
if (!values['node-only']) {
  const outDir = mkdtempSync(join(tmpdir(), 'backprop-lab-big-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report an address');
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const tab = await context.newPage();
    // long tasks, and snapshots as they arrive from the worker
    await tab.addInitScript(`(() => {
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
      const W = window.Worker;
      window.__snapshots = 0;
      window.Worker = class extends W { constructor(...a) { super(...a); this.addEventListener('message', (e) => { if (e.data && e.data.type === 'snapshot') window.__snapshots++; }); } };
    })()`);
    await tab.goto(url);
    const status = tab.getByRole('status', { name: 'Run status' });
    await status.getByText(/Cost\s*\d/i).waitFor({ timeout: 30_000 });
    const file = serializeNetwork(initializeNetwork([2, ...BIGGEST, 1], [...Array<'tanh'>(8).fill('tanh'), 'sigmoid'], 'xavier', 7));
    await tab.getByRole('button', { name: 'File', exact: true }).click();
    await tab.evaluate('window.__long.length = 0');
    const t0 = (await tab.evaluate('performance.now()')) as number;
    const [chooser] = await Promise.all([
      tab.waitForEvent('filechooser'),
      tab.getByRole('group', { name: 'File', exact: true }).getByRole('button', { name: 'Import network file…', exact: true }).click(),
    ]);
    await chooser.setFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await tab.getByRole('group', { name: /of a 2-64-64-64-64-64-64-64-64-1 network/ }).waitFor({ timeout: 60_000 });
    const drawn = (await tab.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))')) as number;
    const loadLong = (await tab.evaluate('window.__long.splice(0)')) as number[];
    log(
      `load a 2-64×8-1 file: drawn after ${(drawn - t0).toFixed(0)} ms; longest task ${Math.max(0, ...loadLong).toFixed(0)} ms, long tasks ${loadLong.reduce((a, b) => a + b, 0).toFixed(0)} ms in all`,
    );

    await tab.getByLabel('Stop after (epochs)').fill('0');
    await tab.getByLabel('Stop after (epochs)').press('Enter');
    await tab.getByLabel('Speed').selectOption('max');
    await tab.getByRole('button', { name: 'Play', exact: true }).click();
    await tab.waitForTimeout(1500);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    const metrics = async () =>
      Object.fromEntries(((await cdp.send('Performance.getMetrics')).metrics as Array<{ name: string; value: number }>).map((m) => [m.name, m.value]));
    const epochOf = async () => Number(/Epoch\s*([\d,]+)/.exec((await status.textContent()) ?? '')?.[1].replace(/,/g, ''));
    const [m0, e0, s0] = [await metrics(), await epochOf(), (await tab.evaluate('window.__snapshots')) as number];
    await tab.evaluate('window.__long.length = 0');
    const frames = (await tab.evaluate(
      `new Promise((resolve) => { const d = []; let last = performance.now(); const end = last + ${seconds * 1000}; const f = (t) => { d.push(t - last); last = t; if (t < end) requestAnimationFrame(f); else resolve(d); }; requestAnimationFrame(f); })`,
    )) as number[];
    const [m1, e1, s1] = [await metrics(), await epochOf(), (await tab.evaluate('window.__snapshots')) as number];
    const long = (await tab.evaluate('window.__long.splice(0)')) as number[];
    await tab.getByRole('button', { name: 'Pause', exact: true }).click();
    const window = m1.Timestamp - m0.Timestamp;
    const sorted = [...frames].sort((a, b) => a - b);
    page = {
      drawnMs: drawn - t0,
      loadLongestTaskMs: Math.max(0, ...loadLong),
      frameMedianMs: median(frames),
      frameP95Ms: sorted[Math.floor(0.95 * (sorted.length - 1))],
      frameMaxMs: sorted[sorted.length - 1],
      longTasks: long.length,
      taskMsPerFrame: ((m1.TaskDuration - m0.TaskDuration) * 1000) / frames.length,
      snapshotsPerSecond: (s1 - s0) / window,
      epochsPerSecond: (e1 - e0) / window,
    };
    log(
      `training at Max for ${window.toFixed(1)} s: frames median ${median(frames).toFixed(1)} / p95 ${(page.frameP95Ms as number).toFixed(1)} / max ${(page.frameMaxMs as number).toFixed(1)} ms, ` +
        `${long.length} long tasks, main-thread tasks ${(page.taskMsPerFrame as number).toFixed(1)} ms a frame, ${(page.snapshotsPerSecond as number).toFixed(1)} snapshots/s, ${(page.epochsPerSecond as number).toFixed(0)} epochs/s`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
if (values.json) console.log(JSON.stringify({ machine: host, snapshots, page }, null, 2));
