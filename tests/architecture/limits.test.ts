/**
 * One idea, one place, for limits: each numeric limit of the engine's settings table is written
 * once in src (in engine/settings.ts or the engine constant it names); everything else reads it.
 * Limits under 1,000 (0, 1, 8, 64 …) are too common as plain numbers to count.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type AnySetting, CONFIG_SETTINGS, STOP_SETTINGS } from '../../src/engine';

const SRC = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Numeric literals of a file's code (comments left out), with their values: 0xffffffff, 10_000, 1e6 … */
function numberLiterals(text: string): { literal: string; value: number }[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return Array.from(code.matchAll(/(?<![\w.$])(0x[0-9a-f_]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)(?![\w$.])/gi), ([, literal]) => ({
    literal,
    value: Number(literal.replace(/_/g, '')),
  }));
}

const settings: AnySetting[] = [...Object.values(CONFIG_SETTINGS), ...Object.values(STOP_SETTINGS)];
const LIMITS = [
  ...new Set(settings.flatMap((s) => (s.kind === 'number' || s.kind === 'list' ? [s.min, s.max, ...(s.kind === 'list' ? [s.maxItems] : [])] : []))),
].filter((v) => Math.abs(v) >= 1000);

/**
 * The same numbers with another meaning, each with why it is not a copy of a setting's limit.
 * A new entry here needs a reason a reader accepts.
 */
const OTHER_MEANINGS: Record<number, Record<string, string>> = {
  1e6: {
    'app/StatusLine.tsx': 'a million, for "1.2M epochs/s"',
    'cli/format.ts': 'where number formatting switches to exponent notation',
    'worker/lab/paramEdit.ts': 'the largest weight the parameter editor accepts',
    'worker/lab/snapshot.ts': 'bytes in a megabyte, and a snapshot budget in bytes',
    'cli/commands/sweep.ts': 'the most starts --inits accepts',
  },
  10000: {
    'engine/config.ts': 'the "Fixed" preset trains 10,000 epochs',
    'app/bugLab/fixPath.ts': 'epochs of a bug-lab fix step',
    'cli/commands/train.ts': 'the epochs in a --help example',
    'app/StatusLine.tsx': 'where "12345 epochs/s" becomes "12k"',
    'views/format.ts': 'where number formatting switches to exponent notation',
    'views/stepper/tex.ts': 'where number formatting switches to exponent notation',
    'views/costCurve/ticks.ts': 'where tick labels switch to exponent notation',
  },
};

describe('limits live in one place', () => {
  test("the check finds the table's large limits (a guard against a table it cannot read)", () => {
    expect(LIMITS).toEqual(expect.arrayContaining([0xffffffff, 100_000_000, 10_000_000, 1e6]));
  });

  test.each(LIMITS.map((limit) => [limit]))('the limit %d is written once in src', (limit) => {
    const places: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const path = relative(SRC, file);
      for (const { literal, value } of numberLiterals(readFileSync(file, 'utf8')))
        if (value === limit && !OTHER_MEANINGS[limit]?.[path]) places.push(`${path}: ${literal}`);
    }
    expect(places).toHaveLength(1);
  });

  test('every other meaning listed is still there (the list does not outlive its reasons)', () => {
    for (const [limit, files] of Object.entries(OTHER_MEANINGS))
      for (const path of Object.keys(files))
        expect(
          numberLiterals(readFileSync(join(SRC, path), 'utf8')).some(({ value }) => value === Number(limit)),
          `${path} ${limit}`,
        ).toBe(true);
  });
});
