/**
 * Audience signals: each signal's ok / check / unknown cases on made-up posts and visits, every
 * threshold edge, the pinned rule, no NaN/Infinity whatever the counts, the summary words, and
 * the `signals` field of the analyze output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/analyze-file';
import { viewsPerFollower } from '../../../lib/metrics/engagement';
import { recentPosts } from '../../../lib/metrics/recent';
import {
  audienceSignals,
  CADENCE_MAX_GAP_DAYS,
  LIKES_PER_COMMENT,
  RATIO_FAR_OFF,
  SIGNAL_IDS,
  summarizeSignals,
  type AudienceSignal,
  type SignalId,
} from '../../../lib/metrics/signals';
import { emptyPost, emptySnapshot, type Platform, type PostStats, type Snapshot } from '../../../lib/platforms/types';
import type { SnapshotPoint } from '../../../lib/store/history';
import { COSY, sharedDataProfilePage } from '../../e2e/pages/instagram';

const DAY = 86_400;
const NOW = 1_750_000_000;

/** A post `daysAgo` days before NOW (null: undated). */
function post(likes: number | null, comments: number | null, o: Partial<PostStats> & { daysAgo?: number | null } = {}): PostStats {
  const { daysAgo = 1, ...rest } = o;
  return emptyPost({ likes, comments, takenAt: daysAgo === null ? null : NOW - daysAgo * DAY, ...rest });
}

function profile(posts: PostStats[], o: Partial<Snapshot> = {}): Snapshot {
  return emptySnapshot({ platform: 'instagram', kind: 'profile', url: 'https://www.instagram.com/made.up/', state: 'ok', followers: 10_000, following: 300, posts, ...o });
}

/** The signals as analyzeSnapshot computes them: views per follower over the recent posts. */
function signals(snapshot: Snapshot, history?: readonly SnapshotPoint[] | null, now = NOW): AudienceSignal[] {
  const recent = recentPosts(snapshot.posts).posts;
  const rate = viewsPerFollower(snapshot.followers, recent, { minPosts: snapshot.kind === 'post' ? 1 : 2 });
  return audienceSignals(snapshot, { viewsPerFollower: rate }, history === undefined ? { now } : { history, now });
}

function one(snapshot: Snapshot, id: SignalId, history?: readonly SnapshotPoint[] | null, now = NOW): AudienceSignal {
  const s = signals(snapshot, history, now).find((x) => x.id === id);
  if (!s) throw new Error(`no signal ${id}`);
  return s;
}

/** n posts with the same likes and comments, one every 3 days. */
function even(n: number, likes: number, comments: number, o: Partial<PostStats> = {}): PostStats[] {
  return Array.from({ length: n }, (_, i) => post(likes, comments, { daysAgo: 1 + i * 3, id: `p${i}`, ...o }));
}

describe('audienceSignals: shape', () => {
  it('returns every signal once, in the documented order, with its threshold and source', () => {
    const list = signals(profile(even(12, 300, 10)));
    expect(list.map((s) => s.id)).toEqual([...SIGNAL_IDS]);
    expect(SIGNAL_IDS).toEqual([
      'like-comment-ratio',
      'mean-vs-median',
      'top-post-share',
      'views-per-follower',
      'following-ratio',
      'follower-jumps',
      'er-vs-growth',
      'growth-per-month',
      'posting-cadence',
    ]);
    for (const s of list) {
      expect(s.label.length).toBeGreaterThan(0);
      expect(s.threshold.length).toBeGreaterThan(0);
      expect(s.source.length).toBeGreaterThan(0);
      expect(s.explanation.length).toBeGreaterThan(0);
      if (s.status === 'unknown') expect(s.explanation).toMatch(/^Unknown: /);
      if (s.value === null) expect(s.valueText).toBe('—');
    }
  });
});

