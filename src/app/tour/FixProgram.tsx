/** Step 4's program with each slip line marked and its fix under it (styles of the Bug lab's code panel). */
import { FIX_PROGRAM } from './fixProgram';
import { CodeText } from '../../views/codePanel/CodeText';
import { useT } from '../../i18n/setup';
import '../../views/codePanel/codePanel.css';

export function FixProgram() {
  const t = useT();
  return (
    <figure className="bl-code tour-program" aria-label={t('fix.label')}>
      <pre className="bl-code__pre">
        <code>
          {FIX_PROGRAM.map((line, k) => ({ ...line, number: k + 1 })).map((line) => (
            // biome-ignore lint/a11y/useAriaPropsSupportedByRole: role is group exactly when aria-label is set (Biome can't read the condition)
            <span
              key={line.number}
              role={line.kind ? 'group' : undefined}
              className={`bl-code__line${line.kind ? ` bl-code__line--switch ${line.kind === 'slip' ? 'is-slip' : 'is-fixed'}` : ''}`}
              aria-label={line.kind ? t(line.kind === 'slip' ? 'fix.slipLine' : 'fix.fixLine', { code: line.text.trim() }) : undefined}
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
        {t('fix.written')} <span className="bl-code__key is-slip">{t('fix.keySlip')}</span> <span className="bl-code__key is-fixed">{t('fix.keyFix')}</span>
        <ul className="tour-program__notes">
          <li>{t('fix.noteDerivative')}</li>
          <li>{t('fix.noteDivisor')}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
