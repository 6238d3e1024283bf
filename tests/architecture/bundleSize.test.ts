/**
 * The first-render budget of issue 10: the JS that index.html loads before anything runs (its
 * module script and the chunks it preloads) plus the one catalog chunk fetched before the first
 * render (the `first` group in the page's language), gzip -9, stays within 161,267 bytes (the
 * entry before i18n, docs/architecture.md) + 15,000, in each language.
 *
 * Measured on a real production build (NODE_ENV=production, as `npm run build` makes it), built
 * here in a child process: inside Vitest NODE_ENV is `test`, which would bundle React's
 * development build.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';

const BEFORE_I18N = 161_267;
const BUDGET = BEFORE_I18N + 15_000;

let outDir = '';
beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'backprop-lab-size-'));
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'pipe',
  });
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const gzipped = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;

/** index.html's module scripts and module preloads, as paths inside the build. */
function entryScripts(): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map(
    (m) => m[1] ?? m[2],
  );
  return [...new Set(paths)];
}

/** The first group's compiled catalogs (they hold the settings panel's keys), by language. */
function firstCatalogs(): Record<'en' | 'zh-CN', string> {
  const found: string[] = readdirSync(join(outDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`)
    .filter((file) => /"controls\.presets":/.test(readFileSync(join(outDir, file), 'utf8')));
  const chinese = found.filter((file) => /[\u4e00-\u9fff]/.test(readFileSync(join(outDir, file), 'utf8')));
  expect(found, 'one first-group catalog per language').toHaveLength(2);
  expect(chinese).toHaveLength(1);
  return { en: found.find((file) => !chinese.includes(file))!, 'zh-CN': chinese[0] };
}

test.each(['en', 'zh-CN'] as const)('first render in %s: entry JS + the first catalog chunk ≤ 161,267 + 15,000 bytes gzip', (language) => {
  const entry = entryScripts();
  expect(entry.length).toBeGreaterThan(0);
  const catalog = firstCatalogs()[language];
  expect(entry, 'the catalog is loaded for the chosen language only, not preloaded').not.toContain(catalog);
  // React's production build (its development build prints this advice)
  expect(entry.some((file) => readFileSync(join(outDir, file), 'utf8').includes('Download the React DevTools'))).toBe(false);
  const total = entry.reduce((sum, file) => sum + gzipped(file), gzipped(catalog));
  console.log(
    `first render (${language}): ${total.toLocaleString('en')} bytes gzip (entry ${entry.length} files + ${catalog}), budget ${BUDGET.toLocaleString('en')}`,
  );
  expect(total).toBeLessThanOrEqual(BUDGET);
});
