// @vitest-environment happy-dom
/** The colour legend's tick labels never overlap (the gradient check's 1e−12 and 1e−9 ran together), and it speaks the page's language. */
import { afterEach, describe, expect, test } from 'vitest';
import { ColorLegend, type LegendTick, visibleTickLabels } from '../../src/views/ColorLegend';
import { gradCheckLegend } from '../../src/views/gradcheck/colors';
import { switchLanguage } from '../../src/i18n/setup';
import { type Rendered, render } from './render';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
  await switchLanguage('en');
});

const ticksOf = (tolerance: number): LegendTick[] =>
  gradCheckLegend(tolerance).map((stop) => ({ position: stop.position, label: stop.label, strong: stop.value === tolerance }));

/** The shown labels' spans along the bar, at 8 px a character (the legend's own allowance). */
function shownSpans(ticks: LegendTick[], width: number): Array<[number, number]> {
  const shown = visibleTickLabels(ticks, width);
  return ticks.filter((_, k) => shown[k]).map((tick) => [tick.position * width - tick.label.length * 4, tick.position * width + tick.label.length * 4]);
}

describe('tick labels', () => {
  test('no two shown labels overlap, at any width and tolerance; the tolerance and the ends keep theirs', () => {
    for (const tolerance of [1e-6, 1e-4, 1e-7, 1e-2])
      for (const width of [60, 100, 150, 200, 320]) {
        const ticks = ticksOf(tolerance);
        const spans = shownSpans(ticks, width).sort((a, b) => a[0] - b[0]);
        for (let k = 1; k < spans.length; k++) expect(spans[k][0], `${tolerance} at ${width} px`).toBeGreaterThanOrEqual(spans[k - 1][1]);
        const shown = visibleTickLabels(ticks, width);
        expect(shown[ticks.findIndex((tick) => tick.strong)]).toBe(true);
      }
  });

  test('at the gradient check’s 200 px every decade is labelled; crowded, the ones in between give way', () => {
    expect(visibleTickLabels(ticksOf(1e-6), 200)).toEqual([true, true, true, true, true]);
    // 150 px: what the legend used to be, where 1e−12 and 1e−9 touched
    const crowded = visibleTickLabels(ticksOf(1e-6), 100);
    expect(crowded[2]).toBe(true);
    expect(crowded.filter(Boolean).length).toBeLessThan(5);
  });

  test('every tick keeps its mark; the rendered legend shows exactly the labels that fit', async () => {
    const ticks = ticksOf(1e-4);
    rendered = await render(<ColorLegend low={1e-12} high={1} title="relative error" width={120} ticks={ticks} label="Relative error colour" />);
    const marks = [...rendered.container.querySelectorAll('.bl-legend__tick')];
    expect(marks).toHaveLength(ticks.length);
    const shown = visibleTickLabels(ticks, 120);
    expect(marks.map((mark) => mark.textContent)).toEqual(ticks.map((tick, k) => (shown[k] ? tick.label : '')));
    expect(rendered.container.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Relative error colour');
  });
});

describe('the legend in 简体中文', () => {
  test('its aria-label is worded in Chinese', async () => {
    await switchLanguage('zh-CN');
    rendered = await render(<ColorLegend low={-1.5} high={1.5} title="w" />);
    expect(rendered.container.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('w：橙色 −1.5 到蓝色 1.5');
  });
});
