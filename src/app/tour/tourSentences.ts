/**
 * The sentence each tour step ends with: what the lab just showed, in the numbers of the run the
 * store holds (null until the step's run is there). Nothing here is a measured value written down.
 */
import { type LabConfig, type ModeSummary, layoutOf } from '../../engine';
import { gateComparisonRows } from '../../store/bugLabSlice';
import { liveRunIsAt } from '../../store/storySlice';
import type { LabState } from '../../store/types';
import { formatEpoch, formatNumber } from '../../views/format';
import { saturationOf } from '../../views/saturation/saturation';
import { type CostGap, largestCostGap } from './largestCostGap';
import { QUESTION_AND } from './storySetup';
import { FIXED_AND, XOR_SOLVED, XOR_STUCK, XOR_STUCK_FOUR_UNITS } from './tourRuns';
import type { TourStepId } from './tourSteps';

const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** The live run's outcome at its configured epochs, or null while it is elsewhere. */
function finished(state: LabState, config: LabConfig) {
  if (!liveRunIsAt(state, config, config.epochs)) return null;
  return state.snapshot!;
}

/** The largest |w| among the hidden layers' weights. */
function largestHiddenWeight(params: Float64Array, sizes: readonly number[]): number {
  const layout = layoutOf(sizes);
  let largest = 0;
  for (let l = 1; l < sizes.length - 1; l++) for (let k = layout.weightOffset[l]; k < layout.biasOffset[l]; k++) largest = Math.max(largest, Math.abs(params[k]));
  return largest;
}

function questionSentence(state: LabState): string | null {
  const snapshot = finished(state, QUESTION_AND);
  if (!snapshot || !state.data) return null;
  const { cost, outputs, solved, correct } = snapshot.evaluation;
  const targets = Array.from(state.data.targets, (t) => formatNumber(t));
  const shown = Array.from(outputs, (a) => formatNumber(a));
  return (
    `After ${formatEpoch(snapshot.epoch)} epochs the cost is ${formatNumber(cost)}, the outputs are ${list(shown)} for targets ${list(targets)}, ` +
    `${solved ? 'solved' : `not solved (${correct} of ${state.data.count} samples right)`}, and the largest hidden weight is ${formatNumber(largestHiddenWeight(snapshot.network.params, snapshot.network.sizes))} in size.`
  );
}

function twinSentence(state: LabState): string | null {
  const twin = state.bugLab.twin;
  if (twin.status !== 'done' || !twin.result || JSON.stringify(twin.config) !== JSON.stringify(QUESTION_AND)) return null;
  const side = (mode: 'correct' | 'buggy') => {
    const r = twin.result![mode];
    return `${r.solved ? 'solved' : 'did not solve'} AND (cost ${formatNumber(r.finalCost)})`;
  };
  return `From the same initial weights, over ${formatEpoch(twin.config!.epochs)} epochs, the run with f′(z) ${side('correct')} and the run with f′(a) ${side('buggy')}.`;
}

// the twin's cost curves hold 60,000 numbers: find their gap once per result
const gaps = new WeakMap<object, CostGap | null>();
function twinGap(state: LabState): CostGap | null {
  const result = state.bugLab.twin.result;
  if (!result) return null;
  if (!gaps.has(result)) gaps.set(result, largestCostGap(result.correct.costs, result.buggy.costs));
  return gaps.get(result)!;
}

function saturationSentence(state: LabState): string | null {
  const gap = twinGap(state);
  const passes = state.stepThrough.passes;
  if (!gap || !passes || passes.runId !== state.run.runId || passes.epoch !== gap.epoch || !liveRunIsAt(state, QUESTION_AND, gap.epoch)) return null;
  const sample = state.stepThrough.sample === 'mean' ? 0 : state.stepThrough.sample;
  const summary = saturationOf(passes.pass, passes.otherPass, passes.options.derivative, 1, sample);
  if (!summary) return null;
  const neurons = summary.neurons.map((n) => `neuron ${n.j + 1} has z = ${formatNumber(n.z)}, σ′(z) = ${formatNumber(n.atZ)} but σ′(a) = ${formatNumber(n.atA)}`);
  return (
    `After ${formatEpoch(gap.epoch)} epochs, where the twins’ costs differ most (${formatNumber(gap.buggyCost)} with f′(a) against ${formatNumber(gap.correctCost)} with f′(z)), ` +
    `for sample ${sample + 1} ${list(neurons)}: the question’s δ¹ uses slopes the sigmoid does not have there.`
  );
}

function fixSentence(state: LabState): string | null {
  const snapshot = finished(state, FIXED_AND);
  if (!snapshot) return null;
  const { cost, solved } = snapshot.evaluation;
  return `With both lines fixed, the same start (seed ${FIXED_AND.seed}) ${solved ? 'solves' : 'still does not solve'} AND: cost ${formatNumber(cost)} after ${formatEpoch(snapshot.epoch)} epochs.`;
}

const solvedOf = (mode: ModeSummary) => `${mode.successes} of ${mode.trials}`;

function gatesSentence(state: LabState): string | null {
  const rows = gateComparisonRows(state);
  if (!rows.every((row) => row.result)) return null;
  const part = ({ gate, result }: (typeof rows)[number]) => `${gate} ${solvedOf(result!.summary.correct)} with f′(z) against ${solvedOf(result!.summary.buggy)} with f′(a)`;
  const [or, and, xor] = ['OR', 'AND', 'XOR'].map((gate) => rows.find((row) => row.gate === gate)!);
  return `Starts solved, each gate from the same seeds and weights under both derivatives: ${part(and)}; ${part(or)}; ${part(xor)} on [2,2,1].`;
}

/** XOR's stuck rate with the correct derivative, when the gate table has it. */
function xorStuckRate(state: LabState): string {
  const xor = gateComparisonRows(state).find((row) => row.gate === 'XOR')?.result?.summary.correct;
  return xor ? ` In the gate table, f′(z) left XOR unsolved from ${xor.trials - xor.successes} of ${xor.trials} starts.` : '';
}

function xorSentence(state: LabState): string | null {
  for (const config of [XOR_STUCK, XOR_SOLVED, XOR_STUCK_FOUR_UNITS]) {
    const snapshot = finished(state, config);
    if (!snapshot) continue;
    const { cost, solved } = snapshot.evaluation;
    const shape = `[2,${config.hidden.join(',')},1]`;
    return `XOR on ${shape} with the correct derivative from seed ${config.seed}: cost ${formatNumber(cost)} after ${formatEpoch(snapshot.epoch)} epochs, ${solved ? 'solved' : 'not solved: stuck'}.${xorStuckRate(state)}`;
  }
  return null;
}

export function tourSentence(id: TourStepId, state: LabState): string | null {
  switch (id) {
    case 'question':
      return questionSentence(state);
    case 'twin':
      return twinSentence(state);
    case 'saturation':
      return saturationSentence(state);
    case 'fix':
      return fixSentence(state);
    case 'gates':
      return gatesSentence(state);
    case 'xor':
      return xorSentence(state);
  }
}
