/**
 * Exercise mode end to end: a shipped set opened from its link, a wrong answer's hint, the right
 * answer moving on to the next cell, the third wrong try revealing, the score exported as CSV, a
 * malformed set refused with its field named (the open set kept), and axe in exercise mode.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
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

const answerBox = (page: Page, name: string) => page.getByRole('textbox', { name: `Value of ${name}` });
const feedback = async (page: Page) => (await page.locator('.exercise-bar__feedback').textContent()) ?? '';

async function answer(page: Page, name: string, text: string) {
  await answerBox(page, name).fill(text);
  await answerBox(page, name).press('Enter');
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> };
      }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

describe('an exercise set', () => {
  test('wrong answer → hint; right answer → the next cell; three wrong → revealed; score exported; a bad set is refused and the open one kept', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, `${inject('baseUrl')}?exercise=question-one-pass`, errors);
    // the link opens the set in Step through, on its sample 2: x = (0, 1)
    await expect.poll(() => answerBox(page, 'z¹₁ (s = 2)').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole('button', { name: 'Exercise' }).getAttribute('aria-pressed')).toBe('true');
    // the step's results and its equation with the numbers are hidden; the computational graph too
    expect(await page.getByRole('group', { name: 'With the numbers' }).isHidden()).toBe(true);
    expect(await page.getByRole('figure', { name: 'Computational graph' }).count()).toBe(0);

    await answer(page, 'z¹₁ (s = 2)', '0.5');
    await expect.poll(() => feedback(page)).toContain('Not 0.5. z¹₁ = Σᵢ w¹₁ᵢ·xᵢ + b¹₁');
    expect(await feedback(page)).toContain('2 tries left');
    // z¹₁ = 0.5·0 − 0.4·1 + 0.1 = −0.3, typed with a true minus sign
    await answer(page, 'z¹₁ (s = 2)', '−0.3');
    await expect.poll(() => answerBox(page, 'z¹₂ (s = 2)').count()).toBe(1);
    expect(await feedback(page)).toContain('Right: z¹₁ (s = 2) = −0.3');
    expect(await page.getByText('−0.3 ✓').count()).toBe(1);

    for (const wrong of ['1', '2', '3']) await answer(page, 'z¹₂ (s = 2)', wrong);
    await expect.poll(() => feedback(page)).toContain('z¹₂ (s = 2) = 0.6, revealed after 3 tries');
    expect(await page.locator('.exercise-cell--revealed').textContent()).toContain('revealed');
    // every result of the step found: the numbers come back
    expect(await page.getByRole('group', { name: 'With the numbers' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Exercise progress').textContent()).toContain('This pass: 1 right (0 at the first try), 1 revealed of 2 tried');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export score (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('exercise-score.csv');
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('pass,step,cell,value,answers,tries,outcome');
    expect(csv[1]).toMatch(/^"run \d+, epoch 0",forward-z-1,z¹₁ \(s = 2\),-0\.3\d*,0\.5 \| −0\.3,2,right$/);
    expect(csv[2]).toMatch(/forward-z-1,z¹₂ \(s = 2\),0\.6\d*,1 \| 2 \| 3,3,revealed$/);

    expect(await seriousViolations(page)).toEqual([]);

    // a malformed set: refused with the field named, and the open set and its progress stay
    const bad = JSON.parse(readFileSync(new URL('../../public/exercises/bp2-by-hand.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    await page
      .locator('.exercise-bar__file input')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...bad, ask: [{ step: 'bp2-5' }] })) });
    await page.getByRole('button', { name: 'Open file' }).click();
    await expect
      .poll(async () => (await page.getByRole('alert').allTextContents()).join(' '))
      .toContain('broken.json: exercise set: ask.0.step: a [2, 2, 1] network\'s pass has no step "bp2-5"');
    expect(await page.getByText('Set: One pass of the question’s network').count()).toBe(1);
    expect(await page.getByLabel('Exercise progress').textContent()).toContain('1 revealed of 2 tried');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the compact inline link picks the sample and the steps: only BP1 is asked, for sample 3', async () => {
    const page = await openPage(browser, `${inject('baseUrl')}?exercise=question-one-pass:3:bp1-2`);
    const stepper = page.getByRole('region', { name: 'Step-through' });
    await expect.poll(async () => await stepper.locator('.bl-stepper__sample select').inputValue(), { timeout: 20_000 }).toBe('2');
    // the first step is not asked: its results show
    expect(await page.getByRole('textbox', { name: /^Value of/ }).count()).toBe(0);
    await stepper.getByRole('button', { name: 'BP1 δᴸ' }).click();
    await expect.poll(() => answerBox(page, 'δ²₁ (s = 3)').count()).toBe(1);
    await page.context().close();
  });

  test('a link naming no shipped set leaves a note and changes nothing', async () => {
    const page = await openPage(browser, `${inject('baseUrl')}?exercise=no-such-set`);
    await expect
      .poll(async () => (await page.locator('body').textContent()) ?? '', { timeout: 20_000 })
      .toContain('The exercise set could not be opened: exercise=no-such-set: no such exercise set in exercises/');
    expect(await page.getByRole('tab', { name: 'Live lab' }).getAttribute('aria-selected')).toBe('true');
    await page.context().close();
  });
});
