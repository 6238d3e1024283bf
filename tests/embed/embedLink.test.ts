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
    expect(notes[1]).toMatch(/^controls="some" is not one of none, play, full/);
    expect(notes[2]).toMatch(/^size="huge"/);
    expect(notes[3]).toMatch(/^presenter="yes"/);
    expect(readPageLink('?embed=tour')).toEqual({ link: { ...DEFAULT_PAGE_LINK, embed: 'tour' }, notes: [] });
  });

  test('the settings codec passes over the page keys instead of calling them unknown', () => {
    const decoded = decodeSettings('embed=graph&controls=none&size=large&presenter=1&exercise=bp2-by-hand&bogus=1', LAB_UI_PROPERTIES);
    const texts = decoded.notes.map((n) => said(n.message)).join(' ');
    expect(texts).toContain('"bogus"');
    for (const key of PAGE_LINK_KEYS) expect(texts).not.toContain(`"${key}"`);
  });
});