describe('like-comment-ratio', () => {
  const ig = LIKES_PER_COMMENT.instagram;

  it('is total likes ÷ total comments of the recent posts, fine within the usual range', () => {
    const s = one(profile([post(300, 10), post(500, 30), post(200, 10)]), 'like-comment-ratio');
    expect(s.value).toBeCloseTo(1000 / 50, 10);
    expect(s.status).toBe('ok');
    expect(s.explanation).toContain('20 likes per comment over 3 posts');
    expect(s.explanation).toContain('Instagram');
    expect(s.explanation).toContain('Mention');
    expect(s.explanation).toMatch(/fine\.$/);
    expect(s.threshold).toContain('12.4–51.6');
  });

  it('is flagged only ten times off the usual range, at its exact edges', () => {
    const high = ig.high * RATIO_FAR_OFF; // 516 likes per comment
    expect(one(profile([post(high * 10, 10), post(high * 10, 10)]), 'like-comment-ratio').status).toBe('ok');
    const above = one(profile([post(high * 10 + 1, 10), post(high * 10, 10)]), 'like-comment-ratio');
    expect(above.status).toBe('check');
    expect(above.explanation).toContain('bought likes');
    const low = ig.low / RATIO_FAR_OFF; // 1.24 likes per comment
    expect(one(profile([post(low * 100, 100), post(low * 100, 100)]), 'like-comment-ratio').status).toBe('ok');
    const below = one(profile([post(low * 100 - 1, 100), post(low * 100, 100)]), 'like-comment-ratio');
    expect(below.status).toBe('check');
    expect(below.explanation).toContain('giveaway');
  });

  it('uses each platform’s own usual range, and says “reply” on X', () => {
    // 100 likes per comment: fine on Instagram (≤ 516) and TikTok (≤ 500), far off on YouTube (> 80).
    const posts = [post(5000, 50), post(5000, 50)];
    const on = (platform: Platform) => one(profile(posts, { platform }), 'like-comment-ratio');
    expect(on('instagram').status).toBe('ok');
    expect(on('tiktok').status).toBe('ok');
    expect(on('youtube').status).toBe('check');
    expect(on('youtube').threshold).toContain('Tubular Labs');
    expect(on('x').label).toBe('Likes per reply');
    expect(on('x').explanation).toContain('likes per reply');
    expect(on('x').threshold).toContain("rule of thumb");
    for (const p of ['instagram', 'tiktok', 'youtube', 'x'] as const) {
      expect(LIKES_PER_COMMENT[p].low).toBeLessThanOrEqual(LIKES_PER_COMMENT[p].high);
    }
  });

  it('applies the pinned rule: an old pinned hit is not counted', () => {
    const posts = [
      post(900_000, 10, { pinned: true, daysAgo: 400 }),
      post(300, 10, { daysAgo: 1 }),
      post(300, 10, { daysAgo: 4 }),
    ];
    const s = one(profile(posts), 'like-comment-ratio');
    expect(s.value).toBeCloseTo(30, 10);
    expect(s.status).toBe('ok');
    // Within the span of the recent posts the pinned post counts like any other.
    const within = one(profile([post(90_000, 10, { pinned: true, daysAgo: 2 }), ...posts.slice(1)]), 'like-comment-ratio');
    expect(within.value).toBeCloseTo(90_600 / 30, 10);
  });

  it('leaves out posts with hidden likes or unknown comments, and only counts the 12 recent posts', () => {
    const posts = [post(300, 10), post(99_999, null), post(99_999, 1, { likesHidden: true }), post(500, 10)];
    expect(one(profile(posts), 'like-comment-ratio').value).toBeCloseTo(40, 10);
    const thirteen = [...even(12, 300, 10), post(1_000_000, 1, { daysAgo: 60 })];
    expect(one(profile(thirteen), 'like-comment-ratio').value).toBeCloseTo(30, 10);
  });

  it('is unknown, with the reason, when the page does not carry both counts or too few comments', () => {
    expect(one(profile([]), 'like-comment-ratio').explanation).toContain('no recent posts');
    const noComments = one(profile([post(300, null), post(200, null)]), 'like-comment-ratio');
    expect(noComments).toMatchObject({ status: 'unknown', value: null });
    expect(one(profile([post(300, 10)]), 'like-comment-ratio').status).toBe('unknown'); // one post on a profile
    expect(one(profile([post(300, 10)], { kind: 'post' }), 'like-comment-ratio').status).toBe('ok'); // a post page
    expect(one(profile([post(0, 0), post(0, 0)]), 'like-comment-ratio').status).toBe('unknown');
    const few = one(profile([post(100, 4), post(100, 5)]), 'like-comment-ratio'); // 9 comments
    expect(few.status).toBe('unknown');
    expect(few.explanation).toContain('too few');
    expect(few.value).toBeNull();
    expect(one(profile([post(100, 5), post(100, 5)]), 'like-comment-ratio').status).toBe('ok'); // 10 comments
  });

  it('flags likes with no comments only when even one comment would leave the ratio far off', () => {
    const edge = LIKES_PER_COMMENT.instagram.high * RATIO_FAR_OFF; // 516
    const none = one(profile([post(600, 0), post(600, 0)]), 'like-comment-ratio');
    expect(none).toMatchObject({ status: 'check', value: null });
    expect(none.explanation).toContain('no comments');
    expect(one(profile([post(edge / 2, 0), post(edge / 2, 0)]), 'like-comment-ratio').status).toBe('unknown');
    // 5 comments: 5000 likes ÷ 6 is still far above 516 → check, with the finite ratio.
    const fewFar = one(profile([post(2500, 2), post(2500, 3)]), 'like-comment-ratio');
    expect(fewFar.status).toBe('check');
    expect(fewFar.value).toBe(1000);
  });
});

