/**
 * The real thing: `backprop-lab probe` writes the probe and the harnesses; the NumPy harness runs two
 * NumPy backprops written for these tests (one correct, one with the question's two slips) under a
 * real python3 and NumPy, and `backprop-lab check` diagnoses what they print. The JavaScript and
 * plain-Python harnesses run a correct program of their own kind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { probeDataText, probeNetworkText } from '../../src/engine/probe';
import { cli } from '../cli/helpers';

const HERE = new URL('.', import.meta.url).pathname;
let dir = '';

beforeAll(async () => {
  // a folder that does not exist yet: probe makes it, as its help says --out is the folder to write into
  dir = join(mkdtempSync(join(tmpdir(), 'probe-')), 'not', 'yet');
  const run = await cli('probe', '--out', dir);
  expect(run.code).toBe(0);
});

function runHarness(command: string, harness: string, program: string): string {
  const out = execFileSync(command, [join(dir, harness), program, join(dir, 'probe.json'), join(dir, 'probe-data.json')], { encoding: 'utf8' });
  const file = join(dir, `${harness}-${program.split('/').pop()}.json`);
  writeFileSync(file, out);
  return file;
}

const check = (gradients: string) => cli('check', '--network', join(dir, 'probe.json'), '--data', join(dir, 'probe-data.json'), '--gradients', gradients);

describe('check your own backprop, end to end on the command line', () => {
  test('probe writes the engine probe and the three harnesses', () => {
    expect(readFileSync(join(dir, 'probe.json'), 'utf8')).toBe(probeNetworkText());
    expect(readFileSync(join(dir, 'probe-data.json'), 'utf8')).toBe(probeDataText());
    for (const name of ['harness_numpy.py', 'harness_python.py', 'harness.mjs'])
      expect(readFileSync(join(dir, name), 'utf8')).toContain('backprop-lab/gradients');
  });

  test('the correct NumPy backprop is diagnosed correct (exit 0)', async () => {
    const run = await check(runHarness('python3', 'harness_numpy.py', join(HERE, 'correct_backprop.py')));
    expect(run.stdout).toMatch(/^Your gradients are correct/);
    expect(run.code).toBe(0);
  });

  test("the NumPy backprop with the question's two slips is diagnosed as exactly σ′ at a and ÷ features (exit 1)", async () => {
    const file = runHarness('python3', 'harness_numpy.py', join(HERE, 'question_backprop.py'));
    const run = await check(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^Your gradients are exactly those of: σ′ taken at a, and ÷ input features\. Change `delta = \(W\[l\]\.T @ delta\) \* f_prime\(a\[l - 1\]\)` to `delta = \(W\[l\]\.T @ delta\) \* f_prime\(z\[l - 1\]\)`\. Change `n = len\(X\)` to `n = X\.shape\[1\]`\./,
    );
    const json = JSON.parse(
      (await cli('check', '--network', join(dir, 'probe.json'), '--data', join(dir, 'probe-data.json'), '--gradients', file, '--json')).stdout,
    );
    expect(json.matches.map((set: { id: string }[]) => set.map((s) => s.id))).toEqual([['derivativeAtA', 'divideByFeatures']]);
  });

  test('the plain Python and JavaScript harnesses carry a correct backprop to "correct"', async () => {
    expect((await check(runHarness('python3', 'harness_python.py', join(HERE, 'correct_backprop_plain.py')))).code).toBe(0);
    expect((await check(runHarness(process.execPath, 'harness.mjs', join(HERE, 'correctBackprop.mjs')))).code).toBe(0);
  });

  test('a backprop that imports a helper beside it loads (its folder is on the path), from any working folder', async () => {
    const file = runHarness('python3', 'harness_numpy.py', join(HERE, 'imports_helper_backprop.py'));
    expect((await check(file)).code).toBe(0);
    // run from the probe's folder with the default file names, the helper's folder elsewhere
    const fromProbe = execFileSync('python3', [join(dir, 'harness_numpy.py'), join(HERE, 'imports_helper_backprop.py')], { encoding: 'utf8', cwd: dir });
    expect(fromProbe).toBe(readFileSync(file, 'utf8'));
  });

  test('a failing import is reported as a failed load, and the empty output it leaves is named as blank, not as bad JSON', async () => {
    const broken = join(dir, 'broken_backprop.py');
    writeFileSync(broken, 'from no_such_helper import backward\n');
    for (const harness of ['harness_numpy.py', 'harness_python.py']) {
      const run = spawnSync('python3', [join(dir, harness), broken, join(dir, 'probe.json'), join(dir, 'probe-data.json')], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain("ModuleNotFoundError: No module named 'no_such_helper'");
      expect(run.stderr).toContain(`harness: could not load backward from ${broken}`);
    }
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    const run = await check(empty);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('there are no gradients, only blank text (a harness that fails prints its error, not the gradients)');
    expect(run.stderr).not.toContain('JSON');
  });

  test('all-zero and tiny gradients print no NaN or Infinity: the cosine cell says which is zero, a tiny gradient keeps its direction', async () => {
    const lab = JSON.parse(readFileSync(runHarness('python3', 'harness_numpy.py', join(HERE, 'correct_backprop.py')), 'utf8'));
    const scaled = (c: number) => {
      const file = join(dir, `scaled-${c}.json`);
      const scale = (x: unknown): unknown => (Array.isArray(x) ? x.map(scale) : (x as number) * c);
      writeFileSync(file, JSON.stringify({ ...lab, gradWeights: scale(lab.gradWeights), gradBiases: scale(lab.gradBiases) }));
      return file;
    };
    const zero = (await check(scaled(0))).stdout;
    expect(zero).not.toMatch(/NaN|Infinity/);
    expect(zero.match(/— \(yours is all zeros\)/g)).toHaveLength(3);
    const tiny = (await check(scaled(1e-300))).stdout;
    expect(tiny).not.toMatch(/NaN|Infinity/);
    expect(tiny).toMatch(/^1 +1 +1e-300$/m);
  });

  test('bad input exits 2 with the field named, and a missing flag is named', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'backprop-lab/gradients', version: 1, gradWeights: [[[0, 0]]], gradBiases: [] }));
    const run = await check(bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('gradWeights must hold 3 matrices');
    const missing = await cli('check', '--network', join(dir, 'probe.json'), '--data', join(dir, 'probe-data.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--gradients FILE is required');
  });
});

test('the README shows the NumPy harness in full, as shipped', () => {
  const readme = readFileSync(join(HERE, '../../README.md'), 'utf8');
  expect(readme).toContain(readFileSync(join(HERE, '../../public/check/harness_numpy.py'), 'utf8'));
});
