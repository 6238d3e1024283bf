// @vitest-environment happy-dom
/** A mystery link opened on the Live lab says a mystery waits, and its button opens the Bug lab (a newcomer saw nothing). */
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { ModePanel } from '../../src/app/ModeTabs';
import { encodeMystery, endMystery } from '../../src/app/bugLab/mystery';
import { createSharedLabStore } from '../../src/app/storage/startup';
import { LabStoreContext } from '../../src/store/hooks';
import type { LabStore } from '../../src/store/labStore';
import { type Rendered, render } from '../views/render';

let rendered: Rendered | null = null;
let store: LabStore | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
  if (store) endMystery(store);
  store = null;
});

const panels = (lab: LabStore) => (
  <LabStoreContext.Provider value={lab}>
    <ModePanel mode="live">live views</ModePanel>
    <ModePanel mode="step">step views</ModePanel>
    <ModePanel mode="buglab">bug lab</ModePanel>
  </LabStoreContext.Provider>
);
const notice = () => rendered!.container.querySelector('.mystery-notice');

describe('a mystery link on another tab', () => {
  test('the Live lab and Step through say a mystery slip is on; the button opens the Bug lab, which has no such note', async () => {
    store = createSharedLabStore({ search: `?mystery=${encodeMystery(12345)}`, storage: null });
    expect(store.getState().ui.mode).toBe('live');
    rendered = await render(panels(store));
    expect(notice()?.textContent).toMatch(/^A mystery slip is on: .*Name it in the Bug lab\.Go to the mystery$/);
    await act(async () => store!.getState().setUi({ mode: 'step' }));
    expect(notice()).not.toBeNull();
    await act(async () => notice()!.querySelector('button')!.click());
    expect(store.getState().ui.mode).toBe('buglab');
    expect(rendered.container.textContent).toBe('bug lab');
  });

  test('without a mystery there is no note', async () => {
    store = createSharedLabStore({ search: '?lr=0.5', storage: null });
    rendered = await render(panels(store));
    expect(rendered.container.textContent).toBe('live views');
  });
});
