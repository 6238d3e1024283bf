/** Keeps a <dialog> shown as a modal while `open` is true (focus stays in it and returns where it was). */
import { type RefObject, useEffect, useRef } from 'react';

export function useModalDialog(open: boolean, onOpen?: () => void): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      onOpen?.();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
    // only a change of `open` shows or closes the dialog; onOpen runs as it opens
  }, [open]);
  return dialogRef;
}
