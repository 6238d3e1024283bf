/** Step 4's program with each slip line marked and its fix under it (styles of the Bug lab's code panel). */
import { FIX_NOTES, FIX_PROGRAM } from './fixProgram';
import { CodeText } from '../../views/codePanel/CodeText';
import '../../views/codePanel/codePanel.css';

export function FixProgram() {
  return (
    <figure className="bl-code tour-program" aria-label="The fix, in NumPy">
      <pre className="bl-code__pre">
        <code>
          {FIX_PROGRAM.map((line, k) => ({ ...line, number: k + 1 })).map((line) => (
            // biome-ignore lint/a11y/useAriaPropsSupportedByRole: role is group exactly when aria-label is set (Biome can't read the condition)
            <span
              key={line.number}
              role={line.kind ? 'group' : undefined}
              className={`bl-code__line${line.kind ? ` bl-code__line--switch ${line.kind === 'slip' ? 'is-slip' : 'is-fixed'}` : ''}`}
              aria-label={line.kind ? `${line.kind === 'slip' ? 'the question’s line' : 'its fix'}: ${line.text.trim()}` : undefined}
            >
              <span className="bl-code__number" aria-hidden="true">
                {line.kind === 'slip' ? '−' : line.kind === 'fix' ? '+' : ''}
              </span>
              <CodeText text={line.text} />
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
      <figcaption>
        Written for this lab. <span className="bl-code__key is-slip">− the question’s line</span> <span className="bl-code__key is-fixed">+ its fix</span>
        <ul className="tour-program__notes">
          <li>{FIX_NOTES.derivative}</li>
          <li>{FIX_NOTES.divisor}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
