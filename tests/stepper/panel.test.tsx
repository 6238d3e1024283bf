// @vitest-environment happy-dom
import { act, useMemo, useReducer, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { gradientCheck, inspectPass } from '../../src/engine';
import { GradCheckPanel } from '../../src/views/gradcheck/GradCheckPanel';
import { useStepperKeyboard } from '../../src/views/stepper/keyboard';
import { initialStepperState, runStepperAction, stepperReducer } from '../../src/views/stepper/machine';
import { StepperPanel } from '../../src/views/stepper/StepperPanel';
import type { SampleSelection, StepHighlight } from '../../src/views/stepper/types';
import { contextOf, loadShippedExample } from './fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const example = loadShippedExample('question-xor');
const scenario = { ...example, name: 'q' };

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** The caller's side, as the page will do it: owns the state, the keyboard hook and the passes. */
function Host({ onNextEpoch, onHighlight }: { onNextEpoch(): void; onHighlight(h: StepHighlight | null): void }) {
  const [state, dispatch] = useReducer(stepperReducer, undefined, () => initialStepperState());
  const [sample, setSample] = useState<SampleSelection>(0);
  useStepperKeyboard(true, {
    onNext: () => runStepperAction(state, { type: 'next' }, dispatch, onNextEpoch),
    onPrevious: () => runStepperAction(state, { type: 'previous' }, dispatch, onNextEpoch),
  });
  return (
    <>
      <input aria-label="Learning rate" />
      <StepperPanel
        network={example.network}
        pass={passes.pass}
        otherPass={passes.otherPass}
        settings={passes.settings}
        sample={sample}
        onSampleChange={setSample}
        state={state}
        dispatch={dispatch}
        onHighlight={onHighlight}
        onNextEpoch={onNextEpoch}
      />
    </>
  );
}
const passes = contextOf(scenario, 0);

const button = (name: string): HTMLButtonElement => {
  // the accessible name: text without aria-hidden decoration
  const match = [...container.querySelectorAll('button')].find((b) => {
    const clone = b.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => {
      n.remove();
    });
    return clone.textContent?.trim() === name;
  });
  if (!match) throw new Error(`no button named ${name}`);
  return match;
};
const status = () => container.querySelector('[role="status"]')!.textContent ?? '';
const title = () => container.querySelector('h3')!.textContent ?? '';
const press = (key: string, target: EventTarget = window) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

