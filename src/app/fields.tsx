/** Small labelled form controls shared by the control panel; each shows its own validation message. */
import { type ReactNode, useEffect, useId, useState } from 'react';
import { type NumberSetting, type Problem, readTypedNumber, settingName } from '../engine';
import { problemText } from '../i18n/messageText';
import { useT } from '../i18n/setup';

export interface Option<T extends string | number> {
  value: T;
  label: string;
}

export function SelectField<T extends string | number>(props: {
  label: string;
  value: T;
  options: readonly Option<T>[] | ReadonlyArray<{ group: string; options: readonly Option<T>[] }>;
  onChange(value: T): void;
  hint?: string;
  /** what is loaded in place of every option (the user's own data): shown selected, not pickable */
  standIn?: string;
}) {
  const id = useId();
  const { label, value, options, onChange, hint, standIn } = props;
  const flat: Option<T>[] = [];
  const groups = options.map((entry) => {
    if ('group' in entry) {
      flat.push(...entry.options);
      return (
        <optgroup key={entry.group} label={entry.group}>
          {entry.options.map((o) => (
            <option key={String(o.value)} value={String(o.value)}>
              {o.label}
            </option>
          ))}
        </optgroup>
      );
    }
    flat.push(entry);
    return (
      <option key={String(entry.value)} value={String(entry.value)}>
        {entry.label}
      </option>
    );
  });
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={standIn === undefined ? String(value) : ''}
        onChange={(e) => {
          const picked = flat.find((o) => String(o.value) === e.target.value);
          if (picked) onChange(picked.value);
        }}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        {standIn !== undefined && (
          <option value="" disabled>
            {standIn}
          </option>
        )}
        {groups}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A typed value, committed on Enter or when focus leaves. A bad value shows a message and
 * changes nothing; `commit` parses and applies, returning the reason it refused, or null.
 * The refused text is kept and `check` reads it again when the field is drawn, so a language
 * switch rewords its message, the field's own name included.
 */
interface TextFieldProps {
  label: string;
  value: string;
  /** parses and applies the text; its refusal (coded), or null */
  commit(text: string): Problem | null;
  /** what is wrong with the text, read with the field's current words (no side effect), or null */
  check(text: string): Problem | null;
  inputMode?: 'decimal' | 'numeric';
  hint?: string;
  width?: string;
  children?: ReactNode;
}

function TextField(props: TextFieldProps) {
  const id = useId();
  const { label, value, commit, check, inputMode = 'decimal', hint, width, children } = props;
  const [text, setText] = useState(value);
  const [refused, setRefused] = useState<{ text: string; problem: Problem } | null>(null);
  useT();
  const problem = refused && (check(refused.text) ?? refused.problem);
  // follow the store when the value changes from elsewhere (a preset, a new seed)
  useEffect(() => {
    setText(value);
    setRefused(null);
  }, [value]);
  const apply = () => {
    if (text === value && !refused) return;
    const trimmed = text.trim();
    const refusal = commit(trimmed);
    setRefused(refusal === null ? null : { text: trimmed, problem: refusal });
  };
  const describedBy = [problem ? `${id}-problem` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field__row">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          spellCheck={false}
          autoComplete="off"
          value={text}
          style={width ? { width } : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setText(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            if (e.key === 'Escape') {
              setText(value);
              setRefused(null);
            }
          }}
        />
        {children}
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field__problem" role="alert">
          {problemText(problem)}
        </p>
      )}
      {hint && !problem && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A TextField for one setting of the engine's table: its label, the hint for what 0 means, and the
 * typed text read by the page's one rule for typed numbers (the engine's readTypedNumber: its
 * messages name the setting and suggest its example, its range is the table's); `apply` takes the
 * number and returns its refusal, or null. `label`,
 * `name` (the setting in a message) and `zero` come translated, the table's English otherwise.
 */
export function NumberField({
  value,
  setting,
  apply,
  label,
  hint,
  name = settingName(setting),
  zero = setting.zero,
  ...field
}: Omit<TextFieldProps, 'value' | 'commit' | 'check' | 'label'> & {
  value: number;
  setting: NumberSetting;
  label?: string;
  name?: string;
  zero?: string;
  apply(value: number): Problem | null;
}) {
  const read = (text: string) => readTypedNumber(text, setting, name, setting.example, zero);
  const commit = (text: string) => {
    const typed = read(text);
    return typed.ok ? apply(typed.value) : typed.problem;
  };
  const check = (text: string) => {
    const typed = read(text);
    return typed.ok ? null : typed.problem;
  };
  return (
    <TextField
      {...field}
      label={label ?? setting.label}
      hint={hint ?? setting.zero}
      inputMode={setting.whole ? 'numeric' : 'decimal'}
      value={String(value)}
      commit={commit}
      check={check}
    />
  );
}

/** A one-click choice between a few values: radio buttons styled as a segmented control. */
export function Segmented<T extends string>(props: { label: string; value: T; options: readonly Option<T>[]; onChange(value: T): void; hint?: ReactNode }) {
  const name = useId();
  const { label, value, options, onChange, hint } = props;
  return (
    <div className="field">
      <div role="radiogroup" aria-label={label} className="segmented-field">
        <span className="field__label" aria-hidden="true">
          {label}
        </span>
        <div className="segmented">
          {options.map((o) => (
            <label key={o.value} className={o.value === value ? 'segmented__option is-on' : 'segmented__option'}>
              <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      </div>
      {hint && <div className="field__hint">{hint}</div>}
    </div>
  );
}
