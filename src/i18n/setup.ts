/**
 * i18next set up for the page: only the chosen language's catalog is loaded (each catalog is its
 * own chunk); switching loads the other on demand. The <html lang> and the title follow the language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalog } from './catalogs/en';
import { type Language, isLanguage } from './languages';

const CATALOGS: Record<Language, () => Promise<Catalog>> = {
  en: () => import('./catalogs/en').then((m) => m.en),
  'zh-CN': () => import('./catalogs/zh-CN').then((m) => m.zhCN),
};

/** Starts i18next in one language with that language's catalog (no other is fetched). */
export async function startI18n(language: Language, catalog?: Catalog): Promise<void> {
  const messages = catalog ?? (await CATALOGS[language]());
  await i18next.use(initReactI18next).init({
    lng: language,
    resources: { [language]: { translation: messages } },
    fallbackLng: false,
    // flat keys such as "settings.lr.label": the dots are part of the name
    keySeparator: false,
    nsSeparator: false,
    // React escapes what it renders
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });
  followLanguage(language);
  i18next.on('languageChanged', (next) => {
    if (isLanguage(next)) followLanguage(next);
  });
}

/** Loads the other catalog if needed, then switches; nothing else on the page changes. */
export async function switchLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await CATALOGS[language]());
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

function followLanguage(language: Language) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = i18next.t('page.title');
}
