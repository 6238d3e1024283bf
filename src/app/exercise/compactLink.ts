/**
 * The compact inline form of an `exercise=` link: a shipped set's name, then optionally its sample
 * and the steps to ask, e.g. `exercise=question-one-pass:3:bp1-2,bp2-1.1.2` (sample 3; all of
 * BP1's result cells; cells 1 and 2 of BP2 at layer 1). The set's own validation checks the steps.
 */
import { type EngineMessage, type ParseResult, engineMessage } from '../../engine';

export interface CompactExercise {
  name: string;
  /** overrides the set's sample: counted from 1, or 'batch' */
  sample?: number | 'batch';
  /** overrides the set's ask list */
  ask?: Array<{ step: string; cells?: number[] }>;
}

export function readCompactExercise(value: string): ParseResult<CompactExercise, EngineMessage> {
  const [name, sampleText, askText, ...extra] = value.split(':');
  if (extra.length > 0) return { ok: false, error: engineMessage('exerciseLinkShape', { value }) };
  const compact: CompactExercise = { name };
  if (sampleText !== undefined && sampleText !== '') {
    if (sampleText === 'batch') compact.sample = 'batch';
    else if (/^\d{1,6}$/.test(sampleText) && Number(sampleText) >= 1) compact.sample = Number(sampleText);
    else return { ok: false, error: engineMessage('exerciseLinkSample', { value, sample: sampleText.slice(0, 12) }) };
  }
  if (askText !== undefined && askText !== '') {
    compact.ask = [];
    for (const item of askText.split(',')) {
      const [step, ...cells] = item.split('.');
      if (cells.some((c) => !/^\d{1,4}$/.test(c) || Number(c) < 1))
        return { ok: false, error: engineMessage('exerciseLinkStep', { value, item: item.slice(0, 20) }) };
      compact.ask.push(cells.length > 0 ? { step, cells: cells.map(Number) } : { step });
    }
  }
  return { ok: true, value: compact };
}

/** The shipped set's text with the link's sample and steps in place of its own, for the set's parser to check. */
export function applyCompactExercise(setText: string, compact: CompactExercise): string {
  if (compact.sample === undefined && compact.ask === undefined) return setText;
  let raw: unknown;
  try {
    raw = JSON.parse(setText);
  } catch {
    return setText; // the set's parser names the problem
  }
  if (typeof raw !== 'object' || raw === null) return setText;
  const patched: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  if (compact.sample !== undefined) patched.sample = compact.sample;
  if (compact.ask !== undefined) patched.ask = compact.ask;
  return JSON.stringify(patched);
}
