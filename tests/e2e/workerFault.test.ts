/**
 * The training worker misbehaving, end to end (issue 16): hundreds of malformed messages posted
 * from inside the real worker (the page is never blank, the banner says so, the run resumes with
 * the same settings and trains exactly as a fresh page does), a worker that hangs mid-run (noticed
 * within seconds), a worker given up on (Play and Step disabled with the reason), and a
 * 100,000-character error (clipped, the rest in a details element).
 */
import fc from 'fast-check';
import type { Browser, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine';
import { labEventProblem } from '../../src/worker/lab/labEvents';
import { FakeWorkerEnv } from '../worker/harness';
import { encodeTyped, malformedEvent, realEvents } from '../store/malformedEvents';
import { launchBrowser } from './browser';
import { openLab, readStatus, status, statusText } from './shareHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const labWorkers = (page: Page): Worker[] => page.workers().filter((worker) => /lab\.worker/.test(worker.url()));
const notes = (page: Page) => page.getByRole('region', { name: 'Notes' });

async function currentWorker(page: Page, notThis?: Worker): Promise<Worker> {
  await expect.poll(() => labWorkers(page).filter((worker) => worker !== notThis).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return labWorkers(page).filter((worker) => worker !== notThis)[0];
}

/** Posts `messages` to the page from inside the worker, as its own messages (typed arrays decoded from `{ $typed, values }`). */
async function postFromWorker(worker: Worker, messages: unknown[]): Promise<void> {
  await worker.evaluate((encoded) => {
    const decode = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(decode);
      if (value && typeof value === 'object') {
        const typed = value as { $typed?: string; values?: number[] };
        if (typed.$typed === 'Float64Array') return Float64Array.from(typed.values ?? []);
        if (typed.$typed === 'Float32Array') return Float32Array.from(typed.values ?? []);
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
      }
      return value;
    };
    for (const message of encoded) (self as unknown as { postMessage(m: unknown): void }).postMessage(decode(message));
  }, messages.map(encodeTyped));
}

/** The page shows the lab, not an empty root. */
async function expectPageAlive(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.getElementById('root')?.childElementCount ?? 0)).toBeGreaterThan(0);
  expect(await page.getByRole('heading', { name: 'Backprop Lab' }).count()).toBe(1);
  expect(await status(page).count()).toBe(1);
}

const LINK = '?lr=0.8&seed=5&speed=max&stop=300&act=tanh';

async function playToLimit(page: Page): Promise<{ epoch: number; cost: string }> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/epoch limit/);
  return readStatus(page);
}

