/**
 * Every number typed on the page (a setting's field, a sweep's starts, a weight in the edit dialog)
 * is read by one rule with one set of messages, worded in both languages; the CLI words the same
 * coded messages in English.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_SETTINGS, type NumberRule, readTypedNumber } from '../../src/engine';
import { englishText } from '../../src/cli/english';
import { messageText } from '../../src/i18n/messageText';
import { switchLanguage } from '../../src/i18n/setup';
import { parseStartCount } from '../../src/views/sweep/sweepFormat';
import { PARAM_VALUE_RULE } from '../../src/worker/lab/paramEdit';

/** The page's typed-number fields, each with its own range, name and example. */
const FIELDS: Array<{ field: string; read(text: string): ReturnType<typeof readTypedNumber> }> = [
  { field: 'learning rate', read: (text) => readTypedNumber(text, CONFIG_SETTINGS.learningRate, 'learning rate', '0.35') },
  { field: 'seed', read: (text) => readTypedNumber(text, CONFIG_SETTINGS.seed, 'seed', '42') },
  { field: 'starts', read: (text) => parseStartCount(text, 100_000, 'Starts', 100) },
  { field: 'weight', read: (text) => readTypedNumber(text, PARAM_VALUE_RULE, 'w²₁₁', '0.5') },
];

const codeOf = (read: ReturnType<typeof readTypedNumber>) => (read.ok ? null : read.problem.code);

describe('a typed number', () => {
  afterAll(() => switchLanguage('en'));

  it('is refused for the same reason in every field: empty, not a number, too large', () => {
    for (const { field, read } of FIELDS) {
      expect(codeOf(read('')), field).toBe('typedEmpty');
      expect(codeOf(read('   ')), field).toBe('typedEmpty');
      for (const text of ['1e999', '-1e999', '9'.repeat(320)]) expect(codeOf(read(text)), `${field} ${text}`).toBe('typedTooLarge');
      for (const text of ['abc', '0x10', 'Infinity', 'NaN', '1,000', '1_0', '٣', '1.2.3', '9'.repeat(401)])
        expect(codeOf(read(text)), `${field} ${text}`).toBe('typedNotNumber');
    }
  });

  it('is read the same way in every field: trimmed, exponent notation, a typographic minus', () => {
    for (const { field, read } of FIELDS) expect(read(' 1e1 '), field).toEqual({ ok: true, value: 10 });
    expect(FIELDS[3].read('−2e-3')).toEqual({ ok: true, value: -2e-3 });
    expect(FIELDS[1].read('−0')).toEqual({ ok: true, value: 0 });
    // what the page prints can be typed back: its exponents carry a typographic minus too
    expect(FIELDS[3].read('−2e−3')).toEqual({ ok: true, value: -2e-3 });
    expect(FIELDS[0].read('5.927e−5')).toEqual({ ok: true, value: 5.927e-5 });
    expect(Object.is((FIELDS[1].read('-0') as { value: number }).value, 0)).toBe(true);
  });

  it('outside its field’s range says the range with the field’s name', () => {
    const rule: NumberRule = { whole: true, min: 1, max: 1000 };
    const read = readTypedNumber('2.5', rule, 'Starts', '100');
    expect(read.ok || englishText(read.problem)).toBe('Starts: expected a whole number from 1 to 1,000, got 2.5');
    const weight = FIELDS[3].read('2e6');
    expect(weight.ok || englishText(weight.problem)).toBe('w²₁₁: expected a number from -1,000,000 to 1,000,000, got 2,000,000');
  });

  it('is refused in words in both languages, the page’s English the CLI’s', async () => {
    const english = FIELDS.flatMap(({ read }) => ['', 'abc', '1e999'].map((text) => read(text)));
    for (const read of english) {
      if (read.ok) throw new Error('taken');
      expect(messageText(read.problem)).toBe(englishText(read.problem));
    }
    const tooLarge = FIELDS[2].read('1e999');
    expect(tooLarge.ok || messageText(tooLarge.problem)).toBe('Starts: “1e999” is too large to be a number; try e.g. 100');
    await switchLanguage('zh-CN');
    const chinese = (text: string, field = 0) => {
      const read = FIELDS[field].read(text);
      return read.ok ? null : messageText(read.problem);
    };
    expect(chinese('', 0)).toBe('learning rate：请输入一个数，例如 0.35');
    expect(chinese('abc', 3)).toBe('w²₁₁：“abc”不是一个数；可以试试 0.5');
    expect(chinese('1e999', 2)).toBe('Starts：“1e999”太大，不是一个可用的数；可以试试 100');
    expect(chinese('0', 2)).toBe('Starts：应为 1 到 100,000 之间的整数，收到的是 0');
  });

  it('names an out-of-range value with its digits in threes, as the range is written', () => {
    switchLanguage('en');
    const starts = FIELDS[2].read('100001');
    expect(starts.ok ? '' : messageText(starts.problem)).toMatch(/got 100,001$/);
    const weight = FIELDS[3].read('1e9');
    expect(weight.ok ? '' : englishText(weight.problem)).toMatch(/got 1,000,000,000$/);
    // beyond 21 digits toLocaleString would spell out every digit: exponent notation stays
    const huge = readTypedNumber('1e300', CONFIG_SETTINGS.learningRate, 'learning rate', '0.35');
    expect(huge.ok ? '' : englishText(huge.problem)).toMatch(/got 1e\+300$/);
  });
});
