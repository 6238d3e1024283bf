/**
 * One engine, one answer: Chromium and Node compute the same bits. Node's V8 and Chromium's differ
 * in the last bit of Math.exp, Math.log, Math.sin … (XOR seed 417 was "Solved" in the page and not
 * on the CLI), so the engine computes them itself (src/engine/math/). Here the engine's math and
 * whole training runs are digested in Node and in Chromium (tests/e2e/identityProbe.ts, bundled by
 * Vite for a blank page), and the page's own worker is checked against the CLI.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ACTIVATIONS, type ActivationName, DEFAULT_CONFIG, type LabConfig, questionConfig } from '../../src/engine';
import { launchBrowser, newRecordingPage } from './browser';
import { type RunDigest, mathDigests, runDigests } from './identityProbe';
import { downloaded, fileMenuItem, openLab, readStatus, statusText } from './shareHelpers';

const ROOT = resolve(__dirname, '../..');

interface Probe {
  mathDigests: typeof mathDigests;
  runDigests: typeof runDigests;
}

let browser: Browser;
let probePage: Page;
const errors: string[] = [];

/** The probe as one classic script (an IIFE that sets window.identityProbe), built in memory. */
async function probeScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, lib: { entry: resolve(__dirname, 'identityProbe.ts'), name: 'identityProbe', formats: ['iife'], fileName: 'probe' } },
  });
  const bundles = Array.isArray(output) ? output : [output];
  const chunk = bundles.flatMap((b) => ('output' in b ? b.output : [])).find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('the probe bundle has no script');
  return chunk.code;
}

beforeAll(async () => {
  browser = await launchBrowser();
  probePage = await newRecordingPage(browser, errors);
  await probePage.setContent('<!doctype html><title>engine identity probe</title>');
  await probePage.addScriptTag({ content: await probeScript() });
});
afterAll(async () => {
  await browser?.close();
});

const inChromium = <T>(call: (probe: Probe, arg: unknown) => T, arg: unknown): Promise<T> =>
  probePage.evaluate(
    // the function crosses as source text: the probe is the page's global
    ([source, value]) =>
      new Function('probe', 'arg', `return (${source})(probe, arg);`)((window as unknown as { identityProbe: Probe }).identityProbe, value) as T,
    [call.toString(), arg] as const,
  );

describe("the engine's math", () => {
  test('hashes of 10⁵ values of exp, log, log1p, expm1, tanh, sin, cos, log10 (and 10⁴ of 10^x) are equal in Node and Chromium', async () => {
    const node = mathDigests(100_000);
    const chromium = await inChromium((probe) => probe.mathDigests(100_000), null);
    expect(chromium).toEqual(node);
    // what the host's own Math.* does on the same arguments (the reason for all this), for the log
    const hostNode = mathDigests(100_000, true);
    const hostChromium = await inChromium((probe) => probe.mathDigests(100_000, true), null);
    const differing = Object.keys(hostNode).filter((name) => hostNode[name] !== hostChromium[name]);
    console.info(`host Math.* differing between Node ${process.versions.v8} and Chromium: ${differing.join(', ') || 'none'}`);
    expect(errors).toEqual([]);
  });
});

const ACTIVATION_OUTPUT: Record<ActivationName, Pick<LabConfig, 'outputActivation' | 'cost'>> = {
  sigmoid: { outputActivation: 'sigmoid', cost: 'crossEntropy' },
  tanh: { outputActivation: 'sigmoid', cost: 'crossEntropy' },
  relu: { outputActivation: 'leakyRelu', cost: 'quadratic' },
  leakyRelu: { outputActivation: 'sigmoid', cost: 'quadratic' },
  linear: { outputActivation: 'tanh', cost: 'quadratic' },
};