describe('mean-vs-median and top-post-share', () => {
  it('are fine when engagement is spread over the posts', () => {
    const posts = even(12, 300, 10);
    expect(one(profile(posts), 'mean-vs-median')).toMatchObject({ status: 'ok', value: 1 });
    const top = one(profile(posts), 'top-post-share');
    expect(top.status).toBe('ok');
    expect(top.value).toBeCloseTo(100 / 12, 10);
  });

  it('flag a mean at least twice the median, at the edge', () => {
    // Engagements 10, 10, 40: mean 20, median 10 → exactly 2×.
    const at = one(profile([post(10, 0), post(10, 0), post(40, 0)]), 'mean-vs-median');
    expect(at).toMatchObject({ status: 'check', value: 2 });
    expect(at.explanation).toContain('2× the median');
    // 10, 10, 39: mean 19.67 → 1.97×.
    const under = one(profile([post(10, 0), post(10, 0), post(39, 0)]), 'mean-vs-median');
    expect(under.status).toBe('ok');
    expect(under.value).toBeCloseTo(59 / 3 / 10, 10);
  });

  it('flag one post with more than half of all engagement, at the edge', () => {
    // 50 of 100 is exactly half: fine; 51 of 101 is more: check.
    expect(one(profile([post(25, 0), post(25, 0), post(50, 0)]), 'top-post-share')).toMatchObject({ status: 'ok', value: 50 });
    const over = one(profile([post(25, 0), post(25, 0), post(51, 0)]), 'top-post-share');
    expect(over.status).toBe('check');
    expect(over.value).toBeCloseTo((51 / 101) * 100, 10);
  });

  it('count the recent posts only (the pinned rule), with likes and comments both shown', () => {
    const posts = [post(1_000_000, 0, { pinned: true, daysAgo: 500 }), ...even(4, 100, 0), post(5000, null)];
    expect(one(profile(posts), 'top-post-share').value).toBeCloseTo(25, 10);
    expect(one(profile(posts), 'mean-vs-median').value).toBe(1);
  });

  it('are unknown under 3 posts or with no engagement at all; a zero median is flagged', () => {
    expect(one(profile([post(10, 1), post(10, 1)]), 'mean-vs-median').status).toBe('unknown');
    expect(one(profile([post(10, 1), post(10, 1)]), 'top-post-share').status).toBe('unknown');
    expect(one(profile([post(0, 0), post(0, 0), post(0, 0)]), 'top-post-share').status).toBe('unknown');
    expect(one(profile([post(0, 0), post(0, 0), post(0, 0)]), 'mean-vs-median').status).toBe('unknown');
    const zeroMedian = one(profile([post(0, 0), post(0, 0), post(90, 0)]), 'mean-vs-median');
    expect(zeroMedian).toMatchObject({ status: 'check', value: null });
  });
});

