/**
 * Everything the overlay, the popup and the `analyze` command show for one snapshot, computed
 * in one place so they always agree.
 */
import type { PostStats, Snapshot } from '../platforms/types';
import { benchmarkVerdict, type BenchmarkResult } from './benchmarks';
import {
  engagementPerPeriod,
  engagementRate,
  engagementRateByImpressions,
  engagementRateByReach,
  engagementRateByViews,
  viewsPerFollower,
  type PeriodEngagement,
  type RateResult,
} from './engagement';
import { validCount } from './counts';
import { priceGuidance, type PriceGuidance } from './pricing';
import { DEFAULT_TIER_SCHEME, nextTier, sizeClassFor, tierFor, type NextTier, type SizeClass, type TierBand, type TierScheme } from './tiers';

/** Rates and averages use the first 12 posts in page order: the "12 recent posts" of the UI. */
export const RECENT_POSTS = 12;

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
  perPeriod: PeriodEngagement;
  /** Mean over the recent posts that carry each count. */
  averages: Averages;
  tier: TierBand | null;
  sizeClass: SizeClass | null;
  benchmark: BenchmarkResult;
  price: PriceGuidance | null;
  next: NextTier | null;
}

export interface AnalysisOptions {
  scheme?: TierScheme;
  /** Unix seconds; defaults to the current time. */
  now?: number;
}

export function analyzeSnapshot(snapshot: Snapshot, opts: AnalysisOptions = {}): Analysis {
  const scheme = opts.scheme ?? DEFAULT_TIER_SCHEME;
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const followers = snapshot.followers;
  const posts = Array.isArray(snapshot.posts) ? snapshot.posts.slice(0, RECENT_POSTS) : [];
  const rateOpts = { minPosts: snapshot.kind === 'post' ? 1 : 2 };
  const engagement = engagementRate(followers, posts, rateOpts);
  return {
    engagement,
    byViews: engagementRateByViews(posts, rateOpts),
    byReach: engagementRateByReach(posts, rateOpts),
    byImpressions: engagementRateByImpressions(posts, rateOpts),
    viewsPerFollower: viewsPerFollower(followers, posts, rateOpts),
    perPeriod: engagementPerPeriod(followers, posts, now),
    averages: averagesOf(posts),
    tier: tierFor(followers, scheme),
    sizeClass: sizeClassFor(followers),
    benchmark: verdictFor(engagement, followers, scheme),
    price: priceGuidance(followers, engagement, scheme),
    next: nextTier(followers, scheme),
  };
}

/** Only a rate resting on enough posts earns a verdict; otherwise say why there is none. */
function verdictFor(engagement: RateResult, followers: number | null, scheme: TierScheme): BenchmarkResult {
  const result = benchmarkVerdict(engagement.sufficient ? engagement.mean : null, followers, scheme);
  if (engagement.sufficient || engagement.reason === null) return result;
  return { ...result, text: `no verdict — ${engagement.reason}` };
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
