/**
 * The page's two languages, which one a visitor gets, and where the choice is kept. Pure but for
 * the storage passed in, so Node tests can drive it; the i18n library lives in setup.ts.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself: the switch shows these whatever the page's language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export const LANGUAGE_STORAGE_KEY = 'backprop-lab/language/v1';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's languages the page speaks: zh, zh-Hans…, zh-CN, zh-SG give 简体中文; else English. */
export function languageOfBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-hans') || lower === 'zh-cn' || lower === 'zh-sg') return 'zh-CN';
    // Traditional Chinese (zh-TW, zh-HK, zh-Hant) is not offered: look further down the list
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The language this visitor chose with the switch, or null (never chose, or storage blocked). */
export function chosenLanguage(storage: KeyValueStorage | null): Language | null {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remembers a choice; blocked storage only means the next visit asks the browser again. */
export function rememberLanguage(storage: KeyValueStorage | null, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // nothing to keep it in: harmless, the link still carries the language
  }
}

/** The visitor's own choice first, then the link's (a shared link opens in the sender's language), then the browser's. */
export function startLanguage(chosen: Language | null, fromLink: Language | null, preferred: readonly string[]): Language {
  return chosen ?? fromLink ?? languageOfBrowser(preferred);
}
