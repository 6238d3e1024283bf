/**
 * Exercises in Step through: whether the stepper hides the current step's results for the learner
 * to compute, the exercise set that says which steps and cells to ask, and each pass's progress.
 * The views grade an answer (src/app/exercise/grading.ts); the slice records it and owns the rule
 * that the third wrong try reveals the answer.
 */
import type { CoreState } from './coreState';
import type { SliceCreator } from './sliceCreator';

/** Wrong tries before a cell's answer is revealed. */
export const EXERCISE_TRIES = 3;

export interface ExerciseAsk {
  /** a step id of the pass: forward-z-1, cost, bp1-2, bp2-1, bp3-2, bp4-1, update-1 … */
  step: string;
  /** which of the step's result cells to ask, 1-based in reading order; null for all of them */
  cells: number[] | null;
}

export interface ExerciseSetSummary {
  id: string;
  title: string;
  ask: ExerciseAsk[];
}

export type CellOutcome = 'open' | 'right' | 'revealed';

export interface CellProgress {
  /** the step id and the cell's name as the CSV prints them */
  step: string;
  cell: string;
  correct: number;
  answers: string[];
  outcome: CellOutcome;
}

export interface ExerciseState {
  on: boolean;
  /** null: every step's result cells are asked */
  set: ExerciseSetSummary | null;
  /** pass key ("run 3, epoch 0") → cell key → progress */
  progress: Record<string, Record<string, CellProgress>>;
}

export interface ExerciseSlice {
  exercise: ExerciseState;
  setExerciseOn(on: boolean): void;
  /** a new set starts its progress afresh */
  setExerciseSet(set: ExerciseSetSummary | null): void;
  /** records one try at a cell; returns its progress after the try */
  recordAttempt(pass: string, key: string, cell: Pick<CellProgress, 'step' | 'cell' | 'correct'>, answer: string, right: boolean): CellProgress;
}

export const createExerciseSlice: SliceCreator<ExerciseSlice, CoreState> = (set, get) => ({
  exercise: { on: false, set: null, progress: {} },
  setExerciseOn(on) {
    if (get().exercise.on !== on) set({ exercise: { ...get().exercise, on } });
  },
  setExerciseSet(exerciseSet) {
    set({ exercise: { ...get().exercise, set: exerciseSet, progress: {} } });
  },
  recordAttempt(pass, key, cell, answer, right) {
    const { exercise } = get();
    const before = exercise.progress[pass]?.[key] ?? { ...cell, answers: [], outcome: 'open' as const };
    if (before.outcome !== 'open') return before;
    const answers = [...before.answers, answer];
    const outcome: CellOutcome = right ? 'right' : answers.length >= EXERCISE_TRIES ? 'revealed' : 'open';
    const after: CellProgress = { ...before, answers, outcome };
    set({ exercise: { ...exercise, progress: { ...exercise.progress, [pass]: { ...exercise.progress[pass], [key]: after } } } });
    return after;
  },
});
