/**
 * TeX built from numbers: every number goes through `TexLine.num`, which reads it from the record,
 * prints it with four significant digits and remembers its ref, so a line's numbers can be traced
 * (and tested) back to the PassRecord. No user text ever reaches these strings.
 */
import { format } from 'd3';
import type { TexLine, ValueRef } from './types';
import { t } from '../../i18n/setup';

const fixed = format('.4~g');
const exponent = format('.3~e');

/** A number as TeX: 0.7311, −0.25, 1.23 × 10⁻⁵, ∞. */
function texNumber(value: number): string {
  if (Number.isNaN(value)) return '\\text{NaN}';
  if (value === Infinity) return '\\infty';
  if (value === -Infinity) return '-\\infty';
  if (value === 0) return '0';
  const size = Math.abs(value);
  // d3 prints a true minus (U+2212); TeX wants the ASCII hyphen, which it sets as a minus
  if (size >= 1e-3 && size < 1e4) return fixed(value).replace(/\u2212/g, '-');
  const [mantissa, power] = exponent(value)
    .replace(/\u2212/g, '-')
    .split('e');
  return `${mantissa}\\times10^{${Number(power)}}`;
}

/** Builds one line of TeX whose numbers are read through `read` and recorded in order. */
export class TexLineBuilder {
  readonly refs: ValueRef[] = [];
  constructor(
    private readonly read: (ref: ValueRef) => number,
    /** numbers the record left out for its size: printed as "not kept" */
    private readonly missing?: (ref: ValueRef) => boolean,
  ) {}

  /** The number at `ref`; negative (or exponent-form) numbers in parentheses when `paren`. */
  num(ref: ValueRef, paren = false): string {
    const value = this.read(ref);
    this.refs.push(ref);
    if (this.missing?.(ref)) return `\\text{${t('step.notKept')}}`;
    const tex = texNumber(value);
    return paren && (value < 0 || tex.includes('\\times')) ? `(${tex})` : tex;
  }
}

export function texLine(read: (ref: ValueRef) => number, build: (t: TexLineBuilder) => string, missing?: (ref: ValueRef) => boolean): TexLine {
  const builder = new TexLineBuilder(read, missing);
  const tex = build(builder);
  return { tex, refs: builder.refs };
}

/** Largest number of rows or columns a typeset matrix shows before it elides with dots. */
const TEX_MATRIX_LIMIT = 5;

/**
 * A pmatrix of rows × cols, calling `cell` in reading order for the cells shown; beyond `limit`
 * the last shown row/column becomes ⋮ / ⋯ so big layers stay one line.
 */
export function texMatrix(rows: number, cols: number, cell: (r: number, c: number) => string, limit = TEX_MATRIX_LIMIT): string {
  const shownRows = rows > limit ? limit - 1 : rows;
  const shownCols = cols > limit ? limit - 1 : cols;
  const lines: string[] = [];
  for (let r = 0; r < shownRows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < shownCols; c++) cells.push(cell(r, c));
    if (cols > shownCols) cells.push('\\cdots');
    lines.push(cells.join(' & '));
  }
  if (rows > shownRows) {
    const dots = Array.from({ length: shownCols }, () => '\\vdots');
    if (cols > shownCols) dots.push('\\ddots');
    lines.push(dots.join(' & '));
  }
  return `\\begin{pmatrix}${lines.join(' \\\\ ')}\\end{pmatrix}`;
}

/** A column vector of n entries. */
export function texColumn(n: number, entry: (k: number) => string, limit = TEX_MATRIX_LIMIT): string {
  return texMatrix(n, 1, (r) => entry(r), limit);
}

/** A sum of terms, eliding the middle beyond `limit` terms: t₁ + t₂ + ⋯ + t_n. */
export function texSum(n: number, term: (k: number) => string, limit = TEX_MATRIX_LIMIT): string {
  if (n <= limit) return Array.from({ length: n }, (_, k) => term(k)).join(' + ');
  const head = Array.from({ length: limit - 1 }, (_, k) => term(k));
  return `${head.join(' + ')} + \\cdots + ${term(n - 1)}`;
}

/** Superscript/subscript digits for plain-text titles: 12 → ¹², (l−1) kept as text. */
export function superscript(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n).replace(/\d/g, (d) => digits[Number(d)]);
}
