import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../../lib/platforms/types';
import { leaderboard, metricValue, plannedCost, plannedCostPerEngagement } from '../../../lib/store/campaign-stats';
import { bestOf, betterText, COMPARE_MEASURES, MAX_COMPARE, type CompareMeasure } from '../../../lib/store/compare';
import type { ShortlistRow } from '../../../lib/store/shortlist';

function row(handle: string, f: { followers?: number | null; er?: number | null; pricePoint?: number | null; agreedPrice?: number | null; currency?: string | null } = {}): ShortlistRow {
  return {
    campaignName: 'Spring launch',
    creator: {
      platform: 'instagram',
      handleKey: handle,
      handle,
      displayName: null,
      profileUrl: `https://www.instagram.com/${handle}/`,
      addedAt: 1,
      updatedAt: 1,
      snapshot: emptySnapshot({ platform: 'instagram', kind: 'profile', url: 'https://www.instagram.com/', handle }),
      followers: f.followers === undefined ? 10_000 : f.followers,
      er: f.er === undefined ? 2 : f.er,
      erPerView: null,
      tierRank: 7,
      tierName: 'Hacker Micro Influencers',
      sizeClass: 'micro',
      pricePoint: f.pricePoint === undefined ? 150 : f.pricePoint,
      priceLow: null,
      priceHigh: null,
      currency: f.currency === undefined ? 'USD' : f.currency,
    },
    entry: {
      campaignId: 'spring',
      platform: 'instagram',
      handleKey: handle,
      notes: '',
      tags: [],
      status: 'to contact',
      agreedPrice: f.agreedPrice ?? null,
      couponCode: null,
      affiliateLink: null,
      results: { orders: null, revenue: null, cost: null },
      addedAt: 1,
      updatedAt: 1,
    },
  };
}

const measure = (id: string): CompareMeasure => {
  const m = COMPARE_MEASURES.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};
const ctx = { currency: 'EUR' };

describe('cost per engagement: one figure for compare and the leaderboard', () => {
  it('uses the agreed price when there is one, else the guide price, and says which', () => {
    // $9,020 agreed ÷ (48,000 × 2.5 %) = 7.5166…; the guide price would give $0.35.
    const agreed = row('agreed', { followers: 48_000, er: 2.5, pricePoint: 420, agreedPrice: 9020 });
    expect(plannedCost(agreed)).toEqual({ value: 9020 / 1200, price: { amount: 9020, source: 'agreed' } });
    const guided = row('guided', { followers: 48_000, er: 2.5, pricePoint: 420 });
    expect(plannedCost(guided)).toEqual({ value: 420 / 1200, price: { amount: 420, source: 'guided' } });
    expect(measure('cpe').text(agreed, ctx)).toBe('€7.52');
    expect(measure('cpe').note?.(agreed, ctx)).toBe('from the agreed price');
    // A guide price is in the currency its tier scheme gave it, whatever the settings say now.
    expect(measure('cpe').text(guided, ctx)).toBe('$0.35');
    expect(measure('cpe').note?.(guided, ctx)).toBe('from the guide price');
  });

  it('is the very value the leaderboard ranks by, for every creator', () => {
    const rows = [
      row('a', { followers: 12_480, er: 4.2, pricePoint: 150, agreedPrice: 140 }),
      row('b', { followers: 48_230, er: 2.5, pricePoint: 400 }),
      row('c', { followers: 250_000, er: 8.4, pricePoint: 1200, agreedPrice: 1100 }),
      row('d', { followers: null }),
      row('e', { pricePoint: null }),
      row('f', { er: 0 }),
    ];
    const ranked = leaderboard(rows, 'cpe');
    for (const r of rows) {
      const compared = measure('cpe').value?.(r) ?? null;
      expect(compared).toBe(metricValue(r, 'cpe', new Map()));
      expect(compared).toBe(plannedCostPerEngagement(r));
      expect(ranked.find((x) => x.row === r)?.value).toBe(compared);
    }
    // The best of compare is the leaderboard's #1.
    const best = bestOf(measure('cpe'), rows);
    expect([...best].map((i) => rows[i]!.creator.handle)).toEqual([ranked[0]!.row.creator.handle]);
  });

  it('says what is missing instead of a dash on a dash', () => {
    expect(measure('cpe').text(row('x', { pricePoint: null }), ctx)).toBe('—');
    expect(measure('cpe').note?.(row('x', { pricePoint: null }), ctx)).toBe('no price yet');
    expect(measure('cpe').note?.(row('x', { followers: null }), ctx)).toBe('followers or ER unknown');
    expect(measure('guidePrice').text(row('x', { pricePoint: null }), ctx)).toBe('—');
    expect(measure('guidePrice').note?.(row('x', { pricePoint: null }), ctx)).toBeNull();
    expect(measure('agreedPrice').text(row('x'), ctx)).toBe('Not agreed yet');
  });
});

