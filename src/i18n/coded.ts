/**
 * A coded message (the engine's `{ code, values }`, engine/messages.ts) in words: its sentence is
 * `error.<code>` of the catalogs, and a value that is itself a coded message is worded first. The
 * page words it with t() in its language (messageText.ts), the CLI in English (cli/english.ts).
 */
export interface CodedMessage {
  readonly code: string;
  readonly values: Readonly<Record<string, CodedValue>>;
}
type CodedValue = string | number | CodedMessage;

export type Translate = (key: string, values: Record<string, string | number>) => string;

/**
 * Lingui decodes \uXXXX and \xXX anywhere in a result, values included; a backslash written as \u005c
 * decodes back to itself and shields what follows it, so a file's "\u0000" is shown as typed.
 */
const shielded = (text: string) => text.replaceAll('\\', '\\u005c');

export function formatCoded(message: CodedMessage, translate: Translate): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values))
    values[name] = typeof value === 'object' ? shielded(formatCoded(value, translate)) : typeof value === 'string' ? shielded(value) : value;
  return translate(`error.${message.code}`, values);
}