/** Random settings for one hidden activation: a seed, a shape, a dataset, the slips or not. */
function randomConfig(activation: ActivationName): fc.Arbitrary<LabConfig> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      dataset: fc.constantFrom('XOR', 'AND', 'OR', 'circle', 'spiral', 'gaussians', 'quadrants' as const),
      hidden: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 2 }),
      derivative: fc.constantFrom('correct', 'buggy' as const),
      gradientDivisor: fc.constantFrom('samples', 'features' as const),
      init: fc.constantFrom('normal', 'xavier', 'he' as const),
      batchSize: fc.constantFrom(0, 0, 10),
      learningRate: fc.constantFrom(0.05, 0.35, 1),
    })
    .map((r) => ({ ...DEFAULT_CONFIG, ...r, hiddenActivation: activation, ...ACTIVATION_OUTPUT[activation], epochs: 2_000 }));
}

describe('training runs', () => {
  test('20 random starts (4 for each of the five activations) give the same costs and weights, bit for bit', async () => {
    const seed = Date.now() % 0x7fffffff;
    const configs = ACTIVATIONS.flatMap((activation) => fc.sample(randomConfig(activation), { numRuns: 4, seed }));
    expect(configs).toHaveLength(20);
    const node = runDigests(configs);
    const chromium = await inChromium((probe, arg) => probe.runDigests(arg as LabConfig[]), configs);
    for (const [k, config] of configs.entries()) {
      expect(chromium[k], `fast-check seed ${seed}: ${JSON.stringify(config)}`).toEqual(node[k]);
    }
    // the runs really trained (no run stopped at once), and most of them used the engine's exp
    expect(node.every((r: RunDigest) => r.epochs > 1)).toBe(true);
  });

  test("the question's full 60,000-epoch runs (XOR seeds 417 and 7, AND seed 3, OR seed 12) are identical", async () => {
    const configs: LabConfig[] = [
      { ...questionConfig('XOR'), seed: 417 },
      { ...questionConfig('XOR'), seed: 7 },
      { ...questionConfig('AND'), seed: 3 },
      { ...questionConfig('OR'), seed: 12 },
    ];
    const node = runDigests(configs);
    const chromium = await inChromium((probe, arg) => probe.runDigests(arg as LabConfig[]), configs);
    expect(chromium).toEqual(node);
    expect(node.map((r) => r.epochs)).toEqual([60_000, 60_000, 60_000, 60_000]);
  });
});

interface NetworkJson {
  weights: number[][][];
  biases: number[][];
}

/** `npm run cli -- train … --json`: the CLI's trained network. */
function cliTrain(flags: string[]): { finalCost: number; network: NetworkJson } {
  const text = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'train', '--json', ...flags], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(text) as { finalCost: number; network: NetworkJson };
}

describe('the page and the CLI', () => {
  test.each([
    [
      'XOR seed 417, the question (buggy δ, ÷n₀)',
      '?data=XOR&hidden=2&deriv=buggy&div=features&lr=0.35&seed=417',
      ['--preset', 'question-xor', '--seed', '417'],
    ],
    [
      'XOR seed 7, 2-3-1 tanh, correct δ',
      '?data=XOR&hidden=3&act=tanh&deriv=correct&div=samples&lr=0.35&seed=7',
      [
        '--dataset',
        'XOR',
        '--hidden',
        '3',
        '--hidden-activation',
        'tanh',
        '--derivative',
        'correct',
        '--gradient-divisor',
        'samples',
        '--learning-rate',
        '0.35',
        '--seed',
        '7',
      ],
    ],
  ])("%s: the page's worker trains 60,000 epochs to the CLI's weights, bit for bit", async (_name, query, flags) => {
    const epochs = 60_000;
    const cli = cliTrain([...flags, '--epochs', String(epochs)]);
    const page = await openLab(browser, new URL(query, inject('baseUrl')).toString());
    const stopAfter = page.getByLabel('Stop after (epochs)');
    await stopAfter.fill(String(epochs));
    await stopAfter.press('Enter');
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).epoch).toBe(0);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => statusText(page), { timeout: 100_000 }).toMatch(/epoch limit/);
    expect((await readStatus(page)).epoch).toBe(epochs);
    const file = JSON.parse((await downloaded(page, async () => (await fileMenuItem(page, 'Export network file (JSON)')).click())).text) as NetworkJson;
    expect(file.weights).toEqual(cli.network.weights);
    expect(file.biases).toEqual(cli.network.biases);
    await page.context().close();
  });
});
