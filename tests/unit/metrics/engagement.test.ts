import { describe, expect, it } from 'vitest';
import {
  engagementPerPeriod,
  engagementRate,
  engagementRateByImpressions,
  engagementRateByReach,
  engagementRateByViews,
  viewsPerFollower,
} from '../../../lib/metrics/engagement';
import { validCount } from '../../../lib/metrics/counts';
import { emptyPost, type PostStats } from '../../../lib/platforms/types';

const post = (likes: number | null, comments: number | null, extra: Partial<PostStats> = {}): PostStats =>
  emptyPost({ likes, comments, ...extra });

describe('engagementRate (per follower)', () => {
  it('averages (likes + comments) / followers × 100 over the posts', () => {
    // 1,000 followers: 5 %, 3 %, 10 % → mean 6 %, median 5 %.
    const r = engagementRate(1_000, [post(40, 10), post(30, 0), post(90, 10)]);
    expect(r).toMatchObject({ basis: 'followers', used: 3, excluded: 0, sufficient: true, reason: null });
    expect(r.mean).toBeCloseTo(6, 10);
    expect(r.median).toBeCloseTo(5, 10);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    const r = engagementRate(100, [post(1, 0), post(2, 0), post(4, 0), post(100, 0)]);
    expect(r.median).toBeCloseTo(3, 10);
    expect(r.mean).toBeCloseTo(26.75, 10);
  });

  it('leaves out posts with hidden or missing likes and says so', () => {
    const r = engagementRate(1_000, [post(40, 10), post(null, 5), post(999, 1, { likesHidden: true }), post(20, 0)]);
    expect(r.used).toBe(2);
    expect(r.excluded).toBe(2);
    expect(r.sufficient).toBe(true);
    expect(r.mean).toBeCloseTo(3.5, 10);
    expect(r.reason).toBe('2 of 4 posts left out: 2 with hidden or missing likes');
  });

  it('leaves out posts whose comment count is missing (comments unknown, not zero)', () => {
    const r = engagementRate(1_000, [post(40, null), post(20, 0), post(30, 0)]);
    expect(r.used).toBe(2);
    expect(r.excluded).toBe(1);
    expect(r.mean).toBeCloseTo(2.5, 10);
    expect(r.reason).toContain('1 with no comment count (comments unknown)');
  });

  it('is not sufficient with fewer usable posts than minPosts, but still computes the rate', () => {
    const r = engagementRate(22, [post(0, 0)]);
    expect(r.mean).toBe(0);
    expect(r.median).toBe(0);
    expect(r.used).toBe(1);
    expect(r.sufficient).toBe(false);
    expect(r.reason).toBe('not enough data: only 1 post with visible likes');
  });

  it('accepts one post when the caller asks for minPosts 1 (a single-post page)', () => {
    const r = engagementRate(48_300_000, [post(1_300_000, 25_700)], { minPosts: 1 });
    expect(r.sufficient).toBe(true);
    expect(r.reason).toBeNull();
    expect(r.mean).toBeCloseTo((1_325_700 / 48_300_000) * 100, 10);
  });

  it('explains what was left out when there are not enough posts', () => {
    const r = engagementRate(1_000, [post(10, 1), post(null, 1)]);
    expect(r.sufficient).toBe(false);
    expect(r.reason).toBe('not enough data: only 1 post with visible likes (1 of 2 posts left out: 1 with hidden or missing likes)');
  });

  it('gives nothing for unknown or zero followers, never dividing by zero', () => {
    for (const followers of [null, 0, -5, NaN, Infinity]) {
      const r = engagementRate(followers, [post(10, 1), post(20, 2)]);
      expect(r).toMatchObject({ mean: null, median: null, used: 0, excluded: 2, sufficient: false });
      expect(r.reason).toMatch(/^not enough data: (followers unknown|the account has 0 followers)$/);
    }
    expect(engagementRate(0, []).reason).toBe('not enough data: the account has 0 followers');
  });

  it('says so when there are no posts', () => {
    expect(engagementRate(1_000, [])).toMatchObject({
      mean: null,
      median: null,
      used: 0,
      excluded: 0,
      sufficient: false,
      reason: 'not enough data: no post with visible likes',
    });
  });

  it('treats garbage counts as unknown', () => {
    const garbage = [post(-5, 1), post(NaN, 1), post('12' as unknown as number, 1), post(Infinity, 0)];
    const r = engagementRate(100, [...garbage, post(5, 0), post(15, 0)]);
    expect(r.used).toBe(2);
    expect(r.excluded).toBe(4);
    expect(r.mean).toBeCloseTo(10, 10);
  });

  it('sanitizes minPosts', () => {
    expect(engagementRate(100, [post(1, 0)], { minPosts: 0 }).sufficient).toBe(true);
    expect(engagementRate(100, [post(1, 0)], { minPosts: NaN }).sufficient).toBe(false);
    expect(engagementRate(100, [post(1, 0), post(1, 0)], { minPosts: 3 }).sufficient).toBe(false);
  });
});

