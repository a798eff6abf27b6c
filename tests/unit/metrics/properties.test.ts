/** Property tests: no input makes the metrics throw or return NaN/Infinity. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { benchmarkFor } from '../../../lib/metrics/benchmarks';
import { parseCount, parseCountDetailed } from '../../../lib/metrics/counts';
import {
  engagementPerPeriod,
  engagementRate,
  engagementRateByImpressions,
  engagementRateByReach,
  engagementRateByViews,
  viewsPerFollower,
  type RateResult,
} from '../../../lib/metrics/engagement';
import { formatCount, formatMoney, formatPercent } from '../../../lib/metrics/format';
import { priceGuidance } from '../../../lib/metrics/pricing';
import { tierFor } from '../../../lib/metrics/tiers';
import type { PostStats, Snapshot } from '../../../lib/platforms/types';

/** Counts as pages give them, plus garbage a buggy reader could cast in. */
const countLike = fc.oneof(
  fc.constant(null),
  fc.constant(0),
  fc.nat({ max: 1_000 }),
  fc.integer({ min: 0, max: 1e12 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(NaN, Infinity, -Infinity, -1, Number.MAX_VALUE, Number.MIN_VALUE, -0),
  fc.string().map((s) => s as unknown as number),
) as fc.Arbitrary<number | null>;

const postArb: fc.Arbitrary<PostStats> = fc.record({
  id: fc.option(fc.string(), { nil: null }),
  url: fc.constant(null),
  likes: countLike,
  comments: countLike,
  views: countLike,
  shares: countLike,
  reach: countLike,
  impressions: countLike,
  takenAt: countLike,
  likesHidden: fc.boolean(),
});

const postsArb = fc.array(postArb, { maxLength: 30 });

function isFiniteOrNull(n: number | null): boolean {
  return n === null || Number.isFinite(n);
}

function checkRate(r: RateResult): void {
  expect(isFiniteOrNull(r.mean)).toBe(true);
  expect(isFiniteOrNull(r.median)).toBe(true);
  expect(Number.isInteger(r.used) && r.used >= 0).toBe(true);
  expect(Number.isInteger(r.excluded) && r.excluded >= 0).toBe(true);
  if (r.used === 0) expect(r.mean).toBeNull();
  if (!r.sufficient) expect(r.reason).not.toBeNull();
}

describe('parseCount properties', () => {
  it('returns null or a finite non-negative whole number for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[\d.,' kKmMbB\u00a0-]{0,12}$/)), (s) => {
        const v = parseCount(s);
        expect(v === null || (Number.isInteger(v) && v >= 0 && v <= 1e13)).toBe(true);
        const d = parseCountDetailed(s);
        expect(d === null || typeof d.exact === 'boolean').toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('returns null or a finite non-negative whole number for any number', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        const v = parseCount(n);
        expect(v === null || (Number.isInteger(v) && v >= 0)).toBe(true);
      }),
    );
  });

  it('reads back every whole number written with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('en-US', 'de-DE', 'fr-FR'), (n, locale) => {
        expect(parseCount(n.toLocaleString(locale))).toBe(n);
      }),
    );
  });
});

describe('engagement properties', () => {
  it('never throws nor returns NaN/Infinity for arbitrary posts and followers', () => {
    fc.assert(
      fc.property(countLike, postsArb, fc.integer({ min: 1, max: 5 }), (followers, posts, minPosts) => {
        checkRate(engagementRate(followers, posts, { minPosts }));
        checkRate(engagementRateByViews(posts, { minPosts }));
        checkRate(engagementRateByReach(posts));
        checkRate(engagementRateByImpressions(posts));
        checkRate(viewsPerFollower(followers, posts));
      }),
      { numRuns: 1_000 },
    );
  });

  it('per-period rates are finite or null', () => {
    fc.assert(
      fc.property(countLike, postsArb, countLike, (followers, posts, now) => {
        const r = engagementPerPeriod(followers, posts, now as number);
        expect(isFiniteOrNull(r.perDay)).toBe(true);
        expect(isFiniteOrNull(r.perMonth)).toBe(true);
        expect(isFiniteOrNull(r.days)).toBe(true);
      }),
    );
  });

  it('the mean lies between the smallest and largest post rate', () => {
    const clean = fc.record({ likes: fc.nat({ max: 1e9 }), comments: fc.nat({ max: 1e7 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.array(clean, { minLength: 1, maxLength: 12 }), (followers, counts) => {
        const posts = counts.map((c) => ({ ...c, id: null, url: null, views: null, shares: null, reach: null, impressions: null, takenAt: null, likesHidden: false }));
        const rates = counts.map((c) => ((c.likes + c.comments) / followers) * 100);
        const r = engagementRate(followers, posts);
        expect(r.used).toBe(counts.length);
        expect(r.mean!).toBeGreaterThanOrEqual(Math.min(...rates) * (1 - 1e-12));
        expect(r.mean!).toBeLessThanOrEqual(Math.max(...rates) * (1 + 1e-12));
      }),
    );
  });
});

describe('composed properties', () => {
  it('verdicts, prices and formatting never produce NaN and never throw', () => {
    fc.assert(
      fc.property(countLike, countLike, fc.constantFrom('instagram', 'tiktok', 'youtube', 'x'), postsArb, (followers, er, platform, posts) => {
        const v = benchmarkFor(platform, followers, posts);
        if (v.benchmark) {
          for (const n of [...v.benchmark.typical, v.benchmark.rate]) expect(Number.isFinite(n)).toBe(true);
        } else {
          expect(v.note).toMatch(/\S/);
        }
        expect(v.text).not.toMatch(/NaN|Infinity|undefined/);
        const p = priceGuidance(followers, v);
        if (p) {
          for (const n of [p.base, p.low, p.high, p.point]) expect(Number.isFinite(n)).toBe(true);
          expect(p.low).toBeLessThanOrEqual(p.point);
          expect(p.point).toBeLessThanOrEqual(p.high);
          expect(p.reason).not.toMatch(/NaN|Infinity/);
        } else {
          expect(tierFor(followers)).toBeNull();
        }
        for (const s of [formatCount(followers), formatPercent(er), formatMoney(er)]) expect(s).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 1_000 },
    );
  });

  it('analyzeSnapshot never throws for arbitrary snapshots', () => {
    fc.assert(
      fc.property(countLike, postsArb, fc.constantFrom('profile', 'post', 'posts'), (followers, posts, kind) => {
        const snapshot = { platform: 'x', kind, state: 'ok', url: '', handle: null, displayName: null, followers, followersExact: true, following: null, postsCount: null, totalLikes: null, bio: null, isPrivate: null, isVerified: null, posts, source: '', notes: [] } as Snapshot;
        const a = analyzeSnapshot(snapshot, { now: 1_700_000_000 });
        checkRate(a.engagement);
        for (const v of Object.values(a.averages)) expect(isFiniteOrNull(v)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
