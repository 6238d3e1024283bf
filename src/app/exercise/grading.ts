/**
 * Grading a typed answer: it is right within 1e-3 of the value, relatively, or when it agrees with
 * the value to 3 significant digits (so 0.0831 is right for 0.08314, and 0 for 0).
 */
import type { CellProgress } from '../../store/exerciseSlice';

const RELATIVE_TOLERANCE = 1e-3;
const SIGNIFICANT_DIGITS = 3;

/** A typed number: a true minus (−) or a hyphen, a decimal point or comma, e-notation; null if it is not one. */
export function readAnswer(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, '');
  const normal = /^[-+]?\d*,\d+$/.test(cleaned) ? cleaned.replace(',', '.') : cleaned;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

export type Grade = 'right' | 'wrong' | 'unreadable';

export function gradeAnswer(text: string, value: number): Grade {
  const answer = readAnswer(text);
  if (answer === null) return 'unreadable';
  if (!Number.isFinite(value)) return 'wrong';
  if (Math.abs(answer - value) <= RELATIVE_TOLERANCE * Math.abs(value)) return 'right';
  return answer.toPrecision(SIGNIFICANT_DIGITS) === value.toPrecision(SIGNIFICANT_DIGITS) || (answer === 0 && value === 0) ? 'right' : 'wrong';
}

export interface ScoreSummary {
  asked: number;
  right: number;
  /** right at the first try */
  firstTry: number;
  revealed: number;
}

export function scoreOf(cells: readonly CellProgress[]): ScoreSummary {
  return {
    asked: cells.length,
    right: cells.filter((c) => c.outcome === 'right').length,
    firstTry: cells.filter((c) => c.outcome === 'right' && c.answers.length === 1).length,
    revealed: cells.filter((c) => c.outcome === 'revealed').length,
  };
}

const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** One row per cell tried: pass, step, cell, the value, the answers in order, tries and outcome. */
export function scoreCsv(progress: Record<string, Record<string, CellProgress>>): string {
  const lines = ['pass,step,cell,value,answers,tries,outcome'];
  for (const [pass, cells] of Object.entries(progress)) {
    for (const cell of Object.values(cells)) {
      lines.push([pass, cell.step, cell.cell, String(cell.correct), cell.answers.join(' | '), String(cell.answers.length), cell.outcome].map(quote).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
