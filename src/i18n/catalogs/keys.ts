/**
 * The catalogs' keys, typed from the English one: t() takes only these, and a key missing from
 * (or extra in) zh-CN.json fails the typecheck here. tests/i18n/catalogs.test.ts checks the same
 * at run time, plus placeholders, ICU syntax and unused keys.
 */
import type en from './en.json';
import type zhCN from './zh-CN.json';

export type MessageKey = keyof typeof en;

type Missing<A, B> = Exclude<keyof A, keyof B>;
type SameKeys<A, B> = [Missing<A, B>, Missing<B, A>] extends [never, never] ? true : { 'missing in zh-CN': Missing<A, B>; 'missing in en': Missing<B, A> };
const CATALOG_KEYS_MATCH: SameKeys<typeof en, typeof zhCN> = true;
void CATALOG_KEYS_MATCH; // checked by the compiler, read by nobody
