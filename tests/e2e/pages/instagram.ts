/**
 * Made-up Instagram accounts and the pages that carry them, in the layouts Instagram has used:
 * `window._sharedData` (2018–2021), the web client's `web_profile_info` JSON (fetched on soft
 * navigation), and the current `<script type="application/json">` blobs. Used by the e2e tests,
 * the demo and the benchmark; every handle and number here is invented.
 */

export interface DemoPost {
  code: string;
  likes: number | null;
  comments: number;
  views?: number;
  takenAt: number;
  caption?: string;
}

export interface DemoAccount {
  handle: string;
  name: string;
  bio: string;
  followers: number;
  following: number;
  postsCount: number;
  isPrivate: boolean;
  posts: DemoPost[];
}

const DAY = 86_400;
/** Posts are dated relative to when the page is made, as a live profile's recent posts are. */
const BASE_TIME = Math.floor(Date.now() / 1000) - DAY;

function posts(prefix: string, likes: Array<number | null>, comments: number[], views: Array<number | undefined> = []): DemoPost[] {
  return likes.map((l, i) => ({
    code: `${prefix}${String(i).padStart(2, '0')}Xq`,
    likes: l,
    comments: comments[i] ?? 0,
    views: views[i],
    takenAt: BASE_TIME - i * 3 * DAY,
  }));
}

export const COSY: DemoAccount = {
  handle: 'cosy.kitchen.lab',
  name: 'Cosy Kitchen Lab',
  bio: 'Weeknight recipes for small kitchens 🍲 Boston',
  followers: 12_480,
  following: 312,
  postsCount: 148,
  isPrivate: false,
  posts: posts(
    'CzKit',
    [512, 468, 601, 455, 530, 497, 575, 442, 520, 488, 610, 463],
    [22, 18, 35, 14, 27, 19, 31, 12, 24, 17, 38, 15],
    [undefined, 9_800, undefined, undefined, 12_100],
  ),
};

/**
 * What Mia's recent posts say: two disclosed partnerships with @ridgeline.gear, one post that
 * tags @summit.socks with a discount code and no disclosure, the rest her own.
 */
const MIA_CAPTIONS: Array<string | undefined> = [
  'Sunrise loop on the ridge. New shoes from @ridgeline.gear held up great #ad #trailrunning',
  'Long run Sunday, 32 km of mud',
  'Race recap: 3rd place! Thanks @ridgeline.gear for the kit #sponsored',
  'Recovery day',
  'My favourite socks @summit.socks, use code MIA15 for 15 % off',
  'Hill repeats in the rain',
  'Shoes drying by the fire',
  'Coaching spots open for spring',
  'Trail maintenance day with the club',
  'Gear I actually use',
  'Night run under the full moon',
  'First snow on the summit',
];

export const MIA: DemoAccount = {
  handle: 'trailrunner.mia',
  name: 'Mia — trail running',
  bio: 'Ultra runner • coach • New England trails',
  followers: 48_230,
  following: 801,
  postsCount: 402,
  isPrivate: false,
  posts: posts(
    'MiaRn',
    [1_220, 980, 1_405, null, 1_110, 1_302, 870, 1_515, 1_044, 1_190, 1_260, 930],
    [48, 31, 66, 12, 40, 52, 25, 71, 38, 44, 57, 29],
    [21_400, undefined, 25_010],
  ).map((p, i) => ({ ...p, caption: MIA_CAPTIONS[i] })),
};

export const QUIET: DemoAccount = {
  handle: 'quiet.studio',
  name: 'Quiet Studio',
  bio: 'Ceramics. Private for now.',
  followers: 2_310,
  following: 190,
  postsCount: 57,
  isPrivate: true,
  posts: [],
};

export const MARLOW: DemoAccount = {
  handle: 'marlow.makes',
  name: 'Marlow Makes',
  bio: 'Toys from scrap wood for New England mums & dads',
  followers: 6_940,
  following: 420,
  postsCount: 93,
  isPrivate: false,
  posts: posts('MrlwM', [198, 240, 175, 310, 205, 188, 260, 221, 194, 230, 180, 275], [9, 14, 6, 22, 11, 8, 16, 12, 7, 13, 5, 19]),
};

export const ACCOUNTS = [COSY, MIA, QUIET, MARLOW];

/** The post page fixture: one of Cosy's posts. */
export const COSY_POST = COSY.posts[2]!;

function edge(count: number | null) {
  return count === null ? undefined : { count };
}

