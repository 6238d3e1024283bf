/**
 * Presenter mode's → and ← for the guided tour: while the tour is open they page through its steps
 * (caught before the stepper's and the page's own arrow keys); otherwise those keep them (the stepper
 * pages through its steps in Step through).
 */
import { useEffect } from 'react';
import { useLabStoreApi } from '../../store/hooks';
import { TOUR_STEP_COUNT } from '../tour/tourSteps';
import { SHORTCUTS, isShortcut } from '../shortcutKeys';

export function usePresenterKeys(presenter: boolean): void {
  const store = useLabStoreApi();
  useEffect(() => {
    if (!presenter) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(SHORTCUTS.presenterTour, event.key)) return;
      const step = store.getState().story.tourStep;
      if (step === null || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof Element && event.target.closest('input, textarea, select, [role="slider"], [contenteditable="true"]')) return;
      const next = Math.min(TOUR_STEP_COUNT, Math.max(1, step + (event.key === 'ArrowRight' ? 1 : -1)));
      event.preventDefault();
      event.stopPropagation();
      if (next !== step) store.getState().setTourStep(next);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store, presenter]);
}

/**
 * Escape leaves presenter mode once nothing nearer takes it: an open tour (its own Escape closes it
 * first), a dialog, a menu, or a field that cancels an edit with it.
 */
export function useEscapeLeavesPresenter(presenter: boolean, leave: () => void): void {
  const store = useLabStoreApi();
  useEffect(() => {
    if (!presenter) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(SHORTCUTS.leavePresenter, event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof Element && event.target.closest('input, textarea, select, dialog, [role="dialog"], [role="menu"], [aria-expanded="true"]'))
        return;
      if (document.querySelector('dialog[open]') || store.getState().story.tourStep !== null) return;
      // decide once every handler has seen the key (a menu listening on the window prevents its default)
      setTimeout(() => {
        if (!event.defaultPrevented) leave();
      }, 0);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, presenter, leave]);
}
