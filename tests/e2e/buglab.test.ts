/** The bug lab end to end: the production build in the system Chromium, with the real worker pool. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statusText = async (page: Page) => (await page.getByRole('status', { name: 'Run status' }).textContent()) ?? '';

/** Opens the lab, waits for the worker's first snapshot and switches to the bug lab; returns its panel. */
async function openBugLab(errors: string[] = []): Promise<{ page: Page; panel: Locator }> {
  const page = await openPage(browser, inject('baseUrl'), errors);
  await expect.poll(() => statusText(page), { timeout: 20_000 }).toMatch(/Cost\s*\d/);
  await page.getByRole('tab', { name: 'Bug lab' }).click();
  return { page, panel: page.getByRole('tabpanel', { name: 'Bug lab' }) };
}

async function stopAfter(page: Page, epochs: number) {
  const field = page.getByLabel('Stop after (epochs)');
  await field.fill(String(epochs));
  await field.press('Enter');
}

/** Pixels painted on a figure's canvas, and how many lie close to each of the given colours. */
function inked(page: Page, figure: string, colors: string[]) {
  return page.evaluate(
    ([name, targets]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`figure[aria-label="${name}"] canvas`);
      const ctx = canvas?.getContext('2d');
      const near = targets.map(() => 0);
      if (!canvas || !ctx || canvas.width === 0) return { painted: 0, pixels: 0, near };
      const rgb = targets.map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let k = 0; k < data.length; k += 4) {
        if (data[k + 3] === 0) continue;
        painted++;
        rgb.forEach(([r, g, b], t) => {
          if (Math.abs(data[k] - r) + Math.abs(data[k + 1] - g) + Math.abs(data[k + 2] - b) < 60) near[t]++;
        });
      }
      return { painted, pixels: canvas.width * canvas.height, near };
    },
    [figure, colors] as const,
  );
}

const switchIn = (panel: Locator, name: string) => panel.getByRole('switch', { name });
const codeLine = (panel: Locator, slot: string) => panel.locator(`.bl-code__line[data-slot="${slot}"]`).first();

