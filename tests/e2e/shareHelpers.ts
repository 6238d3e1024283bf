/** Helpers of the share, file and fault end-to-end tests: open the lab, read the status, catch downloads, log CSP violations. */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage } from './browser';

export const status = (page: Page) => page.getByRole('status', { name: 'Run status' });
export const statusText = async (page: Page) => (await status(page).textContent()) ?? '';

export async function readStatus(page: Page): Promise<{ epoch: number; cost: string }> {
  const text = await statusText(page);
  const epoch = Number(/Epoch\s*([\d,]+)/i.exec(text)?.[1].replace(/,/g, ''));
  return { epoch, cost: /Cost\s*(\S+)/i.exec(text)?.[1] ?? '' };
}

/** Opens the lab in a fresh browser context (its own storage) and waits for the first snapshot. */
export async function openLab(browser: Browser, url: string, errors: string[] = []): Promise<Page> {
  const page = await openPage(browser, url, errors);
  await expect.poll(async () => (await readStatus(page)).cost, { timeout: 20_000 }).toMatch(/\d/);
  return page;
}

/** Records Content-Security-Policy violations from the first script on (call before goto). */
export async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = log;
    document.addEventListener('securitypolicyviolation', (event) => log.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

/** Runs `action`, which should start a download, and returns the file's name and text. */
export async function downloaded(page: Page, action: () => Promise<unknown>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), action()]);
  const path = await download.path();
  const bytes = await readFile(path);
  return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

export async function fileMenuItem(page: Page, name: string) {
  const menu = page.getByRole('group', { name: 'File', exact: true });
  if (!(await menu.isVisible().catch(() => false))) await page.getByRole('button', { name: 'File', exact: true }).click();
  return menu.getByRole('button', { name, exact: true });
}
