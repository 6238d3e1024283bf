/**
 * The page's language in the link (`lang=zh-CN` or `lang=en`). Like `tour`, a page key kept apart
 * from the settings codec: read off the query before the settings, written back on top of them.
 */
import { LANGUAGE_NAMES, type Language, isLanguage } from './languages';
import { currentLanguage, t } from './setup';

const LANG_KEY = 'lang';

export interface LangParam {
  /** the query without its lang key, for the settings codec */
  search: string;
  /** the language the link asks for, or null */
  language: Language | null;
  /** the refused value (cut to 12 characters), or null when there was none or it was good */
  refused: string | null;
}

export function readLangParam(search: string): LangParam {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { search, language: null, refused: null };
  }
  const values = params.getAll(LANG_KEY);
  if (values.length === 0) return { search, language: null, refused: null };
  params.delete(LANG_KEY);
  const text = values[0];
  if (isLanguage(text)) return { search: params.toString(), language: text, refused: null };
  return { search: params.toString(), language: null, refused: text.length > 12 ? `${text.slice(0, 12)}…` : text };
}

/** The query with the page's language on it. */
export function withLang(query: URLSearchParams, language: Language): URLSearchParams {
  const next = new URLSearchParams(query);
  next.set(LANG_KEY, language);
  return next;
}

/** The note for a refused lang value, in the page's language (the language is started before the store). */
export function langNotes(param: LangParam): Array<{ key: string; message: string }> {
  if (param.refused === null) return [];
  return [{ key: LANG_KEY, message: t('link.badLang', { shown: param.refused, kept: LANGUAGE_NAMES[currentLanguage()] }) }];
}

/** A link to share (the settings codec's) with the sender's language on it. */
export function linkWithLang(href: string, language: Language): string {
  const url = new URL(href);
  url.search = withLang(url.searchParams, language).toString();
  return url.toString();
}
