/** How the network learns: learning rate, cost, batch size, and when to stop (the Derivative switch sits beside Play). */
import { CONFIG_SETTINGS, type CostName, type Problem, STOP_SETTINGS } from '../engine';
import { useConfigFields, useLab } from '../store/hooks';
import { NumberField, SelectField } from './fields';
import { batchOptions } from './labels';
import { useT } from '../i18n/setup';

export function TrainingControls({ onProblem }: { onProblem(message: Problem | null): void }) {
  const { learningRate, cost, batchSize, gradientDivisor, sigmoidForm } = useConfigFields(
    'learningRate',
    'cost',
    'batchSize',
    'gradientDivisor',
    'sigmoidForm',
  );
  const { maxEpochs, targetCost } = useLab((s) => s.stop);
  const setConfig = useLab((s) => s.setConfig);
  const setStop = useLab((s) => s.setStop);
  const t = useT();
  const slips = (gradientDivisor === 'features' ? 1 : 0) + (sigmoidForm === 'naive' ? 1 : 0);
  const apply = (patch: Parameters<typeof setConfig>[0]) => onProblem(setConfig(patch));

  return (
    <>
      {(gradientDivisor === 'features' || sigmoidForm === 'naive') && (
        <p className="field__note">
          {t('training.otherSlips', { count: slips })}{' '}
          {[gradientDivisor === 'features' ? t('training.slipDivisor') : null, sigmoidForm === 'naive' ? t('training.slipNaive') : null]
            .filter(Boolean)
            .join(t('training.slipJoin'))}
          {t('training.slipEnd')}{' '}
          <button type="button" className="link-button" onClick={() => apply({ gradientDivisor: 'samples', sigmoidForm: 'stable' })}>
            {t('training.removeSlips', { count: slips })}
          </button>
        </p>
      )}
      <NumberField
        setting={CONFIG_SETTINGS.learningRate}
        label={t('setting.learningRate.label')}
        name={t('setting.learningRate.name')}
        value={learningRate}
        width="7em"
        hint={t('training.lrHint')}
        apply={(value) => setConfig({ learningRate: value })}
      />
      <div className="field-pair">
        <SelectField<CostName>
          label={t('setting.cost.label')}
          value={cost}
          options={CONFIG_SETTINGS.cost.choices.map((c) => ({ value: c, label: t(`cost.${c}`) }))}
          onChange={(v) => apply({ cost: v })}
        />
        <SelectField<number> label={t('setting.batchSize.label')} value={batchSize} options={batchOptions(t)} onChange={(v) => apply({ batchSize: v })} />
      </div>
      <div className="field-pair">
        <NumberField
          setting={STOP_SETTINGS.maxEpochs}
          label={t('setting.maxEpochs.label')}
          name={t('setting.maxEpochs.name')}
          hint={t('setting.maxEpochs.zero')}
          zero={t('setting.maxEpochs.zero')}
          value={maxEpochs}
          apply={(value) => setStop({ maxEpochs: value })}
        />
        <NumberField
          setting={STOP_SETTINGS.targetCost}
          label={t('setting.targetCost.label')}
          name={t('setting.targetCost.name')}
          hint={t('setting.targetCost.zero')}
          zero={t('setting.targetCost.zero')}
          value={targetCost}
          apply={(value) => setStop({ targetCost: value })}
        />
      </div>
    </>
  );
}
