/**
 * The lockstep sweep in Chromium: its WebAssembly kernel computes exp.ts's exp and the single run's
 * records bit for bit there too (Node's are the reference), and the page's sweep workers may
 * compile it under the production Content-Security-Policy.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import type { Browser, Page, Worker } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type LabConfig, type StartResult, questionConfig, runStart } from '../../src/engine';
import { exp } from '../../src/engine/math';
import { launchBrowser, newRecordingPage, openPage } from './browser';
import type { kernelExp, lockstepRecords } from './lockstepProbe';

interface Probe {
  kernelExp: typeof kernelExp;
  lockstepRecords: typeof lockstepRecords;
}

let browser: Browser;
let probePage: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  probePage = await newRecordingPage(browser, errors);
  await probePage.setContent('<!doctype html><title>lockstep probe</title>');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, lib: { entry: resolve(__dirname, 'lockstepProbe.ts'), name: 'lockstepProbe', formats: ['iife'], fileName: 'probe' } },
  });
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((b) => ('output' in b ? b.output : [])).find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('the probe bundle has no script');
  await probePage.addScriptTag({ content: chunk.code });
});
afterAll(async () => {
  await browser?.close();
});

const probe = <T>(call: (p: Probe, arg: unknown) => T, arg: unknown): Promise<T> =>
  probePage.evaluate(
    ([source, value]) => new Function('p', 'arg', `return (${source})(p, arg);`)((window as unknown as { lockstepProbe: Probe }).lockstepProbe, value) as T,
    [call.toString(), arg] as const,
  );

const bitsOf = (values: readonly number[]) => Array.from(new BigUint64Array(Float64Array.from(values).buffer), (b) => b.toString(16));

describe('the lockstep kernel in Chromium', () => {
  test("its exp gives exp.ts's bits in Node on 20,000 arguments", async () => {
    const values = fc.sample(fc.oneof(fc.double({ min: -800, max: 800, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), 20_000);
    const chromium = await probe((p, arg) => p.kernelExp(arg as number[]), values);
    expect(chromium).not.toBeNull();
    expect(bitsOf(chromium!)).toEqual(bitsOf(values.map(exp)));
  });

  test('lockstep sweeps, on either kernel, give the records of single runs in Node', async () => {
    const configs: LabConfig[] = [
      { ...questionConfig('AND'), epochs: 20_000 },
      { ...questionConfig('XOR'), derivative: 'correct', hidden: [3], epochs: 20_000 },
      { ...questionConfig('XOR'), hiddenActivation: 'tanh', epochs: 5000 },
    ];
    const seeds = [1, 2, 3, 4, 5, 417, 7];
    for (const config of configs) {
      const node: StartResult[] = seeds.map((seed) => runStart(config, seed));
      for (const kernel of ['auto', 'javascript'] as const) {
        const chromium = await probe((p, arg) => p.lockstepRecords(...(arg as Parameters<typeof lockstepRecords>)), [config, seeds, kernel]);
        expect(chromium, `${kernel}: ${JSON.stringify(config)}`).toEqual(node);
      }
    }
    expect(errors).toEqual([]);
  }, 120_000);

  test("the page's sweep workers may compile WebAssembly under the production policy", async () => {
    const pageErrors: string[] = [];
    const page = await openPage(browser, inject('baseUrl'), pageErrors);
    const workers: Worker[] = [];
    page.on('worker', (worker) => workers.push(worker));
    await page.getByRole('tab', { name: 'Bug lab' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Bug lab' });
    await panel.getByLabel('Starts', { exact: true }).fill('2');
    await panel.getByRole('button', { name: 'Run sweep' }).click();
    await expect.poll(() => workers.filter((w) => /sweep/.test(w.url())).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const sweepWorker = workers.find((w) => /sweep/.test(w.url()))!;
    // the smallest module: compiling it is what the policy allows or forbids
    const compiled = await sweepWorker.evaluate(() => {
      try {
        new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
        return 'compiled';
      } catch (error) {
        return String(error);
      }
    });
    expect(compiled).toBe('compiled');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
