/** Launches the system Chromium (never a downloaded one) and collects console errors per page. */
import { type Browser, type Page, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh 1400×900 page (own context) that records console errors and uncaught exceptions into `errors`. */
export async function newRecordingPage(browser: Browser, errors: string[] = []): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return page;
}

/** Opens `url` in a recording page. */
export async function openPage(browser: Browser, url: string, errors: string[] = []): Promise<Page> {
  const page = await newRecordingPage(browser, errors);
  await page.goto(url);
  return page;
}
