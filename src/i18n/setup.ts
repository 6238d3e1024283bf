/**
 * Lingui set up for the page: only the chosen language's catalogs are loaded, group by group
 * (catalogs/groups.ts: the `first` group before the first render, the others with the lazy part of the
 * page that needs them); switching loads the other language's groups on demand. <html lang> and the
 * title follow. Nothing else on the page changes.
 */
import { i18n } from '@lingui/core';
import { useSyncExternalStore } from 'react';
import type { CatalogGroup } from './catalogs/groups';
import type { MessageKey } from './catalogs/keys';
import type { Language } from './languages';

export type { MessageKey };

type CatalogModule = Promise<{ default: Parameters<typeof i18n.load>[1] }>;

// spelled out: the bundler makes one chunk per import it can read
const CATALOGS: Record<CatalogGroup, Record<Language, () => CatalogModule>> = {
  first: { en: () => import('virtual:catalog/first/en'), 'zh-CN': () => import('virtual:catalog/first/zh-CN') },
  tour: { en: () => import('virtual:catalog/tour/en'), 'zh-CN': () => import('virtual:catalog/tour/zh-CN') },
  step: { en: () => import('virtual:catalog/step/en'), 'zh-CN': () => import('virtual:catalog/step/zh-CN') },
  buglab: { en: () => import('virtual:catalog/buglab/en'), 'zh-CN': () => import('virtual:catalog/buglab/zh-CN') },
  errors: { en: () => import('virtual:catalog/errors/en'), 'zh-CN': () => import('virtual:catalog/errors/zh-CN') },
  stucknote: { en: () => import('virtual:catalog/stucknote/en'), 'zh-CN': () => import('virtual:catalog/stucknote/zh-CN') },
};

/** The groups some part of the page has asked for; each is kept loaded in whichever language is active. */
const wanted = new Set<CatalogGroup>(['first']);
const loaded = new Set<string>();
let language: Language = 'en';
/** bumped on every load and switch, so components re-render when their messages arrive */
let version = 0;

async function loadGroup(group: CatalogGroup, into: Language): Promise<void> {
  const id = `${group}/${into}`;
  if (loaded.has(id)) return;
  const messages = (await CATALOGS[group][into]()).default;
  if (loaded.has(id)) return;
  loaded.add(id);
  version++;
  i18n.load(into, messages);
}

/** Loads the language's catalogs of every group asked for so far, then makes it the page's language. */
export async function switchLanguage(next: Language): Promise<void> {
  // a group asked for while this one loads is loaded too before the switch
  while ([...wanted].some((group) => !loaded.has(`${group}/${next}`))) await Promise.all([...wanted].map((group) => loadGroup(group, next)));
  language = next;
  version++;
  i18n.activate(next);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = next;
    document.title = t('page.title');
  }
}

/** Loads a group's messages in the page's language (and keeps them loaded across switches); a lazy chunk awaits this. */
export function loadCatalogGroup(group: CatalogGroup): Promise<void> {
  wanted.add(group);
  return loadGroup(group, language);
}

/** A lazy part of the page together with its messages: `lazy(() => withCatalog('step', import('./X')))`. */
export async function withCatalog<M>(group: CatalogGroup, chunk: Promise<M>): Promise<M> {
  const [module] = await Promise.all([chunk, loadCatalogGroup(group)]);
  return module;
}

/** Whether a group's messages are in, in the page's language (a component re-renders through useT when they arrive). */
export function hasCatalogGroup(group: CatalogGroup): boolean {
  return loaded.has(`${group}/${language}`);
}

export function currentLanguage(): Language {
  return language;
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
const snapshot = () => version;

/** t() for components: re-renders the component when the language changes or its messages arrive. */
export function useT(): typeof t {
  useSyncExternalStore(subscribe, snapshot, snapshot);
  return t;
}
