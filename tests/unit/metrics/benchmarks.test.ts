import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import {
  ADWEEK,
  BENCHMARKS,
  bandLabel,
  benchmarkFor,
  compare,
  HYPEAUDITOR_2023_INSTAGRAM,
  HYPEAUDITOR_2023_TIKTOK,
  HYPEAUDITOR_2026_INSTAGRAM,
  MARKERLY_2016,
  RIVAL_IQ_2023_TIKTOK,
  yardstickFor,
  type PublishedSeries,
} from '../../../lib/metrics/benchmarks';
import { DEFAULT_TIER_SCHEME, type TierScheme } from '../../../lib/metrics/tiers';
import { emptyPost, emptySnapshot, type Platform, type PostStats } from '../../../lib/platforms/types';

/** n posts whose (likes + comments) ÷ followers is `rate` % exactly. */
function perFollower(followers: number, rate: number, n = 3): PostStats[] {
  const engaged = (rate / 100) * followers;
  return Array.from({ length: n }, (_, i) => emptyPost({ id: String(i), likes: engaged - 10, comments: 10 }));
}

/** n posts with 1,000 views each and the given counts. */
function perView(likes: number, comments: number, shares: number | null, n = 3): PostStats[] {
  return Array.from({ length: n }, (_, i) => emptyPost({ id: String(i), views: 1_000, likes, comments, shares }));
}

const rows = (s: PublishedSeries) => s.bands.map((b) => [b.min, b.max, b.value]);

describe('the published figures, as cited', () => {
  it('Instagram per follower: HypeAuditor 2026, HypeAuditor 2023, Markerly 2016; AdWeek for reference only', () => {
    expect(rows(HYPEAUDITOR_2026_INSTAGRAM)).toEqual([
      [1_000, 10_000, 1.78],
      [10_000, 50_000, 0.54],
      [1_000_000, null, 0.33],
    ]);
    expect(rows(HYPEAUDITOR_2023_INSTAGRAM)).toEqual([[1_000, 10_000, 2.78]]);
    expect(rows(MARKERLY_2016)).toEqual([
      [0, 1_000, 8],
      [1_000, 10_000, 4],
      [10_000, 100_000, 2.37],
      [1_000_000, 10_000_000, 1.66],
    ]);
    expect(ADWEEK.bands.map((b) => [b.min, b.max, b.value])).toEqual([
      [0, 1_000, 15],
      [1_000, 10_000, 7.4],
      [100_000, null, 2.4],
    ]);
    expect(BENCHMARKS.instagram.series).toEqual([HYPEAUDITOR_2026_INSTAGRAM, HYPEAUDITOR_2023_INSTAGRAM, MARKERLY_2016]);
    expect(BENCHMARKS.instagram.references).toEqual([ADWEEK]);
  });

  it('TikTok per view: HypeAuditor 2023 and Rival IQ 2023', () => {
    expect(rows(HYPEAUDITOR_2023_TIKTOK)).toEqual([[1_000, 10_000, 12.6]]);
    expect(rows(RIVAL_IQ_2023_TIKTOK)).toEqual([
      [0, 5_000, 3.8],
      [1_000_000, null, 7.5],
    ]);
    expect(BENCHMARKS.tiktok.series).toEqual([HYPEAUDITOR_2023_TIKTOK, RIVAL_IQ_2023_TIKTOK]);
  });

  it('YouTube and X have no published figure on their basis, and say so', () => {
    expect(BENCHMARKS.youtube.series).toEqual([]);
    expect(BENCHMARKS.x.series).toEqual([]);
    expect(BENCHMARKS.youtube.none).toBe('no published YouTube figure per view by channel size');
    expect(BENCHMARKS.x.none).toBe('no published X figure per impression by audience size');
  });

  it('cites every figure: publisher, year, report, address, sample and definition', () => {
    for (const platform of Object.keys(BENCHMARKS) as Platform[]) {
      for (const { citation: c } of BENCHMARKS[platform].series) {
        expect(c.publisher).not.toBe('');
        expect(c.year).toBeGreaterThanOrEqual(2016);
        expect(c.title).not.toBe('');
        expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
        expect(c.sample.length).toBeGreaterThan(10);
        expect(c.definition.length).toBeGreaterThan(20);
      }
    }
    expect(MARKERLY_2016.citation.definition).toMatch(/likes ÷ followers/);
    expect(HYPEAUDITOR_2023_TIKTOK.citation.definition).toMatch(/\(likes \+ comments \+ shares\) ÷ views/);
    expect(RIVAL_IQ_2023_TIKTOK.citation.sample).toMatch(/brand accounts/);
  });

  it('has each platform on its own basis, counting what its publishers count', () => {
    expect(BENCHMARKS.instagram).toMatchObject({ basis: 'followers', counts: ['likes', 'comments'], measure: 'per follower' });
    expect(BENCHMARKS.tiktok).toMatchObject({ basis: 'views', counts: ['likes', 'comments', 'shares'], measure: 'per view incl. shares' });
    expect(BENCHMARKS.youtube.basis).toBe('views');
    expect(BENCHMARKS.x.basis).toBe('impressions');
  });
});

