/**
 * The house notation in plain text: a²₁, w²₁₂, b¹₃, δ³₁ (layer as superscript, indices as subscripts).
 * Neuron indices j, i count from 1, as Nielsen does and as the inputs x₁, x₂ do; the code's
 * 0-based j is shifted here, in one place.
 */
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

export function sup(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);
}

export function sub(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPT[Number(d)]);
}

/** Indices j, i run past 9 in wide layers, so they are separated by a comma then. */
function subPair(j: number, i: number): string {
  return j > 9 || i > 9 ? `${sub(j)},${sub(i)}` : `${sub(j)}${sub(i)}`;
}

/** j is the code's 0-based neuron index; the symbol shows it 1-based. */
export const neuronSymbol = (l: number, j: number, quantity: 'a' | 'z' | 'δ' | 'b' = 'a') =>
  l === 0 && quantity === 'a' ? `x${sub(j + 1)}` : `${quantity}${sup(l)}${sub(j + 1)}`;
/** j, i 0-based in, 1-based out: w²₁₂ is the weight into neuron 1 of layer 2 from neuron 2 of layer 1. */
export const weightSymbol = (l: number, j: number, i: number) => `w${sup(l)}${subPair(j + 1, i + 1)}`;
