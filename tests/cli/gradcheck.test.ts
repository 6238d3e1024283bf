import { describe, expect, test } from 'vitest';
import type { GradcheckReport } from '../../src/cli/commands/gradcheck';
import { cli } from './helpers';

const json = async (...args: string[]): Promise<{ code: number; report: GradcheckReport }> => {
  const run = await cli('gradcheck', ...args, '--json');
  return { code: run.code, report: JSON.parse(run.stdout) as GradcheckReport };
};

describe('backprop-lab gradcheck', () => {
  test('the correct derivative passes: every parameter agrees with central differences, exit 0', async () => {
    const { code, report } = await json('--dataset', 'XOR', '--hidden', '2', '--seed', '5');
    expect(code).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.tolerance).toBe(1e-6);
    expect(report.parameters.map((p) => p.name)).toEqual(['W^1[0][0]', 'W^1[0][1]', 'W^1[1][0]', 'W^1[1][1]', 'b^1[0]', 'b^1[1]', 'W^2[0][0]', 'W^2[0][1]', 'b^2[0]']);
    expect(report.maxRelativeError).toBeLessThan(1e-6);
    expect(report.worst?.relativeError).toBe(report.maxRelativeError);
  });

  test('the question\'s buggy derivative fails the check, exit 1', async () => {
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
    expect(run.stdout).toContain('b^2[0]');
    expect(run.stdout).toMatch(/largest relative error .* ABOVE the tolerance 1e-6/);
  });
});
