/**
 * The step-through end to end, in the production build and the system Chromium: the question's
 * [2,2,1] XOR example stepped through a whole pass, every phase's numbers checked against what
 * `cli step --json` prints for the same network, data and settings; next epoch moves the live run;
 * the gradient check flags the buggy derivative in the hidden layer and passes the correct one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parseExampleIndex } from '../../src/views/stepper/examples';
import { formatNumber } from '../../src/views/format';
import { passSteps } from '../../src/views/stepper/steps';
import type { StepReport } from '../../src/cli/commands/step';
import { launchBrowser, openPage } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'public/examples');

let browser: Browser;
let scratch: string;
beforeAll(async () => {
  browser = await launchBrowser();
  scratch = mkdtempSync(join(tmpdir(), 'backprop-lab-stepper-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The shipped example's entry: its files and the settings it is worked with. */
function exampleEntry(id: string) {
  const index = parseExampleIndex(readFileSync(join(EXAMPLES, 'index.json'), 'utf8'));
  if (!index.ok) throw new Error(index.error);
  const entry = index.value.find((e) => e.id === id);
  if (!entry) throw new Error(`no example ${id}`);
  return entry;
}

/** `npm run cli -- step --json` for a network file and the example's data and settings. */
function cliStep(networkFile: string, entry: ReturnType<typeof exampleEntry>, out?: string): StepReport {
  const s = entry.settings;
  const flags = [
    '--network',
    networkFile,
    '--data',
    join(EXAMPLES, entry.dataset),
    '--cost',
    s.cost,
    '--derivative',
    s.derivative,
    '--learning-rate',
    String(s.learningRate),
  ];
  flags.push(
    '--gradient-divisor',
    s.gradientDivisor,
    '--sigmoid',
    s.sigmoidForm,
    ...(s.freezeBiases ? ['--freeze-biases'] : []),
    ...(out ? ['--out', out] : []),
  );
  const text = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'step', '--json', ...flags], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(text) as StepReport;
}

/** What the CLI printed for a step of the pass (whole batch): the numbers that step must show. */
function expectedNumbers(report: StepReport, id: string): number[] {
  const [phase, part, layerText] = id.split('-');
  const l = Number(layerText ?? part);
  const layer = report.layers[l - 1];
  if (phase === 'forward') return (part === 'z' ? layer.z : layer.a).flat();
  if (phase === 'bp1' || phase === 'bp2') return layer.delta.flat();
  if (phase === 'bp3') return layer.gradBiases;
  if (phase === 'bp4') return layer.gradWeights.flat();
  if (phase === 'update') return [...report.network.weights[l - 1].flat(), ...report.network.biases[l - 1]];
  return [];
}

/**
 * True when the page shows `value`, to the bit: the engine computes its own exp (src/engine/math/),
 * so Chromium and Node agree exactly (with Math.exp, σ(−0.3) was 0.425557483188341 in one and
 * 0.42555748318834097 in the other).
 */
function shows(shown: readonly number[], value: number): boolean {
  return shown.some((v) => Object.is(v, value));
}

const stepper = (page: Page) => page.getByRole('region', { name: 'Step-through' });
const stepperStatus = async (page: Page) => (await stepper(page).locator('.bl-stepper__status').textContent()) ?? '';
const runStatus = async (page: Page) => (await page.getByRole('status', { name: 'Run status' }).textContent()) ?? '';
const cellValues = (page: Page) =>
  stepper(page)
    .locator('[data-value]')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));

