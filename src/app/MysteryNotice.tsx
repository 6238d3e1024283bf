/**
 * While a mystery slip is on, the Live lab and Step through say so: a run there trains with the hidden
 * slip, and the guess is made in the Bug lab, whose Mystery section is the last on its tab. So the
 * note stays in view on the other tabs and its button goes straight to that section.
 */
import { useStore } from 'zustand';
import { useLabStoreApi } from '../store/hooks';
import { mysteryStore } from './bugLab/mystery';
import { useT } from '../i18n/setup';
import './mysteryNotice.css';

/** The Bug lab's Mystery heading (src/app/bugLab/MysterySection.tsx), which loads with its tab. */
const MYSTERY_HEADING = 'bl-mystery-title';
/** How long to wait for the Bug lab's chunk before giving up on scrolling (the tab is open either way). */
const WAIT_MS = 5000;

function showMysterySection(startedAt = performance.now()): void {
  const heading = document.getElementById(MYSTERY_HEADING);
  if (!heading) {
    if (performance.now() - startedAt < WAIT_MS) requestAnimationFrame(() => showMysterySection(startedAt));
    return;
  }
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

export function MysteryNotice() {
  const t = useT();
  const store = useLabStoreApi();
  const on = useStore(mysteryStore, (s) => s.code !== null && !s.revealed);
  if (!on) return null;
  const open = () => {
    store.getState().setUi({ mode: 'buglab' });
    showMysterySection();
  };
  return (
    <p className="mystery-notice" role="status">
      <span>{t('mystery.notice')}</span>
      <button type="button" className="button button--small" onClick={open}>
        {t('mystery.open')}
      </button>
    </p>
  );
}
