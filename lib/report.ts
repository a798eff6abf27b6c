/**
 * The `analyze` command's output: one stable JSON object per page, which users attach to bug
 * reports. Field meanings are documented in README.md ("What the numbers mean").
 */
import type { Analysis } from './metrics/analysis';
import type { Platform, Snapshot } from './platforms/types';
import type { SizeClass } from './metrics/tiers';
import { isYoutubeChannelId } from './platforms/profile-url';

export interface ReportPost {
  id: string | null;
  likes: number | null;
  comments: number | null;
  views: number | null;
  shares: number | null;
  /** Present (true) only on a post the account pinned; see README ("`analyze`"). */
  pinned?: true;
}

export interface Report {
  platform: Platform;
  kind: 'profile' | 'post' | 'posts';
  /** The @handle without @ (for a post, its author's); null when the page carries none. */
  handle: string | null;
  followers: number | null;
  posts: ReportPost[];
  /** Percent: mean over the recent posts of (likes + comments) / followers × 100. */
  engagementRate: number | null;
  tier: { rank: number; name: string; pricePerPost: number } | null;
  sizeClass: SizeClass | null;
  source: string;
}

/** Round to 4 decimals so the output is stable across platforms' float quirks. */
function round4(n: number | null): number | null {
  return n === null ? null : Math.round(n * 1e4) / 1e4;
}

export function toReport(snapshot: Snapshot, analysis: Analysis): Report {
  return {
    platform: snapshot.platform,
    kind: snapshot.kind,
    handle: reportHandle(snapshot),
    followers: snapshot.followers,
    posts: snapshot.posts.map((p) => ({
      id: p.id,
      likes: p.likes,
      comments: p.comments,
      views: p.views,
      shares: p.shares,
      ...(p.pinned === true ? { pinned: true as const } : {}),
    })),
    engagementRate: round4(analysis.engagement.mean),
    tier: analysis.tier ? { rank: analysis.tier.rank, name: analysis.tier.name, pricePerPost: analysis.tier.pricePerPost } : null,
    sizeClass: analysis.sizeClass,
    source: snapshot.source,
  };
}

/**
 * The snapshot's handle is the creator's key; a YouTube channel without an @handle is keyed by
 * its channel id (`UC…`), which is not a handle: the report says null, as for any page that
 * names no @handle.
 */
function reportHandle(snapshot: Snapshot): string | null {
  const handle = snapshot.handle;
  return snapshot.platform === 'youtube' && handle !== null && isYoutubeChannelId(handle) ? null : handle;
}
