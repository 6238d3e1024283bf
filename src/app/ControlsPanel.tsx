/** The left column: presets, data, network and training settings. */
import { useState } from 'react';
import { type DatasetName, PRESETS } from '../engine';
import { useLab } from '../store/hooks';
import { SelectField } from './fields';
import { datasetGroups } from './labels';
import { NetworkControls } from './NetworkControls';
import { CustomDataNote } from './share/ui/CustomDataNote';
import { TrainingControls } from './TrainingControls';
import { type MessageKey, useT } from '../i18n/setup';

// every preset's title and description are in the catalogs (tests/i18n/catalogs.test.ts)
const presetKey = (id: string, part: 'title' | 'description') => `preset.${id}.${part}` as MessageKey;

export function ControlsPanel() {
  const dataset = useLab((s) => s.config.dataset);
  const presetId = useLab((s) => s.presetId);
  const setConfig = useLab((s) => s.setConfig);
  const applyPreset = useLab((s) => s.applyPreset);
  const t = useT();
  // the last refusal or note from a control without its own message line
  const [note, setNote] = useState<string | null>(null);

  return (
    <aside className="panel controls" aria-label={t('controls.label')}>
      <section className="controls__section" aria-labelledby="presets-title">
        <h2 id="presets-title">{t('controls.presets')}</h2>
        <ul className="presets">
          {PRESETS.map((p) => (
            <li key={p.id}>
              <button type="button" className={p.id === presetId ? 'preset is-on' : 'preset'} aria-pressed={p.id === presetId} title={t(presetKey(p.id, 'description'))} onClick={() => setNote(applyPreset(p.id))}>
                {t(presetKey(p.id, 'title'))}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="controls__section" aria-labelledby="data-title">
        <h2 id="data-title">{t('controls.data')}</h2>
        <SelectField<DatasetName> label={t('setting.dataset.label')} value={dataset} options={datasetGroups(t)} onChange={(v) => setNote(setConfig({ dataset: v }))} />
        <CustomDataNote />
      </section>
      <section className="controls__section" aria-labelledby="network-title">
        <h2 id="network-title">{t('controls.network')}</h2>
        <NetworkControls onProblem={setNote} />
      </section>
      <section className="controls__section" aria-labelledby="training-title">
        <h2 id="training-title">{t('controls.training')}</h2>
        <TrainingControls onProblem={setNote} />
      </section>
      {note && (
        <p className="controls__note" role="alert">
          {note}
          <button type="button" className="icon-button" aria-label={t('controls.dismiss')} onClick={() => setNote(null)}>
            ×
          </button>
        </p>
      )}
    </aside>
  );
}
