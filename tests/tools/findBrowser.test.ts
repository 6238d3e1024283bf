/** The end-to-end tests' browser finder, on machines described by injected file checks (none of them this one). */
import { describe, expect, test } from 'vitest';
import { type BrowserProbe, findBrowser, noBrowserLine } from '../e2e/browser';

/** A machine with exactly these files (and the folders they sit in). */
function machine(files: string[], options: { platform?: NodeJS.Platform; env?: Record<string, string>; home?: string } = {}): BrowserProbe {
  const set = new Set(files);
  return {
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    home: options.home ?? '/home/ada',
    isFile: (path) => set.has(path),
    list: (dir) => [...new Set(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]))],
  };
}

describe('finding a browser for the end-to-end tests', () => {
  test('CHROMIUM_PATH first, even when a system browser exists; a CHROMIUM_PATH that is not there finds nothing and says so', () => {
    const files = ['/opt/my/chrome', '/usr/bin/chromium'];
    expect(findBrowser(machine(files, { env: { CHROMIUM_PATH: '/opt/my/chrome' } }))).toEqual({ path: '/opt/my/chrome', source: 'CHROMIUM_PATH' });
    const wrong = machine(files, { env: { CHROMIUM_PATH: '/opt/none' } });
    expect(findBrowser(wrong)).toBeNull();
    expect(noBrowserLine(wrong)).toMatch(/^No browser at CHROMIUM_PATH=\/opt\/none: /);
  });

  test('then the usual install paths: Chromium before Chrome on Linux, the .app bundles on macOS (also in ~/Applications)', () => {
    expect(findBrowser(machine(['/usr/bin/google-chrome', '/usr/bin/chromium']))).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    expect(findBrowser(machine(['/usr/bin/google-chrome-stable']))?.path).toBe('/usr/bin/google-chrome-stable');
    expect(findBrowser(machine(['/snap/bin/chromium']))?.path).toBe('/snap/bin/chromium');
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(machine([chrome], { platform: 'darwin' }))).toEqual({ path: chrome, source: 'system' });
    const own = '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser(machine([own], { platform: 'darwin', home: '/Users/ada' }))?.path).toBe(own);
    // a Linux path means nothing on a Mac
    expect(findBrowser(machine(['/usr/bin/chromium'], { platform: 'darwin' }))).toBeNull();
  });

  test("then playwright's cache: the newest full Chromium before a headless shell, on Linux and macOS", () => {
    const cache = '/home/ada/.cache/ms-playwright';
    const linux = machine([
      `${cache}/chromium-1100/chrome-linux/chrome`,
      `${cache}/chromium-1169/chrome-linux64/chrome`,
      `${cache}/chromium_headless_shell-1200/chrome-linux/headless_shell`,
      `${cache}/ffmpeg-1010/ffmpeg-linux`,
    ]);
    expect(findBrowser(linux)).toEqual({ path: `${cache}/chromium-1169/chrome-linux64/chrome`, source: 'playwright cache' });
    const shellOnly = machine([`${cache}/chromium_headless_shell-1200/chrome-linux/headless_shell`]);
    expect(findBrowser(shellOnly)?.path).toBe(`${cache}/chromium_headless_shell-1200/chrome-linux/headless_shell`);
    const mac = '/Users/ada/Library/Caches/ms-playwright/chromium-1169/chrome-mac/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser(machine([mac], { platform: 'darwin', home: '/Users/ada' }))?.path).toBe(mac);
    const custom = machine(['/srv/pw/chromium-1/chrome-linux/chrome'], { env: { PLAYWRIGHT_BROWSERS_PATH: '/srv/pw' } });
    expect(findBrowser(custom)?.path).toBe('/srv/pw/chromium-1/chrome-linux/chrome');
  });

  test('none anywhere: null, and one line that says how to get a browser', () => {
    expect(findBrowser(machine([]))).toBeNull();
    const line = noBrowserLine(machine([]));
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/apt-get install -y chromium.*npx playwright install chromium.*CHROMIUM_PATH/);
    expect(noBrowserLine(machine([], { platform: 'darwin' }))).toMatch(/\/Applications/);
  });
});
