import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { configError } from '../../src/engine';
import { LAB_UI_PROPERTIES, MAX_NOTES, type Settings, decodeSettings, defaultSettings } from '../../src/app/links/urlState';
import { SPEEDS } from '../../src/worker/lab/protocol';
import { hostileQuery, validSettings } from './arbitraries';
import { said } from '../englishText';

const U = LAB_UI_PROPERTIES;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The decoded settings are whole and valid whatever the link said. */
function expectUsable(decoded: ReturnType<typeof decodeSettings<typeof U>>) {
  expect(configError(decoded.config)).toBeNull();
  expect(SPEEDS).toContain(decoded.ui.speed);
  expect(Number.isInteger(decoded.ui.stopAfter) && decoded.ui.stopAfter >= 0).toBe(true);
  expect(Number.isFinite(decoded.ui.targetCost) && decoded.ui.targetCost >= 0).toBe(true);
  expect(typeof decoded.ui.rounded).toBe('boolean');
  expect(['linear', 'log']).toContain(decoded.ui.costScale);
  expect(decoded.notes.length).toBeLessThanOrEqual(MAX_NOTES + 1);
  for (const note of decoded.notes) {
    const message = said(note.message) ?? '';
    expect(message.length).toBeLessThan(420);
    // untrusted text is escaped: no raw control characters reach the banner (the catalog's formatter decodes none)
    expect([...message].filter((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)).toEqual([]);
  }
}

afterEach(() => {
  // nothing a link says may reach Object.prototype
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('URL decoder under hostile input', () => {
  it('3,000 hostile queries: valid settings plus notes, no throw, fallback untouched', () => {
    fc.assert(
      fc.property(hostileQuery, validSettings, (query, fallback) => {
        const frozen = deepFreeze(structuredClone(fallback)) as Settings<typeof U>;
        const decoded = decodeSettings(query, U, frozen);
        expectUsable(decoded);
        expect(frozen).toEqual(structuredClone(fallback));
        // the output never shares an array with the fallback
        expect(decoded.config.hidden).not.toBe(frozen.config.hidden);
      }),
      { seed: 6002, numRuns: 3000 },
    );
  });

  it('2,000 hostile URLSearchParams objects are read without being changed', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        const params = new URLSearchParams(query);
        const before = params.toString();
        expectUsable(decodeSettings(params, U));
        expect(params.toString()).toBe(before);
      }),
      { seed: 6003, numRuns: 2000 },
    );
  });

  it('prototype-pollution keys are unknown settings, not object paths', () => {
    const decoded = decodeSettings('__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__=x&prototype=1', U);
    expectUsable(decoded);
    expect(decoded.notes.map((note) => said(note.message))).toEqual([
      'Ignored unknown settings in the link: "__proto__[polluted]", "constructor[prototyp…", "__proto__", "prototype".',
    ]);
  });

  it('a link at the length limit full of bad values answers in time with capped notes', () => {
    const pairs = Array.from({ length: 200 }, (_, k) => `lr=${k}q`).join('&');
    const decoded = decodeSettings(pairs.slice(0, 2000), U);
    expectUsable(decoded);
    expect(decoded.config).toEqual(defaultSettings(U).config);
  });
});
