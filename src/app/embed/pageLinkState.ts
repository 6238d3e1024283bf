/**
 * The page link's embed and presenter keys as a small external store: read once from the address
 * the page opened with, kept in the address bar through the settings keeper's rewrites, and the
 * presenter switch writes its key back.
 */
import { useSyncExternalStore } from 'react';
import type { LabStore } from '../../store/labStore';
import { keepPageParams } from '../browser/browser';
import { type PageLink, pageLinkOf, pageLinkParams, readPageLink } from './embedLink';

const openingSearch = typeof location === 'undefined' ? '' : location.search;
let current: PageLink = pageLinkOf(openingSearch);
const listeners = new Set<() => void>();

keepPageParams(() => pageLinkParams(current));

export function usePageLink(): PageLink {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => current,
  );
}

export function setPresenter(store: LabStore, on: boolean): void {
  if (current.presenter === on) return;
  current = { ...current, presenter: on };
  // presenting pages through the stepper's steps with ← and →
  if (on) store.getState().setUi({ mode: 'step' });
  try {
    const url = new URL(window.location.href);
    if (on) url.searchParams.set('presenter', '1');
    else url.searchParams.delete('presenter');
    window.history.replaceState(window.history.state, '', url);
  } catch {
    // a frame that forbids history changes keeps presenter mode for this visit only
  }
  for (const listener of listeners) listener();
}

const announced = new WeakSet<LabStore>();

/** The link's malformed embed keys in the notes banner, and presenter mode's tab, once per store. */
export function announcePageLink(store: LabStore): void {
  if (announced.has(store)) return;
  announced.add(store);
  // read again here: the notes are worded in the page's language, whose messages are loaded by now
  const { notes } = readPageLink(openingSearch);
  if (notes.length > 0) store.getState().addNotes(notes.map((message) => ({ key: 'embed', message })));
  // presenting pages through Step through's steps, unless the link has a tab key (links/tabLink.ts: a bad one's note says Live lab)
  if (current.presenter && !current.embed && !new URLSearchParams(openingSearch).has('tab')) store.getState().setUi({ mode: 'step' });
}