/** Opens the page, loads a worked example and waits until the stepper shows its first weights. */
async function openExample(id: string): Promise<Page> {
  const entry = exampleEntry(id);
  const file = JSON.parse(readFileSync(join(EXAMPLES, entry.network), 'utf8')) as { weights: number[][][]; biases: number[][] };
  const page = await openPage(browser, inject('baseUrl'));
  await expect.poll(() => runStatus(page), { timeout: 20_000 }).toMatch(/Cost\s*[\d.]+/);
  await page.getByRole('tab', { name: 'Step through' }).click();
  await page.getByLabel('Worked example').selectOption(id);
  await page.getByRole('button', { name: 'Load example' }).click();
  // the lab passes through a run or two on its way (settings, data, network): wait for the example's own W¹ and b¹
  const first = [...file.weights[0].flat(), ...file.biases[0]];
  const showsFirst = async () => {
    const shown = await cellValues(page);
    return first.every((value) => shows(shown, value));
  };
  await expect.poll(showsFirst, { timeout: 10_000 }).toBe(true);
  await expect.poll(() => stepperStatus(page)).toMatch(/^Epoch 0 · Step 1 of \d+/);
  return page;
}

describe("the step-through on the question's [2,2,1] XOR example", () => {
  test('every phase shows the numbers `cli step --json` prints; Next step, ←/→ and phase jumps move; next epoch advances the live run', async () => {
    const entry = exampleEntry('question-xor');
    const after = join(scratch, 'after-epoch-1.json');
    const report = cliStep(join(EXAMPLES, entry.network), entry, after);
    const page = await openExample('question-xor');
    expect(await stepperStatus(page)).toContain('derivative buggy (f′ at a) · η = 0.35');
    await stepper(page).locator('.bl-stepper__sample select').selectOption('mean');

    const steps = passSteps([2, 2, 1]);
    for (const [k, step] of steps.entries()) {
      await expect.poll(() => stepperStatus(page)).toContain(`Step ${k + 1} of ${steps.length}`);
      const shown = await cellValues(page);
      for (const value of expectedNumbers(report, step.id)) expect(shows(shown, value), `${step.id}: ${value} on the page`).toBe(true);
      if (step.id === 'cost') expect(await stepper(page).textContent()).toContain(formatNumber(report.cost));
      if (step.id === 'next') expect(await stepper(page).getByRole('heading').first().textContent()).toContain('Next epoch');
      if (k === steps.length - 1) break;
      // half the way by the button, half by the arrow key (which must not step the live run's epoch)
      if (k % 2 === 0) await stepper(page).getByRole('button', { name: 'Next step', exact: true }).click();
      else await page.keyboard.press('ArrowRight');
    }
    expect(await runStatus(page)).toMatch(/Epoch\s*0(?![\d,])/);

    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => stepperStatus(page)).toContain(`Step ${steps.length - 1} of`);
    await stepper(page).getByRole('button', { name: 'BP2 δˡ' }).click();
    await expect.poll(() => stepperStatus(page)).toContain(`Step ${steps.findIndex((s) => s.phase === 'bp2') + 1} of`);
    // BP2 puts f′(z) and f′(a) side by side: both the CLI's δ¹ (buggy) and the correct one are there
    expect(await stepper(page).textContent()).toContain('σ′(a');

    // next epoch: the update is applied to the run the live lab shows, and the new pass starts
    await stepper(page).getByRole('button', { name: 'Previous step', exact: true }).click();
    await stepper(page).getByRole('button', { name: 'Next epoch' }).click();
    await stepper(page).getByRole('button', { name: 'Next step', exact: true }).click();
    await expect.poll(() => stepperStatus(page)).toMatch(/^Epoch 1 · Step 1 of/);
    const next = cliStep(after, entry);
    const shown = await cellValues(page);
    for (const value of expectedNumbers(next, steps[0].id)) expect(shows(shown, value), `epoch 1 z¹: ${value}`).toBe(true);
    await expect.poll(() => runStatus(page)).toMatch(/Epoch\s*1(?![\d,])/);
    await page.getByRole('tab', { name: 'Live lab' }).click();
    expect(await runStatus(page)).toMatch(/Epoch\s*1(?![\d,])/);
    await page.context().close();
  });

  test('hovering a number points at it on the graph', async () => {
    const page = await openExample('question-xor');
    // forward z¹: the weights table; w¹₁₂ is params[1], 0.5 and −0.4 are w¹₁₁ and w¹₁₂
    const cell = stepper(page).locator('td[data-value="-0.4"]').first();
    await cell.hover();
    const opacity = (index: number) => page.locator(`figure[aria-label="Network graph"] line[data-edge="${index}"]`).getAttribute('stroke-opacity');
    await expect.poll(() => opacity(0)).toBe('0.16');
    expect(await opacity(1)).toBe('0.9');
    // leaving the table gives the step's own highlight back: all of W¹
    await page.getByRole('tab', { name: 'Step through' }).hover();
    await expect.poll(() => opacity(0)).toBe('0.9');
    await page.context().close();
  });

  test('the gradient check flags the buggy derivative in the hidden layer and passes the correct one', async () => {
    const page = await openExample('question-xor');
    await page.getByRole('button', { name: 'Gradient check', exact: true }).click();
    const verdict = page.getByRole('region', { name: 'Gradient check' }).locator('.bl-gradcheck__verdict');
    // the question's ÷ n₀ slip fails every layer; without it only the buggy hidden layer is wrong
    await expect.poll(() => verdict.textContent(), { timeout: 10_000 }).toMatch(/^Fail: .* layers 1, 2/);
    await page.getByRole('button', { name: 'Remove this slip' }).click();
    await expect.poll(() => verdict.textContent()).toMatch(/^Fail: \d+ of 9 gradients .* in layer 1 \(/);
    const stroke = (index: number) => page.locator(`figure[aria-label="Network graph"] line[data-edge="${index}"]`).getAttribute('stroke');
    const rgb = async (index: number) => ((await stroke(index)) ?? '').match(/\d+/g)!.map(Number);
    for (const index of [0, 1, 2, 3]) {
      const [r, , b] = await rgb(index);
      expect(r, `hidden weight ${index} red`).toBeGreaterThan(b);
    }
    for (const index of [6, 7]) {
      const [r, , b] = await rgb(index);
      expect(b, `output weight ${index} blue`).toBeGreaterThan(r);
    }
    await page.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: 'Correct' }).check();
    await expect.poll(() => verdict.textContent()).toMatch(/^Pass: all 9 gradients agree/);
    await page.context().close();
  });
});