/** The 2018–2022 `graphql.user` object (also the body of web_profile_info's `data.user`). */
export function graphqlUser(a: DemoAccount) {
  return {
    username: a.handle,
    full_name: a.name,
    biography: a.bio,
    is_private: a.isPrivate,
    is_verified: false,
    edge_followed_by: { count: a.followers },
    edge_follow: { count: a.following },
    edge_owner_to_timeline_media: {
      count: a.postsCount,
      page_info: { has_next_page: !a.isPrivate, end_cursor: null },
      edges: a.posts.map((p) => ({
        node: {
          __typename: p.views === undefined ? 'GraphImage' : 'GraphVideo',
          shortcode: p.code,
          is_video: p.views !== undefined,
          ...(p.views === undefined ? {} : { video_view_count: p.views }),
          edge_liked_by: edge(p.likes),
          edge_media_preview_like: edge(p.likes),
          edge_media_to_comment: { count: p.comments },
          taken_at_timestamp: p.takenAt,
          owner: { username: a.handle },
          ...(p.caption === undefined ? {} : { edge_media_to_caption: { edges: [{ node: { text: p.caption } }] } }),
        },
      })),
    },
  };
}

/** Escape text for an HTML attribute. */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** JSON inside a <script>: "</" must not close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/<\//g, '<\\/');
}

function ogProfile(a: DemoAccount): string {
  const f = (n: number) => n.toLocaleString('en-US');
  return `${f(a.followers)} Followers, ${f(a.following)} Following, ${f(a.postsCount)} Posts - See Instagram photos and videos from ${a.name} (@${a.handle})`;
}

/**
 * A small stand-in for Instagram's app shell: a header with the counts as the real page shows
 * them, links to other demo profiles that navigate without reloading (pushState + the web
 * client's own web_profile_info request, as Instagram does), and the data block of the layout.
 */
