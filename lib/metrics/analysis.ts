/**
 * Everything the overlay, the popup and the `analyze` command show for one snapshot, computed
 * in one place so they always agree.
 */
import type { PostStats, Snapshot } from '../platforms/types';
import { benchmarkFor, type BenchmarkOutcome } from './benchmarks';
import {
  engagementPerPeriod,
  engagementRate,
  engagementRateByImpressions,
  engagementRateByReach,
  engagementRateByViews,
  likeRateByViews,
  viewsPerFollower,
  type PeriodEngagement,
  type RateResult,
} from './engagement';
import { validCount } from './counts';
import { RECENT_POSTS, recentPosts } from './recent';
import { priceGuidance, type PriceGuidance } from './pricing';
import { audienceSignals, type AudienceSignal } from './signals';
import { analyzeContent, type ContentAnalysis } from './content';
import type { SnapshotPoint } from '../store/history';
import { DEFAULT_TIER_SCHEME, nextTier, sizeClassFor, tierFor, type NextTier, type SizeClass, type TierBand, type TierScheme } from './tiers';

/** Rates and averages use the first 12 posts in page order: the "12 recent posts" of the UI. */
export { RECENT_POSTS };

export interface Averages {
  likes: number | null;
  comments: number | null;
  views: number | null;
  shares: number | null;
}

export interface Analysis {
  /** Per follower; minPosts 1 on a single-post page, else 2. */
  engagement: RateResult;
  byViews: RateResult;
  byReach: RateResult;
  byImpressions: RateResult;
  viewsPerFollower: RateResult;
  /** Likes ÷ views × 100: known where comments are not (a watch page with no comment count). */
  likeRate: RateResult;
  perPeriod: PeriodEngagement;
  /** Mean over the recent posts that carry each count. */
  averages: Averages;
  /**
   * Pinned posts the page lists but the rates and averages leave out, being older than the
   * recent posts (see ./recent.ts); 0 when none. The posts themselves carry `pinned: true`.
   */
  pinnedLeftOut: number;
  tier: TierBand | null;
  sizeClass: SizeClass | null;
  /**
   * The rate on the platform's own basis against its published figures for the audience size
   * (./benchmarks.ts), or no verdict and why.
   */
  benchmark: BenchmarkOutcome;
  price: PriceGuidance | null;
  next: NextTier | null;
  /**
   * Audience signals (./signals.ts), in their stable order. The growth signals need the visit
   * history: without `history` in the options they are unknown and say why.
   */
  signals: AudienceSignal[];
  /**
   * What the posts say (./content.ts): sponsored posts and their performance, brands worked with,
   * disclosures to check, and a post page's comments; null when the page carries no caption, tag
   * or flag of a recent post and no comments.
   */
  content: ContentAnalysis | null;
}

export interface AnalysisOptions {
  scheme?: TierScheme;
  /** Unix seconds; defaults to the current time. */
  now?: number;
  /**
   * The profile's dated visits (lib/store/history.ts) for the growth signals. The card, which gets
   * the history after the analysis, calls `audienceSignals(snapshot, analysis, { history, now })`.
   */
  history?: readonly SnapshotPoint[] | null;
}

export function analyzeSnapshot(snapshot: Snapshot, opts: AnalysisOptions = {}): Analysis {
  const scheme = opts.scheme ?? DEFAULT_TIER_SCHEME;
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const followers = snapshot.followers;
  const recent = recentPosts(Array.isArray(snapshot.posts) ? snapshot.posts : []);
  const posts = recent.posts;
  const rateOpts = { minPosts: snapshot.kind === 'post' ? 1 : 2 };
  const engagement = engagementRate(followers, posts, rateOpts);
  const benchmark = benchmarkFor(snapshot.platform, followers, posts, rateOpts);
  return {
    engagement,
    byViews: engagementRateByViews(posts, rateOpts),
    byReach: engagementRateByReach(posts, rateOpts),
    byImpressions: engagementRateByImpressions(posts, rateOpts),
    viewsPerFollower: viewsPerFollower(followers, posts, rateOpts),
    likeRate: likeRateByViews(posts, rateOpts),
    perPeriod: engagementPerPeriod(followers, posts, now),
    averages: averagesOf(posts),
    pinnedLeftOut: recent.pinnedLeftOut.length,
    tier: tierFor(followers, scheme),
    sizeClass: sizeClassFor(followers),
    benchmark,
    price: priceGuidance(followers, benchmark, scheme),
    next: nextTier(followers, snapshot.platform, scheme),
    signals: audienceSignals(snapshot, { viewsPerFollower: viewsPerFollower(followers, posts, rateOpts) }, { history: opts.history, now }),
    content: analyzeContent(snapshot),
  };
}

function averagesOf(posts: PostStats[]): Averages {
  return {
    likes: meanOf(posts.map((p) => (p.likesHidden ? null : p.likes))),
    comments: meanOf(posts.map((p) => p.comments)),
    views: meanOf(posts.map((p) => p.views)),
    shares: meanOf(posts.map((p) => p.shares)),
  };
}

function meanOf(values: Array<number | null>): number | null {
  const known = values.map(validCount).filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  const mean = known.reduce((sum, v) => sum + v, 0) / known.length;
  return Number.isFinite(mean) ? mean : null;
}
