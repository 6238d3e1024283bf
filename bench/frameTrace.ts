/**
 * Where the page's main thread spends a frame, for bench/browser.bench.ts: a Chromium trace
 * (devtools.timeline) summed by the kinds of work a frame holds, and optionally a CPU profile's
 * heaviest functions. Measurement only: nothing here changes what the page does.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** thread (CPU) time, µs */
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

/** The kinds of work on the renderer's main thread, by trace event name (inclusive times). */
const KINDS: Record<string, string> = {
  FireAnimationFrame: 'animation-frame callbacks (canvas drawing)',
  TimerFire: 'timers',
  HandlePostMessage: 'worker messages',
  FunctionCall: 'all JavaScript calls',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint (display lists)',
  Layerize: 'layerize',
  Commit: 'commit to the compositor',
  MinorGC: 'minor GC',
  MajorGC: 'major GC',
};

export interface TraceSummary {
  seconds: number;
  /** ms per second of the main thread's top-level tasks */
  mainBusyMsPerSecond: number;
  /** CPU ms per second of those tasks (the thread's own time: what other processes on the cores do not inflate) */
  mainCpuMsPerSecond: number;
  /** CPU ms per second by kind of work (inclusive, so kinds nest: all JavaScript holds the others' scripts) */
  kinds: Record<string, number>;
  /** frames the main thread committed per second, and its CPU time per committed frame */
  framesPerSecond: number;
  mainCpuMsPerFrame: number;
  /** worker messages received per second */
  messagesPerSecond: number;
  /** ms per second on the renderer's compositor and raster threads */
  compositorMsPerSecond: number;
  rasterMsPerSecond: number;
  /** ms per second of the lab's worker thread's tasks, and of its garbage collection */
  workerMsPerSecond: number;
  workerGcMsPerSecond: number;
}

export async function traceFor(page: Page, seconds: number): Promise<TraceSummary> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (batch) => {
    for (const e of batch.value as unknown as TraceEvent[]) events.push(e);
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', '__metadata'] },
    transferMode: 'ReportEvents',
  });
  await page.waitForTimeout(seconds * 1000);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return summarize(events, seconds);
}

function summarize(events: TraceEvent[], seconds: number): TraceSummary {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threads.set(`${e.pid}:${e.tid}`, e.args.name);
  // the page's renderer: the thread with the most animation frames
  const frames = new Map<string, number>();
  for (const e of events) if (e.name === 'FireAnimationFrame') frames.set(`${e.pid}:${e.tid}`, (frames.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...frames].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const pid = main.split(':')[0];
  const per = (ms: number) => ms / seconds;
  const kinds: Record<string, number> = {};
  let busy = 0;
  let cpu = 0;
  let messages = 0;
  let commits = 0;
  let compositor = 0;
  let raster = 0;
  const worker = { busy: 0, gc: 0 };
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const thread = `${e.pid}:${e.tid}`;
    const ms = e.dur / 1000;
    if (thread === main) {
      const cpuMs = (e.tdur ?? 0) / 1000;
      if (e.name === 'RunTask') {
        busy += ms;
        cpu += cpuMs;
      }
      const kind = KINDS[e.name];
      if (kind) kinds[kind] = (kinds[kind] ?? 0) + cpuMs;
      if (e.name === 'HandlePostMessage') messages++;
      if (e.name === 'Commit') commits++;
    } else if (String(e.pid) === pid) {
      const name = threads.get(thread) ?? '';
      if (name === 'Compositor' && e.name === 'RunTask') compositor += ms;
      else if (e.name === 'RasterTask') raster += ms;
      else if (name === 'DedicatedWorker thread' && (e.name === 'RunTask' || e.name === 'MinorGC' || e.name === 'MajorGC'))
        worker[e.name === 'RunTask' ? 'busy' : 'gc'] += ms;
    }
  }
  for (const k of Object.keys(kinds)) kinds[k] = per(kinds[k]);
  return {
    seconds,
    mainBusyMsPerSecond: per(busy),
    mainCpuMsPerSecond: per(cpu),
    framesPerSecond: commits / seconds,
    mainCpuMsPerFrame: commits ? cpu / commits : 0,
    kinds,
    messagesPerSecond: messages / seconds,
    compositorMsPerSecond: per(compositor),
    rasterMsPerSecond: per(raster),
    workerMsPerSecond: per(worker.busy),
    workerGcMsPerSecond: per(worker.gc),
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The main thread's heaviest functions by self or total (inclusive) time over `seconds` (ms per second), from a CPU profile. */
export async function profileFor(page: Page, seconds: number, mode: 'self' | 'total' = 'self', top = 25): Promise<[string, number][]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(seconds * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, k) => {
    const node = byId.get(id);
    if (!node) return;
    const ms = (profile.timeDeltas[k] ?? 0) / 1000;
    self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + ms);
    // inclusive: each function once per sample, however deep it recurses
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n) break;
      const name = nameOf(n);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  const map = mode === 'self' ? self : total;
  return [...map]
    .filter(([name]) => !/^\((idle|program|root)\)/.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => [name, ms / seconds]);
}
