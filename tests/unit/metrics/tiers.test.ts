import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIER_SCHEME,
  formatBand,
  nextTier,
  SIZE_CLASS_LABELS,
  sizeClassFor,
  tierBands,
  tierFor,
  type TierScheme,
} from '../../../lib/metrics/tiers';
import { TierSchemeSchema } from '../../../lib/metrics/tier-schema';

describe('DEFAULT_TIER_SCHEME', () => {
  it('is valid against its own schema', () => {
    expect(TierSchemeSchema.safeParse(DEFAULT_TIER_SCHEME).success).toBe(true);
  });

  it('holds the marketplace tiers, names and prices', () => {
    expect(DEFAULT_TIER_SCHEME.currency).toBe('USD');
    expect(DEFAULT_TIER_SCHEME.tiers.map((t) => [t.rank, t.name, t.minFollowers, t.pricePerPost])).toEqual([
      [1, 'Icons', 5_000_000, 21_500],
      [2, 'Trailblazers', 1_500_000, 32_400],
      [3, 'Influencers', 500_000, 25_700],
      [4, 'Micro Influencers', 100_000, 8_400],
      [5, 'Super Micro Influencers', 50_000, 1_500],
      [6, 'Engaged Micro Influencers', 20_000, 300],
      [7, 'Hacker Micro Influencers', 5_000, 150],
      [8, 'Newbie Micro Influencers', 0, 50],
    ]);
  });
});

