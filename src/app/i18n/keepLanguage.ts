/** Keeps `lang=…` in the address bar when the language changes (the settings keeper writes it otherwise). */
import { i18n } from '@lingui/core';
import { replaceQuery } from '../browser/browser';
import { withLang } from '../../i18n/langLink';
import { currentLanguage } from '../../i18n/setup';

export function keepLanguageInAddress(): () => void {
  return i18n.on('change', () => replaceQuery(withLang(new URLSearchParams(window.location.search), currentLanguage())));
}
