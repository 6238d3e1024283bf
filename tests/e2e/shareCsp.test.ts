/**
 * In real headless Chromium: a fixture page built with the production CSP runs a module worker and
 * the image export without a single violation, the policy blocks eval and inline handlers, and the
 * exported SVG and PNG look like the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer, build, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, policyText } from '../../src/app/browser/csp';
import { launchBrowser } from './browser';

const fixtureRoot = fileURLToPath(new URL('../share/fixture', import.meta.url));
let outDir = '';
let server: PreviewServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'backprop-lab-share-'));
  const config = { root: fixtureRoot, configFile: false as const, logLevel: 'warn' as const, build: { outDir, emptyOutDir: true } };
  await build({ ...config, plugins: [contentSecurityPolicy()], worker: { format: 'es' } });
  server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report an address');
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 400, height: 300 } })).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { violations: string[] }).violations ??= [];
      (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const violations = () => page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);

describe('production CSP in Chromium', () => {
  it('the built page carries the policy, and the worker, styles and image export run with no violation', async () => {
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(policyText());
    expect(await page.evaluate(() => (window as unknown as { fixture: { workerAnswer: Promise<number> } }).fixture.workerAnswer)).toBe(42);
    const pixels = await page.evaluate(() => (window as unknown as { fixture: { pngPixels: (scale: number) => Promise<unknown> } }).fixture.pngPixels(1));
    expect(pixels).toMatchObject({ type: 'image/png' });
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('blocks eval and inline event handlers (the policy is really in force)', async () => {
    expect(await page.evaluate(() => (window as unknown as { fixture: { evalLater: () => Promise<string> } }).fixture.evalLater())).toBe('EvalError');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = 1';
      document.body.append(script);
    });
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/missing.png" onerror="window.pwned = 1">'));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: number }).inlineRan)).toBeUndefined();
    const blocked = await violations();
    expect(blocked).toContain('script-src-elem inline');
    expect(blocked).toContain('script-src-attr inline');
    expect(blocked).toContain('script-src eval');
  });
});

describe('image export in Chromium', () => {
  it('a standalone SVG carries the stylesheet rules inline and stands on its own', async () => {
    const svg = await page.evaluate(() => (window as unknown as { fixture: { svgText: () => string } }).fixture.svgText());
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/<rect[^>]*style="[^"]*fill: rgb\(0, 128, 255\)[^"]*stroke: rgb\(255, 0, 0\)[^"]*stroke-width: 4px/);
    expect(svg).toMatch(/<text[^>]*style="[^"]*font-family: monospace[^"]*font-size: 13px/);
    expect(svg).toContain('>w = 0.5</text>');
  });

  it('a PNG of the figure stacks the canvas and the SVG at their places, at the requested scale', async () => {
    const pixels = await page.evaluate(() => (window as unknown as { fixture: { pngPixels: (scale: number) => Promise<unknown> } }).fixture.pngPixels(2));
    expect(pixels).toEqual({ type: 'image/png', width: 400, height: 200, left: [0, 200, 0, 255], right: [0, 128, 255, 255] });
  });
});
