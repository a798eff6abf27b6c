import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../lib/metrics/analysis';
import { toReport } from '../../lib/report';
import { emptyPost, emptySnapshot, type Platform, type PostStats, type Snapshot } from '../../lib/platforms/types';

const NOW = 1_700_000_000;

function page(platform: Platform, followers: number | null, posts: PostStats[]): Snapshot {
  return emptySnapshot({ platform, kind: 'profile', state: 'ok', url: 'https://example.com/', handle: 'maker', followers, followersExact: true, posts, source: 'test' });
}

function report(snapshot: Snapshot) {
  return toReport(snapshot, analyzeSnapshot(snapshot, { now: NOW }));
}

const videos = (likes: number, comments: number, shares: number | null, views: number | null) =>
  Array.from({ length: 3 }, (_, i) => emptyPost({ id: `v${i}`, likes, comments, shares, views, impressions: views }));

describe('toReport: benchmark and benchmarkNote', () => {
  it('reports the TikTok benchmark per view, on the publishers’ definition', () => {
    // (100 + 10 + 20) ÷ 1,000 views = 13 %.
    const r = report(page('tiktok', 7_000, videos(100, 10, 20, 1_000)));
    expect(r.benchmark).toEqual({ platform: 'tiktok', basis: 'views', band: '1K–10K', typical: [12.6, 12.6], rate: 13, verdict: 'above', source: 'HypeAuditor 2023' });
    expect('benchmarkNote' in r).toBe(false);
    expect(Object.keys(r).indexOf('benchmark')).toBe(Object.keys(r).indexOf('sizeClass') + 1);
  });

  it.each([
    ['youtube', 7_000, 'no published YouTube figure per view by channel size'],
    ['x', 7_000, 'no published X figure per impression by audience size'],
    ['tiktok', 60_000, 'no published TikTok figure per view for 10K–1M accounts'],
    ['instagram', 300_000, 'no published Instagram figure per follower for 100K–1M accounts'],
    ['instagram', null, 'followers unknown'],
  ] as const)('has benchmark null and says why on %s with %s followers', (platform, followers, note) => {
    const r = report(page(platform, followers, videos(100, 10, 20, 1_000)));
    expect(r.benchmark).toBeNull();
    expect(r.benchmarkNote).toBe(note);
    expect(Object.keys(r).slice(Object.keys(r).indexOf('sizeClass') + 1, Object.keys(r).indexOf('source'))).toEqual(['benchmark', 'benchmarkNote']);
  });

  it('says why when the page lacks a count the rate needs', () => {
    const r = report(page('tiktok', 7_000, videos(100, 10, 20, null)));
    expect(r.benchmark).toBeNull();
    expect(r.benchmarkNote).toBe('not enough data: no post with visible likes, comments, shares and views (3 of 3 posts left out: 3 with no views count)');
  });

  it('is JSON as documented: typical a two-number array, rate rounded to 4 decimals', () => {
    const r = report(page('instagram', 12_000, [emptyPost({ likes: 400, comments: 3 }), emptyPost({ likes: 411, comments: 0 })]));
    const json = JSON.parse(JSON.stringify(r));
    expect(json.benchmark).toEqual({ platform: 'instagram', basis: 'followers', band: '10K–50K', typical: [0.54, 2.37], rate: 3.3917, verdict: 'above', source: 'HypeAuditor 2026, Markerly 2016' });
  });
});