describe('views-per-follower', () => {
  it('is the mean views of the recent posts as a percent of followers; more views than followers is fine', () => {
    const s = one(profile([post(1, 1, { views: 3000 }), post(1, 1, { views: 5000 })], { followers: 10_000 }), 'views-per-follower');
    expect(s).toMatchObject({ status: 'ok', value: 40 });
    const beyond = one(profile([post(1, 1, { views: 30_000 }), post(1, 1, { views: 50_000 })]), 'views-per-follower');
    expect(beyond.status).toBe('ok');
    expect(beyond.explanation).toContain('4× the followers');
  });

  it('flags fewer than 1 view per 100 followers, at the edge', () => {
    expect(one(profile([post(1, 1, { views: 100 }), post(1, 1, { views: 100 })]), 'views-per-follower')).toMatchObject({ status: 'ok', value: 1 });
    const under = one(profile([post(1, 1, { views: 99 }), post(1, 1, { views: 100 })]), 'views-per-follower');
    expect(under.status).toBe('check');
    expect(under.value).toBeCloseTo(0.995, 10);
  });

  it('leaves out an old pinned post', () => {
    const posts = [post(1, 1, { views: 9_000_000, pinned: true, daysAgo: 300 }), post(1, 1, { views: 100 }), post(1, 1, { views: 99 })];
    expect(one(profile(posts), 'views-per-follower').status).toBe('check');
  });

  it('is unknown without views or followers, and says "subscribers" on YouTube', () => {
    expect(one(profile(even(3, 10, 1)), 'views-per-follower').status).toBe('unknown');
    expect(one(profile([post(1, 1, { views: 100 }), post(1, 1, { views: 100 })], { followers: null }), 'views-per-follower').status).toBe('unknown');
    expect(one(profile([post(1, 1, { views: 100 }), post(1, 1, { views: 100 })], { followers: 0 }), 'views-per-follower').status).toBe('unknown');
    expect(one(profile([post(1, 1, { views: 100 })]), 'views-per-follower').status).toBe('unknown'); // one post on a profile
    const yt = one(profile([post(null, null, { views: 500 }), post(null, null, { views: 700 })], { platform: 'youtube', following: null }), 'views-per-follower');
    expect(yt).toMatchObject({ status: 'ok', label: 'Views per subscriber' });
    expect(yt.value).toBeCloseTo(6, 10);
  });
});

describe('following-ratio', () => {
  it('is following ÷ followers, flagged from 1 (follows as many as follow it)', () => {
    expect(one(profile([], { followers: 10_000, following: 300 }), 'following-ratio')).toMatchObject({ status: 'ok', value: 0.03 });
    expect(one(profile([], { followers: 10_000, following: 9_999 }), 'following-ratio').status).toBe('ok');
    const at = one(profile([], { followers: 10_000, following: 10_000 }), 'following-ratio');
    expect(at).toMatchObject({ status: 'check', value: 1 });
    expect(at.explanation).toContain('follow-for-follow');
  });

  it('is unknown where the page shows no following count (YouTube) or no followers', () => {
    const yt = one(profile([], { platform: 'youtube', following: null }), 'following-ratio');
    expect(yt.status).toBe('unknown');
    expect(yt.explanation).toContain('YouTube');
    expect(one(profile([], { followers: null }), 'following-ratio').status).toBe('unknown');
    expect(one(profile([], { followers: 0, following: 5 }), 'following-ratio').status).toBe('unknown');
  });
});

