/**
 * Link keys that belong to the page rather than to the lab's settings: read by their own modules
 * (src/app/exercise/exerciseLink.ts, src/app/embed/embedLink.ts, src/app/links/tabLink.ts), so the settings codec passes
 * over them instead of calling them unknown.
 */
export const PAGE_LINK_KEYS: ReadonlySet<string> = new Set(['exercise', 'embed', 'controls', 'size', 'presenter', 'tab', 'epoch']);
