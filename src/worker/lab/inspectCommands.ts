/**
 * The step-through's worker commands: the inspectable pass of the live network under both
 * derivative modes, the next epoch of the same run, and the gradient check. They work on the run
 * the live lab trains, so the step-through and the live lab always show one network.
 *
 * The stepper shows a full-batch pass (the engine's inspectPass, as `cli step` does). With
 * mini-batches the run's real epoch takes several smaller steps, so "next epoch" trains that real
 * epoch and the new pass starts from its result; the page says so while mini-batches are on.
 */
import {
  type Dataset,
  GRADCHECK_BUDGET,
  type Network,
  type PassBudget,
  type Run,
  STEP_PASS_BUDGET,
  affordableSamples,
  cloneNetwork,
  gradientCheck,
  inspectPass,
  keepWithin,
  layoutOf,
} from '../../engine';
import type { CheckedGradients, InspectCommand, InspectEvent, InspectedPasses } from './inspectProtocol';

// the budgets live in the engine, shared with the CLI
export { STEP_PASS_BUDGET, affordableSamples } from '../../engine';

/** What the handler lends a command: its live run and how to train one epoch of it. */
export interface InspectTarget {
  run: Run;
  runId: number;
  post(event: InspectEvent, transfer: Transferable[]): void;
  /** the handler's own one epoch (the Step button's), with its costs, status and snapshot sent as usual */
  trainOneEpoch(): void;
}

export function runInspectCommand(command: InspectCommand, target: InspectTarget): void {
  if (command.type === 'gradientCheck') {
    const checked = checkGradients(target.run, target.runId);
    target.post({ type: 'gradientChecked', ...checked }, []);
    return;
  }
  if (command.advance) target.trainOneEpoch();
  const passes = inspectBoth(target.run, target.runId);
  target.post({ type: 'inspected', ...passes }, passBuffers(passes));
}

/** The run's next pass under its own derivative mode and under the other one. */
export function inspectBoth(run: Run, runId: number, budget: PassBudget = STEP_PASS_BUDGET): InspectedPasses {
  const options = { ...run.trainer.options };
  const network = cloneNetwork(run.net);
  const keep = keepWithin(network.sizes, run.data.count, budget);
  const pass = inspectPass(network, run.data, options, keep);
  const otherPass = inspectPass(network, run.data, { ...options, derivative: options.derivative === 'buggy' ? 'correct' : 'buggy' }, keep);
  return { runId, epoch: run.trainer.epoch, options, network, pass, otherPass, note: passesNote(network, run.data.count, keep) };
}

/** What a bounded pass left out, in words (null when it kept everything). */
function passesNote(network: Network, count: number, keep: { sampleGradients: boolean; sampleLimit: number }): string | null {
  const parts: string[] = [];
  const size = `${count.toLocaleString('en')} samples × ${layoutOf(network.sizes).parameterCount.toLocaleString('en')} parameters`;
  if (!keep.sampleGradients) parts.push(`each sample's own gradient term is not kept for this size (${size})`);
  if (keep.sampleLimit < count) parts.push(`z, a, δ and f′ are kept for samples 1–${keep.sampleLimit.toLocaleString('en')} only`);
  if (parts.length === 0) return null;
  const sentence = parts.join('; ');
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}. The batch cost, gradient and update are exact.`;
}

function checkGradients(run: Run, runId: number, budget = GRADCHECK_BUDGET): CheckedGradients {
  const options = { ...run.trainer.options };
  const { data } = run;
  const parameters = run.net.params.length;
  const k = affordableSamples(parameters, data.count, budget);
  const base = { runId, epoch: run.trainer.epoch, options, sampleCount: data.count, samplesChecked: k };
  if (k === 0) {
    const note = `The gradient check of ${parameters.toLocaleString('en')} parameters is too slow to run here (four costs over the data for each parameter); check a smaller network, or export this one (File) and run npm run cli -- gradcheck --network FILE --force in a terminal (it shows its progress).`;
    return { ...base, check: null, note };
  }
  const subset: Dataset =
    k === data.count ? data : { ...data, count: k, inputs: data.inputs.slice(0, k * data.inputSize), targets: data.targets.slice(0, k * data.outputSize) };
  const note =
    k < data.count
      ? `Checked on the first ${k} of the ${data.count} samples: all of them would take the worker too long with ${parameters.toLocaleString('en')} parameters.`
      : null;
  return { ...base, check: gradientCheck(cloneNetwork(run.net), subset, options), note };
}

/** Every buffer of the two passes and the network copy (all fresh, so all transferable). */
function passBuffers(passes: Pick<InspectedPasses, 'network' | 'pass' | 'otherPass'>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: ArrayBufferView | null) => array && buffers.add(array.buffer as ArrayBuffer);
  add(passes.network.params);
  for (const pass of [passes.pass, passes.otherPass]) {
    for (const array of [pass.inputs, pass.targets, pass.sampleCosts, pass.gradient, pass.sampleGradients, pass.paramsBefore, pass.paramsAfter]) add(array);
    for (const layer of pass.layers)
      for (const array of [layer.z, layer.a, layer.delta, layer.fPrimeAtZ, layer.fPrimeAtA, layer.gradWeights, layer.gradBiases]) add(array);
  }
  return [...buffers];
}
