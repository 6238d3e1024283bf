/**
 * The largest network the engine allows (8 hidden layers of 64, loaded from a network file built
 * with the engine) keeps the page responsive: it draws in a moment, frames keep coming, it trains
 * at Max with the epochs moving in the status, and on 10,000 rows of the user's data the views
 * still arrive (bounded snapshots), all without a console error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { initializeNetwork } from '../../src/engine';
import { serializeNetwork } from '../../src/engine/networkFile';
import { launchBrowser, newRecordingPage } from './browser';
import { fileMenuItem, readStatus, status, statusText } from './shareHelpers';

const SIZES = [2, 64, 64, 64, 64, 64, 64, 64, 64, 1];
const bigNetworkFile = serializeNetwork(initializeNetwork(SIZES, [...Array<'tanh'>(8).fill('tanh'), 'sigmoid'], 'xavier', 7));

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newRecordingPage(browser, errors);
  // main-thread tasks over 50 ms, from the first script on
  await page.addInitScript(
    'window.longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: "longtask", buffered: true });',
  );
  await page.goto(inject('baseUrl'));
  await status(page)
    .getByText(/Cost\s*\d/i)
    .waitFor({ timeout: 20_000 });
});
afterAll(async () => {
  await browser?.close();
});

async function importNetwork(text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), (await fileMenuItem(page, 'Import network file…')).click()]);
  await chooser.setFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Milliseconds from asking for an animation frame to getting it: long when the main thread is blocked. */
const frameRoundTrip = () =>
  page.evaluate('new Promise((resolve) => { const t = performance.now(); requestAnimationFrame(() => resolve(performance.now() - t)); })') as Promise<number>;

/** The longest main-thread task since the last call (0 if none passed 50 ms). */
const longestTask = () => page.evaluate('Math.max(0, ...window.longTasks.splice(0))') as Promise<number>;

const graph = () => page.getByRole('group', { name: new RegExp(`of a ${SIZES.join('-')} network`) });

describe('a 2-64×8-1 network from a file', () => {
  test('draws quickly, with weights on a canvas and a note, and the page keeps its frames', async () => {
    await longestTask();
    await importNetwork(bigNetworkFile);
    await graph().waitFor({ timeout: 20_000 });
    await expect.poll(frameRoundTrip, { timeout: 10_000 }).toBeLessThan(200);
    // A freeze guard, not a speed test (speed lives in BENCHMARKS.md): 28,864 SVG lines blocked the
    // page for 1.6–2.0 s; the canvas path takes ~0.1 s, so this bound leaves a noisy machine room.
    expect(await longestTask()).toBeLessThan(1_200);
    const figure = page.getByRole('figure', { name: 'Network graph' });
    await expect.poll(() => figure.locator('.bl-graph__edges-note').textContent()).toMatch(/^Showing the [\d,]+ largest \|w\| of 28,864 weights/);
    expect(await figure.locator('line[data-edge]').count()).toBeLessThanOrEqual(64);
    expect(await figure.locator('canvas.bl-graph__edge-canvas').count()).toBe(1);
    expect(await figure.locator('[data-node]').count()).toBe(2 + 8 * 64 + 1);
    expect((await readStatus(page)).epoch).toBe(0);
  });

  test('trains at Max: the epochs keep moving in the status and frames keep coming', async () => {
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch, { timeout: 15_000 }).toBeGreaterThan(50);
    const first = (await readStatus(page)).epoch;
    await expect.poll(async () => (await readStatus(page)).epoch, { timeout: 15_000 }).toBeGreaterThan(first + 50);
    await expect.poll(frameRoundTrip, { timeout: 10_000 }).toBeLessThan(200);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(await statusText(page)).not.toMatch(/could not|error|failed/i);
  });

  test('hovering anywhere on the graph names a weight, drawn or not', async () => {
    const box = (await graph().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.45);
    const tooltip = page.locator('.bl-graph__tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toMatch(/^Weight w/);
  });

  test('on 10,000 rows of own data the views still arrive, keeping the samples that fit', async () => {
    const rows = ['x1,x2,y1'];
    for (let s = 0; s < 10_000; s++) {
      const x = Math.sin(s * 0.37);
      const y = Math.cos(s * 0.91);
      rows.push(`${x.toFixed(4)},${y.toFixed(4)},${x * y > 0 ? 1 : 0}`);
    }
    // data first, on a small network (the data dialog checks the data against the network it finds)
    await page.getByRole('button', { name: 'The question: XOR' }).click();
    await page.getByRole('group', { name: /of a 2-2-1 network/ }).waitFor({ timeout: 10_000 });
    await (await fileMenuItem(page, 'Your own data (CSV)…')).click();
    await page.getByLabel('Load a CSV file').setInputFiles({ name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toMatch(/Training on your data: 10,000 samples/);
    await importNetwork(bigNetworkFile);
    const field = page.locator('.bl-graph__sample-of');
    await expect.poll(() => field.textContent(), { timeout: 30_000 }).toMatch(/^of [\d,]+ kept \(10,000 in all\)$/);
    await expect.poll(frameRoundTrip, { timeout: 10_000 }).toBeLessThan(200);
    expect(await statusText(page)).not.toMatch(/could not|postMessage|error|failed/i);
    expect(errors).toEqual([]);
  });
});
