/**
 * What a wrong answer is told: the equation the cell comes from, its terms named for this cell, and
 * the neurons and parameters those terms live in, for the network graph to light up.
 */
import { type Layout, layoutOf, parameterPlace } from '../../engine';
import { neuronSymbol, sub, sup, weightSymbol } from '../../views/notation';
import type { StepHighlight, StepSettings, ValueRef } from '../../views/stepper/types';

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
        text: `${neuronSymbol(l, j, 'z')} = Σᵢ w${sup(l)}${sub(j + 1)}ᵢ·${l === 1 ? 'xᵢ' : `a${sup(l - 1)}ᵢ`} + b${sup(l)}${sub(j + 1)}: multiply each input of the layer by its weight into neuron ${j + 1}, add the products and the bias.`,
        highlight: {
          neurons: [...range(sizes[l - 1]).map((i): [number, number] => [l - 1, i]), [l, j]],
          params: [...weightsInto(l, j), layout.biasOffset[l] + j],
        },
      };
    }
    case 'a':
      return {
        text: `${neuronSymbol(ref.layer, ref.j)} = f(${neuronSymbol(ref.layer, ref.j, 'z')}): apply the layer's activation to the weighted input of the step before.`,
        highlight: { neurons: [[ref.layer, ref.j]] },
      };
    case 'sampleCost':
    case 'cost':
      return {
        text:
          settings.cost === 'crossEntropy'
            ? 'C = −Σⱼ [yⱼ ln aᴸⱼ + (1 − yⱼ) ln(1 − aᴸⱼ)] for the sample: use the output a and the target y.'
            : 'C = ½ Σⱼ (aᴸⱼ − yⱼ)² for the sample: use the output a and the target y.',
        highlight: { neurons: range(sizes[L]).map((j): [number, number] => [L, j]) },
      };
    case 'delta':
      return ref.layer === L ? outputErrorHint(ref.j, L, settings) : hiddenErrorHint(ref.layer, ref.j, sizes, layout, settings);
    case 'gradient':
      return gradientHint(ref.index, sizes, layout);
    case 'param': {
      const place = parameterPlace(sizes, ref.index, layout);
      const name = place?.kind === 'bias' ? `b${sup(place.layer)}${sub(place.j + 1)}` : place ? weightSymbol(place.layer, place.j, place.i) : 'θ';
      return { text: `new ${name} = ${name} − η·∂C/∂${name}: the old value minus the learning rate times its gradient.`, highlight: { params: [ref.index] } };
    }
    default:
      return { text: 'Read the equation above the table and put in the numbers of this row.', highlight: {} };
  }
}

function outputErrorHint(j: number, L: number, settings: Pick<StepSettings, 'cost'>): Hint {
  const a = neuronSymbol(L, j);
  return {
    text:
      settings.cost === 'crossEntropy'
        ? `δ${sup(L)}${sub(j + 1)} = ${a} − y${sub(j + 1)}: with sigmoid outputs and cross-entropy the σ′ cancels.`
        : `δ${sup(L)}${sub(j + 1)} = (${a} − y${sub(j + 1)})·f′(${neuronSymbol(L, j, 'z')}): the output's error times the derivative at z.`,
    highlight: { neurons: [[L, j]] },
  };
}

function hiddenErrorHint(l: number, j: number, sizes: readonly number[], layout: Layout, settings: Pick<StepSettings, 'derivative'>): Hint {
  const at = settings.derivative === 'buggy' ? neuronSymbol(l, j) : neuronSymbol(l, j, 'z');
  const column = range(sizes[l + 1]).map((k) => layout.weightOffset[l + 1] + k * sizes[l] + j);
  return {
    text: `δ${sup(l)}${sub(j + 1)} = (Σₖ w${sup(l + 1)}ₖ${sub(j + 1)}·δ${sup(l + 1)}ₖ)·f′(${at}): the next layer's errors weighted by the weights out of neuron ${j + 1}, times the derivative${settings.derivative === 'buggy' ? ' (the buggy mode evaluates it at a)' : ''}.`,
    highlight: { neurons: [...range(sizes[l + 1]).map((k): [number, number] => [l + 1, k]), [l, j]], params: column },
  };
}

function gradientHint(index: number, sizes: readonly number[], layout: Layout): Hint {
  const place = parameterPlace(sizes, index, layout);
  if (!place) return { text: 'Read the equation above the table.', highlight: { params: [index] } };
  const l = place.layer;
  if (place.kind === 'bias')
    return {
      text: `∂C/∂b${sup(l)}${sub(place.j + 1)} = δ${sup(l)}${sub(place.j + 1)}, summed over the batch and divided as the equation says (BP3).`,
      highlight: { neurons: [[l, place.j]], params: [index] },
    };
  return {
    text: `∂C/∂${weightSymbol(l, place.j, place.i)} = δ${sup(l)}${sub(place.j + 1)}·${neuronSymbol(l - 1, place.i)}, summed over the batch and divided as the equation says (BP4).`,
    highlight: {
      neurons: [
        [l, place.j],
        [l - 1, place.i],
      ],
      params: [index],
    },
  };
}