describe('engagementRateByViews / ByReach / ByImpressions', () => {
  it('divides each post by its own views', () => {
    const r = engagementRateByViews([post(90, 10, { views: 1_000 }), post(45, 5, { views: 2_000 })]);
    expect(r).toMatchObject({ basis: 'views', used: 2, excluded: 0, sufficient: true });
    expect(r.mean).toBeCloseTo(6.25, 10);
    expect(r.median).toBeCloseTo(6.25, 10);
  });

  it('leaves out posts without views or with 0 views', () => {
    const r = engagementRateByViews([post(1, 0, { views: null }), post(1, 0, { views: 0 }), post(10, 0, { views: 100 })], {
      minPosts: 1,
    });
    expect(r).toMatchObject({ used: 1, excluded: 2, sufficient: true });
    expect(r.mean).toBeCloseTo(10, 10);
    expect(r.reason).toBe('2 of 3 posts left out: 1 with no views count, 1 with 0 views');
  });

  it('uses reach and impressions the same way', () => {
    const posts = [post(8, 2, { reach: 200, impressions: 500 }), post(4, 1, { reach: 50, impressions: null })];
    const reach = engagementRateByReach(posts);
    expect(reach.basis).toBe('reach');
    expect(reach.mean).toBeCloseTo(7.5, 10);
    const impressions = engagementRateByImpressions(posts);
    expect(impressions).toMatchObject({ basis: 'impressions', used: 1, excluded: 1, sufficient: false });
    expect(impressions.mean).toBeCloseTo(2, 10);
    expect(impressions.reason).toBe(
      'not enough data: only 1 post with visible likes, comments and impressions (1 of 2 posts left out: 1 with no impressions count)',
    );
  });
});

describe('viewsPerFollower', () => {
  it('is views / followers × 100 per post and ignores likes', () => {
    const r = viewsPerFollower(1_000, [post(null, null, { views: 500 }), post(null, null, { views: 1_500 }), post(1, 1)]);
    expect(r).toMatchObject({ used: 2, excluded: 1, sufficient: true });
    expect(r.mean).toBeCloseTo(100, 10);
    expect(r.reason).toBe('1 of 3 posts left out: 1 with no views count');
  });

  it('needs followers', () => {
    expect(viewsPerFollower(null, [post(null, null, { views: 5 })]).reason).toBe('not enough data: followers unknown');
  });
});

describe('engagementPerPeriod', () => {
  const DAY = 86_400;
  const now = 1_700_000_000;

  it('spreads the engagements of the window over its days and followers', () => {
    // 300 engagements over 10 days on 1,000 followers = 3 % per day.
    const posts = [post(100, 0, { takenAt: now - 10 * DAY }), post(150, 50, { takenAt: now - 2 * DAY })];
    const r = engagementPerPeriod(1_000, posts, now);
    expect(r.days).toBe(10);
    expect(r.perDay).toBeCloseTo(3, 10);
    expect(r.perMonth).toBeCloseTo(3 * 30.4375, 10);
    expect(r.reason).toBeNull();
  });

  it('uses at least one day and treats future dates as now', () => {
    const r = engagementPerPeriod(100, [post(10, 0, { takenAt: now + 3_600 })], now);
    expect(r.days).toBe(1);
    expect(r.perDay).toBeCloseTo(10, 10);
  });

  it('leaves out undated posts and posts without counts, and says so', () => {
    const posts = [post(10, 0, { takenAt: now - 5 * DAY }), post(10, 0), post(null, 0, { takenAt: now - 50 * DAY })];
    const r = engagementPerPeriod(100, posts, now);
    expect(r.days).toBe(5);
    expect(r.perDay).toBeCloseTo(2, 10);
    expect(r.reason).toBe('2 of 3 posts left out: 1 with no post date, 1 with hidden or missing likes');
  });

  it('returns nulls with a reason when it cannot compute', () => {
    const dated = [post(1, 0, { takenAt: now - DAY })];
    expect(engagementPerPeriod(null, dated, now)).toEqual({
      perDay: null,
      perMonth: null,
      days: null,
      reason: 'not enough data: followers unknown',
    });
    expect(engagementPerPeriod(0, dated, now).reason).toBe('not enough data: the account has 0 followers');
    expect(engagementPerPeriod(100, dated, NaN).reason).toBe('not enough data: the current time is unknown');
    expect(engagementPerPeriod(100, [post(1, 0)], now).reason).toBe(
      'not enough data: no post with a date and visible likes and comments',
    );
  });
});

describe('validCount', () => {
  it('accepts finite counts in range only', () => {
    expect(validCount(0)).toBe(0);
    expect(validCount(12)).toBe(12);
    expect(validCount(-1)).toBeNull();
    expect(validCount(NaN)).toBeNull();
    expect(validCount(1e14)).toBeNull();
    expect(validCount('5')).toBeNull();
    expect(validCount(null)).toBeNull();
  });
});
