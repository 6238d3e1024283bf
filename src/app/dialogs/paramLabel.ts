/** Which weight or bias an index into params is, in the house notation (w²₁₂ is into neuron 1 of layer 2 from neuron 2). */
import { type Network, parameterPlace } from '../../engine';
import { neuronSymbol, weightSymbol } from '../../views/notation';

export interface ParamLabel {
  symbol: string;
  /** e.g. "weight into neuron 1 of layer 2 from neuron 2 of layer 1" */
  description: string;
}

export function paramLabel(network: Pick<Network, 'sizes'>, index: number): ParamLabel | null {
  const place = parameterPlace(network.sizes, index);
  if (!place) return null;
  const { layer: l, j, i } = place;
  if (place.kind === 'bias') return { symbol: neuronSymbol(l, j, 'b'), description: `bias of neuron ${j + 1} in layer ${l}` };
  const from = l === 1 ? `input x${i + 1}` : `neuron ${i + 1} of layer ${l - 1}`;
  return { symbol: weightSymbol(l, j, i), description: `weight into neuron ${j + 1} of layer ${l} from ${from}` };
}
