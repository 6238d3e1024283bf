/**
 * Layout that must not fight the user, at 1280×720, 1920×1080 and 390×844 in both languages:
 * presenter mode fits the window (and Escape leaves it), a deep network fits the settings column,
 * File and Copy link messages cover no status, the Dataset box names loaded data, a phone sees the
 * tables' key columns, and a skip link comes first.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

async function openAt(size: { width: number; height: number }, query: string, errors: string[] = []): Promise<Page> {
  const page = await openPage(browser, 'about:blank', errors);
  await page.setViewportSize(size);
  await page.goto(`${inject('baseUrl')}${query}`);
  await expect.poll(() => page.locator('.status').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  return page;
}

/** The page's width beyond the window, px (0 when nothing scrolls sideways). */
const sideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not rendered');
  return found;
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('presenter mode', () => {
  for (const size of SIZES)
    for (const lang of ['en', 'zh-CN'])
      test(`at ${size.width}×${size.height} (${lang}) nothing scrolls sideways on any tab and the Presenter switch is in the window`, async () => {
        const page = await openAt(size, `?presenter=1&lang=${lang}`);
        for (const tab of [0, 1, 2]) {
          await page.getByRole('tab').nth(tab).click();
          await expect.poll(() => page.locator('.mode-panel__empty').count(), { timeout: 20_000 }).toBe(0);
          expect(await sideways(page), `tab ${tab + 1}`).toBeLessThanOrEqual(0);
          const toggle = await box(page.locator('.presenter-toggle'));
          expect(toggle.x + toggle.width).toBeLessThanOrEqual(size.width);
          // every header control is inside the window
          const rights = await page.locator('.app__header button, .app__header select').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
          expect(Math.max(...rights)).toBeLessThanOrEqual(size.width);
        }
        await page.context().close();
      });

  test('Escape leaves presenter mode; with the tour open it closes the tour first', async () => {
    const page = await openAt({ width: 1280, height: 720 }, '?presenter=1&tour=2');
    await expect.poll(() => page.getByRole('region', { name: 'Guided tour' }).count(), { timeout: 20_000 }).toBe(1);
    await page.locator('body').press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Guided tour' }).count()).toBe(0);
    expect(await page.locator('.app--presenter').count()).toBe(1);
    await page.locator('body').press('Escape');
    await expect.poll(() => page.locator('.app--presenter').count()).toBe(0);
    expect(page.url()).not.toContain('presenter=1');
    expect(await page.getByRole('button', { name: 'Presenter' }).getAttribute('aria-pressed')).toBe('false');
    await page.context().close();
  });
});

