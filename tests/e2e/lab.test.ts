/** The live lab end to end: the production build in the system Chromium. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.getByRole('status', { name: 'Run status' });
const statusText = async (page: Page) => (await status(page).textContent()) ?? '';

/** The epoch and cost the status line shows. */
async function readStatus(page: Page): Promise<{ epoch: number; cost: number }> {
  const text = await statusText(page);
  const epoch = Number(/Epoch\s*([\d,]+)/.exec(text)?.[1].replace(/,/g, ''));
  const costText = /Cost\s*([−\-\d.e]+)/.exec(text)?.[1].replace('−', '-') ?? '';
  return { epoch, cost: Number(costText) };
}

/** Opens the lab and waits for the worker's first snapshot. */
async function openLab(errors: string[] = []): Promise<Page> {
  const page = await openPage(browser, inject('baseUrl'), errors);
  await expect.poll(async () => (await readStatus(page)).cost, { timeout: 20_000 }).toBeGreaterThan(0);
  return page;
}

/** Trains exactly `epochs` epochs from the current seed's initial weights at full speed. */
async function trainFromStart(page: Page, epochs: number): Promise<{ epoch: number; cost: number }> {
  const stopAfter = page.getByLabel('Stop after (epochs)');
  await stopAfter.fill(String(epochs));
  await stopAfter.press('Enter');
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await readStatus(page)).epoch).toBe(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => statusText(page), { timeout: 30_000 }).toMatch(/epoch limit/);
  return readStatus(page);
}

describe('the live lab', () => {
  test('loads with its controls, three figures and a status line, and no console error', async () => {
    const errors: string[] = [];
    const page = await openLab(errors);
    for (const name of ['Play', 'Step', 'Reset']) await expect.poll(() => page.getByRole('button', { name, exact: true }).count()).toBe(1);
    for (const label of ['Dataset', 'Learning rate', 'Speed']) expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    const derivative = page.getByRole('radiogroup', { name: 'Derivative' });
    expect(await derivative.getByRole('radio', { name: 'Correct' }).isChecked()).toBe(true);
    expect(await derivative.getByRole('radio', { name: 'Buggy' }).count()).toBe(1);
    for (const name of ['Network graph', 'Decision boundary', 'Cost curve']) expect(await page.getByRole('figure', { name }).count()).toBe(1);
    expect(await readStatus(page)).toMatchObject({ epoch: 0 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('XOR on a 2-4-1 sigmoid network is solved after Play', async () => {
    const errors: string[] = [];
    const page = await openLab(errors);
    await expect.poll(() => page.getByLabel('Dataset').inputValue()).toBe('XOR');
    expect(await page.getByLabel('Neurons in hidden layer 1', { exact: true }).textContent()).toBe('4');
    expect(await page.getByLabel('Output activation').inputValue()).toBe('sigmoid');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain('Solved');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect((await readStatus(page)).epoch).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('toggling the derivative changes the run: another cost after the same epochs from the same seed', async () => {
    const page = await openLab();
    const correct = await trainFromStart(page, 500);
    await page.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: 'Buggy' }).check();
    const buggy = await trainFromStart(page, 500);
    await page.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: 'Correct' }).check();
    const again = await trainFromStart(page, 500);
    expect(correct.epoch).toBe(500);
    expect(buggy.epoch).toBe(500);
    expect(buggy.cost).not.toBe(correct.cost);
    expect(again.cost).toBe(correct.cost); // same seed, same derivative: the same run
    await page.context().close();
  });

  test('the cost curve and the decision boundary draw something', async () => {
    const page = await openLab();
    await trainFromStart(page, 2000);
    const inked = (figure: string) =>
      page.evaluate((name) => {
        const canvas = document.querySelector<HTMLCanvasElement>(`figure[aria-label="${name}"] canvas`);
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx || canvas.width === 0) return { painted: 0, colours: 0, pixels: 0 };
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const colours = new Set<number>();
        let painted = 0;
        for (let k = 0; k < data.length; k += 4) {
          if (data[k + 3] === 0) continue;
          painted++;
          colours.add((data[k] << 16) | (data[k + 1] << 8) | data[k + 2]);
        }
        return { painted, colours: colours.size, pixels: canvas.width * canvas.height };
      }, figure);
    await expect.poll(async () => (await inked('Cost curve')).painted).toBeGreaterThan(200);
    const boundary = await inked('Decision boundary');
    expect(boundary.pixels).toBeGreaterThanOrEqual(100 * 100); // at least one pixel per grid cell
    expect(boundary.painted).toBeGreaterThan(0.9 * boundary.pixels);
    expect(boundary.colours).toBeGreaterThan(20); // a gradient from one class to the other, not a flat fill
    await page.context().close();
  });

  test('Space plays and pauses, → steps, but not while typing', async () => {
    const page = await openLab();
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(2);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    const paused = (await readStatus(page)).epoch;
    expect(paused).toBeGreaterThan(2);
    const lr = page.getByLabel('Learning rate');
    await lr.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect((await readStatus(page)).epoch).toBe(paused);
    await page.context().close();
  });

  test('a bad learning rate shows a message and changes nothing; a good one keeps the weights', async () => {
    const page = await openLab();
    await page.getByRole('heading', { level: 1 }).click();
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(3);
    const lr = page.getByLabel('Learning rate');
    await lr.fill('fast');
    await lr.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'learning rate' }).count()).toBe(1);
    await lr.fill('-2');
    await lr.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'learning rate' }).textContent()).toMatch(/expected a number/);
    expect(await lr.getAttribute('aria-invalid')).toBe('true');
    await lr.fill('0.8');
    await lr.press('Enter');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    // the run goes on from epoch 3: the weights were kept
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(4);
    // a shape change starts over
    await page.getByRole('button', { name: 'More neurons in hidden layer 1' }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(0);
    expect(await page.getByLabel('Neurons in hidden layer 1', { exact: true }).textContent()).toBe('5');
    await page.context().close();
  });

  test('scrubbing shows the network at an earlier checkpoint, and Back to live returns', async () => {
    const page = await openLab();
    await trainFromStart(page, 3000);
    const edges = () =>
      page
        .getByRole('figure', { name: 'Network graph' })
        .locator('[data-edge]')
        .evaluateAll((lines) => lines.map((l) => `${l.getAttribute('stroke')}/${l.getAttribute('stroke-width')}`).join(' '));
    const live = await edges();
    const scrub = page.getByLabel('Scrub');
    await scrub.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByText(/showing epoch 0 /).count()).toBe(1);
    await expect.poll(edges).not.toBe(live); // the graph shows the initial weights
    await page.getByRole('button', { name: 'Back to live' }).click();
    await expect.poll(() => page.getByText('live', { exact: true }).count()).toBe(1);
    await expect.poll(edges).toBe(live);
    expect((await readStatus(page)).epoch).toBe(3000);
    await page.context().close();
  });
});
