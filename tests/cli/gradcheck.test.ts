import { describe, expect, test } from 'vitest';
import type { GradcheckReport } from '../../src/cli/commands/gradcheck';
import { parameterSymbol } from '../../src/cli/format';
import { cli } from './helpers';

const json = async (...args: string[]): Promise<{ code: number; report: GradcheckReport }> => {
  const run = await cli('gradcheck', ...args, '--json');
  return { code: run.code, report: JSON.parse(run.stdout) as GradcheckReport };
};

describe('backprop-lab gradcheck', () => {
  test('the answer’s correct ReLU network passes as on the page: parameters at a kink are listed, not checked; a slip on it still fails', async () => {
    const { code, report } = await json('--preset', 'answer');
    expect(code).toBe(0);
    expect(report.passed).toBe(true);
    const kinks = report.parameters.filter((p) => p.kink);
    expect(kinks.length).toBeGreaterThan(0);
    // the difference quotient across a kink is no derivative: its error would fail the tolerance if it counted
    expect(Math.max(...kinks.map((p) => p.relativeError))).toBeGreaterThan(1e-6);
    expect(report.worst?.kink).toBe(false);
    const text = await cli('gradcheck', '--preset', 'answer');
    expect(text.stdout).toMatch(/ kink\n/);
    const slipped = await json('--preset', 'answer', '--gradient-divisor', 'features');
    expect(slipped.code).toBe(1);
    expect(slipped.report.passed).toBe(false);
  });

  test('the correct derivative passes: every parameter agrees with central differences, exit 0', async () => {
    const { code, report } = await json('--dataset', 'XOR', '--hidden', '2', '--seed', '5');
    expect(code).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.tolerance).toBe(1e-6);
    expect(report.parameters.map((p) => p.name)).toEqual([
      'W^1[0][0]',
      'W^1[0][1]',
      'W^1[1][0]',
      'W^1[1][1]',
      'b^1[0]',
      'b^1[1]',
      'W^2[0][0]',
      'W^2[0][1]',
      'b^2[0]',
    ]);
    expect(report.maxRelativeError).toBeLessThan(1e-6);
    expect(report.worst?.relativeError).toBe(report.maxRelativeError);
  });

  test("the question's buggy derivative fails the check, exit 1", async () => {
    const { code, report } = await json('--dataset', 'XOR', '--hidden', '2', '--derivative', 'buggy', '--seed', '5');
    expect(code).toBe(1);
    expect(report.passed).toBe(false);
    expect(report.maxRelativeError).toBeGreaterThan(1e-3);
    expect(report.worst?.layer).toBe(1);
  });

  test('--tolerance moves the pass mark', async () => {
    const { code, report } = await json('--dataset', 'XOR', '--hidden', '2', '--derivative', 'buggy', '--seed', '5', '--tolerance', '100');
    expect(code).toBe(0);
    expect(report.passed).toBe(true);
  });

  test('the readable table names each parameter and the largest relative error', async () => {
    const run = await cli('gradcheck', '--preset', 'question-xor');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/parameter\s+analytic ∂C\/∂θ\s+numeric\s+relative error/);
    // 1-based as in the app (w^l_ji), while the JSON names keep 0-based array indices
    for (const name of ['w^1_11', 'w^1_12', 'w^1_21', 'w^1_22', 'b^1_1', 'b^1_2', 'w^2_11', 'w^2_12', 'b^2_1'])
      expect(run.stdout).toMatch(new RegExp(`^${name.replace(/\^/g, '\\^')}\\s`, 'm'));
    expect(run.stdout).not.toMatch(/[wb]\^\d_0/);
    expect(run.stdout).toMatch(/largest relative error .* ABOVE the tolerance 1e-6/);
  });
});

describe('parameterSymbol', () => {
  test('prints w^l_ji and b^l_j from 1, with a comma once an index passes 9', () => {
    expect(parameterSymbol({ kind: 'weight', layer: 2, j: 0, i: 1 })).toBe('w^2_12');
    expect(parameterSymbol({ kind: 'bias', layer: 1, j: 3, i: -1 })).toBe('b^1_4');
    expect(parameterSymbol({ kind: 'weight', layer: 1, j: 9, i: 0 })).toBe('w^1_10,1');
  });
});