describe('the bug lab', () => {
  test('Twin run shows both cost series, both boundaries and the per-weight difference', async () => {
    const errors: string[] = [];
    const { page, panel } = await openBugLab(errors);
    await panel.getByRole('group', { name: 'Bug lab presets' }).getByRole('button', { name: 'AND', exact: true }).click();
    await panel.getByRole('button', { name: 'Twin run', exact: true }).click();
    const twin = panel.getByRole('figure', { name: 'Twin run' });
    await twin.waitFor({ timeout: 30_000 });
    // the question's AND, seed 1: the correct twin solves it, the buggy one ends at cost 0.4774
    await expect.poll(() => panel.locator('.bl-result').textContent()).toMatch(/Correct f′\(z\) solved .*Buggy f′\(a\) not solved \(cost 0\.4774\)/);
    const series = await twin.getByRole('list', { name: 'Series' }).getByRole('listitem').allTextContents();
    expect(series).toHaveLength(2);
    expect(series[0]).toMatch(/Correct f′\(z\)/);
    expect(series[1]).toMatch(/Buggy f′\(a\)/);
    // both curves are drawn: pixels of the correct series' blue and of the buggy series' vermillion
    const curve = await inked(page, 'Twin costs', ['#0072B2', '#D55E00']);
    expect(curve.near[0]).toBeGreaterThan(50);
    expect(curve.near[1]).toBeGreaterThan(50);
    const boundaries = twin.getByRole('figure', { name: /^Twin output/ });
    expect(await boundaries.count()).toBe(2);
    for (const name of ['Twin output: Correct f′(z)', 'Twin output: Buggy f′(a)']) {
      const boundary = await inked(page, name, []);
      expect(boundary.pixels).toBeGreaterThanOrEqual(100 * 100);
      expect(boundary.painted).toBeGreaterThan(0.9 * boundary.pixels);
    }
    // [2,2,1] has 9 parameters, each with both values and their difference; the largest is named
    const rows = twin.locator('.bl-twin__table tbody tr');
    expect(await rows.count()).toBe(9);
    expect(await twin.textContent()).toMatch(/largest at w¹[₁₂][₁₂]/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a small sweep finishes with both rates, and a start opens in the live lab with its seed', async () => {
    const errors: string[] = [];
    const { page, panel } = await openBugLab(errors);
    await panel.getByRole('group', { name: 'Bug lab presets' }).getByRole('button', { name: 'AND', exact: true }).click();
    await stopAfter(page, 3000);
    const starts = panel.getByLabel('Starts', { exact: true });
    await starts.fill('1001');
    expect(await panel.getByRole('button', { name: 'Run sweep' }).isDisabled()).toBe(true);
    expect(await panel.textContent()).toMatch(/Starts: expected a whole number from 1 to 1,000, got 1,001/);
    // a long sweep shows its progress and time left, and stops on Cancel
    await starts.fill('1000');
    await panel.getByRole('button', { name: 'Run sweep' }).click();
    const progress = panel.getByRole('progressbar', { name: 'Sweep progress' });
    await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await progress.getAttribute('aria-valuetext')).toMatch(/of 1,000 starts, about \d+( min \d+)? s left|of 1,000 starts, about \d+ min left/);
    await panel.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => panel.textContent()).toMatch(/Sweep cancelled after [\d,]+ of 1,000 starts/);
    await starts.fill('8');
    await panel.getByRole('button', { name: 'Run sweep' }).click();
    const result = panel.locator('.bl-sweep__result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toMatch(/^Correct: \d+(\.\d)?% \(.+%\) · Buggy: \d+(\.\d)?% \(.+%\)$/);
    expect(await panel.locator('.bl-sweep-timing').textContent()).toMatch(/8 starts × 2 derivatives in .* on \d workers?/);
    expect(await panel.locator('.bl-sweep__histogram svg, .bl-sweep svg').count()).toBeGreaterThan(0);
    // list the starts by outcome and open the first one listed
    const outcomes = panel.getByRole('group', { name: 'Starts by outcome' }).getByRole('button');
    const count = await outcomes.count();
    for (let k = 0; k < count; k++) {
      if (await outcomes.nth(k).isEnabled()) {
        await outcomes.nth(k).click();
        break;
      }
    }
    const seedButton = panel.getByRole('button', { name: /^Open seed \d+ with the (correct|buggy) derivative$/ }).first();
    const label = (await seedButton.getAttribute('aria-label')) ?? '';
    const [, seed, derivative] = /Open seed (\d+) with the (correct|buggy)/.exec(label)!;
    await seedButton.click();
    expect(await page.getByRole('tab', { name: 'Live lab' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByLabel('Seed', { exact: true }).inputValue()).toBe(seed);
    const radio = page.getByRole('radiogroup', { name: 'Derivative' }).getByRole('radio', { name: derivative === 'correct' ? 'Correct' : 'Buggy' });
    expect(await radio.isChecked()).toBe(true);
    expect(await page.getByLabel('Stop after (epochs)').inputValue()).toBe('3000');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("the slip switches change the configuration, the live lab's controls and the code panel", async () => {
    const errors: string[] = [];
    const { page, panel } = await openBugLab(errors);
    await panel.getByRole('group', { name: 'Bug lab presets' }).getByRole('button', { name: 'AND', exact: true }).click();
    // the question's preset has the derivative and the divisor slip on, the stable sigmoid
    await expect.poll(() => switchIn(panel, 'f′ at a instead of z').getAttribute('aria-checked')).toBe('true');
    expect(await switchIn(panel, 'Divide by input features').getAttribute('aria-checked')).toBe('true');
    expect(await switchIn(panel, 'Naive sigmoid').getAttribute('aria-checked')).toBe('false');
    expect(await codeLine(panel, 'derivative').textContent()).toMatch(/f_prime\(a\[l - 1\]\)/);
    expect(await codeLine(panel, 'divisor').textContent()).toMatch(/len\(X\)/);

    // 1: the derivative switch and the live lab's Derivative control are one setting
    await switchIn(panel, 'f′ at a instead of z').click();
    expect(await codeLine(panel, 'derivative').textContent()).toMatch(/f_prime\(z\[l - 1\]\)/);
    const derivative = page.getByRole('radiogroup', { name: 'Derivative' });
    expect(await derivative.getByRole('radio', { name: 'Correct' }).isChecked()).toBe(true);
    await derivative.getByRole('radio', { name: 'Buggy' }).check();
    await expect.poll(() => switchIn(panel, 'f′ at a instead of z').getAttribute('aria-checked')).toBe('true');

    // 2: the divisor: the sentence states the real step
    expect(await panel.textContent()).toMatch(/÷2, so every step is 2× the mean-gradient step, as if η were 0\.7/);
    await switchIn(panel, 'Divide by input features').click();
    expect(await codeLine(panel, 'divisor').textContent()).toMatch(/X\.shape\[1\]/);
    expect(await panel.textContent()).toMatch(/÷4, so every step is 1× the mean-gradient step, as if η were 0\.35/);
    await switchIn(panel, 'Divide by input features').click();

    // 3: the naive sigmoid: the code's sigmoid line, then the overflow the live run hits
    await switchIn(panel, 'Naive sigmoid').click();
    expect(await codeLine(panel, 'sigmoid').textContent()).toMatch(/1\.0 \/ \(1\.0 \+ np\.exp\(-z\)\)/);
    await stopAfter(page, 9000);
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/epoch limit/);
    const slips = panel.getByRole('figure', { name: "The question's slips" });
    await expect.poll(() => slips.textContent()).toMatch(/Overflow: e\^\(−z\) overflowed \d+ times? in epoch 9,000\. First at epoch 7,640/);
    expect(await slips.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await statusText(page)).toMatch(/naive sigmoid overflowed \d+× last epoch/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the fix path ends at the Fixed preset', async () => {
    const { page, panel } = await openBugLab();
    const path = panel.getByRole('list', { name: 'Fix path' });
    await path.getByRole('button', { name: '1. Fix the derivative' }).click();
    expect(await path.getByRole('button', { name: '1. Fix the derivative' }).getAttribute('aria-pressed')).toBe('true');
    expect(await switchIn(panel, 'f′ at a instead of z').getAttribute('aria-checked')).toBe('false');
    expect(await switchIn(panel, 'Divide by input features').getAttribute('aria-checked')).toBe('true');
    await path.getByRole('button', { name: '2. Mean gradient' }).click();
    expect(await switchIn(panel, 'Divide by input features').getAttribute('aria-checked')).toBe('false');
    await path.getByRole('button', { name: '3. Four hidden units' }).click();
    expect(await page.getByRole('button', { name: /^Fixed: 2-4-1 sigmoid/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel('Stop after (epochs)').inputValue()).toBe('10000');
    await page.context().close();
  });

  test('with a twin run, a sweep and overflow on show, axe finds no serious or critical violation', async () => {
    const { page, panel } = await openBugLab();
    await panel.getByRole('group', { name: 'Bug lab presets' }).getByRole('button', { name: 'AND', exact: true }).click();
    await stopAfter(page, 8000);
    await panel.getByRole('button', { name: 'Twin run', exact: true }).click();
    await panel.locator('.bl-result').waitFor({ timeout: 30_000 });
    await panel.getByLabel('Starts', { exact: true }).fill('6');
    await panel.getByRole('button', { name: 'Run sweep' }).click();
    await panel.locator('.bl-sweep-timing').waitFor({ timeout: 60_000 });
    await panel.getByRole('group', { name: 'Starts by outcome' }).getByRole('button').first().click();
    await switchIn(panel, 'Naive sigmoid').click();
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/epoch limit/);
    await expect.poll(() => panel.getByRole('figure', { name: "The question's slips" }).getByRole('table').count()).toBe(1);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> };
      const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: Violation[] }> } }).axe;
      return (await axe.run(document.querySelector('[role="tabpanel"]')!)).violations;
    });
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('; ')}`,
      );
    expect(serious).toEqual([]);
    await page.context().close();
  });
});
