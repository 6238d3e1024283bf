/**
 * Worked examples shipped in public/examples: an index of {network file, dataset file, training
 * settings}, read with the engine's own parsers so a broken file names its bad field and loads nothing.
 */
import * as v from 'valibot';
import {
  COSTS,
  DERIVATIVE_MODES,
  GRADIENT_DIVISORS,
  SIGMOID_FORMS,
  optionsError,
  type Dataset,
  type Network,
  type ParseResult,
  type TrainOptions,
} from '../../engine';
import { parseDatasetJson } from '../../engine/csv';
import { parseNetworkFile } from '../../engine/networkFile';
import { messageText } from '../../i18n/messageText';

const EXAMPLES_FORMAT = 'backprop-lab/examples';

const fileName = v.pipe(v.string(), v.regex(/^[\w.-]+\.json$/, 'expected a file name like "xor.dataset.json" next to index.json'));

export const Settings = v.object({
  cost: v.picklist(COSTS),
  derivative: v.picklist(DERIVATIVE_MODES),
  learningRate: v.number(),
  batchSize: v.number(),
  gradientDivisor: v.picklist(GRADIENT_DIVISORS),
  sigmoidForm: v.picklist(SIGMOID_FORMS),
  freezeBiases: v.boolean(),
});

const Entry = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and dashes')),
  title: v.pipe(v.string(), v.minLength(1)),
  description: v.string(),
  network: fileName,
  dataset: fileName,
  settings: Settings,
});

const Index = v.object({
  format: v.literal(EXAMPLES_FORMAT),
  version: v.literal(1),
  examples: v.array(Entry),
});

export type ExampleEntry = v.InferOutput<typeof Entry>;

export interface LoadedExample {
  entry: ExampleEntry;
  network: Network;
  data: Dataset;
  options: TrainOptions;
}

/** A valibot failure as one line naming its field: "examples.1.settings.cost: …". */
function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Reads examples/index.json; the first problem names its field (e.g. "examples.1.settings.cost"). */
export function parseExampleIndex(text: string): ParseResult<ExampleEntry[], string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `examples index: not valid JSON (${(err as Error).message})` };
  }
  const result = v.safeParse(Index, raw);
  if (!result.success) return { ok: false, error: `examples index: ${issueText(result.issues)}` };
  const ids = new Set<string>();
  for (const entry of result.output.examples) {
    if (ids.has(entry.id)) return { ok: false, error: `examples index: the id "${entry.id}" appears twice` };
    ids.add(entry.id);
  }
  return { ok: true, value: result.output.examples };
}

/** An example from its two files' text: both parsed by the engine, shapes and settings checked together. */
export function exampleFromTexts(entry: ExampleEntry, networkText: string, datasetText: string): ParseResult<LoadedExample, string> {
  const network = parseNetworkFile(networkText);
  if (!network.ok) return { ok: false, error: `${entry.network}: ${messageText(network.error)}` };
  const data = parseDatasetJson(datasetText, entry.title);
  if (!data.ok) return { ok: false, error: `${entry.dataset}: ${messageText(data.error)}` };
  const sizes = network.value.sizes;
  if (data.value.inputSize !== sizes[0])
    return { ok: false, error: `${entry.dataset}: the rows have ${data.value.inputSize} inputs but the network takes ${sizes[0]}` };
  if (data.value.outputSize !== sizes[sizes.length - 1])
    return { ok: false, error: `${entry.dataset}: the targets have ${data.value.outputSize} values but the network has ${sizes[sizes.length - 1]} outputs` };
  const options: TrainOptions = { ...entry.settings };
  const problem = optionsError(options, network.value.activations[network.value.activations.length - 1]);
  if (problem) return { ok: false, error: `${entry.id} settings: ${messageText(problem)}` };
  return { ok: true, value: { entry, network: network.value, data: data.value, options } };
}

/** Fetches and parses an example; `readText` is `fetch(...).then(r => r.text())` in the app, a file read in tests. */
export async function loadExample(entry: ExampleEntry, readText: (file: string) => Promise<string>): Promise<ParseResult<LoadedExample, string>> {
  try {
    const [networkText, datasetText] = await Promise.all([readText(entry.network), readText(entry.dataset)]);
    return exampleFromTexts(entry, networkText, datasetText);
  } catch (err) {
    return { ok: false, error: `${entry.id}: could not read its files (${(err as Error).message})` };
  }
}
