/** Which sample the graph shows: one button per sample for small batches, else a number field; and "Mean". */
import type { PassRecord } from '../../engine';
import { formatNumber } from '../format';
import { sampleLabel } from './details';
import type { SampleSelection } from './values';

export interface SampleSelectorProps {
  pass: PassRecord | null;
  sample: SampleSelection;
  onSampleChange?(sample: SampleSelection): void;
}

const BUTTONS_UP_TO = 8;

export function SampleSelector({ pass, sample, onSampleChange }: SampleSelectorProps) {
  const count = pass?.count ?? 0;
  const disabled = !onSampleChange || count === 0;
  const pick = (s: SampleSelection) => onSampleChange?.(s);
  return (
    <div className="bl-graph__samples bl-toggle" role="group" aria-label="Sample shown">
      <button type="button" aria-pressed={sample === 'mean'} disabled={disabled} onClick={() => pick('mean')} title="Batch-mean activations">
        Mean
      </button>
      {pass && count <= BUTTONS_UP_TO
        ? Array.from({ length: count }, (_, s) => (
            <button key={s} type="button" aria-pressed={sample === s} disabled={disabled} onClick={() => pick(s)} aria-label={`Sample ${s + 1}: ${sampleLabel(pass, s, formatNumber)}`}>
              {sampleLabel(pass, s, formatNumber)}
            </button>
          ))
        : pass && (
            <label className="bl-graph__sample-field">
              Sample
              <input
                type="number"
                min={1}
                max={count}
                step={1}
                disabled={disabled}
                value={sample === 'mean' ? '' : sample + 1}
                placeholder="—"
                onChange={(event) => {
                  const v = Number(event.currentTarget.value);
                  if (Number.isInteger(v) && v >= 1 && v <= count) pick(v - 1);
                }}
              />
              <span className="bl-graph__sample-of">of {count}</span>
            </label>
          )}
    </div>
  );
}
