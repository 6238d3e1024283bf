/**
 * Readable at a glance, checked by geometry and value in Chromium: every number on a neuron is on top
 * in every step phase, each sample says right or wrong, no text under 12 px, the controls and the whole
 * cost curve fit 1280×720, nothing scrolls sideways at 390×844, and a stop message moves nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newRecordingPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statusText = async (page: Page) => (await page.getByRole('status', { name: 'Run status' }).textContent()) ?? '';

/** The lab at a viewport size, as a returning visitor (the engine's defaults saved, the landing seen). */
async function openAt(width: number, height: number, query = ''): Promise<Page> {
  const page = await newRecordingPage(browser);
  await page.setViewportSize({ width, height });
  await page.goto(`${inject('baseUrl')}${query}`);
  await expect.poll(() => statusText(page), { timeout: 20_000 }).toMatch(/Cost\s*\d/);
  return page;
}

/** Neuron labels whose centre is covered by something other than the label or its disc (every SVG shape made hittable). */
function coveredLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const figure = document.querySelector('figure[aria-label="Network graph"]');
    if (!figure) return ['no graph'];
    const style = document.createElement('style');
    style.textContent = 'figure[aria-label="Network graph"] svg * { pointer-events: visiblePainted !important; }';
    document.head.append(style);
    const covered: string[] = [];
    for (const label of figure.querySelectorAll<SVGTextElement>('[data-node-value]')) {
      const key = label.getAttribute('data-node-value');
      const disc = figure.querySelector(`[data-node="${key}"] .bl-graph__body`);
      label.scrollIntoView({ block: 'center', inline: 'center' });
      const box = label.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (hit !== label && hit !== disc) covered.push(`${key} "${label.textContent}" under ${hit?.tagName}.${hit?.getAttribute('class')}`);
    }
    style.remove();
    return covered;
  });
}

/** Visible text nodes whose computed font size is under 12 px. */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      if (parent.closest('.katex, [aria-hidden="true"] .visually-hidden, .visually-hidden, option, script, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < 11.95) small.push(`${size}px "${text.slice(0, 40)}" in ${parent.tagName}.${parent.getAttribute('class') ?? ''}`);
    }
    return small;
  });
}

const inViewport = (box: { x: number; y: number; width: number; height: number } | null, width: number, height: number) =>
  box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;

