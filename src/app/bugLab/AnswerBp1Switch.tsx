/**
 * The answer's BP1 with cross-entropy as a switch (issue 9): following the answer's output formula
 * literally, δᴸ = (a − y)·σ′(z), multiplies the output error by σ′(z) ≤ 1/4 a second time. Its effect
 * is measured on the live network: the output layer's gradient with the slip against without it.
 */
import { problemText } from '../../i18n/messageText';
import { useMemo } from 'react';
import { type LabConfig, SLIPS, type SlippedConfig, layoutOf, trainOptionsOf } from '../../engine';
import { gradientWithSlips } from '../../engine/diagnosis';
import { useT } from '../../i18n/setup';
import { withNodes } from '../../i18n/Rich';
import { formatNumber } from '../../views/format';
import { slipSentence } from './slipText';
import { useStore } from 'zustand';
import { useLab } from '../../store/hooks';
import { mysteryStore } from './mystery';

export function AnswerBp1Switch({ onProblem }: { onProblem(message: string | null): void }) {
  const t = useT();
  const config = useLab((s) => s.config) as LabConfig & SlippedConfig;
  const snapshot = useLab((s) => s.snapshot);
  const data = useLab((s) => s.data);
  const setConfig = useLab((s) => s.setConfig);
  // during a mystery the switch shows nothing of the hidden slips and cannot change them
  const mystery = useStore(mysteryStore, (m) => m.code !== null);
  const on = !mystery && (config.slips?.includes('answerBp1') ?? false);
  const applies = config.cost === 'crossEntropy';
  const toggle = (checked: boolean) => {
    const rest = (config.slips ?? []).filter((id) => id !== 'answerBp1');
    onProblem(problemText(setConfig({ slips: checked ? [...rest, 'answerBp1'] : rest.length ? rest : undefined } as Partial<LabConfig>)));
  };
  // ‖∂C/∂W^L, ∂C/∂b^L‖ with the slip over without it, on the live network and data
  const ratio = useMemo(() => {
    if (mystery || !snapshot || !data || !applies || snapshot.network.sizes[0] !== data.inputSize) return null;
    const net = snapshot.network;
    const options = trainOptionsOf({ ...config, slips: undefined } as LabConfig);
    const correct = gradientWithSlips(net, data, options, []);
    const slipped = gradientWithSlips(net, data, options, ['answerBp1']);
    const layout = layoutOf(net.sizes);
    const L = net.sizes.length - 1;
    let a = 0;
    let b = 0;
    for (let k = layout.weightOffset[L]; k < layout.parameterCount; k++) {
      a += slipped[k] * slipped[k];
      b += correct[k] * correct[k];
    }
    return b > 0 ? Math.sqrt(a / b) : null;
  }, [snapshot, data, config, applies, mystery]);
  const slip = SLIPS.answerBp1;
  const state = mystery
    ? t('bl.answer.mystery')
    : !applies
      ? t('bl.answer.quadratic')
      : ratio !== null
        ? t('bl.answer.ratio', { ratio: formatNumber(ratio) })
        : '';
  return (
    <div className="bl-answer-bp1">
      <label>
        <input type="checkbox" checked={on} disabled={!applies || mystery} onChange={(e) => toggle(e.target.checked)} /> {t('bl.answer.label')}
      </label>
      <p className="bl-hint">
        {withNodes(
          // sentence after sentence: a space between them in English, none in Chinese
          (marks) => [slipSentence('answerBp1'), t('bl.answer.line', marks), state].filter(Boolean).reduce((before, after) => t('bl.then', { before, after })),
          { wrong: <code>{slip.wrong}</code>, fix: <code>{slip.fix}</code> },
        )}
      </p>
    </div>
  );
}
