/** The scrub slider after a finished run: a click then → moves the slider, not the run; the run stays at its limit and the views say they show a past epoch. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser';
import { openLab, readStatus, statusText } from './shareHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('scrubbing a finished run', () => {
  test('click the slider, press →: the slider moves one epoch, the live run stays finished at "Stop after"', async () => {
    const page = await openLab(browser, `${inject('baseUrl')}?data=XOR&seed=7&stop=40&speed=max`);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => statusText(page), { timeout: 20_000 }).toMatch(/epoch limit/);
    const finished = await statusText(page);
    const slider = page.getByLabel('Scrub', { exact: true });
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const picked = Number(await slider.inputValue());
    expect(picked).toBeLessThan(40);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await slider.inputValue())).toBe(picked + 1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await slider.inputValue())).toBe(picked + 2);
    expect((await readStatus(page)).epoch).toBe(40);
    expect(await statusText(page)).toBe(finished);
    // the graph and the boundary say they show a checkpoint, not the run the status counts
    await expect.poll(() => page.locator('.past-epoch').count()).toBe(2);
    expect(await page.locator('.past-epoch').first().textContent()).toMatch(/^Showing epoch \d+, a past checkpoint; the run is at epoch 40\.$/);
    await page.getByRole('button', { name: 'Back to live', exact: true }).click();
    expect(await page.locator('.past-epoch').count()).toBe(0);
    await page.context().close();
  });
});
