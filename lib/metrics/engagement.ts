/**
 * Engagement rates from a list of posts.
 *
 * Per post: (likes + comments) / denominator × 100, where the denominator is the account's
 * followers, or the post's own views, reach or impressions. A profile's rate is the mean of its
 * posts' rates (the median is given too, since one viral post can pull the mean far up).
 *
 * Posts whose likes are hidden or missing, or whose comment count is missing, are left out rather
 * than counted as zero: a zero would drag the rate down for a number the page simply did not
 * show. Every left-out post is counted and explained in `reason`.
 */
import type { PostStats } from '../platforms/types';
import { validCount } from './counts';

export type RateBasis = 'followers' | 'views' | 'reach' | 'impressions';

export interface RateResult {
  basis: RateBasis;
  /** Percent; null when nothing could be computed. */
  mean: number | null;
  median: number | null;
  /** Posts that counted. */
  used: number;
  /** Posts left out (hidden/missing counts, zero or unknown denominator). */
  excluded: number;
  /** False → the UI shows "not enough data" (the numbers, if any, rest on too few posts). */
  sufficient: boolean;
  /** Plain-language reason when !sufficient or some posts were left out. */
  reason: string | null;
}

export interface RateOptions {
  /** Usable posts needed for a trustworthy rate: 2 for a profile (default), 1 for a single post. */
  minPosts?: number;
}

export interface PeriodEngagement {
  /** Percent of followers engaging per day over the window of the dated posts. */
  perDay: number | null;
  perMonth: number | null;
  /** Length of the window in days (oldest post … now, at least 1), rounded to 0.1. */
  days: number | null;
  reason: string | null;
}

/** Average month length in days (365.25 / 12). */
const DAYS_PER_MONTH = 30.4375;
const SECONDS_PER_DAY = 86_400;

/** Why a post was left out, worded to follow "N with …" in reasons. */
type Skip = string;

/** A post's rate, or why it has none. */
type PostRate = { rate: number } | { skip: Skip };

/** likes + comments of a post, or why they are unknown. */
function engagements(post: PostStats): number | Skip {
  const likes = validCount(post.likes);
  if (likes === null || post.likesHidden === true) return 'hidden or missing likes';
  const comments = validCount(post.comments);
  if (comments === null) return 'no comment count (comments unknown)';
  return likes + comments;
}

/** A post's own denominator (views, reach, impressions), or why it cannot divide. */
function ownDenominator(value: number | null, name: string): number | Skip {
  const n = validCount(value);
  return n === null ? `no ${name} count` : n === 0 ? `0 ${name}` : n;
}

function ratePerPost(post: PostStats, denominator: number | Skip): PostRate {
  const engaged = engagements(post);
  if (typeof engaged === 'string') return { skip: engaged };
  if (typeof denominator === 'string') return { skip: denominator };
  return { rate: (engaged / denominator) * 100 };
}

/** Followers as a denominator, or the reason it is unusable. */
function audienceOf(followers: number | null): number | Skip {
  const n = validCount(followers);
  return n === null ? 'followers unknown' : n === 0 ? 'the account has 0 followers' : n;
}

export function engagementRate(followers: number | null, posts: PostStats[], opts?: RateOptions): RateResult {
  const audience = audienceOf(followers);
  const list = postList(posts);
  if (typeof audience === 'string') return emptyResult('followers', list.length, `not enough data: ${audience}`);
  return summarize('followers', list.map((p) => ratePerPost(p, audience)), opts);
}

export function engagementRateByViews(posts: PostStats[], opts?: RateOptions): RateResult {
  return summarize('views', postList(posts).map((p) => ratePerPost(p, ownDenominator(p.views, 'views'))), opts);
}

export function engagementRateByReach(posts: PostStats[], opts?: RateOptions): RateResult {
  return summarize('reach', postList(posts).map((p) => ratePerPost(p, ownDenominator(p.reach, 'reach'))), opts);
}

export function engagementRateByImpressions(posts: PostStats[], opts?: RateOptions): RateResult {
  const rates = postList(posts).map((p) => ratePerPost(p, ownDenominator(p.impressions, 'impressions')));
  return summarize('impressions', rates, opts);
}

