import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  instagramCaptures,
  instagramReader,
  locateInstagram,
  parsePostDescription,
  parseProfileDescription,
  postFromNode,
} from '../../../lib/platforms/instagram';
import { pageDataFromHtml, pageDataFromJson } from '../../../lib/platforms/page';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { SNAPSHOT_LIMITS } from '../../../lib/platforms/fit';
import type { PageData, Snapshot } from '../../../lib/platforms/types';

// All accounts, shortcodes and numbers below are made up.
const FIXTURES = join(__dirname, '../fixtures/instagram');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const fixtureJson = (name: string): unknown => JSON.parse(fixture(name));

const PROFILE = 'https://www.instagram.com/lumen.bakery/';

function read(data: PageData): Snapshot {
  const snap = instagramReader.read(data);
  if (!snap) throw new Error('expected a snapshot');
  return snap;
}

function withResponses(data: PageData, ...bodies: Array<[string, unknown]>): PageData {
  return { ...data, responses: [...data.responses, ...bodies.map(([url, body]) => ({ url, body }))] };
}

/** 2018+ graphql media node (`?__a=1`, `_sharedData`, web_profile_info). */
function edgeNode(shortcode: string, likes: number, comments: number, extra: Record<string, unknown> = {}) {
  return {
    node: {
      __typename: 'GraphImage',
      shortcode,
      is_video: false,
      taken_at_timestamp: 1600000000,
      edge_liked_by: { count: likes },
      edge_media_preview_like: { count: likes },
      edge_media_to_comment: { count: comments },
      owner: { id: '42', username: 'lumen.bakery' },
      ...extra,
    },
  };
}

function graphqlUser(overrides: Record<string, unknown> = {}) {
  return {
    id: '42',
    username: 'lumen.bakery',
    full_name: 'Lumen Bakery',
    biography: 'Sourdough',
    is_private: false,
    is_verified: false,
    edge_followed_by: { count: 48210 },
    edge_follow: { count: 312 },
    edge_owner_to_timeline_media: {
      count: 245,
      edges: [
        edgeNode('Baaaaaaaaa1', 1500, 40),
        edgeNode('Baaaaaaaaa2', 900, 0, { __typename: 'GraphVideo', is_video: true, video_view_count: 30100 }),
      ],
    },
    ...overrides,
  };
}

function sharedDataHtml(user: unknown, meta = '48.2k Followers, 312 Following, 245 Posts - See Instagram photos and videos from Lumen Bakery (@lumen.bakery)') {
  const shared = { config: { viewer: null }, entry_data: { ProfilePage: [{ logging_page_id: 'profilePage_42', graphql: { user } }] } };
  return `<html><head>
    <meta property="og:description" content="${meta}" />
    <meta property="og:url" content="https://www.instagram.com/lumen.bakery/" />
    <script type="text/javascript">window.__additionalDataLoaded = function(path, data) { notifyLoaded(path, data); };</script>
    <script type="text/javascript">window._sharedData = ${JSON.stringify(shared)};</script>
    <script type="text/javascript">window.__initialDataLoaded(window._sharedData);</script>
  </head></html>`;
}

describe('locateInstagram', () => {
  it.each([
    ['https://www.instagram.com/lumen.bakery/', 'profile', 'lumen.bakery', null],
    ['https://instagram.com/lumen.bakery', 'profile', 'lumen.bakery', null],
    ['https://www.instagram.com/Lumen.Bakery/?hl=de&igsh=abc', 'profile', 'Lumen.Bakery', null],
    ['https://www.instagram.com/_under_score_/#top', 'profile', '_under_score_', null],
    ['https://www.instagram.com/lumen.bakery/reels/', 'profile', 'lumen.bakery', null],
    ['https://www.instagram.com/lumen.bakery/tagged/', 'profile', 'lumen.bakery', null],
    ['https://www.instagram.com/_u/lumen.bakery/', 'profile', 'lumen.bakery', null],
    ['https://www.instagram.com/p/DAaaaaaaaa1/', 'post', null, 'DAaaaaaaaa1'],
    ['https://www.instagram.com/reel/DAaaa-aa_a2/?utm_source=ig_web', 'post', null, 'DAaaa-aa_a2'],
    ['https://www.instagram.com/reels/DAaaaaaaaa3/', 'post', null, 'DAaaaaaaaa3'],
    ['https://www.instagram.com/tv/B_aaaaaaaa4/', 'post', null, 'B_aaaaaaaa4'],
    ['https://www.instagram.com/lumen.bakery/p/DAaaaaaaaa5/', 'post', 'lumen.bakery', 'DAaaaaaaaa5'],
    ['https://www.instagram.com/lumen.bakery/reel/DAaaaaaaaa6/', 'post', 'lumen.bakery', 'DAaaaaaaaa6'],
  ] as const)('%s → %s', (url, kind, handle, postId) => {
    const loc = locateInstagram(url);
    expect(loc).toMatchObject({ platform: 'instagram', kind, handle, postId });
    expect(loc.profileUrl).toBe(handle ? `https://www.instagram.com/${handle}/` : null);
  });

  it.each([
    'https://www.instagram.com/',
    'https://www.instagram.com/explore/',
    'https://www.instagram.com/explore/tags/bread/',
    'https://www.instagram.com/accounts/edit/',
    'https://www.instagram.com/direct/inbox/',
    'https://www.instagram.com/stories/lumen.bakery/3300000000000000000/',
    'https://www.instagram.com/reels/',
    'https://www.instagram.com/p/',
    'https://www.instagram.com/about/',
    'https://www.instagram.com/legal/privacy/',
    'https://www.instagram.com/developer/',
    'https://www.instagram.com/web/lite/',
    'https://www.instagram.com/emails/settings/',
    'https://www.instagram.com/challenge/',
    'https://www.instagram.com/lumen.bakery/unknown-tab/',
    'https://www.instagram.com/this.handle.is.far.too.long.for.instagram/',
    'https://www.instagram.com/bad%20handle/',
    'https://www.example.com/lumen.bakery/',
    'https://instagram.com.evil.example/lumen.bakery/',
    'not a url',
    '',
    'javascript:alert(1)',
    `https://www.instagram.com/${'a/'.repeat(5000)}`,
  ])('%s → other', (url) => {
    expect(locateInstagram(url)).toEqual({ platform: 'instagram', kind: 'other', handle: null, postId: null, profileUrl: null });
    expect(instagramReader.read({ url, meta: {}, scripts: [], responses: [] })).toBeNull();
  });

  it('never throws on non-string input', () => {
    expect(locateInstagram(undefined as unknown as string).kind).toBe('other');
    expect(locateInstagram({} as unknown as string).kind).toBe('other');
  });
});

