/** The network's shape: hidden layers and their neurons, activations, initialisation and seed. */
import { type ActivationName, CONFIG_SETTINGS, type InitMethod } from '../engine';
import { useConfigFields, useLab } from '../store/hooks';
import { NumberField, SelectField } from './fields';
import { ACTIVATION_LABELS, INIT_LABELS, UI_MAX_NEURONS } from './labels';

const { hidden: HIDDEN } = CONFIG_SETTINGS;
const MAX_NEURONS = Math.min(UI_MAX_NEURONS, HIDDEN.max);

export function NetworkControls({ onProblem }: { onProblem(message: string | null): void }) {
  const { hidden, hiddenActivation, outputActivation, init, seed, cost } = useConfigFields('hidden', 'hiddenActivation', 'outputActivation', 'init', 'seed', 'cost');
  const setConfig = useLab((s) => s.setConfig);
  const newSeed = useLab((s) => s.newSeed);
  const apply = (patch: Parameters<typeof setConfig>[0]) => onProblem(setConfig(patch));
  // cross-entropy needs outputs in (0, 1): another output activation brings the quadratic cost with it
  const setOutput = (v: ActivationName) => {
    if (v !== 'sigmoid' && cost === 'crossEntropy') {
      const refusal = setConfig({ outputActivation: v, cost: 'quadratic' });
      onProblem(refusal ?? `Cost switched to quadratic: cross-entropy needs a sigmoid output.`);
    } else apply({ outputActivation: v });
  };
  const setLayer = (k: number, n: number) => apply({ hidden: hidden.map((m, i) => (i === k ? n : m)) });
  const activationOptions = CONFIG_SETTINGS.hiddenActivation.choices.map((a) => ({ value: a, label: ACTIVATION_LABELS[a] }));

  return (
    <>
      <div className="layers" role="group" aria-label={HIDDEN.label}>
        <div className="layers__head">
          <span className="field__label">{HIDDEN.label}</span>
          <span className="layers__shape" role="img" aria-label={`Shape ${[2, ...hidden, 1].join('-')}`}>{[2, ...hidden, 1].join('–')}</span>
          <button
            type="button"
            className="chip"
            onClick={() => apply({ hidden: [...hidden, hidden[hidden.length - 1] ?? 4] })}
            disabled={hidden.length >= HIDDEN.maxItems}
            aria-label="Add a hidden layer"
          >
            + Layer
          </button>
        </div>
        {hidden.length === 0 && <p className="field__hint">No hidden layer: the inputs feed the output directly.</p>}
        <ol className="layers__list">
          {hidden.map((n, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a hidden layer is its position (remove layer 2 and the next one becomes layer 2) and holds no state of its own
            <li key={k} className="layers__item">
              <span className="layers__name">Layer {k + 1}</span>
              <span className="stepper">
                <button type="button" onClick={() => setLayer(k, n - 1)} disabled={n <= HIDDEN.min} aria-label={`Fewer neurons in hidden layer ${k + 1}`}>
                  −
                </button>
                <output aria-label={`Neurons in hidden layer ${k + 1}`}>{n}</output>
                <button type="button" onClick={() => setLayer(k, n + 1)} disabled={n >= MAX_NEURONS} aria-label={`More neurons in hidden layer ${k + 1}`}>
                  +
                </button>
              </span>
              <span className="layers__unit">{n === 1 ? 'neuron' : 'neurons'}</span>
              <button type="button" className="icon-button" onClick={() => apply({ hidden: hidden.filter((_, i) => i !== k) })} aria-label={`Remove hidden layer ${k + 1}`} title="Remove this layer">
                ×
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div className="field-pair">
        <SelectField<ActivationName> label={CONFIG_SETTINGS.hiddenActivation.label} value={hiddenActivation} options={activationOptions} onChange={(v) => apply({ hiddenActivation: v })} />
        <SelectField<ActivationName> label={CONFIG_SETTINGS.outputActivation.label} value={outputActivation} options={activationOptions} onChange={(v) => setOutput(v)} />
      </div>
      <SelectField<InitMethod> label={CONFIG_SETTINGS.init.label} value={init} options={CONFIG_SETTINGS.init.choices.map((m) => ({ value: m, label: INIT_LABELS[m] }))} onChange={(v) => apply({ init: v })} />
      <NumberField setting={CONFIG_SETTINGS.seed} value={seed} width="8em" apply={(value) => setConfig({ seed: value })}>
        <button type="button" className="button button--small" onClick={newSeed}>
          New seed
        </button>
      </NumberField>
    </>
  );
}
