/**
 * Instagram's JSON shapes (validated with zod; every field optional, a wrong type reads as
 * absent) and what one user object or one media node says.
 */
import * as z from 'zod/mini';
import { parseCountDetailed } from '../../metrics/counts';
import { isObject, lenient } from '../page';
import { emptyPost, type PostStats } from '../types';
import { mediaContent, nodeComments, type InstagramComment } from './content';
import { HANDLE, ORIGIN, SHORTCODE } from './url';

const num = lenient(z.optional(z.nullable(z.number())));
const str = lenient(z.optional(z.nullable(z.string())));
const bool = lenient(z.optional(z.nullable(z.boolean())));
const list = lenient(z.optional(z.nullable(z.array(z.unknown()))));
/** Ids arrive as digit strings (`"50269116275"`) or, in older bodies, as numbers. */
const idField = lenient(z.optional(z.nullable(z.union([z.string(), z.number()]))));
const countBox = lenient(z.optional(z.nullable(z.looseObject({ count: num }))));
const connection = lenient(z.optional(z.nullable(z.looseObject({ count: num, edges: list, nodes: list }))));

const UserShape = z.looseObject({
  username: str,
  full_name: str,
  biography: str,
  is_private: bool,
  is_verified: bool,
  pk: idField,
  pk_id: idField,
  id: idField,
  edge_followed_by: countBox, // 2018+ graphql
  followed_by: countBox, // 2017 ?__a=1
  follower_count: num, // mobile API, current web client, logged-out xig_user_by_username
  edge_follow: countBox,
  follows: countBox,
  following_count: num,
  edge_owner_to_timeline_media: connection, // the posts grid (not edge_felix_video_timeline: IGTV)
  media: connection, // 2017 grid
  media_count: num,
  all_media_count: num, // logged-out 2026 (often null)
});
type UserShape = z.infer<typeof UserShape>;

const Author = lenient(z.optional(z.nullable(z.looseObject({ username: str, pk: idField, id: idField }))));

const MediaShape = z.looseObject({
  shortcode: str,
  code: str,
  pk: idField,
  id: idField,
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
  timeline_pinned_user_ids: list, // current web client: the users who pinned it to their grid
  pinned_for_users: list, // 2021–2023 graphql: user objects
  clips_tab_pinned_user_ids: list, // pinned on the Reels tab
});
type MediaShape = z.infer<typeof MediaShape>;

export interface UserInfo {
  username: string;
  /** The account's numeric ids (`pk`, `id`; the logged-out 2026 user has two different ones). */
  ids: string[];
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
  /** Lower-cased username of the post's own author (`user`, else `owner`), when the node names it. */
  author: string | null;
  /** Lower-cased usernames of the author and co-authors, when the node names them. */
  authors: string[];
  /** Numeric ids of the author (`user.pk`, `user.id`, `owner.id`), when the node carries them. */
  ownerIds: string[];
  /** Who pinned it to their posts grid: numeric ids and lower-cased usernames (empty: nobody). */
  pinnedBy: string[];
  /** Who pinned it to their Reels tab. */
  reelsPinnedBy: string[];
  /** The post's own numeric ids (`pk`, `id` before its `_`), to tie a comment response to it. */
  ids: string[];
  /** Comments the node itself carries; null when it carries no comment list. */
  comments: InstagramComment[] | null;
}

export function count(value: number | null | undefined): number | null {
  return parseCountDetailed(value)?.value ?? null;
}

function boxCount(box: { count?: number | null | undefined } | null | undefined): number | null {
  return count(box?.count);
}

export function firstKnown(...values: Array<number | null>): number | null {
  return values.find((v) => v !== null) ?? null;
}

/** A numeric id as a string, or null. */
function cleanId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : null;
  return typeof value === 'string' && /^\d{1,30}$/.test(value) ? value : null;
}

/** The distinct numeric ids among `values`. */
export function idsOf(...values: unknown[]): string[] {
  return [...new Set(values.map(cleanId).filter((id): id is string => id !== null))];
}

export interface UserRecord {
  user: UserInfo;
  /** Name of the shape, for the snapshot's `source`. */
  shape: string;
  /** The posts grid inside the user object: edges (2018+) or bare nodes (2017), if any. */
  edges: unknown[] | null;
  nodes: unknown[] | null;
}

export function userInfo(value: unknown): UserRecord | null {
  const parsed = UserShape.safeParse(value);
  if (!parsed.success) return null;
  const u: UserShape = parsed.data;
  if (!u.username || !HANDLE.test(u.username)) return null;
  return {
    user: {
      username: u.username,
      ids: idsOf(u.pk, u.pk_id, u.id),
      displayName: u.full_name || null,
      bio: u.biography ?? null,
      followers: firstKnown(boxCount(u.edge_followed_by), boxCount(u.followed_by), count(u.follower_count)),
      following: firstKnown(boxCount(u.edge_follow), boxCount(u.follows), count(u.following_count)),
      postsCount: firstKnown(count(u.edge_owner_to_timeline_media?.count), count(u.media?.count), count(u.media_count), count(u.all_media_count)),
      isPrivate: u.is_private ?? null,
      isVerified: u.is_verified ?? null,
    },
    shape: userShapeName(u),
    edges: u.edge_owner_to_timeline_media?.edges ?? null,
    nodes: u.media?.nodes ?? null,
  };
}

/** Name of the user shape, for the snapshot's `source`. */
function userShapeName(u: UserShape): string {
  if (u.edge_followed_by) return 'graphql user';
  if (u.followed_by) return 'legacy ?__a=1 user';
  return 'user object';
}

/**
 * The logged-out web client (2026) keeps a post's counts one level down, in
 * `if_not_gated_logged_out` (the outer object has only the code): read the two as one node.
 */
function unwrapGated(value: unknown): unknown {
  if (!isObject(value) || !isObject(value.if_not_gated_logged_out)) return value;
  return { ...value, ...value.if_not_gated_logged_out };
}

/** Ids and lower-cased usernames in a `*_pinned_user_ids` list or a `pinned_for_users` list. */
function pinners(values: unknown[] | null | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    if (isObject(v)) {
      out.push(...idsOf(v.pk, v.id));
      if (typeof v.username === 'string' && v.username) out.push(v.username.toLowerCase());
    } else {
      out.push(...idsOf(v));
    }
  }
  return out;
}

export function postFromNode(value: unknown): MediaInfo | null {
  const parsed = MediaShape.safeParse(unwrapGated(value));
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
  const author = (n.user?.username || n.owner?.username || null)?.toLowerCase() ?? null;
  const authors = [n.user?.username, n.owner?.username, ...(n.coauthor_producers ?? []).map((c) => (isObject(c) && typeof c.username === 'string' ? c.username : null))]
    .filter((name): name is string => typeof name === 'string' && name.length > 0)
    .map((name) => name.toLowerCase());
  const node = unwrapGated(value);
  const content = mediaContent(node);
  return {
    author,
    authors,
    ids: idsOf(n.pk, typeof n.id === 'string' ? n.id.split('_')[0] : n.id),
    comments: nodeComments(node),
    ownerIds: idsOf(n.user?.pk, n.user?.id, n.owner?.pk, n.owner?.id),
    pinnedBy: [...pinners(n.timeline_pinned_user_ids), ...pinners(n.pinned_for_users)],
    reelsPinnedBy: pinners(n.clips_tab_pinned_user_ids),
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
      ...content,
    }),
  };
}

/** Whether the page carries any count of the post (a logged-out grid tile carries none). */
export function hasCounts(post: PostStats): boolean {
  return post.likes !== null || post.comments !== null || post.views !== null || post.likesHidden;
}
