/** Leaving the guided tour: the last step has Finish, and a tour that replaced the person's settings offers them back, in both languages. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { TOUR_STEP_COUNT } from '../../src/app/tour/tourSteps';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const tour = (page: Page) => page.getByRole('region', { name: 'Guided tour' });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

describe('leaving the tour', () => {
  test("Start here from a link's settings, then Leave tour: Restore my settings puts the link's run back", async () => {
    const page = await openPage(browser, new URL('?data=circle&hidden=5,3&lr=0.8&seed=42', inject('baseUrl')).toString());
    await expect.poll(() => field(page, 'Seed'), { timeout: 20_000 }).toBe('42');
    const dataset = await page.getByLabel('Dataset').inputValue();
    await page.getByRole('button', { name: 'The story', exact: true }).click();
    await page.getByRole('button', { name: 'Start here' }).click();
    await expect.poll(() => tour(page).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => field(page, 'Seed')).toBe('1');
    await tour(page).getByRole('button', { name: 'Leave tour', exact: true }).click();
    const offer = page.getByRole('region', { name: 'After the tour' });
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(await offer.textContent()).toContain('The tour set up runs of its own');
    await offer.getByRole('button', { name: 'Restore my settings' }).click();
    expect(await offer.count()).toBe(0);
    expect(await page.getByLabel('Dataset').inputValue()).toBe(dataset);
    expect(await field(page, 'Seed')).toBe('42');
    expect(await field(page, 'Learning rate')).toBe('0.8');
    expect(await page.locator('.layers__shape').textContent()).toMatch(/^2\D5\D3\D1$/);
    await page.context().close();
  });

  test(`the last step (${TOUR_STEP_COUNT}) has Finish tour (in Chinese: 完成导览) instead of a disabled Next, and it closes the tour`, async () => {
    const page = await openPage(browser, new URL(`?tour=${TOUR_STEP_COUNT}&lang=zh-CN`, inject('baseUrl')).toString(), [], { firstVisit: true });
    const region = page.getByRole('region', { name: '导览', exact: true });
    await expect.poll(() => region.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await region.getByRole('button', { name: '下一步', exact: true }).count()).toBe(0);
    await region.getByRole('button', { name: '完成导览', exact: true }).click();
    await expect.poll(() => region.count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('tour')).toBe(false);
    await page.context().close();
  });
});
