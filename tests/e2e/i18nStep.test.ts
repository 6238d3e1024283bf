/**
 * Step through in 简体中文, in the production build, from a fresh browser (?lang=zh-CN): a worked
 * example walked through every step of one backprop pass (forward, cost, BP1–BP4, update, next
 * epoch) for the whole batch and for one sample, the computational graph, the saturation view, the
 * gradient check and the exercise bar, each with no English sentence and no raw key, KaTeX's
 * \text{…} in Chinese typeset (no KaTeX error), axe clean and nothing overflowing at 1280×720;
 * switching to English and back leaves the step, the epoch and the settings where they were.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser } from './browser';
import { englishIn } from './english';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The Step through tab's own parts. The network graph's card (views/graph, translated with the live
 * lab's views) is checked where that view is.
 */
const STEP_PARTS = ['.step-tab__bar', '.step-tab__notes', '.saturation-section', '.step-tab__panel', '.step-tab__compgraph'];

const stepper = (page: Page) => page.locator('.bl-stepper');
const stepStatus = async (page: Page) => (await stepper(page).locator('.bl-stepper__status').textContent()) ?? '';
/** "第 0 轮 · 第 3 步，共 14 步 · …" → [epoch, step, steps] */
async function place(page: Page): Promise<[number, number, number]> {
  const match = /第 ([\d,]+) 轮 · 第 (\d+) 步，共 (\d+) 步/.exec(await stepStatus(page));
  if (!match) throw new Error(`no place in "${await stepStatus(page)}"`);
  return [Number(match[1].replace(/,/g, '')), Number(match[2]), Number(match[3])];
}
/** The link's settings without its lang key. */
const settingsOf = (page: Page) => {
  const params = new URL(page.url()).searchParams;
  params.delete('lang');
  return params.toString();
};

/** English runs or raw keys in the tab, and KaTeX's own error marks (a formula it could not typeset). */
async function problems(page: Page, where: string): Promise<string[]> {
  const english = (await englishIn(page, STEP_PARTS)).map((text) => `${where}: ${text}`);
  const katexErrors = await page.locator('.step-tab .katex-error').count();
  return katexErrors > 0 ? [...english, `${where}: ${katexErrors} KaTeX errors`] : english;
}

