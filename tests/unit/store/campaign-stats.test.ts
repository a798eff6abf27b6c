import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../../lib/platforms/types';
import {
  budgetSummary,
  campaignBudgets,
  costPerEngagement,
  creatorKeyOf,
  creatorResults,
  expectedEngagements,
  leaderboard,
  monthlyGrowthPercent,
  plannedCostPerEngagement,
  plannedPrice,
  resultsTotals,
  returnOnInvestment,
  tierCounts,
  totalBudget,
} from '../../../lib/store/campaign-stats';
import { DAY, MONTH, type SnapshotPoint } from '../../../lib/store/history';
import type { CreatorRecord, Entry, Results, ShortlistRow } from '../../../lib/store/shortlist';

interface RowSpec {
  handle: string;
  followers?: number | null;
  er?: number | null;
  pricePoint?: number | null;
  agreedPrice?: number | null;
  tierRank?: number | null;
  tierName?: string | null;
  results?: Partial<Results>;
}

function row(spec: RowSpec): ShortlistRow {
  const creator: CreatorRecord = {
    platform: 'instagram',
    handleKey: spec.handle,
    handle: spec.handle,
    displayName: null,
    profileUrl: `https://www.instagram.com/${spec.handle}/`,
    addedAt: 1,
    updatedAt: 1,
    snapshot: emptySnapshot({ platform: 'instagram', kind: 'profile', url: 'https://www.instagram.com/', handle: spec.handle }),
    followers: spec.followers ?? null,
    er: spec.er ?? null,
    erPerView: null,
    tierRank: spec.tierRank ?? null,
    tierName: spec.tierName ?? null,
    sizeClass: null,
    pricePoint: spec.pricePoint ?? null,
    priceLow: null,
    priceHigh: null,
    currency: 'USD',
  };
  const entry: Entry = {
    campaignId: 'spring',
    platform: 'instagram',
    handleKey: spec.handle,
    notes: '',
    tags: [],
    status: 'to contact',
    agreedPrice: spec.agreedPrice ?? null,
    couponCode: null,
    affiliateLink: null,
    results: { orders: null, revenue: null, cost: null, ...spec.results },
    addedAt: 1,
    updatedAt: 1,
  };
  return { entry, creator, campaignName: 'Spring launch' };
}

const maybe = (arb: fc.Arbitrary<number>) => fc.option(arb, { nil: null });
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1e15, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity));

describe('cost per engagement', () => {
  it('is the price over followers × ER / 100', () => {
    expect(expectedEngagements(12_480, 4.2)).toBeCloseTo(524.16);
    // $150 ÷ 524.16 engagements
    expect(costPerEngagement(150, 12_480, 4.2)).toBeCloseTo(0.2862, 4);
    expect(costPerEngagement(0, 12_480, 4.2)).toBe(0);
  });

  it('is unknown when a figure is unknown or no engagement is expected', () => {
    expect(costPerEngagement(null, 1000, 2)).toBeNull();
    expect(costPerEngagement(100, null, 2)).toBeNull();
    expect(costPerEngagement(100, 1000, null)).toBeNull();
    expect(costPerEngagement(100, 0, 2)).toBeNull();
    expect(costPerEngagement(100, 1000, 0)).toBeNull();
    expect(costPerEngagement(100, -5, 2)).toBeNull();
    expect(costPerEngagement(1e12, Number.MIN_VALUE, 1)).toBeNull(); // would be Infinity
  });

  it('prefers the agreed price over the guided price point', () => {
    expect(plannedPrice(row({ handle: 'a', pricePoint: 150, agreedPrice: 140 }))).toEqual({ amount: 140, source: 'agreed' });
    expect(plannedPrice(row({ handle: 'a', pricePoint: 150 }))).toEqual({ amount: 150, source: 'guided' });
    expect(plannedPrice(row({ handle: 'a', pricePoint: 150, agreedPrice: 0 }))).toEqual({ amount: 0, source: 'agreed' });
    expect(plannedPrice(row({ handle: 'a' }))).toBeNull();
    expect(plannedCostPerEngagement(row({ handle: 'a', followers: 1000, er: 10, agreedPrice: 50, pricePoint: 999 }))).toBe(0.5);
  });

  it('is never NaN or Infinity, whatever the numbers', () => {
    fc.assert(
      fc.property(maybe(anyNumber), maybe(anyNumber), maybe(anyNumber), (price, followers, er) => {
        const cost = costPerEngagement(price, followers, er);
        expect(cost === null || Number.isFinite(cost)).toBe(true);
        const engagements = expectedEngagements(followers, er);
        expect(engagements === null || Number.isFinite(engagements)).toBe(true);
      }),
    );
  });
});