/** An interaction a published rate counts. */
export type Interaction = 'likes' | 'comments' | 'shares';

/**
 * How a publisher defined its rate: which interactions it sums, over what. The benchmarks
 * (./benchmarks.ts) compare a creator's rate computed the way the publisher computed theirs.
 */
export interface RateDefinition {
  counts: readonly Interaction[];
  per: 'followers' | 'views' | 'impressions';
}

const INTERACTION_SKIPS: Record<Interaction, Skip> = {
  likes: 'hidden or missing likes',
  comments: 'no comment count (comments unknown)',
  shares: 'no share count',
};

/** The sum of the counted interactions of a post, or why one of them is unknown. */
function interactionsOf(post: PostStats, counts: readonly Interaction[]): number | Skip {
  let total = 0;
  for (const what of counts) {
    const n = validCount(post[what]);
    if (n === null || (what === 'likes' && post.likesHidden === true)) return INTERACTION_SKIPS[what];
    total += n;
  }
  return total;
}

/**
 * The mean over the posts of (the counted interactions) ÷ (followers, or the post's own views or
 * impressions) × 100, with the same rules as the rates above: a post missing any count it needs
 * is left out and counted as left out. `{ counts: ['likes', 'comments'], per: 'followers' }` is
 * {@link engagementRate}.
 */
export function rateByDefinition(def: RateDefinition, followers: number | null, posts: PostStats[], opts?: RateOptions): RateResult {
  const list = postList(posts);
  const counts = Array.isArray(def?.counts) ? def.counts.filter((c) => c in INTERACTION_SKIPS) : [];
  const per = def?.per === 'views' || def?.per === 'impressions' ? def.per : 'followers';
  const audience = per === 'followers' ? audienceOf(followers) : null;
  if (typeof audience === 'string') return emptyResult('followers', list.length, `not enough data: ${audience}`);
  const rates = list.map((p): PostRate => {
    if (counts.length === 0) return { skip: 'no interactions to count' };
    const engaged = interactionsOf(p, counts);
    if (typeof engaged === 'string') return { skip: engaged };
    const denominator = audience ?? ownDenominator(per === 'views' ? p.views : p.impressions, per);
    return typeof denominator === 'string' ? { skip: denominator } : { rate: (engaged / denominator) * 100 };
  });
  const named = counts.length > 1 ? `${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}` : (counts[0] ?? 'interactions');
  // Per follower the reasons read as engagementRate's do ("with visible likes").
  return summarize(per, rates, opts, per === 'followers' ? undefined : `with visible ${named.replace(' and ', ', ')} and ${per}`);
}

/**
 * Likes ÷ views × 100 per post: the like rate. It needs no comment count, so it is known on pages
 * that carry likes and views but no comments (many YouTube watch pages).
 */
export function likeRateByViews(posts: PostStats[], opts?: RateOptions): RateResult {
  const rates = postList(posts).map((p): PostRate => {
    const likes = validCount(p.likes);
    if (likes === null || p.likesHidden === true) return { skip: 'hidden or missing likes' };
    const views = ownDenominator(p.views, 'views');
    return typeof views === 'string' ? { skip: views } : { rate: (likes / views) * 100 };
  });
  return summarize('views', rates, opts, 'with visible likes and views');
}

/** Views per follower × 100 per post: YouTube's "views per subscriber", a reach proxy. */
export function viewsPerFollower(followers: number | null, posts: PostStats[], opts?: RateOptions): RateResult {
  const audience = audienceOf(followers);
  const list = postList(posts);
  if (typeof audience === 'string') return emptyResult('followers', list.length, `not enough data: ${audience}`);
  const rates = list.map((p): PostRate => {
    const views = validCount(p.views);
    return views === null ? { skip: 'no views count' } : { rate: (views / audience) * 100 };
  });
  return summarize('followers', rates, opts, 'with a view count');
}

/**
 * Engagement per day: the likes + comments of the dated posts, spread over the days from the
 * oldest of them until `now`, as a percent of followers. The window is at least one day so a
 * post from a few minutes ago does not turn into an enormous daily rate. Posts dated after `now`
 * (clock skew) count as posted now.
 */
