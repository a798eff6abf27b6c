/**
 * Which posts the rates are of: the recent posts, and the pinned rule — the one place it lives.
 *
 * Accounts pin posts to the top of their grid or timeline (Instagram, TikTok, X), and what they
 * pin is often an old hit: counted as a recent post, one pinned post with 800K likes can triple
 * a rate. The rule, the same on every platform:
 * - a pinned post OLDER than the oldest unpinned post shown (of the recent posts the rates use)
 *   is listed but left out of the rates;
 * - a pinned post within that span counts like any other post;
 * - when either date is unknown, or no unpinned post is shown, nothing says the pinned post is
 *   older: it counts.
 *
 * Readers only mark posts (`PostStats.pinned`) and date them (`takenAt`); the decision is made
 * here from those two facts, so a reader's notes and the card's rates can never disagree.
 */
import type { PostStats } from '../platforms/types';
import { validCount } from './counts';

/** Rates and averages use the first 12 posts in page order: the "12 recent posts" of the UI. */
export const RECENT_POSTS = 12;

export interface RecentPosts {
  /** The posts the rates are of: page order, pinned posts left out as above, at most `limit`. */
  posts: PostStats[];
  /** Pinned posts listed on the page but left out of the rates (older than the recent posts). */
  pinnedLeftOut: PostStats[];
}

/** Whether a post is marked pinned by its reader. */
export function isPinned(post: PostStats): boolean {
  return post.pinned === true;
}

/** The recent posts of a page's list, and the pinned posts left out of them. Never throws. */
export function recentPosts(posts: readonly PostStats[], limit: number = RECENT_POSTS): RecentPosts {
  const list = Array.isArray(posts) ? posts.filter((p): p is PostStats => typeof p === 'object' && p !== null) : [];
  const shown = list.filter((p) => !isPinned(p)).slice(0, limit);
  let oldest: number | null = null;
  for (const p of shown) {
    const t = validCount(p.takenAt);
    if (t !== null && (oldest === null || t < oldest)) oldest = t;
  }
  const leftOut = (p: PostStats): boolean => {
    if (!isPinned(p) || oldest === null) return false;
    const t = validCount(p.takenAt);
    return t !== null && t < oldest;
  };
  return {
    posts: list.filter((p) => !leftOut(p)).slice(0, limit),
    pinnedLeftOut: list.filter(leftOut),
  };
}

/** "2 pinned posts left out: …", for a reader's notes; null when none is left out. */
export function pinnedNote(posts: readonly PostStats[], noun = 'post'): string | null {
  const n = recentPosts(posts).pinnedLeftOut.length;
  if (n === 0) return null;
  const s = n === 1 ? '' : 's';
  return `${n} pinned ${noun}${s} left out: pinned ${noun}s older than the recent ones are highlights, not recent posts.`;
}
