/**
 * Cross-entropy with targets outside [0, 1] has no floor (the cost goes negative), so every path
 * refuses such data for it, naming the first bad target and suggesting the quadratic cost, and
 * changes nothing: the engine's rule, the worker, the page's CSV and Step-through imports, the store.
 */
import { describe, expect, test } from 'vitest';
import { EngineError, DEFAULT_CONFIG, type Dataset, type LabConfig, buildRun, configError, costTargetsError } from '../../src/engine';
import { parseDatasetCsv } from '../../src/engine/csv';
import { importDatasetCsv } from '../../src/app/files/files';
import { readDatasetFile } from '../../src/app/stepThrough/userFiles';
import { createLabStore } from '../../src/store/labStore';
import type { LabCommand } from '../../src/worker/lab/protocol';
import { RunSetup } from '../../src/worker/lab/runSetup';
import { said, thrownText } from '../englishText';

/** Row 3's second target is 2.5: the first one outside [0, 1]; row 4's −1 comes later. */
const CSV = 'x1,x2,y1,y2\n0,0,0,1\n0,1,1,0\n1,0,1,2.5\n1,1,-1,0\n';
const MESSAGE = /cross-entropy needs every target from 0 to 1, but row 3, column y2 is 2\.5; use the quadratic cost/;

function customData(text = CSV): Dataset {
  const read = parseDatasetCsv(text, 'wide');
  if (!read.ok) throw new EngineError(read.error);
  return read.value;
}

const quadratic: LabConfig = { ...DEFAULT_CONFIG, cost: 'quadratic', outputActivation: 'sigmoid' };
const crossEntropy: LabConfig = { ...quadratic, cost: 'crossEntropy' };

describe('the engine rule (where data meets the config)', () => {
  test('names the first target outside [0, 1] by row and column, counting from 1', () => {
    expect(said(costTargetsError('crossEntropy', customData()))).toMatch(MESSAGE);
    expect(costTargetsError('quadratic', customData())).toBeNull();
    expect(costTargetsError('crossEntropy', customData('x1,y1\n0,0\n1,1\n2,0.5\n'))).toBeNull();
  });

  test('configError and buildRun refuse the pair; the quadratic cost trains the same data', () => {
    expect(said(configError(crossEntropy, customData()))).toMatch(MESSAGE);
    expect(thrownText(() => buildRun(crossEntropy, customData()))).toMatch(MESSAGE);
    expect(configError(quadratic, customData())).toBeNull();
  });
});

describe('the worker', () => {
  function loaded(): RunSetup {
    const setup = new RunSetup();
    setup.adopt(quadratic);
    setup.loadData(customData(), (config) => setup.adopt(setup.build(config).run.config));
    return setup;
  }

  test('refuses to switch the cost to cross-entropy while such data is loaded, and keeps the data', () => {
    const setup = loaded();
    expect(thrownText(() => setup.checkConfig(crossEntropy))).toMatch(MESSAGE);
    expect(setup.build(quadratic).data.name).toBe('wide');
  });

  test('refuses to load such data under cross-entropy, keeping the run on its data', () => {
    const setup = new RunSetup();
    setup.adopt(crossEntropy);
    let started = false;
    expect(thrownText(() => setup.loadData(customData(), () => (started = true)))).toMatch(MESSAGE);
    expect(started).toBe(false);
    expect(setup.build(crossEntropy).data.name).toBe(DEFAULT_CONFIG.dataset);
  });
});

describe('the page', () => {
  test('a CSV or JSON file read in Step through is refused for cross-entropy when loaded into the lab', () => {
    const store = createLabStore();
    const sent: LabCommand[] = [];
    store.setState({ config: crossEntropy, send: (command: LabCommand) => void sent.push(command) });
    for (const [text, name] of [
      [CSV, 'wide.csv'],
      [
        JSON.stringify({
          inputs: [
            [0, 0],
            [0, 1],
            [1, 0],
          ],
          targets: [
            [0, 1],
            [1, 0],
            [1, 2.5],
          ],
        }),
        'wide.json',
      ],
    ]) {
      const read = readDatasetFile(text, name);
      if (!read.ok) throw new Error(read.error());
      expect(said(store.getState().loadIntoLab({ data: read.value }))).toMatch(MESSAGE);
    }
    expect(sent).toEqual([]);
  });

  test('with such data loaded, choosing cross-entropy or a cross-entropy preset is refused and changes nothing', () => {
    const store = createLabStore();
    const sent: LabCommand[] = [];
    const read = importDatasetCsv(CSV, 'wide');
    if (!read.ok) throw new Error(said(read.error) ?? '');
    store.setState({ config: { ...quadratic, dataset: 'AND' }, data: read.value, send: (command: LabCommand) => void sent.push(command) });
    expect(said(store.getState().setConfig({ cost: 'crossEntropy' }))).toMatch(MESSAGE);
    expect(said(store.getState().applyPreset('question-and'))).toMatch(MESSAGE);
    expect(store.getState().config.cost).toBe('quadratic');
    expect(sent).toEqual([]);
    // another dataset drops the user's data, so cross-entropy is fine there
    expect(store.getState().setConfig({ cost: 'crossEntropy', dataset: 'XOR' })).toBeNull();
  });
});
