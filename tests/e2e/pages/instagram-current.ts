/**
 * Made-up Instagram pages in the shapes of 2024–2026:
 * - the logged-in web client (no data in the document; the profile and its posts arrive as
 *   answers to POSTs to /graphql/query, the Reels tab's clips likewise), for @kiln.and.co;
 * - the logged-out 2026 pages (`<script type="application/json" data-sjs>` blobs): a profile
 *   whose grid carries no counts, and post pages that carry theirs, for @moss.lab.
 * Every account, code and number is made up.
 */
import { registerDemoServer, type Served } from './site';

const NOW = Math.floor(Date.now() / 1000);
const DAY = 86_400;

export interface CurrentPost {
  code: string;
  likes: number;
  comments: number;
  daysAgo: number;
  pinned?: boolean;
}

export const KILN = {
  pk: '7710001',
  handle: 'kiln.and.co',
  name: 'Kiln & Co',
  followers: 24_610,
  following: 301,
  postsCount: 188,
  /** Two old pinned hits, then the recent posts. */
  posts: [
    { code: 'DKilnPin0001', likes: 96_000, comments: 2_100, daysAgo: 400, pinned: true },
    { code: 'DKilnPin0002', likes: 41_000, comments: 900, daysAgo: 250, pinned: true },
    { code: 'DKiln0000003', likes: 880, comments: 41, daysAgo: 2 },
    { code: 'DKiln0000004', likes: 1_020, comments: 38, daysAgo: 5 },
    { code: 'DKiln0000005', likes: 760, comments: 22, daysAgo: 9 },
    { code: 'DKiln0000006', likes: 940, comments: 30, daysAgo: 13 },
    { code: 'DKiln0000007', likes: 1_210, comments: 57, daysAgo: 18 },
  ] as CurrentPost[],
  reels: [
    { code: 'DKilnReel001', likes: 2_400, comments: 80, plays: 61_000 },
    { code: 'DKilnReel002', likes: 1_800, comments: 44, plays: 47_500 },
    { code: 'DKilnReel003', likes: 3_100, comments: 120, plays: 88_000 },
  ],
};

export const MOSS = {
  pk: '7720001',
  handle: 'moss.lab',
  name: 'Moss Lab',
  followers: 73_215,
  following: 88,
  posts: [
    { code: 'DMoss0000001', likes: 2_480, comments: 61, daysAgo: 1 },
    { code: 'DMoss0000002', likes: 1_930, comments: 40, daysAgo: 4 },
    { code: 'DMoss0000003', likes: 3_050, comments: 95, daysAgo: 8 },
    { code: 'DMoss0000004', likes: 2_210, comments: 57, daysAgo: 11 },
  ] as CurrentPost[],
};

/** ER per follower of the recent posts (the pinned ones are older: left out), percent. */
export function kilnExpectedEr(): number {
  const recent = KILN.posts.filter((p) => !p.pinned);
  return recent.reduce((s, p) => s + ((p.likes + p.comments) / KILN.followers) * 100, 0) / recent.length;
}

/** ER per follower of the reels, percent, and per play. */
export function kilnReelsEr(): { perFollower: number; perPlay: number } {
  const r = KILN.reels;
  return {
    perFollower: r.reduce((s, p) => s + ((p.likes + p.comments) / KILN.followers) * 100, 0) / r.length,
    perPlay: r.reduce((s, p) => s + ((p.likes + p.comments) / p.plays) * 100, 0) / r.length,
  };
}

/** ER per follower of some of @moss.lab's posts, as opened one by one, percent. */
export function mossOpenedEr(codes: string[]): number {
  const opened = MOSS.posts.filter((p) => codes.includes(p.code));
  return opened.reduce((s, p) => s + ((p.likes + p.comments) / MOSS.followers) * 100, 0) / opened.length;
}

// ---------------------------------------------------------------------------------------------
// The logged-in web client's answers

const kilnUser = { pk: KILN.pk, id: KILN.pk, username: KILN.handle };

function profileQuery() {
  return {
    data: {
      user: {
        ...kilnUser,
        full_name: KILN.name,
        biography: 'Small-batch stoneware',
        follower_count: KILN.followers,
        following_count: KILN.following,
        media_count: KILN.postsCount,
        is_private: false,
        is_verified: false,
      },
    },
    extensions: { is_final: true },
  };
}

