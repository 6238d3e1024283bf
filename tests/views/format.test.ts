import { describe, expect, it } from 'vitest';
import { formatCompact, formatEpoch, formatNumber, formatSigned } from '../../src/views/format';

describe('formatNumber', () => {
  it('prints four significant digits in the plain range', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1234.5)).toBe('1235');
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(0.5)).toBe('0.5');
  });
  it('switches to exponent form for tiny and large numbers, with a true minus', () => {
    expect(formatNumber(0.000012346)).toBe('1.235e\u22125');
    expect(formatNumber(-0.000012346)).toBe('\u22121.235e\u22125');
    expect(formatNumber(123456)).toBe('1.235e5');
    expect(formatNumber(-2.5)).toBe('\u22122.5');
  });
  it('names the values of a diverged run', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('\u2212∞');
    expect(formatNumber(0)).toBe('0');
  });
  it('formats epochs with separators, signed updates with a plus and compact labels with two digits', () => {
    expect(formatEpoch(1_000_000)).toBe('1,000,000');
    expect(formatSigned(0.25)).toBe('+0.25');
    expect(formatSigned(-0.25)).toBe('\u22120.25');
    expect(formatCompact(0.01885)).toBe('0.019');
    expect(formatCompact(0.0036)).toBe('0.0036');
    expect(formatCompact(2e-5)).toBe('2e\u22125');
    expect(formatCompact(-12.34)).toBe('\u221212');
  });
});
