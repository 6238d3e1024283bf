/** How the network learns: learning rate, cost, batch size, and when to stop (the Derivative switch sits beside Play). */
import { COSTS, type CostName } from '../engine';
import { useConfigFields, useLab } from '../store/hooks';
import { NumberField, SelectField } from './fields';
import { BATCH_OPTIONS, COST_LABELS } from './labels';

export function TrainingControls({ onProblem }: { onProblem(message: string | null): void }) {
  const { learningRate, cost, batchSize, gradientDivisor, sigmoidForm } = useConfigFields('learningRate', 'cost', 'batchSize', 'gradientDivisor', 'sigmoidForm');
  const { maxEpochs, targetCost } = useLab((s) => s.stop);
  const setConfig = useLab((s) => s.setConfig);
  const setStop = useLab((s) => s.setStop);
  const apply = (patch: Parameters<typeof setConfig>[0]) => onProblem(setConfig(patch));

  return (
    <>
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
      <NumberField label="Learning rate" value={learningRate} setting="learning rate" example="0.35" width="7em" hint="η in w ← w − η ∂C/∂w; Enter to apply" apply={(value) => setConfig({ learningRate: value })} />
      <div className="field-pair">
        <SelectField<CostName> label="Cost" value={cost} options={COSTS.map((c) => ({ value: c, label: COST_LABELS[c] }))} onChange={(v) => apply({ cost: v })} />
        <SelectField<number> label="Batch size" value={batchSize} options={BATCH_OPTIONS} onChange={(v) => apply({ batchSize: v })} />
      </div>
      <div className="field-pair">
        <NumberField label="Stop after (epochs)" value={maxEpochs} setting="stop after" example="60000" inputMode="numeric" hint="0 = no limit" apply={(value) => setStop({ maxEpochs: value })} />
        <NumberField label="Target cost" value={targetCost} setting="target cost" example="0.01" hint="0 = none" apply={(value) => setStop({ targetCost: value })} />
      </div>
    </>
  );
}
