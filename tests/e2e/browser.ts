/** Launches the system Chromium (never a downloaded one) and collects console errors per page. */
import { type Browser, type Page, chromium } from 'playwright-core';
import { STORAGE_KEY } from '../../src/app/share/persist';
import { LAB_UI_PROPERTIES, defaultSettings, encodeSettings } from '../../src/app/share/urlState';
import { LANDING_SEEN_KEY } from '../../src/app/tour/tourLink';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The engine's default settings (XOR on 2-4-1, correct derivative) as the saved record the page reads. */
const SAVED_DEFAULTS = JSON.stringify({ query: encodeSettings(defaultSettings(LAB_UI_PROPERTIES), LAB_UI_PROPERTIES).toString() });

/**
 * A fresh 1400×900 page (own context) that records console errors and uncaught exceptions into `errors`.
 * It opens as a returning visitor who saved the engine's defaults (no landing, XOR 2-4-1), unless
 * `firstVisit`: then nothing is saved, as in a browser that never saw the lab.
 */
export async function newRecordingPage(browser: Browser, errors: string[] = [], { firstVisit = false } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  if (!firstVisit)
    await context.addInitScript(
      ([key, saved, seenKey]) => {
        try {
          // only where nothing is saved yet, so a test's own saved settings survive its reloads
          if (localStorage.getItem(key) === null) localStorage.setItem(key, saved);
          localStorage.setItem(seenKey, '1');
        } catch {
          // no storage on this document (about:blank, or a test that blocks it)
        }
      },
      [STORAGE_KEY, SAVED_DEFAULTS, LANDING_SEEN_KEY],
    );
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return page;
}

/** Opens `url` in a recording page. */
export async function openPage(browser: Browser, url: string, errors: string[] = [], options: { firstVisit?: boolean } = {}): Promise<Page> {
  const page = await newRecordingPage(browser, errors, options);
  await page.goto(url);
  return page;
}
