/**
 * The catalogs' keys, typed from the English files: t() takes only these, and a key missing from (or
 * extra in) a zh-CN file fails the typecheck here, area by area. tests/i18n/catalogs.test.ts checks the
 * same at run time, plus placeholders, ICU syntax, keys in two areas and unused keys.
 */
import type enBuglab from './en/buglab.json';
import type enCode from './en/code.json';
import type enPagelinks from './en/pagelinks.json';
import type enCore from './en/core.json';
import type enGraph from './en/graph.json';
import type enPlots from './en/plots.json';
import type enErrors from './en/errors.json';
import type enShell from './en/shell.json';
import type enStep from './en/step.json';
import type enTour from './en/tour.json';
import type enRunstate from './en/runstate.json';
import type enStucknote from './en/stucknote.json';
import type enLayout from './en/layout.json';
import type zhBuglab from './zh-CN/buglab.json';
import type zhCode from './zh-CN/code.json';
import type zhPagelinks from './zh-CN/pagelinks.json';
import type zhCore from './zh-CN/core.json';
import type zhGraph from './zh-CN/graph.json';
import type zhPlots from './zh-CN/plots.json';
import type zhErrors from './zh-CN/errors.json';
import type zhShell from './zh-CN/shell.json';
import type zhStep from './zh-CN/step.json';
import type zhTour from './zh-CN/tour.json';
import type zhRunstate from './zh-CN/runstate.json';
import type zhStucknote from './zh-CN/stucknote.json';
import type zhLayout from './zh-CN/layout.json';

export type MessageKey =
  | keyof typeof enCore
  | keyof typeof enShell
  | keyof typeof enErrors
  | keyof typeof enPlots
  | keyof typeof enGraph
  | keyof typeof enTour
  | keyof typeof enStep
  | keyof typeof enBuglab
  | keyof typeof enCode
  | keyof typeof enPagelinks
  | keyof typeof enRunstate
  | keyof typeof enStucknote
  | keyof typeof enLayout;

type Missing<A, B> = Exclude<keyof A, keyof B>;
type SameKeys<A, B> = [Missing<A, B>, Missing<B, A>] extends [never, never] ? true : { 'missing in zh-CN': Missing<A, B>; 'missing in en': Missing<B, A> };
const CATALOG_KEYS_MATCH: [
  SameKeys<typeof enCore, typeof zhCore>,
  SameKeys<typeof enShell, typeof zhShell>,
  SameKeys<typeof enErrors, typeof zhErrors>,
  SameKeys<typeof enPlots, typeof zhPlots>,
  SameKeys<typeof enGraph, typeof zhGraph>,
  SameKeys<typeof enTour, typeof zhTour>,
  SameKeys<typeof enStep, typeof zhStep>,
  SameKeys<typeof enBuglab, typeof zhBuglab>,
  SameKeys<typeof enCode, typeof zhCode>,
  SameKeys<typeof enPagelinks, typeof zhPagelinks>,
  SameKeys<typeof enRunstate, typeof zhRunstate>,
  SameKeys<typeof enStucknote, typeof zhStucknote>,
  SameKeys<typeof enLayout, typeof zhLayout>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
void CATALOG_KEYS_MATCH; // checked by the compiler, read by nobody
