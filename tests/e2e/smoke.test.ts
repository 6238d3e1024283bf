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

test('the served build is the one users get: React’s production build, no development advice', async () => {
  const base = inject('baseUrl');
  const html = await (await fetch(base)).text();
  const scripts = [...html.matchAll(/src="([^"]+\.js)"|href="([^"]+\.js)"/g)].map((m) => new URL(m[1] ?? m[2], base).href);
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) expect(await (await fetch(url)).text()).not.toContain('Download the React DevTools');
});
