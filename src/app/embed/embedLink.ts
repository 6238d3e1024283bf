/**
 * The page-level link keys of embedding and presenting: `embed=` one view filling the frame,
 * `controls=` which controls come with it, `size=large` for projectors, `presenter=1`. Read beside
 * the settings codec (which passes over them, src/app/embed/pageLinkKeys.ts); a malformed value is
 * named in a note and left out.
 */
import { t } from '../../i18n/setup';

const EMBED_VIEWS = ['graph', 'boundary', 'cost', 'step', 'twin', 'tour'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];
const EMBED_CONTROLS = ['none', 'play', 'full'] as const;
type EmbedControls = (typeof EMBED_CONTROLS)[number];

export interface PageLink {
  embed: EmbedView | null;
  controls: EmbedControls;
  large: boolean;
  presenter: boolean;
}

export const DEFAULT_PAGE_LINK: PageLink = { embed: null, controls: 'none', large: false, presenter: false };

const quoted = (value: string) => `"${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;

/** The link's keys, and each malformed one's note, worded only when asked for (the page reads the link before its messages are loaded). */
function parsePageLink(search: string): { link: PageLink; notes: Array<() => string> } {
  const params = new URLSearchParams(search);
  const link: PageLink = { ...DEFAULT_PAGE_LINK };
  const notes: Array<() => string> = [];
  const embed = params.get('embed');
  if (embed !== null) {
    if (!(EMBED_VIEWS as readonly string[]).includes(embed)) notes.push(() => t('embed.badView', { shown: quoted(embed), views: EMBED_VIEWS.join(', ') }));
    else link.embed = embed as EmbedView;
  }
  // controls and size shape an embedded view only: without one the note says what the whole lab does instead
  const controls = params.get('controls');
  if (controls !== null) {
    if (link.embed === null) notes.push(() => t('embed.controlsWholeLab', { shown: quoted(controls) }));
    else if ((EMBED_CONTROLS as readonly string[]).includes(controls)) link.controls = controls as EmbedControls;
    else notes.push(() => t('embed.badControls', { shown: quoted(controls), choices: EMBED_CONTROLS.join(', ') }));
  }
  const size = params.get('size');
  if (size !== null) {
    if (size !== 'large' && size !== 'normal') notes.push(() => t('embed.badSize', { shown: quoted(size) }));
    else if (size === 'large' && link.embed === null) notes.push(() => t('embed.sizeWholeLab', { shown: quoted(size) }));
    else link.large = size === 'large';
  }
  const presenter = params.get('presenter');
  if (presenter !== null) {
    if (presenter === '1') link.presenter = true;
    else if (presenter !== '0') notes.push(() => t('embed.badPresenter', { shown: quoted(presenter) }));
  }
  return { link, notes };
}

/** The link's embed and presenter keys, without wording any note: safe before the page's messages are loaded. */
export function pageLinkOf(search: string): PageLink {
  return parsePageLink(search).link;
}

/** The link's keys and, in the page's language, a note for each malformed one. */
export function readPageLink(search: string): { link: PageLink; notes: string[] } {
  const { link, notes } = parsePageLink(search);
  return { link, notes: notes.map((note) => note()) };
}

/** The keys of `link` that differ from the defaults, for the address bar. */
export function pageLinkParams(link: PageLink): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (link.embed) params.push(['embed', link.embed]);
  if (link.controls !== 'none') params.push(['controls', link.controls]);
  if (link.large) params.push(['size', 'large']);
  if (link.presenter) params.push(['presenter', '1']);
  return params;
}
