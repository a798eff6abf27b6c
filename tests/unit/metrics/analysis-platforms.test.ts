import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { emptyPost, emptySnapshot, type Platform, type Snapshot } from '../../../lib/platforms/types';

function profile(platform: Platform): Snapshot {
  return emptySnapshot({
    platform,
    kind: 'profile',
    state: 'ok',
    url: 'https://example.com/',
    handle: 'maker',
    followers: 10_000,
    followersExact: true,
    postsCount: 12,
    isPrivate: false,
    // 1 % per follower: below Instagram's typical 2.4–4 % for a 5K–20K account.
    posts: Array.from({ length: 12 }, (_, i) => emptyPost({ id: String(i), likes: 90, comments: 10 })),
    source: 'test',
  });
}

describe('benchmark and price across platforms', () => {
  it('on Instagram a low rate is below typical and lowers the price', () => {
    const a = analyzeSnapshot(profile('instagram'));
    expect(a.benchmark.verdict).toBe('below');
    expect(a.benchmark.text).not.toContain('Instagram figures');
    expect(a.price!.point).toBeLessThan(150);
  });

  it.each(['x', 'youtube', 'tiktok'] as const)('on %s the verdict says it uses Instagram figures and the price is not moved', (platform) => {
    const a = analyzeSnapshot(profile(platform));
    expect(a.benchmark.verdict).toBe('below');
    expect(a.benchmark.text).toMatch(/ · Instagram figures$/);
    expect(a.price!.point).toBe(150);
    expect(a.price!.reason).toContain('Instagram');
  });
});