describe('return on investment', () => {
  it('is (revenue − cost) ÷ cost', () => {
    expect(returnOnInvestment(300, 100)).toBe(2);
    expect(returnOnInvestment(50, 100)).toBe(-0.5);
    expect(returnOnInvestment(0, 100)).toBe(-1);
  });

  it('is unknown with a zero or unknown cost or an unknown revenue', () => {
    expect(returnOnInvestment(300, 0)).toBeNull();
    expect(returnOnInvestment(null, 100)).toBeNull();
    expect(returnOnInvestment(300, null)).toBeNull();
    fc.assert(
      fc.property(maybe(anyNumber), maybe(anyNumber), (revenue, cost) => {
        const roi = returnOnInvestment(revenue, cost);
        expect(roi === null || Number.isFinite(roi)).toBe(true);
      }),
    );
  });
});

describe('budget', () => {
  const rows = [
    row({ handle: 'cosy', pricePoint: 150, agreedPrice: 140, tierRank: 7, tierName: 'Hacker' }),
    row({ handle: 'mia', pricePoint: 400, tierRank: 6, tierName: 'Engaged' }),
    row({ handle: 'lee', pricePoint: 1200, agreedPrice: 1100, tierRank: 4, tierName: 'Micro' }),
    row({ handle: 'tam', tierRank: 7, tierName: 'Hacker' }),
    row({ handle: 'nobody' }),
  ];

  it('adds agreed prices and guided points, and says what remains', () => {
    const s = budgetSummary(rows, 2000);
    expect(s).toMatchObject({ budget: 2000, agreed: 1240, guided: 400, planned: 1640, unpriced: 2, remaining: 360 });
  });

  it('says by how much the plan is over budget, and nothing without a budget', () => {
    expect(budgetSummary(rows, 1000).remaining).toBe(-640);
    expect(budgetSummary(rows, null).remaining).toBeNull();
    expect(budgetSummary(rows, NaN).budget).toBeNull();
    expect(budgetSummary([], 500)).toMatchObject({ planned: 0, remaining: 500, tiers: [] });
  });

  it('counts creators per tier, highest tier first and unknown last', () => {
    expect(tierCounts(rows)).toEqual([
      { tierRank: 4, tierName: 'Micro', count: 1 },
      { tierRank: 6, tierName: 'Engaged', count: 1 },
      { tierRank: 7, tierName: 'Hacker', count: 2 },
      { tierRank: null, tierName: null, count: 1 },
    ]);
  });

  it('stays finite with the largest prices the store accepts', () => {
    const huge = Array.from({ length: 10_000 }, (_, i) => row({ handle: `h${i}`, agreedPrice: 1e12 }));
    const s = budgetSummary(huge, 1e12);
    expect(s.planned).toBe(1e16);
    expect(s.remaining).toBe(1e12 - 1e16);
  });
});

describe('results', () => {
  it('gives ROI and cost per engagement per creator and in total', () => {
    const results = [
      row({ handle: 'cosy', followers: 10_000, er: 5, results: { orders: 12, revenue: 600, cost: 200 } }), // 500 engagements
      row({ handle: 'lee', followers: 100_000, er: 2, results: { orders: 3, revenue: 100, cost: 400 } }), // 2,000 engagements
      row({ handle: 'mia', followers: 5000, er: 4, results: { cost: 100 } }), // revenue not entered yet
      row({ handle: 'tam', results: {} }),
    ].map(creatorResults);
    expect(results.map((r) => [r.roi, r.costPerEngagement])).toEqual([
      [2, 0.4],
      [-0.75, 0.2],
      [null, 0.5],
      [null, null],
    ]);
    const totals = resultsTotals(results);
    expect(totals.orders).toBe(15);
    expect(totals.revenue).toBe(700);
    expect(totals.cost).toBe(700);
    // Only cosy and lee have both: (700 − 600) ÷ 600. Mia's missing revenue is not a loss.
    expect(totals.roi).toBeCloseTo(1 / 6);
    // (200 + 400 + 100) ÷ (500 + 2,000 + 200)
    expect(totals.costPerEngagement).toBeCloseTo(700 / 2700);
  });

  it('is unknown rather than 0 when nothing is entered, and with zero cost', () => {
    const totals = resultsTotals([row({ handle: 'a', followers: 0, er: 3 }), row({ handle: 'b', results: { revenue: 50, cost: 0 } })].map(creatorResults));
    expect(totals).toEqual({ orders: null, revenue: 50, cost: 0, roi: null, costPerEngagement: null });
    expect(resultsTotals([])).toEqual({ orders: null, revenue: null, cost: null, roi: null, costPerEngagement: null });
  });
});

