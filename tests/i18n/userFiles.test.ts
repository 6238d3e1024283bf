/** A Step through file's refusal is worded when shown: a language switch rewords the message already on the page. */
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetFile, readNetworkFile } from '../../src/app/stepThrough/userFiles';
import { switchLanguage } from '../../src/i18n/setup';

describe('a refused Step through file', () => {
  afterAll(() => switchLanguage('en'));

  it('says its problem in the language on show, not the one it was read in', async () => {
    const data = readDatasetFile('x1,y1\n1,a', 'd.csv');
    const network = readNetworkFile('{"format": "other"}', 'net.json');
    if (data.ok || network.ok) throw new Error('accepted');
    expect(data.error()).toBe("d.csv: line 2, column y1: 'a' is not a number");
    await switchLanguage('zh-CN');
    expect(data.error()).toBe("d.csv: 第 2 行，列 y1：'a' 不是一个数");
    expect(network.error()).toMatch(/^net\.json: format：/);
  });
});
