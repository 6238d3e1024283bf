/**
 * The CLI reads settings as links and typed fields do: one number grammar, the same limits (the
 * engine's settings table), and a repeated flag refused in one line rather than silently overridden.
 */
import { describe, expect, test } from 'vitest';
import { CONFIG_SETTINGS } from '../../src/engine';
import { cli, isOneCleanLine } from './helpers';

describe('CLI numbers: the one grammar of links and fields', () => {
  test.each([
    ['--epochs', '0x10'],
    ['--epochs', '0b101'],
    ['--epochs', '1_0'],
    ['--seed', '0o7'],
    ['--learning-rate', 'Infinity'],
    ['--learning-rate', '.5.'],
    ['--hidden', '0x4'],
  ])('%s %s is refused with one line, exit 2', async (flag, value) => {
    const run = await cli('train', flag, value);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${flag}: expected`));
    expect(isOneCleanLine(run.stderr)).toBe(true);
  });

  test('exponent notation is read as links read it: --epochs 1e1 trains 10 epochs', async () => {
    const run = await cli('train', '--epochs', '1e1', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).epochs).toBe(10);
  });
});

describe('a repeated flag', () => {
  test.each([
    [['--seed', '1', '--seed', '2']],
    [['--seed=1', '--seed', '1']],
    [['--json', '--json']],
    [['--freeze-biases', '--epochs', '5', '--freeze-biases']],
  ])('%j is refused in one line with exit 2', async (args) => {
    const run = await cli('train', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/is given more than once; give it once/);
    expect(isOneCleanLine(run.stderr)).toBe(true);
  });
});

describe("CLI limits are the settings table's", () => {
  test.each([
    ['--leaky-slope', '5'],
    ['--leaky-slope', '-1e300'],
    ['--batch-size', String(CONFIG_SETTINGS.batchSize.max + 1)],
    ['--seed', String(CONFIG_SETTINGS.seed.max + 1)],
    ['--epochs', String(CONFIG_SETTINGS.epochs.max + 1)],
  ])('%s %s (outside what a link accepts) is refused', async (flag, value) => {
    const run = await cli('train', '--hidden-activation', 'leakyRelu', `${flag}=${value}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${flag}: expected`));
  });

  test("--help shows each setting's range from the table", async () => {
    const help = (await cli('train', '--help')).stdout;
    expect(help).toMatch(/--seed N +.*a whole number from 0 to 4,294,967,295 \(default 1\)/);
    expect(help).toMatch(/--leaky-slope X +.*a number from 0 to 1 \(default 0\.01\)/);
    expect(help).toMatch(/--learning-rate X +.*above 0 and at most 1,000,000/);
  });
});
