/**
 * The 2024–2026 Instagram web client: the logged-in profile and posts queries, the Reels tab's
 * clips query, the logged-out `data-sjs` blobs of a profile and of a post. Every account, code,
 * id and number below is made up, in the shapes the web client receives.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { instagramCaptures, instagramReader } from '../../../lib/platforms/instagram';
import { pageDataFromHtml } from '../../../lib/platforms/page';
import type { PageData, Snapshot } from '../../../lib/platforms/types';
import { clipNode, clipsQuery, DAY, GRID, profileQuery, recentEr, REEL_EDGES, T } from '../fixtures/instagram/web-client';

const GRAPHQL = 'https://www.instagram.com/graphql/query';
const PROFILE = 'https://www.instagram.com/fern.kiln/';
const REELS = 'https://www.instagram.com/fern.kiln/reels/';

function read(data: PageData): Snapshot {
  const snap = instagramReader.read(data);
  if (!snap) throw new Error('expected a snapshot');
  return snap;
}

const page = (url: string, ...bodies: unknown[]): PageData => ({ url, meta: {}, scripts: [], responses: bodies.map((body) => ({ url: GRAPHQL, body })) });

describe('logged-in web client: one profile page from several queries', () => {
  it('reads the profile query and the posts query as one page, pinned posts listed and marked', () => {
    const snap = read(page(PROFILE, profileQuery(), GRID));
    expect(snap).toMatchObject({ kind: 'profile', state: 'ok', handle: 'fern.kiln', displayName: 'Fern Kiln Studio', followers: 12_840, followersExact: true, postsCount: 96 });
    expect(snap.posts.map((p) => [p.id, p.likes, p.comments, p.pinned === true])).toEqual([
      ['DFernPin0001', 95_000, 900, true],
      ['DFernPin0002', 40_000, 300, true],
      ['DFernPost001', 400, 12, false],
      ['DFernPost002', 350, 9, false],
      ['DFernPost003', 500, 20, false],
      ['DFernPost004', 300, 5, false],
    ]);
    expect(snap.notes.join(' ')).toContain('2 pinned posts left out');
    const a = analyzeSnapshot(snap, { now: T });
    expect(a.pinnedLeftOut).toBe(2);
    expect(a.engagement.used).toBe(4);
    expect(a.engagement.mean).toBeCloseTo(recentEr(12_840), 10);
  });

  it('reads the same page whatever order the two responses arrived in', () => {
    const a = read(page(PROFILE, profileQuery(), GRID));
    const b = read(page(PROFILE, GRID, profileQuery()));
    expect(b.posts).toEqual(a.posts);
    expect(b.followers).toBe(a.followers);
  });

  it('gives kind posts for the posts query alone: the handle from the URL, followers unknown', () => {
    const snap = read(page(PROFILE, GRID));
    expect(snap).toMatchObject({ kind: 'posts', state: 'ok', handle: 'fern.kiln', followers: null });
    expect(snap.posts).toHaveLength(6);
    expect(snap.notes.join(' ')).toMatch(/Follower count not in the page/);
  });

  it('reads the Reels tab: the clips one level down, play_count as views, owner by id', () => {
    const snap = read(page(REELS, profileQuery(), clipsQuery(...REEL_EDGES)));
    expect(snap).toMatchObject({ kind: 'profile', handle: 'fern.kiln', followers: 12_840 });
    expect(snap.posts.map((p) => [p.id, p.likes, p.comments, p.views])).toEqual([
      ['DFernReel001', 800, 30, 20_000],
      ['DFernReel002', 600, 10, 15_000],
      ['DFernReel003', 1_000, 40, 31_000],
    ]);
    expect(snap.posts[0]!.url).toBe('https://www.instagram.com/reel/DFernReel001/');
    expect(snap.notes.join(' ')).toMatch(/Reels tab/);
  });

  it('shows the tab on screen: reels on /reels/, the posts grid on the profile', () => {
    const data = (url: string) => page(url, profileQuery(), GRID, clipsQuery(...REEL_EDGES));
    expect(read(data(REELS)).posts[0]!.id).toBe('DFernReel001');
    expect(read(data(PROFILE)).posts[0]!.id).toBe('DFernPin0001');
  });

  it('takes a saved clips response alone as the URL account’s reels (kind posts)', () => {
    const snap = read(page(REELS, clipsQuery(...REEL_EDGES)));
    expect(snap).toMatchObject({ kind: 'posts', handle: 'fern.kiln', followers: null });
    expect(snap.posts).toHaveLength(3);
  });

  it('never takes another account’s reels, left over from the profile visited before', () => {
    const other = clipsQuery(clipNode('DOtherReel01', 9_000, 90, 100_000, '9990001'), clipNode('DOtherReel02', 8_000, 80, 90_000, '9990001'));
    const otherUser = profileQuery({ pk: '9990001', id: '9990001', username: 'other.acct', follower_count: 500_000 });
    // The other account's profile and reels, then this account's profile query: its id is not theirs.
    expect(read(page(REELS, otherUser, other, profileQuery())).posts).toEqual([]);
    // Only the other account's data so far: this page's data has not loaded.
    expect(read(page(REELS, otherUser, other))).toMatchObject({ state: 'loading', posts: [] });
  });

  it('reads the /api/v1/clips/user/ answer (items[].media) as the Reels grid', () => {
    const body = { items: REEL_EDGES.map((e) => ({ media: e.node.media })), paging_info: { more_available: false } };
    const data: PageData = { url: REELS, meta: {}, scripts: [], responses: [
      { url: GRAPHQL, body: profileQuery() },
      { url: 'https://www.instagram.com/api/v1/clips/user/', body },
    ] };
    expect(read(data).posts.map((p) => [p.id, p.views])).toEqual([
      ['DFernReel001', 20_000],
      ['DFernReel002', 15_000],
      ['DFernReel003', 31_000],
    ]);
  });

  it('copies every request that carries these shapes (the queries are POSTs to /graphql/query)', () => {
    const wanted = (url: string) => instagramCaptures.some((re) => re.test(url));
    expect(wanted('https://www.instagram.com/graphql/query')).toBe(true);
    expect(wanted('https://www.instagram.com/graphql/query/')).toBe(true);
    expect(wanted('https://www.instagram.com/api/graphql')).toBe(true);
    expect(wanted('https://www.instagram.com/api/v1/users/web_profile_info/?username=fern.kiln')).toBe(true);
    expect(wanted('https://www.instagram.com/api/v1/clips/user/')).toBe(true);
    expect(wanted('https://www.instagram.com/api/v1/feed/user/5550001/?count=12')).toBe(true);
    expect(wanted('https://evil.example/graphql/query')).toBe(false);
  });
});

/** One `<script type="application/json" data-sjs>` blob as the logged-out web client writes it. */
function sjs(preloader: string, data: unknown): string {
  const blob = {
    require: [
      ['ScheduledServerJS', 'handle', null, [{ __bbox: { require: [['RelayPrefetchedStreamCache', 'next', [], [`adp_${preloader}RelayPreloader_1`, { __bbox: { complete: true, result: { data, extensions: {} } } }]]] } }]],
    ],
  };
  return `<script type="application/json" data-sjs>${JSON.stringify(blob)}</script>`;
}