/** A visit `daysAgo` days before NOW. */
function visit(daysAgo: number, followers: number | null, er: number | null = 3): SnapshotPoint {
  return {
    platform: 'instagram',
    handleKey: 'made.up',
    takenAt: NOW - daysAgo * DAY,
    followers,
    followersExact: true,
    following: 300,
    postsCount: 50,
    totalLikes: null,
    er,
    erPerView: null,
    pricePoint: null,
  };
}

describe('growth signals from the visit history', () => {
  const snap = profile(even(3, 100, 5));

  it('are unknown without a history (analyze), with one visit, or with visits too far apart', () => {
    for (const id of ['follower-jumps', 'er-vs-growth', 'growth-per-month'] as const) {
      const none = one(snap, id);
      expect(none.status).toBe('unknown');
      expect(none.explanation).toContain('no visit history');
      expect(one(snap, id, null).status).toBe('unknown');
      expect(one(snap, id, [visit(3, 10_000)]).explanation).toContain('only 1 visit');
      expect(one(snap, id, []).explanation).toContain('no visit');
    }
    // Two visits 30 days apart: no pair less than 7 days apart for the jump rule.
    expect(one(snap, 'follower-jumps', [visit(31, 10_000), visit(1, 20_000)]).status).toBe('unknown');
  });

  it('follower-jumps reuses the jump rule: more than +20 % between visits less than 7 days apart', () => {
    expect(one(snap, 'follower-jumps', [visit(3, 10_000), visit(1, 12_000)])).toMatchObject({ status: 'ok', value: 0 }); // exactly 20 %
    const jump = one(snap, 'follower-jumps', [visit(3, 10_000), visit(1, 12_001)]);
    expect(jump).toMatchObject({ status: 'check', value: 1 });
    expect(jump.explanation).toContain('+20.0 % in 2 days');
    // 7 days apart is not "less than a week".
    expect(one(snap, 'follower-jumps', [visit(8, 10_000), visit(1, 20_000)]).status).toBe('unknown');
  });

  it('er-vs-growth flags a jump the ER does not follow, and is fine when it holds', () => {
    const fell = one(snap, 'er-vs-growth', [visit(3, 10_000, 3), visit(1, 13_000, 1.9)]);
    expect(fell).toMatchObject({ status: 'check', value: 1 });
    expect(fell.explanation).toContain('from 3.0 % to 1.9 %');
    const held = one(snap, 'er-vs-growth', [visit(3, 10_000, 3), visit(1, 13_000, 2.9)]);
    expect(held).toMatchObject({ status: 'ok', value: 0 });
    expect(held.explanation).toContain('held through 1 follower jump');
    // Exactly a third down is not more than a third.
    expect(one(snap, 'er-vs-growth', [visit(3, 10_000, 3), visit(1, 13_000, 2)]).status).toBe('ok');
    // No ER known at the close visits: nothing to judge.
    expect(one(snap, 'er-vs-growth', [visit(3, 10_000, null), visit(1, 13_000, 1)]).status).toBe('unknown');
  });

  it('growth-per-month is fine from −10 % to +50 % a month and needs a month of visits', () => {
    const month = 30.4375;
    const at = (end: number) => one(snap, 'growth-per-month', [visit(month + 1, 10_000), visit(1, end)]);
    expect(at(15_000)).toMatchObject({ status: 'ok', value: 50 });
    expect(at(15_001).status).toBe('check');
    expect(at(9_000)).toMatchObject({ status: 'ok', value: -10 });
    expect(at(8_999).status).toBe('check');
    expect(at(9_000).valueText).toBe('−10.0 % a month');
    expect(one(snap, 'growth-per-month', [visit(10, 10_000), visit(1, 11_000)]).explanation).toContain('does not reach back a month');
    expect(one(snap, 'growth-per-month', [visit(40, 0), visit(1, 11_000)]).status).toBe('unknown');
  });
});

