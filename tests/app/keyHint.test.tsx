// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { KeyHint } from '../../src/app/KeyHint';
import { LabStoreContext } from '../../src/store/hooks';
import { createLabStore } from '../../src/store/labStore';
import { type Rendered, render } from '../views/render';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

describe('the header key hint', () => {
  test('says what → does in the open mode: Step (an epoch) in the live lab and bug lab, Next step in the step-through', async () => {
    const store = createLabStore();
    rendered = await render(
      <LabStoreContext.Provider value={store}>
        <KeyHint />
      </LabStoreContext.Provider>,
    );
    const text = () => rendered!.container.textContent?.replace(/\s+/g, ' ').trim();
    expect(text()).toBe('Space play/pause · → step · ? keys');
    await act(async () => store.getState().setUi({ mode: 'step' }));
    expect(text()).toBe('Space play/pause · → next step · ? keys');
    await act(async () => store.getState().setUi({ mode: 'buglab' }));
    expect(text()).toBe('Space play/pause · → step · ? keys');
  });
});
