/** The gate comparison as CSV: one line per gate and derivative, numbers at full precision. */
import type { GateName, ModeSummary, SweepSummary } from '../../engine';

export interface GateComparisonEntry {
  gate: GateName;
  /** epochs each start trained */
  epochs: number;
  summary: SweepSummary;
}

const HEADER = [
  'gate',
  'derivative',
  'starts',
  'first_seed',
  'last_seed',
  'epochs',
  'successes',
  'success_rate',
  'wilson95_low',
  'wilson95_high',
  'median_final_cost',
  'diverged',
];

export function gateComparisonCsv(entries: readonly GateComparisonEntry[]): string {
  const line = ({ gate, epochs, summary }: GateComparisonEntry, mode: ModeSummary) =>
    [
      gate,
      mode.derivative,
      summary.starts,
      summary.firstSeed,
      summary.firstSeed + summary.starts - 1,
      epochs,
      mode.successes,
      mode.rate,
      mode.low,
      mode.high,
      mode.medianFinalCost,
      mode.diverged,
    ].join(',');
  return `${[HEADER.join(','), ...entries.flatMap((entry) => [line(entry, entry.summary.correct), line(entry, entry.summary.buggy)])].join('\n')}\n`;
}
