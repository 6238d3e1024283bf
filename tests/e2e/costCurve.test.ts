/**
 * The cost curve in Chromium: drag to zoom, double-click for the whole run, the previous run as a
 * ghost after Reset, and one cost at epoch N (the status line's equals the curve's on mini-batches).
 */
import type { Browser, Locator, Page } from 'playwright-core';
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

async function statusEpochAndCost(page: Page): Promise<{ epoch: number; cost: string }> {
  const text = (await status(page).textContent()) ?? '';
  return { epoch: Number(/Epoch\s*([\d,]+)/.exec(text)?.[1].replace(/,/g, '')), cost: /Cost\s*([−\-\d.e∞NaN]+)/.exec(text)?.[1] ?? '' };
}

/** Opens the lab from a link (stop after `epochs`, full speed), plays to the limit and returns the curve's plot. */
async function trainedLab(query: string, epochs: number): Promise<{ page: Page; plot: Locator }> {
  const page = await openPage(browser, `${inject('baseUrl')}?v=1&speed=max&stop=${epochs}&${query}`);
  await expect.poll(async () => (await statusEpochAndCost(page)).cost, { timeout: 20_000 }).not.toBe('');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await status(page).textContent()) ?? '', { timeout: 30_000 }).toMatch(/epoch limit/);
  const plot = page.getByRole('figure', { name: 'Cost curve' }).locator('.bl-cost__plot');
  await expect.poll(() => plot.getAttribute('data-epochs')).toBe(`1-${epochs}`);
  return { page, plot };
}

/** Left and right edge of the plot area in page pixels (the canvas minus the curve's margins: 60 left, 16 right). */
async function plotArea(plot: Locator): Promise<{ left: number; right: number; y: number }> {
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  return { left: box.x + 60, right: box.x + box.width - 16, y: box.y + box.height / 2 };
}

describe('cost curve', () => {
  test('dragging across the plot zooms into those epochs; double-click shows the whole run again', async () => {
    const { page, plot } = await trainedLab('data=XOR', 2_000);
    const { left, right, y } = await plotArea(plot);
    const at = (fraction: number) => left + fraction * (right - left);
    await page.mouse.move(at(0.25), y);
    await page.mouse.down();
    await page.mouse.move(at(0.35), y, { steps: 4 });
    await page.mouse.move(at(0.5), y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => plot.getAttribute('data-epochs')).not.toBe('1-2000');
    const [from, to] = ((await plot.getAttribute('data-epochs')) ?? '').split('-').map(Number);
    expect(Math.abs(from - 500)).toBeLessThan(30);
    expect(Math.abs(to - 1_000)).toBeLessThan(30);
    // the x axis now labels epochs inside the zoom only
    const ticks = (await page.getByRole('figure', { name: 'Cost curve' }).locator('.bl-cost__axes g').first().locator('.tick text').allTextContents()).map(
      (t) => Number(t.replace(/,/g, '')),
    );
    expect(ticks.length).toBeGreaterThan(1);
    for (const t of ticks) expect(t >= from && t <= to).toBe(true);
    // a drag is not a click: the lab is still live, not scrubbed
    expect(await page.getByText('Back to live').count()).toBe(0);
    await page.getByRole('button', { name: 'Whole run' }).waitFor();

    await plot.dblclick({ position: { x: 200, y: 40 } });
    await expect.poll(() => plot.getAttribute('data-epochs')).toBe('1-2000');
    expect(await page.getByRole('button', { name: 'Whole run' }).count()).toBe(0);
    await page.waitForTimeout(400);
    expect(await page.getByText('Back to live').count()).toBe(0);
    await page.context().close();
  });

  test('after Reset the previous run stays as a faint curve, named in the legend, until cleared', async () => {
    const { page } = await trainedLab('data=AND&deriv=buggy', 1_500);
    const legend = page.getByRole('figure', { name: 'Cost curve' }).getByRole('list', { name: 'Series' });
    expect(await legend.getByRole('listitem').count()).toBe(1);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => legend.getByRole('listitem').count()).toBe(2);
    expect(await legend.textContent()).toContain('Previous run (buggy f′(a))');
    // the ghost keeps its epochs on the axis while the new run has none yet
    expect(await page.getByRole('figure', { name: 'Cost curve' }).locator('.bl-cost__plot').getAttribute('data-epochs')).toBe('1-1500');
    await page.getByRole('button', { name: 'Clear Previous run (buggy f′(a))' }).click();
    await expect.poll(() => legend.getByRole('listitem').count()).toBe(1);
    await page.context().close();
  });

  test('on mini-batches the curve at epoch N shows the cost the status line shows at epoch N', async () => {
    const { page, plot } = await trainedLab('data=circle&hidden=5&batch=10&lr=0.5', 300);
    const status = await statusEpochAndCost(page);
    expect(status.epoch).toBe(300);
    const { right, y } = await plotArea(plot);
    await page.mouse.move(right, y);
    const tooltip = page.getByRole('figure', { name: 'Cost curve' }).locator('.bl-tooltip');
    await expect.poll(() => tooltip.textContent()).toContain('Epoch 300');
    expect(await tooltip.textContent()).toContain(`Cost: ${status.cost}`);
    await page.context().close();
  });
});
