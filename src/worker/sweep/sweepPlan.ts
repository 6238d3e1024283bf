/**
 * The page pool's bookkeeping of a sweep: collecting per-start records as they arrive and the
 * estimate of time left. The plan, the record and the summary are the engine's (engine/sweep.ts).
 */
import { type SweepStartRecord, type SweepSummary, summarizeSweep } from '../../engine';

/** Linear extrapolation (every start trains the same epochs); null until a start has finished. */
export function estimateTimeLeftMs(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0) return null;
  if (done >= total) return 0;
  return (elapsedMs / done) * (total - done);
}

export interface SweepProgress {
  /** starts finished (each = both derivative modes) */
  done: number;
  total: number;
  elapsedMs: number;
  /** null until the first start is in */
  timeLeftMs: number | null;
  /** starts solved so far by each mode */
  solved: { correct: number; buggy: number };
}

/** Collects the records of one sweep as they arrive and reports progress. */
export class SweepCollector {
  private readonly records: SweepStartRecord[] = [];
  private readonly seen = new Set<number>();
  private readonly solved = { correct: 0, buggy: 0 };

  constructor(
    readonly total: number,
    private readonly startedAt: number,
  ) {}

  /** Adds a start's record (a repeated seed is ignored); returns whether it was new. */
  add(record: SweepStartRecord): boolean {
    if (this.seen.has(record.seed)) return false;
    this.seen.add(record.seed);
    this.records.push(record);
    if (record.correct.solved) this.solved.correct++;
    if (record.buggy.solved) this.solved.buggy++;
    return true;
  }

  get done(): number {
    return this.records.length;
  }

  get complete(): boolean {
    return this.records.length >= this.total;
  }

  progress(now: number): SweepProgress {
    const elapsedMs = Math.max(0, now - this.startedAt);
    return { done: this.done, total: this.total, elapsedMs, timeLeftMs: estimateTimeLeftMs(this.done, this.total, elapsedMs), solved: { ...this.solved } };
  }

  summary(): SweepSummary {
    return summarizeSweep(this.records);
  }
}
