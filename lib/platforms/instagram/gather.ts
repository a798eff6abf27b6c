/**
 * Every user, posts grid and single post the page carries, from every generation of Instagram's
 * data. Shapes are found by walking every JSON value and recognising objects by their keys, so
 * the same code reads a saved file, an inline blob or a captured response — and a page whose data
 * came in several parts (the profile query and the posts query) is read as one.
 */
import { isObject, jsonAfterMarker, jsonScripts, parseResponseText, walkJson, type JsonObject } from '../page';
import type { PageData } from '../types';
import { commentList, type InstagramComment } from './content';
import { idsOf, postFromNode, userInfo, type MediaInfo, type UserInfo } from './shapes';
import { HANDLE } from './url';

/** Where a record came from; a higher `order` arrived later (captured responses after embedded data). */
export interface Origin {
  order: number;
  label: string;
}

export interface Grid extends Origin {
  /** Lower-cased username, when the grid sits inside its user object (or one naming the account). */
  owner: string | null;
  /** Numeric ids of the object the grid sits in (the logged-out `xig_user_by_username`). */
  ownerIds: string[];
  /** The Reels tab's grid (clips), not the posts grid. */
  reels: boolean;
  items: MediaInfo[];
}

/** Comments that arrived in a response of their own (not inside the post's node). */
export interface CommentBlock extends Origin {
  /** The post they are on, when the request names it (`/api/v1/media/<id>/comments/`). */
  mediaId: string | null;
  items: InstagramComment[];
}

export interface Found {
  users: Array<Origin & { user: UserInfo; shape: string }>;
  comments: CommentBlock[];
  /** Grids of one account's posts. */
  grids: Grid[];
  media: Array<Origin & { item: MediaInfo }>;
  /** Blocks in which nothing was recognised (to tell an unknown layout from data still loading). */
  unread: unknown[];
}

function itemsOf(values: unknown[] | null | undefined, pick: (v: unknown) => unknown = (v) => v): MediaInfo[] {
  return (values ?? []).map((v) => postFromNode(pick(v))).filter((m): m is MediaInfo => m !== null);
}

const edgeNode = (edge: unknown): unknown => (isObject(edge) ? edge.node : undefined);
/** Reels-tab items wrap the media once more (`node.media`, `/api/v1/clips/user/` `items[].media`). */
const inMedia = (value: unknown): unknown => (isObject(value) && isObject(value.media) ? value.media : value);
const reelNode = (edge: unknown): unknown => inMedia(edgeNode(edge));

/** Logged-in posts grid (`PolarisProfilePostsQuery`) and the logged-out 2026 grid. */
const TIMELINE_KEYS = ['xdt_api__v1__feed__user_timeline_graphql_connection', 'polaris_ordered_timeline_connection'];
/** The Reels tab (`/<handle>/reels/`): its posts sit one level deeper, in `node.media`. */
const REELS_KEYS = ['xdt_api__v1__clips__user__connection_v2', 'clips_connection'];
/** One post: graphql `shortcode_media`, current `xdt_shortcode_media`, logged-out 2026 `xig_polaris_media`. */
const SINGLE_MEDIA_KEYS = ['shortcode_media', 'xdt_shortcode_media', 'xig_polaris_media'];
const WEB_INFO_KEY = 'xdt_api__v1__media__shortcode__web_info';
const FOLLOWER_KEYS = ['edge_followed_by', 'followed_by', 'follower_count', 'edge_follow', 'following_count', 'media_count', 'edge_owner_to_timeline_media'];

/** A comment response on its own: the web client's comments query, or `/api/v1/media/<id>/comments/`. */
const COMMENTS_CONNECTION = /__comments__connection$/;

