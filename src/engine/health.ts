/**
 * Health checks of a network on its data, from a pass that already ran: which hidden ReLU
 * neurons are dead (output 0 for every sample, so no gradient reaches their weights again).
 */
import { type EngineMessage, engineMessage } from './messages';
import type { Network } from './network';
import type { PassRecord } from './inspect';

export interface ReluHealth {
  /** hidden neurons with a plain ReLU (leaky ReLU cannot die) */
  hiddenRelu: number;
  /** [layer l, neuron j] of each hidden ReLU neuron whose output is 0 for every sample */
  dead: Array<[number, number]>;
  /** true when there is at least one hidden ReLU neuron and every one of them is dead */
  allDead: boolean;
}

/** Dead hidden ReLU neurons of `net`, read from the weighted inputs z^l of a pass over the whole dataset. */
export function reluHealth(net: Pick<Network, 'sizes' | 'activations'>, pass: Pick<PassRecord, 'count' | 'layers'>): ReluHealth {
  const L = net.sizes.length - 1;
  const dead: Array<[number, number]> = [];
  let hiddenRelu = 0;
  for (let l = 1; l < L; l++) {
    if (net.activations[l - 1] !== 'relu') continue;
    const n = net.sizes[l];
    const z = pass.layers[l - 1]?.z;
    if (!z) continue;
    hiddenRelu += n;
    for (let j = 0; j < n; j++) {
      let alive = false;
      // dead: z ≤ 0, so a = 0 and f′ = 0, for every sample; a NaN z is not "dead" (the divergence check reports it)
      for (let s = 0; s < pass.count && !alive; s++) alive = !(z[s * n + j] <= 0);
      if (!alive) dead.push([l, j]);
    }
  }
  return { hiddenRelu, dead, allDead: hiddenRelu > 0 && dead.length === hiddenRelu };
}

/** One sentence for the status line (and the CLI's report), or null when nothing is wrong; the page offers Reset, the CLI names its flags. */
export function reluHealthMessage(health: ReluHealth, remedy: 'page' | 'cli' = 'page'): EngineMessage | null {
  if (health.allDead) return engineMessage('reluDead', { remedy });
  return null;
}
