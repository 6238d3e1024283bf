/**
 * Files over ~300 lines are usually two (the house style). No file in src grows past the limit; the few
 * that are over it today are named here with the split that is due, and the list can only shrink.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = resolve(__dirname, '../../src');
const MAX_LINES = 300;

/** Over the limit today, each with why and what splits it; remove an entry once its file is split. */
const OVER_TODAY: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Lines as `wc -l` counts them (a final newline ends the last line, it doesn't start one). */
function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const sizes = new Map(sourceFiles(SRC).map((file) => [relative(SRC, file).split('\\').join('/'), lineCount(readFileSync(file, 'utf8'))]));

describe('file size', () => {
  test(`no file in src is over ${MAX_LINES} lines, except those listed as due for a split`, () => {
    const over = [...sizes].filter(([file, lines]) => lines > MAX_LINES && !(file in OVER_TODAY)).map(([file, lines]) => `${file}: ${lines} lines`);
    expect(over).toEqual([]);
  });

  test('every listed file still exists and is still over the limit (the list only shrinks)', () => {
    const stale = Object.keys(OVER_TODAY).filter((file) => (sizes.get(file) ?? 0) <= MAX_LINES);
    expect(stale).toEqual([]);
  });

  test('the count is the one wc -l gives', () => {
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('')).toBe(0);
  });
});
