import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { emptyPost, emptySnapshot, type Platform, type PostStats, type Snapshot } from '../../../lib/platforms/types';

/** 12 posts of (likes + comments) ÷ followers = `ratePerFollower` %, with `extra` counts. */
function profile(platform: Platform, ratePerFollower = 1, extra: Partial<PostStats> = {}, followers = 10_000): Snapshot {
  const engaged = (ratePerFollower / 100) * followers;
  return emptySnapshot({
    platform,
    kind: 'profile',
    state: 'ok',
    url: 'https://example.com/',
    handle: 'maker',
    followers,
    followersExact: true,
    postsCount: 12,
    isPrivate: false,
    posts: Array.from({ length: 12 }, (_, i) => emptyPost({ id: String(i), likes: engaged - 10, comments: 10, ...extra })),
    source: 'test',
  });
}

describe('benchmark and price across platforms', () => {
  it('on Instagram a low rate per follower is below typical for its size and lowers the price', () => {
    const a = analyzeSnapshot(profile('instagram'));
    // 10,000 followers: 10K–50K, where HypeAuditor 2026 publishes 0.54 % and Markerly 2016 2.37 %.
    expect(a.benchmark.benchmark).toMatchObject({ basis: 'followers', band: '10K–50K', typical: [0.54, 2.37], verdict: 'typical', rate: 1 });
    const low = analyzeSnapshot(profile('instagram', 0.3));
    expect(low.benchmark.verdict).toBe('below');
    expect(low.price!.point).toBeLessThan(150);
    expect(low.price!.reason).toMatch(/^ER 0\.3 % per follower is below typical for 10K–50K on Instagram /);
  });

  it('on TikTok the rate is per view, shares counted, against TikTok’s own figures', () => {
    const a = analyzeSnapshot(profile('tiktok', 1, { views: 1_000, shares: 50 }, 8_000));
    // 8,000 followers, 1 % per follower; per view (70 + 10 + 50) ÷ 1,000 = 13 %, against HypeAuditor’s 12.6 % for 1K–10K.
    expect(a.benchmark.benchmark).toMatchObject({ platform: 'tiktok', basis: 'views', verdict: 'above', rate: 13 });
    expect(a.benchmark.benchmark?.source).not.toMatch(/Markerly|HypeAuditor 2026/);
  });

  it('on TikTok with 10K followers there is no published figure: no verdict, the price not moved', () => {
    const a = analyzeSnapshot(profile('tiktok', 1, { views: 1_000, shares: 30 }, 10_000));
    expect(a.benchmark).toMatchObject({ verdict: null, benchmark: null, note: 'no published TikTok figure per view for 10K–1M accounts' });
    expect(a.price!.point).toBe(150);
    expect(a.price!.reason).toBe('No verdict to move it (no published TikTok figure per view for 10K–1M accounts): Tier 7 price $150 ±10 %.');
  });

  it.each([
    ['x', 'no published X figure per impression by audience size'],
    ['youtube', 'no published YouTube figure per view by channel size'],
  ] as const)('on %s there is no verdict, never Instagram’s figures, and the price is not moved', (platform, note) => {
    const a = analyzeSnapshot(profile(platform, 1, { views: 1_000, impressions: 1_000 }));
    expect(a.benchmark).toMatchObject({ verdict: null, benchmark: null, note, text: `no verdict: ${note}` });
    expect(a.benchmark.sources).toEqual([]);
    expect(a.price!.point).toBe(150);
    expect(a.price!.reason).toContain(note);
  });
});
