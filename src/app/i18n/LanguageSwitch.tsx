/** The language switch (end of the tabs row, under the header): English or 简体中文, each named in its own language. */
import { browserStorage } from '../browser/browser';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, rememberLanguage } from '../../i18n/languages';
import { currentLanguage, switchLanguage, useT } from '../../i18n/setup';
import './languageSwitch.css';

const LANGUAGE_SWITCH_NAME = 'Language / 语言';

export function LanguageSwitch() {
  // re-render when the language changes
  useT();
  return (
    <select
      className="language-switch"
      aria-label={LANGUAGE_SWITCH_NAME}
      title={LANGUAGE_SWITCH_NAME}
      value={currentLanguage()}
      onChange={(event) => {
        const next = event.target.value;
        if (!isLanguage(next)) return;
        rememberLanguage(browserStorage(), next);
        void switchLanguage(next);
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </select>
  );
}
