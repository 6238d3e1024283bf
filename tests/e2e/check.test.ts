/**
 * Check my gradients in the production build: download the probe, paste the gradients the NumPy
 * harness prints for the two-slip program (run here with a real python3 and NumPy), see the diagnosis
 * and the coloured graph, and paste malformed JSON to see the field named and the diagnosis retired.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SLIPS, SLIP_IDS } from '../../src/engine';
import { probeDataText, probeNetworkText } from '../../src/engine/probe';
import { MYSTERY_KEY, encodeMystery, mysterySlip } from '../../src/app/bugLab/mystery';
import { launchBrowser, openPage } from './browser';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let browser: Browser;
let dir = '';
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'check-e2e-'));
});
afterAll(async () => {
  await browser?.close();
});

async function openCheck(): Promise<{ page: Page; section: Locator }> {
  const page = await openPage(browser, inject('baseUrl'), []);
  await page.getByRole('tab', { name: 'Bug lab' }).click();
  return { page, section: page.getByRole('region', { name: 'Check my gradients' }) };
}

describe('Check my gradients', () => {
  test('the probe downloads; the two-slip NumPy program is diagnosed, its graph coloured; malformed JSON names the field', async () => {
    const { page, section } = await openCheck();
    const [networkDownload] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download probe.json' }).click()]);
    const networkPath = join(dir, 'probe.json');
    await networkDownload.saveAs(networkPath);
    expect(readFileSync(networkPath, 'utf8')).toBe(probeNetworkText());
    const [dataDownload] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download probe-data.json' }).click()]);
    const dataPath = join(dir, 'probe-data.json');
    await dataDownload.saveAs(dataPath);
    expect(readFileSync(dataPath, 'utf8')).toBe(probeDataText());

    const harness = join(dir, 'harness_numpy.py');
    writeFileSync(harness, readFileSync(join(ROOT, 'public/check/harness_numpy.py')));
    const gradients = execFileSync('python3', [harness, join(ROOT, 'tests/check/question_backprop.py'), networkPath, dataPath], { encoding: 'utf8' });

    await section.getByLabel('Your gradients (JSON)').fill(gradients);
    await section.getByRole('button', { name: 'Check', exact: true }).click();
    const diagnosis = section.getByRole('status', { name: 'Diagnosis' });
    await expect
      .poll(() => diagnosis.textContent())
      .toMatch(/^Your gradients are exactly those of: σ′ taken at a, and ÷ input features\. Change delta = \(W\[l\]\.T @ delta\) \* f_prime\(a\[l - 1\]\) to /);
    const graph = section.getByRole('img', { name: /coloured by relative error/ });
    const errors = await graph.locator('[data-error]').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-error'))));
    expect(errors).toHaveLength(18);
    // every parameter departs (÷ 2 instead of ÷ 5 scales them all) and is drawn in its colour
    expect(errors.every((e) => e > 1e-3)).toBe(true);
    const strokes = await graph.locator('line').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('stroke')));
    expect(strokes.every((s) => s?.startsWith('hsl('))).toBe(true);

    await section
      .getByLabel('Your gradients (JSON)')
      .fill(gradients.replace('"version": 1', '"version": 1, "x": 0').replace(/"gradBiases": \[\[[^\]]*\]/, '"gradBiases": [[0.1, 0.2, 0.3]'));
    await section.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toBe('gradBiases[0] must hold 2 numbers (n_1), got 3');
    await section.getByLabel('Your gradients (JSON)').fill('{"format": "backprop-lab/gradients", "version": 1, "gradWeights": []}');
    await section.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toBe('gradBiases is missing');
    // a refused input retires the diagnosis: no verdict, graph or table stands beside text it did not check
    expect(await section.locator('.bl-check__result').count()).toBe(0);
    expect(await diagnosis.count()).toBe(0);

    // correct, then blank, then not JSON: each refusal leaves only its message
    await section
      .getByLabel('Your gradients (JSON)')
      .fill(execFileSync('python3', [harness, join(ROOT, 'tests/check/correct_backprop.py'), networkPath, dataPath], { encoding: 'utf8' }));
    await section.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => diagnosis.textContent()).toMatch(/^Your gradients are correct/);
    for (const refused of ['', 'not json'] as const) {
      await section.getByLabel('Your gradients (JSON)').fill(refused);
      await section.getByRole('button', { name: 'Check', exact: true }).click();
      await expect
        .poll(() => section.getByRole('alert').textContent())
        .toMatch(refused === '' ? /^there are no gradients, only blank text/ : /^not valid JSON/);
      expect(await section.locator('.bl-check__result').count()).toBe(0);
    }
    await page.close();
  });
});

describe('Mystery slip', () => {
  test('a link plays the mystery: the slip is secret, the list offers it, Reveal explains it', async () => {
    const seed = 12345;
    const code = encodeMystery(seed);
    const page = await openPage(browser, `${inject('baseUrl')}?${MYSTERY_KEY}=${code}`, []);
    await page.getByRole('tab', { name: 'Bug lab' }).click();
    const section = page.getByRole('region', { name: 'Mystery slip' });
    const list = section.getByLabel('Which slip is it?');
    await expect.poll(() => list.isVisible()).toBe(true);
    // the name is nowhere on the page before the reveal, except as one choice among many
    expect(await section.getByRole('status').count()).toBe(0);
    const offered = (await list.locator('option').allTextContents()).slice(1);
    expect(offered.length).toBeGreaterThan(4);
    // the list is the configuration's candidates in library order; the seed picks one of them
    const ids = offered.map((name) => SLIP_IDS.find((id) => SLIPS[id].name === name)!);
    const slip = mysterySlip(seed, ids)!;
    await list.selectOption({ label: SLIPS[slip].name });
    await section.getByRole('button', { name: 'Reveal' }).click();
    await expect.poll(() => section.getByRole('status', { name: 'Mystery answer' }).textContent()).toContain(`Right: it was ${SLIPS[slip].name}.`);
    expect(new URL(page.url()).searchParams.get(MYSTERY_KEY)).toBe(code);
    await page.close();
  });
});
