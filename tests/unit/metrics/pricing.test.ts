import { describe, expect, it } from 'vitest';
import { benchmarkFor } from '../../../lib/metrics/benchmarks';
import { PRICE_REFERENCES, priceGuidance, roundMoney } from '../../../lib/metrics/pricing';
import type { TierScheme } from '../../../lib/metrics/tiers';
import { emptyPost } from '../../../lib/platforms/types';

describe('roundMoney', () => {
  it('rounds to $5 under $500, $50 under $5K, $100 above', () => {
    expect(roundMoney(137)).toBe(135);
    expect(roundMoney(138)).toBe(140);
    expect(roundMoney(499)).toBe(500);
    expect(roundMoney(1_374)).toBe(1_350);
    expect(roundMoney(1_376)).toBe(1_400);
    expect(roundMoney(23_640)).toBe(23_600);
    expect(roundMoney(0)).toBe(0);
    expect(roundMoney(-10)).toBe(0);
    expect(roundMoney(NaN)).toBe(0);
  });
});

/** The benchmark outcome of a 12K-follower Instagram creator at `rate` % per follower (typical there: 0.54–2.37 %). */
function instagram12k(rate: number, n = 3) {
  const posts = Array.from({ length: n }, () => emptyPost({ likes: (rate / 100) * 12_000, comments: 0 }));
  return benchmarkFor('instagram', 12_000, posts, { minPosts: 2 });
}

const TYPICAL_12K = 'typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)';

describe('priceGuidance', () => {
  it('gives the tier price ±10 % without a benchmark', () => {
    const p = priceGuidance(12_000, null);
    expect(p).toMatchObject({ currency: 'USD', base: 150, point: 150, low: 135, high: 165 });
    expect(p?.reason).toBe('No verdict to move it: Tier 7 price $150 ±10 %.');
    expect(p?.references).toEqual([...PRICE_REFERENCES]);
  });

  it('gives the tier price ±10 % when the rate is typical for the platform and size', () => {
    const p = priceGuidance(12_000, instagram12k(1.5));
    expect(p).toMatchObject({ base: 150, point: 150, low: 135, high: 165 });
    expect(p?.reason).toBe(`ER 1.5 % per follower is ${TYPICAL_12K}: Tier 7 price $150 ±10 %.`);
  });

  it('raises the price for a rate above typical, up to +25 % at twice the top of the range', () => {
    const slightly = priceGuidance(12_000, instagram12k(2.5));
    expect(slightly?.reason).toBe(`ER 2.5 % per follower is above ${TYPICAL_12K}: Tier 7 price $150 raised 1 %.`);
    const half = priceGuidance(12_000, instagram12k(2.37 * 1.5)); // +12.5 % → 168.75
    expect(half).toMatchObject({ point: 170, low: 150, high: 185 });
    const capped = priceGuidance(12_000, instagram12k(40));
    expect(capped?.reason).toContain('raised 25 %');
    expect(capped?.point).toBe(roundMoney(187.5));
    expect(capped?.high).toBe(roundMoney(187.5));
  });

  it('lowers the price for a rate below typical, down to −30 % at a rate of 0', () => {
    const half = priceGuidance(12_000, instagram12k(0.27)); // −15 % → 127.5
    expect(half).toMatchObject({ point: 130, low: 115, high: 140 });
    expect(half?.reason).toBe(`ER 0.3 % per follower is below ${TYPICAL_12K}: Tier 7 price $150 lowered 15 %.`);
    const zero = priceGuidance(12_000, instagram12k(0));
    expect(zero).toMatchObject({ point: 105, low: 105, high: 115 });
    expect(zero?.reason).toContain('lowered 30 %');
  });

  it('is moved by the verdict on the platform’s own basis: TikTok per view', () => {
    const posts = Array.from({ length: 3 }, () => emptyPost({ views: 1_000, likes: 100, comments: 10, shares: 20 })); // 13 %
    const p = priceGuidance(7_000, benchmarkFor('tiktok', 7_000, posts));
    expect(p?.reason).toBe(
      'ER 13.0 % per view incl. shares is above typical for 1K–10K on TikTok (≈12.6 % per view incl. shares, HypeAuditor 2023): Tier 7 price $150 raised 1 %.',
    );
  });

  it('is not moved where there is no published figure, and says why', () => {
    const posts = Array.from({ length: 3 }, () => emptyPost({ views: 1_000, likes: 100, comments: 10 }));
    const p = priceGuidance(12_000, benchmarkFor('youtube', 12_000, posts));
    expect(p).toMatchObject({ point: 150, low: 135, high: 165 });
    expect(p?.reason).toBe('No verdict to move it (no published YouTube figure per view by channel size): Tier 7 price $150 ±10 %.');
  });

  it('rounds each tier to its money step', () => {
    expect(priceGuidance(50, null)).toMatchObject({ base: 50, low: 45, high: 55 });
    expect(priceGuidance(60_000, null)).toMatchObject({ base: 1_500, low: 1_350, high: 1_650 });
    expect(priceGuidance(6_000_000, null)).toMatchObject({ base: 21_500, point: 21_500, low: 19_400, high: 23_700 });
  });

  it('does not move the price on a rate resting on too few posts', () => {
    const one = instagram12k(16, 1);
    expect(one.benchmark).toBeNull();
    const p = priceGuidance(12_000, one);
    expect(p).toMatchObject({ point: 150, low: 135, high: 165 });
    expect(p?.reason).toBe('No verdict to move it (not enough data: only 1 post with visible likes): Tier 7 price $150 ±10 %.');
  });

  it('is null without a tier, and never NaN for garbage input', () => {
    expect(priceGuidance(null, instagram12k(4))).toBeNull();
    expect(priceGuidance(-1, instagram12k(4))).toBeNull();
    const garbage = { ...instagram12k(4) };
    garbage.benchmark = { ...garbage.benchmark!, rate: NaN };
    expect(priceGuidance(12_000, garbage)).toMatchObject({ point: 150, low: 135, high: 165 });
  });

  it('uses the scheme’s currency and prices', () => {
    const scheme: TierScheme = {
      id: 'eu',
      name: 'EU',
      currency: 'EUR',
      tiers: [{ rank: 1, name: 'All', minFollowers: 0, pricePerPost: 1_000 }],
    };
    const p = priceGuidance(10, null, scheme);
    expect(p).toMatchObject({ currency: 'EUR', base: 1_000, low: 900, high: 1_100 });
    expect(p?.reason).toBe('No verdict to move it: Tier 1 price €1,000 ±10 %.');
  });
});
