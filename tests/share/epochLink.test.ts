/** A link's epoch (`epoch=N`): read and capped at "Stop after", refused with a note, written only for a run its settings retrain, and retrained to on open. */
import { describe, expect, it, vi } from 'vitest';
import { readEpochParam, withEpoch } from '../../src/app/links/epochLink';
import { DEFAULT_CONFIG, type LabConfig, activationsOf, initializeNetwork, namedDataset, sizesOf } from '../../src/engine';
import { createSharedLabStore } from '../../src/app/storage/startup';
import type { SettingsStorage } from '../../src/app/storage/persist';
import type { LabCommand } from '../../src/worker/lab/protocol';
import { said } from '../englishText';

/** The data and network a run of `config` starts from, as the worker draws them. */
function seededStart(config: LabConfig) {
  const data = namedDataset(config.dataset, config.seed);
  return { config, data, initialNetwork: initializeNetwork(sizesOf(config, data), activationsOf(config), config.init, config.seed, config.leakySlope) };
}

const noStorage = (): SettingsStorage => {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
};

describe('epoch= in a link', () => {
  it('reads a whole number, caps it at the stop limit, refuses anything else', () => {
    expect(readEpochParam('?epoch=25', 60_000)).toEqual({ epoch: 25, refused: null, capped: null });
    expect(readEpochParam('?epoch=70000', 60_000)).toEqual({ epoch: 60_000, refused: null, capped: 70_000 });
    expect(readEpochParam('?epoch=0', 60_000).epoch).toBeNull();
    expect(readEpochParam('?lr=1', 60_000)).toEqual({ epoch: null, refused: null, capped: null });
    for (const bad of ['-3', '2.5', 'abc', '', '1e3'])
      expect(readEpochParam(`?epoch=${encodeURIComponent(bad)}`, 60_000)).toEqual({ epoch: null, refused: bad, capped: null });
    // no stop limit: still bounded, by the largest "Stop after" allowed
    expect(readEpochParam('?epoch=999999999999', 0).epoch).toBeLessThan(999_999_999_999);
  });

  it('is written at the run epoch, not at epoch 0, and not for a run whose settings changed mid-run or whose weight was typed in', () => {
    const run = { runId: 3, epoch: 25 } as never;
    const start = seededStart(DEFAULT_CONFIG);
    expect(withEpoch(new URLSearchParams('lr=1'), { ...start, run, costMarkers: [], editedRunId: null }).get('epoch')).toBe('25');
    expect(withEpoch(new URLSearchParams('lr=1'), { ...start, run: { runId: 3, epoch: 0 } as never, costMarkers: [], editedRunId: null }).has('epoch')).toBe(
      false,
    );
    const marked = [{ epoch: 10, changes: [{ setting: 'learningRate', value: 0.5 }] }] as never;
    expect(withEpoch(new URLSearchParams('lr=1&epoch=9'), { ...start, run, costMarkers: marked, editedRunId: null }).has('epoch')).toBe(false);
    expect(withEpoch(new URLSearchParams('lr=1'), { ...start, run, costMarkers: [], editedRunId: 3 }).has('epoch')).toBe(false);
  });

  it('is not written for a run its settings cannot start: a loaded network file, or your own data', () => {
    const run = { runId: 3, epoch: 25 } as never;
    const start = seededStart(DEFAULT_CONFIG);
    const loaded = { ...start.initialNetwork, params: start.initialNetwork.params.map((v, k) => (k === 0 ? v + 1 : v)) };
    expect(withEpoch(new URLSearchParams(), { ...start, initialNetwork: loaded, run, costMarkers: [], editedRunId: null }).has('epoch')).toBe(false);
    const mine = { ...start.data, kind: 'custom' as const };
    expect(withEpoch(new URLSearchParams(), { ...start, data: mine, run, costMarkers: [], editedRunId: null }).has('epoch')).toBe(false);
    // another seed's draw is not this seed's start
    const other = seededStart({ ...DEFAULT_CONFIG, seed: DEFAULT_CONFIG.seed + 1 });
    expect(withEpoch(new URLSearchParams(), { ...start, initialNetwork: other.initialNetwork, run, costMarkers: [], editedRunId: null }).has('epoch')).toBe(
      false,
    );
  });

  it('a bad or too large epoch is a note in words and changes nothing else', async () => {
    const bad = createSharedLabStore({ search: '?lr=0.5&epoch=banana', storage: noStorage() });
    await vi.waitFor(() =>
      expect(bad.getState().share.notes.map((n) => said(n.message))).toEqual([
        'Epoch (epoch) in the link: expected a whole number of epochs, got "banana"; the run opens at epoch 0.',
      ]),
    );
    expect(bad.getState().config.learningRate).toBe(0.5);
    const past = createSharedLabStore({ search: '?lr=0.5&stop=100&epoch=250', storage: noStorage() });
    await vi.waitFor(() =>
      expect(past.getState().share.notes.map((n) => said(n.message))).toEqual([
        `Epoch (epoch) in the link: 250 is past the run's "Stop after" (100); the run opens at epoch 100.`,
      ]),
    );
  });

  it('once the worker has started the run, it trains that many epochs at full speed, then puts the link speed back', async () => {
    const store = createSharedLabStore({ search: '?lr=0.5&speed=10&epoch=25', storage: noStorage() });
    const sent: LabCommand[] = [];
    store.setState({ send: (command) => void sent.push(command) });
    expect(sent).toEqual([]);
    store.setState({ run: { ...store.getState().run, runId: 1 } });
    await vi.waitFor(() => expect(sent.length).toBe(2));
    expect(sent).toEqual([
      { type: 'setSpeed', speed: 'max' },
      { type: 'trainEpochs', epochs: 25 },
    ]);
    expect(store.getState().speed).toBe('max');
    store.setState({ run: { ...store.getState().run, running: false, epoch: 25, stopReason: 'ranEpochs' } });
    await vi.waitFor(() => expect(store.getState().speed).toBe(10));
    expect(sent.at(-1)).toEqual({ type: 'setSpeed', speed: 10 });
  });
});
