/**
 * The CLI is as careful as the page: files are size-checked before and while they are read, work
 * beyond the page's budgets is refused (or forced), long work shows progress on a terminal, and the
 * page's small rules hold (a byte-order mark, CSV data, cross-entropy's targets, dead ReLUs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkGradcheckBudget, checkStepBudget } from '../../src/cli/budgets';
import type { GradcheckReport } from '../../src/cli/commands/gradcheck';
import type { TrainReport } from '../../src/cli/commands/train';
import { UsageError } from '../../src/cli/errors';
import { readAtMost, readTextFile } from '../../src/cli/files';
import { PROGRESS_AFTER_MS } from '../../src/cli/io';
import { GRADCHECK_BUDGET, STEP_PASS_BUDGET, buildRun, answerConfig } from '../../src/engine';
import { MAX_CSV_CHARS } from '../../src/engine/csv';
import { MAX_NETWORK_FILE_BYTES, serializeNetwork } from '../../src/engine/networkFile';
import { cli, cliOn, isOneCleanLine } from './helpers';

const scratch = mkdtempSync(join(tmpdir(), 'backprop-cli-limits-'));
const file = (name: string, text: string): string => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const BOM = '\uFEFF';
const XOR_CSV = 'x1,x2,y1\n1,1,0\n0,1,1\n1,0,1\n0,0,0\n';
const XOR_JSON = JSON.stringify({
  inputs: [
    [1, 1],
    [0, 1],
    [1, 0],
    [0, 0],
  ],
  targets: [[0], [1], [1], [0]],
});
const EIGHT_BY_64 = ['--layers', '2,64,64,64,64,64,64,64,64,1'];

/** A test clock: every reading is `step` ms after the previous one. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe('files are checked before and while they are read (defect 7)', () => {
  test('a device, a pipe, a folder: one line, exit 2, nothing read', async () => {
    const fifo = join(scratch, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const [flag, path, why] of [
      ['--network', '/dev/zero', /--network \/dev\/zero: is a character device, not a regular file/],
      ['--data', fifo, /--data .*pipe: is a pipe, not a regular file/],
      ['--data', scratch, /is a directory/],
    ] as const) {
      const run = await cli('train', flag, path);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(why);
      expect(isOneCleanLine(run.stderr)).toBe(true);
    }
  });

  test("a file over the page's limit is refused by its size, even a 3 GB sparse one", async () => {
    const sparse = file('sparse.json', '');
    truncateSync(sparse, 3 * 1024 ** 3);
    const network = await cli('train', '--network', sparse);
    expect(network.code).toBe(2);
    expect(network.stderr).toMatch(`file too large: 3,221,225,472 bytes (limit ${MAX_NETWORK_FILE_BYTES.toLocaleString('en-US')})`);
    const data = await cli('train', '--data', file('big.csv', `${XOR_CSV}${'#'.repeat(MAX_CSV_CHARS)}`));
    expect(data.code).toBe(2);
    expect(data.stderr).toMatch(`limit ${MAX_CSV_CHARS.toLocaleString('en-US')}`);
    expect(isOneCleanLine(data.stderr)).toBe(true);
  });

  test('a source that holds more than its size said (it grew, or never ends) is read one byte past the limit, then refused', () => {
    let calls = 0;
    const endless = (chunk: Buffer): number => {
      calls++;
      return chunk.fill(0x20).length;
    };
    expect(readAtMost(endless, 100_000)).toBeNull();
    // 64 KB chunks: the second stops at byte 100,001
    expect(calls).toBe(2);
    const text = Buffer.from('x1,y1\n0,1\n');
    let given = false;
    const once = (chunk: Buffer): number => {
      if (given) return 0;
      given = true;
      return text.copy(chunk);
    };
    expect(readAtMost(once, text.length)?.toString()).toBe(text.toString());
  });

  test.runIf(process.platform === 'linux')('a real file whose size says 0 but holds more (Linux /proc) is refused while reading', () => {
    expect(() => readTextFile('data', '/proc/self/status', 100)).toThrow(/grew past 100 bytes/);
    expect(readTextFile('data', '/proc/self/status', 1_000_000)).toMatch(/^Name:/);
  });
});

describe("the page's work budgets (defect 8)", () => {
  test('gradcheck of an 8×64 network is refused naming the budget; --force lifts the refusal', async () => {
    const refused = await cli('gradcheck', '--dataset', 'XOR', ...EIGHT_BY_64);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/29,377 parameters on 4 samples take about 1\.4e10 multiply-adds .* over the gradient-check budget of 2e8 .*--force/);
    expect(isOneCleanLine(refused.stderr)).toBe(true);
    // 2-64-64-1 has 4,417 parameters: 4·P²·4 ≈ 3.1e8, just over the budget; --force lifts the refusal
    const sizes = [2, 64, 64, 1];
    expect(4 * 4417 ** 2 * 4).toBeGreaterThan(GRADCHECK_BUDGET);
    expect((await cli('gradcheck', '--dataset', 'XOR', '--layers', sizes.join(','))).stderr).toMatch(/4,417 parameters on 4 samples/);
    expect(() => checkGradcheckBudget(sizes, 4, false)).toThrow(UsageError);
    expect(() => checkGradcheckBudget(sizes, 4, true)).not.toThrow();
    // and the forced command runs the check as usual (a small network, so the test stays quick)
    const forced = await cli('gradcheck', '--dataset', 'XOR', '--hidden', '2', '--force', '--json');
    expect(forced.code).toBe(0);
    expect((JSON.parse(forced.stdout) as GradcheckReport).parameters).toHaveLength(9);
  });

  test('step on 10,000 rows with an 8×64 network is refused naming the budget; --force lifts it', async () => {
    const rows = Array.from({ length: 10_000 }, (_, s) => `${(s % 97) / 97},${(s % 89) / 89},${s % 2}`);
    const data = file('rows.csv', `x1,x2,y1\n${rows.join('\n')}\n`);
    const refused = await cli('step', '--data', data, ...EIGHT_BY_64, '--json');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      `budget of ${STEP_PASS_BUDGET.sampleValues.toLocaleString('en-US')} per-sample values (the page keeps samples 1–1,559); use at most 1,559 rows with this network, or --force`,
    );
    expect(() => checkStepBudget([2, 64, 64, 64, 64, 64, 64, 64, 64, 1], 10_000, false)).toThrow(UsageError);
    expect(() => checkStepBudget([2, 64, 64, 64, 64, 64, 64, 64, 64, 1], 10_000, true)).not.toThrow();
    expect(() => checkStepBudget([2, 64, 64, 64, 64, 64, 64, 64, 64, 1], 1_559, false)).not.toThrow();
  });

  test('--force belongs to gradcheck and step only', async () => {
    expect((await cli('train', '--force')).stderr).toMatch(/--force does not apply to train/);
  });
});

describe('progress on stderr when it is a terminal (defect 8)', () => {
  test('gradcheck past 2 s shows "of N" progress and clears it; the report is the same', async () => {
    const args = ['gradcheck', '--dataset', 'XOR', '--hidden', '4', '--json'];
    const plain = await cli(...args);
    const terminal = await cliOn({ errIsTty: true, now: steppingClock(PROGRESS_AFTER_MS / 4) }, ...args);
    expect(terminal.stderr).toMatch(/\rgradient check: parameters: \d+ of 17 \(\d+%\)/);
    expect(terminal.stderr.endsWith('\r')).toBe(true);
    expect(terminal.stdout).toBe(plain.stdout);
  });

  test('training past 2 s shows epochs; the result is bit for bit the one-call run', async () => {
    const args = ['train', '--preset', 'question-xor', '--epochs', '3000', '--json'];
    const plain = JSON.parse((await cli(...args)).stdout) as TrainReport;
    const run = await cliOn({ errIsTty: true, now: steppingClock(300) }, ...args);
    expect(run.stderr).toMatch(/\rtraining: epochs: [\d,]+ of 3,000/);
    const chunked = JSON.parse(run.stdout) as TrainReport;
    expect(chunked.network).toEqual(plain.network);
    expect(chunked.finalCost).toBe(plain.finalCost);
  });

  test('step past 2 s shows the layers written, and its streamed JSON is the same as without a terminal', async () => {
    const args = ['step', '--dataset', 'XOR', '--hidden', '4,4', '--json'];
    const plain = await cli(...args);
    const terminal = await cliOn({ errIsTty: true, now: steppingClock(1500) }, ...args);
    expect(terminal.stderr).toMatch(/\rstep: layers written: [23] of 3/);
    expect(terminal.stdout).toBe(plain.stdout);
    expect(JSON.parse(plain.stdout).layers).toHaveLength(3);
  });

  test('no terminal, or work shorter than 2 s: stderr stays empty', async () => {
    expect((await cliOn({ errIsTty: false, now: steppingClock(10_000) }, 'gradcheck', '--dataset', 'XOR', '--json')).stderr).toBe('');
    expect((await cliOn({ errIsTty: true, now: steppingClock(0.001) }, 'train', '--preset', 'question-xor', '--epochs', '500', '--json')).stderr).toBe('');
  });
});

describe("the page's small rules (defects 4 and 9)", () => {
  test('JSON that starts with a UTF-8 byte-order mark reads, as data and as a network', async () => {
    const net = buildRun(answerConfig()).net;
    const withBom = await cli(
      'train',
      '--data',
      file('bom.json', BOM + XOR_JSON),
      '--network',
      file('bom-net.json', BOM + serializeNetwork(net)),
      '--epochs',
      '1',
      '--cost',
      'quadratic',
    );
    expect(withBom.stderr).toBe('');
    expect(withBom.code).toBe(0);
  });

  test("--data reads CSV with the page's parser: the same run as the JSON file, and CSV errors name line and column", async () => {
    const fromCsv = JSON.parse((await cli('train', '--data', file('xor.csv', BOM + XOR_CSV), '--epochs', '200', '--json')).stdout) as TrainReport;
    const fromJson = JSON.parse((await cli('train', '--data', file('xor.json', XOR_JSON), '--epochs', '200', '--json')).stdout) as TrainReport;
    expect(fromCsv.network).toEqual(fromJson.network);
    const bad = await cli('train', '--data', file('bad.csv', 'x1,x2,y1\n1,1,0\n0,zero,1\n'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--data .*bad\.csv: line 3, column x2: 'zero' is not a number/);
  });

  test('cross-entropy refuses targets outside [0, 1], naming the first; the quadratic cost trains them', async () => {
    const data = file('wide.csv', 'x1,y1\n0,0\n1,1\n2,3.5\n3,-2\n');
    const refused = await cli('train', '--data', data, '--hidden', '2', '--cost', 'cross-entropy');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cross-entropy needs every target from 0 to 1, but row 3, column y1 is 3\.5; use the quadratic cost/);
    expect(isOneCleanLine(refused.stderr)).toBe(true);
    expect((await cli('train', '--data', data, '--hidden', '2', '--cost', 'quadratic', '--epochs', '10')).code).toBe(0);
  });

  test("dead ReLUs are reported with the page's words and the CLI's remedy", async () => {
    // the answer's net with a learning rate 30× too large kills every hidden ReLU from seed 1
    const run = await cli('train', '--preset', 'answer', '--seed', '1', '--learning-rate', '3');
    expect(run.stdout).toMatch(
      /all ReLUs dead: every hidden ReLU neuron outputs 0 for every sample, so no gradient flows back through them; try a smaller --learning-rate or another --seed/,
    );
    const json = await cli('train', '--preset', 'answer', '--seed', '1', '--learning-rate', '3', '--json');
    expect(json.stderr).toMatch(/^backprop-lab train: all ReLUs dead/);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect((await cli('train', '--preset', 'answer', '--seed', '1')).stdout).not.toMatch(/ReLUs dead/);
  });
});
