import { describe, expect, it } from 'vitest';
import { engagementRate } from '../../../lib/metrics/engagement';
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

describe('priceGuidance', () => {
  it('gives the tier price ±10 % when the ER is unknown', () => {
    const p = priceGuidance(12_000, null);
    expect(p).toMatchObject({ currency: 'USD', base: 150, point: 150, low: 135, high: 165 });
    expect(p?.reason).toBe('ER unknown: Tier 7 price $150 ±10 %.');
    expect(p?.references).toEqual([...PRICE_REFERENCES]);
  });

  it('gives the tier price ±10 % when the ER is typical', () => {
    const p = priceGuidance(12_000, 3);
    expect(p).toMatchObject({ base: 150, point: 150, low: 135, high: 165 });
    expect(p?.reason).toBe('ER 3.0 % is typical for 5K–20K followers (≈2.4–4 %): Tier 7 price $150 ±10 %.');
  });

  it('raises the price for an ER above typical, up to +25 % at twice the top of the range', () => {
    const slightly = priceGuidance(12_000, 4.2);
    expect(slightly?.reason).toBe('ER 4.2 % is above typical for 5K–20K followers (≈2.4–4 %): Tier 7 price $150 raised 1 %.');
    const half = priceGuidance(12_000, 6); // +12.5 % → 168.75
    expect(half).toMatchObject({ point: 170, low: 150, high: 185 });
    const capped = priceGuidance(12_000, 40);
    expect(capped?.reason).toContain('raised 25 %');
    expect(capped?.point).toBe(roundMoney(187.5));
    expect(capped?.high).toBe(roundMoney(187.5));
  });

  it('lowers the price for an ER below typical, down to −30 % at an ER of 0', () => {
    const half = priceGuidance(12_000, 1.2); // −15 % → 127.5
    expect(half).toMatchObject({ point: 130, low: 115, high: 140 });
    expect(half?.reason).toContain('lowered 15 %');
    const zero = priceGuidance(12_000, 0);
    expect(zero).toMatchObject({ point: 105, low: 105, high: 115 });
    expect(zero?.reason).toContain('lowered 30 %');
  });

  it('rounds each tier to its money step', () => {
    expect(priceGuidance(50, null)).toMatchObject({ base: 50, low: 45, high: 55 });
    expect(priceGuidance(60_000, null)).toMatchObject({ base: 1_500, low: 1_350, high: 1_650 });
    expect(priceGuidance(6_000_000, null)).toMatchObject({ base: 21_500, point: 21_500, low: 19_400, high: 23_700 });
  });

  it('does not move the price on an ER resting on too few posts', () => {
    const rate = engagementRate(12_000, [emptyPost({ likes: 2_000, comments: 0 })]);
    expect(rate.sufficient).toBe(false);
    const p = priceGuidance(12_000, rate);
    expect(p).toMatchObject({ point: 150, low: 135, high: 165 });
    expect(p?.reason).toBe('ER not used (not enough data: only 1 post with visible likes): Tier 7 price $150 ±10 %.');
  });

  it('uses a sufficient RateResult', () => {
    const posts = [emptyPost({ likes: 600, comments: 0 }), emptyPost({ likes: 840, comments: 0 })]; // 6 %
    const p = priceGuidance(12_000, engagementRate(12_000, posts));
    expect(p?.point).toBe(170);
  });

  it('is null without a tier, and never NaN for garbage ER', () => {
    expect(priceGuidance(null, 4)).toBeNull();
    expect(priceGuidance(-1, 4)).toBeNull();
    for (const er of [NaN, Infinity, -3]) {
      const p = priceGuidance(12_000, er);
      expect(p).toMatchObject({ point: 150, low: 135, high: 165 });
    }
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
    expect(p?.reason).toBe('ER unknown: Tier 1 price €1,000 ±10 %.');
  });
});