const ROUTE = (name: string) => `<script type="application/json" data-sjs>{"canonicalRouteName":"comet.igweb.${name}"}</script>`;

/** A logged-out grid tile: code and author, no counts at all. */
const tile = (code: string) => ({
  node: { __typename: 'XIGPolarisImageMedia', pk: `5${code.length}`, code, media_type: 1, product_type: 'feed', user: { pk: '6660001', username: 'moss.lab', id: '17840000006660001' }, id: `POLARIS_${code}` },
});
const TILES = ['DMossTile001', 'DMossTile002', 'DMossTile003'].map(tile);

describe('logged-out web client (2026): data-sjs blobs', () => {
  const profileHtml = [
    '<!DOCTYPE html><html><head><title>Moss Lab (&#064;moss.lab)</title></head><body>',
    ROUTE('PolarisLoggedOutDesktopWWWProfileRoute'),
    sjs('PolarisLoggedOutDesktopWWWProfileRootContentQuery', {
      xig_user_by_username: { pk: '6660001', username: 'moss.lab', full_name: 'Moss Lab', is_private: false, is_verified: true, follower_count: 73_215, following_count: 88, all_media_count: null, id: '17840000006660001' },
    }),
    sjs('PolarisLoggedOutDesktopWWWProfilePostsTabContentQuery', {
      xig_user_by_username: { pk: '6660001', polaris_ordered_timeline_connection: { edges: TILES, page_info: { has_next_page: true } }, id: '17840000006660001' },
    }),
    '</body></html>',
  ].join('\n');

  it('reads a profile: exact followers, the grid listed with unknown counts, ER unknown with a note', () => {
    const snap = read(pageDataFromHtml(profileHtml, 'https://www.instagram.com/moss.lab/'));
    expect(snap).toMatchObject({ kind: 'profile', state: 'ok', handle: 'moss.lab', displayName: 'Moss Lab', followers: 73_215, followersExact: true, postsCount: null, isVerified: true });
    expect(snap.posts.map((p) => [p.id, p.likes, p.comments, p.views, p.shares])).toEqual([
      ['DMossTile001', null, null, null, null],
      ['DMossTile002', null, null, null, null],
      ['DMossTile003', null, null, null, null],
    ]);
    expect(snap.notes.join(' ')).toMatch(/only to logged-in visitors or on the posts themselves/);
    const a = analyzeSnapshot(snap, { now: T });
    expect(a.engagement.mean).toBeNull();
    expect(a.averages.likes).toBeNull();
  });

  const postHtml = (gated: Record<string, unknown>) =>
    [
      ROUTE('PolarisLoggedOutDesktopWWWPostRoute'),
      sjs('PolarisLoggedOutDesktopWWWPostRootContentQuery', {
        xig_polaris_media: {
          __typename: 'XIGPolarisImageMedia',
          pk: '5012',
          code: 'DMossTile002',
          if_not_gated_logged_out: {
            __typename: 'XIGPolarisImageMedia',
            user: { pk: '6660001', username: 'moss.lab', id: '17840000006660001', polaris_ordered_timeline_connection: { edges: TILES } },
            code: 'DMossTile002',
            taken_at: T - 2 * DAY,
            media_type: 1,
            product_type: 'feed',
            like_and_view_counts_disabled: false,
            ...gated,
          },
          gating_ruling: null,
          comments_connection: { edges: [], page_info: { has_next_page: true } },
        },
      }),
    ].join('\n');

  it('reads a post page: the counts inside if_not_gated_logged_out, not the countless tile of the same post', () => {
    const snap = read(pageDataFromHtml(postHtml({ like_count: 2_480, comment_count: 61 }), 'https://www.instagram.com/p/DMossTile002/'));
    expect(snap).toMatchObject({ kind: 'post', state: 'ok', handle: 'moss.lab', followers: null });
    expect(snap.posts).toEqual([expect.objectContaining({ id: 'DMossTile002', likes: 2_480, comments: 61, views: null, takenAt: T - 2 * DAY })]);
    expect(snap.notes.join(' ')).toMatch(/follower count is not on this post page/);
  });

  it('a post gated without counts: the meta description when it names the post, else listed with nulls', () => {
    const gated = postHtml({});
    const meta = '<meta property="og:url" content="https://www.instagram.com/p/DMossTile002/"><meta property="og:description" content="2,480 likes, 61 comments - moss.lab on May 1, 2026: spores">';
    const withMeta = read(pageDataFromHtml(meta + gated, 'https://www.instagram.com/p/DMossTile002/'));
    expect(withMeta.posts[0]).toMatchObject({ likes: 2_480, comments: 61 });
    expect(withMeta.source).toBe('og:description meta');
    const bare = read(pageDataFromHtml(gated, 'https://www.instagram.com/p/DMossTile002/'));
    expect(bare.posts[0]).toMatchObject({ id: 'DMossTile002', likes: null, comments: null });
    expect(bare.notes.join(' ')).toMatch(/only to logged-in visitors or on the posts themselves/);
  });
});
