/**
 * The gate comparison's "time left", steady and truthful. The store's estimate extrapolates each
 * gate from its own starts, the workers' slow first (warm-up) starts included, so early on it swings
 * by a minute and runs high. This one times the whole comparison from just after the warm-up: nothing
 * is shown until a tenth of a gate's starts (at least 3) are done; then the time per start since the
 * warm-up, times the starts left, and the shown value counts down with the clock and moves a quarter
 * of the way to each new estimate, so one slow or fast start cannot make it jump.
 */
import { useRef } from 'react';
import { COMPARED_GATES, type GateName } from '../../engine';
import type { SweepProgress } from '../../worker/sweep/sweepPlan';

export interface ComparisonProgress {
  /** the running gate, from 0, of `gates` */
  gate: number;
  gates: number;
  /** starts done of the running gate's `total` */
  done: number;
  total: number;
  /** when (ms on any steady clock) */
  at: number;
}

export interface SteadyTimeLeft {
  /** the first moment after the warm-up, from which starts are timed */
  from: { done: number; at: number } | null;
  /** what is shown, when it was worked out, and at how many starts done in all */
  shown: { ms: number; at: number; done: number } | null;
}

export const NOTHING_TIMED: SteadyTimeLeft = { from: null, shown: null };
/** How much of each new estimate the shown value takes in. */
const BLEND = 0.25;
/** Starts done before any estimate is shown: a tenth of a gate's, at least 3. */
export const startsToTime = (total: number): number => Math.min(total, Math.max(3, Math.ceil(total / 10)));
/** Starts left out of the timing as the workers' warm-up: a third of those. */
const warmUpStarts = (total: number): number => Math.max(1, Math.floor(startsToTime(total) / 3));

export function steadyTimeLeft(state: SteadyTimeLeft, progress: ComparisonProgress): SteadyTimeLeft {
  const done = progress.gate * progress.total + progress.done;
  const left = progress.gates * progress.total - done;
  const from = state.from ?? (done >= warmUpStarts(progress.total) ? { done, at: progress.at } : null);
  // a report with no new start (a gate's opening one) says nothing new
  if (from === null || done < startsToTime(progress.total) || done <= from.done || done <= (state.shown?.done ?? 0)) return { from, shown: state.shown };
  const estimate = (left * (progress.at - from.at)) / (done - from.done);
  if (state.shown === null) return { from, shown: { ms: estimate, at: progress.at, done } };
  const countedDown = state.shown.ms - (progress.at - state.shown.at);
  return { from, shown: { ms: Math.max(0, countedDown + BLEND * (estimate - countedDown)), at: progress.at, done } };
}

/** A gate comparison as the store keeps it (bugLab.gates). */
interface GateComparisonRun {
  status: string;
  gate: GateName | null;
  progress: SweepProgress | null;
}

/** The steady time left of the store's gate comparison (null until one is worth showing, or when none runs). */
export function useComparisonTimeLeft(gates: GateComparisonRun): number | null {
  const progress = gates.status === 'running' && gates.gate !== null ? gates.progress : null;
  const latest = useRef<{ progress: SweepProgress | null; state: SteadyTimeLeft }>({ progress: null, state: NOTHING_TIMED });
  // each progress report is taken in once (a second render of the same one changes nothing)
  if (progress !== latest.current.progress) {
    const gate = gates.gate === null ? 0 : COMPARED_GATES.indexOf(gates.gate);
    const state =
      progress === null
        ? NOTHING_TIMED
        : steadyTimeLeft(latest.current.state, { gate, gates: COMPARED_GATES.length, done: progress.done, total: progress.total, at: performance.now() });
    latest.current = { progress, state };
  }
  return latest.current.state.shown?.ms ?? null;
}