describe('StepperPanel', () => {
  test('Next step and Previous step (named exactly so) move through the pass', () => {
    const onNextEpoch = vi.fn();
    act(() => root.render(<Host onNextEpoch={onNextEpoch} onHighlight={() => {}} />));
    expect(status()).toContain('Step 1 of 14');
    expect(title()).toContain('weighted input z¹');
    act(() => button('Next step').click());
    expect(status()).toContain('Step 2 of 14');
    expect(title()).toContain('activation a¹');
    act(() => button('Previous step').click());
    expect(status()).toContain('Step 1 of 14');
    expect(button('Previous step').disabled).toBe(true);
  });

  test('the phase buttons jump, and the last step asks the caller for the next epoch', () => {
    const onNextEpoch = vi.fn();
    act(() => root.render(<Host onNextEpoch={onNextEpoch} onHighlight={() => {}} />));
    act(() => button('BP2 δˡ').click());
    expect(title()).toContain('BP2');
    expect(button('BP2 δˡ').getAttribute('aria-pressed')).toBe('true');
    act(() => button('Next epoch').click());
    expect(title()).toBe('Next epoch');
    expect(onNextEpoch).not.toHaveBeenCalled();
    act(() => button('Next step').click());
    expect(onNextEpoch).toHaveBeenCalledTimes(1);
    expect(status()).toContain('Computing');
    expect(button('Next step').disabled).toBe(true);
  });

  test('→ and ← step while the stepper is open, but not while typing in a field', () => {
    act(() => root.render(<Host onNextEpoch={() => {}} onHighlight={() => {}} />));
    press('ArrowRight');
    press('ArrowRight');
    expect(status()).toContain('Step 3 of 14');
    press('ArrowLeft');
    expect(status()).toContain('Step 2 of 14');
    press('ArrowRight', container.querySelector('input')!);
    expect(status()).toContain('Step 2 of 14');
  });

  test('the graph highlight follows the step, and hovering a number points at its place', () => {
    const onHighlight = vi.fn();
    act(() => root.render(<Host onNextEpoch={() => {}} onHighlight={onHighlight} />));
    expect(onHighlight).toHaveBeenLastCalledWith({
      neurons: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      params: [0, 1, 2, 3, 4, 5],
    });
    const weightCell = container.querySelector('table tbody tr td')!;
    expect(weightCell.textContent).toBe('0.5');
    act(() => void weightCell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(onHighlight).toHaveBeenLastCalledWith({ params: [0] });
  });

  test('equations are typeset with KaTeX from the record’s numbers', () => {
    act(() => root.render(<Host onNextEpoch={() => {}} onHighlight={() => {}} />));
    expect(container.querySelectorAll('.katex-display').length).toBeGreaterThanOrEqual(3);
    expect(container.querySelector('.katex-error')).toBeNull();
    // z¹₁ of sample 1 = 0.5·1 − 0.4·1 + 0.1 = 0.2
    expect(container.querySelector('[aria-label="With the numbers"]')!.textContent).toContain('0.2');
  });

  test('choosing the whole batch shows every sample', () => {
    act(() => root.render(<Host onNextEpoch={() => {}} onHighlight={() => {}} />));
    const select = container.querySelector('select')!;
    act(() => {
      select.value = 'mean';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(container.querySelector('.bl-stepper__notes')!.textContent).toContain('the 4 samples');
  });
});

/** A caller that, like the page, applies the recorded update on "next epoch" and computes the new pass. */
function LiveHost() {
  const [state, dispatch] = useReducer(stepperReducer, undefined, () => initialStepperState());
  const [network, setNetwork] = useState(example.network);
  const pass = useMemo(() => inspectPass(network, example.data, example.options), [network]);
  return (
    <StepperPanel
      network={network}
      pass={pass}
      settings={passes.settings}
      sample={0}
      onSampleChange={() => {}}
      state={state}
      dispatch={dispatch}
      onNextEpoch={() => setNetwork({ ...network, params: pass.paramsAfter.slice() })}
      playInterval={1000}
    />
  );
}

describe('StepperPanel with a live caller', () => {
  test('after the last step the new pass starts at the forward pass with the updated weights', () => {
    act(() => root.render(<LiveHost />));
    const firstWeight = () => container.querySelector('td[data-value]')!.getAttribute('data-value');
    expect(firstWeight()).toBe('0.5');
    act(() => button('Next epoch').click());
    act(() => button('Next step').click());
    expect(status()).toContain('Step 1 of 14');
    expect(title()).toContain('weighted input z¹');
    expect(Number(firstWeight())).toBeCloseTo(0.5 - 0.35 * inspectPass(example.network, example.data, example.options).gradient[0], 15);
  });

  test('Walk through slowly advances one step per interval and stops on the last step', () => {
    vi.useFakeTimers();
    try {
      act(() => root.render(<LiveHost />));
      act(() => button('Walk through slowly').click());
      expect(button('Stop walk-through').getAttribute('aria-pressed')).toBe('true');
      act(() => void vi.advanceTimersByTime(1000));
      expect(status()).toContain('Step 2 of 14');
      act(() => void vi.advanceTimersByTime(20_000));
      expect(status()).toContain('Step 14 of 14');
      expect(button('Walk through slowly').getAttribute('aria-pressed')).toBe('false');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('GradCheckPanel', () => {
  test('buggy mode: a fail verdict naming the hidden layer, worst rows first', () => {
    const check = gradientCheck(example.network, example.data, { ...example.options, gradientDivisor: 'samples', derivative: 'buggy' });
    const onHighlight = vi.fn();
    act(() => root.render(<GradCheckPanel check={check} derivative="buggy" onHighlight={onHighlight} rowLimit={4} />));
    expect(status()).toMatch(/^Fail: 6 of 9 .* layer 1/);
    const rows = [...container.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(4);
    const errors = rows.map((r) => Number(r.querySelectorAll('td')[3].textContent!.split(' ')[0].replace('\u2212', '-')));
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    act(() => void rows[0].dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(onHighlight).toHaveBeenCalledWith({ params: [expect.any(Number)] });
    act(() => button('Show all 9 parameters').click());
    expect(container.querySelectorAll('tbody tr')).toHaveLength(9);
  });

  test('correct mode passes', () => {
    const check = gradientCheck(example.network, example.data, { ...example.options, gradientDivisor: 'samples', derivative: 'correct' });
    act(() => root.render(<GradCheckPanel check={check} derivative="correct" />));
    expect(status()).toMatch(/^Pass: all 9 gradients agree/);
  });
});