describe('yardstickFor: each band with its published figures', () => {
  it.each([
    [0, '< 1K', 8, 8, '≈8 %', 'Markerly 2016'],
    [500, '< 1K', 8, 8, '≈8 %', 'Markerly 2016'],
    [999, '< 1K', 8, 8, '≈8 %', 'Markerly 2016'],
    [1_000, '1K–10K', 1.78, 4, '≈1.8–4 %', 'HypeAuditor 2026, HypeAuditor 2023, Markerly 2016'],
    [9_999, '1K–10K', 1.78, 4, '≈1.8–4 %', 'HypeAuditor 2026, HypeAuditor 2023, Markerly 2016'],
    [10_000, '10K–50K', 0.54, 2.37, '≈0.5–2.4 %', 'HypeAuditor 2026, Markerly 2016'],
    [49_999, '10K–50K', 0.54, 2.37, '≈0.5–2.4 %', 'HypeAuditor 2026, Markerly 2016'],
    [50_000, '10K–100K', 2.37, 2.37, '≈2.4 %', 'Markerly 2016'],
    [99_999, '10K–100K', 2.37, 2.37, '≈2.4 %', 'Markerly 2016'],
    [1_000_000, '1M–10M', 0.33, 1.66, '≈0.3–1.7 %', 'HypeAuditor 2026, Markerly 2016'],
    [9_999_999, '1M–10M', 0.33, 1.66, '≈0.3–1.7 %', 'HypeAuditor 2026, Markerly 2016'],
    [46_383_825, '≥ 1M', 0.33, 0.33, '≈0.3 %', 'HypeAuditor 2026'],
  ])('Instagram, %d followers → %s: %d–%d %%', (followers, band, low, high, text, source) => {
    const r = yardstickFor('instagram', followers);
    if (!r.ok) throw new Error(r.note);
    expect(r.yardstick).toMatchObject({ platform: 'instagram', basis: 'followers', band, typical: [low, high], typicalText: text, source });
    // One citation per figure used, plus AdWeek's where it has a band (< 10K, ≥ 100K).
    const adweek = followers < 10_000 || followers >= 100_000 ? 1 : 0;
    expect(r.yardstick.sources).toHaveLength(source.split(', ').length + adweek);
  });

  it('has no Instagram figure for 100K–1M, and says so (AdWeek’s > 100K is not a verdict)', () => {
    for (const followers of [100_000, 250_000, 999_999]) {
      expect(yardstickFor('instagram', followers)).toEqual({ ok: false, note: 'no published Instagram figure per follower for 100K–1M accounts' });
    }
  });

  it('lists AdWeek beside the figures used, for reference only', () => {
    const r = yardstickFor('instagram', 500);
    if (!r.ok) throw new Error(r.note);
    expect(r.yardstick.sources.at(-1)).toMatch(/^For reference only: AdWeek \(year not recorded\), 15 % engagement rate for < 1K/);
    expect(r.yardstick.sources[0]).toMatch(/^Markerly 2016, .*https:\/\/www\.marketingdive\.com\/.*: 8 % per follower for < 1K\. Sample: /);
  });

  it.each([
    [0, '< 5K', 3.8, 3.8, 'Rival IQ 2023'],
    [999, '< 5K', 3.8, 3.8, 'Rival IQ 2023'],
    [1_000, '1K–5K', 3.8, 12.6, 'HypeAuditor 2023, Rival IQ 2023'],
    [4_999, '1K–5K', 3.8, 12.6, 'HypeAuditor 2023, Rival IQ 2023'],
    [5_000, '1K–10K', 12.6, 12.6, 'HypeAuditor 2023'],
    [9_999, '1K–10K', 12.6, 12.6, 'HypeAuditor 2023'],
    [1_000_000, '≥ 1M', 7.5, 7.5, 'Rival IQ 2023'],
    [80_000_000, '≥ 1M', 7.5, 7.5, 'Rival IQ 2023'],
  ])('TikTok, %d followers → %s: %d–%d %% per view', (followers, band, low, high, source) => {
    const r = yardstickFor('tiktok', followers);
    if (!r.ok) throw new Error(r.note);
    expect(r.yardstick).toMatchObject({ basis: 'views', band, typical: [low, high], source, measure: 'per view incl. shares' });
  });

  it('has no TikTok figure for 10K–1M, and says so', () => {
    for (const followers of [10_000, 60_000, 999_999]) {
      expect(yardstickFor('tiktok', followers)).toEqual({ ok: false, note: 'no published TikTok figure per view for 10K–1M accounts' });
    }
  });

  it('has no YouTube or X figure at any size, and no borrowed one', () => {
    for (const followers of [0, 12_000, 2_000_000]) {
      expect(yardstickFor('youtube', followers)).toEqual({ ok: false, note: 'no published YouTube figure per view by channel size' });
      expect(yardstickFor('x', followers)).toEqual({ ok: false, note: 'no published X figure per impression by audience size' });
    }
  });

  it('needs the follower count', () => {
    for (const followers of [null, NaN, -1, Infinity]) {
      expect(yardstickFor('instagram', followers)).toEqual({ ok: false, note: 'followers unknown' });
    }
  });

  it('labels bands as the publishers do', () => {
    expect(bandLabel(0, 1_000)).toBe('< 1K');
    expect(bandLabel(10_000, 50_000)).toBe('10K–50K');
    expect(bandLabel(1_000_000, null)).toBe('≥ 1M');
  });
});