describe('a worker that sends what the page cannot use', () => {
  test('fuzz: 3 rounds of 100 malformed messages from inside the worker; never blank, the banner says so, the run resumes with the same settings; a 4th round halts the lab with Play and Step disabled', async () => {
    // real events of a run, each broken in one place, and non-events: only those the page must refuse
    const refused = fc.sample(malformedEvent(realEvents()), { seed: 1618, numRuns: 2_000 }).filter((message) => labEventProblem(message) !== null);
    // broken snapshots and passes are big (up to 300 kB as JSON): 40 of them, spread over the rounds, keep the test quick
    const big = (message: unknown) => (JSON.stringify(encodeTyped(message))?.length ?? 0) > 20_000;
    const large = refused.filter(big).slice(0, 40);
    const small = refused.filter((message) => !big(message)).slice(0, 360);
    const messages = small.flatMap((message, k) => (k % 9 === 4 && large.length > 0 ? [large.pop(), message] : [message]));
    messages.push(...large);
    expect(messages).toHaveLength(400);
    // the defect's two messages lead the first two rounds
    messages[0] = { type: 'snapshot', runId: 1, snapshot: {} };
    messages[100] = { type: 'error', message: { text: 'not a string' } };

    const errors: string[] = [];
    const url = new URL(LINK, inject('baseUrl')).toString();
    const page = await openLab(browser, url, errors);
    let worker = await currentWorker(page);
    for (let round = 0; round < 3; round++) {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect.poll(async () => (await readStatus(page)).epoch).toBe(1);
      await postFromWorker(worker, messages.slice(round * 100, round * 100 + 100));
      await expect
        .poll(async () => (await notes(page).textContent()) ?? '', { timeout: 10_000 })
        .toMatch(/training worker failed \(it sent a message the page could not use: .*\)\. It was restarted with your settings/);
      await expectPageAlive(page);
      worker = await currentWorker(page, worker);
      await expect.poll(async () => (await readStatus(page)).epoch).toBe(0);
      expect(await page.getByLabel('Learning rate', { exact: true }).inputValue()).toBe('0.8');
      expect(await page.getByLabel('Speed').inputValue()).toBe('max');
      await page.getByRole('button', { name: 'Dismiss notes' }).click();
    }
    // the restarted worker trains exactly the run a fresh page trains
    const resumed = await playToLimit(page);
    expect(resumed.epoch).toBe(300);
    const fresh = await openLab(browser, url);
    expect(await playToLimit(fresh)).toEqual(resumed);
    await fresh.context().close();

    // a fourth failure within the minute: given up on, and the lab says so and stays so (a slow
    // machine may have let the first restart leave the minute: then the worker is restarted and fails again)
    for (let attempt = 0; attempt < 4 && !/Reload the page/.test(await statusText(page)); attempt++) {
      await postFromWorker(worker, messages.slice(300 + attempt * 25, 325 + attempt * 25));
      await expect
        .poll(async () => /Reload the page/.test(await statusText(page)) || labWorkers(page).some((w) => w !== worker), { timeout: 10_000 })
        .toBe(true);
      if (!/Reload the page/.test(await statusText(page))) worker = await currentWorker(page, worker);
    }
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(/failed again .* Reload the page/);
    // what to do is in the visible part of the message, not behind "Full message"
    expect(
      await status(page)
        .locator('.status__message')
        .evaluate((element) => element.firstChild?.textContent ?? ''),
    ).toMatch(/Reload the page/);
    await expectPageAlive(page);
    for (const name of ['Play', 'Step']) {
      const button = page.getByRole('button', { name, exact: true });
      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('title')).toMatch(/Reload the page/);
      const describedBy = await button.getAttribute('aria-describedby');
      expect(await page.locator(`#${describedBy}`).textContent()).toMatch(/Reload the page/);
    }
    await page.locator('body').press('Space');
    await page.locator('body').press('ArrowRight');
    expect(await statusText(page)).toMatch(/Reload the page/);
    expect((await readStatus(page)).epoch).toBe(resumed.epoch);
    // nothing reached React as an error
    expect(errors.filter((e) => !/training worker/.test(e))).toEqual([]);
    await page.context().close();
  });

  test('a valid snapshot of another network for the current run is refused too: the graph never shows a network the run does not have', async () => {
    const foreign = new FakeWorkerEnv();
    foreign.send({ type: 'configure', config: { ...DEFAULT_CONFIG, dataset: 'spiral', hidden: [3, 3] } });
    const page = await openLab(browser, inject('baseUrl'));
    await postFromWorker(await currentWorker(page), [foreign.last('snapshot')]);
    await expect
      .poll(async () => (await notes(page).textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/a “snapshot” message of a 2-3-3-1 network for run 1, whose network is 2-4-1/);
    expect(await page.getByRole('group', { name: /of a 2-4-1 network/ }).count()).toBe(1);
    expect(await page.getByRole('group', { name: /of a 2-3-3-1 network/ }).count()).toBe(0);
    await expectPageAlive(page);
    await page.context().close();
  });

  test('a 100,000-character error fills one line, with the whole text behind "Full message"', async () => {
    const page = await openLab(browser, inject('baseUrl'));
    const before = (await status(page).boundingBox())!.height;
    const long = `injected ${'y'.repeat(100_000)}`;
    await postFromWorker(await currentWorker(page), [{ type: 'error', message: long }]);
    const details = status(page).locator('details');
    await expect.poll(() => details.count()).toBe(1);
    expect(await details.locator('pre').textContent()).toBe(long);
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    // clipped: the status grows by a line or two, not by 100,000 characters
    expect((await status(page).boundingBox())!.height).toBeLessThan(before + 90);
    await expectPageAlive(page);
    await page.context().close();
  });
});

describe('a worker that hangs while it trains', () => {
  test('an endless loop mid-run is noticed within seconds: the banner says so and a new worker has the settings', async () => {
    const page = await openLab(browser, new URL('?lr=0.8&seed=5&speed=100&stop=0', inject('baseUrl')).toString());
    const worker = await currentWorker(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch, { timeout: 10_000 }).toBeGreaterThan(20);
    await worker.evaluate(() => {
      setTimeout(() => {
        for (;;) {
          // hang
        }
      }, 0);
    });
    const hungAt = Date.now();
    await expect
      .poll(async () => (await notes(page).textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/training worker failed \(it went silent for \d+\.\d s while training\)\. It was restarted with your settings/);
    // noticed after about 2 s (the page's clock), not after the 15 s answer timeout
    expect(Date.now() - hungAt).toBeLessThan(12_000);
    await currentWorker(page, worker);
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(0);
    expect(await page.getByLabel('Learning rate', { exact: true }).inputValue()).toBe('0.8');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(1);
    await expectPageAlive(page);
    await page.context().close();
  });
});
