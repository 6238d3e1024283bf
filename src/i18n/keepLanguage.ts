/** Keeps `lang=…` in the address bar when the language changes (the settings keeper writes it otherwise). */
import i18next from 'i18next';
import { replaceQuery } from '../app/share/browser';
import { isLanguage } from './languages';
import { withLang } from './langLink';

export function keepLanguageInAddress(): () => void {
  const onChange = (language: string) => {
    if (isLanguage(language)) replaceQuery(withLang(new URLSearchParams(window.location.search), language));
  };
  i18next.on('languageChanged', onChange);
  return () => i18next.off('languageChanged', onChange);
}
