/**
 * Opening an exercise set: parse it, load its network, data and settings into the lab (the same
 * path as a worked example), then switch exercise mode on with its steps and sample. A bad set
 * changes nothing and its message names the field.
 */
import { type EngineMessage, type ParseResult, engineMessage } from '../../engine';
import type { LabStore } from '../../store/labStore';
import { type ExerciseSet, exerciseSetUrl, parseExerciseSet } from './exerciseSet';

/** Opens a set's text into the lab; a refusal (coded) names `source`, the file or link it came from. */
export function openExerciseSet(store: LabStore, text: string, source: string): ParseResult<ExerciseSet, EngineMessage> {
  const parsed = parseExerciseSet(text);
  if (!parsed.ok) return { ok: false, error: engineMessage('namedProblem', { name: source, problem: parsed.error }) };
  const set = parsed.value;
  const problem = store.getState().loadIntoLab({ network: set.network, data: set.data, options: set.options });
  if (problem) return { ok: false, error: engineMessage('namedProblem', { name: source, problem }) };
  const state = store.getState();
  state.setExerciseSet(set.summary);
  state.setExerciseOn(true);
  state.setUi({ mode: 'step' });
  // the sample applies once the set's own pass has arrived (the stepper clamps it to the data it has)
  const stop = store.subscribe((s) => {
    const passes = s.stepThrough.passes;
    if (!passes || passes.pass.count !== set.data.count || passes.network.params.join() !== set.network.params.join()) return;
    stop();
    s.selectStepSample(set.sample);
  });
  return parsed;
}

/** Fetches a set shipped in public/exercises by its name. */
export async function fetchShippedSet(name: string): Promise<ParseResult<string, EngineMessage>> {
  const url = exerciseSetUrl(name);
  if (!url) return { ok: false, error: engineMessage('exerciseBadName', { name }) };
  try {
    const response = await fetch(url);
    // a host that answers every path with the page (a single-page fallback) has no such set either
    if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html'))
      return { ok: false, error: engineMessage('exerciseNoSuchSet', { name }) };
    return { ok: true, value: await response.text() };
  } catch (err) {
    return { ok: false, error: engineMessage('exerciseUnreadable', { name, error: (err as Error).message }) };
  }
}
