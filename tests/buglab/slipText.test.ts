/** The page's slip names and sentences come from the catalog by slip id; in English they are the engine's (the CLI's) word for word. */
import { afterAll, describe, expect, it } from 'vitest';
import { SLIPS, SLIP_IDS, questionConfig } from '../../src/engine';
import { switchLanguage } from '../../src/i18n/setup';
import { describeSetup, formatSeconds } from '../../src/app/bugLab/describe';
import { slipName, slipSentence } from '../../src/app/bugLab/slipText';

describe('slip names and sentences on the page', () => {
  afterAll(() => switchLanguage('en'));

  it('in English are the slip library’s, word for word', () => {
    for (const id of SLIP_IDS) {
      expect(slipName(id), id).toBe(SLIPS[id].name);
      expect(slipSentence(id), id).toBe(SLIPS[id].sentence);
    }
  });

  it('in 简体中文 are Chinese, with the notation kept', async () => {
    await switchLanguage('zh-CN');
    for (const id of SLIP_IDS) expect(slipSentence(id), id).toMatch(/[\u4e00-\u9fff]/);
    expect(slipName('derivativeAtA')).toBe('在 a 处求 σ′');
    expect(slipSentence('naiveSigmoid')).toContain('z < −709.78');
    await switchLanguage('en');
  });
});

describe('what ran, in a result line', () => {
  afterAll(() => switchLanguage('en'));

  it('names the setup and the time in the page’s language', async () => {
    expect(describeSetup(questionConfig('AND'))).toBe('AND, 2-2-1 Sigmoid/Sigmoid, Cross-entropy, η 0.35 ÷ inputs');
    expect(formatSeconds(221)).toBe('0.22 s');
    expect(formatSeconds(125_000)).toBe('2 min 5 s');
    await switchLanguage('zh-CN');
    expect(describeSetup(questionConfig('AND'))).toBe('AND，2-2-1 Sigmoid/Sigmoid，交叉熵，η 0.35 ÷ 输入数');
    expect(describeSetup({ ...questionConfig('AND'), dataset: 'spiral', sigmoidForm: 'naive' })).toBe(
      '螺旋，2-2-1 Sigmoid/Sigmoid，交叉熵，η 0.35 ÷ 输入数，朴素 sigmoid',
    );
    expect(formatSeconds(125_000)).toBe('2 分 5 秒');
  });
});
