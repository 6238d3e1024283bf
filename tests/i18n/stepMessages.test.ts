/** Step through's messages with plurals and values, in both languages; the worked examples' and exercise sets' texts keyed by id. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLanguage, t } from '../../src/i18n/setup';
import type { MessageKey } from '../../src/i18n/setup';
import { exampleText } from '../../src/app/stepThrough/StepLoader';
import { parseExampleIndex } from '../../src/views/stepper/examples';
import { SHIPPED_EXERCISE_SETS } from '../../src/app/exercise/shippedSets';
import { type LayerVerdict, layerAgreementText } from '../../src/views/gradcheck/colors';
import { formatEpoch } from '../../src/views/format';
import { askedCells } from '../../src/app/exercise/askedCells';
import type { Step, TableCell } from '../../src/views/stepper/types';

afterEach(() => switchLanguage('en'));

describe('plurals', () => {
  it('count rows, columns and left-out inputs in each language’s way', async () => {
    expect(t('step.table.moreRows', { count: 1 })).toBe('1 more row');
    expect(t('step.table.moreRows', { count: 3 })).toBe('3 more rows');
    expect(t('compgraph.moreInputs', { count: 1 })).toBe('1 more input');
    expect(t('compgraph.moreDownstream', { count: 2 })).toBe('2 more neurons of the next layer');
    expect(t('exercise.wrong', { text: '0.5', hint: 'h.', left: 1 })).toBe('Not 0.5. h. 1 try left; the graph lights up the terms.');
    await switchLanguage('zh-CN');
    expect(t('step.table.moreRows', { count: 1 })).toBe('另外 1 行');
    expect(t('step.table.moreColumns', { count: 3 })).toBe('另外 3 列');
    expect(t('compgraph.moreDownstream', { count: 2 })).toBe('下一层的另外 2 个神经元');
    expect(t('exercise.wrong', { text: '0.5', hint: '提示。', left: 2 })).toBe('不是 0.5。提示。还剩 2 次机会；网络图会点亮相关的项。');
  });

  it('say how many entries of a layer’s gradient turn round: none, one, several', async () => {
    const values = { entries: 6, layer: 1, cosine: '0.81', ratio: '0.72' };
    expect(t('saturation.direction', { ...values, flipped: 0 })).toMatch(/^Over the batch, every entry of layer 1’s gradient keeps its sign/);
    expect(t('saturation.direction', { ...values, flipped: 1 })).toMatch(/^Over the batch, 1 of the 6 entries of layer 1’s gradient points the other way/);
    expect(t('saturation.direction', { ...values, flipped: 2 })).toMatch(/2 of the 6 entries of layer 1’s gradient point the other way/);
    await switchLanguage('zh-CN');
    expect(t('saturation.direction', { ...values, flipped: 0 })).toMatch(/^在整个批量上，用 σ′\(a\) 时第 1 层梯度的每个分量都保持原来的符号/);
    expect(t('saturation.direction', { ...values, flipped: 2 })).toMatch(/6 个分量中有 2 个指向相反方向（两者夹角的余弦为 0.81）/);
  });
});

describe('whole sentences with values', () => {
  it('the stepper’s place names the epoch as 第 N 轮, numbers in the one format', async () => {
    const where = { step: 3, count: 14, epoch: formatEpoch(1000) };
    expect(t('step.panel.whereEpoch', where)).toBe('Epoch 1,000 · Step 3 of 14');
    await switchLanguage('zh-CN');
    expect(t('step.panel.whereEpoch', where)).toBe('第 1,000 轮 · 第 3 步，共 14 步');
  });

  it('the gradient check’s verdict is one sentence, its causes inside it, layers counted', async () => {
    const base = { failing: 6, total: 9, tol: '1e−6', where: ', in size only', buggy: 'no', divisor: 'yes', kinks: 0 };
    expect(t('gradcheck.fail', { ...base, count: 1, layers: '2' })).toBe(
      'Fail: 6 of 9 gradients differ from the numeric estimate by more than 1e−6, in layer 2, in size only. The gradient is also divided by the number of inputs n₀ instead of the batch size N (the question’s 1/len(x)), which scales every layer’s gradient by N/n₀ without turning it.',
    );
    expect(t('gradcheck.fail', { ...base, count: 2, layers: '1, 2', divisor: 'no' })).toBe(
      'Fail: 6 of 9 gradients differ from the numeric estimate by more than 1e−6, in layers 1, 2, in size only.',
    );
    expect(t('gradcheck.pass', { total: 12, tol: '1e−6', kinks: 1 })).toBe(
      'Pass: all 12 gradients agree with the numeric estimate within 1e−6, in direction and in size. 1 more parameter sits at a ReLU kink (a unit’s z crosses 0 within ±h), where the numeric estimate is no derivative: not checked.',
    );
    await switchLanguage('zh-CN');
    expect(t('gradcheck.fail', { ...base, count: 2, layers: '1、2', where: t('gradcheck.sizeOnly'), buggy: 'yes', divisor: 'no' })).toBe(
      '失败：9 个梯度中有 6 个与数值估计相差超过 1e−6，位于第 1、2 层，而且只差在大小上。有错的导数 f′(a) 破坏了隐藏层的 δ，也就破坏了它们梯度的方向。',
    );
    expect(t('gradcheck.pass', { total: 12, tol: '1e−6', kinks: 5 })).toBe(
      '通过：全部 12 个梯度在方向和大小上都与数值估计相符，误差在 1e−6 以内。另有 5 个参数位于 ReLU 的折点处（某个神经元的 z 在 ±h 之内越过 0），那里的数值估计不是导数，因此未检验。',
    );
  });

  it('a layer’s agreement says too large or too small by the factor', async () => {
    const layer = { layer: 2, cosine: 1, scale: 2, rightDirection: true, rightScale: false } as LayerVerdict;
    expect(layerAgreementText(layer)).toBe('right direction, 2× too large');
    expect(layerAgreementText({ ...layer, scale: 0.5, cosine: 0.8, rightDirection: false })).toBe('direction off, 2× too small');
    await switchLanguage('zh-CN');
    expect(layerAgreementText(layer)).toBe('方向正确，偏大，是应有值的 2 倍');
    expect(layerAgreementText({ ...layer, scale: 0.5 })).toBe('方向正确，偏小，只有应有值的 1/2');
  });
});

describe('the worked examples and exercise sets', () => {
  const index = parseExampleIndex(readFileSync('public/examples/index.json', 'utf8'));
  if (!index.ok) throw new Error(index.error);

  it('show the index’s own text in English and a Chinese one in 简体中文, by id', async () => {
    for (const entry of index.value) {
      expect(exampleText(entry, 'title')).toBe(entry.title);
      expect(exampleText(entry, 'description')).toBe(entry.description);
    }
    await switchLanguage('zh-CN');
    for (const entry of index.value) for (const part of ['title', 'description'] as const) expect(exampleText(entry, part)).toMatch(/[\u4e00-\u9fff]/);
    // an example the catalogs do not know (a changed index) keeps its own title
    expect(exampleText({ ...index.value[0], id: 'not-in-the-catalogs' }, 'title')).toBe(index.value[0].title);
  });

  it('every shipped exercise set has its title and description in the catalogs, the English being the file’s', () => {
    for (const set of SHIPPED_EXERCISE_SETS) {
      const file = JSON.parse(readFileSync(`public/exercises/${set.id}.json`, 'utf8')) as { title: string; description: string };
      expect(t(`exercise.shipped.${set.id}.title` as MessageKey)).toBe(file.title);
      expect(t(`exercise.shipped.${set.id}.description` as MessageKey)).toBe(file.description);
    }
  });
});

describe('the exercise in 简体中文', () => {
  it('never asks a result cell the record did not keep (its text is the catalog’s “not kept” in either language)', async () => {
    const cell = (text: string, value: number) => ({ value, text, mark: 'result' as const });
    const step = {
      id: 'forward-z-1',
      tables: [
        {
          id: 'z1',
          caption: '',
          columns: ['z^{1}_{1}'],
          rows: [0, 1].map((s) => ({ label: `s = ${s + 1}`, cells: [] as TableCell[] })),
          omittedRows: 0,
          omittedColumns: 0,
        },
      ],
    } as unknown as Step;
    const fill = () => {
      step.tables[0].rows[0].cells = [cell('0.5', 0.5)];
      step.tables[0].rows[1].cells = [cell(t('step.notKept'), Number.NaN)];
    };
    fill();
    expect(askedCells(step, null).map((a) => a.row)).toEqual([0]);
    await switchLanguage('zh-CN');
    fill();
    expect(step.tables[0].rows[1].cells[0].text).toBe('未保留');
    expect(askedCells(step, null).map((a) => a.row)).toEqual([0]);
  });
});
