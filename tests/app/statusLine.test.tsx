// @vitest-environment happy-dom
/**
 * The status line and the transport say what happened: after a run stops ("Finished at epoch …:
 * not solved", never "Not solved yet", whatever stopped it at the limit), when Play goes on past the
 * limit (the new limit named), after a setting changed mid-run (from which epoch), when a worker's error is huge (clipped, the rest in a details element),
 * and when the worker was given up on (Play and Step disabled, the message named as their reason).
 * And a view that throws is replaced by a message with "Reload this view", not an empty page.
 */
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { ErrorBoundary } from '../../src/app/ErrorBoundary';
import { MESSAGE_CLIP, StatusLine } from '../../src/app/StatusLine';
import { Transport } from '../../src/app/Transport';
import { connectWorker } from '../../src/store/connectWorker';
import { LabStoreContext } from '../../src/store/hooks';
import { type LabStore, createLabStore } from '../../src/store/labStore';
import type { RunState } from '../../src/store/types';
import { type Rendered, render } from '../views/render';
import { FakeWorkerEnv } from '../worker/harness';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

/** A store joined to a fake worker that has trained `epochs` epochs of the default XOR run. */
function trainedStore(epochs: number): { store: LabStore; env: FakeWorkerEnv } {
  const store = createLabStore();
  const env = new FakeWorkerEnv();
  connectWorker(store, env.worker(), (flush) => flush());
  store.getState().setSpeed('max');
  if (epochs > 0) store.getState().trainEpochs(epochs);
  env.runUntilIdle();
  return { store, env };
}

async function show(store: LabStore) {
  rendered = await render(
    <LabStoreContext.Provider value={store}>
      <Transport />
      <StatusLine />
    </LabStoreContext.Provider>,
  );
  return rendered.container;
}

const setRun = (store: LabStore, patch: Partial<RunState>) => act(async () => store.setState({ run: { ...store.getState().run, ...patch } }));
const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ') ?? '';

describe('the status after a run stops (issue 11)', () => {
  test('finished at the limit: says so with the outcome, never "Not solved yet"; Play trains on past the limit and says so', async () => {
    const { store, env } = trainedStore(0);
    expect(store.getState().setStop({ maxEpochs: 3 })).toBeNull();
    store.getState().play();
    env.runUntilIdle();
    const page = await show(store);
    const status = page.querySelector('[role="status"]')!;
    expect(store.getState().snapshot?.evaluation.solved).toBe(false);
    expect(text(status)).toMatch(/Finished at epoch 3: not solved; reached the epoch limit \(3\) · Play trains on to epoch 6/);
    expect(text(status)).not.toMatch(/yet/);
    await act(async () => (page.querySelector('.button--play') as HTMLButtonElement).click());
    expect(text(status)).toMatch(/Stop after raised from 3 to 6: training on from epoch 3/);
    await act(async () => env.runUntilIdle());
    expect(store.getState().run).toMatchObject({ epoch: 6, stopReason: 'maxEpochs' });
    expect(store.getState().stop.maxEpochs).toBe(6);
    expect(text(status)).toMatch(/Finished at epoch 6: not solved/);
  });

  test('stopped at the limit by "run N epochs" (the tour\'s way) reads as finished: "Not solved", why, and what Play does', async () => {
    const { store, env } = trainedStore(0);
    expect(store.getState().setStop({ maxEpochs: 3 })).toBeNull();
    store.getState().trainEpochs(3);
    env.runUntilIdle();
    expect(store.getState().run).toMatchObject({ epoch: 3, stopReason: 'ranEpochs', running: false });
    const page = await show(store);
    const status = text(page.querySelector('[role="status"]')!);
    expect(status).toMatch(/○ ?Not solved(?! yet)/);
    expect(status).toMatch(/Finished at epoch 3: not solved; reached the epoch limit \(3\) · Play trains on to epoch 6/);
  });

  test('a derivative switch while stopped: the status says from which epoch it applies', async () => {
    const { store } = trainedStore(4);
    const page = await show(store);
    await act(async () => {
      expect(store.getState().setConfig({ derivative: 'buggy' })).toBeNull();
    });
    expect(text(page.querySelector('[role="status"]')!)).toMatch(/buggy f′\(a\) from epoch 4 on \(changed mid-run, the weights kept\)/);
  });

  test("a derivative switch mid-run: while it trains on, the status says from which epoch's weights and with which derivative", async () => {
    const { store, env } = trainedStore(4);
    const page = await show(store);
    await act(async () => {
      expect(store.getState().setConfig({ derivative: 'buggy' })).toBeNull();
      store.getState().play();
    });
    expect(text(page.querySelector('[role="status"]')!)).toMatch(/Training on from the weights of epoch 4 with the buggy derivative f′\(a\), η = 0\.35/);
    await act(async () => store.getState().pause());
    env.runUntilIdle();
  });

  test('a 100,000-character error shows its first characters, and the whole text in a details element', async () => {
    const { store } = trainedStore(0);
    const page = await show(store);
    const long = `boom ${'x'.repeat(100_000)}`;
    await setRun(store, { error: long });
    const message = page.querySelector('.status__message')!;
    const details = message.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('pre')!.textContent).toBe(long);
    const shown = [...message.querySelector('.status__text')!.childNodes]
      .filter((node) => node.nodeType === 3)
      .map((node) => node.textContent)
      .join('');
    expect(shown.length).toBeLessThanOrEqual(MESSAGE_CLIP + 2);
    expect(shown.startsWith('boom xxx')).toBe(true);
  });

  test('a halted lab: Play, Step and Reset are disabled and name the status message as their reason', async () => {
    const { store } = trainedStore(0);
    const page = await show(store);
    const why = 'The training worker failed again (x) and was not restarted. Reload the page to start it again.';
    await setRun(store, { error: why, halted: why });
    const message = page.querySelector('.status__message')!;
    for (const name of ['Play', 'Step', 'Reset']) {
      const button = [...page.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;
      expect(button.disabled).toBe(true);
      expect(button.getAttribute('title')).toBe(why);
      expect(page.querySelector(`#${button.getAttribute('aria-describedby')}`)).toBe(message);
    }
    expect(text(message)).toBe(why);
  });
});

/** A view that throws while `broken()` says so, and draws once it no longer does. */
function Fragile({ broken }: { broken: () => boolean }) {
  if (broken()) throw new Error('cannot read properties of undefined (reading "params")');
  return <p>drawn again</p>;
}

describe('a view that throws (issue 16, defect 1)', () => {
  test('is replaced by what failed and "Reload this view"; its siblings stay; the reload draws it afresh', async () => {
    let broken = true;
    rendered = await render(
      <div>
        <p>sibling</p>
        <ErrorBoundary name="fault.graph">
          <Fragile broken={() => broken} />
        </ErrorBoundary>
      </div>,
    );
    const page = rendered.container;
    expect(text(page)).toMatch(/sibling/);
    const alert = page.querySelector('[role="alert"]')!;
    expect(text(alert)).toMatch(/The network graph failed and is not shown\. ?cannot read properties of undefined \(reading "params"\)/);
    broken = false;
    await act(async () => (alert.querySelector('button') as HTMLButtonElement).click());
    expect(text(page)).toMatch(/sibling ?drawn again/);
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });
});
