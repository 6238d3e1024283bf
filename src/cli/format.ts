/** Plain-text formatting for the readable (non --json) output. */
import { type Dataset, type LabConfig, type Network, type PassRecord, reluHealth, reluHealthMessage } from '../engine';
import { englishText } from './english';

/** A number in at most `digits` significant digits, plain or exponent form, whichever reads better. */
export function num(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(x.toPrecision(digits)));
  return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
}

/** Thousands separated with commas: 60,000. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function duration(ms: number): string {
  return ms < 1000 ? `${num(ms, 3)} ms` : `${num(ms / 1000, 3)} s`;
}

/** A text table: columns right-aligned except those named in `left`, a rule under the header. */
export function table(header: string[], rows: string[][], left: readonly number[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (left.includes(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One line naming the run: data, shape, activations, cost and anything unusual. */
export function describeConfig(config: LabConfig, data: Dataset, seedText = `seed ${config.seed}`): string {
  const sizes = [data.inputSize, ...config.hidden, data.outputSize].join('-');
  const activations = config.hidden.length > 0 ? `${config.hiddenActivation} → ${config.outputActivation}` : config.outputActivation;
  const parts = [
    data.name,
    sizes,
    activations,
    config.cost === 'crossEntropy' ? 'cross-entropy' : 'quadratic cost',
    `η ${config.learningRate}`,
    config.batchSize === 0 || config.batchSize >= data.count ? 'full batch' : `batch ${config.batchSize}`,
    config.derivative === 'buggy' ? 'derivative buggy (f′(a) in BP2)' : 'derivative correct',
    `init ${config.init}`,
    seedText,
  ];
  if (config.gradientDivisor === 'features') parts.push('gradient ÷ n₀ (the 1/len(x) slip)');
  if (config.sigmoidForm === 'naive') parts.push('naive sigmoid');
  if (config.freezeBiases) parts.push('biases frozen');
  return parts.join(' · ');
}

/** Rows of a flat sample-major array, as [sample][column] plain arrays (for JSON). */
export function rowsOf(flat: Float64Array, width: number, count = flat.length / width): number[][] {
  return Array.from({ length: count }, (_, s) => Array.from(flat.subarray(s * width, (s + 1) * width)));
}

/**
 * The readable tables count neurons j, i and samples from 1, as Nielsen writes w^l_ji (into neuron j
 * of layer l from neuron i of layer l − 1) and as the app does; --json arrays stay 0-based.
 */
export const INDEX_NOTE = 'j, i and samples count from 1 (w^l_ji: the weight into neuron j of layer l from neuron i of layer l−1); --json counts from 0';

/** A 0-based index as the readable tables print it. */
export const shownIndex = (k: number): string => String(k + 1);

/** w^l_ji or b^l_j, 0-based in, 1-based out; indices past 9 are separated by a comma (w^1_10,2). */
export function parameterSymbol(p: { kind: 'weight' | 'bias'; layer: number; j: number; i: number }): string {
  if (p.kind === 'bias') return `b^${p.layer}_${shownIndex(p.j)}`;
  const wide = p.j + 1 > 9 || p.i + 1 > 9;
  return `w^${p.layer}_${shownIndex(p.j)}${wide ? ',' : ''}${shownIndex(p.i)}`;
}

/** The page's dead-ReLU warning (the engine's rule and words), with the CLI's flags as the remedy; null when all is well. */
export function deadReluNote(net: Pick<Network, 'sizes' | 'activations'>, pass: Pick<PassRecord, 'count' | 'layers'>): string | null {
  const message = reluHealthMessage(reluHealth(net, pass), 'cli');
  return message && englishText(message);
}
