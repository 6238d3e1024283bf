/**
 * Exercise sets: a versioned JSON file with a network (the network file format), data (the dataset
 * JSON format), the training settings, the sample to work on and which steps and cells to ask
 * (docs/exercises.md). Read with valibot and the engine's own parsers, so a bad file names its field.
 */
import * as v from 'valibot';
import {
  type Dataset,
  MAX_NETWORK_FILE_BYTES,
  type Network,
  type ParseResult,
  type TrainOptions,
  datasetFromRows,
  networkFromFile,
  optionsError,
} from '../../engine';
import type { ExerciseSetSummary } from '../../store/exerciseSlice';
import { Settings, issueText } from '../../views/stepper/examples';
import { passSteps } from '../../views/stepper/steps';
import { messageText } from '../../i18n/messageText';

const EXERCISE_FORMAT = 'backprop-lab/exercise-set';
const EXERCISE_VERSION = 1;
/** A set is mostly its network file, so it gets the network file's size limit; a bigger file is refused before it is parsed. */
export const MAX_EXERCISE_FILE_BYTES = MAX_NETWORK_FILE_BYTES;

const Ask = v.object({
  step: v.pipe(
    v.string(),
    v.regex(/^(forward-[za]-\d+|cost|bp[1-4]-\d+|update-\d+)$/, 'expected a step id such as "forward-z-1", "cost", "bp2-1" or "update-2"'),
  ),
  cells: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1))),
});

const ExerciseFile = v.object({
  format: v.literal(EXERCISE_FORMAT),
  version: v.literal(EXERCISE_VERSION),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and dashes')),
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

/** Reads an exercise set; the first problem names its field ("ask.2.step: …", "network: layers: …"). */
export function parseExerciseSet(text: string): ParseResult<ExerciseSet, string> {
  if (text.length > MAX_EXERCISE_FILE_BYTES)
    return { ok: false, error: `exercise set: larger than ${MAX_EXERCISE_FILE_BYTES.toLocaleString('en')} characters` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `exercise set: not valid JSON (${(err as Error).message})` };
  }
  const parsed = v.safeParse(ExerciseFile, raw);
  if (!parsed.success) return { ok: false, error: `exercise set: ${issueText(parsed.issues)}` };
  const file = parsed.output;
  const network = networkFromFile(file.network);
  if (!network.ok) return { ok: false, error: `exercise set: network: ${messageText(network.error)}` };
  const data = datasetFromRows(file.data.inputs, file.data.targets, file.title);
  if (!data.ok) return { ok: false, error: `exercise set: data: ${messageText(data.error)}` };
  const sizes = network.value.sizes;
  if (data.value.inputSize !== sizes[0])
    return { ok: false, error: `exercise set: data.inputs: the rows have ${data.value.inputSize} inputs but the network takes ${sizes[0]}` };
  if (data.value.outputSize !== sizes[sizes.length - 1])
    return {
      ok: false,
      error: `exercise set: data.targets: the rows have ${data.value.outputSize} values but the network has ${sizes[sizes.length - 1]} outputs`,
    };
  const options: TrainOptions = { ...file.settings };
  const problem = optionsError(options, network.value.activations[network.value.activations.length - 1]);
  if (problem) return { ok: false, error: `exercise set: settings: ${messageText(problem)}` };
  if (file.sample !== 'batch' && file.sample > data.value.count)
    return { ok: false, error: `exercise set: sample: ${file.sample} is past the data's ${data.value.count} samples` };
  const steps = new Set(passSteps(sizes).map((s) => s.id));
  for (const [k, ask] of file.ask.entries())
    if (!steps.has(ask.step)) return { ok: false, error: `exercise set: ask.${k}.step: a [${sizes.join(', ')}] network's pass has no step "${ask.step}"` };
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
