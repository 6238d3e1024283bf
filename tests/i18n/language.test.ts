/** Which language a visitor gets, and the lang key of the link. */
import { describe, expect, it } from 'vitest';
import { langNotes, linkWithLang, readLangParam, withLang } from '../../src/i18n/langLink';
import { LANGUAGE_STORAGE_KEY, chosenLanguage, languageOfBrowser, rememberLanguage, startLanguage } from '../../src/i18n/languages';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe('languageOfBrowser', () => {
  it('gives 简体中文 for zh-Hans, zh-CN and zh-SG, and English otherwise', () => {
    for (const tag of ['zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-CN', 'zh']) expect(languageOfBrowser([tag]), tag).toBe('zh-CN');
    expect(languageOfBrowser(['en-GB', 'zh-CN'])).toBe('en');
    expect(languageOfBrowser(['fr-FR', 'de'])).toBe('en');
    expect(languageOfBrowser([])).toBe('en');
  });
  it('looks past Traditional Chinese and other languages to the first it speaks', () => {
    expect(languageOfBrowser(['zh-TW', 'fr', 'zh-CN'])).toBe('zh-CN');
    expect(languageOfBrowser(['zh-Hant-HK', 'en'])).toBe('en');
  });
});

describe('startLanguage', () => {
  it('takes the visitor’s own choice over the link, and the link over the browser', () => {
    expect(startLanguage('en', 'zh-CN', ['zh-CN'])).toBe('en');
    expect(startLanguage(null, 'zh-CN', ['en-US'])).toBe('zh-CN');
    expect(startLanguage(null, null, ['zh-SG'])).toBe('zh-CN');
  });
  it('keeps the choice in storage and ignores a stored value it does not know', () => {
    const storage = memoryStorage();
    expect(chosenLanguage(storage)).toBe(null);
    rememberLanguage(storage, 'zh-CN');
    expect(chosenLanguage(storage)).toBe('zh-CN');
    storage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(chosenLanguage(storage)).toBe(null);
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(chosenLanguage(blocked)).toBe(null);
    expect(() => rememberLanguage(blocked, 'en')).not.toThrow();
  });
});

describe('the lang link key', () => {
  it('reads zh-CN and en off the query and leaves the rest for the settings', () => {
    expect(readLangParam('?lr=0.5&lang=zh-CN&tour=2')).toEqual({ search: 'lr=0.5&tour=2', language: 'zh-CN', refused: null });
    expect(readLangParam('lang=en')).toEqual({ search: '', language: 'en', refused: null });
    expect(readLangParam('?lr=0.5')).toEqual({ search: '?lr=0.5', language: null, refused: null });
  });
  it('refuses any other value with a note naming the key, and keeps the query', () => {
    const read = readLangParam('?lang=zh-TW-and-more-text&lr=0.5');
    expect(read.language).toBe(null);
    expect(read.search).toBe('lr=0.5');
    const notes = langNotes(read);
    expect(notes).toHaveLength(1);
    expect(notes[0].key).toBe('lang');
    expect(notes[0].message).toContain('"zh-TW-and-mo…"');
    expect(notes[0].message).toContain('kept English');
    expect(langNotes(readLangParam('?lang=en'))).toEqual([]);
  });
  it('writes the language on top of a query and a link', () => {
    expect(withLang(new URLSearchParams('lr=0.5&lang=en'), 'zh-CN').toString()).toBe('lr=0.5&lang=zh-CN');
    expect(linkWithLang('https://lab.example/?lr=0.5', 'zh-CN')).toBe('https://lab.example/?lr=0.5&lang=zh-CN');
  });
});
