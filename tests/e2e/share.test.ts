/** Links and saved settings end to end: a copied link reproduces a run bit for bit, a reload keeps the settings, a hostile link cannot break the page. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser';
import { downloaded, fileMenuItem, openLab, readStatus, statusText } from './shareHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function commit(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** The link the Copy link control puts on the clipboard. */
async function copiedLink(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect.poll(() => page.getByRole('status', { name: 'Link' }).textContent()).toBe('Link copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Plays until the stop condition from the link and returns the status and the cost history file. */
async function playToLimit(page: Page): Promise<{ status: { epoch: number; cost: string }; costs: string }> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/epoch limit/);
  const file = await downloaded(page, async () => (await fileMenuItem(page, 'Export cost history (CSV)')).click());
  return { status: await readStatus(page), costs: file.text };
}

describe('a shared link', () => {
  test('opens the same run in a fresh browser: the same cost after the same epochs, bit for bit', async () => {
    const teacher = await openLab(browser, inject('baseUrl'));
    await commit(teacher, 'Learning rate', '0.9');
    await commit(teacher, 'Seed', '7');
    await teacher.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: 'Buggy' }).check();
    await commit(teacher, 'Stop after (epochs)', '700');
    await teacher.getByLabel('Speed').selectOption('max');
    await expect.poll(async () => (await readStatus(teacher)).epoch).toBe(0);
    const link = await copiedLink(teacher);
    expect(new URL(link).searchParams.get('lr')).toBe('0.9');
    const first = await playToLimit(teacher);
    expect(first.costs.split('\n')).toHaveLength(702); // header, 700 epochs, final newline

    const student = await openLab(browser, link);
    expect(await student.getByLabel('Learning rate', { exact: true }).inputValue()).toBe('0.9');
    expect(await student.getByLabel('Seed', { exact: true }).inputValue()).toBe('7');
    const second = await playToLimit(student);
    expect(second.costs).toBe(first.costs); // every epoch's cost, written in full precision
    expect(second.status).toEqual(first.status);
    expect(second.status.epoch).toBe(700);
    await teacher.context().close();
    await student.context().close();
  });
});

describe('a link copied on another tab', () => {
  test('opens that tab (Step through, Bug lab), and a mystery copied in the Bug lab comes with it; the Live lab writes no tab', async () => {
    const page = await openLab(browser, inject('baseUrl'));
    await page.getByRole('tab', { name: 'Step through' }).click();
    const stepLink = await copiedLink(page);
    expect(new URL(stepLink).searchParams.get('tab')).toBe('step');
    await page.getByRole('tab', { name: 'Bug lab' }).click();
    await page.getByRole('button', { name: 'Mystery slip', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('mystery')).not.toBeNull();
    const bugLink = await copiedLink(page);
    expect(new URL(bugLink).searchParams.get('tab')).toBe('buglab');
    expect(new URL(bugLink).searchParams.get('mystery')).toBe(new URL(page.url()).searchParams.get('mystery'));
    await page.getByRole('tab', { name: 'Live lab' }).click();
    // the Live lab says a mystery waits in the Bug lab
    await expect.poll(() => page.locator('.mystery-notice').textContent()).toMatch(/^A mystery slip is on/);
    expect(new URL(await copiedLink(page)).searchParams.has('tab')).toBe(false);
    await page.context().close();

    for (const [link, tab] of [
      [stepLink, 'Step through'],
      [bugLink, 'Bug lab'],
    ] as const) {
      const opened = await openLab(browser, link);
      expect(await opened.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      await opened.context().close();
    }
    // the button under the note opens the Bug lab at its Mystery section
    const student = await openLab(browser, bugLink.replace('tab=buglab', 'tab=live'));
    await student.locator('.mystery-notice').getByRole('button', { name: 'Go to the mystery' }).click();
    expect(await student.getByRole('tab', { name: 'Bug lab' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => student.evaluate(() => document.activeElement?.id)).toBe('bl-mystery-title');
    await student.context().close();
  });
});

describe('settings that survive', () => {
  test('a reload keeps the settings, and so does opening the bare address again', async () => {
    const page = await openLab(browser, inject('baseUrl'));
    await commit(page, 'Learning rate', '0.125');
    await page.getByLabel('Hidden activation').selectOption('tanh');
    await page.getByLabel('Speed').selectOption('100');
    await expect.poll(() => new URL(page.url()).searchParams.get('act')).toBe('tanh');
    // the speed was chosen last: wait for it in the address too before reloading (a loaded machine lost it)
    await expect.poll(() => new URL(page.url()).searchParams.get('speed')).toBe('100');
    expect(new URL(page.url()).searchParams.get('lr')).toBe('0.125');
    await page.reload();
    await expect.poll(async () => (await readStatus(page)).cost).toMatch(/\d/);
    expect(await page.getByLabel('Learning rate', { exact: true }).inputValue()).toBe('0.125');
    expect(await page.getByLabel('Hidden activation').inputValue()).toBe('tanh');
    expect(await page.getByLabel('Speed').inputValue()).toBe('100');
    // the bare address (no query) opens what this browser saved
    await page.goto(inject('baseUrl'));
    await expect.poll(async () => (await readStatus(page)).cost).toMatch(/\d/);
    expect(await page.getByLabel('Learning rate', { exact: true }).inputValue()).toBe('0.125');
    expect(await page.getByLabel('Hidden activation').inputValue()).toBe('tanh');
    expect(await page.getByRole('region', { name: 'Notes' }).isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('a hostile link', () => {
  test('opens a working lab with defaults for the bad fields and a plain-text note naming them', async () => {
    const errors: string[] = [];
    const hostile =
      '?lr=abc&hidden=999&act=%3Cscript%3Ealert(1)%3C%2Fscript%3E&seed=1e999&speed=max&round=1' +
      '&%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E=1&cost=crossEntropy&out=relu&lr=2';
    const page = await openLab(browser, new URL(hostile, inject('baseUrl')).toString(), errors);
    const notes = page.getByRole('region', { name: 'Notes' });
    await expect.poll(() => notes.isVisible()).toBe(true);
    const text = (await notes.textContent()) ?? '';
    for (const key of ['(lr)', '(hidden)', '(act)', '(seed)', '(out)']) expect(text).toContain(key);
    expect(text).toContain('<script>alert(1)</script>'); // shown as text …
    expect(await notes.locator('script, img').count()).toBe(0); // … never as markup
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // the good fields were taken, the rest kept their defaults
    expect(await page.getByLabel('Speed').inputValue()).toBe('max');
    expect(await page.getByLabel('Learning rate', { exact: true }).inputValue()).toBe('0.35');
    expect(await page.getByLabel('Rounded output').isChecked()).toBe(true);
    // the address no longer carries the refused values
    const url = new URL(page.url());
    expect(url.searchParams.get('lr')).toBe('0.35');
    expect(url.searchParams.get('act')).toBe('sigmoid');
    // the lab works
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(1);
    await notes.getByRole('button', { name: 'Dismiss notes' }).click();
    await expect.poll(() => notes.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
