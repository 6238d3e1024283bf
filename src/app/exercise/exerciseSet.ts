/**
 * Exercise sets: a versioned JSON file with a network (the network file format), data (the dataset
 * JSON format), the training settings, the sample to work on and which steps and cells to ask
 * (docs/exercises.md). Read with valibot and the engine's own parsers, so a bad file names its field.
 */
import * as v from 'valibot';
import {
  type Dataset,
  type EngineMessage,
  type Network,
  type ParseResult,
  type TrainOptions,
  datasetFromRows,
  engineMessage,
  optionsError,
} from '../../engine';
import { MAX_NETWORK_FILE_BYTES, networkFromFile } from '../../engine/networkFile';
import type { ExerciseSetSummary } from '../../store/exerciseSlice';
import { Settings } from '../../views/stepper/examples';
import { passSteps } from '../../views/stepper/steps';
import { readJsonText } from '../../engine/jsonErrors';

const EXERCISE_FORMAT = 'backprop-lab/exercise-set';
const EXERCISE_VERSION = 1;
/** A set is mostly its network file, so it gets the network file's size limit; a bigger file is refused before it is parsed. */
export const MAX_EXERCISE_FILE_BYTES = MAX_NETWORK_FILE_BYTES;

/** The schema's own reasons, given as codes (issueProblem words them), not as English. */
const CODED_REASONS = ['exerciseStepId', 'exerciseId'] as const;

const Ask = v.object({
  step: v.pipe(v.string(), v.regex(/^(forward-[za]-\d+|cost|bp[1-4]-\d+|update-\d+)$/, 'exerciseStepId')),
  cells: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1))),
});

const ExerciseFile = v.object({
  format: v.literal(EXERCISE_FORMAT),
  version: v.literal(EXERCISE_VERSION),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'exerciseId')),
  title: v.pipe(v.string(), v.minLength(1)),
  description: v.optional(v.string(), ''),
  network: v.unknown(),
  data: v.object({ inputs: v.unknown(), targets: v.unknown() }),
  settings: Settings,
  sample: v.union([v.pipe(v.number(), v.integer(), v.minValue(1)), v.literal('batch')]),
  ask: v.pipe(v.array(Ask), v.minLength(1)),
});

export interface ExerciseSet {
  summary: ExerciseSetSummary;
  description: string;
  network: Network;
  data: Dataset;
  options: TrainOptions;
  /** 0-based, or 'mean' for the whole batch */
  sample: number | 'mean';
}

/** "<path>: <reason>" for the first valibot issue: the schema's coded reason, else what was expected and what came. */
function issueProblem(issues: readonly v.BaseIssue<unknown>[]): EngineMessage {
  const issue = issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  const reason = (CODED_REASONS as readonly string[]).includes(issue.message)
    ? engineMessage(issue.message as (typeof CODED_REASONS)[number])
    : engineMessage('exerciseExpected', { expected: issue.expected ?? '?', received: issue.received });
  return path ? engineMessage('namedProblem', { name: path, problem: reason }) : reason;
}

/** A part of the set and its problem: "network: …". */
const inPart = (name: string, problem: EngineMessage) => engineMessage('namedProblem', { name, problem });

/** Reads an exercise set; the first problem, coded, names its field ("ask.2.step: …", "network: layers: …"). */
export function parseExerciseSet(text: string): ParseResult<ExerciseSet, EngineMessage> {
  const refuse = (problem: EngineMessage) => ({ ok: false as const, error: engineMessage('exerciseSet', { problem }) });
  if (text.length > MAX_EXERCISE_FILE_BYTES) return refuse(engineMessage('exerciseTooLarge', { max: MAX_EXERCISE_FILE_BYTES.toLocaleString('en') }));
  const read = readJsonText(text);
  if (!read.ok) return refuse(read.error);
  const parsed = v.safeParse(ExerciseFile, read.value);
  if (!parsed.success) return refuse(issueProblem(parsed.issues));
  const file = parsed.output;
  const network = networkFromFile(file.network);
  if (!network.ok) return refuse(inPart('network', network.error));
  const data = datasetFromRows(file.data.inputs, file.data.targets, file.title);
  if (!data.ok) return refuse(inPart('data', data.error));
  const sizes = network.value.sizes;
  if (data.value.inputSize !== sizes[0]) return refuse(engineMessage('exerciseInputs', { rows: data.value.inputSize, network: sizes[0] }));
  if (data.value.outputSize !== sizes[sizes.length - 1])
    return refuse(engineMessage('exerciseTargets', { rows: data.value.outputSize, network: sizes[sizes.length - 1] }));
  const options: TrainOptions = { ...file.settings };
  const problem = optionsError(options, network.value.activations[network.value.activations.length - 1]);
  if (problem) return refuse(inPart('settings', problem));
  if (file.sample !== 'batch' && file.sample > data.value.count)
    return refuse(engineMessage('exerciseSample', { sample: file.sample, count: data.value.count }));
  const steps = new Set(passSteps(sizes).map((s) => s.id));
  for (const [k, ask] of file.ask.entries())
    if (!steps.has(ask.step)) return refuse(engineMessage('exerciseNoStep', { index: k, shape: sizes.join(', '), step: ask.step }));
  return {
    ok: true,
    value: {
      summary: { id: file.id, title: file.title, ask: file.ask.map((a) => ({ step: a.step, cells: a.cells ?? null })) },
      description: file.description,
      network: network.value,
      data: data.value,
      options,
      sample: file.sample === 'batch' ? 'mean' : file.sample - 1,
    },
  };
}

/** A shipped set's name in a link (`exercise=bp2-by-hand`): letters, digits and dashes only, so it stays inside public/exercises. */
export function exerciseSetUrl(name: string): string | null {
  return /^[a-z0-9-]{1,64}$/.test(name) ? `${import.meta.env.BASE_URL}exercises/${name}.json` : null;
}