describe('posting-cadence', () => {
  it('gives posts a week from the dated recent posts and their longest gap', () => {
    const s = one(profile(even(12, 100, 5)), 'posting-cadence');
    expect(s.status).toBe('ok');
    expect(s.value).toBeCloseTo((11 / 33) * 7, 10);
    expect(s.explanation).toContain('the longest gap between two is 3 days');
  });

  it('flags a gap of 90 days or more, at the edge', () => {
    const gap = (days: number) => one(profile([post(1, 1, { daysAgo: 1 }), post(1, 1, { daysAgo: 1 + days }), post(1, 1, { daysAgo: 2 + days })]), 'posting-cadence');
    expect(gap(CADENCE_MAX_GAP_DAYS - 0.5).status).toBe('ok');
    expect(gap(CADENCE_MAX_GAP_DAYS).status).toBe('check');
    expect(gap(CADENCE_MAX_GAP_DAYS).explanation).toContain('90 days');
  });

  it('does not let an old pinned post make a gap, and needs two dated posts', () => {
    const posts = [post(1, 1, { pinned: true, daysAgo: 700 }), post(1, 1, { daysAgo: 1 }), post(1, 1, { daysAgo: 5 })];
    expect(one(profile(posts), 'posting-cadence').status).toBe('ok');
    expect(one(profile([post(1, 1, { daysAgo: null }), post(1, 1, { daysAgo: 3 })]), 'posting-cadence').status).toBe('unknown');
    // Posts minutes apart: the span counts as a day, no enormous rate.
    const burst = one(profile([post(1, 1, { daysAgo: 1 }), post(1, 1, { daysAgo: 1.001 })]), 'posting-cadence');
    expect(burst.value).toBe(7);
  });
});

describe('summarizeSignals', () => {
  const s = (status: AudienceSignal['status']) => ({ ...one(profile([]), 'mean-vs-median'), status });

  it('counts and words the statuses as the card shows them', () => {
    expect(summarizeSignals([s('ok'), s('ok'), s('ok'), s('ok'), s('ok'), s('check')])).toEqual({
      ok: 5,
      check: 1,
      unknown: 0,
      total: 6,
      text: 'Audience: 5 signals fine · 1 to check',
    });
    expect(summarizeSignals([s('ok'), s('check'), s('check'), s('unknown'), s('unknown')]).text).toBe('Audience: 1 signal fine · 2 to check · 2 unknown');
    expect(summarizeSignals([s('unknown')]).text).toBe('Audience: 0 signals fine · 1 unknown');
    expect(summarizeSignals([]).text).toBe('Audience: 0 signals fine');
  });

  it('summarizes a real list', () => {
    const list = signals(profile(even(12, 300, 10, { views: 2000 })), [visit(3, 10_000), visit(1, 12_001)]);
    const sum = summarizeSignals(list);
    expect(sum.ok + sum.check + sum.unknown).toBe(SIGNAL_IDS.length);
    expect(sum.check).toBe(1); // the follower jump
    expect(sum.text).toBe(`Audience: ${sum.ok} signals fine · 1 to check · ${sum.unknown} unknown`);
  });
});

