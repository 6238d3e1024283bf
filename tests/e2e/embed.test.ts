/**
 * Embed and presenter links in the production build: each `embed=` view alone in the frame, the
 * controls the link asks for, malformed values in the notes banner, and presenter mode (kept in the
 * link, ← → through the stepper's steps, no serious axe violation).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A text only each view shows. */
const SIGNATURES = {
  graph: 'Lines are weights',
  boundary: 'Network output aᴸ over the input plane',
  cost: 'each pixel column spans',
  step: 'Walk through slowly',
  twin: 'No twin run yet',
  tour: 'Leave tour',
} as const;

// Playwright's innerText (what is rendered), not the DOM property: hidden views must not count
// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator method, not the DOM's innerText
const bodyText = async (page: Page) => (await page.locator('body').innerText()) ?? '';

describe('embed links', () => {
  for (const view of Object.keys(SIGNATURES) as Array<keyof typeof SIGNATURES>) {
    test(`embed=${view} shows only that view, with no tabs, settings or other views`, async () => {
      const errors: string[] = [];
      const page = await openPage(browser, `${inject('baseUrl')}?embed=${view}`, errors);
      await expect.poll(() => bodyText(page), { timeout: 20_000 }).toContain(SIGNATURES[view]);
      const text = await bodyText(page);
      // Step through has its own network graph beside the stepper
      for (const [other, signature] of Object.entries(SIGNATURES))
        if (other !== view && !(view === 'step' && other === 'graph')) expect(text, `${other} in embed=${view}`).not.toContain(signature);
      expect(await page.getByRole('tablist').count()).toBe(0);
      // innerText follows the headings' upper-casing
      expect(text).not.toMatch(/presets/i);
      expect(text).not.toMatch(/backprop lab/i);
      expect(await page.getByRole('button', { name: /Play/ }).count()).toBe(0);
      // the view fills the frame's width
      const box = await page.locator('.embed__view').boundingBox();
      expect(box!.width).toBeGreaterThan(1400 - 40);
      expect(page.url()).toContain(`embed=${view}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  test('controls=play brings the transport, controls=full the settings too; size=large scales by 1.5', async () => {
    const page = await openPage(browser, `${inject('baseUrl')}?embed=cost&controls=play&size=large`);
    await expect.poll(() => bodyText(page), { timeout: 20_000 }).toContain(SIGNATURES.cost);
    expect(await page.getByRole('button', { name: /Play/ }).count()).toBe(1);
    expect(await bodyText(page)).not.toMatch(/presets/i);
    expect(await page.locator('.embed').evaluate((el) => getComputedStyle(el).zoom)).toBe('1.5');
    await page.context().close();
    const full = await openPage(browser, `${inject('baseUrl')}?embed=graph&controls=full`);
    await expect.poll(() => bodyText(full), { timeout: 20_000 }).toMatch(/presets/i);
    expect(await full.getByRole('button', { name: /Play/ }).count()).toBe(1);
    await full.context().close();
  });

  test('a malformed embed value is named in the notes and the whole lab shows', async () => {
    const page = await openPage(browser, `${inject('baseUrl')}?embed=sideways&controls=lots`);
    await expect.poll(() => bodyText(page), { timeout: 20_000 }).toContain('embed="sideways" is not a view');
    // the whole lab shows every control, and the note says so (it used to say "no controls shown")
    expect(await bodyText(page)).toContain('controls="lots" applies only to an embedded view (embed=); the whole lab shows with all its controls.');
    expect(await page.getByRole('button', { name: /Play/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('tablist').count()).toBe(1);
    await page.context().close();
  });
});

describe('presenter mode', () => {
  test('in an embedded tour, → and ← page through the tour’s steps', async () => {
    const page = await openPage(browser, `${inject('baseUrl')}?embed=tour&presenter=1`);
    await expect.poll(() => bodyText(page), { timeout: 20_000 }).toContain('Step 1 of 6');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => bodyText(page)).toContain('Step 2 of 6');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => bodyText(page)).toContain('Step 1 of 6');
    expect(page.url()).toContain('presenter=1');
    await page.context().close();
  });

  test('the switch is kept in the link, opens Step through, ← and → page through the steps, and axe finds nothing serious', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, inject('baseUrl'), errors);
    await expect.poll(() => bodyText(page), { timeout: 20_000 }).toMatch(/cost\s*[\d.]+/i);
    await page.getByRole('button', { name: 'Presenter' }).click();
    await expect.poll(() => page.url()).toContain('presenter=1');
    expect(await page.getByRole('button', { name: 'Presenter' }).getAttribute('aria-pressed')).toBe('true');
    const status = page.getByRole('region', { name: 'Step-through' }).locator('.bl-stepper__status');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 10_000 }).toMatch(/Step 1 of/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await status.textContent()) ?? '').toMatch(/Step 2 of/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await status.textContent()) ?? '').toMatch(/Step 1 of/);
    await page.evaluate(axeSource);
    const serious = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> };
        }
      ).axe;
      return (await axe.run(document)).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    });
    expect(serious).toEqual([]);

    // the link opens in presenter mode again
    const again = await openPage(browser, page.url());
    await expect.poll(() => again.locator('.app--presenter').count(), { timeout: 20_000 }).toBe(1);
    expect(await again.getByRole('tab', { name: 'Step through' }).getAttribute('aria-selected')).toBe('true');
    await again.context().close();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('on a 390×844 phone nothing scrolls sideways: every tab, the tour, both languages', async () => {
    /** document.scrollingElement.scrollWidth ≤ innerWidth once the open tab's chunk is in */
    const fits = async (page: Page, what: string) => {
      await expect.poll(() => page.locator('.app--presenter .mode-panel').count(), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => page.locator('.mode-panel__empty').count(), { timeout: 20_000 }).toBe(0);
      // once the page has settled (a loaded CI machine once caught a passing overflow mid-render):
      // the widest element past the window is named when it does not
      const overflow = () =>
        page.evaluate(() => {
          const inner = window.innerWidth;
          if (document.scrollingElement!.scrollWidth <= inner) return '';
          const past = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > inner + 1);
          const widest = past.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0];
          return `${document.scrollingElement!.scrollWidth} > ${inner}: ${widest?.tagName}.${String(widest?.className)} “${widest?.textContent?.slice(0, 60)}”`;
        });
      await expect.poll(overflow, { message: what, timeout: 10_000 }).toBe('');
    };
    for (const query of ['?presenter=1', '?presenter=1&tour=3', '?presenter=1&lang=zh-CN']) {
      const page = await openPage(browser, 'about:blank');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${inject('baseUrl')}${query}`);
      await fits(page, `${query}, Step through`);
      for (const tab of [0, 2]) {
        await page.getByRole('tab').nth(tab).click();
        await fits(page, `${query}, tab ${tab + 1}`);
      }
      await page.context().close();
    }
  });
});
