import { describe, expect, test } from 'vitest';
import { DERIVATIVE_MODES, gateDataset, planChunks, questionConfig, runStart, runStartPair, twinRun } from '../../src/engine';
import { runSweep as runCliSweep } from '../../src/cli/sweepPool';
import { createSweepHandler } from '../../src/worker/sweep/sweepHandler';
import { SweepCollector, estimateTimeLeftMs } from '../../src/worker/sweep/sweepPlan';
import { SweepPool, type SweepWorkerLike } from '../../src/store/sweepPool';
import type { SweepCommand, SweepEvent } from '../../src/worker/sweep/sweepProtocol';
import { sweepRequestError } from '../../src/worker/sweep/sweepProtocol';
import { said } from '../englishText';

/** A worker in the same thread: the real handler, messages delivered on later macrotasks. */
class InProcessWorker implements SweepWorkerLike {
  onmessage: ((event: { data: SweepEvent }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  received: SweepCommand[] = [];
  private readonly handle = createSweepHandler((event) => {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(event) });
    }, 0);
  });
  postMessage(command: SweepCommand): void {
    this.received.push(command);
    setTimeout(() => {
      if (!this.terminated) this.handle(structuredClone(command));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function poolWith(workerCount: number, clock = { t: 0 }) {
  const workers: InProcessWorker[] = [];
  const pool = new SweepPool({
    workerCount,
    now: () => clock.t,
    progressIntervalMs: 0,
    createWorker: () => {
      const w = new InProcessWorker();
      workers.push(w);
      return w;
    },
  });
  return { pool, workers, clock };
}

const small = { ...questionConfig('AND'), epochs: 400, seed: 20 };

describe('sweep plan', () => {
  test('chunks cover seeds first … first + N − 1 once each, in order', () => {
    for (const [starts, workers] of [
      [1, 2],
      [100, 2],
      [1000, 2],
      [37, 3],
      [5, 16],
    ]) {
      const chunks = planChunks(50, starts, workers);
      const seeds = chunks.flatMap((c) => Array.from({ length: c.count }, (_, k) => c.first + k));
      expect(seeds).toEqual(Array.from({ length: starts }, (_, k) => 50 + k));
      expect(Math.max(...chunks.map((c) => c.count))).toBeLessThanOrEqual(16);
    }
    // about eight chunks per worker, so no worker idles long at the end
    expect(planChunks(0, 100, 2).length).toBeGreaterThanOrEqual(14);
  });

  test('time left extrapolates linearly and is unknown before the first start', () => {
    expect(estimateTimeLeftMs(0, 100, 500)).toBeNull();
    expect(estimateTimeLeftMs(25, 100, 1000)).toBe(3000);
    expect(estimateTimeLeftMs(100, 100, 4000)).toBe(0);
  });

  test('the collector ignores a repeated seed and counts solved starts per mode', () => {
    const collector = new SweepCollector(2, 0);
    const record = runStartPair(small, 20);
    expect(collector.add(record)).toBe(true);
    expect(collector.add(record)).toBe(false);
    expect(collector.progress(10)).toMatchObject({ done: 1, total: 2, elapsedMs: 10, timeLeftMs: 10 });
  });

  test('requests are validated with messages naming the setting', () => {
    expect(said(sweepRequestError({ config: small, starts: 1001 }))).toMatch(/starts/);
    expect(said(sweepRequestError({ config: small, starts: 0 }))).toMatch(/starts/);
    expect(said(sweepRequestError({ config: small, starts: 10, firstSeed: 0xffffffff }))).toMatch(/first seed/);
    expect(said(sweepRequestError({ config: { ...small, learningRate: 0 }, starts: 10 }))).toMatch(/learning rate/);
    expect(sweepRequestError({ config: small, starts: 1000 })).toBeNull();
  });
});

describe('sweep pool', () => {
  test('the summary is identical with 1, 2 or 3 workers and equals the starts run one by one', async () => {
    const summaries = [];
    for (const count of [1, 2, 3]) {
      const { pool } = poolWith(count);
      const outcome = await pool.run({ config: small, starts: 12 });
      expect(outcome.status).toBe('done');
      if (outcome.status === 'done') summaries.push(outcome.summary);
    }
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
    // each start as a single run (Trainer over pass.ts), though the workers train a chunk's starts side by side
    const direct = Array.from({ length: 12 }, (_, k) => ({
      seed: 20 + k,
      correct: runStart({ ...small, derivative: 'correct' }, 20 + k),
      buggy: runStart({ ...small, derivative: 'buggy' }, 20 + k),
    }));
    expect(summaries[0].records).toEqual(direct);
    expect(summaries[0].firstSeed).toBe(20);
  });

  test('the page pool and the CLI pool (2 worker threads) give the same per-seed records for the same seeds', async () => {
    const { pool } = poolWith(2);
    const page = await pool.run({ config: small, starts: 10, firstSeed: 5 });
    const cli = await runCliSweep({ config: small, firstSeed: 5, starts: 10, derivatives: DERIVATIVE_MODES }, 2);
    expect(page.status).toBe('done');
    if (page.status !== 'done') return;
    expect(cli.map((r) => r.seed)).toEqual(Array.from({ length: 10 }, (_, k) => 5 + k));
    expect(page.summary.records).toEqual(cli);
  });

  test("a sweep on the user's own data trains on that data (here a copy of AND gives AND's records)", async () => {
    const { pool } = poolWith(2);
    const mine = { ...gateDataset('AND'), name: 'my AND', kind: 'custom' as const };
    const withData = await pool.run({ config: small, starts: 4, data: mine });
    const named = await pool.run({ config: small, starts: 4 });
    expect(withData.status).toBe('done');
    if (withData.status === 'done' && named.status === 'done') expect(withData.summary.records).toEqual(named.summary.records);
  });

  test('progress counts up to the total with a time-left estimate, ending at 0', async () => {
    const { pool, clock } = poolWith(2);
    const seen: Array<{ done: number; timeLeftMs: number | null }> = [];
    const outcome = await pool.run({ config: small, starts: 9, firstSeed: 3 }, (p) => {
      clock.t += 10;
      seen.push({ done: p.done, timeLeftMs: p.timeLeftMs });
    });
    expect(outcome.status).toBe('done');
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen[0].timeLeftMs).toBeNull(); // no time has passed on the fake clock yet
    expect(seen[1].timeLeftMs).toBeCloseTo((10 / 2) * 7, 9);
    expect(seen.at(-1)!.timeLeftMs).toBe(0);
    expect(pool.running).toBe(false);
  });

  test('cancel terminates every worker, settles as cancelled, and a new sweep then runs on fresh workers', async () => {
    const { pool, workers } = poolWith(2);
    let events = 0;
    let eventsAtCancel = -1;
    const outcome = await pool.run({ config: small, starts: 40 }, () => {
      events++;
      if (events === 3) {
        eventsAtCancel = events;
        expect(pool.cancel()).toBe(true);
      }
    });
    expect(outcome.status).toBe('cancelled');
    if (outcome.status === 'cancelled') expect(outcome.progress.done).toBe(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toBe(eventsAtCancel);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(pool.running).toBe(false);
    expect(pool.cancel()).toBe(false);
    const again = await pool.run({ config: small, starts: 4 });
    expect(again.status).toBe('done');
    expect(workers.length).toBe(4);
  });

  test('a bad request or a second sweep while one runs comes back as an error, not a throw', async () => {
    const { pool } = poolWith(2);
    const tooMany = await pool.run({ config: small, starts: 5000 });
    expect(tooMany.status === 'error' && said(tooMany.message)).toBe('starts: expected a whole number from 1 to 1,000, got 5,000');
    const first = pool.run({ config: small, starts: 4 });
    const second = await pool.run({ config: small, starts: 4 });
    expect(second.status === 'error' && said(second.message)).toBe('a sweep is already running: cancel it first');
    expect((await first).status).toBe('done');
  });

  test('a worker that fails ends the sweep with its message and terminates the pool', async () => {
    const broken: SweepWorkerLike & { terminated: boolean } = {
      onmessage: null,
      onerror: null,
      terminated: false,
      postMessage() {
        setTimeout(() => this.onerror?.({ message: 'module failed to load' }), 0);
      },
      terminate() {
        this.terminated = true;
      },
    };
    const pool = new SweepPool({ workerCount: 1, createWorker: () => broken });
    const failed = await pool.run({ config: small, starts: 3 });
    expect(failed.status === 'error' && said(failed.message)).toBe('sweep worker 1 failed: module failed to load');
    expect(broken.terminated).toBe(true);
  });

  test("a twin run through the pool matches the engine's and brings both boundary grids", async () => {
    const { pool } = poolWith(2);
    const config = { ...questionConfig('XOR'), epochs: 500, seed: 4 };
    const outcome = await pool.twin(config, { resolution: 20, neuronResolution: 8 });
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const direct = twinRun(config);
    expect(Array.from(outcome.result.difference)).toEqual(Array.from(direct.difference));
    expect(Array.from(outcome.result.buggy.costs)).toEqual(Array.from(direct.buggy.costs));
    expect(outcome.grids.correct.output).toHaveLength(400);
    expect(outcome.grids.buggy.neurons[0]).toHaveLength(2);
    expect(Array.from(outcome.grids.correct.output)).not.toEqual(Array.from(outcome.grids.buggy.output));
    pool.dispose();
  });

  test('a second twin request cancels the first', async () => {
    const { pool } = poolWith(1);
    const config = { ...questionConfig('OR'), epochs: 200 };
    const first = pool.twin(config);
    const second = pool.twin({ ...config, seed: 2 });
    expect(await first).toEqual({ status: 'cancelled' });
    expect((await second).status).toBe('done');
  });

  test('the handler reports a bad twin request as an error event', () => {
    const events: SweepEvent[] = [];
    createSweepHandler((e) => events.push(e))({ type: 'twin', jobId: 7, config: small, epochs: 0, resolution: 10, neuronResolution: 4 });
    expect(events).toEqual([{ type: 'error', jobId: 7, message: expect.stringMatching(/epochs/) }]);
  });
});