function shell(title: string, meta: string, body: string, dataScript: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${attr(title)}</title>
${meta}
<style>
  body { font: 14px/1.4 -apple-system, system-ui, sans-serif; margin: 0; color: #111; background: #fff; }
  nav { height: 56px; border-bottom: 1px solid #dbdbdb; display: flex; align-items: center; padding: 0 24px; gap: 18px; font-weight: 600; }
  nav .logo { font-family: cursive; font-size: 22px; margin-right: auto; }
  main { max-width: 935px; margin: 0 auto; padding: 30px 20px; }
  header { display: flex; gap: 60px; align-items: center; padding-bottom: 30px; border-bottom: 1px solid #dbdbdb; }
  .avatar { width: 150px; height: 150px; border-radius: 50%; background: linear-gradient(135deg,#f9ce34,#ee2a7b,#6228d7); }
  .counts { display: flex; gap: 36px; margin: 16px 0; } .counts b { font-weight: 600; }
  .grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4px; margin-top: 24px; }
  .grid div { aspect-ratio: 1; background: #e9e4dc; }
  .links a { color: #0095f6; margin-right: 12px; cursor: pointer; }
</style>
</head><body>
<nav><span class="logo">Instagram (demo)</span><span class="links">
<a data-nav="/cosy.kitchen.lab/">@cosy.kitchen.lab</a><a data-nav="/trailrunner.mia/">@trailrunner.mia</a><a data-nav="/explore/">Explore</a></span></nav>
<main>${body}</main>
${dataScript}
<script>
  // The demo app's router: like Instagram's web client, it changes the URL without a reload and
  // asks its own API for the new profile's data.
  document.querySelectorAll('[data-nav]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      var path = a.getAttribute('data-nav');
      history.pushState({}, '', path);
      var handle = path.split('/')[1];
      if (path.indexOf('/explore') === 0) { document.querySelector('main').textContent = 'Explore'; return; }
      fetch('/api/v1/users/web_profile_info/?username=' + encodeURIComponent(handle), { headers: { 'x-ig-app-id': '936619743392459' } })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          window.__navDataAt = performance.now();
          var u = j && j.data && j.data.user;
          if (!u) return;
          document.title = u.full_name + ' (@' + u.username + ') • Instagram photos and videos';
          document.querySelector('main h2').textContent = u.username;
          document.querySelector('main .counts').textContent = u.edge_followed_by.count + ' followers';
        });
    });
  });
</script>
</body></html>`;
}

function profileBody(a: DemoAccount): string {
  const tiles = a.isPrivate ? '<p>This account is private</p>' : a.posts.map(() => '<div></div>').join('');
  return `<header><div class="avatar"></div><section><h2>${attr(a.handle)}</h2>
<div class="counts"><span><b>${a.postsCount}</b> posts</span><span><b>${a.followers.toLocaleString('en-US')}</b> followers</span><span><b>${a.following}</b> following</span></div>
<div>${attr(a.name)}</div><div>${attr(a.bio)}</div></section></header><div class="grid">${tiles}</div>`;
}

/** Profile page with `window._sharedData` (the 2019–2021 layout). */
export function sharedDataProfilePage(a: DemoAccount): string {
  const data = { entry_data: { ProfilePage: [{ graphql: { user: graphqlUser(a) } }] } };
  return shell(
    `${a.name} (@${a.handle}) • Instagram photos and videos`,
    `<meta property="og:description" content="${attr(ogProfile(a))}">`,
    profileBody(a),
    `<script type="text/javascript">window._sharedData = ${scriptJson(data)};</script>`,
  );
}

/** Profile page as the current web client ships it: flat counts in application/json blobs. */
export function currentProfilePage(a: DemoAccount): string {
  const user = {
    pk: '5512345001',
    username: a.handle,
    full_name: a.name,
    biography: a.bio,
    is_private: a.isPrivate,
    is_verified: false,
    follower_count: a.followers,
    following_count: a.following,
    media_count: a.postsCount,
  };
  const timeline = {
    data: {
      xdt_api__v1__feed__user_timeline_graphql_connection: {
        edges: a.posts.map((p) => ({
          node: {
            code: p.code,
            pk: `33${p.takenAt}`,
            taken_at: p.takenAt,
            like_count: p.likes ?? 0,
            like_and_view_counts_disabled: p.likes === null,
            comment_count: p.comments,
            ...(p.views === undefined ? {} : { play_count: p.views, media_type: 2 }),
            ...(p.caption === undefined ? {} : { caption: { text: p.caption } }),
            user: { username: a.handle, pk: user.pk },
          },
        })),
        page_info: { has_next_page: true },
      },
    },
  };
  const wrap = (inner: unknown) => ({
    require: [['ScheduledServerJS', 'handle', null, [{ __bbox: { require: [['RelayPrefetchedStreamCache', 'next', [], ['adp_PolarisProfile', { __bbox: { complete: true, result: inner } }]]] } }]]],
  });
  return shell(
    `${a.name} (@${a.handle}) • Instagram photos and videos`,
    `<meta property="og:description" content="${attr(ogProfile(a))}">`,
    profileBody(a),
    `<script type="application/json" data-sjs>${scriptJson(wrap({ data: { user } }))}</script>
<script type="application/json" data-sjs>${scriptJson(wrap(timeline))}</script>`,
  );
}

/** The web client's `web_profile_info` response for an account. */
export function webProfileInfo(a: DemoAccount): unknown {
  return { data: { user: graphqlUser(a) }, status: 'ok' };
}

/** A post page with `_sharedData.entry_data.PostPage` (the 2019–2021 layout). */
/**
 * The comments the demo post page has loaded (the first ones of many): two buyers, two
 * questions, two generic ones, and the creator answering one of them.
 */
export const COSY_POST_COMMENTS: Array<{ id: string; text: string; author: string; replies?: Array<{ id: string; text: string; author: string }> }> = [
  { id: 'c1', text: 'Ordered the cast iron pan after this, best purchase this year', author: 'homecook.anna' },
  { id: 'c2', text: 'Where can I buy this pan?', author: 'ben.bakes', replies: [{ id: 'c2r', text: 'Link in bio! It is from a small shop in Maine', author: 'cosy.kitchen.lab' }] },
  { id: 'c3', text: '🔥🔥🔥', author: 'x_y_z_123' },
  { id: 'c4', text: 'Nice', author: 'promo.page.99' },
  { id: 'c5', text: 'How long does it keep in the fridge?', author: 'mealprep.mo' },
  { id: 'c6', text: 'Made it tonight, the kids loved it', author: 'dad.in.boston' },
];

export function sharedDataPostPage(a: DemoAccount, p: DemoPost): string {
  const comment = (c: { id: string; text: string; author: string }) => ({ id: c.id, text: c.text, owner: { username: c.author }, edge_liked_by: { count: 1 } });
  const media = {
    __typename: 'GraphImage',
    shortcode: p.code,
    edge_media_preview_like: edge(p.likes),
    edge_liked_by: edge(p.likes),
    edge_media_to_parent_comment: {
      count: p.comments,
      edges: COSY_POST_COMMENTS.map((c) => ({
        node: { ...comment(c), edge_threaded_comments: { edges: (c.replies ?? []).map((r) => ({ node: comment(r) })) } },
      })),
    },
    edge_media_to_comment: { count: p.comments },
    taken_at_timestamp: p.takenAt,
    owner: { username: a.handle, full_name: a.name, edge_followed_by: { count: a.followers }, is_private: false },
  };
  return shell(
    `${a.name} on Instagram`,
    `<meta property="og:description" content="${attr(`${p.likes} likes, ${p.comments} comments - ${a.handle} on November 3, 2025: "Dinner in 20"`)}">`,
    `<article><h2>${attr(a.handle)}</h2><div class="grid"><div></div></div><p>${p.likes} likes</p></article>`,
    `<script type="text/javascript">window._sharedData = ${scriptJson({ entry_data: { PostPage: [{ graphql: { shortcode_media: media } }] } })};</script>`,
  );
}

/** A profile URL whose page carries no data at all (e.g. a login wall or a layout we do not know). */
export function noDataPage(handle: string): string {
  return shell(`@${handle} • Instagram`, '', `<header><section><h2>${attr(handle)}</h2><div class="counts"></div></section></header>`, '');
}

/** Independent expectation for tests: the mean per-post ER (%) over the posts with visible likes. */
export function expectedEr(a: DemoAccount): number {
  const usable = a.posts.slice(0, 12).filter((p) => p.likes !== null);
  const sum = usable.reduce((s, p) => s + ((p.likes ?? 0) + p.comments) / a.followers, 0);
  return (sum / usable.length) * 100;
}
