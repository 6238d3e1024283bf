/**
 * The check section's sentences in the page's language, built from the engine's structured results:
 * a refused gradients file (GradientsProblem) and a diagnosis. In English they are the engine's own
 * wording (gradientsProblemText, Diagnosis.message), word for word but for numbers, which the page
 * prints in its one format (1,048,577; 1e−9): tests/buglab/checkText.test.ts.
 */
import { format } from 'd3';
import type { SlipId } from '../../engine';
import type { Diagnosis, LayerCell } from '../../engine/diagnosis';
import { type GradientsFieldIssue, type GradientsProblem, type ShownValue, isTransposedShape } from '../../engine/gradientFile';
import { SLIPS } from '../../engine';
import { MATCH_TOLERANCE } from '../../engine/diagnosis';
import { type MessageKey, listText, t } from '../../i18n/setup';
import { formatEpoch, formatNumber } from '../../views/format';
import { slipName } from './slipText';

const GRADIENTS_EXAMPLE = '{"format": "backprop-lab/gradients", "version": 1, "gradWeights": […], "gradBiases": […]}';

function shown(value: ShownValue): string {
  switch (value.kind) {
    case 'missing':
      return t('bl.value.missing');
    case 'null':
      return 'null';
    case 'array':
      return t('bl.value.array', { n: value.length });
    case 'object':
      return t('bl.value.object');
    case 'text':
      return value.text;
  }
}

function fieldText(path: string, issue: GradientsFieldIssue): string {
  const key = `bl.grad.field.${issue.kind}` as MessageKey;
  switch (issue.kind) {
    case 'format':
      return t(key, { path, expected: 'backprop-lab/gradients', got: shown(issue.got) });
    case 'version':
      return t(key, { path, expected: 1, got: shown(issue.got) });
    case 'nonFinite':
      return t(key, { path, value: issue.value });
    case 'notNumber':
      return t(key, { path, got: shown(issue.got) });
    default:
      return t(key, { path });
  }
}

/** Why a gradients file was refused. */
export function gradientsProblemMessage(problem: GradientsProblem): string {
  switch (problem.kind) {
    case 'empty':
      return t('bl.grad.empty');
    case 'tooLong':
      return t('bl.grad.tooLong', { length: formatEpoch(problem.length), limit: formatEpoch(problem.limit) });
    case 'json': {
      const { code, what, place } = problem.syntax;
      const key = `bl.json.${code}` as MessageKey;
      const wording = code !== null && t(key) !== key ? t(key) : what;
      return place ? t('bl.grad.json', { what: wording, line: place.line, column: place.column }) : t('bl.grad.jsonDeep', { what: wording });
    }
    case 'notObject':
      return t('bl.grad.notObject', { example: GRADIENTS_EXAMPLE });
    case 'field':
      return fieldText(problem.path, problem.issue);
    case 'layerCount':
      return t('bl.grad.layerCount', { field: problem.field, expected: problem.expected, got: problem.got });
    case 'matrixShape':
      return t('bl.grad.matrixShape', {
        k: problem.k,
        next: problem.k + 1,
        rows: problem.rows,
        cols: problem.cols,
        got: problem.got ? `${problem.got.rows}×${problem.got.cols}` : t('bl.grad.ragged'),
        transposed: isTransposedShape(problem) ? 'yes' : 'no',
      });
    case 'vectorLength':
      return t('bl.grad.vectorLength', { k: problem.k, next: problem.k + 1, rows: problem.rows, got: problem.got });
  }
}

/** Sentences one after another: a space between them in English, none in Chinese. */
const sentences = (parts: string[]) => parts.reduce((before, after) => t('bl.then', { before, after }));

function matchText(ids: readonly SlipId[], transposed: boolean): string {
  const lead = transposed ? 'yes' : 'no';
  const named =
    ids.length === 1
      ? t('bl.diag.single', { transposed: lead, name: slipName(ids[0]) })
      : t('bl.diag.pair', { transposed: lead, first: slipName(ids[0]), second: slipName(ids[1]) });
  return sentences([named, ...ids.map((id) => t('bl.diag.change', { wrong: SLIPS[id].wrong, fix: SLIPS[id].fix }))]);
}

/** The diagnosis as one paragraph, code between backticks; L is the network's output layer. */
export function diagnosisMessage(diagnosis: Diagnosis, L: number): string {
  if (diagnosis.verdict === 'correct') return t('bl.diag.correct', { tolerance: formatNumber(MATCH_TOLERANCE) });
  const first = diagnosis.firstDepartingLayer;
  const where =
    first === null ? '' : first === L ? t('bl.diag.whereOutput', { layer: first }) : t('bl.diag.whereBack', { layer: first, count: L - first, n: L - first });
  const transposed = diagnosis.verdict === 'transposed';
  const matches = () =>
    sentences(diagnosis.matches.flatMap((ids, k) => (k === 0 ? [matchText(ids, transposed)] : [t('bl.diag.or'), matchText(ids, transposed)])));
  const verdict =
    diagnosis.verdict === 'unknown'
      ? t('bl.diag.unknown')
      : transposed
        ? sentences([
            t('bl.diag.transposed', { count: diagnosis.transposed.length, layers: listText(diagnosis.transposed.map(String)) }),
            diagnosis.matches.length === 0 ? t('bl.diag.transposedCorrect') : matches(),
          ])
        : matches();
  return where ? sentences([verdict, where]) : verdict;
}

/** Six significant digits, trailing zeros dropped, exponent form where d3's g chooses it. */
const sixDigits = format('.6~g');

/** A cell of the layer table: the number to six digits, why there is none, or a ratio beyond the largest double (the CLI's cellText). */
export function layerCellText(cell: LayerCell): string {
  if (cell.kind === 'zero') return t('bl.check.zero', { zero: cell.zero });
  if (cell.kind === 'overflow') return t('bl.check.overflow');
  const text = sixDigits(cell.value);
  return text.replace('e+', 'e').replace(/-/g, '\u2212');
}