describe('a deep network in the settings column', () => {
  for (const size of SIZES)
    test(`7 hidden layers at ${size.width}×${size.height}: the panel does not scroll sideways and + Layer is inside it`, async () => {
      const page = await openAt(size, '?hidden=64,64,64,64,64,64,64');
      if (size.width < 761) await page.locator('.controls-drawer-toggle').click();
      const panel = page.locator('#settings-panel');
      await expect.poll(() => panel.getByText('2–64–64–64–64–64–64–64–1').count(), { timeout: 20_000 }).toBe(1);
      const widths = await panel.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      const panelBox = await box(panel);
      const add = await box(panel.getByRole('button', { name: 'Add a hidden layer' }));
      expect(add.x + add.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
      await page.context().close();
    });
});

async function loadPastedData(page: Page) {
  await page.getByRole('button', { name: /^File/ }).click();
  await page.getByRole('button', { name: /Your own data/ }).click();
  await page.locator('dialog textarea').fill('x1,x2,y1\n0,0,0\n0,1,1\n1,0,1\n1,1,1');
  await page.getByRole('button', { name: 'Load data' }).click();
}

describe('messages and the Dataset box', () => {
  for (const size of SIZES)
    test(`at ${size.width}×${size.height} the data-loaded and link-copied messages cover neither the status line nor the tabs, and are announced`, async () => {
      const page = await openAt(size, '');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await loadPastedData(page);
      const loaded = page.getByRole('status').filter({ hasText: 'Loaded your data from the pasted text' });
      await expect.poll(() => loaded.count(), { timeout: 10_000 }).toBe(1);
      await page.getByRole('button', { name: 'Copy link' }).click();
      const copied = page.getByRole('status', { name: 'Link' }).filter({ hasText: 'Link copied' });
      await expect.poll(() => copied.count(), { timeout: 10_000 }).toBe(1);
      const status = await box(page.locator('.status'));
      const tabs = await box(page.getByRole('tablist'));
      for (const message of [await box(loaded), await box(copied)]) {
        expect(overlaps(message, status)).toBe(false);
        expect(overlaps(message, tabs)).toBe(false);
        expect(message.x + message.width).toBeLessThanOrEqual(size.width);
      }
      expect(overlaps(await box(loaded), await box(copied))).toBe(false);
      await page.context().close();
    });

  test('the Dataset box shows what is loaded, in both languages, and picking the dataset again goes back to it', async () => {
    const selected = (page: Page) =>
      page
        .locator('#settings-panel select')
        .first()
        .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent);
    const exercise = await openAt({ width: 1280, height: 720 }, '?exercise=question-one-pass');
    await expect.poll(() => selected(exercise), { timeout: 20_000 }).toBe('Loaded data (4 samples)');
    await exercise.context().close();
    const zh = await openAt({ width: 1280, height: 720 }, '?exercise=question-one-pass&lang=zh-CN');
    await expect.poll(() => selected(zh), { timeout: 20_000 }).toBe('载入的数据（4 个样本）');
    await zh.context().close();

    const page = await openAt({ width: 1280, height: 720 }, '');
    await expect.poll(() => selected(page), { timeout: 20_000 }).toBe('XOR');
    await loadPastedData(page);
    await expect.poll(() => selected(page), { timeout: 10_000 }).toBe('Your data (4 samples)');
    const datasetBox = page.getByLabel('Dataset', { exact: true });
    expect(await datasetBox.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.disabled)).toBe(true);
    await datasetBox.selectOption('XOR');
    await expect.poll(() => selected(page)).toBe('XOR');
    await expect.poll(() => page.locator('#settings-panel').getByText('Training on your data').count()).toBe(0);
    await page.context().close();
  });
});

describe('wide tables on a phone', () => {
  test('390 px: the saturation table shows the question’s σ′(a) and the gate table both solved columns without scrolling', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const page = await openAt({ width: 390, height: 844 }, `?tab=step&lang=${lang}`);
      await page.locator('summary', { hasText: lang === 'en' ? 'Saturation' : '饱和' }).click();
      const wrap = page.locator('.saturation__table-wrap');
      await expect.poll(() => wrap.count(), { timeout: 20_000 }).toBe(1);
      const wrapBox = await box(wrap);
      const key = await box(page.locator('[data-value="sigma-prime-a"]').first());
      expect(key.x + key.width, lang).toBeLessThanOrEqual(wrapBox.x + wrapBox.width);

      await page.getByRole('tab').nth(2).click();
      const table = page.locator('.bl-gates');
      await expect.poll(() => table.count(), { timeout: 20_000 }).toBe(1);
      // a finished comparison's widest cells, as the table writes them
      await table.evaluate((el) => {
        for (const row of el.querySelectorAll('tbody tr')) {
          const cells = row.querySelectorAll('td');
          const texts = ['1–1000', '1000/1000 · 99.6% (99.0–99.9%)', '0.001234', '700/1000 · 70.0% (67.1–72.8%)', '0.3466'];
          texts.forEach((text, k) => {
            if (cells[k]) cells[k].textContent = text;
          });
        }
      });
      const scrollBox = await box(page.locator('.bl-gates__scroll'));
      const buggySolved = await box(table.locator('tbody tr td:nth-of-type(4)').first());
      expect(buggySolved.x + buggySolved.width, lang).toBeLessThanOrEqual(scrollBox.x + scrollBox.width);
      await page.context().close();
    }
  });
});

describe('skip link', () => {
  for (const [lang, name] of [
    ['en', 'Skip to the lab'],
    ['zh-CN', '跳到实验室'],
  ] as const)
    test(`(${lang}) the first Tab reaches "${name}", shown on focus; Enter goes to the lab, the next Tab into its tabs; axe finds nothing serious`, async () => {
      const page = await openAt({ width: 1280, height: 720 }, `?lang=${lang}`);
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      expect(await focused.textContent()).toBe(name);
      const shown = await box(focused);
      expect(shown.y).toBeGreaterThanOrEqual(0);
      expect(shown.x + shown.width).toBeLessThanOrEqual(1280);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('lab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#lab')))).toBe(true);
      expect(page.url()).not.toContain('#lab');
      await page.context().close();
    });
});