describe('TierSchemeSchema', () => {
  const valid: TierScheme = {
    id: 'mine',
    name: 'My scheme',
    currency: 'EUR',
    tiers: [
      { rank: 2, name: 'Small', minFollowers: 0, pricePerPost: 20 },
      { rank: 1, name: 'Big', minFollowers: 10_000, pricePerPost: 200 },
    ],
  };

  it('accepts a user scheme', () => {
    expect(TierSchemeSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['no tiers', { ...valid, tiers: [] }],
    ['negative price', { ...valid, tiers: [{ rank: 1, name: 'x', minFollowers: 0, pricePerPost: -1 }] }],
    ['negative bound', { ...valid, tiers: [{ rank: 1, name: 'x', minFollowers: -1, pricePerPost: 1 }] }],
    ['fractional rank', { ...valid, tiers: [{ rank: 1.5, name: 'x', minFollowers: 0, pricePerPost: 1 }] }],
    ['empty name', { ...valid, tiers: [{ rank: 1, name: '', minFollowers: 0, pricePerPost: 1 }] }],
    ['bad currency', { ...valid, currency: 'dollars' }],
    ['duplicate bounds', { ...valid, tiers: [valid.tiers[0], { ...valid.tiers[1]!, minFollowers: 0 }] }],
    ['missing field', { id: 'x', name: 'x', tiers: valid.tiers }],
    ['not an object', 'scheme'],
  ])('rejects %s', (_label, scheme) => {
    expect(TierSchemeSchema.safeParse(scheme).success).toBe(false);
  });
});

describe('tierFor', () => {
  it.each([
    [0, 8, 0, 5_000],
    [4_999, 8, 0, 5_000],
    [5_000, 7, 5_000, 20_000],
    [19_999, 7, 5_000, 20_000],
    [20_000, 6, 20_000, 50_000],
    [49_999, 6, 20_000, 50_000],
    [50_000, 5, 50_000, 100_000],
    [99_999, 5, 50_000, 100_000],
    [100_000, 4, 100_000, 500_000],
    [499_999, 4, 100_000, 500_000],
    [500_000, 3, 500_000, 1_500_000],
    [1_499_999, 3, 500_000, 1_500_000],
    [1_500_000, 2, 1_500_000, 5_000_000],
    [4_999_999, 2, 1_500_000, 5_000_000],
    [5_000_000, 1, 5_000_000, null],
    [46_383_825, 1, 5_000_000, null],
  ])('%d followers → tier %d [%d, %s)', (followers, rank, min, max) => {
    const tier = tierFor(followers);
    expect(tier?.rank).toBe(rank);
    expect(tier?.minFollowers).toBe(min);
    expect(tier?.maxFollowers).toBe(max);
  });

  it('is null for unknown followers', () => {
    for (const f of [null, -1, NaN, Infinity]) expect(tierFor(f)).toBeNull();
  });

  it('uses a custom scheme, in any tier order, and is null below its lowest bound', () => {
    const scheme: TierScheme = {
      id: 'c',
      name: 'c',
      currency: 'USD',
      tiers: [
        { rank: 1, name: 'Top', minFollowers: 1_000, pricePerPost: 99 },
        { rank: 2, name: 'Base', minFollowers: 100, pricePerPost: 9 },
      ],
    };
    expect(tierFor(99, scheme)).toBeNull();
    expect(tierFor(100, scheme)).toEqual({ rank: 2, name: 'Base', minFollowers: 100, pricePerPost: 9, maxFollowers: 1_000 });
    expect(tierFor(5_000, scheme)?.name).toBe('Top');
    expect(tierBands(scheme).map((t) => t.name)).toEqual(['Base', 'Top']);
  });
});

describe('nextTier', () => {
  it('gives the next tier up, the followers missing and the platform’s published figures there', () => {
    const next = nextTier(4_000, 'instagram');
    expect(next?.tier.rank).toBe(7);
    expect(next?.followersMissing).toBe(1_000);
    expect(next).toMatchObject({
      typicalLow: 1.78,
      typicalHigh: 4,
      typicalText: '≈1.8–4 % per follower at 5K (HypeAuditor 2026, HypeAuditor 2023, Markerly 2016)',
    });
    expect(nextTier(4_000, 'tiktok')).toMatchObject({ typicalLow: 12.6, typicalHigh: 12.6, typicalText: '≈12.6 % per view incl. shares at 5K (HypeAuditor 2023)' });
  });

  it('reads the figures at the next tier’s lower bound, in the publishers’ bands, not the tier’s', () => {
    expect(nextTier(5_000, 'instagram')).toMatchObject({ followersMissing: 15_000, typicalText: '≈0.5–2.4 % per follower at 20K (HypeAuditor 2026, Markerly 2016)' });
    expect(nextTier(4_999_999, 'instagram')?.followersMissing).toBe(1);
    expect(nextTier(4_999_999, 'instagram')?.tier.name).toBe('Icons');
  });

  it('says so where no figure is published for that size or platform', () => {
    expect(nextTier(60_000, 'instagram')).toMatchObject({
      typicalLow: null,
      typicalHigh: null,
      typicalText: 'unknown: no published Instagram figure per follower for 100K–1M accounts',
    });
    expect(nextTier(4_000, 'youtube')?.typicalText).toBe('unknown: no published YouTube figure per view by channel size');
  });

  it('is null at the top tier or for unknown followers', () => {
    expect(nextTier(5_000_000, 'instagram')).toBeNull();
    expect(nextTier(null, 'instagram')).toBeNull();
  });
});

describe('sizeClassFor', () => {
  it.each([
    [0, 'nano'],
    [999, 'nano'],
    [1_000, 'micro'],
    [49_999, 'micro'],
    [50_000, 'midi'],
    [499_999, 'midi'],
    [500_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
    [52_979_346, 'mega'],
  ] as const)('%d → %s', (followers, size) => {
    expect(sizeClassFor(followers)).toBe(size);
  });

  it('is null for unknown followers and has labels', () => {
    expect(sizeClassFor(null)).toBeNull();
    expect(sizeClassFor(-3)).toBeNull();
    expect(SIZE_CLASS_LABELS).toEqual({ nano: 'Nano', micro: 'Micro', midi: 'Midi', macro: 'Macro', mega: 'Mega' });
  });
});

describe('formatBand', () => {
  it('labels bounded, bottom and top bands', () => {
    expect(formatBand(5_000, 20_000)).toBe('5K–20K followers');
    expect(formatBand(500_000, 1_500_000)).toBe('500K–1.5M followers');
    expect(formatBand(0, 5_000)).toBe('< 5K followers');
    expect(formatBand(5_000_000, null)).toBe('≥ 5M followers');
    expect(formatBand(null, null)).toBe('any follower count');
  });
});
