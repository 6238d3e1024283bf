/** A coded message (an engine refusal, a file's problem) in the page's language. */
import { type CodedMessage, formatCoded } from './coded';
import { type MessageKey, t } from './setup';

export function messageText(message: CodedMessage): string {
  return formatCoded(message, (key, values) => t(key as MessageKey, values));
}

/** A problem the page shows: a coded message in the page's language, or a text that came worded (a fault's own message); null stays null. */
export function problemText(problem: CodedMessage | string): string;
export function problemText(problem: CodedMessage | string | null): string | null;
export function problemText(problem: CodedMessage | string | null): string | null {
  if (problem === null) return null;
  return typeof problem === 'string' ? problem : messageText(problem);
}