describe('leaderboard', () => {
  const rows = [
    row({ handle: 'cosy', followers: 12_480, er: 4.2, pricePoint: 150 }),
    row({ handle: 'mia', followers: 48_230, er: 2.5, pricePoint: 400 }),
    row({ handle: 'lee', followers: 250_000, er: 8.4, pricePoint: 1200, agreedPrice: 1100 }),
    row({ handle: 'tam', followers: 3100, er: null }),
    row({ handle: 'ann', followers: 9000, er: 4.2 }),
  ];
  const handles = (ranked: ReturnType<typeof leaderboard>) => ranked.map((r) => [r.rank, r.row.creator.handle]);

  it('ranks by ER, highest first, sharing ranks on ties and putting unknown last', () => {
    expect(handles(leaderboard(rows, 'er'))).toEqual([
      [1, 'lee'],
      [2, 'ann'],
      [2, 'cosy'],
      [4, 'mia'],
      [null, 'tam'],
    ]);
  });

  it('ranks by cost per engagement, lowest first', () => {
    const ranked = leaderboard(rows, 'cpe');
    expect(handles(ranked)).toEqual([
      [1, 'lee'], // $1,100 agreed ÷ 21,000
      [2, 'cosy'], // $150 ÷ 524
      [3, 'mia'], // $400 ÷ 1,206
      [null, 'ann'], // no price
      [null, 'tam'], // no rate
    ]);
    expect(ranked[0]?.value).toBeCloseTo(1100 / 21_000);
  });

  it('ranks by growth from the history, unknown growth last', () => {
    const growthBy = new Map([
      [creatorKeyOf(rows[0]!), 2.5],
      [creatorKeyOf(rows[1]!), -1],
      [creatorKeyOf(rows[2]!), null],
      [creatorKeyOf(rows[3]!), 12],
    ]);
    expect(handles(leaderboard(rows, 'growth', growthBy))).toEqual([
      [1, 'tam'],
      [2, 'cosy'],
      [3, 'mia'],
      [null, 'ann'],
      [null, 'lee'],
    ]);
  });

  it('puts every known value before every unknown, in order, for any numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ er: maybe(anyNumber), followers: maybe(fc.double({ min: 0, max: 1e15, noNaN: true })) }), { maxLength: 30 }), (specs) => {
        const ranked = leaderboard(specs.map((s, i) => row({ handle: `h${i}`, ...s, pricePoint: 100 })), 'cpe');
        const values = ranked.map((r) => r.value);
        const firstUnknown = values.indexOf(null);
        const known = firstUnknown === -1 ? values : values.slice(0, firstUnknown);
        expect(values.slice(known.length).every((v) => v === null)).toBe(true);
        for (const [i, v] of known.entries()) {
          expect(Number.isFinite(v)).toBe(true);
          if (i > 0) expect(v!).toBeGreaterThanOrEqual(known[i - 1]!);
        }
      }),
    );
  });
});

describe('monthly growth', () => {
  const point = (takenAt: number, followers: number | null): SnapshotPoint => ({
    platform: 'instagram',
    handleKey: 'kim',
    takenAt,
    followers,
    followersExact: true,
    following: null,
    postsCount: null,
    totalLikes: null,
    er: 3,
    erPerView: null,
    pricePoint: null,
  });
  const T = 1_700_000_000;

  it('is the change over the last month in percent of the followers a month before', () => {
    expect(monthlyGrowthPercent([point(T, 1000), point(T + MONTH, 1100)], T + MONTH)).toBeCloseTo(10);
  });

  it('is unknown without a month of history or from zero followers', () => {
    expect(monthlyGrowthPercent([point(T, 1000), point(T + 10 * DAY, 2000)], T + 10 * DAY)).toBeNull();
    expect(monthlyGrowthPercent([point(T, 0), point(T + MONTH, 100)], T + MONTH)).toBeNull();
    expect(monthlyGrowthPercent([], T)).toBeNull();
  });
});

describe('budgets of all campaigns', () => {
  it('adds up the budgets set, and plans each campaign with its own creators', () => {
    const onSpring = { ...row({ handle: 'a', pricePoint: 100, agreedPrice: 80 }) };
    const onSummer = { ...row({ handle: 'b', pricePoint: 300 }), entry: { ...row({ handle: 'b' }).entry, campaignId: 'summer' } };
    const campaigns = [
      { id: 'spring', name: 'Spring', budget: 500 },
      { id: 'summer', name: 'Summer', budget: null },
      { id: 'empty', name: 'Empty', budget: 50 },
    ];
    expect(totalBudget(campaigns)).toBe(550);
    expect(totalBudget([{ budget: null }])).toBeNull();
    const budgets = campaignBudgets([onSpring, onSummer], campaigns);
    expect(budgets.map((b) => [b.id, b.creators, b.summary.planned, b.summary.remaining])).toEqual([
      ['spring', 1, 80, 420],
      ['summer', 1, 300, null],
      ['empty', 0, 0, 50],
    ]);
  });
});
