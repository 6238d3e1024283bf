// @vitest-environment happy-dom
/**
 * A new grid comes with every frame while a run trains; the boundary's caption (whose every render
 * measures its text's layout to offer "more") renders again only when its words change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DecisionBoundary } from '../../src/views/boundary/DecisionBoundary';
import { questionXor, trained } from './fixtures';
import { type Rendered, render } from './render';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

describe('decision boundary caption', () => {
  it('is not measured again for a new grid, only when its words change', async () => {
    const early = trained(questionXor, 50);
    const later = trained(questionXor, 400);
    rendered = await render(<DecisionBoundary grids={early.grids} data={early.data} rounded={false} />);
    const text = rendered.container.querySelector<HTMLElement>('figcaption .bl-caption__text')!;
    let measured = 0;
    Object.defineProperty(text, 'scrollWidth', {
      get() {
        measured++;
        return 10;
      },
    });
    await rendered.rerender(<DecisionBoundary grids={later.grids} data={later.data} rounded={false} />);
    await rendered.rerender(<DecisionBoundary grids={early.grids} data={early.data} outputs={early.pass.layers[1].a} rounded={false} />);
    expect(measured).toBe(0);
    // rounded output changes the words: measured again
    await rendered.rerender(<DecisionBoundary grids={early.grids} data={early.data} rounded />);
    expect(measured).toBeGreaterThan(0);
    expect(text.textContent).toContain('rounded to 0 or 1');
  });
});