describe("loading the user's files, and frozen biases", () => {
  test("a broken network file shows the engine's message and changes nothing; good files load; Freeze biases keeps b in the update", async () => {
    const page = await openExample('question-xor');
    const before = await cellValues(page);
    const networkInput = page.getByLabel('Network file');
    const dataInput = page.getByLabel('Dataset file');
    const broken = JSON.parse(readFileSync(join(EXAMPLES, 'question-xor.network.json'), 'utf8'));
    broken.weights[0][1] = [0.3];
    await networkInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByRole('button', { name: 'Load files' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
    await expect.poll(() => alert.textContent()).toMatch(/^broken\.json: .*weights\[0\]\[1\]/);
    expect(await cellValues(page)).toEqual(before);

    // the two-output example's files, as a user would pick them: the lab takes their shape
    await networkInput.setInputFiles(join(EXAMPLES, 'two-outputs.network.json'));
    await dataInput.setInputFiles(join(EXAMPLES, 'two-outputs.dataset.json'));
    await page.getByRole('button', { name: 'Load files' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loaded two-outputs.network.json and two-outputs.dataset.json' }).count()).toBe(1);
    const file = JSON.parse(readFileSync(join(EXAMPLES, 'two-outputs.network.json'), 'utf8')) as { weights: number[][][]; biases: number[][] };
    await expect
      .poll(async () => {
        const shown = await cellValues(page);
        return [...file.weights[0].flat(), ...file.biases[0]].every((value) => shows(shown, value));
      })
      .toBe(true);

    // frozen biases: the update of layer 1 leaves b¹ as it was
    await page.getByRole('switch', { name: 'Freeze biases' }).check();
    await expect.poll(() => stepperStatus(page)).toContain('biases frozen');
    await stepper(page).getByRole('button', { name: 'Update' }).click();
    await expect.poll(() => stepper(page).textContent()).toMatch(/frozen/i);
    const shown = await cellValues(page);
    for (const b of file.biases[0]) expect(shown.filter((v) => v === b).length, `b¹ ${b} before and after`).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });
});
