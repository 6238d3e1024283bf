/**
 * Keys of the step-through: → next step, ← previous step, while the stepper is open.
 * The container that shows the StepperPanel calls `useStepperKeyboard(open, handlers)`; the page's
 * own → shortcut (step one epoch) must stand aside while the stepper is open (the listener runs in
 * the capture phase and stops the event, so a bubbling page shortcut never sees it).
 */
import { useEffect, useRef } from 'react';

interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  target?: EventTarget | null;
}

/** Typing in a field (or a focused control that uses arrows itself) keeps its arrow keys. */
function isEditableTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (element as HTMLInputElement).type;
    // a radio group moves its choice with the arrows
    return !['button', 'checkbox', 'submit', 'reset'].includes(type);
  }
  const role = element.getAttribute?.('role');
  // tabs, radios and menus move between their items with the arrows (the WAI-ARIA patterns)
  if (role === 'slider' || role === 'spinbutton' || role === 'textbox' || role === 'tab' || role === 'radio' || role === 'menuitem' || role === 'option') return true;
  // the figures (the network graph) move their keyboard focus with the arrows, as the page's own shortcuts respect
  if (typeof element.closest === 'function' && element.closest('figure')) return true;
  return element.isContentEditable === true;
}

function stepperKeyAction(event: KeyLike): 'next' | 'previous' | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (isEditableTarget(event.target)) return null;
  if (event.key === 'ArrowRight') return 'next';
  if (event.key === 'ArrowLeft') return 'previous';
  return null;
}

export interface StepperKeyHandlers {
  onNext(): void;
  onPrevious(): void;
}

/** Listens on the window while `open`; the latest handlers are always used. */
export function useStepperKeyboard(open: boolean, handlers: StepperKeyHandlers, target: Window | null = typeof window === 'undefined' ? null : window): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!open || !target) return;
    const listener = (event: KeyboardEvent) => {
      const action = stepperKeyAction(event);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      if (action === 'next') latest.current.onNext();
      else latest.current.onPrevious();
    };
    target.addEventListener('keydown', listener, { capture: true });
    return () => target.removeEventListener('keydown', listener, { capture: true });
  }, [open, target]);
}
