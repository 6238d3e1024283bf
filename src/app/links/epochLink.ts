/**
 * The run's epoch in a copied link (`epoch=25`). Runs are reproducible from their settings and
 * seed, so the page that opens the link retrains the same run to that epoch. A run whose training
 * settings changed mid-run (the cost curve's markers) or whose weight was typed in is not its
 * settings alone, nor is a run on your own data or from a loaded network file: its link carries no
 * epoch and opens at epoch 0, and Copy link says so.
 */
import { STOP_SETTINGS, activationsOf, initializeNetwork, sizesOf } from '../../engine';
import type { LabState } from '../../store/types';

const EPOCH_KEY = 'epoch';
/** Longest epoch text read (the largest stop limit has 7 digits). */
const MAX_EPOCH_TEXT = 12;

export interface EpochParam {
  /** the epoch to retrain to (already capped at the stop limit), or null (none asked, or a bad value) */
  epoch: number | null;
  /** the refused value (cut to 12 characters) when it was not a whole number ≥ 0 */
  refused: string | null;
  /** the epoch asked for when it was past the run's stop limit (it opens at the limit then) */
  capped: number | null;
}

/** Reads `epoch=` out of a query; `limit` is the run's "Stop after" (0: none, so the largest one allowed). */
export function readEpochParam(search: string, limit: number): EpochParam {
  let values: string[];
  try {
    values = new URLSearchParams(search).getAll(EPOCH_KEY);
  } catch {
    return { epoch: null, refused: null, capped: null };
  }
  if (values.length === 0) return { epoch: null, refused: null, capped: null };
  const text = values[0];
  if (!/^\d+$/.test(text) || text.length > MAX_EPOCH_TEXT)
    return { epoch: null, refused: text.length > MAX_EPOCH_TEXT ? `${text.slice(0, MAX_EPOCH_TEXT)}…` : text, capped: null };
  const asked = Number(text);
  const cap = limit > 0 ? limit : STOP_SETTINGS.maxEpochs.max;
  if (asked > cap) return { epoch: cap, refused: null, capped: asked };
  return { epoch: asked === 0 ? null : asked, refused: null, capped: null };
}

type EpochState = Pick<LabState, 'run' | 'costMarkers' | 'editedRunId' | 'config' | 'data' | 'initialNetwork'>;

/**
 * Whether the run starts where its settings and seed start it: a named dataset (a link does not carry
 * your data, an exercise's or an example's) and the network the seed draws (not one loaded from a file).
 */
function startsFromSettings({ config, data, initialNetwork }: EpochState): boolean {
  if (!data || data.kind === 'custom' || !initialNetwork) return false;
  const drawn = initializeNetwork(sizesOf(config, data), activationsOf(config), config.init, config.seed, config.leakySlope);
  const same = <T>(a: ArrayLike<T>, b: ArrayLike<T>) => a.length === b.length && Array.from(a).every((value, k) => Object.is(value, b[k]));
  return same(drawn.sizes, initialNetwork.sizes) && same(drawn.activations, initialNetwork.activations) && same(drawn.params, initialNetwork.params);
}

/** Whether the run's settings and seed alone retrain it to where it stands (its own start, no mid-run changes, no weight typed in). */
export const epochReplayable = (state: EpochState): boolean =>
  state.costMarkers.length === 0 && state.editedRunId !== state.run.runId && startsFromSettings(state);

/** The query with the run's epoch on it: none at epoch 0, nor when the run cannot be replayed from the link. */
export function withEpoch(query: URLSearchParams, state: EpochState): URLSearchParams {
  const next = new URLSearchParams(query);
  next.delete(EPOCH_KEY);
  if (state.run.epoch > 0 && epochReplayable(state)) next.set(EPOCH_KEY, String(state.run.epoch));
  return next;
}
