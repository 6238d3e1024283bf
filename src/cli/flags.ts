/**
 * Flag parsing on node:util parseArgs (strict: unknown flags and missing values are errors),
 * with its messages rewritten into one line that names the flag, plus typed value readers.
 */
import { parseArgs } from 'node:util';
import { type AnySetting, CONFIG_SETTINGS, STOP_SETTINGS, describeRange, readNumberText } from '../engine';
import { englishText } from './english';
import { UsageError } from './errors';

export interface FlagSpec {
  kind: 'string' | 'boolean';
  /** placeholder shown in help, e.g. N or FILE */
  value?: string;
  help: string;
  short?: string;
}

export type FlagTable = Readonly<Record<string, FlagSpec>>;
export type FlagValues = Record<string, string | boolean | undefined>;

/** Runs work beyond the page's budgets (a gradient check or a pass too big for the step-through) instead of refusing it. */
export const FORCE_FLAG = {
  force: { kind: 'boolean', help: "run even beyond the page's work budgets (may take long or use much memory)" },
} as const satisfies FlagTable;

/**
 * Parses argv against exactly the flags in `table`; throws UsageError naming the problem.
 * `elsewhere` lists flags of other commands, so using one here says it does not apply.
 */
export function parseFlags(command: string, argv: readonly string[], table: FlagTable, elsewhere: readonly string[] = []): FlagValues {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(table)) options[name] = spec.short ? { type: spec.kind, short: spec.short } : { type: spec.kind };
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; strict: true; allowPositionals: false; tokens: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, tokens: true });
  } catch (err) {
    throw new UsageError(rewordParseError(command, err as Error & { code?: string }, Object.keys(table), elsewhere));
  }
  // parseArgs keeps the last of a repeated flag; a link keeps the first: the CLI takes neither
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once; give it once (see: backprop-lab ${command} --help)`);
    seen.add(token.name);
  }
  return parsed.values as FlagValues;
}

function rewordParseError(command: string, err: Error & { code?: string }, known: string[], elsewhere: readonly string[]): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  const flag = quoted.split(/[ =]/)[0];
  const seeHelp = `see: backprop-lab ${command} --help`;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      if (elsewhere.includes(flag.replace(/^-+/, ''))) return `${flag} does not apply to ${command}; ${seeHelp}`;
      const word = flag.replace(/^-+/, '');
      // a link's short key typed as a flag (lr, act, …): name the flag the setting has
      const setting = [...Object.values(CONFIG_SETTINGS), ...Object.values(STOP_SETTINGS)].find((s) => s.key === word && s.flag !== null && s.flag !== word);
      if (setting && known.includes(setting.flag!))
        return `unknown flag ${flag} for ${command}: "${word}" is the setting's key in a link; its flag is --${setting.flag}; ${seeHelp}`;
      const guess = closest(word, known);
      return `unknown flag ${flag} for ${command}${guess ? ` (did you mean --${guess}?)` : ''}; ${seeHelp}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(err.message)) return `${flag} is a switch and takes no value; ${seeHelp}`;
      if (/ambiguous/.test(err.message)) return `${flag}: a value starting with "-" must be attached, as in ${flag}=-1`;
      return `${flag} needs a value; ${seeHelp}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(quoted)} (every setting is a --flag); ${seeHelp}`;
    default:
      return `${err.message.split('\n')[0]}; ${seeHelp}`;
  }
}

/** The known word nearest to `word` by edit distance, if it is close enough to be a typo. */
export function closest(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length];
}

export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  /** the bound min is excluded */
  minExclusive?: boolean;
}

/** A number flag, in the lab's one number grammar (plain decimal or exponent, as links and fields read). */
export function readNumber(flag: string, text: string, rule: NumberRule = {}): number {
  const read = readNumberText(text.trim());
  const value = read.ok ? (rule.integer && read.value === 0 ? 0 : read.value) : Number.NaN;
  const kind = rule.integer ? 'a whole number' : 'a number';
  const range =
    rule.min !== undefined && rule.max !== undefined
      ? ` ${englishText(describeRange({ whole: Boolean(rule.integer), min: rule.min, max: rule.max, minExclusive: rule.minExclusive })).replace(/^a (whole )?number /, '')}`
      : rule.min !== undefined
        ? ` ${rule.minExclusive ? 'above' : '≥'} ${rule.min}`
        : '';
  const bad =
    !Number.isFinite(value) ||
    (rule.integer && !Number.isInteger(value)) ||
    (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) ||
    (rule.max !== undefined && value > rule.max);
  if (bad) throw new UsageError(`--${flag}: expected ${kind}${range}, got ${JSON.stringify(text)}`);
  return value;
}

/**
 * One of `choices`, matched without regard to case, "-" or "_" (so cross-entropy finds crossEntropy
 * and xor finds XOR); an unknown value lists the choices and suggests the nearest.
 */
export function readChoice<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  const key = (s: string): string => s.toLowerCase().replace(/[-_]/g, '');
  const found = choices.find((c) => key(c) === key(text));
  if (found) return found;
  const guess = closest(text, choices);
  throw new UsageError(`--${flag}: unknown value ${JSON.stringify(text)}${guess ? ` (did you mean ${guess}?)` : ''}; expected one of ${choices.join(', ')}`);
}

/** A comma-separated list of whole numbers, e.g. 2,4,1; "" or "none" is the empty list. */
export function readIntList(flag: string, text: string, min: number, max: number): number[] {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return [];
  return trimmed.split(',').map((part) => {
    // plain digits, as a link writes a list of sizes
    const n = /^\d{1,6}$/.test(part.trim()) ? Number(part.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`--${flag}: expected whole numbers from ${min} to ${max} separated by commas (like 2,4,1), got ${JSON.stringify(text)}`);
    return n;
  });
}

/** A flag's value read by its setting's declaration in the engine's table (its range or choices). */
export function readSettingFlag(flag: string, setting: AnySetting, text: string): unknown {
  switch (setting.kind) {
    case 'number':
      return readNumber(flag, text, { integer: setting.whole, min: setting.min, max: setting.max, minExclusive: setting.minExclusive });
    case 'choice':
      return readChoice(flag, text, setting.choices);
    case 'list':
      return readIntList(flag, text, setting.min, setting.max);
    case 'switch':
      return true;
  }
}
