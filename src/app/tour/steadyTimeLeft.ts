/**
 * The gate comparison's "time left", steady and truthful. The store's estimate extrapolates each
 * gate from its own starts, the workers' slow first (warm-up) starts included, so early on it swings
 * by a minute and runs high. This one times the comparison's latest half of starts: nothing is shown
 * until a fifth of a gate's starts (at least 3) are done; then the time per start over the second
 * half of those done so far (the warm-up falls out as the run goes on), times the starts left; the
 * shown value counts down with the clock and moves a quarter of the way to each new estimate, so one
 * slow or fast start cannot make it jump.
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
  /** each report that brought new starts: starts done in all, and when */
  reports: ReadonlyArray<{ done: number; at: number }>;
  /** what is shown, and when it was worked out */
  shown: { ms: number; at: number } | null;
}

export const NOTHING_TIMED: SteadyTimeLeft = { reports: [], shown: null };
/** How much of each new estimate the shown value takes in. */
const BLEND = 0.25;
/** Starts done before any estimate is shown: a fifth of a gate's, at least 3 (the pool reports in chunks, the first ones slow). */
export const startsToTime = (total: number): number => Math.min(total, Math.max(3, Math.ceil(total / 5)));

export function steadyTimeLeft(state: SteadyTimeLeft, progress: ComparisonProgress): SteadyTimeLeft {
  const done = progress.gate * progress.total + progress.done;
  const last = state.reports[state.reports.length - 1];
  // a report with no new start (a gate's opening one) says nothing new
  if (done <= (last?.done ?? 0)) return state;
  const reports = [...state.reports, { done, at: progress.at }];
  if (done < startsToTime(progress.total)) return { reports, shown: null };
  const from = reports.find((report) => report.done >= done / 2) ?? reports[0];
  if (from.done >= done) return { reports, shown: state.shown };
  const estimate = ((progress.gates * progress.total - done) * (progress.at - from.at)) / (done - from.done);
  if (state.shown === null) return { reports, shown: { ms: estimate, at: progress.at } };
  const countedDown = state.shown.ms - (progress.at - state.shown.at);
  return { reports, shown: { ms: Math.max(0, countedDown + BLEND * (estimate - countedDown)), at: progress.at } };
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