describe('benchmarkFor', () => {
  it('judges Instagram per follower against the figures for the creator’s size', () => {
    const above = benchmarkFor('instagram', 12_000, perFollower(12_000, 4.2), { minPosts: 2 });
    expect(above.kind).toBe('verdict');
    expect(above.benchmark).toMatchObject({ platform: 'instagram', basis: 'followers', band: '10K–50K', typical: [0.54, 2.37], verdict: 'above' });
    expect(above.benchmark?.rate).toBeCloseTo(4.2, 10);
    expect(above.text).toBe('above typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)');
    expect(above.note).toBeNull();
    expect(benchmarkFor('instagram', 12_000, perFollower(12_000, 1.5)).text).toBe(
      'typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)',
    );
    expect(benchmarkFor('instagram', 12_000, perFollower(12_000, 0.3)).verdict).toBe('below');
  });

  it('judges TikTok per view, counting shares as its publishers do', () => {
    // (100 + 10 + 20) ÷ 1,000 views = 13 %: above HypeAuditor's 12.6 % for 1K–10K.
    const above = benchmarkFor('tiktok', 7_000, perView(100, 10, 20));
    expect(above.benchmark).toMatchObject({ basis: 'views', band: '1K–10K', typical: [12.6, 12.6], verdict: 'above', source: 'HypeAuditor 2023' });
    expect(above.benchmark?.rate).toBeCloseTo(13, 10);
    expect(above.text).toBe('above typical for 1K–10K on TikTok (≈12.6 % per view incl. shares, HypeAuditor 2023)');
    // The same likes and comments without the shares: 11 %, below.
    expect(benchmarkFor('tiktok', 7_000, perView(100, 10, 0)).verdict).toBe('below');
    // (110 + 10 + 6) ÷ 1,000 = 12.6 %: typical.
    expect(benchmarkFor('tiktok', 7_000, perView(110, 10, 6)).verdict).toBe('typical');
    // The follower count picks the band only: the rate is per view.
    expect(benchmarkFor('tiktok', 2_000_000, perView(100, 10, 20)).benchmark).toMatchObject({ band: '≥ 1M', typical: [7.5, 7.5], verdict: 'above', rate: 13 });
  });

  it('has no TikTok verdict when the page carries no share or view counts, and says why', () => {
    const noShares = benchmarkFor('tiktok', 7_000, perView(100, 10, null));
    expect(noShares).toMatchObject({ kind: 'rate-unknown', benchmark: null, verdict: null });
    expect(noShares.note).toBe('not enough data: no post with visible likes, comments, shares and views (3 of 3 posts left out: 3 with no share count)');
    expect(noShares.text).toBe(`no verdict: ${noShares.note} (typical for 1K–10K on TikTok: ≈12.6 % per view incl. shares, HypeAuditor 2023)`);
    const noViews = benchmarkFor('tiktok', 7_000, [emptyPost({ likes: 5, comments: 1, shares: 1 }), emptyPost({ likes: 5, comments: 1, shares: 1 })]);
    expect(noViews.note).toMatch(/^not enough data: no post with visible likes, comments, shares and views \(2 of 2 posts left out: 2 with no views count\)$/);
  });

  it('has no verdict on a rate resting on too few posts', () => {
    const one = benchmarkFor('instagram', 12_000, perFollower(12_000, 4.2, 1), { minPosts: 2 });
    expect(one).toMatchObject({ kind: 'rate-unknown', benchmark: null, note: 'not enough data: only 1 post with visible likes' });
    expect(benchmarkFor('instagram', 12_000, perFollower(12_000, 4.2, 1), { minPosts: 1 }).verdict).toBe('above');
  });

  it.each([
    ['youtube', 12_000, 'no-figures', 'no published YouTube figure per view by channel size'],
    ['x', 12_000, 'no-figures', 'no published X figure per impression by audience size'],
    ['x', null, 'no-figures', 'no published X figure per impression by audience size'],
    ['instagram', null, 'followers-unknown', 'followers unknown'],
    ['instagram', 300_000, 'no-band', 'no published Instagram figure per follower for 100K–1M accounts'],
    ['tiktok', 60_000, 'no-band', 'no published TikTok figure per view for 10K–1M accounts'],
  ] as const)('has no verdict on %s with %s followers, and says why', (platform, followers, kind, note) => {
    // Posts that would give every rate: the missing figure, not the data, is why.
    const posts = Array.from({ length: 3 }, () => emptyPost({ likes: 500, comments: 20, shares: 5, views: 9_000, impressions: 9_000 }));
    const r = benchmarkFor(platform, followers, posts);
    expect(r).toMatchObject({ kind, benchmark: null, verdict: null, note });
    expect(r.text).toBe(`no verdict: ${note}`);
  });

  it('compares at the one decimal the card shows, on both sides', () => {
    // Typical for 12K on Instagram: 0.54–2.37 %, shown ≈0.5–2.4 %.
    expect(benchmarkFor('instagram', 12_000, perFollower(12_000, 2.44)).verdict).toBe('typical');
    expect(benchmarkFor('instagram', 12_000, perFollower(12_000, 2.45)).verdict).toBe('above');
    expect(benchmarkFor('instagram', 12_000, perFollower(12_000, 0.46)).verdict).toBe('typical');
    expect(benchmarkFor('instagram', 12_000, perFollower(12_000, 0.44)).verdict).toBe('below');
    expect(compare(12.64, [12.6, 12.6])).toBe('typical');
    expect(compare(12.65, [12.6, 12.6])).toBe('above');
    expect(compare(12.54, [12.6, 12.6])).toBe('below');
  });

  it('never calls a rate good or bad, and always gives the number and its source', () => {
    for (const platform of ['instagram', 'tiktok', 'youtube', 'x'] as const) {
      for (const followers of [300, 3_000, 12_000, 60_000, 300_000, 3_000_000, 30_000_000]) {
        for (const rate of [0, 0.5, 2, 5, 13, 40]) {
          const r = benchmarkFor(platform, followers, perView(rate * 10, 0, 0));
          expect(r.text).not.toMatch(/\b(good|bad|poor|excellent)\b/i);
          if (r.benchmark) expect(r.text).toMatch(/\(≈\d+(\.\d)?(–\d+(\.\d)?)? % per (follower|view incl\. shares), [A-Z][^,]+ 20\d\d(, [A-Z][^,]+ 20\d\d)*\)$/);
          else expect(r.text).toMatch(/^no verdict: /);
        }
      }
    }
  });
});

describe('independence from the price tier scheme', () => {
  it('gives the same creator the same verdict under two schemes', () => {
    const snapshot = emptySnapshot({
      platform: 'instagram',
      kind: 'profile',
      state: 'ok',
      url: 'https://www.instagram.com/made_up_account/',
      handle: 'made_up_account',
      followers: 12_000,
      followersExact: true,
      posts: perFollower(12_000, 4.2),
      source: 'test',
    });
    const other: TierScheme = {
      id: 'c',
      name: 'Two tiers',
      currency: 'USD',
      tiers: [
        { rank: 2, name: 'Small', minFollowers: 0, pricePerPost: 10 },
        { rank: 1, name: 'Large', minFollowers: 100_000, pricePerPost: 100 },
      ],
    };
    const a = analyzeSnapshot(snapshot, { scheme: DEFAULT_TIER_SCHEME, now: 1_700_000_000 });
    const b = analyzeSnapshot(snapshot, { scheme: other, now: 1_700_000_000 });
    expect(a.tier?.name).not.toBe(b.tier?.name);
    expect(b.benchmark).toEqual(a.benchmark);
    expect(a.benchmark.benchmark).toMatchObject({ band: '10K–50K', verdict: 'above' });
  });
});
