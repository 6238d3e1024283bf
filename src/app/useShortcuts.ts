/**
 * Space plays or pauses, → steps one epoch (in the step-through its own Next step takes → and ←).
 * Never while the user types, nor an arrow on a slider (the scrub bar's arrows move it). A control
 * keeps its other keys only when the keyboard brought focus to it (src/views/keyboardFocus.ts), so
 * a click on a button, tab, preset or toggle never turns these keys into "press it again" or
 * "change this setting".
 */
import { useEffect } from 'react';
import type { LabStore } from '../store/labStore';
import { arrowsChangeIt, keyOwner, trackFocusOrigin } from '../views/keyboardFocus';
import { SHORTCUTS, isShortcut } from './shortcutKeys';

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/** A range input or an ARIA slider: its arrows are its value, even after a click. */
function isSlider(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  return (element.tagName === 'INPUT' && (element as HTMLInputElement).type === 'range') || element.getAttribute('role') === 'slider';
}

export function useShortcuts(store: LabStore): void {
  useEffect(() => {
    trackFocusOrigin();
    let spaceTaken = false;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const playPause = isShortcut(SHORTCUTS.playPause, event.key);
      if (!playPause && !ARROWS.includes(event.key)) return;
      if (keyOwner(event.target) !== 'page') return;
      // a slider (the scrub bar) keeps its arrows however focus came to it: → there moves the slider, never the run
      if (ARROWS.includes(event.key) && isSlider(event.target)) return;
      const shortcut = !event.shiftKey && (playPause || (isShortcut(SHORTCUTS.stepOrNext, event.key) && store.getState().ui.mode !== 'step'));
      // a clicked radio, tab, select or graph item does not move with an arrow: no key changes a setting
      if (!shortcut && !(ARROWS.includes(event.key) && arrowsChangeIt(event.target))) return;
      // ahead of the focused control, so its default (a click, a radio or tab move, a select change) never happens
      // (other listeners on the window, the step-through's ← and →, still hear it)
      event.preventDefault();
      event.stopPropagation();
      if (!shortcut) return;
      if (playPause) {
        spaceTaken = true;
        if (!event.repeat) store.getState().togglePlay();
      } else store.getState().trainOneEpoch();
    };
    // a button clicks on Space's keyup: that half of the key press is the shortcut's too
    const onKeyUp = (event: KeyboardEvent) => {
      if (!isShortcut(SHORTCUTS.playPause, event.key) || !spaceTaken) return;
      spaceTaken = false;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
    };
  }, [store]);
}
