// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GridEvaluator, type StartResult, type SweepStartRecord, divisorEffect, questionConfig, summarizeSweep, twinRun } from '../../src/engine';
import { CodePanel } from '../../src/views/codePanel/CodePanel';
import { SlipSwitches } from '../../src/views/slips/SlipSwitches';
import { SweepPanel } from '../../src/views/sweep/SweepPanel';
import { formatPercent, formatTimeLeft, parseStartCount } from '../../src/views/sweep/sweepFormat';
import { TwinView } from '../../src/views/twin/TwinView';
import { twinCostSource } from '../../src/views/twin/twinCostSource';
import { type Rendered, nextFrame, render } from '../views/render';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

const noop = () => {};

/** Sets an input's value the way React notices (through the native setter) and fires input. */
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function button(container: HTMLElement, name: string): HTMLButtonElement {
  const found = Array.from(container.querySelectorAll<HTMLButtonElement>('button')).find(
    (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
  );
  expect(found, `button ${name}`).toBeDefined();
  return found!;
}

// 10 starts: correct solves 9, buggy 2 (seeds 100 and 101 by both; seed 109 by neither)
const result = (seed: number, solved: boolean, finalCost: number): StartResult => ({ seed, solved, finalCost, epochs: 1000, diverged: false });
const records: SweepStartRecord[] = Array.from({ length: 10 }, (_, k) => ({
  seed: 100 + k,
  correct: result(100 + k, k < 9, k < 9 ? 1e-4 * (1 + k) : 0.4),
  buggy: result(100 + k, k < 2, k < 2 ? 2e-4 : 0.45),
}));
const summary = summarizeSweep(records);

describe('sweep text', () => {
  it('formats rates, time left and the start count', () => {
    expect(formatPercent(0.973)).toBe('97%');
    expect(formatPercent(0.002)).toBe('0.2%');
    expect(formatPercent(0.9999)).toBe('99.9%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatTimeLeft(null)).toBe('estimating time left…');
    expect(formatTimeLeft(11_200)).toBe('about 12 s left');
    expect(formatTimeLeft(125_000)).toBe('about 2 min 5 s left');
    expect(parseStartCount(' 250 ', 1000, 'Starts', 100)).toEqual({ ok: true, value: 250 });
    expect(parseStartCount('2.5', 1000, 'Starts', 100)).toMatchObject({ ok: false, problem: { code: 'settingNumber' } });
    expect(parseStartCount('1001', 1000, 'Starts', 100)).toMatchObject({ ok: false, problem: { code: 'settingNumber', values: { value: '1,001' } } });
  });
});

describe('SweepPanel', () => {
  it('validates the number of starts and runs with it', async () => {
    const onRun = vi.fn();
    rendered = await render(<SweepPanel status="idle" progress={null} summary={null} onRun={onRun} onCancel={noop} onOpenStart={noop} />);
    const { container } = rendered;
    const input = container.querySelector<HTMLInputElement>('input')!;
    expect(input.value).toBe('100');
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Starts');
    await type(input, 'abc');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(container.textContent).toMatch(/Starts: “abc” is not a number; try e.g. 100/);
    expect(button(container, 'Run sweep').disabled).toBe(true);
    await type(input, '1e999');
    expect(container.textContent).toMatch(/Starts: “1e999” is too large to be a number; try e.g. 100/);
    await type(input, '1001');
    expect(container.textContent).toMatch(/Starts: expected a whole number from 1 to 1,000, got 1,001/);
    await type(input, '250');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    await act(async () => button(container, 'Run sweep').click());
    expect(onRun).toHaveBeenCalledWith(250);
  });

  it('shows progress with the time left while running, and Cancel', async () => {
    const onCancel = vi.fn();
    rendered = await render(
      <SweepPanel
        status="running"
        progress={{ done: 37, total: 100, timeLeftMs: 11_200 }}
        summary={null}
        onRun={noop}
        onCancel={onCancel}
        onOpenStart={noop}
      />,
    );
    const { container } = rendered;
    const bar = container.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('37');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(container.textContent).toContain('37 / 100 starts · about 12 s left');
    expect(button(container, 'Run sweep').disabled).toBe(true);
    await act(async () => button(container, 'Cancel').click());
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('names both success rates with their 95% intervals and opens a start picked from a histogram bar', async () => {
    const onOpenStart = vi.fn();
    rendered = await render(<SweepPanel status="done" progress={null} summary={summary} onRun={noop} onCancel={noop} onOpenStart={onOpenStart} />);
    const { container } = rendered;
    // Wilson: 9 of 10 → 59.6%–98.2%, 2 of 10 → 5.7%–51.0%
    expect(container.querySelector('.bl-sweep__result')?.textContent).toBe('Correct: 90% (60–98%) · Buggy: 20% (6–51%)');
    expect(container.querySelector('[role="progressbar"]')).toBeNull();
    const bars = Array.from(container.querySelectorAll<SVGRectElement>('rect[role="button"]'));
    expect(bars.length).toBe(2 * summary.histogram.bins.length);
    const buggyHigh = bars.find((b) => /^Buggy f′\(a\): 8 starts/.test(b.getAttribute('aria-label') ?? ''))!;
    expect(buggyHigh).toBeDefined();
    await act(async () => buggyHigh.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    const seeds = Array.from(container.querySelectorAll<HTMLButtonElement>('.bl-sweep__seeds button')).map((b) => b.textContent);
    expect(seeds).toEqual(['102', '103', '104', '105', '106', '107', '108', '109']);
    await act(async () => button(container, 'Open seed 104 with the buggy derivative').click());
    expect(onOpenStart).toHaveBeenCalledWith(104, 'buggy');
  });

  it('lists the starts only the correct derivative solved, and opens them with the chosen derivative', async () => {
    const onOpenStart = vi.fn();
    rendered = await render(<SweepPanel status="done" progress={null} summary={summary} onRun={noop} onCancel={noop} onOpenStart={onOpenStart} />);
    const { container } = rendered;
    await act(async () => button(container, 'only correct solved (7)').click());
    expect(container.querySelectorAll('.bl-sweep__seeds button')).toHaveLength(7);
    await act(async () => button(container, 'Correct').click());
    await act(async () => button(container, 'Open seed 102 with the correct derivative').click());
    expect(onOpenStart).toHaveBeenCalledWith(102, 'correct');
    expect(button(container, 'neither solved (1)').disabled).toBe(false);
    expect(button(container, 'only buggy solved (0)').disabled).toBe(true);
  });

  it('shows an error from the pool as an alert', async () => {
    rendered = await render(
      <SweepPanel status="error" progress={null} summary={null} error="sweep worker 1 failed: boom" onRun={noop} onCancel={noop} onOpenStart={noop} />,
    );
    expect(rendered.container.querySelector('[role="alert"]')?.textContent).toBe('sweep worker 1 failed: boom');
  });
});

describe('TwinView', () => {
  it('lays out both cost series, two boundaries and a row per parameter from a real twin run', async () => {
    const config = { ...questionConfig('AND'), epochs: 300, seed: 1 };
    const twin = twinRun(config);
    const evaluator = new GridEvaluator(
      { sizes: twin.sizes, activations: ['sigmoid', 'sigmoid'], leakySlope: 0.01, params: twin.correct.params },
      [-0.25, 1.25, -0.25, 1.25],
      20,
      8,
    );
    const grid = (params: Float64Array) => evaluator.evaluate({ sizes: twin.sizes, activations: ['sigmoid', 'sigmoid'], leakySlope: 0.01, params });
    rendered = await render(
      <TwinView
        costs={twinCostSource(twin.correct.costs, twin.buggy.costs)}
        data={null}
        grids={{ correct: grid(twin.correct.params), buggy: grid(twin.buggy.params) }}
        labels={twin.labels}
        params={{ correct: twin.correct.params, buggy: twin.buggy.params }}
        difference={twin.difference}
        largest={twin.largestDifference}
        epoch={300}
        rounded={false}
      />,
    );
    await nextFrame();
    const { container } = rendered;
    const figure = container.querySelector('figure[aria-label="Twin run"]')!;
    expect(figure.querySelector('figure[aria-label="Twin costs"]')).not.toBeNull();
    expect(figure.querySelector('[aria-label="Series"]')?.textContent).toMatch(/Correct f′\(z\).*Buggy f′\(a\)/);
    expect(figure.querySelector('figure[aria-label="Twin output: Correct f′(z)"]')).not.toBeNull();
    expect(figure.querySelector('figure[aria-label="Twin output: Buggy f′(a)"]')).not.toBeNull();
    const rows = figure.querySelectorAll('.bl-twin__table tbody tr');
    expect(rows).toHaveLength(9);
    const largest = figure.querySelector('.bl-twin__table tr.is-largest th')!.textContent;
    expect(largest).toBe(twin.labels[twin.largestDifference!.index].name);
    expect(figure.querySelector(':scope > figcaption')?.textContent).toContain('epoch 300');
  });
});

describe('CodePanel', () => {
  it('shows each switched line in the form the switches select, marked as slip or correct', async () => {
    rendered = await render(<CodePanel derivative="buggy" gradientDivisor="features" sigmoidForm="naive" />);
    const line = (slot: string) => Array.from(rendered!.container.querySelectorAll<HTMLElement>(`[data-slot="${slot}"]`));
    expect(line('derivative')[0].textContent).toContain('f_prime(a[l - 1])');
    expect(line('derivative')[0].className).toContain('is-slip');
    expect(line('divisor')[0].textContent).toContain('n = len(X)');
    expect(line('sigmoid')[0].textContent).toContain('1.0 / (1.0 + np.exp(-z))');
    await rendered.rerender(<CodePanel derivative="correct" gradientDivisor="samples" sigmoidForm="stable" />);
    expect(line('derivative')[0].textContent).toContain('f_prime(z[l - 1])');
    expect(line('derivative')[0].className).toContain('is-fixed');
    expect(line('divisor')[0].textContent).toContain('n = X.shape[1]');
    expect(
      line('sigmoid')
        .map((l) => l.textContent)
        .join('\n'),
    ).toContain('np.exp(-np.abs(z))');
  });
});

describe('SlipSwitches', () => {
  const overflow = {
    epoch: 20_000,
    lastEpochOverflows: 3,
    passOverflows: 3,
    log: { firstEpoch: 7640, lastEpoch: 20_000, epochsWithOverflow: 12, total: 40 },
    sites: [{ layer: 1, sample: 0, neuron: 1, z: -2085, naive: 0, stable: 0 }],
  };

  it('offers the three slips as switches, each explained, and flips them', async () => {
    const onDerivativeChange = vi.fn();
    const onGradientDivisorChange = vi.fn();
    const onSigmoidFormChange = vi.fn();
    rendered = await render(
      <SlipSwitches
        derivative="buggy"
        gradientDivisor="samples"
        sigmoidForm="stable"
        onDerivativeChange={onDerivativeChange}
        onGradientDivisorChange={onGradientDivisorChange}
        onSigmoidFormChange={onSigmoidFormChange}
        divisor={divisorEffect('features', 0.35, 4, 2)}
        overflow={overflow}
      />,
    );
    const { container } = rendered;
    const switches = Array.from(container.querySelectorAll<HTMLButtonElement>('[role="switch"]'));
    expect(switches.map((s) => [s.textContent, s.getAttribute('aria-checked')])).toEqual([
      ['f′ at a instead of z', 'true'],
      ['Divide by input features', 'false'],
      ['Naive sigmoid', 'false'],
    ]);
    expect(container.textContent).toContain('as if η were 0.7');
    expect(container.textContent).not.toContain('overflowed');
    await act(async () => switches[0].click());
    await act(async () => switches[1].click());
    await act(async () => switches[2].click());
    expect(onDerivativeChange).toHaveBeenCalledWith('correct');
    expect(onGradientDivisorChange).toHaveBeenCalledWith('features');
    expect(onSigmoidFormChange).toHaveBeenCalledWith('naive');
  });

  it('with the naive sigmoid on, says when and where e^(−z) overflowed', async () => {
    rendered = await render(
      <SlipSwitches
        derivative="buggy"
        gradientDivisor="features"
        sigmoidForm="naive"
        onDerivativeChange={noop}
        onGradientDivisorChange={noop}
        onSigmoidFormChange={noop}
        overflow={overflow}
      />,
    );
    const text = rendered.container.textContent!;
    expect(text).toContain('e^(−z) overflowed 3 times in epoch 20,000');
    expect(text).toContain('First at epoch 7,640, 40 in all over 12 epochs');
    const cells = Array.from(rendered.container.querySelectorAll('.bl-slip__sites tbody td')).map((td) => td.textContent);
    // layer 1, neuron 2, sample 1: counted from 1 as everywhere on the page
    expect(cells).toEqual(['1', '2', '1', '−2085', '0', '0']);
  });
});
