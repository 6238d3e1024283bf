/**
 * Reading numbers out of the engine's PassRecord by ValueRef. This is the only place the stepper
 * touches the record's arrays, and it only indexes them (the one exception, `difference`, is a
 * display-only subtraction of two recorded numbers).
 */
import type { Layout, PassRecord } from '../../engine';
import type { StepContext, StepHighlight, ValueRef } from './types';
import { t } from '../../i18n/setup';

/** n_0 … n_L of a pass. */
export function passSizes(pass: PassRecord): number[] {
  const inputSize = pass.count > 0 ? pass.inputs.length / pass.count : 0;
  return [inputSize, ...pass.layers.map((layer) => layer.size)];
}

/** A reason the record cannot be stepped through with this network and sample, or null. */
export function contextError(ctx: StepContext): string | null {
  const sizes = passSizes(ctx.pass);
  if (sizes.length !== ctx.network.sizes.length || sizes.some((n, l) => n !== ctx.network.sizes[l]))
    return t('step.problem.shape', { pass: sizes.join(', '), network: ctx.network.sizes.join(', ') });
  if (ctx.pass.count < 1) return t('step.problem.noSamples');
  if (ctx.sample !== 'mean' && (!Number.isInteger(ctx.sample) || ctx.sample < 0 || ctx.sample >= ctx.pass.count))
    return t('step.problem.noSample', { sample: String(ctx.sample), count: ctx.pass.count });
  if (ctx.otherPass && passSizes(ctx.otherPass).join() !== sizes.join()) return t('step.problem.otherShape');
  return null;
}

/** Reads one number. Missing other-mode records read as NaN (the caller only asks when it has one). */
export function readValue(ref: ValueRef, pass: PassRecord, otherPass?: PassRecord | null): number {
  switch (ref.kind) {
    case 'a':
    case 'z':
    case 'delta':
    case 'fPrimeAtZ':
    case 'fPrimeAtA': {
      if (ref.kind === 'a' && ref.layer === 0) {
        const n0 = pass.inputs.length / pass.count;
        return pass.inputs[ref.sample * n0 + ref.j];
      }
      const record = ref.kind === 'delta' && ref.other ? otherPass : pass;
      if (!record || ref.sample >= record.keptSamples) return NaN;
      const layer = record.layers[ref.layer - 1];
      return layer[ref.kind][ref.sample * layer.size + ref.j];
    }
    case 'target': {
      const nL = pass.targets.length / pass.count;
      return pass.targets[ref.sample * nL + ref.j];
    }
    case 'param':
      return (ref.when === 'before' ? pass.paramsBefore : pass.paramsAfter)[ref.index];
    case 'gradient': {
      const record = ref.other ? otherPass : pass;
      if (!record) return NaN;
      if (ref.sample === undefined) return record.gradient[ref.index];
      return record.sampleGradients ? record.sampleGradients[ref.sample * record.gradient.length + ref.index] : NaN;
    }
    case 'cost':
      return pass.cost;
    case 'sampleCost':
      return pass.sampleCosts[ref.sample];
    case 'count':
      return pass.count;
    case 'divisor':
      return pass.divisor;
    case 'learningRate':
      return pass.learningRate;
    case 'constant':
      return ref.value;
    case 'difference':
      return readValue(ref.of, pass, otherPass) - readValue(ref.minus, pass, otherPass);
  }
}

/**
 * Is the number at `ref` left out of the record for its size? A pass of a big network on big data
 * keeps each sample's own gradient, and the z, a, δ, f′ of later samples, only within a budget
 * (src/worker/lab/inspectCommands.ts); such numbers read NaN and show as "not kept".
 */
export function notKept(ref: ValueRef, pass: PassRecord, otherPass?: PassRecord | null): boolean {
  switch (ref.kind) {
    case 'a':
    case 'z':
    case 'delta':
    case 'fPrimeAtZ':
    case 'fPrimeAtA': {
      if (ref.kind === 'a' && ref.layer === 0) return false;
      const record = ref.kind === 'delta' && ref.other ? otherPass : pass;
      return !!record && ref.sample >= record.keptSamples;
    }
    case 'gradient': {
      const record = ref.other ? otherPass : pass;
      return !!record && ref.sample !== undefined && record.sampleGradients === null;
    }
    case 'difference':
      return notKept(ref.of, pass, otherPass) || notKept(ref.minus, pass, otherPass);
    default:
      return false;
  }
}

/** What a shown number points at on the graph: its neuron, or its weight/bias. */
export function highlightOf(ref: ValueRef, layout: Layout): StepHighlight | undefined {
  switch (ref.kind) {
    case 'a':
    case 'z':
    case 'delta':
    case 'fPrimeAtZ':
    case 'fPrimeAtA':
      return { neurons: [[ref.layer, ref.j]] };
    case 'target':
      return { neurons: [[layout.weightOffset.length - 1, ref.j]] };
    case 'param':
    case 'gradient':
      return { params: [ref.index] };
    case 'difference':
      return highlightOf(ref.of, layout);
    default:
      return undefined;
  }
}
