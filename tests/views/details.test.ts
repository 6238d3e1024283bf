import { describe, expect, it } from 'vitest';
import { createNetwork, layoutOf } from '../../src/engine';
import { switchLanguage } from '../../src/i18n/setup';
import { formatNumber } from '../../src/views/format';
import { biasIndexOf, describeItem, weightIndexOf } from '../../src/views/graph/details';
import { activationValue } from '../../src/views/graph/values';
import { questionXor, trained, xorConfig } from './fixtures';

const rowValue = (rows: { symbol: string; value: number }[], symbol: string) => {
  const row = rows.find((r) => r.symbol === symbol);
  expect(row, `row ${symbol}`).toBeDefined();
  return row!.value;
};

describe('tooltip content comes from the PassRecord', () => {
  const { network, pass } = trained(questionXor, 200);
  const P = layoutOf(network.sizes).parameterCount;

  it('neuron of a selected sample: z, a, δ, f′, bias and ∂C/∂b', () => {
    for (let s = 0; s < pass.count; s++) {
      for (const [l, j] of [
        [1, 0],
        [1, 1],
        [2, 0],
      ] as const) {
        const d = describeItem({ kind: 'neuron', layer: l, j }, network, pass, s, formatNumber);
        const layer = pass.layers[l - 1];
        const k = s * layer.size + j;
        expect(rowValue(d.rows, `z${'¹²'[l - 1]}${'₁₂'[j]}`)).toBe(layer.z[k]);
        expect(rowValue(d.rows, `a${'¹²'[l - 1]}${'₁₂'[j]}`)).toBe(layer.a[k]);
        expect(rowValue(d.rows, `δ${'¹²'[l - 1]}${'₁₂'[j]}`)).toBe(layer.delta[k]);
        expect(rowValue(d.rows, 'f′(z)')).toBe(layer.fPrimeAtZ[k]);
        expect(rowValue(d.rows, 'f′(a)')).toBe(layer.fPrimeAtA[k]);
        const b = biasIndexOf(network, l, j);
        expect(rowValue(d.rows, `b${'¹²'[l - 1]}${'₁₂'[j]}`)).toBe(pass.paramsBefore[b]);
        expect(rowValue(d.rows, `∂C/∂b${'¹²'[l - 1]}${'₁₂'[j]}`)).toBe(layer.gradBiases[j]);
        expect(d.subtitle).toContain(`sample ${s + 1}`);
      }
    }
  });

  it('weight: w, ∂C/∂w, Δw and the sample\u2019s term δ·a', () => {
    const s = 2;
    const d = describeItem({ kind: 'weight', layer: 2, j: 0, i: 1 }, network, pass, s, formatNumber);
    const index = weightIndexOf(network, 2, 0, 1);
    expect(index).toBe(layoutOf(network.sizes).weightOffset[2] + 1);
    expect(rowValue(d.rows, 'w²₁₂')).toBe(pass.paramsBefore[index]);
    expect(rowValue(d.rows, '∂C/∂w²₁₂')).toBe(pass.gradient[index]);
    expect(rowValue(d.rows, '∂C/∂w²₁₂')).toBe(pass.layers[1].gradWeights[1]);
    expect(rowValue(d.rows, 'Δw')).toBe(pass.paramsAfter[index] - pass.paramsBefore[index]);
    expect(rowValue(d.rows, 'δ²₁')).toBe(pass.layers[1].delta[s]);
    expect(rowValue(d.rows, 'a¹₂')).toBe(pass.layers[0].a[s * 2 + 1]);
    expect(rowValue(d.rows, 'δ·a')).toBe(pass.sampleGradients![s * P + index]);
    expect(d.title).toBe('Weight w²₁₂');
  });

  it('bias: b, ∂C/∂b, Δb and δ', () => {
    const d = describeItem({ kind: 'bias', layer: 1, j: 1 }, network, pass, 0, formatNumber);
    const index = biasIndexOf(network, 1, 1);
    expect(rowValue(d.rows, 'b¹₂')).toBe(pass.paramsBefore[index]);
    expect(rowValue(d.rows, '∂C/∂b¹₂')).toBe(pass.gradient[index]);
    expect(rowValue(d.rows, 'Δb')).toBe(pass.paramsAfter[index] - pass.paramsBefore[index]);
    expect(rowValue(d.rows, 'δ¹₂')).toBe(pass.layers[0].delta[1]);
  });

  it('"Mean": the batch-mean activation, and a per-sample table of z, a, δ for small batches', () => {
    const d = describeItem({ kind: 'neuron', layer: 1, j: 0 }, network, pass, 'mean', formatNumber);
    const a = pass.layers[0].a;
    const mean = (a[0] + a[2] + a[4] + a[6]) / 4;
    expect(rowValue(d.rows, 'mean a¹₁')).toBeCloseTo(mean, 15);
    expect(d.table?.rows).toHaveLength(4);
    d.table!.rows.forEach((row, s) => {
      expect(row.values).toEqual([pass.layers[0].z[2 * s], a[2 * s], pass.layers[0].delta[2 * s]]);
    });
    expect(d.table!.rows[0].label).toBe('(1, 1) → 0');
  });

  it('input neuron shows x of the sample', () => {
    const d = describeItem({ kind: 'neuron', layer: 0, j: 1 }, network, pass, 1, formatNumber);
    expect(rowValue(d.rows, 'x₂')).toBe(pass.inputs[1 * 2 + 1]);
    expect(activationValue(pass, 0, 1, 1)).toBe(pass.inputs[3]);
  });

  it('without a pass (or with a pass of another shape) shows the network\u2019s own parameters only', () => {
    const other = trained(xorConfig, 10);
    const wider = trained({ ...xorConfig, hidden: [3] }, 10);
    const d = describeItem({ kind: 'weight', layer: 1, j: 0, i: 0 }, other.network, wider.pass, 0, formatNumber);
    expect(d.rows).toHaveLength(1);
    expect(d.rows[0].value).toBe(other.network.params[0]);
    expect(d.subtitle).toContain('no pass recorded yet');
  });
});

describe('layer names in the tooltip', () => {
  it('name a linear layer in the page’s language; function names (sigmoid, ReLU) stay as written', async () => {
    const network = createNetwork([2, 3, 1], ['relu', 'linear'], new Float64Array(13));
    const subtitle = (l: number) => describeItem({ kind: 'neuron', layer: l, j: 0 }, network, null, 0, formatNumber).subtitle;
    expect(subtitle(1)).toMatch(/^hidden layer 1, ReLU · /);
    expect(subtitle(2)).toMatch(/^output, linear · /);
    await switchLanguage('zh-CN');
    try {
      expect(subtitle(1)).toMatch(/ReLU/);
      expect(subtitle(2)).toMatch(/线性/);
      expect(subtitle(2)).not.toMatch(/linear/);
    } finally {
      await switchLanguage('en');
    }
  });
});
