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
  if (!overflow) return <p className="bl-slip__detail">No run yet to watch for overflow.</p>;
  const { log, sites = [] } = overflow;
  return (
    <div className="bl-slip__detail" aria-live="polite">
      <p>
        {overflow.lastEpochOverflows > 0 ? (
          <strong className="bl-slip__warn">
            Overflow: e^(−z) overflowed {overflow.lastEpochOverflows} time{overflow.lastEpochOverflows === 1 ? '' : 's'} in epoch {formatEpoch(overflow.epoch)}.
          </strong>
        ) : (
          <>No overflow in epoch {formatEpoch(overflow.epoch)}.</>
        )}
        {log && log.firstEpoch !== null && (
          <>
            {' '}
            First at epoch {formatEpoch(log.firstEpoch)}, {formatEpoch(log.total)} in all over {formatEpoch(log.epochsWithOverflow)} epoch
            {log.epochsWithOverflow === 1 ? '' : 's'}.
          </>
        )}
        {log && log.firstEpoch === null && <> None so far in this run.</>}
      </p>
      {sites.length > 0 && (
        <table className="bl-slip__sites">
          <caption>
            Where, in the pass shown{overflow.passOverflows !== undefined ? ` (${overflow.passOverflows} overflows)` : ''}; neurons and samples count from 1
          </caption>
          <thead>
            <tr>
              <th scope="col">layer</th>
              <th scope="col">neuron</th>
              <th scope="col">sample</th>
              <th scope="col">z</th>
              <th scope="col">naive 1/(1+e^(−z))</th>
              <th scope="col">stable e^z/(1+e^z)</th>
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
                <td colSpan={6}>… and {sites.length - MAX_SITES} more</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {sites.length > 0 && (
        <p className="bl-slip__note">
          At such z both forms give a ≈ 0, so in a hidden layer the overflow costs only the warning; at the output, an a of exactly 0 makes the naive cost's ln
          a = −∞.
        </p>
      )}
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
  return (
    <figure className="bl-view bl-slips" aria-label="The question's slips">
      <ol className="bl-slips__list">
        <SlipSwitch
          label="f′ at a instead of z"
          on={derivative === 'buggy'}
          disabled={disabled}
          onToggle={(on) => onDerivativeChange(on ? 'buggy' : 'correct')}
        >
          <p>
            BP2 needs f′(z<sup>l</sup>), but the question passes the activation, computing σ′(a) = σ(a)(1 − σ(a)), which lies in (0.1966, 0.25] for every a in
            (0, 1) (σ′(1) ≈ 0.1966), so the hidden deltas lose their dependence on how saturated each neuron is.
          </p>
        </SlipSwitch>
        <SlipSwitch
          label="Divide by input features"
          on={gradientDivisor === 'features'}
          disabled={disabled}
          onToggle={(on) => onGradientDivisorChange(on ? 'features' : 'samples')}
        >
          <p>
            The summed gradient is divided by len(x), the number of input features n₀, instead of the number of samples, which silently rescales the learning
            rate
            {divisor ? (
              <>
                : here ÷{divisor.divisor}, so every step is {formatNumber(divisor.factor)}× the mean-gradient step, as if η were{' '}
                {formatNumber(divisor.effectiveLearningRate)}.
              </>
            ) : (
              '.'
            )}
          </p>
        </SlipSwitch>
        <SlipSwitch label="Naive sigmoid" on={sigmoidForm === 'naive'} disabled={disabled} onToggle={(on) => onSigmoidFormChange(on ? 'naive' : 'stable')}>
          <p>
            1/(1 + e<sup>−z</sup>) overflows e<sup>−z</sup> to ∞ once z &lt; −709.78 (NumPy's overflow warning); the stable form computes e<sup>z</sup>/(1 + e
            <sup>z</sup>) for negative z and never overflows.
          </p>
          {sigmoidForm === 'naive' && <OverflowDetails overflow={overflow} />}
        </SlipSwitch>
      </ol>
      <figcaption>
        Each switch turns one of the question's slips on or off. The question's code has all three; its presets here turn on the first two and keep the stable
        sigmoid, because where e^(−z) overflows both forms give a ≈ 0: the naive form adds NumPy's overflow warning but does not change how the question's runs
        end (docs/findings.md: the same share of AND starts is solved with it on). Switch it on to watch the overflow.
      </figcaption>
    </figure>
  );
}
