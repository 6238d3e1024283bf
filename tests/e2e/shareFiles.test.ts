/**
 * Files end to end, under the production Content-Security-Policy: the network file both ways (a
 * bad one changes nothing), your own CSV data, the cost history and pictures of the views, typing
 * a weight on the graph — and not one policy violation on the way.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newRecordingPage } from './browser';
import { downloaded, fileMenuItem, readStatus, recordViolations, statusText } from './shareHelpers';

let browser: Browser;
let page: Page;
let violations: () => Promise<string[]>;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newRecordingPage(browser, errors);
  violations = await recordViolations(page);
  await page.goto(inject('baseUrl'));
  await page
    .getByRole('status', { name: 'Run status' })
    .getByText(/Cost\s*\d/i)
    .waitFor({ timeout: 20_000 });
});
afterAll(async () => {
  await browser?.close();
});

const fileMessage = () => page.locator('.share-file__message');

async function exportNetwork(): Promise<{ name: string; text: string }> {
  return downloaded(page, async () => (await fileMenuItem(page, 'Export network file (JSON)')).click());
}

async function importNetwork(name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), (await fileMenuItem(page, 'Import network file…')).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function stepTimes(n: number) {
  const before = (await readStatus(page)).epoch;
  for (let k = 0; k < n; k++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await readStatus(page)).epoch).toBe(before + n);
}

describe('the network file', () => {
  test('a bad file shows what is wrong (field, or line and column) and leaves the network untouched', async () => {
    await stepTimes(3);
    const before = await exportNetwork();
    expect(before.name).toBe('backprop-lab_XOR_2-4-1_seed1_epoch3_network.json');
    const file = JSON.parse(before.text);
    file.weights[0][1][1] = 'x';
    await importNetwork('bad.json', JSON.stringify(file, null, 2));
    await expect.poll(() => fileMessage().textContent()).toMatch(/weights\[0\]\[1\]\[1\].*The network was not changed/);
    expect(await fileMessage().getAttribute('role')).toBe('alert');
    await importNetwork('broken.json', '{\n  "format": "backprop-lab/network",\n  "version": 1,\n  "layers": [2, 2 1]\n}');
    await expect.poll(() => fileMessage().textContent()).toMatch(/line 4/);
    // a well-formed network that does not fit the data (3 inputs): refused by the lab
    const wide = { ...JSON.parse(before.text), layers: [3, 1], activations: ['sigmoid'], weights: [[[1, 2, 3]]], biases: [[0]] };
    await importNetwork('wide.json', JSON.stringify(wide));
    await expect.poll(() => fileMessage().textContent()).toMatch(/3 inputs.*not changed/);
    const after = await exportNetwork();
    expect(after.text).toBe(before.text);
    expect((await readStatus(page)).epoch).toBe(3);
  });

  test('a good file loads (the status starts again from it) and exports back the same weights', async () => {
    const saved = await exportNetwork();
    await page.getByRole('button', { name: 'New seed' }).click();
    await expect.poll(async () => (await exportNetwork()).text).not.toBe(saved.text);
    await importNetwork(saved.name, saved.text);
    await expect.poll(() => fileMessage().textContent()).toMatch(/Loaded a 2-4-1 network/);
    expect((await readStatus(page)).epoch).toBe(0);
    const again = await exportNetwork();
    expect(JSON.parse(again.text).weights).toEqual(JSON.parse(saved.text).weights);
    expect(JSON.parse(again.text).biases).toEqual(JSON.parse(saved.text).biases);
  });
});

describe('your own data', () => {
  test('pasted CSV: errors name the line; good data trains and shows on the boundary; the named set comes back', async () => {
    await (await fileMenuItem(page, 'Your own data (CSV)…')).click();
    const dialog = page.getByRole('dialog', { name: 'Your own data' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('not part of a shared link');
    const paste = dialog.getByLabel('Or paste it here');
    await paste.fill('x1,x2,y1\n0,0,0\n0,1,abc\n');
    await dialog.getByRole('button', { name: 'Load data' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/line 3, column y1: 'abc' is not a number/);
    await paste.fill('x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n2,2,1\n-1,0.5,0\n');
    await dialog.getByRole('button', { name: 'Load data' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => fileMessage().textContent()).toMatch(/6 samples, 2 inputs → 1 target/);
    const boundary = page.getByRole('figure', { name: 'Decision boundary' });
    await expect.poll(() => boundary.textContent()).toMatch(/Dots are the 6 samples/);
    await expect.poll(() => page.getByText(/Training on your data: 6 samples/).count()).toBe(1);
    await stepTimes(2);
    await page.getByRole('button', { name: 'Use XOR again' }).click();
    await expect.poll(() => boundary.textContent()).toMatch(/Dots are the 4 samples/);
    expect(await page.getByText(/Training on your data/).count()).toBe(0);
  });
});

describe('exports', () => {
  test('the cost history as CSV, the graph as SVG and PNG, the boundary as PNG', async () => {
    await stepTimes(5);
    const costs = await downloaded(page, async () => (await fileMenuItem(page, 'Export cost history (CSV)')).click());
    expect(costs.name).toMatch(/^backprop-lab_XOR_2-4-1_seed\d+_epoch5_cost\.csv$/);
    const rows = costs.text.trim().split('\n');
    expect(rows[0]).toBe('epoch,cost_after_epoch');
    expect(rows.slice(1).map((row) => Number(row.split(',')[0]))).toEqual([1, 2, 3, 4, 5]);
    expect(rows.slice(1).every((row) => Number.isFinite(Number(row.split(',')[1])))).toBe(true);

    const svg = await downloaded(page, async () => (await fileMenuItem(page, 'Network graph as SVG')).click());
    expect(svg.name).toMatch(/network-graph\.svg$/);
    expect(svg.text).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.text).toContain('data-edge');
    expect(svg.text).toMatch(/style="[^"]*stroke/);

    for (const name of ['Network graph as PNG', 'Decision boundary as PNG']) {
      const png = await downloaded(page, async () => (await fileMenuItem(page, name)).click());
      expect(png.name).toMatch(/\.png$/);
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.bytes.length).toBeGreaterThan(5000);
    }
    expect(await page.getByRole('button', { name: 'Decision boundary as SVG' }).count()).toBe(0); // a raster view
  });
});

describe('editing a weight on the graph', () => {
  async function openEditorOnBias() {
    const ring = page.locator('[data-bias="1:0"]');
    const box = await ring.boundingBox();
    if (!box) throw new Error('no bias ring');
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    const dialog = page.getByRole('dialog', { name: /Edit b/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    return dialog;
  }

  test('Escape cancels; a bad value is refused with a reason; Enter applies and the views update at once', async () => {
    const before = await readStatus(page);
    const network = (await exportNetwork()).text;
    let dialog = await openEditorOnBias();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await exportNetwork()).text).toBe(network);

    dialog = await openEditorOnBias();
    const value = dialog.getByLabel('New value');
    await value.fill('1e9');
    await value.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^b¹₁: expected a number from -1,000,000 to 1,000,000, got 1,000,000,000$/);
    await value.fill('0x10');
    await value.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('b¹₁: “0x10” is not a number; try e.g. 0.5');
    await value.fill('−4.5');
    await value.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(async () => (await readStatus(page)).cost).not.toBe(before.cost);
    expect((await readStatus(page)).epoch).toBe(before.epoch);
    expect(JSON.parse((await exportNetwork()).text).biases[0][0]).toBe(-4.5);
  });
});

test('nothing on the way broke the Content-Security-Policy, and training runs under it', async () => {
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/reached the epoch limit \(60,000\)/);
  // the cost history holds every epoch
  const costs = await downloaded(page, async () => (await fileMenuItem(page, 'Export cost history (CSV)')).click());
  expect(costs.text.trim().split('\n')).toHaveLength(60_001);
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});