/** Buttons, labels and fields in the tab whose text is wider than the control, and whether the page scrolls sideways. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide = [...document.querySelectorAll('.step-tab button, .step-tab label, .step-tab select, .step-tab summary, .step-tab th, .step-tab caption')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.textContent ?? '');
    return document.documentElement.scrollWidth > window.innerWidth ? [...wide, 'the page scrolls sideways'] : wide;
  });
}

/** A fresh context at 1280×720 in a browser that prefers English, opened on Step through with a worked example. */
async function openExample(id: string, title: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}?lang=zh-CN`);
  await page.getByRole('tablist').waitFor();
  await page.getByRole('button', { name: '自己探索' }).click();
  await page.getByRole('tab', { name: '逐步演算' }).click();
  await page.getByLabel('算例').selectOption(id);
  await expect.poll(() => page.locator('.step-tab__outcome').textContent(), { timeout: 20_000 }).toContain(`已载入“${title}”`);
  await expect.poll(() => stepStatus(page), { timeout: 20_000 }).toMatch(/^第 0 轮 · 第 1 步，共 14 步/);
  return page;
}
const openQuestionExample = () => openExample('question-xor', '原问题的 [2,2,1] 网络，XOR');

describe('Step through in 简体中文', () => {
  test('every step of one pass, for the whole batch and for one sample, the graph of computation, saturation, the gradient check and the exercise: no English, no raw key, KaTeX typesets the Chinese, axe clean, no overflow', async () => {
    const page = await openQuestionExample();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const found: string[] = [];
    const phasesSeen = new Set<string>();
    for (const sample of ['mean', '0']) {
      await stepper(page).locator('.bl-stepper__sample select').selectOption(sample);
      await stepper(page).getByRole('button', { name: '前向传播', exact: true }).click();
      const [, , steps] = await place(page);
      for (let step = 1; step <= steps; step++) {
        await expect.poll(async () => (await place(page))[1]).toBe(step);
        phasesSeen.add((await stepper(page).getByRole('group', { name: '跳到阶段' }).locator('[aria-pressed="true"]').textContent()) ?? '');
        found.push(...(await problems(page, `sample ${sample}, step ${step}`)));
        if (step < steps) await stepper(page).getByRole('button', { name: '下一步', exact: true }).click();
      }
    }
    // forward, cost, BP1–BP4, the update and the hand-over to the next epoch
    expect([...phasesSeen].sort()).toEqual(['BP1 δᴸ', 'BP2 δˡ', 'BP3 ∂C/∂b', 'BP4 ∂C/∂W', '代价', '前向传播', '更新', '下一轮'].sort());
    // the last step's \text{…} is Chinese, typeset in KaTeX's CJK fallback
    expect(await stepper(page).locator('.katex .cjk_fallback').first().textContent()).toContain('本次更新之前');
    expect(await page.locator('.step-tab__compgraph').textContent()).toContain('计算图');
    expect(await overflowing(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // the saturation view, opened
    await page.locator('#saturation-section summary').click();
    await expect.poll(() => page.locator('.saturation__summary').textContent()).toMatch(/神经元 \d/);
    found.push(...(await problems(page, 'saturation')));

    // the gradient check: the question's slips fail it, said in Chinese
    await page.getByRole('button', { name: '梯度检验', exact: true }).click();
    await expect.poll(() => page.locator('.bl-gradcheck__verdict').textContent(), { timeout: 20_000 }).toMatch(/^失败：9 个梯度中有 \d 个/);
    found.push(...(await problems(page, 'gradient check')));
    expect(await overflowing(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '梯度检验', exact: true }).click();

    // the exercise bar and an asked cell
    await page.getByRole('button', { name: '练习', exact: true }).click();
    await stepper(page).getByRole('button', { name: '前向传播', exact: true }).click();
    await expect.poll(() => page.locator('.exercise-bar__feedback').textContent()).toContain('输入这一步每个被隐藏的结果');
    const answer = page.getByRole('textbox', { name: /的值$/ }).first();
    await answer.fill('12345');
    await answer.press('Enter');
    await expect.poll(() => page.locator('.exercise-bar__feedback').textContent()).toMatch(/^不是 12345。.*还剩 2 次机会/);
    found.push(...(await problems(page, 'exercise')));
    expect(await seriousViolations(page)).toEqual([]);
    // the feedback on show is reworded by a language switch, hint and all, and back
    const languageSwitch = page.getByRole('combobox', { name: 'Language / 语言' });
    await languageSwitch.selectOption('en');
    await expect.poll(() => page.locator('.exercise-bar__feedback').textContent()).toMatch(/^Not 12345\. .*2 tries left/);
    await languageSwitch.selectOption('zh-CN');
    await expect.poll(() => page.locator('.exercise-bar__feedback').textContent()).toMatch(/^不是 12345。.*还剩 2 次机会/);
    expect(await englishIn(page, ['.exercise-bar'])).toEqual([]);

    expect(found).toEqual([]);
    await page.context().close();
  }, 240_000);

  test('switching to English and back keeps the step, the epoch and the settings; the same check finds the English', async () => {
    const page = await openQuestionExample();
    // one epoch on, then to BP2 of the next pass
    await stepper(page).getByRole('button', { name: '下一轮', exact: true }).click();
    await stepper(page).getByRole('button', { name: '下一步', exact: true }).click();
    await expect.poll(async () => (await place(page))[0], { timeout: 20_000 }).toBe(1);
    await stepper(page).getByRole('button', { name: 'BP2 δˡ', exact: true }).click();
    const before = await place(page);
    const settings = settingsOf(page);
    const title = await stepper(page).locator('.bl-stepper__title').textContent();
    expect(title).toBe('BP2：第 1 层的误差 δ¹');

    const languageSwitch = page.getByRole('combobox', { name: 'Language / 语言' });
    await languageSwitch.selectOption('en');
    await expect.poll(() => stepStatus(page)).toMatch(new RegExp(`^Epoch ${before[0]} · Step ${before[1]} of ${before[2]}`));
    expect(await stepper(page).locator('.bl-stepper__title').textContent()).toBe('BP2: error of layer 1, δ¹');
    // what was loaded is said again in the new language
    expect(await page.locator('.step-tab__outcome').textContent()).toMatch(/^Loaded “The question’s \[2,2,1\] on XOR”\. Two sigmoid/);
    // the English on show is found by the same check (it can fail)
    expect((await englishIn(page, STEP_PARTS)).length).toBeGreaterThan(5);
    expect(await seriousViolations(page)).toEqual([]);

    await languageSwitch.selectOption('zh-CN');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect.poll(() => stepper(page).locator('.bl-stepper__title').textContent()).toBe(title);
    expect(await place(page)).toEqual(before);
    expect(settingsOf(page)).toBe(settings);
    expect(await problems(page, 'back in Chinese')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  test('the gradient check of the answer’s ReLU network passes, the parameters at a kink marked as not checked, through the worker', async () => {
    const page = await openExample('answer-relu', '回答中的 2-4-1 ReLU 网络');
    await page.getByRole('button', { name: '梯度检验', exact: true }).click();
    await expect
      .poll(() => page.locator('.bl-gradcheck__verdict').textContent(), { timeout: 20_000 })
      .toMatch(/^通过：全部 \d+ 个梯度.*另有 \d+ 个参数位于 ReLU 的折点处/);
    await page.getByRole('button', { name: /^显示全部 \d+ 个参数$/ }).click();
    expect(await page.locator('.bl-gradcheck__kink').first().textContent()).toBe('位于折点，未检验');
    expect(await problems(page, 'gradient check')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
