/**
 * Instagram reader: every URL form, JSON shape, script marker and meta text of Instagram lives
 * here and nowhere else.
 *
 * Generations of data it knows (oldest first):
 * - `?__a=1` JSON, late 2017: `user.followed_by.count`, `user.media.nodes[]` (`code`, `likes.count`);
 * - `?__a=1` JSON 2018+, `window._sharedData` (`entry_data.ProfilePage[0].graphql.user`,
 *   `PostPage[0].graphql.shortcode_media`) and `__additionalDataLoaded(path, {graphql})`:
 *   `edge_followed_by`, `edge_owner_to_timeline_media.edges[].node` (`shortcode`, `edge_liked_by`);
 * - `/api/v1/users/web_profile_info/` → `{data:{user:{…same edge_* shape…}}}`;
 * - flat mobile-style users (`follower_count`, `media_count`) and `/api/v1/feed/user/`,
 *   `/api/v1/media/<id>/info/` → `{items:[{code, like_count, comment_count, user}]}`;
 * - the current web client: `<script type="application/json">` blobs (nested in
 *   `require`/`__bbox` arrays) and `/graphql/query` responses holding a flat user object and
 *   `xdt_api__v1__feed__user_timeline_graphql_connection.edges[].node` (same flat media fields),
 *   `xdt_api__v1__media__shortcode__web_info.items[]` or `xdt_shortcode_media` for one post;
 * - `og:description` text ("369 Followers, 151 Following, 40 Posts - … (@handle)") and schema.org
 *   ld+json (`FollowAction` counter) as fallbacks.
 *
 * Shapes are found by walking every JSON value the page carries and recognising objects by their
 * keys, so the same code reads a saved file, an inline blob or a captured response.
 */
import * as z from 'zod/mini';
import { parseCountDetailed, preferExact, type ParsedCount } from '../metrics/counts';
import { isObject, jsonAfterMarker, jsonScripts, parseResponseText, walkJson, type JsonObject, lenient } from './page';
import { emptyPost, type PageData, type PageLocation, type PlatformReader, type PostStats, type Snapshot, emptySnapshot } from './types';
import { defineReader } from './fit';

const ORIGIN = 'https://www.instagram.com';
const HOSTS = ['www.instagram.com', 'instagram.com'] as const;

/** Instagram usernames: letters, digits, `.` and `_`, at most 30 characters. */
const HANDLE = /^[A-Za-z0-9._]{1,30}$/;
/** Shortcodes are base64url; 11 characters for public posts, longer for some private ones. */
const SHORTCODE = /^[A-Za-z0-9_-]{5,64}$/;
const POST_SEGMENTS = new Set(['p', 'reel', 'reels', 'tv']);
/** Second path segments that are tabs or dialogs of a profile (`/<handle>/tagged/`). */
const PROFILE_TABS = new Set(['reels', 'tagged', 'saved', 'igtv', 'channel', 'guides', 'reposts', 'feed', 'followers', 'following']);
/** First path segments that are Instagram's own pages, not usernames. */
const RESERVED = new Set([
  'explore', 'accounts', 'direct', 'stories', 'reels', 'reel', 'p', 'tv', 'about', 'legal', 'developer', 'developers',
  'web', 'emails', 'challenge', 'session', 'privacy', 'terms', 'api', 'graphql', 'ajax', 'static', 'oauth', 'press',
  'help', 'jobs', 'blog', 'directory', 'nametag', 'lite', 'download', 'topics', 'your_activity', 'notifications',
  'ar', 'threads', 'popular', 'qp', 'data', 'invites', 'contact', 'fragment', 'sitemap', 'create', 'locations',
  'tags', 'call', 'live', 'meta', 'logout', 'login', 'signup', 'business', 'u', '_n',
]);

// ---------------------------------------------------------------------------------------------
// Locating
// ---------------------------------------------------------------------------------------------

function location(kind: PageLocation['kind'], handle: string | null = null, postId: string | null = null): PageLocation {
  return { platform: 'instagram', kind, handle, postId, profileUrl: handle ? `${ORIGIN}/${handle}/` : null };
}

function pathSegments(url: string): string[] | null {
  try {
    const parsed = new URL(url);
    if (!(HOSTS as readonly string[]).includes(parsed.hostname.toLowerCase())) return null;
    return parsed.pathname.split('/').filter((s) => s.length > 0);
  } catch {
    return null;
  }
}

