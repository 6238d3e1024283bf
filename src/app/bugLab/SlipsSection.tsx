/**
 * The question's three slips as switches, each on the same configuration field the live lab uses
 * (the first is the live lab's Derivative control), the code panel in step with them, and with the
 * naive sigmoid on, where and when the live run's e^(−z) overflowed (counts from the worker).
 */
import { problemText } from '../../i18n/messageText';
import { useMemo } from 'react';
import { type LabConfig, type SlippedConfig, divisorEffect, overflowSites } from '../../engine';
import { useConfigFields, useLab } from '../../store/hooks';
import { CodePanel } from '../../views/codePanel/CodePanel';
import { type OverflowReport, SlipSwitches } from '../../views/slips/SlipSwitches';
import { AnswerBp1Switch } from './AnswerBp1Switch';
import { useStore } from 'zustand';
import { mysteryStore } from './mystery';
import { useT } from '../../i18n/setup';

export function SlipsSection({ onProblem }: { onProblem(message: string | null): void }) {
  const { derivative, gradientDivisor, sigmoidForm, learningRate, batchSize } = useConfigFields(
    'derivative',
    'gradientDivisor',
    'sigmoidForm',
    'learningRate',
    'batchSize',
  );
  const t = useT();
  const data = useLab((s) => s.data);
  const snapshot = useLab((s) => s.snapshot);
  // the library's slips beyond the three switches that the page can set (the mystery's stay hidden)
  const mystery = useStore(mysteryStore, (m) => m.code !== null);
  const answerBp1 = useLab((s) => (s.config as LabConfig & SlippedConfig).slips?.includes('answerBp1') ?? false) && !mystery;
  const setConfig = useLab((s) => s.setConfig);
  const apply = (patch: Partial<LabConfig>) => onProblem(problemText(setConfig(patch)));

  // the divisor is the batch's sample count (full batch: the whole dataset)
  const divisor = data
    ? divisorEffect(gradientDivisor, learningRate, batchSize <= 0 || batchSize >= data.count ? data.count : batchSize, data.inputSize)
    : null;
  const overflow = useMemo((): OverflowReport | null => {
    if (!snapshot) return null;
    return {
      epoch: snapshot.epoch,
      lastEpochOverflows: snapshot.overflows,
      passOverflows: snapshot.pass.overflows,
      log: snapshot.overflowLog ?? null,
      sites: overflowSites(snapshot.pass, snapshot.network.activations),
    };
  }, [snapshot]);

  return (
    <section className="card bl-section" aria-labelledby="bl-slips-title">
      <h2 id="bl-slips-title" className="bl-heading">
        {t('bl.slips.title')}
      </h2>
      <div className="bl-slips-row">
        <SlipSwitches
          derivative={derivative}
          gradientDivisor={gradientDivisor}
          sigmoidForm={sigmoidForm}
          onDerivativeChange={(value) => apply({ derivative: value })}
          onGradientDivisorChange={(value) => apply({ gradientDivisor: value })}
          onSigmoidFormChange={(value) => apply({ sigmoidForm: value })}
          divisor={divisor}
          overflow={overflow}
        />
        <CodePanel derivative={derivative} gradientDivisor={gradientDivisor} sigmoidForm={sigmoidForm} slips={answerBp1 ? ['answerBp1'] : []} />
      </div>
      <AnswerBp1Switch onProblem={onProblem} />
      {sigmoidForm === 'naive' && <p className="bl-hint">{t('bl.slips.liveHint')}</p>}
    </section>
  );
}
