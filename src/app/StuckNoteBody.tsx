/**
 * The stuck-run note's words: every number is the snapshot's (engine/health.ts saturationLock) or the
 * cost history's, and its one action trains the run's initial weights (same seed) again with f′(z).
 */
import { useId, useState } from 'react';
import type { DerivativeMode, PassRecord, SaturationLock } from '../engine';
import { listText, useT } from '../i18n/setup';
import { formatEpoch, formatNumber } from '../views/format';
import './stuckNote.css';

/** Samples named one by one up to this many; the rest are counted. */
const NAMED_SAMPLES = 6;

/** "(1, 1)": a sample's inputs, as the graph's sample buttons write them. */
function sampleInputs(pass: Pick<PassRecord, 'inputs'>, inputSize: number, sample: number): string {
  return `(${Array.from(pass.inputs.subarray(sample * inputSize, (sample + 1) * inputSize), formatNumber).join(', ')})`;
}

interface StuckNoteProps {
  lock: SaturationLock;
  pass: Pick<PassRecord, 'inputs'>;
  inputSize: number;
  derivative: DerivativeMode;
  /** the cost from the switch to f′(z) on these weights to now, when it has trained since */
  sinceSwitch: { epoch: number; from: number; to: number; epochs: number } | null;
  onRestart(): void;
}

export function StuckNoteBody({ lock, pass, inputSize, derivative, sinceSwitch, onRestart }: StuckNoteProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  const named = lock.samples.slice(0, NAMED_SAMPLES).map((sample) => sampleInputs(pass, inputSize, sample));
  const rest = lock.samples.length - named.length;
  const samples = listText(rest > 0 ? [...named, t('stuck.moreSamples', { count: rest })] : named);
  const since = sinceSwitch
    ? t('stuck.since', {
        epoch: formatEpoch(sinceSwitch.epoch),
        from: formatNumber(sinceSwitch.from),
        to: formatNumber(sinceSwitch.to),
        epochs: formatEpoch(sinceSwitch.epochs),
      })
    : null;
  // what the run measured since the switch first, then why
  const sentences = [
    since,
    t('stuck.samples', {
      samples,
      layer: lock.layer,
      minZ: formatNumber(lock.minAbsZ),
      activations: lock.activations.map(formatNumber).join(', '),
      exact: lock.spread === 0 ? 'yes' : 'no',
      spread: formatNumber(lock.spread),
    }),
    t('stuck.slope', {
      zero: lock.maxSlopeAtZ === 0 && lock.maxDeltaAtZ === 0 ? 'yes' : 'no',
      slopeZ: formatNumber(lock.maxSlopeAtZ),
      deltaZ: formatNumber(lock.maxDeltaAtZ),
    }),
    derivative === 'buggy' ? t('stuck.switch') : null,
    t('stuck.buggySlope', { slopeA: formatNumber(lock.minSlopeAtA) }),
    t('stuck.reset'),
  ].filter(Boolean);
  return (
    <section className="stuck-note" aria-label={t('stuck.label')}>
      {/* three lines until asked, so the views stay in one screen; the whole text is in the DOM either way */}
      <p id={id} className={open ? 'stuck-note__text is-open' : 'stuck-note__text'}>
        <strong>{t('stuck.title')}</strong> {sentences.join(' ')}
      </p>
      <button type="button" className="link-button stuck-note__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? t('caption.less') : t('caption.more')}
      </button>
      <button type="button" className="button button--primary button--small stuck-note__action" onClick={onRestart}>
        {t('stuck.action')}
      </button>
    </section>
  );
}
