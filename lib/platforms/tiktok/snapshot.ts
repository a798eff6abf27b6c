/** Pieces of a snapshot shared by the profile and the video readers. */
import { emptySnapshot, type PageData, type PostStats, type Snapshot } from '../types';
import type { Account, Origin, Video } from './blocks';
import type { Gathered } from './gather';

export const ORIGIN_RANK: Record<Origin, number> = { user: 2, author: 1, meta: 0 };

/**
 * The account to show: a user object over author stats copied into videos, exact over rounded
 * followers, then the newest. Missing fields are filled from the other candidates.
 */
export function bestAccount(candidates: Account[]): Account | null {
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(b.followers !== null) - Number(a.followers !== null) ||
      ORIGIN_RANK[b.origin] - ORIGIN_RANK[a.origin] ||
      Number(b.followers?.exact ?? false) - Number(a.followers?.exact ?? false) ||
      b.seq - a.seq,
  );
  const [best, ...rest] = ranked;
  if (!best) return null;
  const filled = { ...best };
  for (const other of rest) {
    filled.displayName ??= other.displayName;
    filled.bio ??= other.bio;
    filled.verified ??= other.verified;
    filled.isPrivate ??= other.isPrivate;
    if (other.origin === best.origin) {
      filled.following ??= other.following;
      filled.videos ??= other.videos;
      filled.hearts ??= other.hearts;
    }
  }
  return filled;
}

/** Posts by id in first-seen (page) order; newer data overwrites counts it knows. */
export function mergePosts(videos: Video[]): PostStats[] {
  const byId = new Map<string, PostStats>();
  for (const { post } of videos) {
    const id = post.id ?? '';
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, { ...post });
      continue;
    }
    for (const key of ['url', 'likes', 'comments', 'views', 'shares', 'takenAt'] as const) {
      if (post[key] !== null) Object.assign(seen, { [key]: post[key] });
    }
    // The caption and the tags read from it go together; the flag on its own.
    if (post.caption != null) Object.assign(seen, { caption: post.caption, mentions: post.mentions, hashtags: post.hashtags });
    if (post.sponsored != null) seen.sponsored = post.sponsored;
    if (post.pinned === true) seen.pinned = true;
  }
  return [...byId.values()];
}

export function baseSnapshot(data: PageData, kind: 'profile' | 'post', handle: string | null): Snapshot {
  return emptySnapshot({ platform: 'tiktok', kind, url: data.url, handle });
}

export function withAccount(snap: Snapshot, acc: Account | null): Snapshot {
  if (!acc) return snap;
  return {
    ...snap,
    handle: acc.handle ?? snap.handle,
    displayName: acc.displayName,
    followers: acc.followers?.value ?? null,
    followersExact: acc.followers?.exact ?? false,
    following: acc.following,
    postsCount: acc.videos,
    totalLikes: acc.hearts,
    bio: acc.bio,
    isPrivate: acc.isPrivate,
    isVerified: acc.verified,
  };
}

export function countsSource(acc: Account): string {
  if (!acc.followers) return acc.source;
  return `${acc.source} (${acc.followers.exact ? 'exact counts' : 'rounded counts'})`;
}

/** Why nothing matched: TikTok refused, a layout we do not know, or data not loaded yet. */
export function notFound(snap: Snapshot, g: Gathered, what: string): Snapshot {
  if (g.blocks > 0 && g.known === 0) {
    return { ...snap, state: 'unknown-layout', notes: ['This page carries TikTok data in a layout this version does not read.'] };
  }
  const notes = [`No data for ${what} in the page yet; it appears once TikTok loads it.`];
  if (g.facts.refusals.length > 0) notes.push(`TikTok answered status ${g.facts.refusals.join(', ')}: ${what} may not exist or be unavailable.`);
  return { ...snap, state: 'loading', notes };
}
