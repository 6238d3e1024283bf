/**
 * The exercise sets shipped in public/exercises and their words: a shipped set's title and
 * description come from the catalogs by its id (a set from a file keeps its own text). Kept apart
 * from the set reader so the settings panel can name a loaded set without loading the reader.
 */
import { type MessageKey, t as translate } from '../../i18n/setup';

/** The sets shipped in public/exercises (tests check each file's title against these). */
export const SHIPPED_EXERCISE_SETS = [
  { id: 'question-one-pass', title: 'One pass of the question’s network' },
  { id: 'bp2-by-hand', title: 'BP2 by hand, correct and buggy' },
] as const;

/** A shipped set's title or description in the page's language; a set the catalogs lack keeps `own`. */
export function shippedSetText(id: string, part: 'title' | 'description', own: string): string {
  const key = `exercise.shipped.${id}.${part}`;
  const text = translate(key as MessageKey);
  return text === key ? own : text;
}

/** A loaded dataset's name as shown: a shipped set's data is named by its title, in the page's language. */
export function loadedDataName(name: string): string {
  const shipped = SHIPPED_EXERCISE_SETS.find((set) => set.title === name);
  return shipped ? shippedSetText(shipped.id, 'title', name) : name;
}
