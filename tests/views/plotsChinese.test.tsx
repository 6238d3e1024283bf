// @vitest-environment happy-dom
/**
 * The cost curve and the decision boundary in 简体中文: no English sentence left in their words, their
 * aria-labels or titles (the colour legend is the shared ColorLegend's), numbers as views/format.ts writes them.
 */
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { switchLanguage } from '../../src/i18n/setup';
import { DecisionBoundary } from '../../src/views/boundary/DecisionBoundary';
import { type CostSource, CostCurve } from '../../src/views/costCurve/CostCurve';
import { questionXor, trained } from './fixtures';
import { type Rendered, nextFrame, render } from './render';

let rendered: Rendered | null = null;
beforeAll(() => switchLanguage('zh-CN'));
afterAll(async () => {
  await rendered?.unmount();
  await switchLanguage('en');
});

/** Runs of three or more English words in the figure's text, aria-labels and titles. */
function english(root: HTMLElement): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest('.bl-legend')) texts.push(node.textContent ?? '');
  for (const element of root.querySelectorAll('[aria-label], [title]'))
    if (!element.closest('.bl-legend')) texts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '');
  return texts.filter((text) => /[A-Za-z]{2,}[\s,.:;]+[A-Za-z]{2,}[\s,.:;]+[A-Za-z]{2,}/.test(text));
}

describe('plots in 简体中文', () => {
  it('the cost curve: legend, tools, axes, caption and hover, with grouped numbers', async () => {
    const costs = Float64Array.from({ length: 5_000 }, (_, k) => 1 / (k + 1));
    const source: CostSource = {
      get: () => ({ series: [{ id: 'live', label: '代价', costs, length: 5_000 }], currentEpoch: 2_500 }),
      subscribe: () => () => {},
    };
    rendered = await render(<CostCurve source={source} scale="log" />);
    const figure = rendered.container.querySelector<HTMLElement>('figure')!;
    expect(figure.getAttribute('aria-label')).toBe('代价曲线');
    expect(figure.querySelector('.bl-cost__value')?.textContent).toContain('第 2,500 轮');
    const plot = figure.querySelector<HTMLElement>('.bl-cost__plot')!;
    await act(async () => plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
    await nextFrame();
    expect(figure.querySelector('.bl-tooltip')?.textContent).toContain('第 1 轮');
    expect(english(figure)).toEqual([]);
    await rendered.unmount();
    rendered = null;
  });

  it('the decision boundary: toggle, caption, hover note and the samples summary', async () => {
    const xor = trained(questionXor, 100);
    rendered = await render(<DecisionBoundary grids={xor.grids} data={xor.data} outputs={xor.pass.layers[1].a} rounded onRoundedChange={() => {}} />);
    const figure = rendered.container.querySelector<HTMLElement>('figure')!;
    expect(figure.getAttribute('aria-label')).toBe('决策边界');
    expect(figure.querySelector('figcaption')?.textContent).toContain('100×100 个单元');
    expect(figure.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toMatch(/^样本：/);
    expect(english(figure)).toEqual([]);
  });
});
