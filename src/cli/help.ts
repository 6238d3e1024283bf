/** Help text generated from the flag tables, so help and parsing never disagree. */
import type { FlagTable } from './flags';

export const COMMON_FLAGS = {
  json: { kind: 'boolean', help: 'print one JSON object instead of the readable report' },
  help: { kind: 'boolean', short: 'h', help: 'show this help' },
} as const satisfies FlagTable;

export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

export function helpText(usage: string, summary: string, table: FlagTable, notes: readonly string[] = []): string {
  const names = Object.entries(table).map(([name, spec]) => `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`);
  const width = Math.max(...names.map((n) => n.length));
  const flags = Object.values(table).map((spec, k) => `  ${names[k].padEnd(width)}  ${spec.help}`);
  return [`usage: ${usage}`, '', summary, '', 'flags:', ...flags, ...(notes.length ? ['', ...notes] : []), ''].join('\n');
}

/** A copy of `table` without the named flags (commands where they would have no effect). */
export function without<T extends FlagTable, K extends keyof T>(table: T, ...names: K[]): Omit<T, K> {
  const copy: Record<string, unknown> = { ...table };
  for (const name of names) delete copy[name as string];
  return copy as Omit<T, K>;
}
