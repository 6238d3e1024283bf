/**
 * Lingui set up for the page: only the chosen language's catalog is loaded (each catalog is its own
 * chunk, compiled at build time); switching loads the other on demand. <html lang> and the title follow.
 */
import { i18n } from '@lingui/core';
import { useSyncExternalStore } from 'react';
import type { MessageKey } from './catalogs/keys';
import { type Language, isLanguage } from './languages';

export type { MessageKey };

const CATALOGS: Record<Language, () => Promise<{ default: Parameters<typeof i18n.load>[1] }>> = {
  en: () => import('virtual:catalog/en'),
  'zh-CN': () => import('virtual:catalog/zh-CN'),
};

const loaded = new Set<Language>();

/** Loads a language's catalog if needed and makes it the page's language; nothing else on the page changes. */
export async function switchLanguage(language: Language): Promise<void> {
  if (!loaded.has(language)) {
    i18n.load(language, (await CATALOGS[language]()).default);
    loaded.add(language);
  }
  i18n.activate(language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.title = t('page.title');
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.locale) ? i18n.locale : 'en';
}

/** A message in the page's language; values fill its ICU placeholders (numbers come pre-formatted by views/format.ts). */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  return i18n._(key, values);
}

/** "a, b and c" (English) or "a、b和 c" (Chinese); one item alone, none empty. */
export function listText(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return t('text.list', { count: items.length, first: items.slice(0, -1).join(t('text.listSeparator')), last: items[items.length - 1] });
}

const subscribe = (onChange: () => void) => i18n.on('change', onChange);

/** t() for components: re-renders the component when the language changes. */
export function useT(): typeof t {
  useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  return t;
}