/** Counts as pages give them, plus garbage a buggy reader could cast in. */
const countLike = fc.oneof(
  fc.constant(null),
  fc.constant(0),
  fc.nat({ max: 1_000 }),
  fc.integer({ min: 0, max: 1e13 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(NaN, Infinity, -Infinity, -1, Number.MAX_VALUE, Number.MIN_VALUE, 1e13, 1e15),
) as fc.Arbitrary<number | null>;

const postArb: fc.Arbitrary<PostStats> = fc.record({
  id: fc.constant(null),
  url: fc.constant(null),
  likes: countLike,
  comments: countLike,
  views: countLike,
  shares: countLike,
  reach: countLike,
  impressions: countLike,
  takenAt: fc.oneof(countLike, fc.integer({ min: NOW - 400 * DAY, max: NOW })),
  likesHidden: fc.boolean(),
  pinned: fc.boolean(),
});

const visitArb: fc.Arbitrary<SnapshotPoint> = fc.record({
  platform: fc.constant('instagram' as const),
  handleKey: fc.constant('made.up'),
  takenAt: fc.integer({ min: NOW - 100 * DAY, max: NOW + DAY }),
  followers: fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 0, max: 1e13 })),
  followersExact: fc.boolean(),
  following: fc.constant(null),
  postsCount: fc.constant(null),
  totalLikes: fc.constant(null),
  er: fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true })),
  erPerView: fc.constant(null),
  pricePoint: fc.constant(null),
});

describe('properties', () => {
  it('never throw and never give NaN or Infinity, whatever the counts', () => {
    fc.assert(
      fc.property(
        fc.array(postArb, { maxLength: 20 }),
        countLike,
        countLike,
        fc.constantFrom<Platform>('instagram', 'youtube', 'tiktok', 'x'),
        fc.constantFrom<'profile' | 'post' | 'posts'>('profile', 'post', 'posts'),
        fc.option(fc.array(visitArb, { maxLength: 12 }), { nil: undefined }),
        (posts, followers, following, platform, kind, history) => {
          const list = signals(profile(posts, { followers, following, platform, kind }), history);
          expect(list.map((s) => s.id)).toEqual([...SIGNAL_IDS]);
          for (const s of list) {
            expect(s.value === null || Number.isFinite(s.value)).toBe(true);
            expect(['ok', 'check', 'unknown']).toContain(s.status);
            expect(s.explanation).not.toMatch(/NaN|Infinity|undefined/);
            expect(s.valueText).not.toMatch(/NaN|Infinity|undefined/);
            if (s.status === 'unknown') expect(s.explanation).toMatch(/^Unknown: /);
          }
          const sum = summarizeSignals(list);
          expect(sum.ok + sum.check + sum.unknown).toBe(list.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('analyze output: signals', () => {
  it('lists every signal with id, value, status and explanation; growth is unknown for want of history', () => {
    const result = analyzeText(sharedDataProfilePage(COSY), `https://www.instagram.com/${COSY.handle}/`);
    if (!result.ok) throw new Error(result.error);
    const out = result.report.signals;
    expect(out.map((s) => s.id)).toEqual([...SIGNAL_IDS]);
    for (const s of out) expect(Object.keys(s)).toEqual(['id', 'value', 'status', 'explanation']);
    const byId = new Map(out.map((s) => [s.id, s]));
    const likes = COSY.posts.reduce((sum, p) => sum + (p.likes ?? 0), 0);
    const comments = COSY.posts.reduce((sum, p) => sum + p.comments, 0);
    expect(byId.get('like-comment-ratio')?.value).toBeCloseTo(likes / comments, 4);
    expect(byId.get('like-comment-ratio')?.status).toBe('ok');
    expect(byId.get('following-ratio')?.value).toBeCloseTo(COSY.following / COSY.followers, 4);
    for (const id of ['follower-jumps', 'er-vs-growth', 'growth-per-month'] as const) {
      expect(byId.get(id)).toMatchObject({ status: 'unknown', value: null });
      expect(byId.get(id)?.explanation).toContain('no visit history');
    }
    // Stable: rounded to 4 decimals, and the JSON round trip keeps it as is.
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    for (const s of out) if (s.value !== null) expect(Math.round(s.value * 1e4) / 1e4).toBe(s.value);
  });
});