describe('captures', () => {
  const wanted = (url: string) => instagramCaptures.some((re) => re.test(url));
  it('matches the web client requests that carry counts and nothing else', () => {
    expect(wanted('https://www.instagram.com/api/v1/users/web_profile_info/?username=lumen.bakery')).toBe(true);
    expect(wanted('https://www.instagram.com/graphql/query')).toBe(true);
    expect(wanted('https://www.instagram.com/graphql/query/?query_hash=abc&variables=%7B%7D')).toBe(true);
    expect(wanted('https://www.instagram.com/api/graphql')).toBe(true);
    expect(wanted('https://www.instagram.com/api/v1/feed/user/42/?count=12')).toBe(true);
    expect(wanted('https://i.instagram.com/api/v1/media/3300000000000000000_42/info/')).toBe(true);
    expect(wanted('https://www.instagram.com/api/v1/users/42/info/')).toBe(true);
    expect(wanted('https://www.instagram.com/api/v1/direct_v2/inbox/')).toBe(false);
    expect(wanted('https://evil.example/graphql/query')).toBe(false);
    expect(instagramReader.captures).toBe(instagramCaptures);
  });
});

describe('profile layouts', () => {
  it('reads the 2017 ?__a=1 JSON (followed_by, media.nodes)', () => {
    const body = {
      user: {
        username: 'lumen.bakery',
        full_name: 'Lumen Bakery',
        is_private: false,
        followed_by: { count: 336 },
        follows: { count: 110 },
        media: {
          count: 30,
          nodes: [
            { code: 'Bbbbbbbbbb1', date: 1514000000, is_video: false, likes: { count: 28 }, comments: { count: 0 } },
            { code: 'Bbbbbbbbbb2', date: 1513000000, is_video: true, video_views: 410, likes: { count: 29 }, comments: { count: 2 } },
          ],
        },
        saved_media: { nodes: [{ code: 'Bzzzzzzzzz9', likes: { count: 1 }, comments: { count: 1 } }], count: 1 },
      },
    };
    const snap = read(pageDataFromJson(body, PROFILE));
    expect(snap).toMatchObject({ state: 'ok', kind: 'profile', handle: 'lumen.bakery', followers: 336, followersExact: true, following: 110, postsCount: 30 });
    expect(snap.posts.map((p) => [p.id, p.likes, p.comments, p.views, p.shares, p.takenAt])).toEqual([
      ['Bbbbbbbbbb1', 28, 0, null, null, 1514000000],
      ['Bbbbbbbbbb2', 29, 2, 410, null, 1513000000],
    ]);
    expect(snap.posts[0]!.url).toBe('https://www.instagram.com/p/Bbbbbbbbbb1/');
  });

  it('reads the 2018 ?__a=1 JSON (graphql.user edges)', () => {
    const snap = read(pageDataFromJson({ logging_page_id: 'profilePage_42', graphql: { user: graphqlUser() } }, PROFILE));
    expect(snap).toMatchObject({ state: 'ok', followers: 48210, following: 312, postsCount: 245, displayName: 'Lumen Bakery', bio: 'Sourdough' });
    expect(snap.posts.map((p) => [p.id, p.likes, p.comments, p.views])).toEqual([
      ['Baaaaaaaaa1', 1500, 40, null],
      ['Baaaaaaaaa2', 900, 0, 30100],
    ]);
  });

  it('prefers the exact _sharedData count over the rounded og:description', () => {
    const snap = read(pageDataFromHtml(sharedDataHtml(graphqlUser()), PROFILE));
    expect(snap).toMatchObject({ state: 'ok', followers: 48210, followersExact: true });
    expect(snap.source).toContain('window._sharedData');
    expect(snap.source).toContain('exact');
    expect(snap.posts).toHaveLength(2);
  });

  it('reads __additionalDataLoaded(path, {graphql:{user}}) and not the function that defines it', () => {
    const html = `<script type="text/javascript">window.__additionalDataLoaded = function(path, data) { store[path] = data; };</script>
      <script type="text/javascript">window.__additionalDataLoaded('/lumen.bakery/',${JSON.stringify({ logging_page_id: 'x', graphql: { user: graphqlUser() } })});</script>`;
    const snap = read(pageDataFromHtml(html, PROFILE));
    expect(snap).toMatchObject({ state: 'ok', followers: 48210 });
    expect(snap.source).toContain('__additionalDataLoaded');
  });

  it('reads web_profile_info and ignores the IGTV timeline', () => {
    const user = graphqlUser({
      edge_felix_video_timeline: { count: 5, edges: [edgeNode('Ctvtvtvtvt1', 1, 1, { is_video: true, video_view_count: 9 })] },
    });
    const snap = read(pageDataFromJson({ data: { user }, status: 'ok' }, PROFILE, 'https://www.instagram.com/api/v1/users/web_profile_info/?username=lumen.bakery'));
    expect(snap.followers).toBe(48210);
    expect(snap.posts.map((p) => p.id)).toEqual(['Baaaaaaaaa1', 'Baaaaaaaaa2']);
    expect(snap.source).toContain('web_profile_info');
  });

  it('reads the flat mobile-style user (users/<id>/info) without posts', () => {
    const body = { user: { pk: 42, username: 'lumen.bakery', full_name: 'Lumen', follower_count: 50857, following_count: 4, media_count: 400, is_private: false }, status: 'ok' };
    const snap = read(pageDataFromJson(body, PROFILE));
    expect(snap).toMatchObject({ state: 'ok', followers: 50857, followersExact: true, following: 4, postsCount: 400, posts: [] });
    expect(snap.notes.join(' ')).toMatch(/No posts/);
  });

  it('reads the current layout: user and grid inside nested application/json blobs', () => {
    const snap = read(pageDataFromHtml(fixture('current-profile.html'), PROFILE));
    expect(snap).toMatchObject({
      state: 'ok',
      handle: 'lumen.bakery',
      displayName: 'Lumen Bakery',
      followers: 48210,
      followersExact: true,
      following: 312,
      postsCount: 245,
      isVerified: false,
      isPrivate: false,
    });
    expect(snap.posts.map((p) => [p.id, p.likes, p.comments, p.views, p.likesHidden])).toEqual([
      ['DAaaaaaaaa1', 1520, 48, null, false],
      ['DAaaaaaaaa2', 980, 12, 40210, false],
      ['DAaaaaaaaa3', null, 7, null, true],
      // A collaboration whose main author is another account but which sits on this grid.
      ['DAaaaaaaaa4', 2210, 95, null, false],
    ]);
    expect(snap.posts[1]!.url).toBe('https://www.instagram.com/reel/DAaaaaaaaa2/');
    expect(snap.notes.join(' ')).toMatch(/hidden on 1 post/);
  });

  it('merges grid pages that arrive while scrolling, keeping page order and the newest counts', () => {
    const data = withResponses(pageDataFromHtml(fixture('current-profile.html'), PROFILE), [
      'https://www.instagram.com/graphql/query',
      fixtureJson('graphql-posts-page2.json'),
    ]);
    const snap = read(data);
    expect(snap.posts.map((p) => p.id)).toEqual(['DAaaaaaaaa1', 'DAaaaaaaaa2', 'DAaaaaaaaa3', 'DAaaaaaaaa4', 'DAaaaaaaaa5']);
    expect(snap.posts[3]).toMatchObject({ likes: 2300, comments: 99 });
  });

  it('reads the current GraphQL responses (profile query and posts query) with text bodies', () => {
    const user = { data: { user: { username: 'lumen.bakery', follower_count: 48210, following_count: 312, media_count: 245, is_private: false } } };
    const grid = {
      data: {
        xdt_api__v1__feed__user_timeline_graphql_connection: {
          edges: [{ node: { code: 'DAaaaaaaaa1', like_count: 10, comment_count: 1, taken_at: 1730000000, user: { username: 'lumen.bakery' } } }],
        },
      },
    };
    const data: PageData = {
      url: PROFILE,
      meta: {},
      scripts: [],
      responses: [
        { url: 'https://www.instagram.com/graphql/query', body: `for (;;);${JSON.stringify(user)}` },
        { url: 'https://www.instagram.com/graphql/query', body: grid },
      ],
    };
    const snap = read(data);
    expect(snap).toMatchObject({ state: 'ok', followers: 48210, postsCount: 245 });
    expect(snap.posts).toHaveLength(1);
    expect(snap.posts[0]).toMatchObject({ id: 'DAaaaaaaaa1', likes: 10, comments: 1, takenAt: 1730000000 });
  });

  describe('pinned posts', () => {
    // Made-up grid: the pinned rule is decided from `timeline_pinned_user_ids` and `taken_at` alone.
    const T = 1_730_000_000;
    const DAY = 86_400;
    const node = (code: string, likes: number, daysAgo: number, extra: Record<string, unknown> = {}) => ({
      node: { code, like_count: likes, comment_count: 1, taken_at: T - daysAgo * DAY, user: { pk: '77', username: 'lumen.bakery' }, ...extra },
    });
    const user = { data: { user: { username: 'lumen.bakery', id: '77', follower_count: 48210, following_count: 312, media_count: 245 } } };
    const page = (...edges: unknown[]) =>
      read({ url: PROFILE, meta: {}, scripts: [], responses: [
        { url: 'https://www.instagram.com/graphql/query', body: user },
        { url: 'https://www.instagram.com/graphql/query', body: { data: { xdt_api__v1__feed__user_timeline_graphql_connection: { edges } } } },
      ] });

    it('lists a pinned post older than the recent ones, marked pinned, and leaves it out of the rates', () => {
      const snap = page(node('DPinnedPost', 90000, 300, { timeline_pinned_user_ids: ['77'] }), node('DAaaaaaaaa1', 10, 1), node('DAaaaaaaaa2', 12, 4));
      expect(snap.posts.map((p) => [p.id, p.pinned === true])).toEqual([['DPinnedPost', true], ['DAaaaaaaaa1', false], ['DAaaaaaaaa2', false]]);
      expect(snap.notes.join(' ')).toContain('1 pinned post left out');
      const a = analyzeSnapshot(snap, { now: T });
      expect(a.pinnedLeftOut).toBe(1);
      expect(a.engagement.used).toBe(2);
      expect(a.engagement.mean).toBeCloseTo(((11 / 48210 + 13 / 48210) / 2) * 100, 10);
    });

    it('counts a pinned post within the span of the recent ones', () => {
      const snap = page(node('DAaaaaaaaa1', 10, 1), node('DPinnedPost', 90, 2, { timeline_pinned_user_ids: ['77'] }), node('DAaaaaaaaa2', 12, 4));
      expect(snap.posts.find((p) => p.id === 'DPinnedPost')?.pinned).toBe(true);
      expect(snap.notes.join(' ')).not.toContain('pinned');
      const a = analyzeSnapshot(snap, { now: T });
      expect(a.pinnedLeftOut).toBe(0);
      expect(a.engagement.used).toBe(3);
    });

    it('does not take a post a co-author pinned to their own grid as pinned here', () => {
      const snap = page(node('DCollabPost', 500, 300, { timeline_pinned_user_ids: ['88'] }), node('DAaaaaaaaa1', 10, 1), node('DAaaaaaaaa2', 12, 4));
      expect(snap.posts.map((p) => p.pinned === true)).toEqual([false, false, false]);
      expect(analyzeSnapshot(snap, { now: T }).engagement.used).toBe(3);
    });

    it('reads pinned_for_users (2021–2023 graphql) and the Reels tab pin', () => {
      const pinnedFor = postFromNode({ shortcode: 'DPppppppppp1', edge_liked_by: { count: 1 }, pinned_for_users: [{ id: '77', username: 'lumen.bakery' }] });
      expect(pinnedFor?.pinnedBy).toEqual(['77', 'lumen.bakery']);
      const reel = postFromNode({ code: 'DRrrrrrrrr9', like_count: 1, clips_tab_pinned_user_ids: ['77'] });
      expect(reel).toMatchObject({ pinnedBy: [], reelsPinnedBy: ['77'] });
    });
  });

  it('reads /api/v1/feed/user/ items and the 2018–2022 grid-only graphql page', () => {
    const feed = {
      items: [
        { code: 'DCccccccccc1', like_count: 5, comment_count: 1, media_type: 1, user: { username: 'lumen.bakery' } },
        { code: 'DCccccccccc2', like_count: 6, comment_count: 2, media_type: 2, play_count: 70, user: { username: 'lumen.bakery' } },
      ],
      num_results: 2,
      more_available: true,
      next_max_id: 'x',
    };
    const page = { data: { user: { edge_owner_to_timeline_media: { count: 245, edges: [edgeNode('DCccccccccc3', 7, 3)] } } } };
    const snap = read(pageDataFromJson(feed, PROFILE));
    expect(snap.posts.map((p) => [p.id, p.views])).toEqual([['DCccccccccc1', null], ['DCccccccccc2', 70]]);
    expect(snap.followers).toBeNull();
    expect(read(pageDataFromJson(page, PROFILE)).posts.map((p) => p.id)).toEqual(['DCccccccccc3']);
  });

  it('uses the Reels tab grid only when the main grid is absent, and never the Tagged tab', () => {
    const reels = {
      data: {
        xdt_api__v1__clips__user__connection_v2: {
          edges: [{ node: { media: { code: 'DRrrrrrrrr1', like_count: 50, comment_count: 2, play_count: 900, media_type: 2, user: { username: 'lumen.bakery' } } } }],
        },
        xdt_api__v1__usertags__user_id__feed_connection: {
          edges: [{ node: { code: 'DTtttttttt1', like_count: 1, comment_count: 0, user: { username: 'someone.else' } } }],
        },
      },
    };
    const snap = read(pageDataFromJson(reels, 'https://www.instagram.com/lumen.bakery/reels/'));
    expect(snap.posts.map((p) => [p.id, p.views])).toEqual([['DRrrrrrrrr1', 900]]);
    expect(snap.notes.join(' ')).toMatch(/Reels tab/);
    const withGrid = withResponses(pageDataFromHtml(fixture('current-profile.html'), PROFILE), ['https://www.instagram.com/graphql/query', reels]);
    expect(read(withGrid).posts.map((p) => p.id)).not.toContain('DRrrrrrrrr1');
  });
});

