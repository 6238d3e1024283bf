/** The page's opening settings: link > saved > defaults, in the store before any worker, with notes for what was refused. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine';
import { STORAGE_KEY, type SettingsStorage } from '../../src/app/storage/persist';
import { createSharedLabStore } from '../../src/app/storage/startup';
import { MAX_PAGE_NOTES } from '../../src/store/shareSlice';
import { FIRST_VISIT_CONFIG } from '../../src/app/tour/storySetup';
import { LANDING_SEEN_KEY } from '../../src/app/tour/tourLink';
import { said } from '../englishText';

function storageWith(query: string | null): SettingsStorage {
  const items = new Map<string, string>();
  if (query !== null) items.set(STORAGE_KEY, JSON.stringify({ query }));
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('the store the page opens with', () => {
  it("no link and nothing saved (a first visit): the question's AND with the buggy derivative, the landing, no notes", () => {
    const store = createSharedLabStore({ search: '', storage: storageWith(null) });
    expect(store.getState().config).toEqual(FIRST_VISIT_CONFIG);
    expect(FIRST_VISIT_CONFIG).toMatchObject({ dataset: 'AND', hidden: [2], derivative: 'buggy', gradientDivisor: 'features', seed: 1, epochs: 60_000 });
    expect(store.getState().story).toMatchObject({ landing: true, tourStep: null });
    expect(store.getState().share.notes).toEqual([]);
  });

  it('a returning visitor: saved settings, or a landing once left, show no landing', () => {
    expect(createSharedLabStore({ search: '', storage: storageWith('lr=0.5') }).getState().story.landing).toBe(false);
    const left = storageWith(null);
    left.setItem(LANDING_SEEN_KEY, '1');
    const store = createSharedLabStore({ search: '', storage: left });
    expect(store.getState().story.landing).toBe(false);
    // still the question's AND: nothing was saved
    expect(store.getState().config).toEqual(FIRST_VISIT_CONFIG);
  });

  it("settings in the link: no landing, and what the link leaves out keeps the engine's defaults", () => {
    const store = createSharedLabStore({ search: '?lr=0.5', storage: storageWith(null) });
    expect(store.getState().story.landing).toBe(false);
    expect(store.getState().config).toEqual({ ...DEFAULT_CONFIG, learningRate: 0.5 });
  });

  it("tour=3 opens the tour at step 3 without the landing, beside the link's settings", () => {
    const store = createSharedLabStore({ search: '?tour=3&seed=7', storage: storageWith(null) });
    expect(store.getState().story).toMatchObject({ tourStep: 3, landing: false });
    expect(store.getState().config.seed).toBe(7);
    expect(store.getState().share.notes).toEqual([]);
  });

  it('a bad tour step is refused with a note naming it and changes nothing else', () => {
    for (const bad of ['0', '99', 'abc', '2.5', '']) {
      const store = createSharedLabStore({ search: `?tour=${bad}`, storage: storageWith(null) });
      expect(store.getState().story.tourStep).toBeNull();
      expect(store.getState().config).toEqual(FIRST_VISIT_CONFIG);
      expect(store.getState().share.notes.map((n) => said(n.message))).toEqual([
        expect.stringMatching(/^Guided tour \(tour\) in the link: expected a step from 1 to \d+/),
      ]);
    }
  });

  it('tab=step and tab=buglab open that tab; a link without the key (an old one) opens on the Live lab, as before', () => {
    expect(createSharedLabStore({ search: '?tab=step&seed=7', storage: storageWith(null) }).getState().ui.mode).toBe('step');
    const bugLab = createSharedLabStore({ search: '?tab=buglab&lr=0.5', storage: storageWith(null) }).getState();
    expect(bugLab.ui.mode).toBe('buglab');
    expect(bugLab.config).toEqual({ ...DEFAULT_CONFIG, learningRate: 0.5 });
    expect(bugLab.share.notes).toEqual([]);
    expect(createSharedLabStore({ search: '?lr=0.5&seed=7', storage: storageWith(null) }).getState().ui.mode).toBe('live');
  });

  it('a bad tab is refused with a note naming it, opens the Live lab and changes nothing else', () => {
    for (const bad of ['banana', 'STEP', '', '<b>x</b>']) {
      const store = createSharedLabStore({ search: `?tab=${encodeURIComponent(bad)}&lr=0.5`, storage: storageWith(null) });
      expect(store.getState().ui.mode).toBe('live');
      expect(store.getState().config).toEqual({ ...DEFAULT_CONFIG, learningRate: 0.5 });
      expect(store.getState().share.notes.map((n) => said(n.message))).toEqual([
        `Tab (tab) in the link: expected live, step or buglab, got "${bad}"; the page opens on the Live lab.`,
      ]);
    }
  });

  it('a link beats the saved settings, setting by setting', () => {
    const store = createSharedLabStore({ search: '?lr=0.9&speed=max&stop=1234', storage: storageWith('lr=0.1&seed=42&scale=linear') });
    const state = store.getState();
    expect(state.config).toMatchObject({ learningRate: 0.9, seed: 42 });
    expect(state.speed).toBe('max');
    expect(state.stop).toEqual({ maxEpochs: 1234, targetCost: 0 });
    expect(state.ui.costScale).toBe('linear');
  });

  it('a hostile link opens with the good fields, and plain-text notes name the bad ones', () => {
    const search = '?lr=1e999&hidden=4,%3Cscript%3E&act=relu&cost=crossEntropy&out=relu&seed=-1&x=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&speed=max';
    const store = createSharedLabStore({ search, storage: storageWith(null) });
    const { config, speed, share } = store.getState();
    expect(config).toMatchObject({
      learningRate: DEFAULT_CONFIG.learningRate,
      hidden: DEFAULT_CONFIG.hidden,
      hiddenActivation: 'relu',
      seed: DEFAULT_CONFIG.seed,
      outputActivation: 'sigmoid',
    });
    expect(speed).toBe('max');
    const text = share.notes.map((note) => said(note.message)).join('\n');
    for (const key of ['(lr)', '(hidden)', '(seed)', '(out)']) expect(text).toContain(key);
    expect(text).toMatch(/Ignored unknown setting in the link: "x"/);
    expect(share.notes.length).toBeLessThanOrEqual(MAX_PAGE_NOTES);
  });

  it('a link whose every value is refused opens on the defaults its notes name, not the first visit’s AND', () => {
    const store = createSharedLabStore({ search: '?data=NOPE&hidden=abc', storage: storageWith(null) });
    expect(store.getState().config).toEqual(DEFAULT_CONFIG);
    const text = store
      .getState()
      .share.notes.map((note) => said(note.message))
      .join('\n');
    expect(text).toContain(`kept ${DEFAULT_CONFIG.dataset}`);
    expect(text).toContain(`kept ${DEFAULT_CONFIG.hidden.join(',')}`);
    expect(store.getState().story.landing).toBe(false);
  });

  it('damaged saved settings cost a note, not the page', () => {
    const broken: SettingsStorage = { getItem: () => '{"query": 12', setItem: () => {} };
    const store = createSharedLabStore({ search: '', storage: broken });
    expect(store.getState().config).toEqual(FIRST_VISIT_CONFIG);
    expect(store.getState().share.notes.map((note) => said(note.message))).toEqual([expect.stringMatching(/damaged/)]);
  });

  it('notes can be dismissed, and the same note is not shown twice', () => {
    const store = createSharedLabStore({ search: '?lr=abc', storage: null });
    const notes = store.getState().share.notes;
    expect(notes).toHaveLength(1);
    store.getState().addNotes(notes);
    expect(store.getState().share.notes).toHaveLength(1);
    store.getState().dismissNotes();
    expect(store.getState().share.notes).toEqual([]);
  });

  it('one batch that says the same thing twice shows it once (the banner keys its notes by message)', () => {
    const store = createSharedLabStore({ search: '', storage: null });
    store.getState().dismissNotes();
    const note = { key: 'storage', message: 'The saved settings could not be read.' };
    store.getState().addNotes([note, { ...note }]);
    expect(store.getState().share.notes.map((shown) => said(shown.message))).toEqual([said(note.message)]);
  });
});
