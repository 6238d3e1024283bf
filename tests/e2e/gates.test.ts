/** The bug lab's gate comparison end to end: the production build, the real worker pool, and the CLI for the same seeds. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { COMPARED_GATES } from '../../src/engine';
import { formatNumber } from '../../src/views/format';
import { cliJson } from '../cli/helpers';
import { launchBrowser, openPage } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe findings in the Bug lab's panel. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: Array<{ target: string[] }> };
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document.querySelector('[role="tabpanel"]')!)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface CliReport {
  inits: number;
  successes: number;
  successRate: number;
  medianFinalCost: number;
}

const STARTS = 3;

describe('gate comparison', () => {
  test('Compare gates fills the table with the successes and medians `cli sweep --json` gives for the same seeds; a later sweep on OR keeps AND', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, inject('baseUrl'), errors);
    await expect.poll(async () => (await page.getByRole('status', { name: 'Run status' }).textContent()) ?? '', { timeout: 20_000 }).toMatch(/Cost\s*\d/);
    await page.getByRole('tab', { name: 'Bug lab' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Bug lab' });
    const table = panel.getByRole('table', { name: 'Gate comparison' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    expect(await panel.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
    await panel.getByLabel('Starts per gate').fill('1001');
    expect(await panel.getByRole('button', { name: 'Compare gates' }).isDisabled()).toBe(true);
    await panel.getByLabel('Starts per gate').fill(String(STARTS));
    await panel.getByRole('button', { name: 'Compare gates' }).click();
    const xorSeeds = table.locator('tr[data-gate="XOR"] td').first();
    await expect.poll(() => xorSeeds.textContent(), { timeout: 90_000 }).toBe(`1–${STARTS}`);
    for (const gate of COMPARED_GATES) {
      const cells = await table.locator(`tr[data-gate="${gate}"] td`).allTextContents();
      const solved = await table
        .locator(`tr[data-gate="${gate}"] td[data-successes]`)
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-successes'))));
      const reports = await Promise.all(
        (['correct', 'buggy'] as const).map((mode) =>
          cliJson<CliReport>('sweep', '--preset', `question-${gate.toLowerCase()}`, '--derivative', mode, '--inits', String(STARTS), '--threads', '1'),
        ),
      );
      expect(solved).toEqual(reports.map((r) => r.successes));
      expect(cells[1]).toMatch(new RegExp(`^${reports[0].successes}/${STARTS} · `));
      expect(cells[2]).toBe(formatNumber(reports[0].medianFinalCost));
      expect(cells[4]).toBe(formatNumber(reports[1].medianFinalCost));
    }
    expect(await seriousViolations(page)).toEqual([]);
    // on a phone the table scrolls sideways in a focusable region: still no serious finding
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 900 });
    // the CSV download holds one line per gate and derivative
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('gate-comparison.csv');
    const csv = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(csv).toString('utf8').trim().split('\n')).toHaveLength(7);
    // an ordinary sweep of OR with other epochs is another configuration: AND's row stays
    const andBefore = await table.locator('tr[data-gate="AND"]').textContent();
    await panel.getByRole('group', { name: 'Bug lab presets' }).getByRole('button', { name: 'OR', exact: true }).click();
    const stop = page.getByLabel('Stop after (epochs)');
    await stop.fill('500');
    await stop.press('Enter');
    await panel.getByLabel('Starts', { exact: true }).fill('2');
    await panel.getByRole('button', { name: 'Run sweep' }).click();
    await panel.locator('.bl-sweep-timing').waitFor({ timeout: 30_000 });
    expect(await table.locator('tr[data-gate="AND"]').textContent()).toBe(andBefore);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
