/**
 * The Chinese catalogs' typography, one rule everywhere (docs/glossary.md, "Spacing and numbers"): one
 * half-width space between a Chinese character and a Latin letter, digit, Greek letter or notation, none
 * between two Chinese characters or beside full-width punctuation; full-width punctuation in Chinese
 * text; "N 倍" for a multiple, not "N×"; numbers as in English (no full-width digits, no 万/亿).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_AREAS } from '../../src/i18n/catalogs/groups';
import { catalogFile } from '../../src/i18n/compileCatalogs';

const HAN = '\\u3400-\\u9fff';
// letters, digits, Greek, super- and subscripts (δ¹, n₀, aᴸ), and notation that reads as part of a term
const LATIN = 'A-Za-z0-9\\u0370-\\u03ff\\u2070-\\u209f\\u1d00-\\u1dbf\\u00b2\\u00b3\\u00b9\\u00bd%′∂∇∞';
const FULL_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef';

const RULES: Record<string, RegExp> = {
  'a space between Chinese and Latin, digits or notation': new RegExp(`[${HAN}][${LATIN}]|[${LATIN}][${HAN}]`),
  'no space between two Chinese characters': new RegExp(`[${HAN}] [${HAN}]`),
  'no space beside full-width punctuation': new RegExp(` [${FULL_PUNCT}]|[${FULL_PUNCT}] `),
  'full-width punctuation next to Chinese': new RegExp(`[${HAN}][,;:!?()]|[,;:!?(][${HAN}]`),
  'a multiple is “N 倍”, not “N×”': /[\d}]×(?![\d{(])/,
  'numbers as in English: no full-width digits, no 万 or 亿': /[０-９]|\d\s*[万亿]/,
};

/** The rules a message breaks, each with the text around the first break. */
function spacingProblems(text: string): string[] {
  return Object.entries(RULES).flatMap(([rule, pattern]) => {
    const match = pattern.exec(text);
    return match ? [`${rule}: “${text.slice(Math.max(0, match.index - 8), match.index + 8)}”`] : [];
  });
}

describe('the 简体中文 catalogs’ spacing and numbers', () => {
  it('follow the rule in every message', () => {
    const problems = CATALOG_AREAS.flatMap((area) =>
      Object.entries(JSON.parse(readFileSync(catalogFile('zh-CN', area), 'utf8')) as Record<string, string>).flatMap(([key, text]) =>
        spacingProblems(text).map((problem) => `${area} ${key}: ${problem}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('the check sees each kind of break, and passes text that follows the rule', () => {
    expect(spacingProblems('训练 60,000 轮，学习率 η = 0.35，第 {k} 层的 δ¹ 和 f′(z) 的 70% 起点')).toEqual([]);
    expect(spacingProblems('训练60,000轮')).toHaveLength(1);
    expect(spacingProblems('隐藏层的δ')).toHaveLength(1);
    expect(spacingProblems('代价函数 交叉熵')).toHaveLength(1);
    expect(spacingProblems('代价 ：0.4')).toHaveLength(1);
    expect(spacingProblems('代价(平均)')).toHaveLength(1);
    expect(spacingProblems('梯度是正确梯度的 {ratio}×。')).toHaveLength(1);
    expect(spacingProblems('（{n}×{n} 个单元）')).toEqual([]);
    expect(spacingProblems('训练 6 万轮')).toHaveLength(1);
    expect(spacingProblems('训练６万轮')).toHaveLength(1);
  });
});
