// @vitest-environment happy-dom
/**
 * A stuck run says why in its own numbers and offers the way out: the question's AND run stuck at
 * 60,000 epochs names the merged samples, their |z|, σ′(z) and σ′(a); switching to Correct there and
 * training on shows the cost not moving since the switch; "Reset and train with f′(z)" trains the
 * same seed with f′(z) from its initial weights and solves AND (a newcomer concluded the fix did not work).
 */
import { act } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { StatusLine } from '../../src/app/StatusLine';
import { StuckNote } from '../../src/app/StuckNote';
import { buildRun, questionConfig } from '../../src/engine';
import { hasCatalogGroup } from '../../src/i18n/setup';
import { connectWorker } from '../../src/store/connectWorker';
import { LabStoreContext } from '../../src/store/hooks';
import { createLabStore } from '../../src/store/labStore';
import { type Rendered, render } from '../views/render';
import { FakeWorkerEnv } from '../worker/harness';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('the stuck-run note', () => {
  test('names the saturation in measured numbers, shows the switch changing nothing, and its Reset solves AND from the same seed', async () => {
    const store = createLabStore();
    const env = new FakeWorkerEnv();
    connectWorker(store, env.worker(), (flush) => flush());
    expect(store.getState().applyPreset('question-and')).toBeNull();
    store.getState().setSpeed('max');
    rendered = await render(
      <LabStoreContext.Provider value={store}>
        <StatusLine />
        <StuckNote />
      </LabStoreContext.Provider>,
    );
    const page = rendered.container;
    const note = () => page.querySelector('.stuck-note');
    // a fresh run has nothing to say
    expect(note()).toBeNull();
    await act(async () => {
      store.getState().play();
      env.runUntilIdle();
    });
    expect(store.getState().run).toMatchObject({ epoch: 60_000, stopReason: 'maxEpochs' });
    // the note's words are a lazy chunk with its own messages: it shows once they are in
    await act(async () => {
      await vi.waitFor(() => hasCatalogGroup('stucknote') || Promise.reject(new Error('not yet')));
      await import('../../src/app/StuckNoteBody');
    });
    const seed = store.getState().config.seed;
    expect(text(note())).toMatch(
      /^Stuck in saturation\. Samples \(1, 1\), \(0, 1\) and \(1, 0\) have different targets, but hidden layer 1 is saturated on them \(\|z\| ≥ 3253\) and gives each the activations \(1, 0\), so the output layer cannot tell them apart\./,
    );
    expect(text(note())).toMatch(
      /There σ′\(z\) = 0 \(a double cannot hold anything smaller\), so with f′\(z\) the δ they send back is 0: the correct gradient gets no signal from them to pull them apart\./,
    );
    expect(text(note())).toMatch(
      /Switching to Correct now would keep these weights, and with them this saturation\. The buggy f′\(a\) uses σ′\(a\) ≥ 0\.1966 there instead\. Reset and train with f′\(z\) goes back to the initial weights this run started from and trains them with f′\(z\)\./,
    );

    // the switch on these weights: the status names the epoch, the note the cost since then
    await act(async () => {
      expect(store.getState().setConfig({ derivative: 'correct' })).toBeNull();
    });
    expect(text(page.querySelector('[role="status"]'))).toMatch(/correct f′\(z\) from epoch 60,000 on/);
    await act(async () => {
      store.getState().play();
      env.runUntilIdle();
    });
    expect(store.getState().run).toMatchObject({ epoch: 120_000, stopReason: 'maxEpochs' });
    expect(text(page.querySelector('[role="status"]'))).toMatch(/Not solved/);
    expect(text(note())).toMatch(/^Stuck in saturation\. With f′\(z\) since epoch 60,000, the cost went from 0\.4774 to 0\.4774 in 60,000 epochs\. Samples/);

    const action = note()!.querySelector('.stuck-note__action') as HTMLButtonElement;
    expect(action.textContent).toBe('Reset and train with f′(z)');
    await act(async () => {
      action.click();
      env.runUntilIdle();
    });
    const after = store.getState();
    expect(after.config).toMatchObject({ derivative: 'correct', seed });
    expect(after.run).toMatchObject({ epoch: 120_000, stopReason: 'maxEpochs' });
    expect(after.snapshot?.evaluation.solved).toBe(true);
    expect(note()).toBeNull();
    const reference = buildRun({ ...questionConfig('AND'), seed, derivative: 'correct' });
    reference.trainer.train(120_000);
    expect(after.snapshot?.network.params).toEqual(reference.net.params);
  });
});
