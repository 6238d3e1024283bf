/**
 * The stuck run, as a newcomer meets it (a walk found the fix "does not work"): Explore → Max → Play
 * stops AND at 60,000 epochs not solved; switching to Correct there names the saturation in the run's
 * numbers and offers "Reset and train with f′(z)", which trains the same seed with f′(z) and solves AND.
 * Also Play at the limit trains on (it used to do nothing visible), and the Chinese Play is 训练.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { readStatus, statusText } from './shareHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a run stuck in saturation', () => {
  test('Correct at epoch 60,000 names the saturation and the Reset; the Reset trains f′(z) from the same seed and solves AND', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, inject('baseUrl'), errors, { firstVisit: true });
    await page.getByRole('button', { name: 'Explore on my own' }).click();
    expect(await page.getByLabel('Dataset').inputValue()).toBe('AND');
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/Finished at epoch 60,000: not solved/);
    expect(await statusText(page)).toMatch(/Play trains on to epoch 120,000/);
    const seed = await page.getByLabel('Seed', { exact: true }).inputValue();

    await page.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: 'Correct' }).check();
    await expect.poll(() => statusText(page)).toMatch(/correct f′\(z\) from epoch 60,000 on/);
    const note = page.getByRole('region', { name: 'Why this run is stuck' });
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toMatch(/Stuck in saturation\./);
    const words = (await note.textContent()) ?? '';
    expect(words).toMatch(/Samples \(1, 1\), \(0, 1\) and \(1, 0\) have different targets, but hidden layer 1 is saturated on them \(\|z\| ≥ \d{4}\)/);
    expect(words).toMatch(/There σ′\(z\) = 0 \(a double cannot hold anything smaller\), so with f′\(z\) the δ they send back is 0:/);
    expect(words).toMatch(/Reset and train with f′\(z\) goes back to the initial weights this run started from/);

    await note.getByRole('button', { name: 'Reset and train with f′(z)' }).click();
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/Finished at epoch 60,000: solved/);
    expect(await note.count()).toBe(0);
    expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe(seed);
    expect(await page.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: 'Correct' }).isChecked()).toBe(true);
    const cost = (await readStatus(page)).cost;
    // the status writes 5.927e−5 with a minus sign, and its figures run into the next label
    expect(Number(/^[\d.]+(e[−-]\d+)?/.exec(cost)?.[0].replace('−', '-')), cost).toBeLessThan(1e-3);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the tour leaves AND at its limit: Play trains on past it and says so; the status reads "Not solved", not "yet"', async () => {
    const page = await openPage(browser, new URL('?tour=1', inject('baseUrl')).toString());
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/Finished at epoch 60,000: not solved/);
    expect(await statusText(page)).not.toMatch(/yet/);
    await page.getByLabel('Speed').selectOption('10');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => statusText(page)).toMatch(/Stop after raised from 60,000 to 120,000: training on from epoch 60,000/);
    await expect.poll(async () => (await readStatus(page)).epoch).toBeGreaterThan(60_000);
    expect(await page.getByLabel('Stop after (epochs)').inputValue()).toBe('120000');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.context().close();
  });
});
