/**
 * `npm run bench:browser`: the live lab's speed in headless Chromium (production build, 1400×900,
 * `--disable-gpu`). For each case, the network trains at Max with no stop limit while the network
 * graph, decision boundary and cost curve are on screen, and it measures:
 *   - the main thread's frame interval (requestAnimationFrame deltas): median, p95, max
 *   - long tasks over 50 ms (PerformanceObserver 'longtask')
 *   - the worker's epochs/s against the engine alone in Node on the same network
 *   - with --trace: where the main thread's time goes (a Chromium trace), the worker's message rate
 *   - with --profile: the main thread's heaviest functions (a CPU profile)
 * and once: the gzip size of the built JavaScript, time to first render, the engine alone in a
 * Chromium worker. Cases: default (the page's own XOR 2-4-1) and spiral (2-8-8-1 tanh on the
 * 200-point spiral, mini-batches of 10).
 * Flags: --seconds N (window, default 5), --case default|spiral|none (default both; none: only the one-off figures), --trace, --profile self|total,
 * --no-minify (readable names in --profile), --json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { DEFAULT_CONFIG, type LabConfig, buildRun } from '../src/engine';
import { LAB_UI_PROPERTIES, defaultSettings, encodeSettings } from '../src/app/links/urlState';
import { launchBrowser, openPage } from '../tests/e2e/browser';
import { type TraceSummary, profileFor, traceFor } from './frameTrace';
import { machine, median, rates } from './measure';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    case: { type: 'string' },
    trace: { type: 'boolean' },
    profile: { type: 'string' },
    'no-minify': { type: 'boolean' },
    json: { type: 'boolean' },
  },
});
const seconds = Number(values.seconds ?? 5);
const log = (line: string) => {
  if (!values.json) console.log(line);
};

const CASES: Record<string, { title: string; config: LabConfig; nodeEpochs: number }> = {
  default: { title: "the page's default network: XOR 2-4-1, sigmoid, full batch", config: { ...DEFAULT_CONFIG }, nodeEpochs: 200_000 },
  spiral: {
    title: 'spiral, 200 points, 2-8-8-1 tanh → sigmoid, mini-batches of 10',
    config: {
      ...DEFAULT_CONFIG,
      dataset: 'spiral',
      hidden: [8, 8],
      hiddenActivation: 'tanh',
      outputActivation: 'sigmoid',
      learningRate: 0.03,
      batchSize: 10,
      init: 'xavier',
    },
    nodeEpochs: 1_000,
  },
};
const caseNames = values.case === 'none' ? [] : values.case ? [values.case] : Object.keys(CASES);
for (const name of caseNames) if (!(name in CASES)) throw new Error(`--case must be one of ${Object.keys(CASES).join(', ')}`);

/** The engine alone in Node on a case's network (the figure the worker is held to). */
function nodeRate(config: LabConfig, epochs: number): number {
  return rates((repeat) => buildRun({ ...config, seed: 1 + Math.max(repeat, 0) }).trainer.train(epochs).ran, 2, 5).median;
}

/** The checkout measured, for the pasted table. */
function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', cwd: import.meta.dirname }).trim();
  } catch {
    return 'this checkout';
  }
}

function percentile(list: number[], p: number): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const host = machine();
log(`machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, ${host.date}, load average ${host.load}`);

