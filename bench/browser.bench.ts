/**
 * `npm run bench:browser`: the live lab's speed in headless Chromium, production build.
 * While the question's experiment (XOR [2,2,1], buggy δ, ÷n₀) trains at max speed with the
 * network graph, decision boundary and cost curve on screen, it measures:
 *   - the main thread's frame interval (requestAnimationFrame deltas): median, p95, max
 *   - long tasks over 50 ms (PerformanceObserver 'longtask')
 *   - the worker's epochs/s against the engine's raw speed in Node, measured alongside
 *   - the gzip size of the built JavaScript, and time to first render
 * Flags: --seconds N (measuring window, default 6), --json.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { buildRun, questionConfig } from '../src/engine';
import { launchBrowser } from '../tests/e2e/browser';
import { machine, median, rates } from './measure';

const { values } = parseArgs({ options: { seconds: { type: 'string' }, json: { type: 'boolean' } } });
const seconds = Number(values.seconds ?? 6);
const log = (line: string) => {
  if (!values.json) console.log(line);
};

/** The engine alone in Node on the same experiment (the figure the worker is held to). */
function nodeRate(): number {
  return rates((repeat) => buildRun({ ...questionConfig('XOR'), seed: 1 + Math.max(repeat, 0) }).trainer.train(200_000).ran, 2, 7).median;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const host = machine();
log(`machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, ${host.date}, load average ${host.load}`);

const outDir = mkdtempSync(join(tmpdir(), 'backprop-lab-bench-'));
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const assets = join(outDir, 'assets');
const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
const sizes = scripts.map((file) => {
  const bytes = readFileSync(join(assets, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
const worker = sizes.filter((s) => s.file.includes('worker'));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
log(`built JS: ${kb(total.gzip)} gzip (${kb(total.raw)} raw) in ${sizes.length} files; worker chunk ${kb(worker.reduce((n, s) => n + s.gzip, 0))} gzip`);

// the engine alone in a Chromium worker (no lab around it), bundled from bench/browserEngine.ts
const engineBundle = await build({
  logLevel: 'warn',
  configFile: false,
  build: { write: false, minify: true, lib: { entry: join(import.meta.dirname, 'browserEngine.ts'), formats: ['iife'], name: 'browserEngine' } },
});
const engineOutput = (Array.isArray(engineBundle) ? engineBundle[0] : engineBundle) as { output: Array<{ type: string; code?: string }> };
const engineCode = engineOutput.output.find((o) => o.type === 'chunk')?.code ?? '';
if (!engineCode) throw new Error('could not bundle bench/browserEngine.ts');

const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('preview server did not report an address');

const nodeBefore = nodeRate();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  // time to first render: when the status line first shows a cost (the worker's first snapshot drawn)
  await page.addInitScript(() => {
    const w = window as unknown as { __ready?: number };
    new MutationObserver((_, observer) => {
      const status = document.querySelector('[aria-label="Run status"]');
      if (status && /Cost\s*\d/.test(status.textContent ?? '')) {
        w.__ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, null, { timeout: 30_000 });
  const firstRender = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    ready: (window as unknown as { __ready: number }).__ready,
  }));
  log(`time to first render: first contentful paint ${firstRender.fcp.toFixed(0)} ms, lab ready (first snapshot drawn) ${firstRender.ready.toFixed(0)} ms`);

  // the question's experiment, no epoch limit, max speed
  await page.getByRole('button', { name: 'The question: XOR' }).click();
  const stopAfter = page.getByLabel('Stop after (epochs)');
  await stopAfter.fill('0');
  await stopAfter.press('Enter');
  await page.getByLabel('Speed').selectOption('max');
  const visible = await page.evaluate(() =>
    ['Network graph', 'Decision boundary', 'Cost curve'].map((name) => {
      const box = document.querySelector(`figure[aria-label="${name}"]`)?.getBoundingClientRect();
      return { name, inView: !!box && box.top >= 0 && box.top + Math.min(box.height, 150) <= innerHeight };
    }),
  );
  for (const v of visible) if (!v.inView) throw new Error(`${v.name} is not in the 1400×900 viewport`);

  const epochOf = async () =>
    Number(/Epoch\s*([\d,]+)/.exec((await page.getByRole('status', { name: 'Run status' }).textContent()) ?? '')?.[1].replace(/,/g, ''));
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1000); // warm-up: JIT, history capacity, first checkpoints
  // a string, not a function: the TypeScript loader would wrap named functions in a helper the page lacks
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__long = [];
    window.__stop = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__long.push(entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  const e0 = await epochOf();
  const t0 = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const e1 = await epochOf();
  const t1 = Date.now();
  const frames = await page.evaluate<{ frames: number[]; long: number[] }>(`(() => {
    window.__stop = true;
    return { frames: window.__frames, long: window.__long };
  })()`);
  await page.getByRole('button', { name: 'Pause' }).click();
  const nodeAfter = nodeRate();

  // the same engine alone in a Chromium worker, right after (a blank page: no lab, no CSP)
  const blank = await browser.newPage();
  const rawRates = await blank.evaluate(
    `new Promise((resolve) => {
      const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(engineCode)}], { type: 'text/javascript' })));
      const rates = [];
      worker.onmessage = (event) => {
        rates.push(event.data);
        if (rates.length < 3) worker.postMessage(2000000);
        else { worker.terminate(); resolve(rates); }
      };
      worker.postMessage(2000000);
    })`,
  );
  await blank.close();
  const browserRawRate = median(rawRates as number[]);
  const workerRate = ((e1 - e0) * 1000) / (t1 - t0);
  const nodeFigure = (nodeBefore + nodeAfter) / 2;
  const result = {
    machine: host,
    seconds,
    jsGzipBytes: total.gzip,
    jsRawBytes: total.raw,
    workerGzipBytes: worker.reduce((n, s) => n + s.gzip, 0),
    firstContentfulPaintMs: firstRender.fcp,
    labReadyMs: firstRender.ready,
    frames: frames.frames.length,
    frameMedianMs: median(frames.frames),
    frameP95Ms: percentile(frames.frames, 95),
    frameMaxMs: Math.max(...frames.frames),
    longTasks: frames.long.length,
    longestTaskMs: frames.long.length ? Math.max(...frames.long) : 0,
    workerEpochsPerSecond: workerRate,
    nodeEpochsPerSecond: nodeFigure,
    nodeBefore,
    nodeAfter,
    workerShareOfNode: workerRate / nodeFigure,
    engineAloneInChromiumWorker: browserRawRate,
    workerShareOfChromiumEngine: workerRate / browserRawRate,
    errors,
  };
  log(
    `frames while training at max speed (${seconds} s): ${result.frames} frames, interval median ${result.frameMedianMs.toFixed(1)} ms, p95 ${result.frameP95Ms.toFixed(1)} ms, max ${result.frameMaxMs.toFixed(1)} ms`,
  );
  log(`long tasks (> 50 ms): ${result.longTasks}${result.longTasks ? `, longest ${result.longestTaskMs.toFixed(0)} ms` : ''}`);
  log(
    `worker: ${Math.round(workerRate).toLocaleString('en')} epochs/s; Node engine alone: ${Math.round(nodeFigure).toLocaleString('en')} epochs/s (before ${Math.round(nodeBefore).toLocaleString('en')}, after ${Math.round(nodeAfter).toLocaleString('en')}); worker = ${(result.workerShareOfNode * 100).toFixed(0)}% of Node`,
  );
  log(
    `engine alone in a Chromium worker: ${Math.round(browserRawRate).toLocaleString('en')} epochs/s; the lab's worker = ${(result.workerShareOfChromiumEngine * 100).toFixed(0)}% of it`,
  );
  if (errors.length) log(`console errors: ${errors.join(' | ')}`);
  if (values.json) console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
