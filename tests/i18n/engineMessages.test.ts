/**
 * The engine's coded messages (engine/messages.ts): every code has its sentence in both languages and
 * every `error.*` sentence has its code; the CLI words them from the English catalog exactly as it
 * printed them before they were coded; the page words them in 简体中文 with no English left.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_SETTINGS, DEFAULT_CONFIG, ENGINE_CODES, configError, datasetFromRows, engineMessage, networkError, settingError } from '../../src/engine';
import { parseDatasetCsv } from '../../src/engine/csv';
import { parseNetworkFile } from '../../src/engine/networkFile';
import { englishText } from '../../src/cli/english';
import { CATALOG_AREAS } from '../../src/i18n/catalogs/groups';
import { catalogFile } from '../../src/i18n/compileCatalogs';
import { messageText } from '../../src/i18n/messageText';
import { switchLanguage } from '../../src/i18n/setup';
import { createNetwork, namedDataset } from '../../src/engine';

const catalog = (language: string): Record<string, string> =>
  Object.assign({}, ...CATALOG_AREAS.map((area) => JSON.parse(readFileSync(catalogFile(language, area), 'utf8')) as Record<string, string>));

const errorOf = <T>(result: { ok: true; value: T } | { ok: false; error: Parameters<typeof englishText>[0] }) => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

/** A refusal of each kind, with the sentence the engine printed before its messages were coded. */
const BEFORE: [string, ReturnType<typeof engineMessage>, string][] = [
  ['CSV cell', errorOf(parseDatasetCsv('x1,y1\n1,a')), "line 2, column y1: 'a' is not a number"],
  [
    'CSV header',
    errorOf(parseDatasetCsv('1,2\n')),
    "line 1, column 1: '1' is not a column name; expected x1, x2, … for inputs and y1, y2, … for targets, separated by commas or tabs (the first line must be a header naming the columns)",
  ],
  ['CSV count', errorOf(parseDatasetCsv('x1,x2,y1\n1,2\n')), 'line 2: expected 3 values (x1, x2, y1), got 2'],
  ['JSON syntax', errorOf(parseNetworkFile('{\n  "format": ,\n}')), 'not valid JSON: expected a value (line 2, column 13)'],
  ['network field', errorOf(parseNetworkFile('{"format": "other"}')), 'format: expected "backprop-lab/network", got "other"'],
  ['rows', errorOf(datasetFromRows([[1], [1, 2]], [[0], [1]])), 'inputs[1]: expected 1 numbers like row 0, got 2'],
  ['described value', errorOf(datasetFromRows([[1, {}]], [[0]])), 'inputs[0][1]: expected a finite number, got an object'],
  ['setting range', settingError(CONFIG_SETTINGS.seed, -1)!, 'seed: expected a whole number from 0 to 4,294,967,295, got -1'],
  ['setting zero', settingError(CONFIG_SETTINGS.batchSize, -1)!, 'batch size: expected a whole number from 0 to 10,000 (0 = full batch), got -1'],
  ['hidden layer', configError({ ...DEFAULT_CONFIG, hidden: [0] })!, 'hidden layer 1: expected a whole number of neurons from 1 to 64, got 0'],
  [
    'cross-entropy',
    configError({ ...DEFAULT_CONFIG, outputActivation: 'tanh' })!,
    'cost: cross-entropy needs a sigmoid output layer (its outputs must lie in (0, 1)); use the quadratic cost for other outputs',
  ],
  [
    'load',
    networkError(createNetwork([3, 1], ['sigmoid']), namedDataset('XOR')) ?? engineMessage('loadNoNetwork'),
    'network: takes 3 inputs but the data has 2',
  ],
  // the store's notes and the pools' failures, coded since (the page words them when it shows them)
  [
    'worker restarted',
    engineMessage('workerRestarted', { why: engineMessage('workerThrew', { error: 'boom' }), data: 'yes' }),
    'The training worker failed (it stopped with an error: boom). It was restarted with your settings and your data; the run starts again from its initial weights.',
  ],
  [
    'worker given up',
    engineMessage('workerGivenUp', { why: engineMessage('workerSilent', { seconds: '2.0' }) }),
    'The training worker failed again and was not restarted. Reload the page to start it again; your settings are kept in the address and in this browser. (It failed because it went silent for 2.0 s while training.)',
  ],
  [
    'request cut off',
    engineMessage('workerFailedUnanswered', { why: engineMessage('workerNoAnswer') }),
    'the training worker failed (it stopped answering) before it answered',
  ],
  ['sweep worker', engineMessage('sweepWorkerFailed', { worker: 2, error: engineMessage('workerNoDetail') }), 'sweep worker 2 failed: unknown error'],
  ['sweep running', engineMessage('sweepRunning'), 'a sweep is already running: cancel it first'],
  ['twin worker', engineMessage('twinWorkerFailed', { error: 'OOM' }), 'the twin worker failed: OOM'],
  ['weight index', engineMessage('paramIndex', { max: 8, value: '-1' }), 'parameter: expected an index from 0 to 8, got -1'],
  ['diverged edit', engineMessage('paramDiverged'), 'the run diverged: press Reset before editing a weight'],
];

describe('engine messages', () => {
  afterAll(() => switchLanguage('en'));

  it('every code has a sentence in English and in 简体中文, and every error sentence has a code', () => {
    for (const language of ['en', 'zh-CN']) {
      const keys = Object.keys(catalog(language)).filter((key) => key.startsWith('error.'));
      expect(keys.map((key) => key.slice('error.'.length)).sort(), language).toEqual([...ENGINE_CODES].sort());
    }
  });

  it('the CLI words them from the English catalog exactly as the engine did before', () => {
    for (const [what, message, sentence] of BEFORE) expect(englishText(message), what).toBe(sentence);
  });

  it('the page words them in 简体中文: the same numbers and names, no English sentence', async () => {
    await switchLanguage('zh-CN');
    for (const [what, message] of BEFORE) {
      const text = messageText(message);
      expect(text, what).toMatch(/[\u4e00-\u9fff]/);
      // a run of three English words is English prose (file fields and notation are single words)
      expect(text.match(/[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/), `${what}: ${text}`).toBeNull();
    }
    expect(messageText(errorOf(parseDatasetCsv('x1,y1\n1,a')))).toBe("第 2 行，列 y1：'a' 不是一个数");
  });

  it('text from a file is shown as written: an escape such as \\u0041 is not decoded', () => {
    expect(englishText(errorOf(parseDatasetCsv('x1,y1\n1,\\u0041')))).toBe("line 2, column y1: '\\\\u0041' is not a number");
  });
});
