/**
 * The open tab in the link (`tab=step`, `tab=buglab`): a page key beside the tour's and the
 * language's, so a link copied in Step through or the Bug lab opens there. The Live lab writes no
 * key, so a link from before the key (or without it) opens on the Live lab as it always did.
 */
import type { LabMode } from '../../store/types';

const TAB_KEY = 'tab';
/** The tabs in the page's order (the mode tabs read the same list). */
export const LAB_MODES: readonly LabMode[] = ['live', 'step', 'buglab'];

export interface TabParam {
  /** the tab asked for, or null (none asked, or a bad value) */
  mode: LabMode | null;
  /** the refused value (cut to 12 characters), or null when there was none or it was good */
  refused: string | null;
}

const isMode = (text: string): text is LabMode => (LAB_MODES as readonly string[]).includes(text);

/** Reads `tab=` out of a query (the settings codec passes over the key, src/app/embed/pageLinkKeys.ts). */
export function readTabParam(search: string): TabParam {
  let values: string[];
  try {
    values = new URLSearchParams(search).getAll(TAB_KEY);
  } catch {
    return { mode: null, refused: null };
  }
  if (values.length === 0) return { mode: null, refused: null };
  const text = values[0];
  if (isMode(text)) return { mode: text, refused: null };
  return { mode: null, refused: text.length > 12 ? `${text.slice(0, 12)}…` : text };
}

/** The query with the open tab on it (none for the Live lab). */
export function withTab(query: URLSearchParams, mode: LabMode): URLSearchParams {
  const next = new URLSearchParams(query);
  if (mode === 'live') next.delete(TAB_KEY);
  else next.set(TAB_KEY, mode);
  return next;
}
