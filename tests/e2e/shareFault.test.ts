/**
 * Survival end to end: the page is served with the headers a host should send; the training worker
 * crashes and comes back with the user's settings and data; abusive numbers (a huge learning rate,
 * a dying ReLU net, a diverging run) are reported in the status and Reset recovers.
 */
import type { Browser, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { securityHeaders } from '../../src/app/browser/csp';
import { launchBrowser, newRecordingPage } from './browser';
import { openLab, readStatus, statusText } from './shareHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const labWorkers = (page: Page): Worker[] => page.workers().filter((worker) => /lab\.worker/.test(worker.url()));

/** Throws inside the training worker, outside any handler: the real thing a bug would do. */
async function crashWorker(page: Page): Promise<void> {
  await expect.poll(() => labWorkers(page).length).toBe(1);
  await labWorkers(page)[0].evaluate(() => {
    setTimeout(() => {
      throw new Error('injected fault');
    }, 0);
  });
}

async function playToLimit(page: Page): Promise<{ epoch: number; cost: string }> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/epoch limit/);
  return readStatus(page);
}

const notes = (page: Page) => page.getByRole('region', { name: 'Notes' });

describe('the headers a host should send', () => {
  test('the page, its scripts and the worker arrive with the CSP (frame-ancestors included) and nosniff, and a frame elsewhere is refused', async () => {
    const expected = securityHeaders();
    expect(expected['Content-Security-Policy']).toMatch(/frame-ancestors 'self'/);
    // a fresh context: every file comes from the server (a revalidated 304 carries no headers of its own)
    const page = await newRecordingPage(browser);
    const responses = new Map<string, Record<string, string>>();
    page.on('response', (response) => responses.set(response.url(), response.headers()));
    const pageResponse = await page.goto(inject('baseUrl'));
    await expect.poll(async () => (await readStatus(page)).cost, { timeout: 20_000 }).toMatch(/\d/);
    const served = [pageResponse!.headers(), ...[...responses].filter(([url]) => /\.js$/.test(url)).map(([, headers]) => headers)];
    expect([...responses.keys()].some((url) => /lab\.worker.*\.js$/.test(url))).toBe(true);
    for (const headers of served) {
      expect(headers['content-security-policy']).toBe(expected['Content-Security-Policy']);
      expect(headers['x-content-type-options']).toBe('nosniff');
    }
    // frame-ancestors is in force: another origin (here a data: page) cannot show the lab in a frame
    const framer = await page.context().newPage();
    await framer.setContent(`<iframe id="lab" src="${inject('baseUrl')}" style="width:800px;height:600px"></iframe>`);
    await framer.waitForTimeout(1_500);
    const frame = framer.frames().find((f) => f !== framer.mainFrame());
    const framedText = frame ? await frame.evaluate(() => document.body?.textContent ?? '').catch(() => '') : '';
    expect(framedText).not.toMatch(/Backprop Lab/);
    await page.context().close();
  });
});

describe('a worker that dies', () => {
  test("the lab says so, restarts it with the user's settings, and trains exactly as before", async () => {
    const url = new URL('?lr=0.8&seed=5&speed=max&stop=800&act=tanh', inject('baseUrl')).toString();
    const page = await openLab(browser, url);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(1);
    const firstWorker = labWorkers(page)[0];
    await crashWorker(page);
    await expect
      .poll(async () => (await notes(page).textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/training worker failed \(it stopped with an error: .*injected fault\)\. It was restarted with your settings/);
    await expect.poll(() => labWorkers(page).some((worker) => worker !== firstWorker)).toBe(true);
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(0);
    expect(await page.getByLabel('Learning rate', { exact: true }).inputValue()).toBe('0.8');
    expect(await page.getByLabel('Speed').inputValue()).toBe('max');
    const restarted = await playToLimit(page);
    expect(restarted.epoch).toBe(800);
    // the same link in a browser whose worker never died: the very same run
    const fresh = await openLab(browser, url);
    expect(await playToLimit(fresh)).toEqual(restarted);
    await page.context().close();
    await fresh.context().close();
  });

  test("the user's own data comes back with the new worker", async () => {
    const page = await openLab(browser, inject('baseUrl'));
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('button', { name: 'Your own data (CSV)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your own data' });
    await dialog.getByLabel('Or paste it here').fill('y1\tx1\tx2\n0\t0\t0\n1\t0\t1\n1\t1\t0\n0\t1\t1\n1\t3\t3\n');
    await dialog.getByRole('button', { name: 'Load data' }).click();
    const boundary = page.getByRole('figure', { name: 'Decision boundary' });
    await expect.poll(() => boundary.textContent()).toMatch(/Dots are the 5 samples/);
    // the load answered (the dialog closes on the answer): a crash before it would test a load cut short instead
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await crashWorker(page);
    await expect.poll(async () => (await notes(page).textContent()) ?? '', { timeout: 10_000 }).toMatch(/restarted with your settings and your data/);
    await expect.poll(() => boundary.textContent()).toMatch(/Dots are the 5 samples/);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(1);
    await page.context().close();
  });
});

describe('numbers under abuse', () => {
  test('learning rate 100 on a ReLU net: the status says all ReLUs are dead, and Reset recovers', async () => {
    const page = await openLab(browser, new URL('?lr=100&act=relu&speed=max&stop=300', inject('baseUrl')).toString());
    expect(await statusText(page)).not.toMatch(/ReLUs dead/);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/all ReLUs dead: every hidden ReLU neuron outputs 0 for every sample/);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(0);
    expect(await statusText(page)).not.toMatch(/ReLUs dead/);
    await page.context().close();
  });

  test('a run that blows up stops at the epoch it diverged, names the layer, refuses Play until Reset', async () => {
    const page = await openLab(browser, new URL('?lr=1000000&act=linear&out=linear&cost=quadratic&speed=max&stop=0', inject('baseUrl')).toString());
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // the first non-finite value is a layer's, or the cost of still-finite outputs (the cost at that epoch, which the status shows as ∞)
    await expect
      .poll(() => statusText(page), { timeout: 30_000 })
      .toMatch(/diverged at epoch \d+: (first non-finite value in layer \d|the cost overflowed at the output, layer \d)/);
    const stopped = (await readStatus(page)).epoch;
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(1000);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => statusText(page)).toMatch(/press Reset/);
    expect((await readStatus(page)).epoch).toBe(stopped);
    // the page stays responsive throughout
    expect(await page.evaluate(() => document.title.length >= 0)).toBe(true);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(0);
    expect(await statusText(page)).not.toMatch(/diverged/);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(1);
    await page.context().close();
  });
});