describe('og:description and ld+json fallbacks', () => {
  it.each([
    ['369 Followers, 151 Following, 40 Posts - See Instagram photos and videos from Lumen (@lumen.bakery)', 369, true, 151, 40],
    ['46.3m Followers, 50 Following, 453 Posts - See Instagram photos and videos from Lumen (@lumen.bakery)', 46_300_000, false, 50, 453],
    ['12.5K Followers, 1,001 Following, 1,234 Posts - See Instagram photos and videos from Lumen (@lumen.bakery)', 12_500, false, 1001, 1234],
    ['1,234 Followers, 5 Following, 0 Posts - See Instagram photos and videos from Lumen (@lumen.bakery)', 1234, true, 5, 0],
    ['1.234 Follower, 151 Gefolgt, 40 Beiträge – Sieh dir Instagram-Fotos und -Videos von Lumen (@lumen.bakery) an', 1234, true, 151, 40],
    ['1,2 Mio. Follower, 10 Gefolgt, 99 Beiträge - Sieh dir Instagram-Fotos und -Videos von Lumen (@lumen.bakery) an', 1_200_000, false, 10, 99],
    ['12,5 mil seguidores, 300 seguidos, 80 publicaciones - Ver fotos y videos de Instagram de Lumen (@lumen.bakery)', 12_500, false, 300, 80],
    ['1 234 abonnés, 151 abonnements, 40 publications - Voir les photos et vidéos Instagram de Lumen (@lumen.bakery)', 1234, true, 151, 40],
  ] as const)('%s', (text, followers, exact, following, posts) => {
    expect(parseProfileDescription(text)).toEqual({ followers: { value: followers, exact }, following, postsCount: posts, handle: 'lumen.bakery' });
  });

  it('rejects text that is not a profile description', () => {
    expect(parseProfileDescription('Create an account or log in to Instagram')).toBeNull();
    expect(parseProfileDescription('1,234 likes, 56 comments - lumen.bakery on March 3, 2024: bread')).toBeNull();
    expect(parseProfileDescription(null)).toBeNull();
    expect(parseProfileDescription(42 as unknown as string)).toBeNull();
  });

  it('reads a profile from meta alone, rounded, with display name from og:title', () => {
    const html = `<meta property="og:title" content="Lumen Bakery (@lumen.bakery) • Instagram photos and videos">
      <meta property="og:description" content="48.2K Followers, 312 Following, 245 Posts - See Instagram photos and videos from Lumen Bakery (@lumen.bakery)">`;
    const snap = read(pageDataFromHtml(html, PROFILE));
    expect(snap).toMatchObject({ state: 'ok', followers: 48_200, followersExact: false, following: 312, postsCount: 245, displayName: 'Lumen Bakery' });
    expect(snap.source).toMatch(/og:description.*rounded/);
    expect(snap.notes.join(' ')).toMatch(/rounded/);
  });

  it('takes exact followers from ld+json over the rounded meta', () => {
    const ld = { '@type': 'Person', alternateName: '@lumen.bakery', mainEntityofPage: { '@type': 'ProfilePage', interactionStatistic: { interactionType: 'http://schema.org/FollowAction', userInteractionCount: '48210' } } };
    const html = `<meta property="og:description" content="48.2K Followers, 312 Following, 0 Posts - See Instagram photos and videos from Lumen (@lumen.bakery)">
      <script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    const snap = read(pageDataFromHtml(html, PROFILE));
    expect(snap).toMatchObject({ state: 'empty', followers: 48210, followersExact: true, following: 312, postsCount: 0 });
  });

  it.each([
    ['1,234 likes, 56 comments - lumen.bakery on March 3, 2024: "Fresh loaves with (@friend.acct)"', 1234, 56, 'lumen.bakery'],
    ['8,901 Likes, 77 Comments - Lumen Bakery (@lumen.bakery) on Instagram: “Rye day (@friend.acct)”', 8901, 77, 'lumen.bakery'],
    ['12K likes, 0 comments - lumen.bakery on May 1, 2025', 12_000, 0, 'lumen.bakery'],
  ] as const)('post description %s', (text, likes, comments, handle) => {
    expect(parsePostDescription(text)).toEqual({ likes, comments, views: null, handle });
  });

  it('reads a post from its meta when og:url names that post', () => {
    const html = `<meta property="og:url" content="https://www.instagram.com/p/DAaaaaaaaa1/">
      <meta property="og:description" content="1,234 likes, 56 comments - lumen.bakery on March 3, 2024: bread">`;
    const snap = read(pageDataFromHtml(html, 'https://www.instagram.com/p/DAaaaaaaaa1/'));
    expect(snap).toMatchObject({ kind: 'post', state: 'ok', handle: 'lumen.bakery', followers: null });
    expect(snap.posts).toEqual([expect.objectContaining({ id: 'DAaaaaaaaa1', likes: 1234, comments: 56, views: null, shares: null })]);
    // The same meta left over from that post while the URL shows another one: not this post's numbers.
    expect(read({ ...pageDataFromHtml(html, ''), url: 'https://www.instagram.com/p/DZzzzzzzzz9/' })).toMatchObject({ state: 'loading', posts: [] });
  });
});

describe('post pages', () => {
  const shortcodeMedia = (overrides: Record<string, unknown> = {}) => ({
    __typename: 'GraphVideo',
    shortcode: 'CPpppppppp1',
    is_video: true,
    video_view_count: 120400,
    taken_at_timestamp: 1620000000,
    edge_media_preview_like: { count: 8120 },
    edge_media_to_parent_comment: { count: 311 },
    owner: { id: '42', username: 'lumen.bakery', full_name: 'Lumen Bakery', is_private: false, is_verified: true, edge_followed_by: { count: 48210 }, edge_owner_to_timeline_media: { count: 245 } },
    ...overrides,
  });
  const POST = 'https://www.instagram.com/p/CPpppppppp1/';

  it('reads _sharedData PostPage with the author followers', () => {
    const shared = { entry_data: { PostPage: [{ graphql: { shortcode_media: shortcodeMedia() } }] } };
    const snap = read(pageDataFromHtml(`<script>window._sharedData = ${JSON.stringify(shared)};</script>`, POST));
    expect(snap).toMatchObject({ kind: 'post', state: 'ok', handle: 'lumen.bakery', followers: 48210, followersExact: true, isVerified: true, postsCount: 245 });
    expect(snap.posts).toEqual([expect.objectContaining({ id: 'CPpppppppp1', likes: 8120, comments: 311, views: 120400, takenAt: 1620000000 })]);
  });

  it('reads __additionalDataLoaded and ?__a=1 post JSON, and the handle-in-URL form', () => {
    const html = `<script>window.__additionalDataLoaded('/p/CPpppppppp1/',${JSON.stringify({ graphql: { shortcode_media: shortcodeMedia() } })});</script>`;
    expect(read(pageDataFromHtml(html, POST)).posts[0]!.likes).toBe(8120);
    const snap = read(pageDataFromJson({ graphql: { shortcode_media: shortcodeMedia() } }, 'https://www.instagram.com/lumen.bakery/reel/CPpppppppp1/'));
    expect(snap).toMatchObject({ handle: 'lumen.bakery', followers: 48210 });
  });

  it('reads the current web_info response; follower count is unknown with a note', () => {
    const snap = read(pageDataFromJson(fixtureJson('graphql-shortcode-web-info.json'), 'https://www.instagram.com/reel/DBbbbbbbbb1/'));
    expect(snap).toMatchObject({ kind: 'post', state: 'ok', handle: 'trail.runner.ana', followers: null });
    expect(snap.posts).toEqual([expect.objectContaining({ id: 'DBbbbbbbbb1', likes: 5120, comments: 233, views: 88100, shares: null })]);
    expect(snap.notes.join(' ')).toMatch(/follower count/);
  });

  it('takes the author followers from a user object of that author elsewhere in the page', () => {
    const data = withResponses(
      pageDataFromJson(fixtureJson('graphql-shortcode-web-info.json'), 'https://www.instagram.com/p/DBbbbbbbbb1/'),
      ['https://www.instagram.com/graphql/query', fixtureJson('graphql-profile-trail-runner.json')],
    );
    expect(read(data)).toMatchObject({ handle: 'trail.runner.ana', followers: 1_203_455, followersExact: true });
  });

  it('reads the current xdt_shortcode_media shape', () => {
    const body = { data: { xdt_shortcode_media: shortcodeMedia() } };
    expect(read(pageDataFromJson(body, POST)).posts[0]).toMatchObject({ likes: 8120, comments: 311 });
  });

  it('uses only data for the post in the URL (soft navigation between posts)', () => {
    const shared = { entry_data: { PostPage: [{ graphql: { shortcode_media: shortcodeMedia() } }] } };
    const data = pageDataFromHtml(`<script>window._sharedData = ${JSON.stringify(shared)};</script>`, 'https://www.instagram.com/p/CQqqqqqqqq2/');
    expect(read(data)).toMatchObject({ state: 'loading', posts: [], followers: null });
    const later = withResponses(data, [
      'https://www.instagram.com/graphql/query',
      { data: { xdt_api__v1__media__shortcode__web_info: { items: [{ code: 'CQqqqqqqqq2', like_count: 77, comment_count: 5, user: { username: 'lumen.bakery' } }] } } },
    ]);
    expect(read(later).posts).toEqual([expect.objectContaining({ id: 'CQqqqqqqqq2', likes: 77, comments: 5 })]);
    // The author's followers still come from the older embedded owner object: same account.
    expect(read(later).followers).toBe(48210);
  });
});

describe('hidden likes and views', () => {
  it('like_and_view_counts_disabled hides likes', () => {
    const m = postFromNode({ code: 'DHhhhhhhhh1', like_count: 3, comment_count: 4, like_and_view_counts_disabled: true });
    expect(m?.post).toMatchObject({ likes: null, likesHidden: true, comments: 4 });
  });

  it('a like preview without a count is hidden, not zero', () => {
    const m = postFromNode({ shortcode: 'DHhhhhhhhh2', edge_media_preview_like: { edges: [] }, edge_media_to_comment: { count: 0 } });
    expect(m?.post).toMatchObject({ likes: null, likesHidden: true, comments: 0 });
  });

  it('zero likes are zero', () => {
    expect(postFromNode({ shortcode: 'DHhhhhhhhh3', edge_liked_by: { count: 0 }, edge_media_to_comment: { count: 0 } })?.post).toMatchObject({ likes: 0, comments: 0, likesHidden: false });
  });

  it('views come from video fields and never for images', () => {
    expect(postFromNode({ code: 'DVvvvvvvvv1', media_type: 2, play_count: 10, view_count: null })?.post.views).toBe(10);
    expect(postFromNode({ code: 'DVvvvvvvvv2', media_type: 2, ig_play_count: 11 })?.post.views).toBe(11);
    expect(postFromNode({ shortcode: 'DVvvvvvvvv3', is_video: true, video_view_count: 12 })?.post.views).toBe(12);
    expect(postFromNode({ code: 'DVvvvvvvvv4', media_type: 1, play_count: 13 })?.post.views).toBeNull();
    expect(postFromNode({ code: 'DVvvvvvvvv5', media_type: 2 })?.post.views).toBeNull();
  });
});

describe('stale data after soft navigation', () => {
  it('shows loading, not the first account, until the new account arrives', () => {
    const first = pageDataFromHtml(fixture('current-profile.html'), PROFILE);
    const moved: PageData = { ...first, url: 'https://www.instagram.com/trail.runner.ana/' };
    const waiting = read(moved);
    expect(waiting).toMatchObject({ state: 'loading', handle: 'trail.runner.ana', followers: null, following: null, posts: [] });

    const arrived = read(withResponses(moved, ['https://www.instagram.com/graphql/query', fixtureJson('graphql-profile-trail-runner.json')]));
    expect(arrived).toMatchObject({ state: 'ok', handle: 'trail.runner.ana', followers: 1_203_455, displayName: 'Ana on Trails', isVerified: true });
    // The first account's grid is not this account's.
    expect(arrived.posts).toEqual([]);
  });

  it('ignores a legacy _sharedData user and meta of another account', () => {
    const html = sharedDataHtml(graphqlUser());
    expect(read(pageDataFromHtml(html, 'https://www.instagram.com/other.account/'))).toMatchObject({ state: 'loading', followers: null, posts: [] });
  });

  it('matches handles case-insensitively', () => {
    expect(read(pageDataFromHtml(sharedDataHtml(graphqlUser()), 'https://www.instagram.com/Lumen.Bakery/')).followers).toBe(48210);
  });

  it('the newest response wins over older data for the same account', () => {
    const older = { data: { user: { username: 'lumen.bakery', follower_count: 100, following_count: 1, media_count: 3 } } };
    const newer = { data: { user: { username: 'lumen.bakery', follower_count: 105, media_count: 4 } } };
    const snap = read({ url: PROFILE, meta: {}, scripts: [], responses: [{ url: 'a', body: older }, { url: 'b', body: newer }] });
    expect(snap).toMatchObject({ followers: 105, postsCount: 4, following: 1 });
  });
});

describe('states', () => {
  it('private: counts known, no posts', () => {
    const legacy = read(pageDataFromHtml(sharedDataHtml(graphqlUser({ is_private: true, edge_owner_to_timeline_media: { count: 40, edges: [] } })), PROFILE));
    expect(legacy).toMatchObject({ state: 'private', isPrivate: true, followers: 48210, postsCount: 40, posts: [] });
    const current = read(pageDataFromJson({ data: { user: { username: 'lumen.bakery', follower_count: 9, following_count: 2, media_count: 3, is_private: true } } }, PROFILE));
    expect(current).toMatchObject({ state: 'private', followers: 9 });
  });

  it('empty: public with zero posts', () => {
    const snap = read(pageDataFromJson({ graphql: { user: graphqlUser({ edge_owner_to_timeline_media: { count: 0, edges: [] } }) } }, PROFILE));
    expect(snap).toMatchObject({ state: 'empty', postsCount: 0, posts: [] });
  });

  it('unknown-layout: a body about this account in a shape the reader does not know', () => {
    const body = { data: { profile_v9: { handle: 'lumen.bakery', followersCount: 48210, gridItems: [] } } };
    expect(read(pageDataFromJson(body, PROFILE))).toMatchObject({ state: 'unknown-layout', followers: null, posts: [] });
    const post = { result: { media_v9: { shortcode_id: 'DAaaaaaaaa1', likesCount: 5 } } };
    expect(read(pageDataFromJson(post, 'https://www.instagram.com/p/DAaaaaaaaa1/')).state).toBe('unknown-layout');
  });

  it('loading: nothing about this account, or unrelated responses only', () => {
    expect(read({ url: PROFILE, meta: {}, scripts: [], responses: [] }).state).toBe('loading');
    const unrelated = { data: { xdt_viewer: { user: { username: 'made_up_viewer' } }, notifications_count: 3 } };
    expect(read(pageDataFromJson(unrelated, PROFILE)).state).toBe('loading');
  });
});

describe('hostile and malformed input', () => {
  const garbageBodies: unknown[] = [
    null,
    undefined,
    42,
    'not json {',
    '',
    [],
    [[[[]]]],
    { user: null },
    { user: { username: 42, followed_by: 'many' } },
    { data: { user: { username: 'lumen.bakery', follower_count: 'lots', following_count: -5, media_count: 1e300 } } },
    { data: { user: { username: 'lumen.bakery', follower_count: Number.NaN, edge_owner_to_timeline_media: { edges: 'nope' } } } },
    { graphql: { user: { username: 'lumen.bakery', edge_followed_by: { count: Infinity }, edge_owner_to_timeline_media: { edges: [null, 1, 'x', { node: null }, { node: { shortcode: '<img onerror=alert(1)>', edge_liked_by: { count: 1 } } }] } } } },
    JSON.parse('{"__proto__":{"polluted":true},"user":{"username":"lumen.bakery","follower_count":7}}'),
  ];

  it.each(garbageBodies.map((b, i) => [i, b]))('body #%s never throws and never yields NaN or Infinity', (_i, body) => {
    for (const url of [PROFILE, 'https://www.instagram.com/p/DAaaaaaaaa1/']) {
      const snap = read(pageDataFromJson(body, url));
      const numbers = [snap.followers, snap.following, snap.postsCount, ...snap.posts.flatMap((p) => [p.likes, p.comments, p.views, p.shares])];
      for (const n of numbers) expect(n === null || (Number.isFinite(n) && n >= 0)).toBe(true);
      expect(snap.posts.every((p) => p.id !== null && /^[A-Za-z0-9_-]+$/.test(p.id))).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads what it can from a half-broken body', () => {
    const snap = read(pageDataFromJson(garbageBodies[9], PROFILE));
    expect(snap).toMatchObject({ state: 'ok', followers: null, following: null, postsCount: null });
    expect(read(pageDataFromJson(garbageBodies[12], PROFILE)).followers).toBe(7);
  });

  it('survives hostile scripts and meta', () => {
    const data: PageData = {
      url: PROFILE,
      meta: { 'og:description': '9'.repeat(5000) + ' Followers, x, y - (@lumen.bakery)', 'og:url': 'javascript:alert(1)' },
      scripts: [
        { type: 'text/javascript', id: null, text: 'window._sharedData = {"unterminated": ' },
        { type: 'text/javascript', id: null, text: "window.__additionalDataLoaded('/x/', {not json});" },
        { type: 'application/json', id: null, text: '{'.repeat(10000) },
        { type: 'application/ld+json', id: null, text: '{"alternateName":"@lumen.bakery","interactionStatistic":{"interactionType":"FollowAction","userInteractionCount":"-3"}}' },
      ],
      responses: [],
    };
    expect(() => read(data)).not.toThrow();
    expect(read(data).followers).toBeNull();
  });

  it('handles a very deep and a very wide body', () => {
    let deep: unknown = { data: { user: { username: 'lumen.bakery', follower_count: 5 } } };
    for (let i = 0; i < 5000; i++) deep = { next: deep };
    expect(read(pageDataFromJson(deep, PROFILE)).followers).toBe(5);
    const edges = Array.from({ length: 5000 }, (_, i) => edgeNode(`W${String(i).padStart(10, '0')}`, i, 0));
    const wide = read(pageDataFromJson({ graphql: { user: graphqlUser({ edge_owner_to_timeline_media: { count: 5000, edges } }) } }, PROFILE));
    // Every post is read; the snapshot keeps the first SNAPSHOT_LIMITS.posts (500) of them.
    expect(wide.posts).toHaveLength(SNAPSHOT_LIMITS.posts);
    expect(wide.posts.at(-1)?.id).toBe(`W${String(SNAPSHOT_LIMITS.posts - 1).padStart(10, '0')}`);
  });
});
