/** The left column: presets, data, network and training settings; on a phone, a drawer under the header. */
import { useState } from 'react';
import { type DatasetName, PRESETS } from '../engine';
import { useLab } from '../store/hooks';
import { SelectField } from './fields';
import { DATASET_GROUPS } from './labels';
import { NetworkControls } from './NetworkControls';
import { CustomDataNote } from './share/ui/CustomDataNote';
import { TrainingControls } from './TrainingControls';

export function ControlsPanel() {
  const dataset = useLab((s) => s.config.dataset);
  // data from a file or a worked example: the Dataset box names it, since the list cannot
  const loaded = useLab((s) => (s.data?.kind === 'custom' ? `${s.data.name} (${s.data.count.toLocaleString('en')} samples)` : null));
  const presetId = useLab((s) => s.presetId);
  const setConfig = useLab((s) => s.setConfig);
  const applyPreset = useLab((s) => s.applyPreset);
  // the last refusal or note from a control without its own message line
  const [note, setNote] = useState<string | null>(null);
  // on a narrow screen the settings fold away (CSS shows the toggle there only); Play and Derivative stay in the header
  const [open, setOpen] = useState(false);

  return (
    <div className={open ? 'controls-area is-open' : 'controls-area'}>
      <button type="button" className="button controls-drawer-toggle" aria-expanded={open} aria-controls="settings-panel" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▴' : '▾'}</span> {open ? 'Hide settings' : 'Settings: presets, data, network, training'}
      </button>
      <aside className="panel controls" id="settings-panel" aria-label="Settings">
        <section className="controls__section" aria-labelledby="presets-title">
          <h2 id="presets-title">Presets</h2>
          <ul className="presets">
            {PRESETS.map((p) => (
              <li key={p.id}>
                <button type="button" className={p.id === presetId ? 'preset is-on' : 'preset'} aria-pressed={p.id === presetId} title={p.description} onClick={() => setNote(applyPreset(p.id))}>
                  {p.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="controls__section" aria-labelledby="data-title">
          <h2 id="data-title">Data</h2>
          <SelectField<DatasetName> label="Dataset" value={dataset} options={DATASET_GROUPS} onChange={(v) => setNote(setConfig({ dataset: v }))} hint={loaded ? `Loaded: ${loaded}` : undefined} />
          <CustomDataNote />
        </section>
        <section className="controls__section" aria-labelledby="network-title">
          <h2 id="network-title">Network</h2>
          <NetworkControls onProblem={setNote} />
        </section>
        <section className="controls__section" aria-labelledby="training-title">
          <h2 id="training-title">Training</h2>
          <TrainingControls onProblem={setNote} />
        </section>
        {note && (
          <p className="controls__note" role="alert">
            {note}
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setNote(null)}>
              ×
            </button>
          </p>
        )}
      </aside>
    </div>
  );
}
