/** Engine messages as the CLI words them (English, from the catalog), for tests that read the sentence. */
import { type Problem, problemOf } from '../src/engine';
import { englishText } from '../src/cli/english';

export function said(problem: Problem | null | undefined): string | null {
  if (problem === null || problem === undefined) return null;
  return typeof problem === 'string' ? problem : englishText(problem);
}

/** What `run` throws, worded (an EngineError's message as the CLI prints it); '' when it does not throw. */
export function thrownText(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return said(problemOf(error)) ?? '';
  }
  return '';
}

/** A note (or null) with its message worded, to compare with the sentence it should say. */
export function wordedNote<N extends { key: string; message: Problem }>(note: N | null): { key: string; message: string | null } | null {
  return note && { key: note.key, message: said(note.message) };
}
