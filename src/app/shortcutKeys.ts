/**
 * Every key the page binds, in one table: the handlers match their events against it and the
 * shortcut sheet lists it, so a key cannot be bound without being listed. (The step-through's ← →
 * live in src/views/stepper/keyboard.ts, which views may not import from here; their rows say so.)
 */
import type { MessageKey } from '../i18n/setup';

export interface Shortcut {
  /** KeyboardEvent.key values */
  keys: readonly string[];
  /** what the sheet says they do */
  what: MessageKey;
}

export const SHORTCUTS = {
  playPause: { keys: [' '], what: 'shortcuts.space' },
  stepOrNext: { keys: ['ArrowRight'], what: 'shortcuts.right' },
  stepperPrevious: { keys: ['ArrowLeft'], what: 'shortcuts.left' },
  moveWithin: { keys: ['ArrowLeft', 'ArrowRight'], what: 'shortcuts.arrows' },
  nextControl: { keys: ['Tab'], what: 'shortcuts.tab' },
  editParam: { keys: ['Enter'], what: 'shortcuts.enter' },
  help: { keys: ['?'], what: 'shortcuts.help' },
  close: { keys: ['Escape'], what: 'shortcuts.escape' },
  leaveTour: { keys: ['Escape'], what: 'shortcuts.tourEscape' },
  presenterTour: { keys: ['ArrowLeft', 'ArrowRight'], what: 'shortcuts.presenterArrows' },
  leavePresenter: { keys: ['Escape'], what: 'shortcuts.presenterEscape' },
} as const satisfies Record<string, Shortcut>;

/** Whether the event's key is one of the shortcut's. */
export function isShortcut(shortcut: Shortcut, key: string): boolean {
  return shortcut.keys.includes(key);
}

/** A key as the sheet shows it: arrows as arrows, Space in the page's language (`space`). */
export function shownKey(key: string, space: string): string {
  if (key === ' ') return space;
  if (key === 'ArrowRight') return '→';
  if (key === 'ArrowLeft') return '←';
  return key;
}