const outDir = mkdtempSync(join(tmpdir(), 'backprop-lab-bench-'));
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: !values['no-minify'] } });
const assets = join(outDir, 'assets');
const sizes = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(join(assets, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
log(`built JS: ${kb(total.gzip)} gzip (${kb(total.raw)} raw) in ${sizes.length} files`);

/** A bench entry bundled into one script for a blank page or a worker. */
async function bundle(entry: string): Promise<string> {
  const built = await build({
    logLevel: 'warn',
    // the project's config: its plugins serve the catalogs the views import
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: true, lib: { entry: join(import.meta.dirname, entry), formats: ['iife'], name: 'benchEntry' } },
  });
  const output = (Array.isArray(built) ? built[0] : built) as { output: Array<{ type: string; code?: string; isEntry?: boolean }> };
  const code = output.output.find((o) => o.type === 'chunk' && o.isEntry)?.code ?? '';
  if (!code) throw new Error(`could not bundle bench/${entry}`);
  return code;
}
const engineCode = await bundle('browserEngine.ts');
const redrawCode = await bundle('costCurveRedraw.ts');

const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('preview server did not report an address');

const browser = await launchBrowser();
const results: Record<string, unknown>[] = [];
let plotWidth = 1300;
try {
  for (const name of caseNames) {
    const { title, config, nodeEpochs } = CASES[name];
    const nodeBefore = nodeRate(config, nodeEpochs);
    const settings = defaultSettings(LAB_UI_PROPERTIES);
    const query = encodeSettings({ config, ui: { ...settings.ui, speed: 'max', stopAfter: 0 } }, LAB_UI_PROPERTIES);
    const errors: string[] = [];
    const page = await openPage(browser, `${url}?${query}`, errors);
    const status = page.getByRole('status', { name: 'Run status' });
    await status.filter({ hasText: /Cost\s*\d/ }).waitFor({ timeout: 30_000 });
    const firstRender = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    const visible = await page.evaluate(() =>
      ['Network graph', 'Decision boundary', 'Cost curve'].map((view) => {
        const box = document.querySelector(`figure[aria-label="${view}"]`)?.getBoundingClientRect();
        return { view, inView: !!box && box.top >= 0 && box.top + Math.min(box.height, 150) <= innerHeight };
      }),
    );
    for (const v of visible) if (!v.inView) throw new Error(`${name}: ${v.view} is not in the 1400×900 viewport`);
    plotWidth = await page.evaluate(() => document.querySelector('figure[aria-label="Cost curve"] canvas')?.clientWidth ?? 0);

    const epochOf = async () => Number(/Epoch\s*([\d,]+)/.exec((await status.textContent()) ?? '')?.[1].replace(/,/g, ''));
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
    // after the timed window, so tracing does not slow what was measured
    const trace: TraceSummary | null = values.trace ? await traceFor(page, 3) : null;
    const profile = values.profile ? await profileFor(page, 3, values.profile === 'total' ? 'total' : 'self') : null;
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.context().close();
    const nodeAfter = nodeRate(config, nodeEpochs);
    const workerRate = ((e1 - e0) * 1000) / (t1 - t0);
    const nodeFigure = (nodeBefore + nodeAfter) / 2;
    const result = {
      case: name,
      title,
      seconds,
      frames: frames.frames.length,
      frameMedianMs: median(frames.frames),
      frameP95Ms: percentile(frames.frames, 95),
      frameMaxMs: Math.max(...frames.frames),
      longTasks: frames.long.length,
      longestTaskMs: frames.long.length ? Math.max(...frames.long) : 0,
      workerEpochsPerSecond: workerRate,
      nodeEpochsPerSecond: nodeFigure,
      workerShareOfNode: workerRate / nodeFigure,
      firstContentfulPaintMs: firstRender,
      trace,
      profile,
      errors,
    };
    results.push(result);
    const f = (ms: number) => ms.toFixed(1);
    log(`\n[${name}] ${title}`);
    log(
      `  frame interval over ${seconds} s (${result.frames} frames): median ${f(result.frameMedianMs)} ms, p95 ${f(result.frameP95Ms)} ms, max ${f(result.frameMaxMs)} ms; long tasks (> 50 ms): ${result.longTasks}${result.longTasks ? `, longest ${result.longestTaskMs.toFixed(0)} ms` : ''}`,
    );
    log(
      `  worker ${Math.round(workerRate).toLocaleString('en')} epochs/s; engine alone in Node ${Math.round(nodeFigure).toLocaleString('en')} epochs/s; worker = ${(result.workerShareOfNode * 100).toFixed(0)}% of Node`,
    );
    if (trace) {
      log(
        `  trace (${trace.seconds} s): main thread busy ${f(trace.mainBusyMsPerSecond)} ms/s (CPU ${f(trace.mainCpuMsPerSecond)} ms/s, ${trace.framesPerSecond.toFixed(0)} frames/s, ${trace.mainCpuMsPerFrame.toFixed(2)} CPU ms a frame); worker messages ${trace.messagesPerSecond.toFixed(0)}/s; compositor ${f(trace.compositorMsPerSecond)} ms/s; raster ${f(trace.rasterMsPerSecond)} ms/s; lab worker ${f(trace.workerMsPerSecond)} ms/s of which GC ${f(trace.workerGcMsPerSecond)}`,
      );
      for (const [kind, ms] of Object.entries(trace.kinds).sort((a, b) => b[1] - a[1])) log(`    ${kind.padEnd(44)} ${f(ms).padStart(7)} CPU ms/s`);
    }
    if (profile) {
      log(`  heaviest functions (${values.profile === 'total' ? 'total' : 'self'} time, ms/s):`);
      for (const [fn, ms] of profile) log(`    ${f(ms).padStart(6)}  ${fn}`);
    }
    if (errors.length) log(`  console errors: ${errors.join(' | ')}`);
  }
  // the cost curve's redraw at 10⁶ epochs, and the engine alone in a Chromium worker, each in a blank page
  const blank = await browser.newPage();
  blank.on('pageerror', (err) => console.error(String(err)));
  await blank.addScriptTag({ content: redrawCode });
  const redraw = await blank.evaluate<Record<string, { median: number; p95: number; build: number; draw: number; raster: number }>>(
    `costCurveRedraw(${plotWidth}, devicePixelRatio)`,
  );
  log(`\ncost curve redraw at 10⁶ epochs (${plotWidth} × 150 CSS px, frame built, drawn and rasterised; ms):`);
  for (const [what, t] of Object.entries(redraw))
    log(
      `  ${what.padEnd(36)} median ${t.median.toFixed(2).padStart(6)}  p95 ${t.p95.toFixed(2).padStart(6)}   (medians: build ${t.build.toFixed(2)}, draw ${t.draw.toFixed(2)}, rasterise ${t.raster.toFixed(2)})`,
    );
  const rawRates = await blank.evaluate<number[]>(
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
  const engineInChromium = median(rawRates);
  log(`engine alone in a Chromium worker (the question's XOR [2,2,1]): ${Math.round(engineInChromium).toLocaleString('en')} epochs/s`);
  if (values.json)
    console.log(
      JSON.stringify({ machine: host, jsGzipBytes: total.gzip, jsRawBytes: total.raw, cases: results, costCurveRedraw: redraw, engineInChromium }, null, 2),
    );
  const end = machine().load;
  log(`\nload average at the end: ${end}`);
  // one block to paste into BENCHMARKS.md
  const f1 = (ms: number) => ms.toFixed(1);
  const commit = gitCommit();
  log(`\n--- paste: ${commit}, ${host.date.slice(0, 16).replace('T', ' ')} UTC, load average ${host.load} → ${end} ---`);
  log(
    `| ${commit} | frame interval p50 / p95 / max | long tasks > 50 ms | worker epochs/s (engine alone in Node) | main thread CPU a frame, commit's share (--trace) |`,
  );
  log('|---|---|---|---|---|');
  for (const r of results as {
    case: string;
    frameMedianMs: number;
    frameP95Ms: number;
    frameMaxMs: number;
    longTasks: number;
    longestTaskMs: number;
    workerEpochsPerSecond: number;
    nodeEpochsPerSecond: number;
    trace: TraceSummary | null;
  }[]) {
    const commitShare = r.trace ? (r.trace.kinds['commit to the compositor'] ?? 0) / Math.max(1e-9, r.trace.framesPerSecond) : 0;
    const cpu = r.trace ? `${r.trace.mainCpuMsPerFrame.toFixed(2)} ms, of which commit ${commitShare.toFixed(2)} ms` : '–';
    log(
      `| ${r.case} | ${f1(r.frameMedianMs)} / ${f1(r.frameP95Ms)} / ${f1(r.frameMaxMs)} ms | ${r.longTasks}${r.longTasks ? ` (longest ${r.longestTaskMs.toFixed(0)} ms)` : ''} | ${Math.round(r.workerEpochsPerSecond).toLocaleString('en')} (${Math.round(r.nodeEpochsPerSecond).toLocaleString('en')}) | ${cpu} |`,
    );
  }
  log(`\n| ${commit}: cost curve redraw at 10⁶ epochs, ${plotWidth} × 150 px | median | p95 |`);
  log('|---|---|---|');
  for (const [what, t] of Object.entries(redraw)) log(`| ${what} | ${t.median.toFixed(2)} ms | ${t.p95.toFixed(2)} ms |`);
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
