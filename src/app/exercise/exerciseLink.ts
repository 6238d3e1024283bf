/**
 * The page-level `exercise=` link key: a set shipped in public/exercises (optionally with its sample
 * and steps inline, src/app/exercise/compactLink.ts), opened once at start.
 * Read beside the settings codec (src/app/links), before the keeper rewrites the address; the set's
 * code loads only when a link names one.
 */
import type { LabStore } from '../../store/labStore';
import { engineMessage } from '../../engine';

/** The query the page opened with, caught before the settings keeper rewrites it. */
const OPENING_SEARCH = typeof location === 'undefined' ? '' : location.search;

const EXERCISE_LINK_KEY = 'exercise';

function exerciseNameInLink(search: string = OPENING_SEARCH): string | null {
  return new URLSearchParams(search).get(EXERCISE_LINK_KEY);
}

/** Stores the link's set was opened in (React's strict mode runs effects twice). */
const opened = new WeakSet<LabStore>();

/** Opens the set the link names, if any; a problem goes to the page's notes banner. */
export async function openLinkedExercise(store: LabStore, search: string = OPENING_SEARCH): Promise<void> {
  const name = exerciseNameInLink(search);
  if (name === null || opened.has(store)) return;
  opened.add(store);
  const [{ fetchShippedSet, openExerciseSet }, { applyCompactExercise, readCompactExercise }] = await Promise.all([
    import('./loadSet'),
    import('./compactLink'),
  ]);
  const compact = readCompactExercise(name);
  const text = compact.ok ? await fetchShippedSet(compact.value.name) : compact;
  const result = text.ok && compact.ok ? openExerciseSet(store, applyCompactExercise(text.value, compact.value), `exercise=${name}`) : text;
  if (!result.ok) store.getState().addNotes([{ key: EXERCISE_LINK_KEY, message: engineMessage('exerciseNotOpened', { error: result.error }) }]);
}