/** Collect every user, grid, single post and comment list in one JSON value. */
function collect(root: unknown, origin: Origin, found: Found, mediaId: string | null = null): void {
  const before = found.users.length + found.grids.length + found.media.length + found.comments.length;
  if (isObject(root) && Array.isArray(root.comments) && !Array.isArray(root.items) && ('comment_count' in root || 'has_more_comments' in root || mediaId !== null)) {
    found.comments.push({ ...origin, mediaId, items: commentList(root.comments) });
  } else if (isObject(root) && Array.isArray(root.child_comments) && mediaId !== null) {
    // A comment's replies: `/api/v1/media/<id>/comments/<comment id>/child_comments/`.
    found.comments.push({ ...origin, mediaId, items: commentList(root.child_comments) });
  }
  walkJson(root, (obj, key) => {
    if (key !== null && COMMENTS_CONNECTION.test(key) && Array.isArray(obj.edges)) {
      found.comments.push({ ...origin, mediaId: null, items: commentList(obj.edges) });
      return true;
    }
    const isUser = typeof obj.username === 'string' && FOLLOWER_KEYS.some((k) => k in obj) && collectUser(obj, origin, found);
    // The object a grid sits in may name its account without counts (a post page's author) or by
    // id only (the 2026 logged-out `xig_user_by_username` of the posts tab).
    const around: Owner = isUser ? { name: null, ids: [] } : { name: usernameOf(obj), ids: idsOf(obj.pk, obj.id) };
    // 2018–2022 grid pages (`/graphql/query/?query_hash=…`) carry `data.user` with the grid only, no username.
    if (!isUser) collectConnection(obj.edge_owner_to_timeline_media, origin, found, false, around);
    for (const k of TIMELINE_KEYS) collectConnection(obj[k], origin, found, false, around);
    for (const k of REELS_KEYS) collectConnection(obj[k], origin, found, true, around);
    if (key !== null && SINGLE_MEDIA_KEYS.includes(key)) pushMedia(postFromNode(obj), origin, found);
    const webInfo = obj[WEB_INFO_KEY];
    if (isObject(webInfo) && Array.isArray(webInfo.items)) itemsOf(webInfo.items).forEach((m) => pushMedia(m, origin, found));
    // `/api/v1/feed/user/`, `/api/v1/clips/user/` and `/api/v1/media/<id>/info/` bodies: `{items:[…]}` at the top.
    if (obj === root && Array.isArray(obj.items)) {
      const reels = obj.items.some((v) => isObject(v) && isObject(v.media));
      const items = itemsOf(obj.items, inMedia);
      // One item is a post's info, not a page of the grid.
      if (items.length > 1 || 'next_max_id' in obj || 'paging_info' in obj) {
        found.grids.push({ ...origin, owner: null, ownerIds: [], reels, items });
      }
      items.forEach((m) => pushMedia(m, origin, found));
    }
  });
  if (found.users.length + found.grids.length + found.media.length + found.comments.length === before) found.unread.push(root);
}

/** Record a user object (and the grid nested in it); false when it is not one. */
function collectUser(obj: JsonObject, origin: Origin, found: Found): boolean {
  const record = userInfo(obj);
  if (!record) return false;
  const { user, shape, edges, nodes } = record;
  found.users.push({ ...origin, user, shape });
  const owner = user.username.toLowerCase();
  if (edges) found.grids.push({ ...origin, owner, ownerIds: user.ids, reels: false, items: itemsOf(edges, edgeNode) });
  if (nodes) found.grids.push({ ...origin, owner, ownerIds: user.ids, reels: false, items: itemsOf(nodes) });
  return true;
}

interface Owner {
  name: string | null;
  ids: string[];
}

function usernameOf(obj: JsonObject): string | null {
  return typeof obj.username === 'string' && HANDLE.test(obj.username) ? obj.username.toLowerCase() : null;
}

function collectConnection(value: unknown, origin: Origin, found: Found, reels: boolean, owner: Owner): void {
  if (!isObject(value) || !Array.isArray(value.edges)) return;
  found.grids.push({ ...origin, owner: owner.name, ownerIds: owner.ids, reels, items: itemsOf(value.edges, reels ? reelNode : edgeNode) });
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
  [/\/api\/v1\/clips\/user\//, 'clips/user response'],
  [/\/api\/v1\/media\/[^/]+\/comments\//, 'comments response'],
  [/\/api\/v1\/media\//, 'media info response'],
  [/\/api\/v1\/users\//, 'users/info response'],
];

function responseLabel(url: string): string {
  return RESPONSE_LABELS.find(([re]) => re.test(url))?.[1] ?? 'JSON response';
}

/** Everything the page carries, embedded data first (it arrived with the document), then responses in arrival order. */
export function gather(data: PageData): Found {
  const found: Found = { users: [], comments: [], grids: [], media: [], unread: [] };
  let order = 0;
  const add = (value: unknown, label: string, mediaId: string | null = null) => collect(value, { order: order++, label }, found, mediaId);
  for (const script of data.scripts) {
    if (script.text.includes('window._sharedData')) jsonAfterMarker(script.text, 'window._sharedData').forEach((v) => add(v, 'window._sharedData'));
    if (script.text.includes('__additionalDataLoaded(')) jsonAfterMarker(script.text, '__additionalDataLoaded(').forEach((v) => add(v, '__additionalDataLoaded'));
  }
  jsonScripts(data, (s) => !/ld\+json/i.test(s.type ?? '')).forEach((v) => add(v, 'embedded JSON script'));
  for (const response of data.responses) {
    const mediaId = /\/api\/v1\/media\/(\d{1,30})(?:_\d{1,30})?\/comments\//.exec(response.url)?.[1] ?? null;
    bodyValues(response.body).forEach((v) => add(v, responseLabel(response.url), mediaId));
  }
  return found;
}