describe('compare rows', () => {
  it('has one labelled row per measure; tier and size class are rows of their own', () => {
    const ids = COMPARE_MEASURES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['followers', 'er', 'tier', 'sizeClass', 'guidePrice', 'agreedPrice', 'cpe', 'status']));
    const r = row('kim');
    expect(measure('tier').text(r, ctx)).toBe('Tier 7');
    expect(measure('tier').note?.(r, ctx)).toBe('Hacker Micro Influencers');
    expect(measure('sizeClass').text(r, ctx)).toBe('Micro');
    for (const m of COMPARE_MEASURES) expect(m.label).not.toBe('');
    expect(MAX_COMPARE).toBe(6);
  });

  it('marks the best value of a row by its direction, ties included, and nothing when there is no contest', () => {
    const rows = [row('a', { er: 2 }), row('b', { er: 5 }), row('c', { er: 5 }), row('d', { er: null })];
    expect([...bestOf(measure('er'), rows)]).toEqual([1, 2]);
    expect(betterText(measure('er').better!)).toBe('higher is better');
    expect(betterText(measure('cpe').better!)).toBe('lower is better');
    // All equal, a single known value, or a row that is not ranked: no "best".
    expect(bestOf(measure('er'), [row('a', { er: 3 }), row('b', { er: 3 })]).size).toBe(0);
    expect(bestOf(measure('er'), [row('a', { er: 3 }), row('b', { er: null })]).size).toBe(0);
    expect(bestOf(measure('status'), rows).size).toBe(0);
  });

  it('takes a new measure as one more entry, best and all', () => {
    const signal: CompareMeasure = { id: 'audience', label: 'Audience quality', better: 'higher', value: (r) => r.creator.followers, text: (r) => String(r.creator.followers) };
    const rows = [row('a', { followers: 5 }), row('b', { followers: 9 })];
    expect([...bestOf(signal, rows)]).toEqual([1]);
  });
});

describe('compare rows of the audience signals and what the posts say', () => {
  const withInsights = (handle: string, insights: Partial<ShortlistRow['creator']>): ShortlistRow => {
    const r = row(handle);
    return { ...r, creator: { ...r.creator, ...insights } };
  };
  const kim = withInsights('kim', {
    signalsFine: 5,
    signalsToCheck: 1,
    signalsUnknown: 3,
    signalIdsToCheck: ['like-comment-ratio'],
    likesPerComment: 312.4,
    postsRead: 12,
    sponsoredPosts: 3,
    sponsoredVsOrganic: 0.72,
    brands: [{ handle: 'rival.co', posts: 2 }, { handle: 'flourco', posts: 1 }],
    undisclosedPosts: 1,
  });
  const lee = withInsights('lee', { signalsFine: 6, signalsToCheck: 0, signalsUnknown: 3, signalIdsToCheck: [], postsRead: 10, sponsoredPosts: 0, sponsoredVsOrganic: null, brands: [], undisclosedPosts: 0 });
  // A creator shortlisted before the signals were kept: every one unknown, never 0.
  const old = row('old');
  const competitors = new Set(['rival.co']);

  it('shows each as a labelled row, the names of the signals to check, and the competitor among the brands', () => {
    const c = { currency: 'USD', competitors };
    expect(measure('signals').text(kim, c)).toBe('5 fine · 1 to check');
    expect(measure('signals').note?.(kim, c)).toBe('Likes per comment');
    expect(measure('likesPerComment').text(kim, c)).toBe('312');
    expect(measure('sponsored').text(kim, c)).toBe('3 of 12');
    expect(measure('sponsoredVsOrganic').text(kim, c)).toBe('72 %');
    expect(measure('brands').text(kim, c)).toBe('@rival.co (2), @flourco (1)');
    expect(measure('brands').note?.(kim, c)).toBe('competitor: @rival.co (2 of 12 posts)');
    expect(measure('brands').note?.(lee, c)).toBeNull();
    expect(measure('brands').text(lee, c)).toBe('none');
    expect(measure('undisclosed').text(kim, c)).toBe('1 post');
  });

  it('says unknown for a creator whose signals were never read, and does not rank them', () => {
    for (const id of ['signals', 'likesPerComment', 'sponsored', 'sponsoredVsOrganic', 'brands', 'undisclosed']) {
      expect(measure(id).text(old, ctx)).toBe('—');
      expect(measure(id).value?.(old) ?? null).toBeNull();
    }
    // Fewer to check is better; the unknown creator is not "best" by having none counted.
    expect([...bestOf(measure('signals'), [kim, lee, old])]).toEqual([1]);
    expect([...bestOf(measure('undisclosed'), [kim, lee, old])]).toEqual([1]);
  });
});
