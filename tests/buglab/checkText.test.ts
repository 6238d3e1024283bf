/**
 * The check section's sentences on the page are built from the engine's structured results: in English
 * they are the engine's own (the CLI's) word for word; in 简体中文 they hold no English sentence.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MATCH_TOLERANCE, diagnose, gradientWithSlips, layerCells } from '../../src/engine/diagnosis';
import { MAX_GRADIENTS_FILE_BYTES, gradientsProblemText, readGradientsFile, toGradientsFile } from '../../src/engine/gradientFile';
import { PROBE_OPTIONS, probeData, probeNetwork } from '../../src/engine/probe';
import { layoutOf } from '../../src/engine/network';
import { diagnosisMessage, gradientsProblemMessage, layerCellText } from '../../src/app/bugLab/checkText';
import { switchLanguage } from '../../src/i18n/setup';
import { formatNumber } from '../../src/views/format';

const net = probeNetwork();
const data = probeData();
const L = net.sizes.length - 1;
const good = toGradientsFile(net.sizes, gradientWithSlips(net, data, PROBE_OPTIONS, []));
/** `g` with the weight gradients of `layers` transposed, as a row/column-major slip writes them on the probe's square layers. */
function transposed(g: Float64Array, layers: number[]): Float64Array {
  const out = Float64Array.from(g);
  const { weightOffset } = layoutOf(net.sizes);
  for (const l of layers) for (let j = 0; j < 2; j++) for (let i = 0; i < 2; i++) out[weightOffset[l] + j * 2 + i] = g[weightOffset[l] + i * 2 + j];
  return out;
}
const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Files refused for every kind of problem the engine names. */
const BAD: unknown[] = [
  '',
  ' \n',
  '{"format": ',
  '{"format": "backprop-lab/gradients",}',
  '[1, 2]',
  { ...good, format: 'backprop-lab/network' },
  { ...good, version: 2 },
  { ...good, gradBiases: undefined },
  { ...good, gradWeights: 'none' },
  { ...good, gradWeights: ['x', ...good.gradWeights.slice(1)] },
  { ...good, gradWeights: [[{}], ...good.gradWeights.slice(1)] },
  { ...good, gradBiases: ['x', ...good.gradBiases.slice(1)] },
  { ...good, gradBiases: [[{ a: 1 }], ...good.gradBiases.slice(1)] },
  { ...good, gradBiases: [[null], ...good.gradBiases.slice(1)] },
  text(good).replace(/\d\.\d+/, 'NaN'),
  { ...good, gradWeights: good.gradWeights.slice(1) },
  { ...good, gradBiases: [...good.gradBiases, [1]] },
  { ...good, gradWeights: [good.gradWeights[0].map((row) => [...row, 1]), ...good.gradWeights.slice(1)] },
  { ...good, gradWeights: [[[1], ...good.gradWeights[0].slice(1)], ...good.gradWeights.slice(1)] },
  { ...good, gradBiases: [[1], ...good.gradBiases.slice(1)] },
];

function problems() {
  return BAD.map((value) => {
    const read = readGradientsFile(text(value), net.sizes);
    if (read.ok) throw new Error(`expected a refusal: ${text(value).slice(0, 60)}`);
    return read.problem;
  });
}

/** Diagnoses: correct, one slip, a pair of slips, and gradients no slip makes. */
function diagnoses() {
  const withSlips = (ids: Parameters<typeof gradientWithSlips>[3]) => diagnose(net, data, PROBE_OPTIONS, gradientWithSlips(net, data, PROBE_OPTIONS, ids));
  const noise = gradientWithSlips(net, data, PROBE_OPTIONS, []).map((g, k) => (k === 0 ? g * 3 : g));
  return [
    withSlips([]),
    withSlips(['derivativeAtA']),
    withSlips(['derivativeAtA', 'divideByFeatures']),
    diagnose(net, data, PROBE_OPTIONS, noise),
    diagnose(net, data, PROBE_OPTIONS, transposed(gradientWithSlips(net, data, PROBE_OPTIONS, []), [1, 3])),
    diagnose(net, data, PROBE_OPTIONS, transposed(gradientWithSlips(net, data, PROBE_OPTIONS, ['divideByFeatures']), [2])),
  ];
}

