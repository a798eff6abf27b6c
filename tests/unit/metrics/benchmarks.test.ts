import { describe, expect, it } from 'vitest';
import { ADWEEK_ENGAGEMENT_RATES, benchmarkVerdict, MARKERLY_LIKE_RATES, typicalRangeFor } from '../../../lib/metrics/benchmarks';
import type { TierScheme } from '../../../lib/metrics/tiers';

describe('published figures', () => {
  it('keeps the Markerly like rates and AdWeek ERs as cited', () => {
    expect(MARKERLY_LIKE_RATES.map((b) => [b.min, b.max, b.rate])).toEqual([
      [0, 1_000, 8],
      [1_000, 10_000, 4],
      [10_000, 100_000, 2.4],
      [100_000, 1_000_000, 1.8],
      [1_000_000, null, 1.7],
    ]);
    expect(ADWEEK_ENGAGEMENT_RATES.map((b) => b.rate)).toEqual([15, 7.4, 2.4]);
  });
});

describe('typicalRangeFor', () => {
  it.each([
    [0, 5_000, 4, 8, '≈4–8 %'],
    [5_000, 20_000, 2.4, 4, '≈2.4–4 %'],
    [20_000, 50_000, 2.4, 2.4, '≈2.4 %'],
    [50_000, 100_000, 2.4, 2.4, '≈2.4 %'],
    [100_000, 500_000, 1.8, 1.8, '≈1.8 %'],
    [500_000, 1_500_000, 1.7, 1.8, '≈1.7–1.8 %'],
    [1_500_000, 5_000_000, 1.7, 1.7, '≈1.7 %'],
    [5_000_000, null, 1.7, 1.7, '≈1.7 %'],
  ])('[%d, %s) → %d–%d', (min, max, low, high, text) => {
    expect(typicalRangeFor(min, max)).toMatchObject({ low, high, text });
  });

  it('treats touching bounds as not overlapping (upper bounds are exclusive)', () => {
    expect(typicalRangeFor(1_000, 10_000)).toMatchObject({ low: 4, high: 4 });
  });

  it('cites Markerly and the AdWeek figures of overlapping bands', () => {
    const { sources } = typicalRangeFor(0, 5_000);
    expect(sources[0]).toMatch(/^Markerly/);
    expect(sources).toContain('AdWeek: ≈15 % engagement rate for < 1K followers');
    expect(sources).toContain('AdWeek: ≈7.4 % engagement rate for 1K–10K followers');
    expect(typicalRangeFor(20_000, 50_000).sources).toHaveLength(1);
  });
});

describe('benchmarkVerdict', () => {
  it('reproduces the product example: Tier 7 with ER 4.2 %', () => {
    const v = benchmarkVerdict(4.2, 12_000);
    expect(v.verdict).toBe('above');
    expect(v.bandLabel).toBe('5K–20K followers');
    expect(v.typicalLow).toBe(2.4);
    expect(v.typicalHigh).toBe(4);
    expect(v.text).toBe('above typical for 5K–20K followers (≈2.4–4 %)');
    expect(v.sources.length).toBeGreaterThan(0);
  });

  it('says typical inside the range (inclusive) and below under it', () => {
    expect(benchmarkVerdict(3, 12_000)).toMatchObject({ verdict: 'typical', text: 'typical for 5K–20K followers (≈2.4–4 %)' });
    expect(benchmarkVerdict(2.4, 12_000).verdict).toBe('typical');
    expect(benchmarkVerdict(4, 12_000).verdict).toBe('typical');
    expect(benchmarkVerdict(1.1, 12_000)).toMatchObject({ verdict: 'below', text: 'below typical for 5K–20K followers (≈2.4–4 %)' });
  });

  it('compares at the one decimal the UI shows', () => {
    expect(benchmarkVerdict(4.04, 12_000).verdict).toBe('typical');
    expect(benchmarkVerdict(4.05, 12_000).verdict).toBe('above');
    expect(benchmarkVerdict(2.36, 12_000).verdict).toBe('typical');
    expect(benchmarkVerdict(2.34, 12_000).verdict).toBe('below');
  });

  it('uses the tier band for the bottom and top tiers', () => {
    expect(benchmarkVerdict(9, 300)).toMatchObject({ verdict: 'above', text: 'above typical for < 5K followers (≈4–8 %)' });
    expect(benchmarkVerdict(1.7, 46_383_825)).toMatchObject({ verdict: 'typical', text: 'typical for ≥ 5M followers (≈1.7 %)' });
  });

  it('has no verdict for unknown ER, naming what is unknown', () => {
    for (const er of [null, NaN, -1, Infinity]) {
      const v = benchmarkVerdict(er, 12_000);
      expect(v.verdict).toBeNull();
      expect(v.bandLabel).toBe('5K–20K followers');
      expect(v.text).toBe('no verdict: engagement rate unknown (typical for 5K–20K followers: ≈2.4–4 %)');
    }
  });

  it('has no verdict for unknown followers', () => {
    const v = benchmarkVerdict(4.2, null);
    expect(v).toMatchObject({ verdict: null, bandLabel: 'any follower count', typicalLow: 1.7, typicalHigh: 8 });
    expect(v.text).toBe('no verdict: followers unknown');
  });

  it('follows a custom scheme’s bands', () => {
    const scheme: TierScheme = {
      id: 'c',
      name: 'c',
      currency: 'USD',
      tiers: [
        { rank: 2, name: 'Small', minFollowers: 0, pricePerPost: 10 },
        { rank: 1, name: 'Large', minFollowers: 100_000, pricePerPost: 100 },
      ],
    };
    expect(benchmarkVerdict(3, 12_000, scheme).text).toBe('typical for < 100K followers (≈2.4–8 %)');
  });
});
