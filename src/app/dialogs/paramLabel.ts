/** Which weight or bias an index into params is, in the house notation (w²₁₂ is into neuron 1 of layer 2 from neuron 2). */
import { type Network, parameterPlace } from '../../engine';
import { t } from '../../i18n/setup';
import { neuronSymbol, weightSymbol } from '../../views/notation';

export interface ParamLabel {
  symbol: string;
  /** e.g. "weight into neuron 1 of layer 2 from neuron 2 of layer 1", in the page's language */
  description: string;
}

export function paramLabel(network: Pick<Network, 'sizes'>, index: number): ParamLabel | null {
  const place = parameterPlace(network.sizes, index);
  if (!place) return null;
  const { layer: l, j, i } = place;
  if (place.kind === 'bias') return { symbol: neuronSymbol(l, j, 'b'), description: t('param.bias', { j: j + 1, l }) };
  const description = l === 1 ? t('param.weightFromInput', { j: j + 1, l, i: i + 1 }) : t('param.weightFromNeuron', { j: j + 1, l, i: i + 1, k: l - 1 });
  return { symbol: weightSymbol(l, j, i), description };
}
