/** Page-side messages in English say exactly what the engine says; in 简体中文 they are Chinese. */
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_SETTINGS, type NumberSetting, PRESETS, STOP_SETTINGS, readTypedNumber, settingError, settingName } from '../../src/engine';
import { messageText } from '../../src/i18n/messageText';
import { englishText } from '../../src/cli/english';
import { listText, switchLanguage, t } from '../../src/i18n/setup';
import type { MessageKey } from '../../src/i18n/setup';

const NUMBER_SETTINGS: NumberSetting[] = [CONFIG_SETTINGS.learningRate, CONFIG_SETTINGS.seed, STOP_SETTINGS.maxEpochs, STOP_SETTINGS.targetCost];

/** What a field shows for the text typed into it (the page's one rule, NumberField's), or null when it takes it. */
const typed = (setting: NumberSetting, text: string, name = settingName(setting)) => {
  const read = readTypedNumber(text, setting, name, setting.example, setting.zero);
  return read.ok ? null : messageText(read.problem);
};

describe('range messages', () => {
  afterAll(() => switchLanguage('en'));

  it('in English are the engine’s settingError, word for word', () => {
    for (const setting of NUMBER_SETTINGS)
      for (const value of [-1, 0, 1e12, 0.5]) {
        const engine = settingError(setting, value);
        if (engine !== null) expect(typed(setting, String(value))).toBe(englishText(engine));
      }
  });

  it('in 简体中文 name the range in Chinese with the same digits', async () => {
    await switchLanguage('zh-CN');
    expect(typed(CONFIG_SETTINGS.seed, '-1', '随机种子')).toBe('随机种子：应为 0 到 4,294,967,295 之间的整数，收到的是 -1');
    expect(typed(CONFIG_SETTINGS.learningRate, '0', '学习率')).toBe('学习率：应为大于 0 且不超过 1,000,000 的数，收到的是 0');
    expect(typed(CONFIG_SETTINGS.learningRate, 'abc', '学习率')).toBe('学习率：“abc”不是一个数；可以试试 0.35');
    await switchLanguage('en');
    expect(typed(CONFIG_SETTINGS.learningRate, 'abc')).toBe('learning rate: “abc” is not a number; try e.g. 0.35');
  });
});

describe('plurals', () => {
  it('follow each language’s rules', async () => {
    expect(t('network.unit', { count: 1 })).toBe('neuron');
    expect(t('network.unit', { count: 3 })).toBe('neurons');
    await switchLanguage('zh-CN');
    expect(t('network.unit', { count: 1 })).toBe('个神经元');
    expect(t('training.removeSlips', { count: 1 })).toBe('去掉这处错误');
    expect(t('training.removeSlips', { count: 2 })).toBe('去掉这些错误');
    await switchLanguage('en');
  });
});

describe('lists', () => {
  it('join with the language’s words, a number spaced on both sides of 和', async () => {
    expect(listText(['0.3333', '0.25', '6.515e−5'])).toBe('0.3333, 0.25 and 6.515e−5');
    await switchLanguage('zh-CN');
    expect(listText(['0.3333', '0.25', '6.515e−5'])).toBe('0.3333、0.25 和 6.515e−5');
    expect(listText(['2×2'])).toBe('2×2');
    await switchLanguage('en');
  });
});

describe('presets', () => {
  it('each have a title and a description in the catalogs', () => {
    for (const preset of PRESETS)
      for (const part of ['title', 'description']) {
        const key = `preset.${preset.id}.${part}` as MessageKey;
        expect(t(key), key).not.toBe(key);
      }
  });
});
