/**
 * Types a new value for the weight or bias clicked on the graph. A modal dialog: Enter applies,
 * Escape cancels; a value that is not a plain finite number in range is refused with a reason.
 */
import { type FormEvent, useId, useState } from 'react';
import type { Network } from '../../engine';
import { useLab } from '../../store/hooks';
import { formatNumber as shortNumber } from '../../views/format';
import { MAX_PARAM_MAGNITUDE, paramEditError } from '../../worker/lab/paramEdit';
import { formatNumber } from '../links/properties';
import { type ParamLabel, paramLabel } from './paramLabel';
import { readNumber } from './readNumber';
import { useModalDialog } from './useModalDialog';

export function ParamEditor() {
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
  const setParam = useLab((s) => s.setParam);
  const current = network.params[index];
  const [text, setText] = useState(() => formatNumber(current));
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const read = readNumber(text);
    if (!read.ok) return setProblem(read.error);
    const refused = paramEditError(network, index, read.value);
    if (refused) return setProblem(refused.replace(/^value: /, ''));
    // a refusal the checks above did not foresee (the run diverged meanwhile) shows in the status line
    setParam(index, read.value).catch(() => {});
    onDone();
  };

  return (
    <form method="dialog" onSubmit={apply} noValidate>
      <h2 id={titleId}>
        Edit <span className="share-param__symbol">{label.symbol}</span>
      </h2>
      <p className="share-dialog__hint">
        The {label.description}; now {shortNumber(current)}. The views update at once and training goes on from the new value.
      </p>
      <label className="share-dialog__label" htmlFor={`${titleId}-value`}>
        New value
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
      <p className="share-dialog__hint">
        A number from −{MAX_PARAM_MAGNITUDE.toLocaleString('en')} to {MAX_PARAM_MAGNITUDE.toLocaleString('en')}, e.g. 0.5 or −2e-3.
      </p>
      {problem && (
        <p id={problemId} className="share-dialog__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="share-dialog__actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          Apply
        </button>
      </div>
    </form>
  );
}
