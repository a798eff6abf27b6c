/**
 * The limits of a snapshot's fields (the schema in ../schema.ts checks the same numbers) and the
 * one step every reader's output goes through to keep them: a page can carry a 10,000-character
 * display name or a count of 1e300, and the card must still show — with the name shortened —
 * rather than fail its schema and show nothing.
 */
import type { PlatformReader, PostComment, PostStats, Snapshot } from './types';

export const SNAPSHOT_LIMITS = {
  url: 4000,
  handle: 200,
  displayName: 500,
  bio: 5000,
  source: 500,
  note: 1000,
  notes: 50,
  posts: 500,
  postId: 200,
  postUrl: 2000,
  /** The largest count kept; larger (or negative, or not finite) reads as unknown. */
  count: 1e15,
  /** A post's caption (Instagram's own maximum; a longer description or post is cut). */
  caption: 2200,
  /** Mentions and hashtags of one post: at most 30 of each (Instagram's own hashtag limit) … */
  tags: 30,
  /** … of at most 100 characters each (a longer "handle" is no handle and is dropped; a longer hashtag is cut). */
  tag: 100,
  /** Comments of a post page: the first 200 the page loaded … */
  comments: 200,
  /** … each cut to 500 characters. */
  comment: 500,
  commentAuthor: 200,
} as const;

const ELLIPSIS = '…';

/**
 * `text` cut to at most `max` UTF-16 units, ending in "…" when cut, never splitting a surrogate
 * pair.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}

function clipOrNull(text: string | null, max: number): string | null {
  return text === null ? null : clipText(text, max);
}

/** A count as the schema accepts it: finite, 0 … 1e15, else unknown. */
export function fitCount(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && value >= 0 && value <= SNAPSHOT_LIMITS.count ? value : null;
}

/** Mentions: handles longer than the limit are not handles (dropped); at most `tags` kept. */
function fitMentions(list: string[]): string[] {
  return list.filter((m) => m.length > 0 && m.length <= SNAPSHOT_LIMITS.tag).slice(0, SNAPSHOT_LIMITS.tags);
}

function fitHashtags(list: string[]): string[] {
  return list.slice(0, SNAPSHOT_LIMITS.tags).map((h) => clipText(h, SNAPSHOT_LIMITS.tag));
}

/** The optional content fields, cut to their limits; absent ones stay absent. */
function fitContent(post: PostStats): Partial<PostStats> {
  const out: Partial<PostStats> = {};
  if (post.caption !== undefined) out.caption = clipOrNull(post.caption, SNAPSHOT_LIMITS.caption);
  if (post.mentions !== undefined) out.mentions = fitMentions(post.mentions);
  if (post.hashtags !== undefined) out.hashtags = fitHashtags(post.hashtags);
  return out;
}

function fitComment(comment: PostComment): PostComment {
  return {
    text: clipText(comment.text, SNAPSHOT_LIMITS.comment),
    author: clipOrNull(comment.author, SNAPSHOT_LIMITS.commentAuthor),
    byCreator: comment.byCreator,
    likes: fitCount(comment.likes),
  };
}

function fitPost(post: PostStats): PostStats {
  return {
    ...post,
    ...fitContent(post),
    id: clipOrNull(post.id, SNAPSHOT_LIMITS.postId),
    url: post.url !== null && post.url.length > SNAPSHOT_LIMITS.postUrl ? null : post.url,
    likes: fitCount(post.likes),
    comments: fitCount(post.comments),
    views: fitCount(post.views),
    shares: fitCount(post.shares),
    reach: fitCount(post.reach),
    impressions: fitCount(post.impressions),
    takenAt: fitCount(post.takenAt),
  };
}

/**
 * The snapshot with every text cut to its limit and every count the schema would refuse made
 * unknown. A URL too long to keep whole is dropped rather than cut (a cut URL is a wrong link).
 */
export function fitSnapshot(snapshot: Snapshot): Snapshot {
  const L = SNAPSHOT_LIMITS;
  const notes = snapshot.notes.slice(0, L.notes).map((n) => clipText(n, L.note));
  return {
    ...snapshot,
    url: clipText(snapshot.url, L.url),
    handle: clipOrNull(snapshot.handle, L.handle),
    displayName: clipOrNull(snapshot.displayName, L.displayName),
    bio: clipOrNull(snapshot.bio, L.bio),
    source: clipText(snapshot.source, L.source),
    followers: fitCount(snapshot.followers),
    following: fitCount(snapshot.following),
    postsCount: fitCount(snapshot.postsCount),
    totalLikes: fitCount(snapshot.totalLikes),
    posts: snapshot.posts.slice(0, L.posts).map(fitPost),
    notes,
    ...(snapshot.comments !== undefined ? { comments: snapshot.comments.slice(0, L.comments).map(fitComment) } : {}),
  };
}

/** A reader whose every snapshot goes through {@link fitSnapshot}. */
export function defineReader(reader: PlatformReader): PlatformReader {
  const read = reader.read;
  return {
    ...reader,
    read(data) {
      const snapshot = read(data);
      return snapshot && fitSnapshot(snapshot);
    },
  };
}
