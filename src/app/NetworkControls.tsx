/** The network's shape: hidden layers and their neurons, activations, initialisation and seed. */
import { type ActivationName, CONFIG_SETTINGS, type InitMethod, type Problem } from '../engine';
import { useConfigFields, useLab } from '../store/hooks';
import { NumberField, SelectField } from './fields';
import { UI_MAX_NEURONS } from './labels';
import { useT } from '../i18n/setup';

const { hidden: HIDDEN } = CONFIG_SETTINGS;
const MAX_NEURONS = Math.min(UI_MAX_NEURONS, HIDDEN.max);

export function NetworkControls({ onProblem }: { onProblem(message: Problem | null): void }) {
  const { hidden, hiddenActivation, outputActivation, init, seed, cost } = useConfigFields(
    'hidden',
    'hiddenActivation',
    'outputActivation',
    'init',
    'seed',
    'cost',
  );
  const setConfig = useLab((s) => s.setConfig);
  const newSeed = useLab((s) => s.newSeed);
  const t = useT();
  const apply = (patch: Parameters<typeof setConfig>[0]) => onProblem(setConfig(patch));
  // cross-entropy needs outputs in (0, 1): another output activation brings the quadratic cost with it
  const setOutput = (v: ActivationName) => {
    if (v !== 'sigmoid' && cost === 'crossEntropy') {
      const refusal = setConfig({ outputActivation: v, cost: 'quadratic' });
      onProblem(refusal ?? t('network.costSwitched'));
    } else apply({ outputActivation: v });
  };
  const setLayer = (k: number, n: number) => apply({ hidden: hidden.map((m, i) => (i === k ? n : m)) });
  const activationOptions = CONFIG_SETTINGS.hiddenActivation.choices.map((a) => ({ value: a, label: t(`activation.${a}`) }));

  return (
    <>
      <div className="layers" role="group" aria-label={t('setting.hidden.label')}>
        <div className="layers__head">
          <span className="field__label">{t('setting.hidden.label')}</span>
          <span className="layers__shape" role="img" aria-label={t('network.shape', { shape: [2, ...hidden, 1].join('-') })}>
            {[2, ...hidden, 1].join('–')}
          </span>
          <button
            type="button"
            className="chip layers__add"
            onClick={() => apply({ hidden: [...hidden, hidden[hidden.length - 1] ?? 4] })}
            disabled={hidden.length >= HIDDEN.maxItems}
            aria-label={t('network.addLayer')}
          >
            {t('network.layerButton')}
          </button>
        </div>
        {hidden.length === 0 && <p className="field__hint">{t('network.noHidden')}</p>}
        <ol className="layers__list">
          {hidden.map((n, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a hidden layer is its position (remove layer 2 and the next one becomes layer 2) and holds no state of its own
            <li key={k} className="layers__item">
              <span className="layers__name">{t('network.layer', { k: k + 1 })}</span>
              <span className="stepper">
                <button type="button" onClick={() => setLayer(k, n - 1)} disabled={n <= HIDDEN.min} aria-label={t('network.fewer', { k: k + 1 })}>
                  −
                </button>
                <output aria-label={t('network.neurons', { k: k + 1 })}>{n}</output>
                <button type="button" onClick={() => setLayer(k, n + 1)} disabled={n >= MAX_NEURONS} aria-label={t('network.more', { k: k + 1 })}>
                  +
                </button>
              </span>
              <span className="layers__unit">{t('network.unit', { count: n })}</span>
              <button
                type="button"
                className="icon-button"
                onClick={() => apply({ hidden: hidden.filter((_, i) => i !== k) })}
                aria-label={t('network.remove', { k: k + 1 })}
                title={t('network.removeTitle')}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div className="field-pair">
        <SelectField<ActivationName>
          label={t('setting.hiddenActivation.label')}
          value={hiddenActivation}
          options={activationOptions}
          onChange={(v) => apply({ hiddenActivation: v })}
        />
        <SelectField<ActivationName>
          label={t('setting.outputActivation.label')}
          value={outputActivation}
          options={activationOptions}
          onChange={(v) => setOutput(v)}
        />
      </div>
      <SelectField<InitMethod>
        label={t('setting.init.label')}
        value={init}
        options={CONFIG_SETTINGS.init.choices.map((m) => ({ value: m, label: t(`init.${m}`) }))}
        onChange={(v) => apply({ init: v })}
      />
      <NumberField
        setting={CONFIG_SETTINGS.seed}
        label={t('setting.seed.label')}
        name={t('setting.seed.name')}
        value={seed}
        width="8em"
        apply={(value) => setConfig({ seed: value })}
      >
        <button type="button" className="button button--small" onClick={newSeed}>
          {t('network.newSeed')}
        </button>
      </NumberField>
    </>
  );
}
