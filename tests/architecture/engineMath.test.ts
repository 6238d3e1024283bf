/**
 * The engine computes every elementary function with its own code (src/engine/math/), never the
 * host's Math.exp & co., whose last bit differs between JavaScript engines (Node's V8 and
 * Chromium's): one such call anywhere in src/engine makes the page and the CLI disagree.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ENGINE = resolve(__dirname, '../../src/engine');
const OWN_MATH = 'math';

/** Math functions the standard leaves "implementation-approximated" (sqrt, floor … are exact). */
const HOST_DEPENDENT = /\bMath\.(exp|expm1|log|log1p|log10|log2|pow|tanh|sinh|cosh|asinh|acosh|atanh|sin|cos|tan|asin|acos|atan|atan2|cbrt|hypot)\b/;
/** `**` with a non-literal side is Math.pow. */
const POWER_OPERATOR = /\*\*(?![/*])/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The file's code lines without comments (a comment may name Math.exp). */
function codeLines(text: string): { line: number; code: string }[] {
  const withoutBlocks = text.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '));
  return withoutBlocks.split('\n').map((code, k) => ({ line: k + 1, code: code.replace(/\/\/.*$/, '') }));
}

function hostMathCalls(text: string): string[] {
  return codeLines(text)
    .filter(({ code }) => HOST_DEPENDENT.test(code) || POWER_OPERATOR.test(code))
    .map(({ line, code }) => `${line}: ${code.trim()}`);
}

describe('one math for every engine', () => {
  test('no file of src/engine outside math/ calls a host-dependent Math function or **', () => {
    const offenders = sourceFiles(ENGINE)
      .filter((file) => !relative(ENGINE, file).startsWith(`${OWN_MATH}/`))
      .flatMap((file) => hostMathCalls(readFileSync(file, 'utf8')).map((hit) => `${relative(ENGINE, file)}:${hit}`));
    expect(offenders).toEqual([]);
  });

  test('the check sees a call, and ignores one named in a comment', () => {
    expect(hostMathCalls('const e = Math.exp(-z);')).toHaveLength(1);
    expect(hostMathCalls('const t = Math.tanh(z);\nconst p = 10 ** k;')).toHaveLength(2);
    expect(hostMathCalls('/** not Math.exp */\n// nor Math.log\nconst r = Math.sqrt(2);')).toEqual([]);
    // the math folder itself may name them in comments and use the Math.E constant
    for (const file of sourceFiles(join(ENGINE, OWN_MATH))) expect(hostMathCalls(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
