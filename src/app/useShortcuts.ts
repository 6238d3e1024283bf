/** Space plays or pauses, → steps; never while the user types or works a form control. */
import { useEffect } from 'react';
import type { LabStore } from '../store/labStore';

/** The user is typing in a field: the page's one-key shortcuts stand aside. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Elements where Space already means "press this" (a button's own click). */
function ownsSpace(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (['BUTTON', 'SUMMARY', 'A'].includes(target.tagName) || target.getAttribute('role') === 'button');
}

export function useShortcuts(store: LabStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === ' ' && !ownsSpace(event.target)) {
        event.preventDefault();
        store.getState().togglePlay();
      } else if (event.key === 'ArrowRight' && store.getState().ui.mode !== 'step' && !(event.target instanceof Element && event.target.closest('[role="slider"], figure'))) {
        // (in the step-through → is its own Next step)
        event.preventDefault();
        store.getState().step();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