export function engagementPerPeriod(followers: number | null, posts: PostStats[], now: number): PeriodEngagement {
  const audience = audienceOf(followers);
  if (typeof audience === 'string') return periodResult(audience);
  if (validCount(now) === null) return periodResult('the current time is unknown');
  const list = postList(posts);
  let total = 0;
  let oldest = Infinity;
  const skips: Skip[] = [];
  for (const post of list) {
    const engaged = engagements(post);
    const takenAt = validCount(post.takenAt);
    if (typeof engaged === 'string') skips.push(engaged);
    else if (takenAt === null) skips.push('no post date');
    else {
      total += engaged;
      oldest = Math.min(oldest, takenAt, now);
    }
  }
  if (oldest === Infinity) return periodResult('no post with a date and visible likes and comments');
  const days = Math.max(1, (now - oldest) / SECONDS_PER_DAY);
  const perDay = finiteOrNull((total / days / audience) * 100);
  return {
    perDay,
    perMonth: perDay === null ? null : finiteOrNull(perDay * DAYS_PER_MONTH),
    // Rounded for display only; the rates above use the exact window.
    days: Math.round(days * 10) / 10,
    reason: skips.length > 0 ? leftOutText(skips, list.length) : null,
  };
}

function periodResult(why: string): PeriodEngagement {
  return { perDay: null, perMonth: null, days: null, reason: `not enough data: ${why}` };
}

/** Tolerate a non-array cast in by a caller; never throw. */
function postList(posts: PostStats[]): PostStats[] {
  return Array.isArray(posts) ? posts.filter((p): p is PostStats => typeof p === 'object' && p !== null) : [];
}

function emptyResult(basis: RateBasis, excluded: number, reason: string): RateResult {
  return { basis, mean: null, median: null, used: 0, excluded, sufficient: false, reason };
}

function minPostsOf(opts?: RateOptions): number {
  const n = opts?.minPosts;
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(1, Math.ceil(n)) : 2;
}

function summarize(basis: RateBasis, rates: PostRate[], opts?: RateOptions, usableWord?: string): RateResult {
  const values: number[] = [];
  const skips: Skip[] = [];
  for (const r of rates) {
    if ('skip' in r) skips.push(r.skip);
    else if (Number.isFinite(r.rate)) values.push(r.rate);
  }
  const minPosts = minPostsOf(opts);
  const sufficient = values.length >= minPosts;
  const mean = finiteOrNull(meanOf(values));
  const median = finiteOrNull(medianOf(values));
  let reason: string | null = null;
  if (!sufficient) {
    const usable = usableWord ?? (basis === 'followers' ? 'with visible likes' : `with visible likes, comments and ${basis}`);
    const have = values.length === 0 ? 'no post' : `only ${values.length} post${values.length === 1 ? '' : 's'}`;
    reason = `not enough data: ${have} ${usable}` + (skips.length > 0 ? ` (${leftOutText(skips, rates.length)})` : '');
  } else if (skips.length > 0) {
    reason = leftOutText(skips, rates.length);
  }
  return { basis, mean, median, used: values.length, excluded: rates.length - values.length, sufficient, reason };
}

/** "2 of 12 posts left out: 1 with hidden or missing likes, 1 with no comment count (comments unknown)". */
function leftOutText(skips: Skip[], total: number): string {
  const counts = new Map<Skip, number>();
  for (const s of skips) counts.set(s, (counts.get(s) ?? 0) + 1);
  const parts = [...counts].map(([why, n]) => `${n} with ${why}`);
  return `${skips.length} of ${total} post${total === 1 ? '' : 's'} left out: ${parts.join(', ')}`;
}

function meanOf(values: number[]): number | null {
  if (values.length === 0) return null;
  // Running mean: never sums into overflow even for absurd per-post rates.
  let mean = 0;
  values.forEach((v, i) => (mean += (v - mean) / (i + 1)));
  return mean;
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  // Half of each instead of (a + b) / 2 so two huge rates cannot overflow.
  return sorted.length % 2 === 1 ? hi : (sorted[mid - 1] ?? hi) / 2 + hi / 2;
}

function finiteOrNull(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}
