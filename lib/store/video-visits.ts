/**
 * Videos and posts the user has opened, remembered so that a page whose list carries no likes or
 * comments — a YouTube channel (views only), an Instagram profile read logged out (no counts on
 * the grid) — can show the engagement of the ones the user has seen.
 */
import * as z from 'zod/mini';
import type { IDBPDatabase } from 'idb';
import { engagementRate, engagementRateByViews, type RateResult } from '../metrics/engagement';
import { emptyPost, type Snapshot } from '../platforms/types';
import type { LensDB } from './db';

const count = z.nullable(z.number().check(z.gte(0), z.lte(1e15)));

export const VideoVisitSchema = z.object({
  platform: z.enum(['instagram', 'youtube', 'tiktok', 'x']),
  postId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The channel's handle, lower-cased: how a channel page finds its videos. */
  channelKey: z.string().check(z.minLength(1), z.maxLength(200)),
  likes: count,
  comments: count,
  views: count,
  /** The owner's subscribers when the video was seen. */
  followers: count,
  /** Unix seconds of the latest visit. */
  seenAt: z.number().check(z.gte(0)),
});
export type VideoVisit = z.infer<typeof VideoVisitSchema>;

/** The platforms whose opened posts are remembered (see above). */
export const VISITED_PLATFORMS: ReadonlyArray<Snapshot['platform']> = ['youtube', 'instagram'];

/** Keep at most this many videos per channel (the most recently seen). */
export const MAX_VISITS_PER_CHANNEL = 50;

export function channelKey(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** The visit a single-video snapshot makes, or null when it is not one (or its channel is unknown). */
export function visitFromSnapshot(snapshot: Snapshot, seenAt: number): VideoVisit | null {
  if (snapshot.kind !== 'post' || snapshot.state !== 'ok' || !snapshot.handle) return null;
  const post = snapshot.posts[0];
  if (!post?.id) return null;
  const parsed = VideoVisitSchema.safeParse({
    platform: snapshot.platform,
    postId: post.id,
    channelKey: channelKey(snapshot.handle),
    likes: post.likes,
    comments: post.comments,
    views: post.views,
    followers: snapshot.followers,
    seenAt,
  });
  return parsed.success ? parsed.data : null;
}

export async function recordVisit(db: IDBPDatabase<LensDB>, visit: VideoVisit): Promise<void> {
  const tx = db.transaction('videoVisits', 'readwrite');
  await tx.store.put(VideoVisitSchema.parse(visit));
  const index = tx.store.index('byChannel');
  const all = await index.getAll([visit.platform, visit.channelKey]);
  if (all.length > MAX_VISITS_PER_CHANNEL) {
    const oldest = all.sort((a, b) => a.seenAt - b.seenAt).slice(0, all.length - MAX_VISITS_PER_CHANNEL);
    for (const v of oldest) await tx.store.delete([v.platform, v.postId]);
  }
  await tx.done;
}

/** The channel's visited videos, newest first; records that no longer parse are skipped. */
export async function visitsOf(db: IDBPDatabase<LensDB>, platform: Snapshot['platform'], handle: string): Promise<VideoVisit[]> {
  const rows = await db.getAllFromIndex('videoVisits', 'byChannel', [platform, channelKey(handle)]);
  return rows
    .map((r) => VideoVisitSchema.safeParse(r))
    .flatMap((r) => (r.success ? [r.data] : []))
    .sort((a, b) => b.seenAt - a.seenAt);
}

export interface VisitedRates {
  videos: number;
  /** (likes + comments) ÷ the channel's subscribers, per video. */
  perSubscriber: RateResult;
  /** (likes + comments) ÷ views, per video. */
  perView: RateResult;
}

const percent = z.nullable(z.number().check(z.gte(0), z.lte(1e9)));
const RateResultSchema = z.object({
  basis: z.enum(['followers', 'views', 'reach', 'impressions']),
  mean: percent,
  median: percent,
  used: z.number().check(z.gte(0)),
  excluded: z.number().check(z.gte(0)),
  sufficient: z.boolean(),
  reason: z.nullable(z.string().check(z.maxLength(1000))),
});

/** The background's answer to "rates of this channel's videos the user opened" (a message). */
export const VisitedRatesSchema = z.nullable(
  z.object({ videos: z.number().check(z.gte(0)), perSubscriber: RateResultSchema, perView: RateResultSchema }),
);

/** Rates of the videos seen, against the channel's current subscriber count. */
export function visitedRates(visits: VideoVisit[], subscribers: number | null): VisitedRates {
  const posts = visits.map((v) => emptyPost({ id: v.postId, likes: v.likes, comments: v.comments, views: v.views }));
  return {
    videos: visits.length,
    perSubscriber: engagementRate(subscribers, posts, { minPosts: 1 }),
    perView: engagementRateByViews(posts, { minPosts: 1 }),
  };
}
