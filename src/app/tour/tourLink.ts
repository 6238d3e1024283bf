/**
 * The tour's place in the link (`tour=N`, so a teacher can send a student to step 3) and the
 * landing's memory of a returning visitor. Kept apart from the settings codec: `tour` is a page
 * key, read before the settings and written back on top of them.
 */
import type { SettingsStorage } from '../storage/persist';
import { t } from '../../i18n/setup';

const TOUR_KEY = 'tour';
/** Set once the visitor has left the landing (Start here or Explore on my own). */
export const LANDING_SEEN_KEY = 'backprop-lab/landing-seen/v1';

export interface TourParam {
  /** the query without its tour key, for the settings codec */
  search: string;
  /** the step asked for, or null */
  step: number | null;
  /** why a tour value was refused, in one sentence in the page's language, or null */
  note: string | null;
}

/** Reads `tour=N` (N from 1 to `steps`) out of a query; a bad value is refused with a note. */
export function readTourParam(search: string, steps: number): TourParam {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { search, step: null, note: null };
  }
  const values = params.getAll(TOUR_KEY);
  if (values.length === 0) return { search, step: null, note: null };
  params.delete(TOUR_KEY);
  const rest = params.toString();
  const text = values[0];
  const step = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  if (!(step >= 1 && step <= steps)) {
    const shown = text.length > 12 ? `${text.slice(0, 12)}…` : text;
    return { search: rest, step: null, note: t('tourLink.bad', { steps, shown }) };
  }
  return { search: rest, step, note: null };
}

/** The query with the tour's step on it (or without one when the tour is closed). */
export function withTour(query: URLSearchParams, step: number | null): URLSearchParams {
  const next = new URLSearchParams(query);
  if (step === null) next.delete(TOUR_KEY);
  else next.set(TOUR_KEY, String(step));
  return next;
}

export function landingSeen(storage: SettingsStorage | null): boolean {
  try {
    return storage?.getItem(LANDING_SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers that the landing was left; blocked storage only means it shows again next time. */
export function rememberLandingSeen(storage: SettingsStorage | null): void {
  try {
    storage?.setItem(LANDING_SEEN_KEY, '1');
  } catch {
    // nothing to keep it in: the landing comes back on the next visit, which is harmless
  }
}