describe('the step-through graph', () => {
  test('at every step phase, the centre of each neuron label shows the label or its disc, nothing painted over it', async () => {
    const page = await openAt(1280, 720);
    await page.getByRole('tab', { name: 'Step through' }).click();
    const stepper = page.getByRole('region', { name: 'Step-through' });
    await expect.poll(() => stepper.locator('.bl-stepper__status').textContent(), { timeout: 20_000 }).toMatch(/Step 1 of (\d+)/);
    const total = Number(/of (\d+)/.exec((await stepper.locator('.bl-stepper__status').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    let highlighted = 0;
    for (let k = 1; k <= total; k++) {
      await expect.poll(() => stepper.locator('.bl-stepper__status').textContent()).toContain(`Step ${k} of`);
      if ((await page.locator('.bl-graph__hl-edge').count()) > 0) highlighted++;
      expect(await coveredLabels(page), `step ${k}`).toEqual([]);
      if (k < total) await stepper.getByRole('button', { name: 'Next step', exact: true }).click();
    }
    // most steps light up weights, which is when a number used to be painted over
    expect(highlighted).toBeGreaterThanOrEqual(total / 2);
    await page.context().close();
  });
});

describe('did it work', () => {
  test('each sample button says right or wrong against its target, and the count matches the status verdict', async () => {
    const page = await openAt(1280, 720);
    const samples = page.getByRole('group', { name: 'Sample shown' });
    await expect.poll(() => samples.locator('[data-sample-right]').count()).toBe(4);
    const right = async () => await samples.locator('[data-sample-right="true"]').count();
    const count = Number(await page.locator('[data-right]').getAttribute('data-right'));
    expect(await right()).toBe(count);
    expect(count).toBeLessThan(4);
    expect(await statusText(page)).toContain('Not solved');
    // train XOR until solved: every sample is marked right
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/✓\s*Solved/);
    // (a run may also have stopped by itself at its epoch limit)
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.count()) await pause.click();
    await expect.poll(right).toBe(4);
    expect(await samples.locator('[data-sample-right]').allTextContents()).toEqual(['✓', '✓', '✓', '✓']);
    expect(await page.locator('[data-right]').textContent()).toBe('4 of 4 right');
    await page.context().close();
  });
});

describe('type size', () => {
  test('no visible text under 12 px in any of the three tabs at 1280×720', async () => {
    const page = await openAt(1280, 720);
    expect(await smallText(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    expect(await smallText(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Step through' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Step-through' }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.locator('.bl-stepper__status').count()).toBeGreaterThan(0);
    expect(await smallText(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Bug lab' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Run sweep/ }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await smallText(page)).toEqual([]);
    await page.context().close();
  });

  test('a long caption is one line with a "more" toggle that shows the rest', async () => {
    const page = await openAt(1280, 720);
    const caption = page.getByRole('figure', { name: 'Network graph' }).locator('figcaption');
    const oneLine = await caption.boundingBox();
    expect(oneLine!.height).toBeLessThan(24);
    await caption.getByRole('button', { name: 'more' }).click();
    await expect.poll(async () => (await caption.boundingBox())!.height).toBeGreaterThan(30);
    await caption.getByRole('button', { name: 'less' }).click();
    await expect.poll(async () => (await caption.boundingBox())!.height).toBeLessThan(24);
    await page.context().close();
  });
});

describe('layout', () => {
  test('at 1280×720: the header is one row; Play, Step, Reset, Speed, the status, Derivative and the whole cost curve are in view', async () => {
    const page = await openAt(1280, 720);
    const header = await page.locator('.app__header').boundingBox();
    const play = await page.getByRole('button', { name: 'Play', exact: true }).boundingBox();
    // one row: the header is no taller than its tallest control and a little padding
    expect(header!.height).toBeLessThan(play!.height * 1.8);
    const boxes = {
      play,
      step: await page.getByRole('button', { name: 'Step', exact: true }).boundingBox(),
      reset: await page.getByRole('button', { name: 'Reset', exact: true }).boundingBox(),
      speed: await page.getByLabel('Speed').boundingBox(),
      status: await page.getByRole('status', { name: 'Run status' }).boundingBox(),
      derivative: await page.getByRole('radiogroup', { name: 'Derivative' }).boundingBox(),
      cost: await page.getByRole('figure', { name: 'Cost curve' }).boundingBox(),
    };
    for (const [name, box] of Object.entries(boxes)) expect(inViewport(box, 1280, 720), `${name} ${JSON.stringify(box)}`).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.context().close();
  });

  test('at 390×844: nothing scrolls sideways in any tab, Play and Derivative are in the first screen, the settings fold into a drawer', async () => {
    const page = await openAt(390, 844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(inViewport(await page.getByRole('button', { name: 'Play', exact: true }).boundingBox(), 390, 844)).toBe(true);
    expect(inViewport(await page.getByRole('radiogroup', { name: 'Derivative' }).boundingBox(), 390, 844)).toBe(true);
    expect(await page.getByLabel('Learning rate').isVisible()).toBe(false);
    const drawer = page.getByRole('button', { name: /Settings/ });
    await drawer.click();
    await expect.poll(() => page.getByLabel('Learning rate').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Hide settings' }).click();
    for (const tab of ['Step through', 'Bug lab']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), tab).toBeLessThanOrEqual(390);
    }
    // a wide equation scrolls inside its own box
    await page.getByRole('tab', { name: 'Step through' }).click();
    const lines = page.locator('.bl-stepper__numbers .bl-stepper__line');
    await expect.poll(() => lines.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const boxes = await lines.evaluateAll((all) =>
      all.map((el) => ({ overflow: getComputedStyle(el).overflowX, right: el.getBoundingClientRect().right, wide: el.scrollWidth > el.clientWidth })),
    );
    for (const box of boxes) {
      expect(box.overflow).toBe('auto');
      expect(box.right).toBeLessThanOrEqual(390);
    }
    // the matrix equation is wider than a phone: it is one of those that scroll
    expect(boxes.some((box) => box.wide)).toBe(true);
    await page.context().close();
  });

  test('the stop message appears without moving any element', async () => {
    const page = await openAt(1280, 720);
    const stopAfter = page.getByLabel('Stop after (epochs)');
    await stopAfter.fill('40');
    await stopAfter.press('Enter');
    await page.getByLabel('Speed').selectOption('max');
    const selectors = [
      '.app__header',
      '.app__tabs-row',
      '.card--graph',
      '.card--boundary',
      '.card--cost',
      '.controls',
      'figure[aria-label="Cost curve"]',
      '.mode-tabs',
    ];
    const boxes = () => page.evaluate((list) => list.map((s) => JSON.stringify(document.querySelector(s)?.getBoundingClientRect())), selectors);
    const before = await boxes();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => page.locator('.status__message').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    expect(await boxes()).toEqual(before);
    await page.context().close();
  });

  test('the notes of a hostile link go away without moving any element', async () => {
    const page = await openAt(1280, 720, '?lr=abc&x=1');
    const dismiss = page.getByRole('button', { name: 'Dismiss notes' });
    await expect.poll(() => dismiss.count()).toBe(1);
    const selectors = ['.app__header', '.app__tabs-row', '.card--graph', '.card--cost', '.controls'];
    const boxes = () => page.evaluate((list) => list.map((s) => JSON.stringify(document.querySelector(s)?.getBoundingClientRect())), selectors);
    const before = await boxes();
    await dismiss.click();
    await expect.poll(() => page.getByText(/is not a number; kept 0.35/).isVisible()).toBe(false);
    expect(await boxes()).toEqual(before);
    await page.context().close();
  });
});

describe('step-through examples', () => {
  test('the selector names no example until one is loaded; picking one loads it; gate data keeps Solved/Not solved; the Dataset box names it', async () => {
    const page = await openAt(1280, 720);
    await page.getByRole('tab', { name: 'Step through' }).click();
    const picker = page.getByLabel('Worked example');
    await expect.poll(() => picker.locator('option').count(), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await picker.inputValue()).toBe('');
    expect(await picker.locator('option:checked').textContent()).toMatch(/None loaded/);
    // where the graph and the stepper start (their height follows the loaded network)
    const body = () =>
      page.locator('.step-tab__body').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return `${r.x},${r.y},${r.width}`;
      });
    await expect.poll(() => page.locator('.step-tab__body').count()).toBe(1);
    const before = await body();
    await picker.selectOption('question-xor');
    const stepperStatus = page.getByRole('region', { name: 'Step-through' }).locator('.bl-stepper__status');
    // the example's own settings reach the stepper without pressing Load example
    await expect.poll(() => stepperStatus.textContent(), { timeout: 20_000 }).toContain('derivative buggy (f′ at a) · η = 0.35');
    await expect.poll(() => statusText(page)).toMatch(/Not solved|Solved/);
    expect(await statusText(page)).not.toMatch(/Accuracy/);
    // the "Loaded …" line was there all along: the graph and the stepper did not move
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loaded “The question’s [2,2,1] on XOR”' }).count()).toBe(1);
    expect(await body()).toBe(before);
    await page.getByRole('tab', { name: 'Live lab' }).click();
    const dataset = page.locator(`#${await page.getByLabel('Dataset').getAttribute('aria-describedby')}`);
    expect(await dataset.textContent()).toMatch(/^Loaded: The question’s \[2,2,1\] on XOR \(4 samples\)/);
    await page.context().close();
  });
});
