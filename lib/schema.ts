/**
 * zod schemas for the snapshot the content script hands to the popup, the card and the background. (The
 * MAIN-world page-data messages have their own small module, ./page-data-message.ts, so the
 * content scripts do not carry these schemas.)
 */
import * as z from 'zod/mini';
import type { Snapshot } from './platforms/types';
import { SNAPSHOT_LIMITS as L } from './platforms/fit';

/** A count: a finite, non-negative number, or null for unknown. */
const count = z.nullable(z.number().check(z.gte(0), z.lte(L.count)));
const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));
/** Mentions or hashtags of one post. */
const tagList = z.array(z.string().check(z.maxLength(L.tag))).check(z.maxLength(L.tags));

export const PlatformSchema = z.enum(['instagram', 'youtube', 'tiktok', 'x']);

export const PostStatsSchema = z.object({
  id: text(L.postId),
  url: text(L.postUrl),
  likes: count,
  comments: count,
  views: count,
  shares: count,
  reach: count,
  impressions: count,
  takenAt: count,
  likesHidden: z.boolean(),
  /** The account pinned this post (see lib/metrics/recent.ts for when it counts). */
  pinned: z.optional(z.boolean()),
  /** What the post says (see lib/metrics/content.ts): caption, mentions, hashtags, the platform's sponsored flag. */
  caption: z.optional(text(L.caption)),
  mentions: z.optional(tagList),
  hashtags: z.optional(tagList),
  sponsored: z.optional(z.nullable(z.boolean())),
});

export const PostCommentSchema = z.object({
  text: z.string().check(z.maxLength(L.comment)),
  author: text(L.commentAuthor),
  byCreator: z.boolean(),
  likes: count,
});

export const SnapshotSchema = z.object({
  platform: PlatformSchema,
  kind: z.enum(['profile', 'post', 'posts']),
  state: z.enum(['ok', 'private', 'empty', 'loading', 'unknown-layout']),
  url: z.string().check(z.maxLength(L.url)),
  handle: text(L.handle),
  displayName: text(L.displayName),
  followers: count,
  followersExact: z.boolean(),
  following: count,
  postsCount: count,
  totalLikes: count,
  bio: text(L.bio),
  isPrivate: z.nullable(z.boolean()),
  isVerified: z.nullable(z.boolean()),
  posts: z.array(PostStatsSchema).check(z.maxLength(L.posts)),
  source: z.string().check(z.maxLength(L.source)),
  notes: z.array(z.string().check(z.maxLength(L.note))).check(z.maxLength(L.notes)),
  /** A post page's loaded comments (absent: the page carries no comment list). */
  comments: z.optional(z.array(PostCommentSchema).check(z.maxLength(L.comments))),
});

// Keep the schema and the reader contract in step: this fails to compile if they drift apart.
type _SnapshotMatches = [z.infer<typeof SnapshotSchema>] extends [Snapshot]
  ? [Snapshot] extends [z.infer<typeof SnapshotSchema>]
    ? true
    : never
  : never;
export const snapshotSchemaMatches: _SnapshotMatches = true;

/** What the content script tells the popup about the page on screen. */
export const LensStateSchema = z.object({
  pageUrl: z.string().check(z.maxLength(8000)),
  platform: PlatformSchema,
  /** Set when the page is a profile or post page. */
  snapshot: z.nullable(SnapshotSchema),
});
export type LensState = z.infer<typeof LensStateSchema>;
