/** Which weight or bias an index into params is, in the house notation (w²₁₂ is into neuron 1 of layer 2 from neuron 2). */
import { type Network, layoutOf } from '../../../engine';
import { neuronSymbol, weightSymbol } from '../../../views/notation';

export interface ParamLabel {
  symbol: string;
  /** e.g. "weight into neuron 1 of layer 2 from neuron 2 of layer 1" */
  description: string;
}

export function paramLabel(network: Pick<Network, 'sizes'>, index: number): ParamLabel | null {
  const { sizes } = network;
  const layout = layoutOf(sizes);
  for (let l = 1; l < sizes.length; l++) {
    const start = layout.weightOffset[l];
    const biases = layout.biasOffset[l];
    if (index >= start && index < biases) {
      const k = index - start;
      const j = Math.floor(k / sizes[l - 1]);
      const i = k % sizes[l - 1];
      const from = l === 1 ? `input x${i + 1}` : `neuron ${i + 1} of layer ${l - 1}`;
      return { symbol: weightSymbol(l, j, i), description: `weight into neuron ${j + 1} of layer ${l} from ${from}` };
    }
    if (index >= biases && index < biases + sizes[l]) {
      const j = index - biases;
      return { symbol: neuronSymbol(l, j, 'b'), description: `bias of neuron ${j + 1} in layer ${l}` };
    }
  }
  return null;
}
