import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the page loads with its title and no console error', async () => {
  const errors: string[] = [];
  const page = await openPage(browser, inject('baseUrl'), errors);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Backprop Lab');
  expect(errors).toEqual([]);
});
