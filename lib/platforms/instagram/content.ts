/**
 * What an Instagram post says, and what its comments say, from the media node itself.
 *
 * - Caption: `caption.text` (2023+, and the logged-out 2026 `xig_polaris_media`), a bare
 *   `caption` string (`?__a=1` 2017), `edge_media_to_caption.edges[].node.text` (graphql 2018–2022).
 * - Mentions: the caption's @mentions, then the tagged accounts (`usertags.in[].user`, graphql
 *   `edge_media_to_tagged_user`, and those of a carousel's items: `carousel_media[]`,
 *   `edge_sidecar_to_children`), the co-authors (`coauthor_producers`) and the brand partners
 *   (`sponsor_tags[].sponsor`, graphql `edge_media_to_sponsor_user`).
 * - Sponsored: the "Paid partnership" label — `is_paid_partnership`, or brand partners listed —
 *   true; `is_paid_partnership: false` without partners, false; neither, null (unknown).
 * - Comments of a post page: `edge_media_to_parent_comment` / `edge_media_to_comment` edges
 *   (graphql, with `edge_threaded_comments` replies), `comments_connection` (logged-out 2026),
 *   the `comments` / `preview_comments` lists of the mobile-style item; and the web client's own
 *   comment responses (`…__comments__connection`, `/api/v1/media/<id>/comments/`).
 */
import { parseCountDetailed } from '../../metrics/counts';
import { anyFlag, hashtagsIn, mentionsIn, uniqueHandles } from '../caption';
import { isObject } from '../page';
import { at, flagAt, listAt, textAt } from '../pick';
import type { PostComment, PostStats } from '../types';

type Content = Required<Pick<PostStats, 'caption' | 'mentions' | 'hashtags' | 'sponsored'>>;

/** The nodes of a connection's `edges` (`{edges: [{node}]}`). */
function nodesOf(value: unknown, key: string): unknown[] {
  return listAt(value, key, 'edges').map((e) => at(e, 'node'));
}

function captionOf(n: unknown): string | null {
  const caption = at(n, 'caption');
  if (typeof caption === 'string') return caption;
  const text = textAt(caption, 'text');
  if (text !== undefined) return text;
  const fromEdges = nodesOf(n, 'edge_media_to_caption').map((node) => textAt(node, 'text')).filter((t) => t !== undefined);
  return fromEdges.length > 0 ? fromEdges.join('\n') : null;
}

/** Accounts tagged on the post (or on one of its carousel items). */
function taggedOf(n: unknown, depth = 0): Array<string | undefined> {
  const out = [
    ...listAt(n, 'usertags', 'in').map((tag) => textAt(tag, 'user', 'username')),
    ...nodesOf(n, 'edge_media_to_tagged_user').map((node) => textAt(node, 'user', 'username')),
  ];
  if (depth === 0) for (const item of [...listAt(n, 'carousel_media'), ...nodesOf(n, 'edge_sidecar_to_children')]) out.push(...taggedOf(item, 1));
  return out;
}

function sponsorsOf(n: unknown): string[] {
  const names = [
    ...listAt(n, 'sponsor_tags').map((tag) => textAt(tag, 'sponsor', 'username') ?? textAt(tag, 'username')),
    ...nodesOf(n, 'edge_media_to_sponsor_user').map((node) => textAt(node, 'sponsor', 'username')),
  ];
  return names.filter((u): u is string => !!u);
}

export function mediaContent(n: unknown): Content | null {
  if (!isObject(n)) return null;
  const caption = captionOf(n);
  const sponsors = sponsorsOf(n);
  const coauthors = listAt(n, 'coauthor_producers').map((c) => textAt(c, 'username'));
  return {
    caption,
    mentions: uniqueHandles([...mentionsIn(caption, 'instagram'), ...taggedOf(n), ...coauthors, ...sponsors]),
    hashtags: hashtagsIn(caption),
    sponsored: anyFlag(flagAt(n, 'is_paid_partnership'), sponsors.length > 0 ? true : undefined),
  };
}

// ---------------------------------------------------------------------------------------------
// Comments

export interface InstagramComment {
  id: string | null;
  text: string;
  author: string | null;
  likes: number | null;
}

/** A comment and its replies (one level), in page order. */
function commentsFrom(c: unknown, out: InstagramComment[], depth: number): void {
  const text = textAt(c, 'text');
  if (text === undefined || out.length >= 1000) return;
  const id = at(c, 'pk') ?? at(c, 'id');
  const likes = at(c, 'comment_like_count') ?? at(c, 'edge_liked_by', 'count');
  out.push({
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
    text,
    author: textAt(c, 'user', 'username') ?? textAt(c, 'owner', 'username') ?? null,
    likes: typeof likes === 'number' ? (parseCountDetailed(likes)?.value ?? null) : null,
  });
  if (depth > 0) return;
  for (const reply of [...nodesOf(c, 'edge_threaded_comments'), ...listAt(c, 'preview_child_comments'), ...listAt(c, 'child_comments')]) {
    commentsFrom(reply, out, depth + 1);
  }
}

/** The comments of a list of comment nodes (or of edges around them). */
export function commentList(items: readonly unknown[]): InstagramComment[] {
  const out: InstagramComment[] = [];
  for (const item of items.slice(0, 1000)) commentsFrom(isObject(item) && isObject(item.node) ? item.node : item, out, 0);
  return out;
}

/** The comments the media node itself carries; null when it carries no comment list at all. */
export function nodeComments(n: unknown): InstagramComment[] | null {
  // The first list present is the page's comment list (the parent-comment edges hold every
  // comment with its replies; the previews are a part of it).
  const lists = [
    at(n, 'edge_media_to_parent_comment', 'edges'),
    at(n, 'edge_media_to_comment', 'edges'),
    at(n, 'comments_connection', 'edges'),
    at(n, 'comments'),
    at(n, 'preview_comments'),
    at(n, 'edge_media_preview_comment', 'edges'),
  ];
  const first = lists.find((l) => Array.isArray(l));
  return Array.isArray(first) ? commentList(first) : null;
}

/** The page's comments as the snapshot lists them: each once, the creator's marked. */
export function toPostComments(list: readonly InstagramComment[], author: string | null): PostComment[] {
  const seen = new Set<string>();
  const out: PostComment[] = [];
  for (const c of list) {
    if (c.id !== null && seen.has(c.id)) continue;
    if (c.id !== null) seen.add(c.id);
    out.push({ text: c.text, author: c.author, byCreator: author !== null && c.author?.toLowerCase() === author, likes: c.likes });
  }
  return out;
}
