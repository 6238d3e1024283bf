/**
 * The user's data into the lab, with one outcome whatever happens to the worker on the way. A
 * worker that fails mid-load is restarted by the supervisor (src/store/workerSupervisor.ts) with
 * the data the lab holds at that moment: if that is already this data, it loaded; if not, the load
 * goes once more to the new worker. Only the engine's own refusal, or a second failure, is an error.
 */
import { type Dataset, EngineError, type Problem, problemOf } from '../../engine';
import type { LabStore } from '../../store/labStore';

/** Whether the lab's data has exactly these samples (the worker's copy is a clone, not the same object). */
function holds(lab: Dataset | null, data: Dataset): boolean {
  if (lab?.kind !== 'custom' || lab.count !== data.count || lab.inputSize !== data.inputSize || lab.outputSize !== data.outputSize) return false;
  const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((value, k) => Object.is(value, b[k]));
  return same(lab.inputs, data.inputs) && same(lab.targets, data.targets);
}

/** Resolves to null once the lab trains on `data`, else to why it does not. */
export async function loadUserData(store: LabStore, data: Dataset): Promise<Problem | null> {
  const attempt = () =>
    store
      .getState()
      .loadData(data)
      .then(
        () => null,
        (error: unknown) => error,
      );
  const failure = await attempt();
  if (failure === null) return null;
  // the engine refused the data; anything else means the worker went away before it answered,
  // and the supervisor has already started the next one
  if (failure instanceof EngineError && failure.detail.code !== 'workerFailedUnanswered') return problemOf(failure);
  if (holds(store.getState().data, data)) return null;
  const again = await attempt();
  return again === null ? null : problemOf(again);
}
