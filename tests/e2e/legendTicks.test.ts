/**
 * The gradient check's colour legend in Chromium: its tick labels (1e−12 … 1) never touch one
 * another or the title, at 1280×720 and 390×844, in both languages (a newcomer saw "1e−121e−9").
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the gradient check legend', () => {
  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ])
    for (const lang of ['en', 'zh-CN'])
      test(`${width}×${height}, ${lang}: labels apart from each other and from the title`, async () => {
        const page = await openPage(browser, 'about:blank');
        await page.setViewportSize({ width, height });
        await page.goto(`${inject('baseUrl')}?lang=${lang}`);
        await page.getByRole('tab').nth(1).click();
        await page.locator('.step-tab').waitFor({ timeout: 20_000 });
        await page.getByRole('button', { name: lang === 'en' ? 'Gradient check' : '梯度检验', exact: true }).click();
        const legend = page.locator('.bl-legend--ticks');
        await legend.waitFor({ timeout: 20_000 });
        const boxes = await legend.evaluate((element) => ({
          title: element.querySelector('.bl-legend__title')!.getBoundingClientRect().right,
          labels: [...element.querySelectorAll('.bl-legend__tick')]
            .filter((tick) => tick.textContent !== '')
            .map((tick) => {
              const box = tick.getBoundingClientRect();
              return { text: tick.textContent, left: box.left, right: box.right };
            }),
        }));
        expect(boxes.labels.map((label) => label.text)).toEqual(['1e−12', '1e−9', '1e−6', '0.001', '1']);
        expect(boxes.labels[0].left).toBeGreaterThan(boxes.title);
        for (let k = 1; k < boxes.labels.length; k++) expect(boxes.labels[k].left, boxes.labels[k].text!).toBeGreaterThan(boxes.labels[k - 1].right + 2);
        await page.context().close();
      });
});
