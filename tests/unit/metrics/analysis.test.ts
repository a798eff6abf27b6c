import { describe, expect, it } from 'vitest';
import { analyzeSnapshot, RECENT_POSTS } from '../../../lib/metrics/analysis';
import type { TierScheme } from '../../../lib/metrics/tiers';
import { emptyPost, type PostStats, type Snapshot } from '../../../lib/platforms/types';

const DAY = 86_400;
const NOW = 1_700_000_000;

function snapshot(partial: Partial<Snapshot>): Snapshot {
  return {
    platform: 'instagram',
    kind: 'profile',
    state: 'ok',
    url: 'https://www.instagram.com/made_up_account/',
    handle: 'made_up_account',
    displayName: 'Made Up',
    followers: 12_000,
    followersExact: true,
    following: 10,
    postsCount: 3,
    totalLikes: null,
    bio: null,
    isPrivate: false,
    isVerified: false,
    posts: [],
    source: 'test',
    notes: [],
    ...partial,
  };
}

describe('analyzeSnapshot', () => {
  it('composes rates, tier, verdict, price and next tier for a profile', () => {
    // 12,000 followers; posts at 4 %, 4.5 %, 4.1 % → mean 4.2 % (the product example).
    const posts: PostStats[] = [
      emptyPost({ id: 'a', likes: 470, comments: 10, views: 4_800, shares: 3, takenAt: NOW - 2 * DAY }),
      emptyPost({ id: 'b', likes: 530, comments: 10, views: null, shares: null, takenAt: NOW - 6 * DAY }),
      emptyPost({ id: 'c', likes: 482, comments: 10, views: 9_840, shares: 5, takenAt: NOW - 10 * DAY }),
    ];
    const a = analyzeSnapshot(snapshot({ posts }), { now: NOW });
    expect(a.engagement.mean).toBeCloseTo(4.2, 10);
    expect(a.engagement.median).toBeCloseTo(4.1, 10);
    expect(a.engagement.sufficient).toBe(true);
    expect(a.byViews).toMatchObject({ used: 2, excluded: 1 });
    expect(a.byViews.mean).toBeCloseTo(7.5, 10);
    expect(a.byReach).toMatchObject({ used: 0, mean: null, sufficient: false });
    expect(a.viewsPerFollower.mean).toBeCloseTo(61, 10);
    expect(a.perPeriod.days).toBe(10);
    expect(a.perPeriod.perDay).toBeCloseTo((1_512 / 10 / 12_000) * 100, 10);
    expect(a.averages).toEqual({ likes: 494, comments: 10, views: 7_320, shares: 4 });
    expect(a.tier).toMatchObject({ rank: 7, name: 'Hacker Micro Influencers', maxFollowers: 20_000 });
    expect(a.sizeClass).toBe('micro');
    expect(a.benchmark.text).toBe('above typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)');
    expect(a.benchmark.benchmark?.rate).toBeCloseTo(4.2, 10);
    // 4.2 % against a top of 2.37 %: raised 25 % × (4.2 ÷ 2.37 − 1) ≈ 19 %.
    expect(a.price).toMatchObject({ base: 150, point: 180, low: 160, high: 190 });
    expect(a.next).toMatchObject({ followersMissing: 8_000, typicalText: '≈0.5–2.4 % per follower at 20K (HypeAuditor 2026, Markerly 2016)' });
    expect(a.next?.tier.rank).toBe(6);
  });

  it('uses only the first 12 posts in page order', () => {
    const posts = Array.from({ length: 20 }, (_, i) => emptyPost({ likes: i < RECENT_POSTS ? 100 : 100_000, comments: 0 }));
    const a = analyzeSnapshot(snapshot({ followers: 1_000, posts }), { now: NOW });
    expect(RECENT_POSTS).toBe(12);
    expect(a.engagement.used).toBe(12);
    expect(a.engagement.mean).toBeCloseTo(10, 10);
    expect(a.averages.likes).toBe(100);
  });

  it('compares the benchmark rate over the recent posts, an old pinned hit left out', () => {
    const pinned = emptyPost({ id: 'hit', likes: 90_000, comments: 800, pinned: true, takenAt: NOW - 400 * DAY });
    const recent = Array.from({ length: 3 }, (_, i) => emptyPost({ id: String(i), likes: 110, comments: 10, takenAt: NOW - (i + 1) * DAY }));
    const a = analyzeSnapshot(snapshot({ followers: 12_000, posts: [pinned, ...recent] }), { now: NOW });
    expect(a.pinnedLeftOut).toBe(1);
    expect(a.benchmark.benchmark).toMatchObject({ verdict: 'typical', rate: 1 });
  });

  it('accepts a single post on a post page and needs two on a profile', () => {
    const posts = [emptyPost({ likes: 0, comments: 0 })];
    const profile = analyzeSnapshot(snapshot({ followers: 22, posts }), { now: NOW });
    expect(profile.engagement).toMatchObject({ mean: 0, sufficient: false });
    expect(profile.benchmark.verdict).toBeNull();
    expect(profile.benchmark.note).toBe('not enough data: only 1 post with visible likes');
    expect(profile.benchmark.text).toBe('no verdict: not enough data: only 1 post with visible likes (typical for < 1K on Instagram: ≈8 % per follower, Markerly 2016)');
    const post = analyzeSnapshot(snapshot({ kind: 'post', followers: 22, posts }), { now: NOW });
    expect(post.engagement).toMatchObject({ mean: 0, sufficient: true });
    expect(post.benchmark.verdict).toBe('below');
  });

  it('leaves hidden likes out of the averages', () => {
    const posts = [emptyPost({ likes: 3, likesHidden: true, comments: 4 }), emptyPost({ likes: 10, comments: 2 })];
    expect(analyzeSnapshot(snapshot({ posts }), { now: NOW }).averages).toEqual({ likes: 10, comments: 3, views: null, shares: null });
  });

  it('degrades to nulls with reasons when followers are unknown', () => {
    const a = analyzeSnapshot(snapshot({ followers: null, posts: [emptyPost({ likes: 1, comments: 1 })] }), { now: NOW });
    expect(a.engagement).toMatchObject({ mean: null, sufficient: false, reason: 'not enough data: followers unknown' });
    expect(a.tier).toBeNull();
    expect(a.sizeClass).toBeNull();
    expect(a.price).toBeNull();
    expect(a.next).toBeNull();
    expect(a.benchmark.verdict).toBeNull();
    expect(a.perPeriod.perDay).toBeNull();
  });

  it('uses a custom scheme', () => {
    const scheme: TierScheme = {
      id: 'c',
      name: 'c',
      currency: 'EUR',
      tiers: [
        { rank: 2, name: 'Small', minFollowers: 0, pricePerPost: 40 },
        { rank: 1, name: 'Large', minFollowers: 100_000, pricePerPost: 400 },
      ],
    };
    const a = analyzeSnapshot(snapshot({ posts: [] }), { scheme, now: NOW });
    expect(a.tier?.name).toBe('Small');
    expect(a.price).toMatchObject({ currency: 'EUR', base: 40 });
    expect(a.next).toMatchObject({ followersMissing: 88_000 });
  });

  it('defaults now to the current time', () => {
    const posts = [emptyPost({ likes: 10, comments: 0, takenAt: Math.floor(Date.now() / 1000) - 4 * DAY })];
    const a = analyzeSnapshot(snapshot({ followers: 100, posts }));
    expect(a.perPeriod.days).toBeCloseTo(4, 0);
  });
});
