/**
 * Everything the overlay, the popup and the `analyze` command show for one snapshot, computed
 * in one place so they always agree.
 */
import { PLATFORM_LABELS, type Platform, type PostStats, type Snapshot } from '../platforms/types';
import { formatMoney } from './format';
import { benchmarkVerdict, type BenchmarkResult } from './benchmarks';
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
  const recent = recentPosts(Array.isArray(snapshot.posts) ? snapshot.posts : []);
  const posts = recent.posts;
  const rateOpts = { minPosts: snapshot.kind === 'post' ? 1 : 2 };
  const engagement = engagementRate(followers, posts, rateOpts);
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
    benchmark: labelled(verdictFor(engagement, followers, scheme), snapshot.platform),
    price: priceFor(followers, engagement, scheme, snapshot.platform),
    next: nextTier(followers, scheme),
  };
}

/** Only a rate resting on enough posts earns a verdict; otherwise say why there is none. */
function verdictFor(engagement: RateResult, followers: number | null, scheme: TierScheme): BenchmarkResult {
  const result = benchmarkVerdict(engagement.sufficient ? engagement.mean : null, followers, scheme);
  if (engagement.sufficient || engagement.reason === null) return result;
  return { ...result, text: `no verdict — ${engagement.reason}` };
}

/**
 * The published figures by audience size are Instagram's (Markerly, AdWeek). On the other
 * platforms the verdict still compares with them — and says so — but the rate does not move the
 * price: an X or YouTube rate per follower is not on Instagram's scale.
 */
function labelled(result: BenchmarkResult, platform: Platform): BenchmarkResult {
  if (platform === 'instagram' || result.verdict === null) return result;
  return { ...result, text: `${result.text} · Instagram figures` };
}

function priceFor(followers: number | null, engagement: RateResult, scheme: TierScheme, platform: Platform): PriceGuidance | null {
  const price = priceGuidance(followers, platform === 'instagram' ? engagement : null, scheme);
  if (!price || platform === 'instagram' || engagement.mean === null) return price;
  const tier = tierFor(followers, scheme);
  const reason = `Tier ${tier?.rank ?? '?'} price ${formatMoney(price.base, scheme.currency)} ±10 %: the typical rates by audience size are Instagram's, so the ${PLATFORM_LABELS[platform]} rate does not move the price.`;
  return { ...price, reason };
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
