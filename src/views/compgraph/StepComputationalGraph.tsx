/** The computational graph as the step-through shows it: a card under the stepper, over the same passes. */
import { useMemo } from 'react';
import type { Network, PassRecord, TrainOptions } from '../../engine';
import type { SampleSelection, StepContext } from '../stepper/types';
import { ComputationalGraph } from './ComputationalGraph';

export interface StepComputationalGraphProps {
  /** the passes the stepper shows (the worker's inspected passes) */
  passes: { network: Network; pass: PassRecord; otherPass: PassRecord | null; options: Pick<TrainOptions, 'cost' | 'derivative' | 'freezeBiases'> };
  sample: SampleSelection;
}

export function StepComputationalGraph({ passes, sample }: StepComputationalGraphProps) {
  const { network, pass, otherPass, options } = passes;
  const { cost, derivative, freezeBiases } = options;
  const ctx = useMemo<StepContext>(
    () => ({ network, pass, otherPass, settings: { cost, derivative, freezeBiases }, sample }),
    [network, pass, otherPass, cost, derivative, freezeBiases, sample],
  );
  return (
    <section className="card step-tab__compgraph">
      <ComputationalGraph ctx={ctx} />
    </section>
  );
}
