/**
 * The Chinese catalogs' typography, one rule everywhere (docs/glossary.md, "Spacing and numbers"): one
 * half-width space between a Chinese character and a Latin letter, digit, Greek letter or notation, none
 * between two Chinese characters or beside full-width punctuation; full-width punctuation in Chinese
 * text; "N 倍" for a multiple, not "N×"; numbers as in English (no full-width digits, no 万/亿).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CompiledMessage, compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { CATALOG_AREAS } from '../../src/i18n/catalogs/groups';
import { catalogFile } from '../../src/i18n/compileCatalogs';

const HAN = '\\u3400-\\u9fff';
// letters, digits, Greek, super- and subscripts (δ¹, n₀, aᴸ), and notation that reads as part of a term
const LATIN = 'A-Za-z0-9\\u0370-\\u03ff\\u2070-\\u209f\\u1d00-\\u1dbf\\u00b2\\u00b3\\u00b9\\u00bd%′∂∇∞';
const FULL_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef';

const RULES: Record<string, RegExp> = {
  'a space between Chinese and Latin, digits or notation': new RegExp(`[${HAN}][${LATIN}]|[${LATIN}][${HAN}]`),
  'no space between two Chinese characters': new RegExp(`[${HAN}] [${HAN}]`),
  // the separator “ · ” keeps its spaces (第 0 轮 · 第 1 步, …（输出层） · 最先偏离)
  'no space beside full-width punctuation': new RegExp(`(?<!·) [${FULL_PUNCT}]|[${FULL_PUNCT}] (?!·)`),
  // “·” inside notation (a·(1 − a), w·δ) touches Latin; as a separator between Chinese phrases it has a space on each side
  'the separator “ · ” has a space on each side': new RegExp(`[${HAN}${FULL_PUNCT}]·|·[${HAN}${FULL_PUNCT}]`),
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

// arguments the page always fills with numbers or notation (counts, epochs, w¹₁₂, [2,2,1], OR): 1 stands in for them
const LATIN_ARGUMENTS = new Set(
  (
    'a at atA atZ checked choices code col cols column command cos cosine count current data delta difference divisor done entries ' +
    'epoch epochs eta example factor failing field firstTry format from gate grad high i id index inputs j k keep kept key l layer ' +
    'layers length limit line low m max mean min n network next outputs params parameters pass path percent previous rate ratio ' +
    'right row rows s sample samples scale seconds seed shape shapes slope startsText steps stuck successes sum sup supNext ' +
    'supPrevious symbol target targets threshold to tol tolerance total trials tries value version weight width worker workersText ' +
    'x1 x2 y1 y2 z allAsked allRight asked revealed'
  ).split(' '),
);

/** The texts a message can show, one per choice of its select and plural branches (at most 64), its numeric arguments as 1 and the others as ※. */
function renderings(text: string): string[] {
  const expand = (tokens: CompiledMessage, inPlural: boolean): string[] =>
    tokens.reduce<string[]>(
      (heads, token) => {
        let tails: string[];
        if (typeof token === 'string') tails = [inPlural && token === '#' ? '1' : token];
        else if (token.length === 1 || !token[2]) tails = [LATIN_ARGUMENTS.has(token[0]) ? '1' : '※'];
        else
          tails = Object.entries(token[2] as Record<string, unknown>)
            .filter(([key, branch]) => key !== 'offset' && Array.isArray(branch))
            .flatMap(([, branch]) => expand(branch as CompiledMessage, token[1] === 'plural'));
        return heads.flatMap((head) => tails.map((tail) => head + tail)).slice(0, 64);
      },
      [''],
    );
  return expand(compileMessageOrThrow(text), false);
}

const zhMessages = CATALOG_AREAS.flatMap((area) =>
  Object.entries(JSON.parse(readFileSync(catalogFile('zh-CN', area), 'utf8')) as Record<string, string>).map(([key, text]) => ({ area, key, text })),
);

describe('the 简体中文 catalogs’ spacing and numbers', () => {
  it('follow the rule in every message', () => {
    const problems = zhMessages.flatMap(({ area, key, text }) => spacingProblems(text).map((problem) => `${area} ${key}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('follow it where the page puts numbers and notation into a message, in every branch', () => {
    const problems = zhMessages.flatMap(({ area, key, text }) =>
      [...new Set(renderings(text).flatMap(spacingProblems))].map((problem) => `${area} ${key}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('the check sees each kind of break, and passes text that follows the rule', () => {
    expect(spacingProblems('训练 60,000 轮，学习率 η = 0.35，第 {k} 层的 δ¹ 和 f′(z) 的 70% 起点')).toEqual([]);
    expect(spacingProblems('训练60,000轮')).toHaveLength(1);
    expect(spacingProblems('隐藏层的δ')).toHaveLength(1);
    expect(spacingProblems('代价函数 交叉熵')).toHaveLength(1);
    expect(spacingProblems('代价 ：0.4')).toHaveLength(1);
    expect(spacingProblems('（在 a 处求 f′） · η = 0.35')).toEqual([]);
    expect(spacingProblems('（随机种子 1–20）· 最终代价')).toHaveLength(1);
    expect(spacingProblems('σ′(z) = a·(1 − a)，w·δ')).toEqual([]);
    expect(spacingProblems('代价(平均)')).toHaveLength(1);
    expect(spacingProblems('梯度是正确梯度的 {ratio}×。')).toHaveLength(1);
    expect(spacingProblems('（{n}×{n} 个单元）')).toEqual([]);
    expect(spacingProblems('训练 6 万轮')).toHaveLength(1);
    // an argument and a branch's first word: W{sup} followed by 和 without its space
    expect(renderings('W{sup}{frozen, select, yes {} other {和 b{sup}}}').flatMap(spacingProblems)).toHaveLength(1);
    expect(renderings('W{sup}{frozen, select, yes {} other { 和 b{sup}}}').flatMap(spacingProblems)).toEqual([]);
    expect(renderings('{count, plural, other {# 个}}{what}的值')).toEqual(['1 个※的值']);
    expect(spacingProblems('训练６万轮')).toHaveLength(1);
  });
});
