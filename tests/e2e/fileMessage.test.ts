/**
 * The File menu and its message box stay inside the window (issue 16, defect 10: at 1280×900 the
 * message began 463 px left of the window, so the line and column it names could not be read).
 * Checked geometrically at 1280×900, 1180×900 and 390×844.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser';
import { fileMenuItem, readStatus } from './shareHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const BROKEN_FILE = '{\n  "format": "backprop-lab/network",\n  "version": 1,\n  "layers": [2, 2, 1],,\n  "activations": ["sigmoid", "sigmoid"]\n}\n';

async function openAt(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await expect.poll(async () => (await readStatus(page)).cost, { timeout: 20_000 }).toMatch(/\d/);
  return page;
}

async function expectInside(page: Page, selector: string, width: number): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  expect(box.x, `${selector} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${selector} right edge`).toBeLessThanOrEqual(width);
}

describe("the File menu's message box", () => {
  for (const [width, height] of [
    [1280, 900],
    [1180, 900],
    [390, 844],
  ] as const) {
    test(`at ${width}×${height} the menu and a bad file's message (line and column) lie inside the window`, async () => {
      const page = await openAt(width, height);
      const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
      const pageWidth = await scrollWidth();
      await page.getByRole('button', { name: 'File', exact: true }).click();
      await expectInside(page, '.share-file__menu', width);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), (await fileMenuItem(page, 'Import network file…')).click()]);
      await chooser.setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(BROKEN_FILE) });
      const message = page.locator('.share-file__message');
      await expect.poll(() => message.textContent()).toMatch(/line 4, column \d+/);
      await expectInside(page, '.share-file__message', width);
      // the words naming the line and column are themselves on screen, not clipped by the box
      const text = (await message.locator('span').boundingBox())!;
      expect(text.x).toBeGreaterThanOrEqual(0);
      expect(text.x + text.width).toBeLessThanOrEqual(width);
      // and the popovers never widen the page
      expect(await scrollWidth()).toBeLessThanOrEqual(pageWidth);
      await page.context().close();
    });
  }
});
