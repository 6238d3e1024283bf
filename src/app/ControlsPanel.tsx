/** The left column: presets, data, network and training settings; on a phone, a drawer under the header. */
import { useState } from 'react';
import { type DatasetName, PRESETS, type Problem } from '../engine';
import { problemText } from '../i18n/messageText';
import { useLab } from '../store/hooks';
import { SelectField } from './fields';
import { datasetGroups } from './labels';
import { NetworkControls } from './NetworkControls';
import { CustomDataNote } from './files/CustomDataNote';
import { TrainingControls } from './TrainingControls';
import { type MessageKey, useT } from '../i18n/setup';
import { formatEpoch } from '../views/format';
import { loadedDataName } from './exercise/shippedSets';

// every preset's title and description are in the catalogs (tests/i18n/messages.test.ts)
const presetKey = (id: string, part: 'title' | 'description') => `preset.${id}.${part}` as MessageKey;

export function ControlsPanel() {
  const dataset = useLab((s) => s.config.dataset);
  // data from a file or a worked example: the Dataset box names it, since the list cannot
  const t = useT();
  // two selectors: each returns a plain value, so the store's snapshot stays the same between renders
  const loadedName = useLab((s) => (s.data?.kind === 'custom' ? s.data.name : null));
  const loadedCount = useLab((s) => (s.data?.kind === 'custom' ? s.data.count : 0));
  const presetId = useLab((s) => s.presetId);
  const setConfig = useLab((s) => s.setConfig);
  const backToNamedData = useLab((s) => s.useNamedData);
  const applyPreset = useLab((s) => s.applyPreset);
  // the last refusal or note from a control without its own message line
  const [note, setNote] = useState<Problem | null>(null);
  // on a narrow screen the settings fold away (CSS shows the toggle there only); Play and Derivative stay in the header
  const [open, setOpen] = useState(false);

  return (
    <div className={open ? 'controls-area is-open' : 'controls-area'}>
      <button type="button" className="button controls-drawer-toggle" aria-expanded={open} aria-controls="settings-panel" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▴' : '▾'}</span> {open ? t('controls.hideSettings') : t('controls.showSettings')}
      </button>
      <aside className="panel controls" id="settings-panel" aria-label={t('controls.label')}>
        <section className="controls__section" aria-labelledby="presets-title">
          <h2 id="presets-title">{t('controls.presets')}</h2>
          <ul className="presets">
            {PRESETS.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className={p.id === presetId ? 'preset is-on' : 'preset'}
                  aria-pressed={p.id === presetId}
                  title={t(presetKey(p.id, 'description'))}
                  onClick={() => setNote(applyPreset(p.id))}
                >
                  {t(presetKey(p.id, 'title'))}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="controls__section" aria-labelledby="data-title">
          <h2 id="data-title">{t('controls.data')}</h2>
          <SelectField<DatasetName>
            label={t('setting.dataset.label')}
            value={dataset}
            options={datasetGroups(t)}
            // the list cannot hold the user's own data: it shows in the box, and picking the setting's own dataset goes back to it
            standIn={
              loadedName === null
                ? undefined
                : t(loadedName === 'custom' ? 'dataset.yourData' : 'dataset.loadedData', { count: loadedCount, n: formatEpoch(loadedCount) })
            }
            onChange={(v) => setNote(loadedName !== null && v === dataset ? backToNamedData() : setConfig({ dataset: v }))}
            hint={
              loadedName !== null && loadedName !== 'custom'
                ? t('controls.loaded', { name: loadedDataName(loadedName), count: loadedCount, n: formatEpoch(loadedCount) })
                : undefined
            }
          />
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
            {problemText(note)}
            <button type="button" className="icon-button" aria-label={t('controls.dismiss')} onClick={() => setNote(null)}>
              ×
            </button>
          </p>
        )}
      </aside>
    </div>
  );
}
