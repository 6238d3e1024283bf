/** The page keys on top of the settings: the address bar and Copy link write the same ones, the tab among them. */
import { describe, expect, test } from 'vitest';
import { withPageKeys } from '../../src/app/links/pageKeys';
import { readTabParam, withTab } from '../../src/app/links/tabLink';
import { createLabStore } from '../../src/store/labStore';

describe('the tab in the link', () => {
  test('each tab but the Live lab is written; the Live lab writes no key, so its links read as before', () => {
    const query = new URLSearchParams('lr=0.5&tab=step');
    expect(withTab(query, 'buglab').toString()).toBe('lr=0.5&tab=buglab');
    expect(withTab(query, 'live').toString()).toBe('lr=0.5');
    expect(query.toString()).toBe('lr=0.5&tab=step');
  });

  test('what is written reads back; a bad value is refused (cut to 12 characters), none is no tab', () => {
    for (const mode of ['live', 'step', 'buglab'] as const)
      expect(readTabParam(`?${withTab(new URLSearchParams(), mode)}`).mode).toBe(mode === 'live' ? null : mode);
    expect(readTabParam('?tab=live')).toEqual({ mode: 'live', refused: null });
    expect(readTabParam('?tab=a-very-long-tab-name')).toEqual({ mode: null, refused: 'a-very-long-…' });
    expect(readTabParam('?lr=0.5')).toEqual({ mode: null, refused: null });
  });

  test('the page keys carry the open tab and the tour step beside the settings and the language', () => {
    const store = createLabStore();
    store.getState().setUi({ mode: 'step' });
    expect(withPageKeys(new URLSearchParams('lr=0.5'), store.getState()).toString()).toBe('lr=0.5&tab=step&lang=en');
    store.getState().setUi({ mode: 'buglab' });
    store.getState().setTourStep(3);
    expect(withPageKeys(new URLSearchParams('lr=0.5'), store.getState()).toString()).toBe('lr=0.5&tour=3&tab=buglab&lang=en');
  });
});
