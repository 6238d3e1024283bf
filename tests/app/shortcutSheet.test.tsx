// @vitest-environment happy-dom
/** The shortcut sheet lists every key the page binds, the guided tour's and presenter mode's too (a newcomer found them missing). */
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { ShortcutSheet } from '../../src/app/dialogs/ShortcutSheet';
import { SHORTCUTS } from '../../src/app/shortcutKeys';
import { type Rendered, render } from '../views/render';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

describe('the shortcut sheet', () => {
  test('lists the tour’s Escape and presenter mode’s ← →, beside the page’s keys, one row per entry of the table the handlers read', async () => {
    rendered = await render(<ShortcutSheet />);
    await act(async () => rendered!.container.querySelector('button')!.click());
    const rows = [...rendered.container.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toContainEqual(['Escape', 'Guided tour: leave it, with the lab as the step left it']);
    expect(rows).toContainEqual(['← →', 'Presenter mode with the guided tour open: previous or next step of the tour']);
    expect(rows).toContainEqual(['Space', expect.stringMatching(/^Play or pause/)]);
    expect(rows).toHaveLength(Object.keys(SHORTCUTS).length);
  });
});
