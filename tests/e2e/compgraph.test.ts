/**
 * The computational graph in the production build: for the question's XOR example and a chosen
 * sample, its node values and gradients are the very numbers the stepper's cells show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const stepper = (page: Page) => page.getByRole('region', { name: 'Step-through' });
const figure = (page: Page) => page.getByRole('figure', { name: 'Computational graph' });
const cellValues = (page: Page) =>
  stepper(page)
    .locator('td[data-value]')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
const nodeNumber = async (page: Page, id: string, what: 'value' | 'grad') =>
  Number(await figure(page).locator(`[data-node="${id}"]`).getAttribute(`data-${what}`));

describe('the computational graph', () => {
  test('its node values and gradients equal the stepper’s cells for the same sample', async () => {
    const errors: string[] = [];
    const page = await openPage(browser, inject('baseUrl'), errors);
    await expect.poll(async () => (await page.getByRole('status', { name: 'Run status' }).textContent()) ?? '', { timeout: 20_000 }).toMatch(/Cost\s*[\d.]+/);
    await page.getByRole('tab', { name: 'Step through' }).click();
    await page.getByLabel('Worked example').selectOption('question-xor');
    await page.getByRole('button', { name: 'Load example' }).click();
    // the example's own W²₁₁ once its network is loaded (the lab passes through a run or two on its way)
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/question-xor.network.json'), 'utf8')) as { weights: number[][][] };
    await expect.poll(() => nodeNumber(page, 'w0', 'value'), { timeout: 10_000 }).toBe(file.weights[1][0][0]);
    await stepper(page).locator('.bl-stepper__sample select').selectOption('2');
    await expect.poll(async () => (await figure(page).textContent()) ?? '').toContain('sample 3');
    await figure(page).getByRole('combobox', { name: 'Neuron' }).selectOption('1:1');
    await expect.poll(async () => (await stepper(page).locator('.bl-stepper__status').textContent()) ?? '', { timeout: 10_000 }).toMatch(/Epoch 0 · Step 1 of/);

    // step 1 shows z¹ of sample 3: the graph's sum node is one of those cells, exactly
    const forward = await cellValues(page);
    expect(forward).toContain(await nodeNumber(page, 'z', 'value'));

    await stepper(page).getByRole('button', { name: 'BP2 δˡ' }).click();
    await expect.poll(async () => (await cellValues(page)).includes(await nodeNumber(page, 'z', 'grad'))).toBe(true);
    // the buggy derivative: the f node names the f′(a) it uses and the true f′(z), both cells of BP2's table
    const f = figure(page).locator('[data-node="f"]');
    expect(await f.textContent()).toMatch(/uses f′\(a\) = .*true f′\(z\) = /);

    // the output neuron: a² of sample 3 in the forward step, its δ in BP1
    await figure(page).getByRole('combobox', { name: 'Neuron' }).selectOption('2:0');
    await stepper(page).getByRole('button', { name: /^BP1/ }).click();
    await expect.poll(async () => (await cellValues(page)).includes(await nodeNumber(page, 'f', 'value'))).toBe(true);
    expect(await cellValues(page)).toContain(await nodeNumber(page, 'z', 'grad'));
    expect(await cellValues(page)).toContain(await nodeNumber(page, 'y', 'value'));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
