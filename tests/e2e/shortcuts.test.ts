/**
 * Shortcuts that survive a click: after clicking a toggle, a tab, a preset or a button, Space still
 * plays and pauses and → still steps (Next step in the step-through), and no key changes a setting.
 * Arrow keys move within a tab list or radio group only when the keyboard brought focus there.
 */
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

const statusText = async (page: Page) => (await page.getByRole('status', { name: 'Run status' }).textContent()) ?? '';
const epochOf = async (page: Page) => Number(/Epoch\s*([\d,]+)/.exec(await statusText(page))?.[1].replace(/,/g, ''));
const derivative = (page: Page) => page.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: 'Buggy' }).isChecked();
const selectedTab = (page: Page) => page.getByRole('tab', { selected: true }).textContent();

async function openLab(): Promise<Page> {
  const page = await openPage(browser, inject('baseUrl'));
  await expect.poll(() => statusText(page), { timeout: 20_000 }).toMatch(/Cost\s*\d/);
  return page;
}

/** The epoch once a pause has been heard (the last epochs of a run arrive just after Pause). */
async function settledEpoch(page: Page): Promise<number> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await epochOf(page);
        const same = now === last;
        last = now;
        return same;
      },
      { interval: 250 },
    )
    .toBe(true);
  return last;
}

/** → steps one epoch and Space plays then pauses, whatever the last click focused. */
async function expectShortcutsWork(page: Page): Promise<void> {
  const before = await settledEpoch(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => epochOf(page)).toBe(before + 1);
  await page.keyboard.press('Space');
  await expect.poll(() => page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
  await page.keyboard.press('Space');
  await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
  expect(await epochOf(page)).toBeGreaterThan(before + 1);
}

describe('shortcuts after a click', () => {
  test('after clicking Buggy: Space and → work, and the derivative stays Buggy', async () => {
    const page = await openLab();
    await page.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: 'Buggy' }).click();
    expect(await derivative(page)).toBe(true);
    await expectShortcutsWork(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    expect(await derivative(page)).toBe(true);
    await page.context().close();
  });

  test('after clicking a preset, the Step button or a sample: Space and → work', async () => {
    const page = await openLab();
    await page.getByRole('button', { name: 'The question: AND' }).click();
    await expect.poll(() => page.getByLabel('Dataset').inputValue()).toBe('AND');
    await expectShortcutsWork(page);
    expect(await page.getByLabel('Dataset').inputValue()).toBe('AND');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expectShortcutsWork(page);
    await page.getByRole('group', { name: 'Sample shown' }).getByRole('button').nth(1).click();
    await expectShortcutsWork(page);
    await page.getByLabel('Speed').selectOption('10');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Speed').inputValue()).toBe('10');
    await page.context().close();
  });

  test('after clicking the Bug lab tab, → steps the run and the tab stays', async () => {
    const page = await openLab();
    await page.getByRole('tab', { name: 'Bug lab' }).click();
    await expectShortcutsWork(page);
    await page.keyboard.press('ArrowLeft');
    expect(await selectedTab(page)).toBe('Bug lab');
    expect(await derivative(page)).toBe(false);
    await page.context().close();
  });

  test('after clicking the Step through tab, → is Next step and the tab stays; Space still plays', async () => {
    const page = await openLab();
    await page.getByRole('tab', { name: 'Step through' }).click();
    const position = page.getByText(/Step \d+ of \d+/).first();
    await expect.poll(() => position.textContent(), { timeout: 20_000 }).toMatch(/Step 1 of/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toMatch(/Step 2 of/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position.textContent()).toMatch(/Step 1 of/);
    expect(await selectedTab(page)).toBe('Step through');
    const before = await epochOf(page);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    expect(await epochOf(page)).toBeGreaterThan(before);
    await page.context().close();
  });
});

describe('arrow keys in a tab list or radio group reached by keyboard', () => {
  test('Tab into the tab list: → moves to the next tab; Tab to the derivative: an arrow picks Buggy', async () => {
    const page = await openLab();
    await page.getByRole('tab', { name: 'Live lab' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => selectedTab(page)).toBe('Step through');
    await page.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: 'Correct' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => derivative(page)).toBe(true);
    await page.context().close();
  });
});
