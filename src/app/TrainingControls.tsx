/** How the network learns: learning rate, cost, batch size, and when to stop (the Derivative switch sits beside Play). */
import { CONFIG_SETTINGS, type CostName, STOP_SETTINGS } from '../engine';
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
      <NumberField setting={CONFIG_SETTINGS.learningRate} value={learningRate} width="7em" hint={`${CONFIG_SETTINGS.learningRate.help}; Enter to apply`} apply={(value) => setConfig({ learningRate: value })} />
      <div className="field-pair">
        <SelectField<CostName> label={CONFIG_SETTINGS.cost.label} value={cost} options={CONFIG_SETTINGS.cost.choices.map((c) => ({ value: c, label: COST_LABELS[c] }))} onChange={(v) => apply({ cost: v })} />
        <SelectField<number> label={CONFIG_SETTINGS.batchSize.label} value={batchSize} options={BATCH_OPTIONS} onChange={(v) => apply({ batchSize: v })} />
      </div>
      <div className="field-pair">
        <NumberField setting={STOP_SETTINGS.maxEpochs} label={`${STOP_SETTINGS.maxEpochs.label} (epochs)`} value={maxEpochs} apply={(value) => setStop({ maxEpochs: value })} />
        <NumberField setting={STOP_SETTINGS.targetCost} value={targetCost} apply={(value) => setStop({ targetCost: value })} />
      </div>
    </>
  );
}
