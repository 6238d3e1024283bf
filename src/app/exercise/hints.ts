/**
 * What a wrong answer is told: the equation the cell comes from, its terms named for this cell, and
 * the neurons and parameters those terms live in, for the network graph to light up.
 */
import { type Layout, layoutOf, parameterPlace } from '../../engine';
import { neuronSymbol, sub, sup, weightSymbol } from '../../views/notation';
import type { StepHighlight, StepSettings, ValueRef } from '../../views/stepper/types';
import { t } from '../../i18n/setup';

export interface Hint {
  text: string;
  highlight: StepHighlight;
}

const range = (n: number) => Array.from({ length: n }, (_, k) => k);

export function hintFor(ref: ValueRef, sizes: readonly number[], settings: Pick<StepSettings, 'cost' | 'derivative'>): Hint {
  const layout = layoutOf(sizes);
  const L = sizes.length - 1;
  const weightsInto = (l: number, j: number) => range(sizes[l - 1]).map((i) => layout.weightOffset[l] + j * sizes[l - 1] + i);
  switch (ref.kind) {
    case 'z': {
      const { layer: l, j } = ref;
      return {
        text: t('exercise.hint.z', {
          equation: `${neuronSymbol(l, j, 'z')} = Σᵢ w${sup(l)}${sub(j + 1)}ᵢ·${l === 1 ? 'xᵢ' : `a${sup(l - 1)}ᵢ`} + b${sup(l)}${sub(j + 1)}`,
          j: j + 1,
        }),
        highlight: {
          neurons: [...range(sizes[l - 1]).map((i): [number, number] => [l - 1, i]), [l, j]],
          params: [...weightsInto(l, j), layout.biasOffset[l] + j],
        },
      };
    }
    case 'a':
      return {
        text: t('exercise.hint.a', { equation: `${neuronSymbol(ref.layer, ref.j)} = f(${neuronSymbol(ref.layer, ref.j, 'z')})` }),
        highlight: { neurons: [[ref.layer, ref.j]] },
      };
    case 'sampleCost':
    case 'cost':
      return {
        text: t('exercise.hint.cost', {
          equation: settings.cost === 'crossEntropy' ? 'C = −Σⱼ [yⱼ ln aᴸⱼ + (1 − yⱼ) ln(1 − aᴸⱼ)]' : 'C = ½ Σⱼ (aᴸⱼ − yⱼ)²',
        }),
        highlight: { neurons: range(sizes[L]).map((j): [number, number] => [L, j]) },
      };
    case 'delta':
      return ref.layer === L ? outputErrorHint(ref.j, L, settings) : hiddenErrorHint(ref.layer, ref.j, sizes, layout, settings);
    case 'gradient':
      return gradientHint(ref.index, sizes, layout);
    case 'param': {
      const place = parameterPlace(sizes, ref.index, layout);
      const name = place?.kind === 'bias' ? `b${sup(place.layer)}${sub(place.j + 1)}` : place ? weightSymbol(place.layer, place.j, place.i) : 'θ';
      return { text: t('exercise.hint.param', { name }), highlight: { params: [ref.index] } };
    }
    default:
      return { text: t('exercise.hint.row'), highlight: {} };
  }
}

function outputErrorHint(j: number, L: number, settings: Pick<StepSettings, 'cost'>): Hint {
  const a = neuronSymbol(L, j);
  return {
    text:
      settings.cost === 'crossEntropy'
        ? t('exercise.hint.bp1CrossEntropy', { equation: `δ${sup(L)}${sub(j + 1)} = ${a} − y${sub(j + 1)}` })
        : t('exercise.hint.bp1', { equation: `δ${sup(L)}${sub(j + 1)} = (${a} − y${sub(j + 1)})·f′(${neuronSymbol(L, j, 'z')})` }),
    highlight: { neurons: [[L, j]] },
  };
}

function hiddenErrorHint(l: number, j: number, sizes: readonly number[], layout: Layout, settings: Pick<StepSettings, 'derivative'>): Hint {
  const at = settings.derivative === 'buggy' ? neuronSymbol(l, j) : neuronSymbol(l, j, 'z');
  const column = range(sizes[l + 1]).map((k) => layout.weightOffset[l + 1] + k * sizes[l] + j);
  return {
    text: t('exercise.hint.bp2', {
      equation: `δ${sup(l)}${sub(j + 1)} = (Σₖ w${sup(l + 1)}ₖ${sub(j + 1)}·δ${sup(l + 1)}ₖ)·f′(${at})`,
      j: j + 1,
      mode: settings.derivative,
    }),
    highlight: { neurons: [...range(sizes[l + 1]).map((k): [number, number] => [l + 1, k]), [l, j]], params: column },
  };
}

function gradientHint(index: number, sizes: readonly number[], layout: Layout): Hint {
  const place = parameterPlace(sizes, index, layout);
  if (!place) return { text: t('exercise.hint.equation'), highlight: { params: [index] } };
  const l = place.layer;
  if (place.kind === 'bias')
    return {
      text: t('exercise.hint.gradient', { equation: `∂C/∂b${sup(l)}${sub(place.j + 1)} = δ${sup(l)}${sub(place.j + 1)}`, rule: 'BP3' }),
      highlight: { neurons: [[l, place.j]], params: [index] },
    };
  return {
    text: t('exercise.hint.gradient', {
      equation: `∂C/∂${weightSymbol(l, place.j, place.i)} = δ${sup(l)}${sub(place.j + 1)}·${neuronSymbol(l - 1, place.i)}`,
      rule: 'BP4',
    }),
    highlight: {
      neurons: [
        [l, place.j],
        [l - 1, place.i],
      ],
      params: [index],
    },
  };
}
