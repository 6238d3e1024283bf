/**
 * The check section's sentences in the page's language, built from the engine's structured results:
 * a refused gradients file (GradientsProblem) and a diagnosis. In English they are the engine's own
 * wording (gradientsProblemText, Diagnosis.message), word for word but for numbers, which the page
 * prints in its one format (1,048,577; 1e−9): tests/buglab/checkText.test.ts.
 */
import type { SlipId } from '../../engine';
import type { Diagnosis } from '../../engine/diagnosis';
import type { GradientsFieldIssue, GradientsProblem, ShownValue } from '../../engine/gradientFile';
import { SLIPS } from '../../engine';
import { MATCH_TOLERANCE } from '../../engine/diagnosis';
import { type MessageKey, t } from '../../i18n/setup';
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
      });
    case 'vectorLength':
      return t('bl.grad.vectorLength', { k: problem.k, next: problem.k + 1, rows: problem.rows, got: problem.got });
  }
}

/** Sentences one after another: a space between them in English, none in Chinese. */
const sentences = (parts: string[]) => parts.reduce((before, after) => t('bl.then', { before, after }));

function matchText(ids: readonly SlipId[]): string {
  const named = ids.length === 1 ? t('bl.diag.single', { name: slipName(ids[0]) }) : t('bl.diag.pair', { first: slipName(ids[0]), second: slipName(ids[1]) });
  return sentences([named, ...ids.map((id) => t('bl.diag.change', { wrong: SLIPS[id].wrong, fix: SLIPS[id].fix }))]);
}

/** The diagnosis as one paragraph, code between backticks; L is the network's output layer. */
export function diagnosisMessage(diagnosis: Diagnosis, L: number): string {
  if (diagnosis.verdict === 'correct') return t('bl.diag.correct', { tolerance: formatNumber(MATCH_TOLERANCE) });
  const first = diagnosis.firstDepartingLayer;
  const where =
    first === null ? '' : first === L ? t('bl.diag.whereOutput', { layer: first }) : t('bl.diag.whereBack', { layer: first, count: L - first, n: L - first });
  const verdict =
    diagnosis.verdict === 'unknown'
      ? t('bl.diag.unknown')
      : sentences(diagnosis.matches.flatMap((ids, k) => (k === 0 ? [matchText(ids)] : [t('bl.diag.or'), matchText(ids)])));
  return where ? sentences([verdict, where]) : verdict;
}
