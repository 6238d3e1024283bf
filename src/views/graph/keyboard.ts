/**
 * Keyboard moves through the graph (one tab stop, arrow keys inside it):
 * on a neuron, ↑/↓ move within the layer and ←/→ to the neighbouring layer; Enter steps into the
 * neuron's incoming weights and bias, where ↑/↓ move and Escape returns to the neuron.
 */
import type { GraphItem } from './layout';

export function nextItem(item: GraphItem, key: string, sizes: readonly number[]): GraphItem | null {
  const L = sizes.length - 1;
  const clampJ = (l: number, j: number) => Math.max(0, Math.min(sizes[l] - 1, j));
  if (item.kind === 'neuron') {
    const { layer: l, j } = item;
    if (key === 'ArrowUp') return { kind: 'neuron', layer: l, j: clampJ(l, j - 1) };
    if (key === 'ArrowDown') return { kind: 'neuron', layer: l, j: clampJ(l, j + 1) };
    if (key === 'ArrowLeft' && l > 0) return { kind: 'neuron', layer: l - 1, j: clampJ(l - 1, Math.round((j * sizes[l - 1]) / sizes[l])) };
    if (key === 'ArrowRight' && l < L) return { kind: 'neuron', layer: l + 1, j: clampJ(l + 1, Math.round((j * sizes[l + 1]) / sizes[l])) };
    if (key === 'Home') return { kind: 'neuron', layer: l, j: 0 };
    if (key === 'End') return { kind: 'neuron', layer: l, j: sizes[l] - 1 };
    if (key === 'Enter' && l > 0) return { kind: 'weight', layer: l, j, i: 0 };
    return null;
  }
  const { layer: l, j } = item;
  const nIn = sizes[l - 1];
  // incoming list: weights i = 0 … nIn − 1, then the bias at position nIn
  const position = item.kind === 'weight' ? item.i : nIn;
  const at = (p: number): GraphItem => (p >= nIn ? { kind: 'bias', layer: l, j } : { kind: 'weight', layer: l, j, i: Math.max(0, p) });
  if (key === 'ArrowUp') return at(Math.max(0, position - 1));
  if (key === 'ArrowDown') return at(Math.min(nIn, position + 1));
  if (key === 'Home') return at(0);
  if (key === 'End') return at(nIn);
  if (key === 'Escape' || key === 'Backspace' || key === 'ArrowRight' || key === 'ArrowLeft') return { kind: 'neuron', layer: l, j };
  return null;
}
