/**
 * The Bug lab in 简体中文 from a fresh browser (?lang=zh-CN), in the production build: the twin run, a
 * sweep of 20 starts, the gate comparison at 2 starts a gate, the slip switches, Check my gradients with
 * a refused and a good gradients file, the mystery slip, an exercise and the embedded twin. Each shows no
 * run of English words and no raw key (tests/e2e/english.ts), stays inside its controls at 1280×720 and
 * passes axe; switching to English and back changes neither the run nor a setting nor a result.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { PROBE_OPTIONS, probeData, probeNetwork } from '../../src/engine/probe';
import { gradientWithSlips } from '../../src/engine/diagnosis';
import { toGradientsFile } from '../../src/engine/gradientFile';
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

const SWITCH = 'Language / 语言';

/** A first visit in a fresh context at 1280×720; errors collects console errors and uncaught exceptions. */
async function freshPage(url: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  return page;
}

/** Buttons, labels and table cells inside `selector` whose text is wider than their box. */
function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root} button, ${root} label, ${root} th, ${root} .chip`)]
        .filter((element) => element.checkVisibility() && element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent ?? ''),
    selector,
  );
}

const epochShown = async (page: Page) => Number(((await page.locator('.status strong').first().textContent()) ?? '').replace(/,/g, ''));
const settingsOf = (page: Page) => {
  const params = new URL(page.url()).searchParams;
  params.delete('lang');
  return params.toString();
};

const probe = probeNetwork();
const gradientsFile = (slips: Parameters<typeof gradientWithSlips>[3]) =>
  JSON.stringify(toGradientsFile(probe.sizes, gradientWithSlips(probe, probeData(), PROBE_OPTIONS, slips)));

describe('the Bug lab in 简体中文', () => {
  test('twin, sweep, gate comparison, slips, check, mystery: Chinese throughout, inside their boxes, axe clean; English and back keeps everything', async () => {
    const errors: string[] = [];
    const page = await freshPage(`${inject('baseUrl')}?lang=zh-CN`, errors);
    await page.getByRole('button', { name: '自己探索' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const stop = page.getByLabel('停止轮数', { exact: true });
    await page.getByRole('tab', { name: '错误实验室' }).click();
    const panel = page.getByRole('tabpanel', { name: '错误实验室' });
    await panel.getByRole('group', { name: '错误实验室的预设' }).getByRole('button', { name: 'AND', exact: true }).click();
    await stop.fill('2000');
    await stop.press('Enter');

    // the twin run
    await panel.getByRole('button', { name: '开始双胞胎训练' }).click();
    await panel.getByRole('figure', { name: '双胞胎训练', exact: true }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => panel.locator('.bl-result').first().textContent())
      .toMatch(/^正确的 f′\(z\) (学会了|没学会)（代价 [\d.]+） · 有错的 f′\(a\) (学会了|没学会)/);

    // a sweep of 20 starts, its starts listed by outcome
    await panel.getByLabel('起点数', { exact: true }).fill('1001');
    await expect.poll(() => panel.locator('.bl-sweep__error').first().textContent()).toMatch(/^起点数：应为 1 到 1,000 之间的整数，收到的是 1,?001$/);
    // the page's one rule for typed numbers: 1e999 is too large here as in every field
    await panel.getByLabel('起点数', { exact: true }).fill('1e999');
    await expect.poll(() => panel.locator('.bl-sweep__error').first().textContent()).toBe('起点数：“1e999”太大，不是一个可用的数；可以试试 100');
    await panel.getByLabel('起点数', { exact: true }).fill('20');
    await panel.getByRole('button', { name: '运行多起点实验' }).click();
    const result = panel.locator('.bl-sweep__result');
    await expect.poll(() => result.textContent(), { timeout: 120_000 }).toMatch(/^正确的：\d+(\.\d)?% \(.+%\) · 有错的：\d+(\.\d)?% \(.+%\)$/);
    expect(await panel.locator('.bl-sweep-timing').textContent()).toMatch(/：20 个起点 × 2 种导数，在 \d 个后台线程上用时 .+。$/);
    const outcomes = panel.getByRole('group', { name: '按结果分组的起点' }).getByRole('button');
    for (let k = 0; k < (await outcomes.count()); k++)
      if (await outcomes.nth(k).isEnabled()) {
        await outcomes.nth(k).click();
        break;
      }
    await expect.poll(() => panel.getByRole('button', { name: /^用(正确的|有错的)导数打开随机种子 \d+$/ }).count()).toBeGreaterThan(0);

    // the gate comparison at 2 starts a gate
    await panel.getByLabel('每个逻辑门的起点数').fill('2');
    await panel.getByRole('button', { name: '对比逻辑门' }).click();
    const table = panel.getByRole('table', { name: '逻辑门对比' });
    await expect.poll(() => table.locator('tr[data-gate="XOR"] td').first().textContent(), { timeout: 180_000 }).toBe('1–2');

    // the slips: the derivative off and on again, the naive sigmoid on with its overflow report
    const atA = panel.getByRole('switch', { name: '在 a 而不是 z 处求 f′' });
    await atA.click();
    await expect.poll(() => atA.getAttribute('aria-checked')).toBe('false');
    await atA.click();
    await expect.poll(() => atA.getAttribute('aria-checked')).toBe('true');
    await panel.getByRole('switch', { name: '朴素 sigmoid' }).click();
    await expect.poll(() => panel.locator('.bl-slip__detail').first().textContent()).toMatch(/第 [\d,]+ 轮|还没有可以观察溢出的训练/);

    // Check my gradients: a refused file, then a good one, then one with the question's slip
    const check = panel.getByRole('region', { name: '检验我的梯度' });
    const fileInput = check.locator('input[type="file"]');
    const bad = JSON.parse(gradientsFile([])) as { gradBiases: number[][] };
    bad.gradBiases[0] = [0.1, 0.2, 0.3];
    await fileInput.setInputFiles({ name: 'grads.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => check.getByRole('alert').textContent()).toBe('grads.json：gradBiases[0] 应有 2 个数（n_1），收到的是 3 个');
    await fileInput.setInputFiles({ name: 'grads.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await expect.poll(() => check.getByRole('alert').textContent()).toMatch(/^grads\.json：不是有效的 JSON：这里应为一个值（第 1 行，第 \d+ 列）$/);
    await fileInput.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(gradientsFile([])) });
    const diagnosis = check.getByRole('status', { name: '诊断' });
    await expect.poll(() => diagnosis.textContent()).toBe('你的梯度是正确的：每一项与实验室梯度的相对误差都在 1e−9 以内。');
    expect(await check.getByRole('alert').count()).toBe(0);
    await fileInput.setInputFiles({ name: 'slip.json', mimeType: 'application/json', buffer: Buffer.from(gradientsFile(['derivativeAtA'])) });
    await expect.poll(() => diagnosis.textContent()).toMatch(/^你的梯度与这处错误产生的梯度完全一致：“在 a 处求 σ′”。把 delta = /);

    // the mystery slip
    const mystery = panel.getByRole('region', { name: '神秘错误' });
    await mystery.getByRole('button', { name: '来一道神秘错误' }).click();
    const choice = mystery.getByLabel('是哪处错误？');
    await choice.selectOption({ index: 1 });
    await mystery.getByRole('button', { name: '揭晓' }).click();
    await expect.poll(() => mystery.getByRole('status', { name: '谜底' }).textContent()).toMatch(/^(答对了：是|不是“.+”：是)“.+”。/);

    expect(await englishIn(page, ['[role="tabpanel"]'])).toEqual([]);
    expect(await overflowing(page, '[role="tabpanel"]')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    // on a phone the check's diagnosis, graph and table stay inside their section (a label's inline-flex rule once centred them past its edges)
    await page.setViewportSize({ width: 390, height: 844 });
    const outside = await page.evaluate(() => {
      const section = document.querySelector('section[aria-labelledby="bl-check-title"]')!.getBoundingClientRect();
      return [...document.querySelectorAll('section[aria-labelledby="bl-check-title"] > *')]
        .filter((child) => child.getBoundingClientRect().left < section.left - 1 || child.getBoundingClientRect().right > section.right + 1)
        .map((child) => child.className);
    });
    expect(outside).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });

    // English and back: the run, the settings and the results stay; only the words change
    await mystery.getByRole('button', { name: '结束谜题' }).click();
    await page.waitForTimeout(300);
    const epoch = await epochShown(page);
    const settings = settingsOf(page);
    const rates = await result.textContent();
    // located by class from here on: the names change with the language
    const rateLine = page.locator('.buglab .bl-sweep__result');
    const verdict = page.locator('.buglab .bl-check__verdict');
    const languageSwitch = page.getByRole('combobox', { name: SWITCH });
    await languageSwitch.selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => rateLine.textContent()).toBe(rates!.replace('正确的：', 'Correct: ').replace(' · 有错的：', ' · Buggy: '));
    expect(await page.getByRole('tabpanel', { name: 'Bug lab' }).getByRole('figure', { name: 'Twin run', exact: true }).count()).toBe(1);
    expect(await verdict.textContent()).toMatch(/^Your gradients are exactly those of: σ′ taken at a\. Change delta = /);
    // the same check finds the English now on show (it can fail)
    expect((await englishIn(page, ['[role="tabpanel"]'])).length).toBeGreaterThan(10);
    expect(await seriousViolations(page)).toEqual([]);
    await languageSwitch.selectOption('zh-CN');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await rateLine.textContent()).toBe(rates);
    expect(await verdict.textContent()).toMatch(/^你的梯度与这处错误产生的梯度完全一致：“在 a 处求 σ′”。/);
    expect(await englishIn(page, ['[role="tabpanel"]'])).toEqual([]);
    expect(await epochShown(page)).toBe(epoch);
    expect(settingsOf(page)).toBe(settings);
    expect(errors).toEqual([]);
    await page.context().close();
    // a twin, 20 starts, 3 gates × 2 starts × 60,000 epochs: minutes on a busy machine
  }, 600_000);

  test('an exercise in Chinese: the bar, a wrong answer’s hint and the right answer', async () => {
    const errors: string[] = [];
    const page = await freshPage(`${inject('baseUrl')}?lang=zh-CN&exercise=question-one-pass`, errors);
    const box = page.getByRole('textbox', { name: 'z¹₁ (s = 2) 的值' });
    await expect.poll(() => box.count(), { timeout: 30_000 }).toBe(1);
    const feedback = page.locator('.exercise-bar__feedback');
    expect(await feedback.textContent()).toBe('输入这一步每个被隐藏的结果并按 Enter；答错会得到提示，第三次答错会揭晓答案。');
    await box.fill('0.5');
    await box.press('Enter');
    await expect.poll(() => feedback.textContent()).toMatch(/^不是 0\.5。z¹₁ = Σᵢ w¹₁ᵢ·xᵢ \+ b¹₁.+还剩 2 次机会；网络图会点亮相关的项。$/);
    await box.fill('−0.3');
    await box.press('Enter');
    await expect.poll(() => feedback.textContent()).toBe('答对了：z¹₁ (s = 2) = −0.3。');
    expect(await englishIn(page, ['.exercise-bar', '.exercise-cell'])).toEqual([]);
    // the set opened from the bar names it, and says what it asks, in Chinese
    await page.getByRole('button', { name: '打开练习集' }).click();
    await expect.poll(() => page.locator('.exercise-bar__message').textContent()).toMatch(/^已打开“原问题网络的一次传播”。原问题的 \[2,2,1\] sigmoid 网络/);
    expect(await englishIn(page, ['.exercise-bar'])).toEqual([]);
    expect(await overflowing(page, '.exercise-bar')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  test('the embedded twin in Chinese: its label, its run, its result and the link’s notes', async () => {
    const errors: string[] = [];
    const page = await freshPage(`${inject('baseUrl')}?lang=zh-CN&embed=twin&stop=500&size=huge&mystery=nope!`, errors);
    const view: Locator = page.getByRole('main', { name: '双胞胎训练' });
    // the link's malformed keys are noted in Chinese
    await expect.poll(() => page.locator('body').textContent()).toContain('size="huge" 不是 "large" 或 "normal"；使用正常大小。');
    expect(await page.locator('body').textContent()).toContain('链接中的神秘错误（mystery）：“nope!”不是神秘错误的代码；没有开始谜题。');
    await view.getByRole('button', { name: '开始双胞胎训练' }).click();
    await expect.poll(() => view.locator('.bl-result').first().textContent(), { timeout: 60_000 }).toMatch(/^正确的 f′\(z\)/);
    expect(await englishIn(page, ['main'])).toEqual([]);
    expect(await overflowing(page, 'main')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