export function locateInstagram(url: string): PageLocation {
  const segs = pathSegments(typeof url === 'string' ? url : '');
  if (!segs || segs.length === 0) return location('other');
  const [first = '', second, third] = segs;
  // `/_u/<handle>/` is the app-link form of a profile URL (the saved pages' `al:android:url`).
  if (first === '_u') return second && HANDLE.test(second) && segs.length === 2 ? location('profile', second) : location('other');
  if (POST_SEGMENTS.has(first.toLowerCase())) {
    return second && SHORTCODE.test(second) && segs.length === 2 ? location('post', null, second) : location('other');
  }
  if (RESERVED.has(first.toLowerCase()) || !HANDLE.test(first)) return location('other');
  if (segs.length === 1) return location('profile', first);
  const sub = second!.toLowerCase();
  if (segs.length === 2 && PROFILE_TABS.has(sub)) return location('profile', first);
  if (segs.length === 3 && (sub === 'p' || sub === 'reel' || sub === 'tv') && SHORTCODE.test(third!)) {
    return location('post', first, third!);
  }
  return location('other');
}

// ---------------------------------------------------------------------------------------------
// Shapes (validated with zod; every field optional, a wrong type reads as absent)
// ---------------------------------------------------------------------------------------------

const num = lenient(z.optional(z.nullable(z.number())));
const str = lenient(z.optional(z.nullable(z.string())));
const bool = lenient(z.optional(z.nullable(z.boolean())));
const list = lenient(z.optional(z.nullable(z.array(z.unknown()))));
const countBox = lenient(z.optional(z.nullable(z.looseObject({ count: num }))));
const connection = lenient(z.optional(z.nullable(z.looseObject({ count: num, edges: list, nodes: list }))));

const UserShape = z.looseObject({
  username: str,
  full_name: str,
  biography: str,
  is_private: bool,
  is_verified: bool,
  edge_followed_by: countBox, // 2018+ graphql
  followed_by: countBox, // 2017 ?__a=1
  follower_count: num, // mobile API and current web client
  edge_follow: countBox,
  follows: countBox,
  following_count: num,
  edge_owner_to_timeline_media: connection, // the posts grid (not edge_felix_video_timeline: IGTV)
  media: connection, // 2017 grid
  media_count: num,
});
type UserShape = z.infer<typeof UserShape>;

const Author = lenient(z.optional(z.nullable(z.looseObject({ username: str }))));

const MediaShape = z.looseObject({
  shortcode: str,
  code: str,
  is_video: bool,
  media_type: num, // 1 image, 2 video, 8 carousel
  product_type: str,
  like_and_view_counts_disabled: bool,
  edge_liked_by: countBox,
  edge_media_preview_like: countBox,
  likes: countBox,
  like_count: num,
  edge_media_to_comment: countBox,
  edge_media_to_parent_comment: countBox,
  edge_media_preview_comment: countBox,
  comments: countBox,
  comment_count: num,
  video_view_count: num,
  video_views: num,
  play_count: num,
  view_count: num,
  ig_play_count: num,
  video_play_count: num,
  taken_at_timestamp: num,
  taken_at: num,
  date: num,
  user: Author,
  owner: Author,
  coauthor_producers: list,
  timeline_pinned_user_ids: list, // current web client: the users who pinned it (the owner)
  pinned_for_users: list,
});
type MediaShape = z.infer<typeof MediaShape>;

// ---------------------------------------------------------------------------------------------
// Records found in the page's data
// ---------------------------------------------------------------------------------------------

interface UserInfo {
  username: string;
  displayName: string | null;
  bio: string | null;
  followers: number | null;
  following: number | null;
  postsCount: number | null;
  isPrivate: boolean | null;
  isVerified: boolean | null;
}

export interface MediaInfo {
  post: PostStats;
  /** Pinned to the top of the grid by its owner: an older highlight, not a recent post. */
  pinned: boolean;
  /** Lower-cased usernames of the author and co-authors, when the node names them. */
  authors: string[];
}

/** Where a record came from; a higher `order` arrived later (captured responses after embedded data). */
interface Origin {
  order: number;
  label: string;
}

