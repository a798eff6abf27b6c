import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { pinnedNote, RECENT_POSTS, recentPosts } from '../../../lib/metrics/recent';
import { emptyPost, emptySnapshot, type Platform, type PostStats } from '../../../lib/platforms/types';

// Made-up posts: the rule is decided from `pinned` and `takenAt` only, never from ids.
const DAY = 86_400;
const NOW = 1_750_000_000;
const post = (id: string, daysAgo: number | null, likes: number, pinned = false): PostStats =>
  emptyPost({ id, likes, comments: 0, views: likes * 10, takenAt: daysAgo === null ? null : NOW - daysAgo * DAY, ...(pinned ? { pinned: true } : {}) });
const ids = (posts: PostStats[]) => posts.map((p) => p.id);

describe('recentPosts: the one pinned rule', () => {
  it('leaves out a pinned post older than the oldest unpinned post shown, and keeps it listed', () => {
    const posts = [post('pin-old', 400, 90_000, true), post('a', 1, 10), post('b', 5, 12)];
    const r = recentPosts(posts);
    expect(ids(r.posts)).toEqual(['a', 'b']);
    expect(ids(r.pinnedLeftOut)).toEqual(['pin-old']);
    expect(posts).toHaveLength(3);
  });

  it('counts a pinned post within the span of the unpinned posts (and one as old as the oldest)', () => {
    const within = recentPosts([post('pin', 3, 50, true), post('a', 1, 10), post('b', 5, 12)]);
    expect(ids(within.posts)).toEqual(['pin', 'a', 'b']);
    expect(within.pinnedLeftOut).toEqual([]);
    const sameDay = recentPosts([post('pin', 5, 50, true), post('a', 1, 10), post('b', 5, 12)]);
    expect(sameDay.pinnedLeftOut).toEqual([]);
  });

  it('judges each pinned post on its own date', () => {
    const r = recentPosts([post('p1', 900, 1, true), post('p2', 2, 1, true), post('p3', 30, 1, true), post('a', 1, 1), post('b', 10, 1)]);
    expect(ids(r.pinnedLeftOut)).toEqual(['p1', 'p3']);
    expect(ids(r.posts)).toEqual(['p2', 'a', 'b']);
  });

  it('counts a pinned post when a date is unknown or no unpinned post is shown: nothing says it is older', () => {
    expect(recentPosts([post('pin', null, 9, true), post('a', 1, 1), post('b', 2, 1)]).pinnedLeftOut).toEqual([]);
    expect(recentPosts([post('pin', 300, 9, true), post('a', null, 1), post('b', null, 1)]).pinnedLeftOut).toEqual([]);
    expect(ids(recentPosts([post('pin1', 300, 9, true), post('pin2', 200, 9, true)]).posts)).toEqual(['pin1', 'pin2']);
  });

  it('measures the span over the recent unpinned posts only, and takes at most 12', () => {
    // 14 unpinned posts a day apart: the 12 recent ones span 1–12 days; a pinned post 13 days old is older.
    const unpinned = Array.from({ length: 14 }, (_, i) => post(`u${i + 1}`, i + 1, 1));
    const r = recentPosts([post('pin', 13, 1, true), ...unpinned]);
    expect(ids(r.pinnedLeftOut)).toEqual(['pin']);
    expect(r.posts).toHaveLength(RECENT_POSTS);
    expect(r.posts[0]!.id).toBe('u1');
    expect(r.posts.at(-1)!.id).toBe('u12');
  });

  it('never throws on odd input', () => {
    expect(recentPosts(null as unknown as PostStats[])).toEqual({ posts: [], pinnedLeftOut: [] });
    expect(recentPosts([null, 3] as unknown as PostStats[])).toEqual({ posts: [], pinnedLeftOut: [] });
  });

  it('words the readers’ note from the same rule', () => {
    expect(pinnedNote([post('pin', 400, 1, true), post('a', 1, 1)], 'video')).toMatch(/^1 pinned video left out/);
    expect(pinnedNote([post('p1', 400, 1, true), post('p2', 300, 1, true), post('a', 1, 1)])).toMatch(/^2 pinned posts left out/);
    expect(pinnedNote([post('pin', 1, 1, true), post('a', 2, 1)])).toBeNull();
  });
});

describe('analyzeSnapshot applies the pinned rule the same way on every platform', () => {
  it.each(['instagram', 'tiktok', 'x', 'youtube'] as Platform[])('%s', (platform) => {
    // An old pinned hit with 90,000 likes would make the mean 30× larger.
    const posts = [post('pin', 400, 90_000, true), post('a', 1, 100), post('b', 3, 300)];
    const snapshot = emptySnapshot({ platform, kind: 'profile', url: 'https://example.invalid/', state: 'ok', followers: 10_000, posts });
    const a = analyzeSnapshot(snapshot, { now: NOW });
    expect(a.pinnedLeftOut).toBe(1);
    expect(a.engagement.used).toBe(2);
    expect(a.engagement.mean).toBeCloseTo(2, 10);
    expect(a.averages.likes).toBe(200);
    expect(a.byViews.used).toBe(2);
    // The period spans the recent posts (3 days), not the pinned post's 400.
    expect(a.perPeriod.days).toBe(3);
    const unpinned = analyzeSnapshot({ ...snapshot, posts: posts.map((p) => ({ ...p, pinned: undefined })) }, { now: NOW });
    expect(unpinned.pinnedLeftOut).toBe(0);
    expect(unpinned.engagement.used).toBe(3);
  });
});

describe('likeRate: likes ÷ views', () => {
  it('is known where comments are not (a watch page without a comment count)', () => {
    const video = emptyPost({ id: 'v', likes: 1_598, comments: null, views: 70_500 });
    const snapshot = emptySnapshot({ platform: 'youtube', kind: 'post', url: 'https://www.youtube.com/watch?v=v', state: 'ok', followers: 4_890_000, posts: [video] });
    const a = analyzeSnapshot(snapshot, { now: NOW });
    expect(a.engagement.mean).toBeNull();
    expect(a.likeRate).toMatchObject({ basis: 'views', used: 1, sufficient: true });
    expect(a.likeRate.mean).toBeCloseTo((1_598 / 70_500) * 100, 10);
  });

  it('is unknown without views or with hidden likes, and says why', () => {
    const noViews = analyzeSnapshot(
      emptySnapshot({ platform: 'youtube', kind: 'post', url: 'u', state: 'ok', posts: [emptyPost({ likes: 5, views: null })] }),
      { now: NOW },
    );
    expect(noViews.likeRate).toMatchObject({ mean: null, sufficient: false });
    expect(noViews.likeRate.reason).toMatch(/with visible likes and views.*no views count/);
    const hidden = analyzeSnapshot(
      emptySnapshot({ platform: 'youtube', kind: 'post', url: 'u', state: 'ok', posts: [emptyPost({ likes: null, likesHidden: true, views: 100 })] }),
      { now: NOW },
    );
    expect(hidden.likeRate.reason).toMatch(/hidden or missing likes/);
  });
});
