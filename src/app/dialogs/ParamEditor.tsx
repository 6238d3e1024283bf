/**
 * Types a new value for the weight or bias clicked on the graph. A modal dialog: Enter applies,
 * Escape cancels; a value that is not a plain finite number in range is refused with a reason
 * (the page's one rule for typed numbers, engine's readTypedNumber). Loaded when first opened, with
 * its words (App.tsx).
 */
import { type FormEvent, useId, useState } from 'react';
import { type Network, type Problem, describeRange, readTypedNumber } from '../../engine';
import { messageText, problemText } from '../../i18n/messageText';
import { useT } from '../../i18n/setup';
import { useLab } from '../../store/hooks';
import { formatNumber as shortNumber } from '../../views/format';
import { PARAM_VALUE_RULE } from '../../worker/lab/paramEdit';
import { formatNumber } from '../links/properties';
import { type ParamLabel, paramLabel } from './paramLabel';
import { useModalDialog } from './useModalDialog';

/** The number suggested when the typed text is none. */
const EXAMPLE_VALUE = '0.5';

export function ParamEditor() {
  useT();
  const index = useLab((s) => s.share.editingParam);
  const network = useLab((s) => s.snapshot?.network ?? null);
  const editParam = useLab((s) => s.editParam);
  const titleId = useId();
  const label = index !== null && network ? paramLabel(network, index) : null;
  const dialogRef = useModalDialog(label !== null);

  const close = () => editParam(null);
  return (
    <dialog ref={dialogRef} className="share-dialog share-param" aria-labelledby={titleId} onClose={close}>
      {/* a fresh form per parameter: it opens holding that parameter's value, later snapshots leave the typing alone */}
      {label && index !== null && network && <ParamForm key={index} index={index} network={network} label={label} titleId={titleId} onDone={close} />}
    </dialog>
  );
}

function ParamForm({ index, network, label, titleId, onDone }: { index: number; network: Network; label: ParamLabel; titleId: string; onDone(): void }) {
  const t = useT();
  const setParam = useLab((s) => s.setParam);
  const current = network.params[index];
  const [text, setText] = useState(() => formatNumber(current));
  // kept coded, worded when shown: a language switch rewords it
  const [problem, setProblem] = useState<Problem | null>(null);
  const problemId = useId();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const read = readTypedNumber(text, PARAM_VALUE_RULE, label.symbol, EXAMPLE_VALUE);
    if (!read.ok) return setProblem(read.problem);
    // a refusal the check above did not foresee (the run diverged meanwhile) shows in the status line
    setParam(index, read.value).catch(() => {});
    onDone();
  };

  return (
    <form method="dialog" onSubmit={apply} noValidate>
      <h2 id={titleId}>{t('param.title', { symbol: label.symbol })}</h2>
      <p className="share-dialog__hint">{t('param.now', { description: label.description, value: shortNumber(current) })}</p>
      <label className="share-dialog__label" htmlFor={`${titleId}-value`}>
        {t('param.label')}
      </label>
      <input
        id={`${titleId}-value`}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
        // the dialog focuses its first control; selected, typing replaces the old value
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="share-dialog__hint">{t('param.range', { range: messageText(describeRange(PARAM_VALUE_RULE)) })}</p>
      {problem && (
        <p id={problemId} className="share-dialog__problem" role="alert">
          {problemText(problem)}
        </p>
      )}
      <div className="share-dialog__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('param.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('param.apply')}
        </button>
      </div>
    </form>
  );
}
