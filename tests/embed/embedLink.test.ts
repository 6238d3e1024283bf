import { describe, expect, test } from 'vitest';
import { DEFAULT_PAGE_LINK, pageLinkParams, readPageLink } from '../../src/app/embed/embedLink';
import { PAGE_LINK_KEYS } from '../../src/app/embed/pageLinkKeys';
import { LAB_UI_PROPERTIES, decodeSettings } from '../../src/app/links/urlState';
import { said } from '../englishText';

describe('the embed and presenter link keys', () => {
  test('well-formed keys are read, and written back the same', () => {
    const { link, notes } = readPageLink('?lr=0.5&embed=boundary&controls=play&size=large&presenter=1');
    expect(notes).toEqual([]);
    expect(link).toEqual({ embed: 'boundary', controls: 'play', large: true, presenter: true });
    expect(pageLinkParams(link)).toEqual([
      ['embed', 'boundary'],
      ['controls', 'play'],
      ['size', 'large'],
      ['presenter', '1'],
    ]);
    expect(readPageLink('').link).toEqual(DEFAULT_PAGE_LINK);
    expect(pageLinkParams(DEFAULT_PAGE_LINK)).toEqual([]);
  });

  test('a malformed value is named in a note and left at its default', () => {
    const { link, notes } = readPageLink('?embed=sideways&controls=some&size=huge&presenter=yes');
    expect(link).toEqual(DEFAULT_PAGE_LINK);
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatch(/^embed="sideways" is not a view; the link can embed graph, boundary, cost, step, twin, tour/);
    // no view is embedded, so the whole lab shows with every control: the note says that, not "no controls"
    expect(notes[1]).toBe('controls="some" applies only to an embedded view (embed=); the whole lab shows with all its controls.');
    expect(notes[2]).toMatch(/^size="huge"/);
    expect(notes[3]).toMatch(/^presenter="yes"/);
    expect(readPageLink('?embed=tour')).toEqual({ link: { ...DEFAULT_PAGE_LINK, embed: 'tour' }, notes: [] });
  });

  test('controls and size without an embedded view: each note says what the whole lab does instead', () => {
    const { link, notes } = readPageLink('?embed=banana&controls=xyz');
    expect(link).toEqual(DEFAULT_PAGE_LINK);
    expect(notes).toEqual([
      'embed="banana" is not a view; the link can embed graph, boundary, cost, step, twin, tour. Showing the whole lab.',
      'controls="xyz" applies only to an embedded view (embed=); the whole lab shows with all its controls.',
    ]);
    expect(readPageLink('?controls=play&size=large')).toEqual({
      link: DEFAULT_PAGE_LINK,
      notes: [
        'controls="play" applies only to an embedded view (embed=); the whole lab shows with all its controls.',
        'size="large" applies only to an embedded view (embed=); the whole lab shows at normal size.',
      ],
    });
    expect(readPageLink('?size=normal').notes).toEqual([]);
    expect(readPageLink('?embed=graph&controls=xyz').notes).toEqual(['controls="xyz" is not one of none, play, full; no controls shown.']);
  });

  test('the settings codec passes over the page keys instead of calling them unknown', () => {
    const decoded = decodeSettings('embed=graph&controls=none&size=large&presenter=1&exercise=bp2-by-hand&bogus=1', LAB_UI_PROPERTIES);
    const texts = decoded.notes.map((n) => said(n.message)).join(' ');
    expect(texts).toContain('"bogus"');
    for (const key of PAGE_LINK_KEYS) expect(texts).not.toContain(`"${key}"`);
  });
});
