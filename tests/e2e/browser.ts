/**
 * Finds a Chromium or Chrome to drive (never downloads one), launches it headless, and collects
 * console errors per page. The finder is a pure function of what exists, so it is tested without
 * touching the machine (tests/tools/findBrowser.test.ts, in the Node project).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { STORAGE_KEY } from '../../src/app/storage/persist';
import { LAB_UI_PROPERTIES, defaultSettings, encodeSettings } from '../../src/app/links/urlState';
import { LANDING_SEEN_KEY } from '../../src/app/tour/tourLink';

/** What the finder may look at: injected, so tests can describe any machine. */
export interface BrowserProbe {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  home: string;
  /** whether a file exists at the path */
  isFile(path: string): boolean;
  /** the names in a folder (empty when it does not exist) */
  list(dir: string): string[];
}

export interface FoundBrowser {
  path: string;
  /** where it was found: 'CHROMIUM_PATH', 'system' or 'playwright cache' */
  source: 'CHROMIUM_PATH' | 'system' | 'playwright cache';
}

/** The usual install paths of Chromium and Chrome, in order of preference. */
function systemBrowserPaths(platform: NodeJS.Platform, home: string): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    ];
    return [...apps.map((app) => `/Applications/${app}`), ...apps.map((app) => join(home, 'Applications', app))];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/local/bin/chromium',
  ];
}

/** Playwright's own browser cache (PLAYWRIGHT_BROWSERS_PATH, else its default folder). */
function playwrightCache(probe: Pick<BrowserProbe, 'env' | 'platform' | 'home'>): string {
  const custom = probe.env.PLAYWRIGHT_BROWSERS_PATH;
  if (custom && custom !== '0') return custom;
  return probe.platform === 'darwin' ? join(probe.home, 'Library', 'Caches', 'ms-playwright') : join(probe.home, '.cache', 'ms-playwright');
}

/** The executables inside one cached playwright Chromium folder (its layout changed between versions). */
function cachedExecutables(folder: string, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin')
    return [
      'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
      'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium',
      'chrome-mac/headless_shell',
      'chrome-mac-arm64/headless_shell',
    ].map((p) => join(folder, p));
  return ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-linux/headless_shell', 'chrome-headless-shell-linux64/chrome-headless-shell'].map((p) =>
    join(folder, p),
  );
}

/** The browser to drive: CHROMIUM_PATH, then the usual install paths, then playwright's cache (newest first); null when there is none. */
export function findBrowser(probe: BrowserProbe): FoundBrowser | null {
  const explicit = probe.env.CHROMIUM_PATH;
  if (explicit) return probe.isFile(explicit) ? { path: explicit, source: 'CHROMIUM_PATH' } : null;
  for (const path of systemBrowserPaths(probe.platform, probe.home)) if (probe.isFile(path)) return { path, source: 'system' };
  const cache = playwrightCache(probe);
  const folders = probe
    .list(cache)
    .filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
    // full Chromium before the headless shell, newest revision first
    .sort((a, b) => Number(a.includes('headless')) - Number(b.includes('headless')) || Number(b.split('-')[1]) - Number(a.split('-')[1]));
  for (const folder of folders)
    for (const path of cachedExecutables(join(cache, folder), probe.platform)) if (probe.isFile(path)) return { path, source: 'playwright cache' };
  return null;
}

/** The one line the end-to-end tests fail with when there is no browser. */
export function noBrowserLine(probe: Pick<BrowserProbe, 'env' | 'platform' | 'home'>): string {
  if (probe.env.CHROMIUM_PATH)
    return `No browser at CHROMIUM_PATH=${probe.env.CHROMIUM_PATH}: point it at a Chromium or Chrome executable, or unset it to search the usual places.`;
  const install =
    probe.platform === 'darwin' ? 'install Google Chrome or Chromium in /Applications' : 'install Chromium (Debian/Ubuntu: apt-get install -y chromium)';
  return `No Chromium or Chrome found for the end-to-end tests: ${install}, run "npx playwright install chromium", or set CHROMIUM_PATH to a browser executable.`;
}

/** This machine, as the finder sees it. */
export const localProbe: BrowserProbe = {
  env: process.env,
  platform: process.platform,
  home: homedir(),
  isFile: (path) => {
    try {
      return existsSync(path) && statSync(path).isFile();
    } catch {
      return false;
    }
  },
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};

/** Launches the browser the finder picks; throws the one-line advice when there is none. */
export async function launchBrowser(): Promise<Browser> {
  const found = findBrowser(localProbe);
  if (!found) throw new Error(noBrowserLine(localProbe));
  return chromium.launch({
    executablePath: found.path,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
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
