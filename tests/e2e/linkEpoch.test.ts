/** A link copied mid-run reopens the run where it was: same epoch, same cost digits, same tab, retrained from the settings and seed. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser';
import { downloaded, fileMenuItem, openLab, readStatus } from './shareHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every epoch's cost so far, in full precision (the File menu's export). */
const costHistory = async (page: Page) => (await downloaded(page, async () => (await fileMenuItem(page, 'Export cost history (CSV)')).click())).text;

async function copiedLink(page: Page, said: string): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect.poll(() => page.getByRole('status', { name: 'Link' }).textContent()).toBe(said);
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('a link copied at epoch 25 on Step through', () => {
  test('opens in a fresh browser at epoch 25 with the same costs (every epoch, full precision), on Step through', async () => {
    const teacher = await openLab(browser, `${inject('baseUrl')}?data=XOR&seed=7&lr=1`);
    for (let k = 0; k < 25; k++) await teacher.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await readStatus(teacher)).epoch).toBe(25);
    await teacher.getByRole('tab', { name: 'Step through' }).click();
    const link = await copiedLink(teacher, 'Link copied');
    expect(new URL(link).searchParams.get('epoch')).toBe('25');
    expect(new URL(link).searchParams.get('tab')).toBe('step');
    const there = await readStatus(teacher);

    const student = await openLab(browser, link);
    await expect.poll(async () => (await readStatus(student)).epoch, { timeout: 20_000 }).toBe(25);
    expect(await readStatus(student)).toEqual(there);
    // retrained at full speed, stepped by hand: the same 25 costs, bit for bit
    const costs = await costHistory(teacher);
    expect(costs.trim().split('\n')).toHaveLength(26);
    expect(await costHistory(student)).toBe(costs);
    expect(await student.getByRole('tab', { name: 'Step through' }).getAttribute('aria-selected')).toBe('true');
    // the link's own speed is back once it stands there
    expect(await student.getByLabel('Speed').inputValue()).not.toBe('max');
    await teacher.context().close();
    await student.context().close();
  });

  test('a run whose learning rate changed mid-run: Copy link says the link opens it from epoch 0, and writes no epoch', async () => {
    const page = await openLab(browser, `${inject('baseUrl')}?data=XOR&seed=7&lr=1`);
    for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    const field = page.getByLabel('Learning rate', { exact: true });
    await field.fill('0.5');
    await field.press('Enter');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(4);
    const link = await copiedLink(
      page,
      'Link copied. This run is not its settings alone (they changed mid-run, a weight was typed in, or it started from a loaded network or your own data), so the link opens it from epoch 0.',
    );
    expect(new URL(link).searchParams.has('epoch')).toBe(false);
    await page.context().close();
  });
});

describe('presenter mode and the tab in a link', () => {
  test('presenter=1 opens Step through unless the link has a tab key; a bad tab opens the Live lab, as its note says', async () => {
    const selected = (page: Page) => page.getByRole('tab', { selected: true }).textContent();
    const plain = await openLab(browser, `${inject('baseUrl')}?presenter=1`);
    await expect.poll(() => selected(plain)).toBe('Step through');
    await plain.context().close();

    const named = await openLab(browser, `${inject('baseUrl')}?presenter=1&tab=buglab`);
    await expect.poll(() => named.getByRole('button', { name: 'Presenter' }).getAttribute('aria-pressed')).toBe('true');
    expect(await selected(named)).toBe('Bug lab');
    await named.context().close();

    const bad = await openLab(browser, `${inject('baseUrl')}?presenter=1&tab=nope`);
    const notes = bad.getByRole('region', { name: 'Notes' });
    await expect.poll(() => notes.textContent()).toContain('got "nope"; the page opens on the Live lab.');
    expect(await selected(bad)).toBe('Live lab');
    await bad.context().close();
  });
});