interface Found {
  users: Array<Origin & { user: UserInfo; shape: string }>;
  /** Grids of one account's posts; `owner` is known when the grid sits inside its user object. */
  grids: Array<Origin & { owner: string | null; reels: boolean; items: MediaInfo[] }>;
  media: Array<Origin & { item: MediaInfo }>;
  /** Blocks in which nothing was recognised (to tell an unknown layout from data still loading). */
  unread: unknown[];
}

function count(value: number | null | undefined): number | null {
  return parseCountDetailed(value)?.value ?? null;
}

function boxCount(box: { count?: number | null | undefined } | null | undefined): number | null {
  return count(box?.count);
}

function firstKnown(...values: Array<number | null>): number | null {
  return values.find((v) => v !== null) ?? null;
}

function userInfo(u: UserShape): UserInfo | null {
  if (!u.username || !HANDLE.test(u.username)) return null;
  return {
    username: u.username,
    displayName: u.full_name || null,
    bio: u.biography ?? null,
    followers: firstKnown(boxCount(u.edge_followed_by), boxCount(u.followed_by), count(u.follower_count)),
    following: firstKnown(boxCount(u.edge_follow), boxCount(u.follows), count(u.following_count)),
    postsCount: firstKnown(count(u.edge_owner_to_timeline_media?.count), count(u.media?.count), count(u.media_count)),
    isPrivate: u.is_private ?? null,
    isVerified: u.is_verified ?? null,
  };
}

/** Name of the user shape, for the snapshot's `source`. */
function userShapeName(u: UserShape): string {
  if (u.edge_followed_by) return 'graphql user';
  if (u.followed_by) return 'legacy ?__a=1 user';
  return 'user object';
}

export function postFromNode(value: unknown): MediaInfo | null {
  const parsed = MediaShape.safeParse(value);
  if (!parsed.success) return null;
  const n: MediaShape = parsed.data;
  const id = n.shortcode ?? n.code;
  if (!id || !SHORTCODE.test(id)) return null;
  const countsHidden = n.like_and_view_counts_disabled === true;
  const likes = countsHidden
    ? null
    : firstKnown(boxCount(n.edge_liked_by), boxCount(n.edge_media_preview_like), boxCount(n.likes), count(n.like_count));
  // A like preview without its count is how the 2019+ graphql shape hides likes.
  const previewWithoutCount = n.edge_media_preview_like != null && n.edge_media_preview_like.count == null;
  const isImage = n.is_video === false || n.media_type === 1;
  const views = isImage
    ? null
    : firstKnown(count(n.video_view_count), count(n.video_views), count(n.play_count), count(n.view_count), count(n.ig_play_count), count(n.video_play_count));
  const authors = [n.user?.username, n.owner?.username, ...(n.coauthor_producers ?? []).map((c) => (isObject(c) && typeof c.username === 'string' ? c.username : null))]
    .filter((name): name is string => typeof name === 'string' && name.length > 0)
    .map((name) => name.toLowerCase());
  return {
    authors,
    pinned: (n.timeline_pinned_user_ids?.length ?? 0) > 0 || (n.pinned_for_users?.length ?? 0) > 0,
    post: emptyPost({
      id,
      url: `${ORIGIN}/${n.product_type === 'clips' ? 'reel' : 'p'}/${id}/`,
      likes,
      comments: firstKnown(
        boxCount(n.edge_media_to_comment),
        boxCount(n.edge_media_to_parent_comment),
        boxCount(n.edge_media_preview_comment),
        boxCount(n.comments),
        count(n.comment_count),
      ),
      views,
      takenAt: firstKnown(count(n.taken_at_timestamp), count(n.taken_at), count(n.date)),
      likesHidden: countsHidden || (likes === null && previewWithoutCount),
    }),
  };
}

function itemsOf(values: unknown[] | null | undefined, pick: (v: unknown) => unknown = (v) => v): MediaInfo[] {
  return (values ?? []).map((v) => postFromNode(pick(v))).filter((m): m is MediaInfo => m !== null);
}

const edgeNode = (edge: unknown): unknown => (isObject(edge) ? edge.node : undefined);
/** Reels-tab edges wrap the media once more (`node.media`). */
const reelNode = (edge: unknown): unknown => {
  const node = edgeNode(edge);
  return isObject(node) && isObject(node.media) ? node.media : node;
};

