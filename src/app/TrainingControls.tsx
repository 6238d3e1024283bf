/** How the network learns: the derivative switch, learning rate, cost, batch size, and when to stop. */
import { COSTS, type CostName, type DerivativeMode } from '../engine';
import { useLab, useLabShallow } from '../store/hooks';
import { Segmented, SelectField, TextField, parseNumber } from './fields';
import { BATCH_OPTIONS, COST_LABELS } from './labels';

export function TrainingControls({ onProblem }: { onProblem(message: string | null): void }) {
  const { derivative, learningRate, cost, batchSize, maxEpochs, targetCost, gradientDivisor, sigmoidForm } = useLabShallow((s) => ({
    gradientDivisor: s.config.gradientDivisor,
    sigmoidForm: s.config.sigmoidForm,
    derivative: s.config.derivative,
    learningRate: s.config.learningRate,
    cost: s.config.cost,
    batchSize: s.config.batchSize,
    maxEpochs: s.stop.maxEpochs,
    targetCost: s.stop.targetCost,
  }));
  const setConfig = useLab((s) => s.setConfig);
  const setStop = useLab((s) => s.setStop);
  const apply = (patch: Parameters<typeof setConfig>[0]) => onProblem(setConfig(patch));

  return (
    <>
      <Segmented<DerivativeMode>
        label="Derivative"
        value={derivative}
        options={[
          { value: 'correct', label: 'Correct' },
          { value: 'buggy', label: 'Buggy' },
        ]}
        onChange={(v) => apply({ derivative: v })}
        hint={
          derivative === 'correct' ? (
            <>BP2 uses f′(z<sup>l</sup>), the derivative at the pre-activation.</>
          ) : (
            <>BP2 uses f′(a<sup>l</sup>): the question’s slip, the derivative evaluated at the activation.</>
          )
        }
      />
      {(gradientDivisor === 'features' || sigmoidForm === 'naive') && (
        <p className="field__note">
          This setup also has the question’s other slip{gradientDivisor === 'features' && sigmoidForm === 'naive' ? 's' : ''}:{' '}
          {gradientDivisor === 'features' && <>the gradient is divided by the number of inputs n₀ instead of the number of samples{sigmoidForm === 'naive' ? '; ' : '.'}</>}
          {sigmoidForm === 'naive' && <>the sigmoid is computed as 1/(1+e^(−z)), which overflows for large negative z.</>}{' '}
          <button type="button" className="link-button" onClick={() => apply({ gradientDivisor: 'samples', sigmoidForm: 'stable' })}>
            Remove {gradientDivisor === 'features' && sigmoidForm === 'naive' ? 'these slips' : 'this slip'}
          </button>
        </p>
      )}
      <TextField
        label="Learning rate"
        value={String(learningRate)}
        width="7em"
        hint="η in w ← w − η ∂C/∂w; Enter to apply"
        commit={(text) => {
          const parsed = parseNumber(text, 'learning rate', '0.35');
          return parsed.ok ? setConfig({ learningRate: parsed.value }) : parsed.error;
        }}
      />
      <div className="field-pair">
        <SelectField<CostName> label="Cost" value={cost} options={COSTS.map((c) => ({ value: c, label: COST_LABELS[c] }))} onChange={(v) => apply({ cost: v })} />
        <SelectField<number> label="Batch size" value={batchSize} options={BATCH_OPTIONS} onChange={(v) => apply({ batchSize: v })} />
      </div>
      <div className="field-pair">
        <TextField
          label="Stop after (epochs)"
          value={String(maxEpochs)}
          inputMode="numeric"
          hint="0 = no limit"
          commit={(text) => {
            const parsed = parseNumber(text, 'stop after', '60000');
            return parsed.ok ? setStop({ maxEpochs: parsed.value }) : parsed.error;
          }}
        />
        <TextField
          label="Target cost"
          value={String(targetCost)}
          hint="0 = none"
          commit={(text) => {
            const parsed = parseNumber(text, 'target cost', '0.01');
            return parsed.ok ? setStop({ targetCost: parsed.value }) : parsed.error;
          }}
        />
      </div>
    </>
  );
}
