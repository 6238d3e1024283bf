/**
 * A short from-scratch backprop in NumPy style, written for this lab, whose three slip lines follow
 * the lab's switches: BP2's f_prime(a) (buggy) or f_prime(z) (correct), the divisor len(X) (input
 * features) or X.shape[1] (samples), and the naive or the stable sigmoid. The lines that follow a
 * switch are marked; the others stay plain.
 *
 * Props: derivative ('correct' | 'buggy'), gradientDivisor ('samples' | 'features'),
 * sigmoidForm ('stable' | 'naive'), all from the current configuration.
 */
import { type DerivativeMode, type GradientDivisor, SLIPS, type SigmoidForm, type SlipId } from '../../engine';
import { DERIVATIVE_LINES, DIVISOR_LINES, SIGMOID_LINES, SNIPPET } from './snippet';
import { CodeText } from './CodeText';
import '../views.css';
import './codePanel.css';
import { type MessageKey, t, useT } from '../../i18n/setup';
import { withNodes } from '../../i18n/Rich';

export interface CodePanelProps {
  derivative: DerivativeMode;
  gradientDivisor: GradientDivisor;
  sigmoidForm: SigmoidForm;
  /** slips of the library beyond the three switches: each one's line is written its wrong way and marked */
  slips?: readonly SlipId[];
}

interface Line {
  text: string;
  /** which switch this line follows, and whether its current form is one of the question's slips */
  slot?: 'sigmoid' | 'divisor' | 'derivative' | 'library';
  slip?: boolean;
  /** a library slip's name, for the line's label */
  name?: string;
}

/** A library slip's name in the page's language (the Bug lab's catalog, by slip id). */
const slipName = (id: SlipId) => t(`bl.slip.${id}.name` as MessageKey);

/** The line of code without its indentation and # comment. */
const codeOf = (text: string) => text.split('#')[0].trim();

/** Writes each slip's line its wrong way (the update-order slip moves the update above BP2). */
function withLibrarySlips(lines: Line[], slips: readonly SlipId[]): Line[] {
  const out = [...lines];
  for (const id of slips) {
    const slip = SLIPS[id];
    if (id === 'updateOrder') {
      const update = out.findIndex((l) => codeOf(l.text) === 'W[l] -= eta * grad_W');
      const branch = out.findIndex((l) => codeOf(l.text) === 'if l > 1:');
      if (update < 0 || branch < 0) continue;
      const [moved] = out.splice(update, 1);
      out.splice(branch, 0, { text: `${moved.text}   # before BP2 reads W[l]: the slip`, slot: 'library', slip: true, name: slipName(id) });
      continue;
    }
    const at = out.findIndex((l) => codeOf(l.text) === slip.fix);
    if (at < 0) continue;
    const indent = /^\s*/.exec(out[at].text)?.[0] ?? '';
    out[at] = { text: `${indent}${slip.wrong}   # the slip`, slot: 'library', slip: true, name: slipName(id) };
  }
  return out;
}

export function CodePanel({ derivative, gradientDivisor, sigmoidForm, slips = [] }: CodePanelProps) {
  const t = useT();
  const switchLines: Line[] = SNIPPET.flatMap((line): Line[] => {
    if (typeof line === 'string') return [{ text: line }];
    if (line.slot === 'sigmoid') return SIGMOID_LINES[sigmoidForm].map((text) => ({ text, slot: 'sigmoid', slip: sigmoidForm === 'naive' }));
    if (line.slot === 'divisor') return DIVISOR_LINES[gradientDivisor].map((text) => ({ text, slot: 'divisor', slip: gradientDivisor === 'features' }));
    return DERIVATIVE_LINES[derivative].map((text) => ({ text, slot: 'derivative', slip: derivative === 'buggy' }));
  });
  const lines = withLibrarySlips(
    switchLines,
    slips.filter((id) => SLIPS[id].setting === undefined),
  );
  return (
    <figure className="bl-view bl-code" aria-label={t('code.label')}>
      <pre className="bl-code__pre" tabIndex={0}>
        <code>
          {lines
            .map((line, k) => ({ ...line, number: k + 1 }))
            .map((line) => (
              // biome-ignore lint/a11y/useAriaPropsSupportedByRole: role is group exactly when aria-label is set (Biome can't read the condition)
              <span
                key={line.number}
                role={line.slot ? 'group' : undefined}
                className={`bl-code__line${line.slot ? ` bl-code__line--switch ${line.slip ? 'is-slip' : 'is-fixed'}` : ''}`}
                data-slot={line.slot}
                aria-label={
                  line.slot
                    ? t('code.lineLabel', { name: line.name ?? t(`code.slot.${line.slot}`), slip: line.slip ? 'yes' : 'no', code: line.text.trim() })
                    : undefined
                }
              >
                <span className="bl-code__number" aria-hidden="true">
                  {line.number}
                </span>
                {line.slot ? (
                  <mark>
                    <CodeText text={line.text} />
                  </mark>
                ) : (
                  <CodeText text={line.text} />
                )}
                {'\n'}
              </span>
            ))}
        </code>
      </pre>
      <figcaption>
        {withNodes((marks) => t('code.caption', marks), {
          slip: <span className="bl-code__key is-slip">{t('code.keySlip')}</span>,
          fixed: <span className="bl-code__key is-fixed">{t('code.keyFixed')}</span>,
        })}
      </figcaption>
    </figure>
  );
}
