/**
 * Which sample the graph shows: one button per sample for small batches, else a number field; and "Mean".
 * Each sample's button says whether the network gets it right (✓/✗), and a count says how many it does:
 * the batch-mean disc alone cannot tell a solved gate from a failed one.
 */
import type { PassRecord, SampleSelection } from '../../engine';
import { formatNumber } from '../format';
import { sampleLabel } from './details';
import { keptSamplesText, sampleRight, samplesRight } from './values';
import { useT } from '../../i18n/setup';

export interface SampleSelectorProps {
  pass: PassRecord | null;
  sample: SampleSelection;
  onSampleChange?(sample: SampleSelection): void;
}

const BUTTONS_UP_TO = 8;

export function SampleSelector({ pass, sample, onSampleChange }: SampleSelectorProps) {
  const t = useT();
  const count = pass?.count ?? 0;
  // a big record keeps per-sample values for its first samples only: those are the ones to pick
  const kept = pass ? Math.min(count, pass.keptSamples) : 0;
  const limited = pass ? keptSamplesText(pass) : null;
  const disabled = !onSampleChange || count === 0;
  const pick = (s: SampleSelection) => onSampleChange?.(s);
  const right = pass && count > 0 ? samplesRight(pass) : null;
  return (
    <div className="bl-graph__samples-bar">
      <div className="bl-graph__samples bl-toggle" role="group" aria-label={t('graph.sample.group')}>
        <button type="button" aria-pressed={sample === 'mean'} disabled={disabled} onClick={() => pick('mean')} title={t('graph.sample.meanTitle')}>
          {t('graph.sample.mean')}
        </button>
        {pass && count <= BUTTONS_UP_TO
          ? Array.from({ length: count }, (_, s) => s).map((s) => {
              const ok = sampleRight(pass, s);
              return (
                <button
                  key={s}
                  type="button"
                  aria-pressed={sample === s}
                  disabled={disabled}
                  onClick={() => pick(s)}
                  aria-label={t(ok ? 'graph.sample.right' : 'graph.sample.wrong', { n: s + 1, label: sampleLabel(pass, s, formatNumber) })}
                >
                  {sampleLabel(pass, s, formatNumber)}
                  <span className={ok ? 'bl-graph__mark is-right' : 'bl-graph__mark is-wrong'} data-sample-right={String(ok)} aria-hidden="true">
                    {ok ? '✓' : '✗'}
                  </span>
                </button>
              );
            })
          : pass && (
              <label className="bl-graph__sample-field">
                {t('graph.sample.field')}
                <input
                  type="number"
                  min={1}
                  max={kept}
                  step={1}
                  disabled={disabled || kept === 0}
                  value={sample === 'mean' ? '' : sample + 1}
                  placeholder="—"
                  onChange={(event) => {
                    const v = Number(event.currentTarget.value);
                    if (Number.isInteger(v) && v >= 1 && v <= kept) pick(v - 1);
                  }}
                />
                <span className="bl-graph__sample-of" title={limited ? t('graph.sample.keptTitle', { kept: limited }) : undefined}>
                  {limited
                    ? t('graph.sample.ofKept', { kept: kept.toLocaleString('en'), count: count.toLocaleString('en') })
                    : t('graph.sample.of', { count: count.toLocaleString('en') })}
                </span>
              </label>
            )}
      </div>
      {right !== null && (
        <span className="bl-graph__right" data-right={right} title={t('graph.sample.rightTitle')}>
          {t('graph.sample.rightCount', { right: right.toLocaleString('en'), count: count.toLocaleString('en') })}
        </span>
      )}
    </div>
  );
}