const TIMELINE_KEYS = ['xdt_api__v1__feed__user_timeline_graphql_connection'];
const REELS_KEYS = ['xdt_api__v1__clips__user__connection_v2', 'clips_connection'];
const SINGLE_MEDIA_KEYS = ['shortcode_media', 'xdt_shortcode_media'];
const WEB_INFO_KEY = 'xdt_api__v1__media__shortcode__web_info';
const FOLLOWER_KEYS = ['edge_followed_by', 'followed_by', 'follower_count', 'edge_follow', 'following_count', 'media_count', 'edge_owner_to_timeline_media'];

/** Collect every user, grid and single post in one JSON value. */
function collect(root: unknown, origin: Origin, found: Found): void {
  const before = found.users.length + found.grids.length + found.media.length;
  walkJson(root, (obj, key) => {
    const isUser = typeof obj.username === 'string' && FOLLOWER_KEYS.some((k) => k in obj) && collectUser(obj, origin, found);
    // 2018–2022 grid pages (`/graphql/query/?query_hash=…`) carry `data.user` with the grid only, no username.
    if (!isUser) collectConnection(obj.edge_owner_to_timeline_media, origin, found, false);
    for (const k of TIMELINE_KEYS) collectConnection(obj[k], origin, found, false);
    for (const k of REELS_KEYS) collectConnection(obj[k], origin, found, true);
    if (key !== null && SINGLE_MEDIA_KEYS.includes(key)) pushMedia(postFromNode(obj), origin, found);
    const webInfo = obj[WEB_INFO_KEY];
    if (isObject(webInfo) && Array.isArray(webInfo.items)) itemsOf(webInfo.items).forEach((m) => pushMedia(m, origin, found));
    // `/api/v1/feed/user/` and `/api/v1/media/<id>/info/` bodies: `{items:[…]}` at the top.
    if (obj === root && Array.isArray(obj.items)) {
      const items = itemsOf(obj.items);
      // One item is a post's info, not a page of the grid.
      if (items.length > 1 || 'next_max_id' in obj) found.grids.push({ ...origin, owner: null, reels: false, items });
      items.forEach((m) => pushMedia(m, origin, found));
    }
  });
  if (found.users.length + found.grids.length + found.media.length === before) found.unread.push(root);
}

/** Record a user object (and the grid nested in it); false when it is not one. */
function collectUser(obj: JsonObject, origin: Origin, found: Found): boolean {
  const parsed = UserShape.safeParse(obj);
  if (!parsed.success) return false;
  const user = userInfo(parsed.data);
  if (!user) return false;
  found.users.push({ ...origin, user, shape: userShapeName(parsed.data) });
  const owner = user.username.toLowerCase();
  const timeline = parsed.data.edge_owner_to_timeline_media;
  if (timeline?.edges) found.grids.push({ ...origin, owner, reels: false, items: itemsOf(timeline.edges, edgeNode) });
  if (parsed.data.media?.nodes) found.grids.push({ ...origin, owner, reels: false, items: itemsOf(parsed.data.media.nodes) });
  return true;
}

function collectConnection(value: unknown, origin: Origin, found: Found, reels: boolean): void {
  if (!isObject(value) || !Array.isArray(value.edges)) return;
  found.grids.push({ ...origin, owner: null, reels, items: itemsOf(value.edges, reels ? reelNode : edgeNode) });
}

function pushMedia(item: MediaInfo | null, origin: Origin, found: Found): void {
  if (item) found.media.push({ ...origin, item });
}

/** A body that arrived as text (`/api/graphql` may prefix `for (;;);` or stream several objects). */
function bodyValues(body: unknown): unknown[] {
  return typeof body === 'string' ? parseResponseText(body) : [body];
}

