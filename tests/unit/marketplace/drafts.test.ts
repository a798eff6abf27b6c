import { describe, expect, it } from 'vitest';
import { bioExcerpt, buildListingDraft, cleanPageText, MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH, type ListingDraft } from '../../../lib/marketplace/drafts';
import { serviceById, servicesFor, type Service } from '../../../lib/marketplace/services';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { emptyPost, emptySnapshot, type PostStats, type Snapshot } from '../../../lib/platforms/types';
import { DEFAULT_SETTINGS, tierSchemeOf, type Settings } from '../../../lib/settings';

/** 2024-06-01 12:00 UTC. */
const READ_AT = 1_717_243_200;

function service(id: string): Service {
  const s = serviceById(id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
}

function posts(n: number, partial: Partial<PostStats> = {}): PostStats[] {
  return Array.from({ length: n }, (_, i) => emptyPost({ id: `p${i}`, likes: 420 + i * 10, comments: 10, ...partial }));
}

function profile(partial: Partial<Snapshot> = {}): Snapshot {
  return emptySnapshot({
    platform: 'instagram',
    kind: 'profile',
    url: 'https://www.instagram.com/kim.cooks/?hl=en#top',
    state: 'ok',
    handle: 'kim.cooks',
    displayName: 'Kim Cooks',
    followers: 12_345,
    followersExact: true,
    bio: 'Home cooking for busy people. Recipes every Monday! DM for collabs.',
    posts: posts(12),
    ...partial,
  });
}

function draft(snapshot: Snapshot, serviceId = `${snapshot.platform === 'x' ? 'x-post' : `${snapshot.platform}-${snapshot.platform === 'instagram' ? 'post' : 'video'}`}`, settings: Settings = DEFAULT_SETTINGS): ListingDraft {
  const analysis = analyzeSnapshot(snapshot, { scheme: tierSchemeOf(settings), now: READ_AT });
  return buildListingDraft(snapshot, analysis, service(serviceId), settings, { readAt: READ_AT });
}

/** Words that only appear when a missing value leaked into the text. */
function expectCleanText(d: ListingDraft): void {
  for (const text of [d.title, d.description]) {
    expect(text).not.toMatch(/NaN|Infinity|undefined|\bnull\b|\[object/);
    // Our own text may say "< 5K followers"; page text never brings a tag.
    expect(text).not.toMatch(/<[a-z/!]/i);
  }
  expect(d.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  expect(d.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
  expect(d.title).not.toContain('\n');
}

describe('buildListingDraft', () => {
  it('describes a normal profile', () => {
    const d = draft(profile());
    expectCleanText(d);
    expect(d).toMatchObject({
      title: 'Instagram post by @kim.cooks · 12.3K followers',
      price: 175,
      currency: 'USD',
      serviceId: 'instagram-post',
      platform: 'instagram',
      handle: 'kim.cooks',
    });
    expect(d.description.split('\n')).toEqual([
      'Instagram @kim.cooks: https://www.instagram.com/kim.cooks/',
      'Audience: 12,345 followers',
      'Tier 7: Hacker Micro Influencers (5K–20K followers); size class Micro',
      '3.9 % engagement per post (likes + comments ÷ followers, mean of 12 recent posts)',
      'Compared with published rates: above typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)',
      'Niche (from the bio): Home cooking for busy people.',
      'Suggested price for one Instagram post: $175 (range $155–$190)',
      'Price basis: ER 3.9 % per follower is above typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016): Tier 7 price $150 raised 16 %.',
      expect.stringMatching(/^Numbers read by Reloquence Lens on (May 31|June 1|June 2), 2024\.$/),
    ]);
  });

  it('prices other services with their factor and says it is a rule of thumb', () => {
    const reel = draft(profile(), 'instagram-reel');
    expect(reel.title).toBe('Instagram reel by @kim.cooks · 12.3K followers');
    expect(reel.price).toBe(210);
    expect(reel.description).toContain('Suggested price for one Instagram reel: $210 (range $185–$230; 1.2 × the price of a post, a rule of thumb)');
    expect(draft(profile(), 'instagram-story').price).toBe(90);
  });

  it('says the rate is unknown when there are too few posts, and still prices the tier', () => {
    for (const snap of [profile({ posts: [] }), profile({ posts: posts(1) }), profile({ posts: posts(12, { likesHidden: true }) })]) {
      const d = draft(snap);
      expectCleanText(d);
      expect(d.description).toMatch(/^Engagement rate: unknown \(not enough data: .+\)$/m);
      expect(d.description).not.toContain('Compared with published rates');
      expect(d.price).toBe(150);
      expect(d.description).toContain('Price basis: No verdict to move it (not enough data: ');
    }
  });

  it('quotes the rate on the basis the settings choose, falling back to followers when it is unknown', () => {
    const withViews = profile({ posts: posts(12, { views: 9_000 }) });
    const views = draft(withViews, 'instagram-post', { ...DEFAULT_SETTINGS, erBasis: 'views' });
    expect(views.description).toMatch(/^\d+\.\d % engagement per post \(likes \+ comments ÷ views, mean of 12 recent posts\)$/m);
    expect(views.description).toContain('Rate per follower (3.9 %) compared with published rates: above typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)');
    const reach = draft(withViews, 'instagram-post', { ...DEFAULT_SETTINGS, erBasis: 'reach' });
    expect(reach.description).toContain(
      '3.9 % engagement per post (likes + comments ÷ followers, mean of 12 recent posts); engagement per account reached is unknown for these posts, so the rate per follower is shown',
    );
    expect(reach.description).toContain('Compared with published rates: above typical');
    const none = draft(profile({ posts: [] }), 'instagram-post', { ...DEFAULT_SETTINGS, erBasis: 'impressions' });
    expect(none.description).toMatch(/^Engagement rate: unknown \(/m);
    expectCleanText(none);
  });

  it('keeps hostile page text out', () => {
    const bio = `\u202eevil\u202c <img src=x onerror=alert(1)> Best\u0000 recipes\u200b in\ttown. ${'x'.repeat(10_000)}`;
    const d = draft(
      profile({
        bio,
        handle: 'kim\u202e.cooks<script>',
        displayName: '<b>Kim</b>\u2066\u0007',
        url: 'javascript:alert(1)',
      }),
    );
    expectCleanText(d);
    // eslint-disable-next-line no-control-regex
    expect(d.description).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\u202a-\u202e\u2066-\u2069<>]/);
    expect(d.description).toContain('Niche (from the bio): evil img src=x onerror=alert(1) Best recipes in town.');
    expect(d.handle).toBe('kim.cooksscript');
    expect(d.description).toContain('Instagram @kim.cooksscript: https://www.instagram.com/kim.cooksscript/');
    expect(d.description.length).toBeLessThan(1_500);
  });

  it('cuts a long bio without a sentence end at 140 characters', () => {
    const excerpt = bioExcerpt(`word${' word'.repeat(3_000)}`);
    expect(excerpt).not.toBeNull();
    expect(Array.from(excerpt ?? '').length).toBeLessThanOrEqual(140);
    expect(excerpt).toMatch(/^word( word)+…$/);
    expect(bioExcerpt('  \u202e\u0000 ')).toBeNull();
    expect(bioExcerpt(null)).toBeNull();
    expect(cleanPageText('a\n\n<b>\u202eb</b>')).toBe('a bb/b');
  });

  it('handles a giant follower count', () => {
    const d = draft(profile({ followers: 1e12, followersExact: true }));
    expectCleanText(d);
    expect(d.title).toBe('Instagram post by @kim.cooks · 1000B followers');
    expect(d.description).toContain('Audience: 1,000,000,000,000 followers');
    expect(d.description).toContain('Tier 1: Icons (≥ 5M followers); size class Mega');
    // A rate of ~0 % per follower: below typical for ≥ 1M, the tier price lowered the full 30 %.
    expect(d.price).toBe(15_100);
    expect(d.description).toContain('Tier 1 price $21,500 lowered 30 %.');
  });

  it('says "about" for rounded counts and leaves unknown followers out of the title', () => {
    const rounded = draft(profile({ followers: 46_300_000, followersExact: false }));
    expect(rounded.description).toContain('Audience: about 46.3M followers');
    const unknown = draft(profile({ followers: null, posts: [] }));
    expectCleanText(unknown);
    expect(unknown.title).toBe('Instagram post by @kim.cooks');
    expect(unknown.description).toContain('Audience: unknown');
    expect(unknown.description).toContain('Suggested price: unknown (followers unknown)');
    expect(unknown.description).not.toMatch(/^Tier/m);
    expect(unknown.price).toBeNull();
    expect(unknown.currency).toBe('USD');
  });

  it('cuts a long handle to keep the title at 60 characters', () => {
    const d = draft(profile({ platform: 'youtube', url: 'https://www.youtube.com/@x', handle: 'averyveryverylonghandlename_for_testing' }), 'youtube-mention');
    expect(d.title).toBe('YouTube brand mention by @averyveryverylo… · 12.3K followers');
    expect(d.title.length).toBe(60);
    const emoji = draft(profile({ handle: '😀'.repeat(40) }), 'instagram-reel');
    expect(emoji.title.length).toBeLessThanOrEqual(60);
    expect(emoji.title).toMatch(/^Instagram reel by @(😀)+… · 12\.3K followers$/u);
  });

  it('builds the profile link from the handle on a post page, and copes without a handle', () => {
    const post = draft(emptySnapshot({ platform: 'tiktok', kind: 'post', url: 'https://www.tiktok.com/@kim/video/1', state: 'ok', handle: 'kim', followers: 800, posts: posts(1) }));
    expect(post.description.split('\n')[0]).toBe('TikTok @kim: https://www.tiktok.com/@kim');
    expect(post.description).toContain('mean of 1 recent post)');
    const anonymous = draft(emptySnapshot({ platform: 'x', kind: 'posts', url: 'https://x.com/search?q=a', state: 'ok', followers: 500 }));
    expectCleanText(anonymous);
    expect(anonymous.handle).toBeNull();
    expect(anonymous.title).toBe('X post · 500 followers');
    expect(anonymous.description.split('\n')[0]).toBe('X');
  });

  it('uses the custom tiers and their currency', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      currency: 'EUR',
      tiers: {
        kind: 'custom',
        name: 'Mine',
        tiers: [{ name: 'Rising', minFollowers: 10_000, pricePerPost: 400, benefits: [], expectations: { postsPerMonth: null, minEr: null } }],
      },
    };
    const d = draft(profile(), 'instagram-post', settings);
    expect(d.currency).toBe('EUR');
    expect(d.description).toContain('Tier 1: Rising (≥ 10K followers)');
    expect(d.description).toMatch(/Suggested price for one Instagram post: €\d/);
    const below = draft(profile({ followers: 900 }), 'instagram-post', settings);
    expectCleanText(below);
    expect(below.price).toBeNull();
    expect(below.currency).toBe('EUR');
    expect(below.description).toContain('No tier (below the lowest tier of the price scheme); size class Nano');
    expect(below.description).toContain('Suggested price: unknown (no tier for this audience size)');
  });

  it('refuses a service of another platform', () => {
    const snap = profile();
    expect(() => buildListingDraft(snap, analyzeSnapshot(snap), servicesFor('youtube')[0]!, DEFAULT_SETTINGS)).toThrow(/YouTube service/);
  });

  it('never leaks a missing value on any platform, service and basis', () => {
    const snapshots: Snapshot[] = [];
    for (const platform of ['instagram', 'youtube', 'tiktok', 'x'] as const) {
      for (const followers of [null, 0, 3, 12_345, 1e12, Number.NaN, -5]) {
        for (const p of [[], posts(1), posts(12, { comments: null }), posts(12, { views: 0, reach: 100 })]) {
          snapshots.push(emptySnapshot({ platform, kind: 'profile', url: '', state: 'ok', handle: null, followers, posts: p }));
        }
      }
    }
    for (const snap of snapshots) {
      for (const s of servicesFor(snap.platform)) {
        for (const erBasis of ['followers', 'views', 'reach', 'impressions'] as const) {
          const d = draft(snap, s.id, { ...DEFAULT_SETTINGS, erBasis });
          expectCleanText(d);
          if (d.price !== null) expect(Number.isFinite(d.price)).toBe(true);
        }
      }
    }
  });
});