function postsQuery() {
  return {
    data: {
      xdt_api__v1__feed__user_timeline_graphql_connection: {
        edges: KILN.posts.map((p) => ({
          node: {
            __typename: 'XDTMediaDict',
            code: p.code,
            pk: `9${p.likes}`,
            taken_at: NOW - p.daysAgo * DAY,
            media_type: 1,
            product_type: 'feed',
            like_count: p.likes,
            comment_count: p.comments,
            like_and_view_counts_disabled: false,
            timeline_pinned_user_ids: p.pinned ? [KILN.pk] : null,
            user: kilnUser,
            owner: kilnUser,
          },
          cursor: null,
        })),
        page_info: { end_cursor: 'x', has_next_page: true },
      },
      xdt_viewer: { user: { id: '4440001' } },
    },
    extensions: { is_final: true },
  };
}

function clipsQuery() {
  return {
    data: {
      xdt_api__v1__clips__user__connection_v2: {
        edges: KILN.reels.map((r) => ({
          node: {
            __typename: 'XDTClipsItem',
            media: {
              code: r.code,
              pk: `8${r.likes}`,
              media_type: 2,
              product_type: 'clips',
              like_count: r.likes,
              comment_count: r.comments,
              play_count: r.plays,
              view_count: null,
              like_and_view_counts_disabled: false,
              user: { pk: KILN.pk, id: KILN.pk },
            },
          },
          cursor: r.code,
        })),
        page_info: { end_cursor: 'y', has_next_page: true },
      },
    },
  };
}

/**
 * The logged-in app shell: no data in the document. It POSTs its queries to /graphql/query (the
 * query's name in the form body, as Instagram's client does), on load and on in-app navigation
 * between the profile, its Reels tab and a page without a creator.
 */
