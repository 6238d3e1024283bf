/**
 * Keys of the step-through: → next step, ← previous step, while the stepper is open.
 * The container that shows the StepperPanel calls `useStepperKeyboard(open, handlers)`; the page's
 * own → shortcut (step one epoch) stands aside while the stepper is open. Like the page's shortcuts,
 * they wait while the user types or works a control the keyboard brought focus to (../keyboardFocus).
 */
import { useEffect, useRef } from 'react';
import { pageKeysWin } from '../keyboardFocus';

export interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  target?: EventTarget | null;
}

export function stepperKeyAction(event: KeyLike): 'next' | 'previous' | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (!pageKeysWin(event.target)) return null;
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
      // ahead of the focused control: a clicked tab or radio never moves with the arrow
      event.preventDefault();
      event.stopPropagation();
      if (action === 'next') latest.current.onNext();
      else latest.current.onPrevious();
    };
    target.addEventListener('keydown', listener, { capture: true });
    return () => target.removeEventListener('keydown', listener, { capture: true });
  }, [open, target]);
}
