/**
 * The ordered steps of one pass of backpropagation, and each step filled with the numbers of an
 * engine PassRecord. Order for layers l = 1 … L:
 *   forward z¹, a¹, …, z^L, a^L → cost → BP1 (δ^L) → BP2 δ^(L−1) … δ¹
 *   → BP3, BP4 for l = L … 1 → update W^l, b^l for l = 1 … L → next epoch.
 */
import { costStep, forwardStep } from './forwardSteps';
import { bp1Step, bp2Step } from './backwardSteps';
import { bp3Step, bp4Step, nextStep, updateStep } from './gradientSteps';
import { makeKit, type StepKit } from './kit';
import { contextError } from './records';
import { t } from '../../i18n/setup';
import type { Phase, Step, StepContext, StepDescriptor, StepHighlight } from './types';

/** The steps of one pass for layer sizes n_0 … n_L, from the shape alone. */
export function passSteps(sizes: readonly number[]): StepDescriptor[] {
  const L = sizes.length - 1;
  const steps: StepDescriptor[] = [];
  for (let l = 1; l <= L; l++) {
    steps.push({ id: `forward-z-${l}`, phase: 'forward', layer: l, part: 'z' });
    steps.push({ id: `forward-a-${l}`, phase: 'forward', layer: l, part: 'a' });
  }
  steps.push({ id: 'cost', phase: 'cost', layer: null });
  steps.push({ id: `bp1-${L}`, phase: 'bp1', layer: L });
  for (let l = L - 1; l >= 1; l--) steps.push({ id: `bp2-${l}`, phase: 'bp2', layer: l });
  for (let l = L; l >= 1; l--) {
    steps.push({ id: `bp3-${l}`, phase: 'bp3', layer: l });
    steps.push({ id: `bp4-${l}`, phase: 'bp4', layer: l });
  }
  for (let l = 1; l <= L; l++) steps.push({ id: `update-${l}`, phase: 'update', layer: l });
  steps.push({ id: 'next', phase: 'next', layer: null });
  return steps;
}

/** The phase of each step, in order (what the state machine needs to jump by phase). */
export function stepPhases(sizes: readonly number[]): Phase[] {
  return passSteps(sizes).map((step) => step.phase);
}

/** A phase's name on its jump button. */
export function phaseLabel(phase: Phase): string {
  return t(`step.phase.${phase}`);
}

const allNeurons = (layer: number, n: number): Array<[number, number]> => Array.from({ length: n }, (_, j) => [layer, j] as [number, number]);
const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** The neurons and parameters a step is about, for the network graph. */
function stepHighlight(step: StepDescriptor, kit: Pick<StepKit, 'sizes' | 'layout' | 'L'>, freezeBiases: boolean): StepHighlight {
  const { sizes, layout, L } = kit;
  const l = step.layer ?? L;
  const weights = (layer: number) => range(layout.weightOffset[layer], layout.biasOffset[layer]);
  const biases = (layer: number) => range(layout.biasOffset[layer], layout.biasOffset[layer] + sizes[layer]);
  switch (step.phase) {
    case 'forward':
      return step.part === 'z'
        ? { neurons: [...allNeurons(l - 1, sizes[l - 1]), ...allNeurons(l, sizes[l])], params: [...weights(l), ...biases(l)] }
        : { neurons: allNeurons(l, sizes[l]), params: [] };
    case 'cost':
    case 'bp1':
      return { neurons: allNeurons(L, sizes[L]), params: [] };
    case 'bp2':
      return { neurons: [...allNeurons(l, sizes[l]), ...allNeurons(l + 1, sizes[l + 1])], params: weights(l + 1) };
    case 'bp3':
      return { neurons: allNeurons(l, sizes[l]), params: biases(l) };
    case 'bp4':
      return { neurons: [...allNeurons(l - 1, sizes[l - 1]), ...allNeurons(l, sizes[l])], params: weights(l) };
    case 'update':
      return { neurons: [], params: freezeBiases ? weights(l) : [...weights(l), ...biases(l)] };
    case 'next':
      return { neurons: [], params: [] };
  }
}

function fill(descriptor: StepDescriptor, index: number, kit: StepKit): Step {
  const base = { ...descriptor, index, highlight: stepHighlight(descriptor, kit, kit.ctx.settings.freezeBiases) };
  const l = descriptor.layer ?? kit.L;
  switch (descriptor.phase) {
    case 'forward':
      return { ...base, ...forwardStep(kit, l, descriptor.part ?? 'z') };
    case 'cost':
      return { ...base, ...costStep(kit) };
    case 'bp1':
      return { ...base, ...bp1Step(kit) };
    case 'bp2':
      return { ...base, ...bp2Step(kit, l) };
    case 'bp3':
      return { ...base, ...bp3Step(kit, l) };
    case 'bp4':
      return { ...base, ...bp4Step(kit, l) };
    case 'update':
      return { ...base, ...updateStep(kit, l) };
    case 'next':
      return { ...base, ...nextStep(kit) };
  }
}

export type StepsResult = { ok: true; steps: Step[] } | { ok: false; error: string };

/** Every step of the pass with its numbers, or why the record cannot be shown. */
export function buildSteps(ctx: StepContext): StepsResult {
  const problem = contextError(ctx);
  if (problem) return { ok: false, error: problem };
  const kit = makeKit(ctx);
  return { ok: true, steps: passSteps(kit.sizes).map((descriptor, index) => fill(descriptor, index, kit)) };
}

/** One step with its numbers (cheaper than building them all when only one is shown). */
export function buildStep(ctx: StepContext, index: number): Step | null {
  if (contextError(ctx)) return null;
  const kit = makeKit(ctx);
  const descriptors = passSteps(kit.sizes);
  const descriptor = descriptors[index];
  return descriptor ? fill(descriptor, index, kit) : null;
}