function loggedInShell(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Instagram</title>
<style>body{font:14px system-ui,sans-serif;margin:0} nav{height:56px;border-bottom:1px solid #dbdbdb;display:flex;gap:18px;align-items:center;padding:0 24px}
nav a{color:#0095f6;cursor:pointer} main{max-width:935px;margin:0 auto;padding:30px 20px}</style></head><body>
<nav><b style="margin-right:auto">Instagram (logged in, demo)</b>
<a data-nav="/${KILN.handle}/">@${KILN.handle}</a><a data-nav="/${KILN.handle}/reels/">Reels</a><a data-nav="/explore/">Explore</a></nav>
<main><h2>Loading…</h2></main>
<script>
  function query(name) {
    var body = new URLSearchParams({ fb_api_req_friendly_name: name, variables: '{}', doc_id: '1' });
    return fetch('/graphql/query', { method: 'POST', body: body, headers: { 'x-fb-friendly-name': name } }).then(function (r) { return r.json(); });
  }
  function load(path) {
    if (path.indexOf('/explore') === 0) { document.querySelector('main h2').textContent = 'Explore'; return; }
    var reels = /\\/reels\\/$/.test(path);
    query('PolarisProfilePageContentQuery').then(function (j) {
      document.querySelector('main h2').textContent = j.data.user.username + ' · ' + j.data.user.follower_count + ' followers';
      return query(reels ? 'PolarisProfileReelsTabContentQuery_connection' : 'PolarisProfilePostsQuery');
    });
  }
  document.querySelectorAll('[data-nav]').forEach(function (a) {
    a.addEventListener('click', function (e) { e.preventDefault(); history.pushState({}, '', a.getAttribute('data-nav')); load(a.getAttribute('data-nav')); });
  });
  if (location.pathname !== '/explore/') load(location.pathname);
</script></body></html>`;
}

// ---------------------------------------------------------------------------------------------
// The logged-out 2026 pages

const mossUser = { pk: MOSS.pk, username: MOSS.handle, id: `178400000${MOSS.pk}` };

/** One `data-sjs` blob as the logged-out web client writes it. */
function sjs(preloader: string, data: unknown): string {
  const blob = {
    require: [
      ['ScheduledServerJS', 'handle', null, [{ __bbox: { require: [['RelayPrefetchedStreamCache', 'next', [], [`adp_${preloader}RelayPreloader_1`, { __bbox: { complete: true, result: { data, extensions: {} } } }]]] } }]],
    ],
  };
  return `<script type="application/json" data-sjs>${JSON.stringify(blob).replace(/</g, '\\u003c')}</script>`;
}
const route = (name: string) => `<script type="application/json" data-sjs>{"canonicalRouteName":"comet.igweb.${name}"}</script>`;

/** A grid tile as logged out: code and author, no counts. */
const tile = (p: CurrentPost) => ({
  node: { __typename: 'XIGPolarisImageMedia', pk: `6${p.likes}`, code: p.code, media_type: 1, product_type: 'feed', user: mossUser, id: `POLARIS_${p.code}` },
});

function loggedOutShell(title: string, body: string, blobs: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px system-ui,sans-serif;margin:0} nav{height:56px;border-bottom:1px solid #dbdbdb;display:flex;align-items:center;padding:0 24px}
main{max-width:935px;margin:0 auto;padding:30px 20px} .grid{display:grid;grid-template-columns:repeat(3,1fr);gap:4px} .grid a{aspect-ratio:1;background:#e6ece3;display:block}
.login{background:#0095f6;color:#fff;padding:6px 12px;border-radius:8px}</style></head><body>
<nav><b style="margin-right:auto">Instagram (logged out, demo)</b><span class="login">Log in</span></nav>
<main>${body}</main>
${blobs}
</body></html>`;
}

function mossProfilePage(): string {
  const body = `<h2>${MOSS.handle}</h2><p>${MOSS.followers.toLocaleString('en-US')} followers</p>
<div class="grid">${MOSS.posts.map((p) => `<a href="/p/${p.code}/" title="${p.code}" aria-label="Post ${p.code}"></a>`).join('')}</div>`;
  const blobs = [
    route('PolarisLoggedOutDesktopWWWProfileRoute'),
    sjs('PolarisLoggedOutDesktopWWWProfileRootContentQuery', {
      xig_user_by_username: { ...mossUser, full_name: MOSS.name, is_private: false, is_verified: false, follower_count: MOSS.followers, following_count: MOSS.following, all_media_count: null },
    }),
    sjs('PolarisLoggedOutDesktopWWWProfilePostsTabContentQuery', {
      xig_user_by_username: { pk: MOSS.pk, id: mossUser.id, polaris_ordered_timeline_connection: { edges: MOSS.posts.map(tile), page_info: { has_next_page: true } } },
    }),
  ].join('\n');
  return loggedOutShell(`${MOSS.name} (@${MOSS.handle})`, body, blobs);
}

function mossPostPage(p: CurrentPost): string {
  const body = `<p>A post by <a href="/${MOSS.handle}/">${MOSS.handle}</a></p><p>${p.likes.toLocaleString('en-US')} likes</p>`;
  const blobs = [
    route('PolarisLoggedOutDesktopWWWPostRoute'),
    sjs('PolarisLoggedOutDesktopWWWPostRootContentQuery', {
      xig_polaris_media: {
        __typename: 'XIGPolarisImageMedia',
        pk: `6${p.likes}`,
        code: p.code,
        if_not_gated_logged_out: {
          __typename: 'XIGPolarisImageMedia',
          user: { ...mossUser, polaris_ordered_timeline_connection: { edges: MOSS.posts.map(tile) } },
          code: p.code,
          taken_at: NOW - p.daysAgo * DAY,
          media_type: 1,
          product_type: 'feed',
          like_count: p.likes,
          comment_count: p.comments,
          like_and_view_counts_disabled: false,
        },
        gating_ruling: null,
        comments_connection: { edges: [], page_info: { has_next_page: true } },
      },
    }),
  ].join('\n');
  return loggedOutShell(`${MOSS.handle} on Instagram`, body, blobs);
}

const html = (body: string): Served => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
const json = (value: unknown): Served => ({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) });

function serveInstagramCurrent(url: string, method: string, body: string | null): Served | null {
  const u = new URL(url);
  if (u.hostname !== 'www.instagram.com') return null;
  if (u.pathname === '/graphql/query' && method === 'POST') {
    const name = new URLSearchParams(body ?? '').get('fb_api_req_friendly_name');
    if (name === 'PolarisProfilePageContentQuery') return json(profileQuery());
    if (name === 'PolarisProfilePostsQuery') return json(postsQuery());
    if (name === 'PolarisProfileReelsTabContentQuery_connection') return json(clipsQuery());
    return json({ errors: [{ message: 'unknown query' }] });
  }
  if (u.pathname === `/${KILN.handle}/` || u.pathname === `/${KILN.handle}/reels/`) return html(loggedInShell());
  if (u.pathname === `/${MOSS.handle}/`) return html(mossProfilePage());
  const post = MOSS.posts.find((p) => u.pathname === `/p/${p.code}/`);
  return post ? html(mossPostPage(post)) : null;
}

registerDemoServer(serveInstagramCurrent);
