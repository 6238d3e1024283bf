/**
 * The question's three slips, each a switch with one sentence beside it: BP2's f′ at a instead of z,
 * the gradient divided by the number of input features instead of samples (a silent change of the
 * learning rate), and the naive sigmoid that overflows for large negative z. With the naive form on,
 * the engine's overflow counts say when and where e^(−z) overflowed, beside the stable form's value.
 *
 * Props (numbers from the engine; this view only lays them out):
 * - derivative, gradientDivisor, sigmoidForm: the current options; on…Change(value) to switch each
 * - divisor: divisorEffect(gradientDivisor, η, samples, n₀) for the current run, or null
 * - overflow (sites' neuron and sample are 0-based; shown from 1): { epoch, lastEpochOverflows (Trainer.lastOverflows), passOverflows (PassRecord.overflows),
 *   log (OverflowLog snapshot: first/last epoch, total), sites (overflowSites(pass, activations)) } or null
 * - disabled?: switches read-only (e.g. while a sweep runs)
 */
import type { ReactNode } from 'react';
import type { DerivativeMode, DivisorEffect, GradientDivisor, OverflowSite, OverflowSummary, SigmoidForm } from '../../engine';
import { formatEpoch, formatNumber } from '../format';
import '../views.css';
import './slips.css';
import { useT } from '../../i18n/setup';
import { withNodes } from '../../i18n/Rich';

export interface OverflowReport {
  /** the epoch the counts belong to */
  epoch: number;
  /** overflows in the last epoch (Trainer.lastOverflows) */
  lastEpochOverflows: number;
  /** overflows in the inspected pass (PassRecord.overflows), if one is shown */
  passOverflows?: number;
  log?: OverflowSummary | null;
  sites?: readonly OverflowSite[];
}

export interface SlipSwitchesProps {
  derivative: DerivativeMode;
  gradientDivisor: GradientDivisor;
  sigmoidForm: SigmoidForm;
  onDerivativeChange(derivative: DerivativeMode): void;
  onGradientDivisorChange(divisor: GradientDivisor): void;
  onSigmoidFormChange(form: SigmoidForm): void;
  divisor?: DivisorEffect | null;
  overflow?: OverflowReport | null;
  disabled?: boolean;
}

const MAX_SITES = 6;

interface SwitchProps {
  label: string;
  on: boolean;
  disabled?: boolean;
  onToggle(on: boolean): void;
  children: ReactNode;
}

function SlipSwitch({ label, on, disabled, onToggle, children }: SwitchProps) {
  return (
    <li className={`bl-slip${on ? ' is-on' : ''}`}>
      <button type="button" role="switch" aria-checked={on} disabled={disabled} className="bl-slip__switch" onClick={() => onToggle(!on)}>
        <span className="bl-slip__track" aria-hidden="true">
          <span className="bl-slip__knob" />
        </span>
        <span className="bl-slip__label">{label}</span>
      </button>
      <div className="bl-slip__text">{children}</div>
    </li>
  );
}

function OverflowDetails({ overflow }: { overflow: OverflowReport | null | undefined }) {
  const t = useT();
  if (!overflow) return <p className="bl-slip__detail">{t('bl.overflow.noRun')}</p>;
  const { log, sites = [] } = overflow;
  const after = !log
    ? null
    : log.firstEpoch === null
      ? t('bl.overflow.noneYet')
      : t('bl.overflow.first', {
          first: formatEpoch(log.firstEpoch),
          total: formatEpoch(log.total),
          count: log.epochsWithOverflow,
          n: formatEpoch(log.epochsWithOverflow),
        });
  return (
    <div className="bl-slip__detail" aria-live="polite">
      <p>
        {withNodes(
          // the epoch's sentence, then what the run's log says (a space between sentences in English, none in Chinese)
          (marks) => (after ? t('bl.then', { before: marks.epoch, after }) : marks.epoch),
          {
            epoch:
              overflow.lastEpochOverflows > 0 ? (
                <strong className="bl-slip__warn">
                  {t('bl.overflow.some', {
                    count: overflow.lastEpochOverflows,
                    n: formatEpoch(overflow.lastEpochOverflows),
                    epoch: formatEpoch(overflow.epoch),
                  })}
                </strong>
              ) : (
                t('bl.overflow.none', { epoch: formatEpoch(overflow.epoch) })
              ),
          },
        )}
      </p>
      {sites.length > 0 && (
        <table className="bl-slip__sites">
          <caption>
            {overflow.passOverflows !== undefined
              ? t('bl.overflow.whereCount', { count: overflow.passOverflows, n: formatEpoch(overflow.passOverflows) })
              : t('bl.overflow.where')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('bl.overflow.layer')}</th>
              <th scope="col">{t('bl.overflow.neuron')}</th>
              <th scope="col">{t('bl.overflow.sample')}</th>
              <th scope="col">z</th>
              <th scope="col">{t('bl.overflow.naive')}</th>
              <th scope="col">{t('bl.overflow.stable')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.slice(0, MAX_SITES).map((s) => (
              <tr key={`${s.layer}:${s.neuron}:${s.sample}`}>
                <td>{s.layer}</td>
                <td>{s.neuron + 1}</td>
                <td>{s.sample + 1}</td>
                <td>{formatNumber(s.z)}</td>
                <td>{formatNumber(s.naive)}</td>
                <td>{formatNumber(s.stable)}</td>
              </tr>
            ))}
          </tbody>
          {sites.length > MAX_SITES && (
            <tfoot>
              <tr>
                <td colSpan={6}>{t('bl.overflow.more', { n: formatEpoch(sites.length - MAX_SITES) })}</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {sites.length > 0 && <p className="bl-slip__note">{t('bl.overflow.note')}</p>}
    </div>
  );
}

export function SlipSwitches({
  derivative,
  gradientDivisor,
  sigmoidForm,
  onDerivativeChange,
  onGradientDivisorChange,
  onSigmoidFormChange,
  divisor = null,
  overflow = null,
  disabled = false,
}: SlipSwitchesProps) {
  const t = useT();
  return (
    <figure className="bl-view bl-slips" aria-label={t('bl.slips.figure')}>
      <ol className="bl-slips__list">
        <SlipSwitch label={t('bl.slips.atA')} on={derivative === 'buggy'} disabled={disabled} onToggle={(on) => onDerivativeChange(on ? 'buggy' : 'correct')}>
          <p>{t('bl.slips.atAText')}</p>
        </SlipSwitch>
        <SlipSwitch
          label={t('bl.slips.divisor')}
          on={gradientDivisor === 'features'}
          disabled={disabled}
          onToggle={(on) => onGradientDivisorChange(on ? 'features' : 'samples')}
        >
          <p>
            {divisor
              ? t('bl.slips.divisorHere', {
                  divisor: formatEpoch(divisor.divisor),
                  factor: formatNumber(divisor.factor),
                  rate: formatNumber(divisor.effectiveLearningRate),
                })
              : t('bl.slips.divisorText')}
          </p>
        </SlipSwitch>
        <SlipSwitch
          label={t('bl.slips.naive')}
          on={sigmoidForm === 'naive'}
          disabled={disabled}
          onToggle={(on) => onSigmoidFormChange(on ? 'naive' : 'stable')}
        >
          <p>{t('bl.slips.naiveText')}</p>
          {sigmoidForm === 'naive' && <OverflowDetails overflow={overflow} />}
        </SlipSwitch>
      </ol>
      <figcaption>{t('bl.slips.caption')}</figcaption>
    </figure>
  );
}
