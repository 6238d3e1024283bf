/** Keeps a <dialog> shown as a modal while `open` is true (focus stays in it and returns where it was). */
import { type RefObject, useEffect, useEffectEvent, useRef } from 'react';

export function useModalDialog(open: boolean, onOpen?: () => void): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  // onOpen runs as the dialog opens; a new onOpen alone neither shows nor closes it
  const opening = useEffectEvent(() => onOpen?.());
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opening();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return dialogRef;
}