const RESPONSE_LABELS: Array<[RegExp, string]> = [
  [/web_profile_info/, 'web_profile_info response'],
  [/\/graphql\/query|\/api\/graphql/, 'GraphQL response'],
  [/\/api\/v1\/feed\/user\//, 'feed/user response'],
  [/\/api\/v1\/media\//, 'media info response'],
  [/\/api\/v1\/users\//, 'users/info response'],
];

function responseLabel(url: string): string {
  return RESPONSE_LABELS.find(([re]) => re.test(url))?.[1] ?? 'JSON response';
}

/** Everything the page carries, embedded data first (it arrived with the document), then responses in arrival order. */
function gather(data: PageData): Found {
  const found: Found = { users: [], grids: [], media: [], unread: [] };
  let order = 0;
  const add = (value: unknown, label: string) => collect(value, { order: order++, label }, found);
  for (const script of data.scripts) {
    if (script.text.includes('window._sharedData')) jsonAfterMarker(script.text, 'window._sharedData').forEach((v) => add(v, 'window._sharedData'));
    if (script.text.includes('__additionalDataLoaded(')) jsonAfterMarker(script.text, '__additionalDataLoaded(').forEach((v) => add(v, '__additionalDataLoaded'));
  }
  jsonScripts(data, (s) => !/ld\+json/i.test(s.type ?? '')).forEach((v) => add(v, 'embedded JSON script'));
  for (const response of data.responses) bodyValues(response.body).forEach((v) => add(v, responseLabel(response.url)));
  return found;
}

// ---------------------------------------------------------------------------------------------
// Fallbacks: meta descriptions and schema.org ld+json
// ---------------------------------------------------------------------------------------------

export interface ProfileDescription {
  followers: ParsedCount | null;
  following: number | null;
  postsCount: number | null;
  handle: string | null;
}

/** "(@handle)" at the end of the description names the account the text is about. */
function describedHandle(text: string): string | null {
  const all = [...text.matchAll(/\(@([A-Za-z0-9._]{1,30})\)/g)];
  return all.at(-1)?.[1] ?? null;
}

/** Leading "a, b, c" counts before the " - " that starts the prose, e.g. "1,234 likes, 56 comments". */
function headCounts(text: string): string[] {
  const head = text.split(/\s[-–—]\s/)[0] ?? '';
  return head.split(/,\s+|،\s*/).map((s) => s.trim());
}

/**
 * "369 Followers, 151 Following, 40 Posts - See Instagram photos and videos from Name (@handle)".
 * Every locale lists followers, following and posts in this order ("1.234 Follower, 151 Gefolgt,
 * 40 Beiträge – …", "12,5 mil seguidores, …"), so positions are read rather than words.
 */
export function parseProfileDescription(text: string | null | undefined): ProfileDescription | null {
  if (typeof text !== 'string') return null;
  const parts = headCounts(text);
  if (parts.length < 3 || !parts.slice(0, 3).every((p) => /^\d/.test(p))) return null;
  const [followers, following, posts] = parts.map((p) => parseCountDetailed(p));
  if (!followers) return null;
  return { followers, following: following?.value ?? null, postsCount: posts?.value ?? null, handle: describedHandle(text) };
}

export interface PostDescription {
  likes: number | null;
  comments: number | null;
  views: number | null;
  handle: string | null;
}

const LIKE_WORD = /like|j.aime|gusta|curtid|piace|gef[aä]llt|beğen|polub|vind-ik-leuk/i;
const COMMENT_WORD = /comment|kommentar|coment|yorum|komentarz|reactie/i;
const VIEW_WORD = /view|aufruf|vues|visualiza|visualizz|reproduc|plays?\b/i;

/**
 * A post's description: "1,234 likes, 56 comments - handle on March 3, 2024: …" (current) or
 * "1,234 Likes, 56 Comments - Name (@handle) on Instagram: “…”" (2019–2022).
 */
export function parsePostDescription(text: string | null | undefined): PostDescription | null {
  if (typeof text !== 'string') return null;
  const out: PostDescription = { likes: null, comments: null, views: null, handle: null };
  for (const part of headCounts(text)) {
    if (!/^\d/.test(part)) continue;
    const value = parseCountDetailed(part)?.value ?? null;
    if (COMMENT_WORD.test(part)) out.comments = value;
    else if (LIKE_WORD.test(part)) out.likes = value;
    else if (VIEW_WORD.test(part)) out.views = value;
  }
  if (out.likes === null && out.comments === null) return null;
  // The author follows the dash: "Name (@handle) on Instagram: …" (older) or "handle on March 3, 2024: …".
  // Only text before the caption counts, since the caption may mention other accounts.
  const rest = text.split(/\s[-–—]\s/).slice(1).join(' - ');
  out.handle = /^[^:“"]*?\(@([A-Za-z0-9._]{1,30})\)/.exec(rest)?.[1] ?? /^([A-Za-z0-9._]{1,30})\s/.exec(rest)?.[1] ?? null;
  return out;
}

function metaDescription(data: PageData): string | null {
  return data.meta['og:description'] ?? data.meta['description'] ?? null;
}

/** The account or post that `og:url` names, to reject meta tags left over from the first page of a session. */
function ogLocation(data: PageData): PageLocation | null {
  const url = data.meta['og:url'];
  return url ? locateInstagram(url) : null;
}

function sameHandle(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

function profileFromMeta(data: PageData, handle: string): (ProfileDescription & { displayName: string | null }) | null {
  const og = ogLocation(data);
  if (og && og.kind !== 'other' && !sameHandle(og.handle, handle)) return null;
  const texts = [data.meta['og:description'], data.meta['description']];
  const parsed = texts.map(parseProfileDescription).find((d) => d !== null);
  if (!parsed || (parsed.handle && !sameHandle(parsed.handle, handle))) return null;
  if (!parsed.handle && !(og && sameHandle(og.handle, handle))) return null; // nothing ties it to this account
  const title = /^(.+?)\s*\(@([A-Za-z0-9._]{1,30})\)/.exec(data.meta['og:title'] ?? '');
  return { ...parsed, displayName: title && sameHandle(title[2], handle) ? title[1]!.trim() : null };
}

/** schema.org Person/ProfilePage with a `FollowAction` counter (2020–2021 profile pages). */
function followersFromLdJson(data: PageData, handle: string): number | null {
  for (const root of jsonScripts(data, (s) => /ld\+json/i.test(s.type ?? ''))) {
    const hit: { named: boolean; followers: number | null } = { named: false, followers: null };
    walkJson(root, (obj) => {
      const alt = obj.alternateName;
      if (typeof alt === 'string' && sameHandle(alt.replace(/^@/, ''), handle)) hit.named = true;
      const id = obj['@id'] ?? obj.url;
      if (typeof id === 'string' && sameHandle(locateInstagram(id).handle, handle)) hit.named = true;
      const type = obj.interactionType;
      const typeName = typeof type === 'string' ? type : isObject(type) ? String(type['@type'] ?? '') : '';
      const n = obj.userInteractionCount;
      if (hit.followers === null && /FollowAction/.test(typeName) && (typeof n === 'string' || typeof n === 'number')) {
        hit.followers = parseCountDetailed(n)?.value ?? null;
      }
    });
    if (hit.named && hit.followers !== null) return hit.followers;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Field by field, the newest record that knows it. */
function mergeUsers(records: Found['users']): UserInfo | null {
  const newest = [...records].sort((a, b) => b.order - a.order);
  const first = newest[0];
  if (!first) return null;
  const pick = <K extends keyof UserInfo>(k: K): UserInfo[K] => newest.map((r) => r.user[k]).find((v) => v !== null) ?? first.user[k];
  return {
    username: first.user.username,
    displayName: pick('displayName'),
    bio: pick('bio'),
    followers: pick('followers'),
    following: pick('following'),
    postsCount: pick('postsCount'),
    isPrivate: pick('isPrivate'),
    isVerified: pick('isVerified'),
  };
}

function usersNamed(found: Found, handle: string): Found['users'] {
  return found.users.filter((r) => sameHandle(r.user.username, handle));
}

/** A grid belongs to the account when it sits in its user object or any of its posts names it as (co-)author. */
function gridsOf(found: Found, handle: string): Found['grids'] {
  const name = handle.toLowerCase();
  const mine = found.grids.filter((g) => (g.owner !== null ? g.owner === name : g.items.some((m) => m.authors.includes(name))));
  const main = mine.filter((g) => !g.reels);
  return main.length > 0 ? main : mine;
}

/**
 * Grid pages in arrival order, one entry per post (first position kept, newest counts used).
 * Pinned posts are left out: they open the grid but are older highlights, not recent posts.
 */
function mergeGrids(grids: Found['grids']): { posts: PostStats[]; pinned: number } {
  const byId = new Map<string, PostStats>();
  const pinned = new Set<string>();
  for (const grid of [...grids].sort((a, b) => a.order - b.order)) {
    for (const { post, pinned: isPinned } of grid.items) {
      if (isPinned) pinned.add(post.id!);
      else byId.set(post.id!, post);
    }
  }
  for (const id of pinned) byId.delete(id);
  return { posts: [...byId.values()], pinned: pinned.size };
}

/** Whether some block we could not read is about this account or post: then the layout is new to us. */
function unreadAbout(found: Found, needle: string): boolean {
  const quoted = [`"${needle}"`, `@${needle}`, `/${needle}/`].map((s) => s.toLowerCase());
  return found.unread.some((value) => {
    let text: string;
    try {
      text = (typeof value === 'string' ? value : JSON.stringify(value) ?? '').toLowerCase();
    } catch {
      return false;
    }
    return /count"\s*:\s*"?\d/.test(text) && quoted.some((q) => text.includes(q));
  });
}

function baseSnapshot(data: PageData, kind: 'profile' | 'post', handle: string | null): Snapshot {
  return emptySnapshot({ platform: 'instagram', kind, state: 'ok', url: data.url, handle, source: '' });
}

function notFound(snap: Snapshot, found: Found, needle: string, what: string): Snapshot {
  if (unreadAbout(found, needle)) {
    return { ...snap, state: 'unknown-layout', notes: [`The page carries data about this ${what} in a shape this version does not read yet.`] };
  }
  return { ...snap, state: 'loading', notes: [`This ${what}'s data is not in the page yet.`] };
}

function applyUser(snap: Snapshot, user: UserInfo): void {
  snap.handle = user.username;
  snap.displayName = user.displayName;
  snap.bio = user.bio;
  snap.following = user.following;
  snap.postsCount = user.postsCount;
  snap.isPrivate = user.isPrivate;
  snap.isVerified = user.isVerified;
}

function postNotes(posts: PostStats[]): string[] {
  const notes: string[] = [];
  const hidden = posts.filter((p) => p.likesHidden).length;
  if (hidden > 0) notes.push(`Likes are hidden on ${hidden} post${hidden === 1 ? '' : 's'}.`);
  if (posts.some((p) => p.comments === null)) notes.push('Comment count not on this page for some posts.');
  if (posts.length > 0) notes.push('Instagram does not show share counts.');
  return notes;
}

function readProfile(data: PageData, handle: string): Snapshot {
  const snap = baseSnapshot(data, 'profile', handle);
  const found = gather(data);
  const users = usersNamed(found, handle);
  const user = mergeUsers(users);
  const grids = gridsOf(found, handle);
  const meta = user?.followers != null ? null : profileFromMeta(data, handle);
  const ldFollowers = user?.followers != null ? null : followersFromLdJson(data, handle);
  if (!user && grids.length === 0 && !meta && ldFollowers === null) return notFound(snap, found, handle, 'account');

  const sources: string[] = [];
  if (user) {
    applyUser(snap, user);
    const newest = [...users].sort((a, b) => b.order - a.order)[0]!;
    sources.push(`${newest.shape} in ${newest.label}`);
  }
  const followers = preferExact(
    user?.followers != null ? { value: user.followers, exact: true } : null,
    ldFollowers !== null ? { value: ldFollowers, exact: true } : null,
    meta?.followers,
  );
  snap.followers = followers?.value ?? null;
  snap.followersExact = followers?.exact ?? false;
  if (ldFollowers !== null) sources.push('ld+json FollowAction counter');
  if (meta) {
    const roundedFromMeta = ldFollowers === null && meta.followers?.exact === false;
    sources.push(`og:description meta${roundedFromMeta ? ' (rounded)' : ''}`);
    snap.following ??= meta.following;
    snap.postsCount ??= meta.postsCount;
    snap.displayName ??= meta.displayName;
  }

  const merged = mergeGrids(grids);
  snap.posts = merged.posts;
  if (merged.pinned > 0) {
    snap.notes.push(`${merged.pinned} pinned post${merged.pinned === 1 ? '' : 's'} left out: pinned posts are older highlights, not recent posts.`);
  }
  const gridSource = [...grids].sort((a, b) => b.order - a.order)[0];
  if (gridSource && !sources.some((s) => s.endsWith(gridSource.label))) sources.push(`posts from ${gridSource.label}`);
  if (grids.length > 0 && grids.every((g) => g.reels)) snap.notes.push('Posts are from the Reels tab.');
  snap.source = `${sources.join('; ')}${followers?.exact ? ' (exact counts)' : ''}`;

  if (snap.followers === null) snap.notes.push('Follower count not in the page yet.');
  else if (!snap.followersExact) snap.notes.push('Follower count is rounded as Instagram displays it.');
  if (snap.posts.length === 0) {
    if (snap.isPrivate) snap.state = 'private';
    else if (snap.postsCount === 0) snap.state = 'empty';
    else snap.notes.push('No posts in the page data yet: scroll the grid or reload the page to load them.');
  }
  if (snap.state === 'private') snap.notes.push('Private account: posts are not visible.');
  snap.notes.push(...postNotes(snap.posts));
  return snap;
}

function postFromMeta(data: PageData, postId: string, urlHandle: string | null): { post: PostStats; handle: string | null } | null {
  const og = ogLocation(data);
  if (og && og.postId !== postId) return null;
  const parsed = parsePostDescription(metaDescription(data));
  if (!parsed || (urlHandle && parsed.handle && !sameHandle(parsed.handle, urlHandle))) return null;
  const post = emptyPost({ id: postId, url: `${ORIGIN}/p/${postId}/`, likes: parsed.likes, comments: parsed.comments, views: parsed.views });
  return { post, handle: parsed.handle };
}

function readPost(data: PageData, loc: PageLocation): Snapshot {
  const postId = loc.postId!;
  const snap = baseSnapshot(data, 'post', loc.handle);
  const found = gather(data);
  const match = found.media.filter((m) => m.item.post.id === postId).sort((a, b) => b.order - a.order)[0];
  const gridMatch = found.grids
    .flatMap((g) => g.items.filter((m) => m.post.id === postId).map((item) => ({ item, order: g.order, label: g.label })))
    .sort((a, b) => b.order - a.order)[0];
  const best = match && (!gridMatch || match.order >= gridMatch.order) ? match : gridMatch;
  const fromMeta = best ? null : postFromMeta(data, postId, loc.handle);
  if (!best && !fromMeta) return notFound(snap, found, postId, 'post');

  const author = best?.item.authors[0] ?? fromMeta?.handle ?? loc.handle?.toLowerCase() ?? null;
  const authorRecords = author ? usersNamed(found, author) : [];
  const user = mergeUsers(authorRecords);
  if (user) applyUser(snap, user);
  else snap.handle = loc.handle ?? author;
  snap.followers = user?.followers ?? null;
  snap.followersExact = snap.followers !== null;
  snap.posts = [best?.item.post ?? fromMeta!.post];
  snap.source = best ? `post data in ${best.label} (exact counts)` : 'og:description meta';
  if (snap.followers === null) snap.notes.push("The author's follower count is not on this post page; open the profile for it.");
  if (snap.posts[0]!.comments === null) snap.notes.push('Comment count not on this page.');
  snap.notes.push(...postNotes(snap.posts).filter((n) => !n.startsWith('Comment count')));
  return snap;
}

/** Where the extension's content scripts run for Instagram (manifest match patterns). */
export const instagramMatches = ['https://www.instagram.com/*'];

/**
 * The web client's own requests whose responses carry profile, grid or post data. Exported on
 * its own so the MAIN-world capture script can import it without the reader.
 */
export const instagramCaptures: readonly RegExp[] = [
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/users\/web_profile_info\//,
  /^https:\/\/(?:www\.)?instagram\.com\/graphql\/query/,
  /^https:\/\/(?:www\.)?instagram\.com\/api\/graphql/,
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/feed\/user\//,
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/media\/[^/?#]+\/info\//,
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/users\/\d+\/info\//,
];

export const instagramReader: PlatformReader = defineReader({
  platform: 'instagram',
  hosts: HOSTS,
  captures: instagramCaptures,
  locate: locateInstagram,
  read(data: PageData): Snapshot | null {
    const loc = locateInstagram(data.url);
    if (loc.kind === 'profile' && loc.handle) return readProfile(data, loc.handle);
    if (loc.kind === 'post' && loc.postId) return readPost(data, loc);
    return null;
  },
});