describe('the check section’s sentences', () => {
  afterAll(() => switchLanguage('en'));

  it('in English are the engine’s, word for word (the tolerance in the page’s number format)', () => {
    const all = problems();
    expect(new Set(all.map((p) => (p.kind === 'field' ? p.issue.kind : p.kind))).size).toBeGreaterThanOrEqual(15);
    for (const problem of all) expect(gradientsProblemMessage(problem)).toBe(gradientsProblemText(problem));
    const long = readGradientsFile(' '.repeat(MAX_GRADIENTS_FILE_BYTES + 1), net.sizes);
    if (long.ok) throw new Error('expected a refusal');
    expect(gradientsProblemMessage(long.problem)).toBe('the gradients are 1,048,577 characters long, over the 1 MB limit (1,048,576)');
    expect(gradientsProblemText(long.problem)).toBe('the gradients are 1048577 characters long, over the 1 MB limit (1048576)');
    const found = diagnoses();
    expect(found.map((d) => d.verdict)).toEqual(['correct', 'slips', 'slips', 'unknown', 'transposed', 'transposed']);
    for (const diagnosis of found)
      expect(diagnosisMessage(diagnosis, L)).toBe(diagnosis.message.replace(String(MATCH_TOLERANCE), formatNumber(MATCH_TOLERANCE)));
  });

  it('name a transposed layer, and word the layer table’s cells as the CLI does (an undefined cosine says which gradient is zero)', () => {
    const [, , , , both, withSlip] = diagnoses();
    expect(diagnosisMessage(both, L)).toMatch(/^Your weight gradients of layers 1 and 3 are transposed: .* Transposed back, they are correct\./);
    expect(withSlip.transposed).toEqual([2]);
    expect(withSlip.matches).toEqual([['divideByFeatures']]);
    expect(diagnosisMessage(withSlip, L)).toMatch(
      /^Your weight gradients of layer 2 are transposed: .* Transposed back, they are exactly those of: ÷ input features\./,
    );
    const zero = diagnose(net, data, PROBE_OPTIONS, new Float64Array(net.params.length));
    expect(zero.layers.map((layer) => layerCellText(layerCells(layer).cosine))).toEqual(Array(L).fill('— (yours is all zeros)'));
    expect(layerCellText({ kind: 'zero', zero: 'lab' })).toBe("— (the lab's is all zeros)");
    expect(layerCellText({ kind: 'overflow' })).toBe('over 1.8e308');
    expect(layerCellText({ kind: 'number', value: 0.99907612 })).toBe('0.999076');
    expect(layerCellText({ kind: 'number', value: 1e-300 })).toBe('1e\u2212300');
  });

  it('in 简体中文 hold no run of English words beyond notation, code and field names', async () => {
    await switchLanguage('zh-CN');
    // code between backticks, field paths and JSON values are kept as they are
    const english = (sentence: string) =>
      sentence
        .replace(/`[^`]*`/g, '')
        .replace(/\{[^}]*\}|"[^"]*"|grad\w+(\[\d+\])*/g, '')
        .split(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/)
        .some(
          (part) =>
            (part.match(/[A-Za-z][A-Za-z’'-]+/g) ?? []).filter((w) => !['sigmoid', 'JSON', 'null', 'NaN', 'Infinity', 'JavaScript'].includes(w)).length > 2,
        );
    const sentences = [...problems().map(gradientsProblemMessage), ...diagnoses().map((d) => diagnosisMessage(d, L))];
    expect(sentences.filter(english)).toEqual([]);
    expect(gradientsProblemMessage(problems()[2])).toMatch(/^不是有效的 JSON：这里应为一个值（第 1 行，第 \d+ 列）$/);
    await switchLanguage('en');
  });
});
