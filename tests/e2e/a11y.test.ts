/**
 * Accessibility end to end: axe-core on every tab and every dialog finds no serious or critical
 * violation, every control is reachable by Tab with a visible focus ring, the shortcut sheet opens
 * on ?, and a weight can be edited with the keyboard alone. The production CSP stays on: axe is
 * evaluated through the DevTools protocol (page.evaluate), which the page's policy does not govern.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser';
import { seriousViolations } from './axe';
import { openLab, readStatus } from './shareHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect.poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
  await expect.poll(() => page.getByRole('tabpanel').count()).toBe(1);
}

describe('axe-core', () => {
  test('no serious or critical violation on Live lab, Step through and Bug lab, under the production CSP', async () => {
    const page = await openLab(browser, inject('baseUrl'));
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    for (const tab of ['Live lab', 'Step through', 'Bug lab']) {
      await showTab(page, tab);
      await page.waitForTimeout(300); // let the tab's views draw
      expect(await seriousViolations(page), tab).toEqual([]);
    }
    await page.context().close();
  });

  test('none in the notes banner, the File menu and the dialogs either', async () => {
    const page = await openLab(browser, new URL('?lr=abc&hidden=0', inject('baseUrl')).toString());
    await expect.poll(() => page.getByRole('region', { name: 'Notes' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'File', exact: true }).click();
    expect(await seriousViolations(page), 'File menu and notes').toEqual([]);
    await page.getByRole('button', { name: 'Your own data (CSV)…' }).click();
    const data = page.getByRole('dialog', { name: 'Your own data' });
    await data.getByLabel('Or paste it here').fill('x1,y1\n1,zz\n');
    await data.getByRole('button', { name: 'Load data' }).click();
    await expect.poll(() => data.getByRole('alert').count()).toBe(1);
    expect(await seriousViolations(page), 'data dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => data.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    expect(await seriousViolations(page), 'shortcut sheet').toEqual([]);
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: /^Weight w/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog', { name: /^Edit w/ }).isVisible()).toBe(true);
    expect(await seriousViolations(page), 'weight editor').toEqual([]);
    await page.context().close();
  });
});

describe('the keyboard', () => {
  test('Tab reaches every control of the live lab, each with a name and a visible focus ring', async () => {
    const page = await openLab(browser, inject('baseUrl'));
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const reached: Array<{ name: string; ring: boolean }> = [];
    for (let k = 0; k < 80; k++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const visible = (style: CSSStyleDeclaration) => style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        // a segmented radio draws its ring on the label text next to it; a graph item on the overlay marker
        const next = el.nextElementSibling;
        const ring =
          visible(getComputedStyle(el)) ||
          (next !== null && visible(getComputedStyle(next))) ||
          (el.closest('svg') !== null && document.querySelector('.bl-graph__marker-node, .bl-graph__marker-edge') !== null);
        const labelled = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
        return { name: labelled.trim(), ring };
      });
      if (focused === null || (reached.length > 0 && focused.name === reached[0].name)) break;
      reached.push(focused);
    }
    const names = reached.map((r) => r.name);
    for (const name of [
      'Play',
      'Step',
      'Reset',
      'Speed',
      'File',
      'Copy link',
      'Keyboard shortcuts',
      'Dataset',
      'Learning rate',
      'Stop after (epochs)',
      'Live lab',
      'Rounded output',
      'Log',
    ]) {
      expect(
        names.some((n) => n === name || n.startsWith(`${name} `) || n.endsWith(name)),
        name,
      ).toBe(true);
    }
    expect(reached.filter((r) => r.name === '')).toEqual([]);
    expect(reached.filter((r) => !r.ring).map((r) => r.name)).toEqual([]);
    await page.context().close();
  });

  test('? opens the shortcut sheet (not while typing), Escape closes it and focus comes back', async () => {
    const page = await openLab(browser, inject('baseUrl'));
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.getByLabel('Learning rate', { exact: true }).focus();
    await page.keyboard.press('Shift+?');
    expect(await sheet.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Reset', exact: true }).focus();
    await page.keyboard.press('Shift+?');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    const text = (await sheet.textContent()) ?? '';
    for (const key of ['Space', '→', '←', '?', 'Escape', 'Tab']) expect(text).toContain(key);
    expect(text).toMatch(/mode tabs/);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Reset/);
    await page.context().close();
  });

  test('a weight edited with the keyboard alone: arrows to it, Enter, type, Enter', async () => {
    const page = await openLab(browser, inject('baseUrl'));
    const before = await readStatus(page);
    await page
      .getByRole('button', { name: /^Input x/ })
      .first()
      .focus();
    await page.keyboard.press('ArrowRight'); // hidden neuron 1
    await page.keyboard.press('Enter'); // its first incoming weight
    await page.keyboard.press('Enter'); // edit it
    const dialog = page.getByRole('dialog', { name: /^Edit w¹₁₁/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type('2.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(async () => (await readStatus(page)).cost).not.toBe(before.cost);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Weight w¹₁₁/);
    await page.context().close();
  });
});
