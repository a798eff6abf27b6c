import { describe, expect, it } from 'vitest';
import { MAX_COUNT, parseCount, parseCountDetailed, preferExact } from '../../../lib/metrics/counts';

describe('parseCountDetailed: forms the platforms show', () => {
  it.each([
    ['1,234', 1_234, true],
    ['12.3K', 12_300, false],
    ['46.3m', 46_300_000, false],
    ['1.2M', 1_200_000, false],
    ['5.04m subscribers', 5_040_000, false],
    ['8.84k', 8_840, false],
    ['18k videos', 18_000, false],
    ['1 million', 1_000_000, false],
    ['895 thousand', 895_000, false],
    ['4.8 million', 4_800_000, false],
    ['1.5B', 1_500_000_000, false],
    ['like this video along with 350,374 other people', 350_374, true],
    ['351,610 likes', 351_610, true],
    ['21,916,064 views', 21_916_064, true],
    ['22M views', 22_000_000, false],
    ['83 subscribers', 83, true],
    ['1 video', 1, true],
    ["'211389974'", 211_389_974, true],
    ['211389974', 211_389_974, true],
    ['0', 0, true],
    ['0 likes', 0, true],
    ['895k views', 895_000, false],
    ['1m', 1_000_000, false],
    ['2.2M subscribers', 2_200_000, false],
  ])('%j → %d (exact %s)', (text, value, exact) => {
    expect(parseCountDetailed(text)).toEqual({ value, exact });
  });
});

describe('parseCountDetailed: locales', () => {
  it.each([
    ['1.234', 1_234, true], // German thousands
    ['1.234.567', 1_234_567, true],
    ['1,2 Mio.', 1_200_000, false],
    ['12,3K', 12_300, false],
    ['1 234', 1_234, true],
    ['1\u00a0234', 1_234, true],
    ['1\u202f234\u202f567', 1_234_567, true],
    ['1\u2009234', 1_234, true],
    ['1,5 Tsd.', 1_500, false],
    ['1,234.5', 1_235, false],
    ['1.234,5', 1_235, false],
    ["1'234", 1_234, true],
    ['1,2 mil', 1_200, false],
    ['3,4 mi', 3_400_000, false],
    ['2,5 Mrd.', 2_500_000_000, false],
    ['1.2 lakh', 120_000, false],
    ['2 crore', 20_000_000, false],
    ['1.2万人', 12_000, false],
    ['3億', 300_000_000, false],
    ['12 млн', 12_000_000, false],
  ])('%j → %d (exact %s)', (text, value, exact) => {
    expect(parseCountDetailed(text)).toEqual({ value, exact });
  });

  it('treats one separator before three digits as thousands, otherwise as a rounded decimal', () => {
    expect(parseCountDetailed('1.5K')).toEqual({ value: 1_500, exact: false });
    expect(parseCountDetailed('1.5')).toEqual({ value: 2, exact: false });
    expect(parseCountDetailed('1,5')).toEqual({ value: 2, exact: false });
    expect(parseCountDetailed('2.25')).toEqual({ value: 2, exact: false });
    expect(parseCountDetailed('1234.567')).toEqual({ value: 1_235, exact: false });
  });
});

describe('parseCountDetailed: not counts', () => {
  it.each([
    '6 waiting',
    '1.2K watching now',
    'No views',
    'No likes',
    '',
    '   ',
    '—',
    'abc',
    '-5',
    '−1,234',
    '12%',
    '3 days ago',
    '5 years ago',
    '12.03.2024',
    '1.23.4',
    '99999999999999',
  ])('%j → null', (text) => {
    expect(parseCountDetailed(text)).toBeNull();
  });

  it('rejects non-strings and non-finite or out-of-range numbers', () => {
    expect(parseCountDetailed(null)).toBeNull();
    expect(parseCountDetailed(undefined)).toBeNull();
    expect(parseCountDetailed(NaN)).toBeNull();
    expect(parseCountDetailed(Infinity)).toBeNull();
    expect(parseCountDetailed(-Infinity)).toBeNull();
    expect(parseCountDetailed(-1)).toBeNull();
    expect(parseCountDetailed(MAX_COUNT + 1)).toBeNull();
    expect(parseCountDetailed({} as unknown as string)).toBeNull();
  });

  it('does not read a word starting with an abbreviation letter as one', () => {
    expect(parseCountDetailed('1 Beitrag')).toEqual({ value: 1, exact: true });
    expect(parseCountDetailed('3 Kommentare')).toEqual({ value: 3, exact: true });
    expect(parseCountDetailed('2 members')).toEqual({ value: 2, exact: true });
  });
});

describe('parseCountDetailed: numbers and first-count rule', () => {
  it('rounds finite non-negative numbers and marks fractions inexact', () => {
    expect(parseCountDetailed(42)).toEqual({ value: 42, exact: true });
    expect(parseCountDetailed(0)).toEqual({ value: 0, exact: true });
    expect(parseCountDetailed(12.7)).toEqual({ value: 13, exact: false });
    expect(parseCountDetailed(12.3 * 1000)).toEqual({ value: 12_300, exact: true });
    expect(parseCountDetailed(MAX_COUNT)).toEqual({ value: MAX_COUNT, exact: true });
  });

  it('takes the first count in the text', () => {
    expect(parseCount('46.3m Followers, 50 Following, 453 Posts')).toBe(46_300_000);
    expect(parseCount('Followers: 50 Following')).toBe(50);
  });
});

describe('parseCount', () => {
  it('is the value or null', () => {
    expect(parseCount('12.3K')).toBe(12_300);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('No views')).toBeNull();
    expect(parseCount(undefined)).toBeNull();
  });
});

describe('preferExact', () => {
  const rounded = { value: 46_300_000, exact: false };
  const exact = { value: 46_383_825, exact: true };

  it('prefers the first exact candidate', () => {
    expect(preferExact(rounded, null, exact)).toBe(exact);
    expect(preferExact(exact, { value: 1, exact: true })).toBe(exact);
  });

  it('falls back to the first known candidate, then null', () => {
    expect(preferExact(null, undefined, rounded)).toBe(rounded);
    expect(preferExact(null, undefined)).toBeNull();
    expect(preferExact()).toBeNull();
  });
});
