// @vitest-environment happy-dom
/**
 * A setting's field refuses a typed number by the page's one rule, and the refusal on show follows
 * the language: a switch rewords it, the field's own name included.
 */
import { act } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { NumberField } from '../../src/app/fields';
import { CONFIG_SETTINGS } from '../../src/engine';
import { switchLanguage, useT } from '../../src/i18n/setup';
import { type Rendered, render } from '../views/render';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
  await switchLanguage('en');
});

function LearningRate({ apply }: { apply(value: number): null }) {
  const t = useT();
  return (
    <NumberField
      setting={CONFIG_SETTINGS.learningRate}
      label={t('setting.learningRate.label')}
      name={t('setting.learningRate.name')}
      value={0.35}
      apply={apply}
    />
  );
}

async function commit(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
}

describe('a setting’s typed number', () => {
  test('1e999 is too large, said in the language on show, and changes nothing', async () => {
    const apply = vi.fn(() => null);
    rendered = await render(<LearningRate apply={apply} />);
    const input = rendered.container.querySelector('input')!;
    const alert = () => rendered!.container.querySelector('[role="alert"]')?.textContent ?? null;
    await commit(input, '1e999');
    expect(alert()).toBe('learning rate: “1e999” is too large to be a number; try e.g. 0.35');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await act(() => switchLanguage('zh-CN'));
    expect(alert()).toBe('学习率：“1e999”太大，不是一个可用的数；可以试试 0.35');
    await act(() => switchLanguage('en'));
    expect(alert()).toBe('learning rate: “1e999” is too large to be a number; try e.g. 0.35');
    await commit(input, '−0.5');
    expect(alert()).toBe('learning rate: expected a number above 0 and at most 1,000,000, got -0.5');
    expect(apply).not.toHaveBeenCalled();
    await commit(input, ' 0.5 ');
    expect(alert()).toBeNull();
    expect(apply).toHaveBeenCalledWith(0.5);
  });
});
