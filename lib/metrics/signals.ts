/**
 * Audience signals: plain checks of what the page carries, each with its number, what is usual
 * and why — never an opaque score. A signal is `ok` (within what is usual), `check` (far off:
 * worth a look before hiring, not a verdict of fraud) or `unknown` (the page or the history does
 * not carry what it needs; the explanation says what is missing — never a guess).
 *
 * The signals, in this order (stable ids, documented in README.md, "Audience signals"):
 * - `like-comment-ratio` — total likes ÷ total comments of the recent posts;
 * - `mean-vs-median` and `top-post-share` — how far the mean is carried by a few posts, or one;
 * - `views-per-follower` — mean views of the recent posts ÷ followers;
 * - `following-ratio` — accounts followed ÷ followers (follow-for-follow);
 * - `follower-jumps`, `er-vs-growth`, `growth-per-month` — from the extension's own dated visits
 *   of the profile (lib/store/history.ts: the jump rule lives there, not here);
 * - `posting-cadence` — posts a week and the longest gap, from the posts' dates.
 *
 * Post-based signals use the same posts as the rates: the recent posts with the pinned rule
 * applied (./recent.ts). Pure: no clock, no storage; `now` and the history are passed in.
 */
import { PLATFORM_LABELS, type Platform, type PostStats, type Snapshot } from '../platforms/types';
import { followerJumps, growth, jumpPairs, suddenJumps, JUMP_ER_DROP, JUMP_MAX_GAP, JUMP_MIN_GROWTH, type SnapshotPoint } from '../store/history';
import { validCount } from './counts';
import type { RateResult } from './engagement';
import { formatCount, formatDecimal, formatPercent } from './format';
import { recentPosts } from './recent';

export type SignalId =
  | 'like-comment-ratio'
  | 'mean-vs-median'
  | 'top-post-share'
  | 'views-per-follower'
  | 'following-ratio'
  | 'follower-jumps'
  | 'er-vs-growth'
  | 'growth-per-month'
  | 'posting-cadence';

/** Every id, in the order `audienceSignals` returns them. */
export const SIGNAL_IDS: readonly SignalId[] = [
  'like-comment-ratio',
  'mean-vs-median',
  'top-post-share',
  'views-per-follower',
  'following-ratio',
  'follower-jumps',
  'er-vs-growth',
  'growth-per-month',
  'posting-cadence',
];

/**
 * Each signal's name where no platform is at hand (the shortlist, compare, exports); the card's
 * labels say "reply" on X and "subscriber" on YouTube.
 */
export const SIGNAL_NAMES: Readonly<Record<SignalId, string>> = {
  'like-comment-ratio': 'Likes per comment',
  'mean-vs-median': 'Mean vs median',
  'top-post-share': "Top post's share",
  'views-per-follower': 'Views per follower',
  'following-ratio': 'Following ÷ followers',
  'follower-jumps': 'Follower jumps',
  'er-vs-growth': 'ER while followers jump',
  'growth-per-month': 'Growth per month',
  'posting-cadence': 'Posting cadence',
};

export type SignalStatus = 'ok' | 'check' | 'unknown';

/**
 * What `value` is:
 * - `likes-per-comment`: likes per comment (per reply on X);
 * - `times`: a multiple (the mean is 1.4× the median);
 * - `percent`: percent (the top post's share; views as a percent of followers);
 * - `ratio`: a plain quotient (following ÷ followers);
 * - `count`: how many (follower jumps);
 * - `percent-per-month`: percent change of followers a month;
 * - `posts-per-week`: posts a week.
 */
export type SignalUnit = 'likes-per-comment' | 'times' | 'percent' | 'ratio' | 'count' | 'percent-per-month' | 'posts-per-week';

export interface AudienceSignal {
  id: SignalId;
  /** Short name for the card's Details, e.g. "Likes per comment". */
  label: string;
  /** The number, finite; null when unknown (and for a ratio with nothing to divide by). */
  value: number | null;
  unit: SignalUnit;
  /** `value` with its unit, as the card shows it ("48 likes per comment"); "—" when null. */
  valueText: string;
  status: SignalStatus;
  /** What is usual, in words and numbers, and where the figure comes from. */
  threshold: string;
  /** Where the threshold comes from: a publisher and year, or the extension's own rule of thumb. */
  source: string;
  /** One plain sentence with the number, the threshold and the outcome (or why it is unknown). */
  explanation: string;
}

/** What the signals take from the analysis, so the card and `analyze` show the same numbers. */
export interface SignalInputs {
  /** Views ÷ followers × 100 per recent post (./analysis.ts computes it with the pinned rule). */
  viewsPerFollower: RateResult;
}

export interface SignalOptions {
  /**
   * The profile's dated numbers from the extension's earlier visits (lib/store/history.ts), in
   * any order. Undefined where there is no history to read (the `analyze` command): the growth
   * signals are then unknown and say so.
   */
  history?: readonly SnapshotPoint[] | null;
  /** Unix seconds: the growth per month is measured up to the newest visit no later than this. */
  now: number;
}

// ---------------------------------------------------------------------------------------------
// Thresholds. Each says where it comes from; "rule of thumb" means no published figure was found
// and the extension flags only values far from anything usual.

interface RatioNorm {
  /** Usual likes per comment (per reply on X): low…high (equal when one figure is published). */
  low: number;
  high: number;
  /** Short source for the explanation. */
  cite: string;
  /** Whether the figure comes from a published study or report (else a practitioner guide only). */
  published: boolean;
}

/**
 * Usual likes per comment by platform. No published figure by account size was found, so one
 * range per platform serves every size (the explanations say so).
 */
export const LIKES_PER_COMMENT: Readonly<Record<Platform, RatioNorm>> = {
  // Two Instagram-wide reports by Mention:
  // - Instagram Engagement Report 2018 (110M posts): "comments only make up 1.9 % of all
  //   engagements" → 98.1 ÷ 1.9 ≈ 51.6 likes per comment. Mention, 2018; the report as published:
  //   https://vdocuments.us/2018-instagram-report-18-info-engagement-report-2018-mentionpdf-instagram.html
  // - Instagram Engagement Report 2021 with HubSpot (100M posts, 1M accounts): carousel posts
  //   received on average 62 likes and 5 comments → 12.4 likes per comment. Mention × HubSpot,
  //   2021, as reported by Campaign Asia (2021):
  //   https://www.campaignasia.com/article/despite-increased-use-the-pandemic-didnt-boost-instagram-engagement/469705
  instagram: { low: 12.4, high: 51.6, cite: 'Mention 2018; Mention × HubSpot 2021', published: true },
  // calculatecreator.com, "TikTok Comments-to-Likes Ratio" (practitioner guide, 2025, updated
  // January 2026, "analysis of 200,000+ TikToks"): 1 comment per 10–20 likes good, 1:30 average,
  // 1:50 below average. https://calculatecreator.com/metrics/tiktok-comments-to-likes-ratio/
  tiktok: { low: 10, high: 50, cite: 'calculatecreator.com 2025', published: true },
  // Tubular Labs, "3 YouTube ratios to measure the success of videos" (Dane Golden, ReelSummit
  // 2014): likes ≈ 4 % of views and comments ≈ 0.5 % of views → 4 ÷ 0.5 = 8 likes per comment.
  // https://tubularlabs.com/blog/3-metrics-youtube-success
  youtube: { low: 8, high: 8, cite: 'Tubular Labs 2014', published: true },
  // No study of X's likes per reply was found. The only figure found is a practitioner guide of a
  // tweet mock-up tool (faketweet.com, "Twitter engagement metrics guide", undated): replies are
  // "typically 5–15 % of the like count" → 6.7–20 likes per reply; used as a rule of thumb only.
  // https://faketweet.com/twitter-engagement-metrics-guide
  x: { low: 100 / 15, high: 20, cite: "the extension's rule of thumb after a practitioner guide, faketweet.com; no study found", published: false },
};

/**
 * A likes ÷ comments ratio counts as far off when it is more than this many times below the
 * usual low or above the usual high. Rule of thumb of the extension (no published cut-off found):
 * an order of magnitude, so that only far-off ratios are flagged.
 */
export const RATIO_FAR_OFF = 10;
/** Fewer comments than this in all are too few to judge a ratio (one comment more or less moves it too much). Rule of thumb. */
export const RATIO_MIN_COMMENTS = 10;
/** The mean per-post engagement at least this many times the median is carried by a few posts. Rule of thumb. */
export const MEAN_MEDIAN_MAX = 2;
/** One post holding more than this share (percent) of all the recent posts' engagement carries the mean. Rule of thumb. */
export const TOP_POST_SHARE_MAX = 50;
/** Mean vs median and the top post's share need at least this many posts (2 posts always have mean = median). */
export const CONSISTENCY_MIN_POSTS = 3;
/** Views below this percent of followers (1 view per 100 followers) say most of the audience never sees the posts. Rule of thumb. */
export const VIEWS_PER_FOLLOWER_MIN = 1;
/** Following at least as many accounts as follow you is the follow-for-follow pattern. Rule of thumb. */
export const FOLLOWING_RATIO_MAX = 1;
/**
 * Growth per month, percent: flagged above +50 % or below −10 %. Rule of thumb of the extension,
 * set far from the published figure: brands on TikTok grow their followers 2–3 % a month, and
 * accounts under 50K more than 5 % (Rival IQ, 2022 TikTok Benchmark Report,
 * https://www.rivaliq.com/blog/tiktok-benchmark-report-2022/); +50 % is ten times the latter.
 * A loss of a tenth of the followers in a month is what a platform's purge of fake accounts, or
 * an audience leaving, looks like.
 */
export const GROWTH_PER_MONTH_MAX = 50;
export const GROWTH_PER_MONTH_MIN = -10;
/** A gap of this many days or more between two consecutive recent posts is a pause in posting. Rule of thumb. */
export const CADENCE_MAX_GAP_DAYS = 90;

const DAY = 86_400;
const WEEK_DAYS = 7;
/** For thresholds and sources: no published figure was found. */
const RULE = "the extension's rule of thumb (no published figure found)";
/** For explanations, which are one sentence. */
const OWN = "the extension's rule of thumb";

// ---------------------------------------------------------------------------------------------

/** Every signal for one snapshot, in the order of {@link SIGNAL_IDS}. Never throws; never NaN or Infinity. */
export function audienceSignals(snapshot: Snapshot, inputs: SignalInputs, opts: SignalOptions): AudienceSignal[] {
  const recent = recentPosts(Array.isArray(snapshot.posts) ? snapshot.posts : []).posts;
  const words = wordsFor(snapshot.platform);
  const minPosts = snapshot.kind === 'post' ? 1 : 2;
  const history = opts.history === undefined || opts.history === null ? null : opts.history;
  const engaged = engagementsOf(recent);
  return [
    likeCommentRatio(snapshot.platform, recent, minPosts, words),
    meanVsMedian(engaged),
    topPostShare(engaged),
    viewsPerFollower(snapshot, inputs.viewsPerFollower, words),
    followingRatio(snapshot, words),
    followerJumpsSignal(history, words),
    erVsGrowth(history, words),
    growthPerMonth(history, opts.now, words),
    postingCadence(recent),
  ];
}

export interface SignalSummary {
  ok: number;
  check: number;
  unknown: number;
  total: number;
  /** "Audience: 5 signals fine · 1 to check · 2 unknown" (the last two only when not 0). */
  text: string;
}

/** Counts of each status and the card's one line about them. */
export function summarizeSignals(signals: readonly AudienceSignal[]): SignalSummary {
  const list = Array.isArray(signals) ? signals : [];
  const count = (s: SignalStatus) => list.filter((x) => x.status === s).length;
  const ok = count('ok');
  const check = count('check');
  const unknown = count('unknown');
  const parts = [`${ok} signal${ok === 1 ? '' : 's'} fine`];
  if (check > 0) parts.push(`${check} to check`);
  if (unknown > 0) parts.push(`${unknown} unknown`);
  return { ok, check, unknown, total: list.length, text: `Audience: ${parts.join(' · ')}` };
}

// ---------------------------------------------------------------------------------------------
// Words

interface Words {
  platform: string;
  followers: string;
  comment: string;
  comments: string;
}

function wordsFor(platform: Platform): Words {
  return {
    platform: PLATFORM_LABELS[platform] ?? String(platform),
    followers: platform === 'youtube' ? 'subscribers' : 'followers',
    comment: platform === 'x' ? 'reply' : 'comment',
    comments: platform === 'x' ? 'replies' : 'comments',
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function signal(
  id: SignalId,
  label: string,
  unit: SignalUnit,
  threshold: string,
  source: string,
  value: number | null,
  valueText: (v: number) => string,
  status: SignalStatus,
  explanation: string,
): AudienceSignal {
  const v = value === null ? null : finite(value);
  return { id, label, value: v, unit, valueText: v === null ? '—' : valueText(v), status, threshold, source, explanation };
}

// ---------------------------------------------------------------------------------------------
// Post-based signals

/** likes + comments of each recent post that shows both (visible likes, known comments). */
function engagementsOf(posts: readonly PostStats[]): number[] {
  const out: number[] = [];
  for (const p of posts) {
    const likes = p.likesHidden === true ? null : validCount(p.likes);
    const comments = validCount(p.comments);
    if (likes !== null && comments !== null) out.push(likes + comments);
  }
  return out;
}

function likeCommentRatio(platform: Platform, posts: readonly PostStats[], minPosts: number, w: Words): AudienceSignal {
  const norm = LIKES_PER_COMMENT[platform] ?? LIKES_PER_COMMENT.instagram;
  const checkLow = norm.low / RATIO_FAR_OFF;
  const checkHigh = norm.high * RATIO_FAR_OFF;
  const usual =
    norm.low === norm.high ? `about ${formatDecimal(norm.low)}` : `about ${formatDecimal(norm.low)}–${formatDecimal(norm.high)}`;
  const threshold =
    `usual on ${w.platform}: ${usual} likes per ${w.comment} (${norm.cite}; no figures by account size were found, so one range serves every size); ` +
    `flagged only below ${formatDecimal(checkLow, 2)} or above ${formatDecimal(checkHigh)}, ten times off that range (${RULE})`;
  const source = norm.cite;
  const text = (v: number) => `${formatDecimal(v)} likes per ${w.comment}`;
  const make = (value: number | null, status: SignalStatus, explanation: string) =>
    signal('like-comment-ratio', `Likes per ${w.comment}`, 'likes-per-comment', threshold, source, value, text, status, explanation);

  let likes = 0;
  let comments = 0;
  let used = 0;
  for (const p of posts) {
    const l = p.likesHidden === true ? null : validCount(p.likes);
    const c = validCount(p.comments);
    if (l === null || c === null) continue;
    likes += l;
    comments += c;
    used++;
  }
  if (posts.length === 0) return make(null, 'unknown', 'Unknown: the page lists no recent posts.');
  if (used < minPosts) {
    const have = used === 0 ? 'no recent post shows' : `only ${plural(used, 'recent post')} show${used === 1 ? 's' : ''}`;
    return make(null, 'unknown', `Unknown: ${have} both its likes and its ${w.comments} (${minPosts} needed).`);
  }
  const over = `over ${plural(used, 'post')}`;
  const usualText = `usual on ${w.platform} is ${usual} (${norm.cite})`;
  if (comments === 0 && likes === 0) return make(null, 'unknown', `Unknown: no likes and no ${w.comments} ${over}.`);
  // With few comments the ratio jumps with each one: judge only when one comment more would
  // still leave it far above the usual range, else say it is too early to tell.
  const withOneMore = likes / (comments + 1);
  if (comments < RATIO_MIN_COMMENTS && !(withOneMore > checkHigh)) {
    return make(
      null,
      'unknown',
      `Unknown: ${comments === 0 ? `no ${w.comments}` : `only ${plural(comments, w.comment, w.comments)}`} ${over}, too few to judge a ratio (${RATIO_MIN_COMMENTS} needed).`,
    );
  }
  if (comments === 0) {
    return make(
      null,
      'check',
      `${formatCount(likes)} likes and no ${w.comments} ${over}, far above what is usual (${usualText}): ${w.comments} turned off, or bought likes, would look like this.`,
    );
  }
  const ratio = likes / comments;
  const shown = text(ratio);
  if (ratio > checkHigh) {
    return make(ratio, 'check', `${cap(shown)} ${over}, far above what is usual (${usualText}; flagged above ${formatDecimal(checkHigh)}): bought likes would look like this.`);
  }
  if (ratio < checkLow) {
    return make(
      ratio,
      'check',
      `${cap(shown)} ${over}, far more ${w.comments} than usual (${usualText}; flagged below ${formatDecimal(checkLow, 2)}): a giveaway ("${w.comment} to win") or bought ${w.comments} would look like this.`,
    );
  }
  return make(ratio, 'ok', `${cap(shown)} ${over}; ${usualText}, flagged only below ${formatDecimal(checkLow, 2)} or above ${formatDecimal(checkHigh)}: fine.`);
}

/** "+50 %", "−10 %" (a true minus sign, as the card writes changes). */
function signedPercent(p: number, digits = 0): string {
  return `${p >= 0 ? '+' : '−'}${formatPercent(Math.abs(p), digits)}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function meanAndMedian(values: readonly number[]): { mean: number; median: number } {
  let mean = 0;
  values.forEach((v, i) => (mean += (v - mean) / (i + 1)));
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  const median = sorted.length % 2 === 1 ? hi : (sorted[mid - 1] ?? hi) / 2 + hi / 2;
  return { mean, median };
}

function tooFewPosts(n: number): string {
  if (n === 0) return `Unknown: no recent post on this page shows its likes and comments (${CONSISTENCY_MIN_POSTS} needed).`;
  return `Unknown: only ${plural(n, 'recent post')} show${n === 1 ? 's' : ''} likes and comments (${CONSISTENCY_MIN_POSTS} needed).`;
}

function meanVsMedian(engaged: readonly number[]): AudienceSignal {
  const threshold = `fine below ${formatDecimal(MEAN_MEDIAN_MAX)}× (the mean at least twice the median rests on a few hits): ${RULE}`;
  const make = (value: number | null, status: SignalStatus, explanation: string) =>
    signal('mean-vs-median', 'Mean vs median', 'times', threshold, RULE, value, (v) => `${formatDecimal(v, 2)}×`, status, explanation);
  if (engaged.length < CONSISTENCY_MIN_POSTS) return make(null, 'unknown', tooFewPosts(engaged.length));
  const { mean, median } = meanAndMedian(engaged);
  const of = `of the likes + comments of ${plural(engaged.length, 'post')}`;
  if (mean === 0) return make(null, 'unknown', `Unknown: none of the ${plural(engaged.length, 'post')} has any likes or comments.`);
  if (median === 0) {
    return make(null, 'check', `The median ${of} is 0 while the mean is ${formatDecimal(mean)}: a few posts carry all the engagement (flagged at ${formatDecimal(MEAN_MEDIAN_MAX)}× or more, ${OWN}).`);
  }
  const ratio = mean / median;
  const status: SignalStatus = ratio >= MEAN_MEDIAN_MAX ? 'check' : 'ok';
  const outcome = status === 'check' ? 'a few hits carry the mean, so the typical post does less than the rate says' : 'fine';
  return make(
    ratio,
    status,
    `The mean ${of} is ${formatDecimal(ratio, 2)}× the median (${formatDecimal(mean)} vs ${formatDecimal(median)}); flagged at ${formatDecimal(MEAN_MEDIAN_MAX)}× or more, ${OWN}: ${outcome}.`,
  );
}

function topPostShare(engaged: readonly number[]): AudienceSignal {
  const threshold = `fine up to ${TOP_POST_SHARE_MAX} % of all the recent posts' likes + comments in one post: ${RULE}`;
  const make = (value: number | null, status: SignalStatus, explanation: string) =>
    signal('top-post-share', "Top post's share", 'percent', threshold, RULE, value, (v) => formatPercent(v), status, explanation);
  if (engaged.length < CONSISTENCY_MIN_POSTS) return make(null, 'unknown', tooFewPosts(engaged.length));
  let total = 0;
  let top = 0;
  for (const e of engaged) {
    total += e;
    top = Math.max(top, e);
  }
  if (!(total > 0) || !Number.isFinite(total)) {
    return make(null, 'unknown', `Unknown: none of the ${plural(engaged.length, 'post')} has any likes or comments.`);
  }
  const share = (top / total) * 100;
  const status: SignalStatus = share > TOP_POST_SHARE_MAX ? 'check' : 'ok';
  const outcome = status === 'check' ? 'one post carries the rate' : 'fine';
  return make(
    share,
    status,
    `The top post holds ${formatPercent(share)} of the likes + comments of ${plural(engaged.length, 'post')} (an even spread would be ${formatPercent(100 / engaged.length)}); flagged above ${TOP_POST_SHARE_MAX} %, ${OWN}: ${outcome}.`,
  );
}

function viewsPerFollower(snapshot: Snapshot, rate: RateResult, w: Words): AudienceSignal {
  const threshold = `fine at ${formatDecimal(VIEWS_PER_FOLLOWER_MIN)} view per 100 ${w.followers} (${formatPercent(VIEWS_PER_FOLLOWER_MIN, 0)}) or more; more views than ${w.followers} is reach beyond the audience, also fine: ${RULE}`;
  const make = (value: number | null, status: SignalStatus, explanation: string) =>
    signal('views-per-follower', `Views per ${w.followers.replace(/s$/, '')}`, 'percent', threshold, RULE, value, (v) => formatPercent(v), status, explanation);
  const followers = validCount(snapshot.followers);
  if (followers === null) return make(null, 'unknown', `Unknown: the page does not show the ${w.followers} count.`);
  if (followers === 0) return make(null, 'unknown', `Unknown: the account has 0 ${w.followers}.`);
  const mean = rate && typeof rate.mean === 'number' && Number.isFinite(rate.mean) ? rate.mean : null;
  if (mean === null || !rate.sufficient) {
    const why = rate?.used > 0 ? `only ${plural(rate.used, 'recent post')} with a view count` : 'no recent post with a view count on this page';
    return make(null, 'unknown', `Unknown: ${why}.`);
  }
  const over = `over ${plural(rate.used, 'post')}`;
  if (mean < VIEWS_PER_FOLLOWER_MIN) {
    return make(
      mean,
      'check',
      `Views average ${formatPercent(mean, 2)} of ${w.followers} ${over}: fewer than ${formatDecimal(VIEWS_PER_FOLLOWER_MIN)} view per 100 ${w.followers} says most of them never see the posts (inactive or bought ${w.followers}); ${OWN}.`,
    );
  }
  const reach = mean >= 100 ? `${formatDecimal(mean / 100)}× the ${w.followers}: reach beyond the audience` : `${formatPercent(mean)} of the ${w.followers}`;
  return make(mean, 'ok', `Views average ${reach} ${over}; flagged below ${formatPercent(VIEWS_PER_FOLLOWER_MIN, 0)}, ${OWN}: fine.`);
}

function followingRatio(snapshot: Snapshot, w: Words): AudienceSignal {
  const threshold = `fine while following fewer accounts than follow it (following ÷ ${w.followers} below ${formatDecimal(FOLLOWING_RATIO_MAX)}): ${RULE}`;
  const make = (value: number | null, status: SignalStatus, explanation: string) =>
    signal('following-ratio', `Following ÷ ${w.followers}`, 'ratio', threshold, RULE, value, (v) => formatDecimal(v, 2), status, explanation);
  const following = validCount(snapshot.following);
  const followers = validCount(snapshot.followers);
  if (following === null) {
    const why = snapshot.platform === 'youtube' ? 'YouTube does not show whom a channel follows' : 'the page does not show how many accounts it follows';
    return make(null, 'unknown', `Unknown: ${why}.`);
  }
  if (followers === null) return make(null, 'unknown', `Unknown: the page does not show the ${w.followers} count.`);
  if (followers === 0) return make(null, 'unknown', `Unknown: the account has 0 ${w.followers}.`);
  const ratio = following / followers;
  const counts = `follows ${formatCount(following)} accounts and has ${formatCount(followers)} ${w.followers} (${formatDecimal(ratio, 2)})`;
  if (ratio >= FOLLOWING_RATIO_MAX) {
    return make(ratio, 'check', `The account ${counts}: following as many as follow it is the follow-for-follow pattern, whose followers rarely engage; ${OWN}.`);
  }
  return make(ratio, 'ok', `The account ${counts}; flagged at ${formatDecimal(FOLLOWING_RATIO_MAX)} or more, ${OWN}: fine.`);
}

// ---------------------------------------------------------------------------------------------
// Growth from the history

const JUMP_RULE = `followers up by more than ${formatPercent(JUMP_MIN_GROWTH * 100, 0)} between visits less than ${JUMP_MAX_GAP / DAY} days apart`;
const JUMP_SOURCE = "the extension's jump rule (lib/store/history.ts; rule of thumb, no published figure found)";

function noHistory(history: readonly SnapshotPoint[] | null, what: string): string | null {
  if (history === null) {
    return `Unknown: no visit history here; ${what} is measured from the extension's own dated visits of this profile, which the page itself does not carry.`;
  }
  const counted = history.filter((p) => validCount(p.followers) !== null).length;
  if (counted < 2) return `Unknown: ${counted === 0 ? 'no visit' : 'only 1 visit'} with a follower count recorded so far; ${what} needs two or more.`;
  return null;
}

function followerJumpsSignal(history: readonly SnapshotPoint[] | null, w: Words): AudienceSignal {
  const threshold = `fine with no jump: ${JUMP_RULE} (${RULE})`;
  const make = (value: number | null, status: SignalStatus, explanation: string) =>
    signal('follower-jumps', 'Follower jumps', 'count', threshold, JUMP_SOURCE, value, (v) => plural(v, 'jump'), status, explanation);
  const missing = noHistory(history, 'a follower jump');
  if (missing !== null || history === null) return make(null, 'unknown', missing ?? '');
  const pairs = jumpPairs(history);
  if (pairs.length === 0) {
    return make(null, 'unknown', `Unknown: no two visits less than ${JUMP_MAX_GAP / DAY} days apart, and a jump is judged only between close visits.`);
  }
  const jumps = followerJumps(history);
  const last = jumps.at(-1);
  if (!last) {
    return make(0, 'ok', `No jump over ${plural(pairs.length, 'pair')} of visits less than ${JUMP_MAX_GAP / DAY} days apart (flagged: ${JUMP_RULE}, ${OWN}): fine.`);
  }
  const days = Math.max(1, Math.round((last.to.takenAt - last.from.takenAt) / DAY));
  return make(
    jumps.length,
    'check',
    `${cap(plural(jumps.length, 'follower jump'))}: the latest +${formatPercent(last.followersChange * 100)} in ${plural(days, 'day')} (flagged: ${JUMP_RULE}, ${OWN}): bought ${w.followers} or a giveaway look like this — see whether the ER followed.`,
  );
}

function erVsGrowth(history: readonly SnapshotPoint[] | null, w: Words): AudienceSignal {
  const drop = formatPercent(JUMP_ER_DROP * 100, 0);
  const threshold = `fine unless the ER per follower falls by more than a third (${drop}) while the ${w.followers} jump (${JUMP_RULE}): ${RULE}`;
  const make = (value: number | null, status: SignalStatus, explanation: string) =>
    signal('er-vs-growth', 'ER while followers jump', 'count', threshold, JUMP_SOURCE, value, (v) => plural(v, 'jump'), status, explanation);
  const missing = noHistory(history, 'the ER against the growth');
  if (missing !== null || history === null) return make(null, 'unknown', missing ?? '');
  const judged = jumpPairs(history).filter((p) => p.erChange !== null);
  if (judged.length === 0) {
    return make(null, 'unknown', `Unknown: no two visits less than ${JUMP_MAX_GAP / DAY} days apart with the ER known at both.`);
  }
  const flagged = suddenJumps(history);
  const last = flagged.at(-1);
  if (!last) {
    const jumped = judged.filter((p) => p.followersChange > JUMP_MIN_GROWTH).length;
    const held = jumped > 0 ? `the ER held through ${plural(jumped, 'follower jump')}` : 'no follower jump for the ER to follow';
    return make(0, 'ok', `Over ${plural(judged.length, 'pair')} of visits less than ${JUMP_MAX_GAP / DAY} days apart with a known ER, ${held} (flagged: ER down more than ${drop} while ${JUMP_RULE}, ${OWN}): fine.`);
  }
  return make(
    flagged.length,
    'check',
    `${cap(w.followers)} jumped +${formatPercent(last.followersChange)} while the ER fell ${formatPercent(Math.abs(last.erChange))} (from ${formatPercent(last.from.er)} to ${formatPercent(last.to.er)}); flagged, by ${OWN}: ER down more than ${drop} while ${JUMP_RULE}. New followers who do not engage — bought or giveaway followers — look like this.`,
  );
}

function growthPerMonth(history: readonly SnapshotPoint[] | null, now: number, w: Words): AudienceSignal {
  const threshold = `fine from ${signedPercent(GROWTH_PER_MONTH_MIN)} to ${signedPercent(GROWTH_PER_MONTH_MAX)} a month (brands on TikTok grow 2–3 % a month, accounts under 50K over 5 %: Rival IQ 2022; the cut-offs are ${RULE})`;
  const source = `${RULE}, set far from Rival IQ's 2022 TikTok Benchmark Report`;
  const make = (value: number | null, status: SignalStatus, explanation: string) =>
    signal('growth-per-month', 'Growth per month', 'percent-per-month', threshold, source, value, (v) => `${signedPercent(v, 1)} a month`, status, explanation);
  const missing = noHistory(history, 'the growth per month');
  if (missing !== null || history === null) return make(null, 'unknown', missing ?? '');
  const clock = validCount(now);
  const g = growth(history, clock ?? Infinity);
  const month = g.perMonth;
  if (!month) {
    const span = g.spanDays === null ? '' : ` (the visits span ${formatDecimal(g.spanDays)} days)`;
    return make(null, 'unknown', `Unknown: the visit history does not reach back a month yet${span}.`);
  }
  if (month.percent === null || !Number.isFinite(month.percent)) {
    return make(null, 'unknown', `Unknown: the account had 0 ${w.followers} at the start of the month measured.`);
  }
  const pct = month.percent;
  const shown = `${signedPercent(pct, 1)} a month (${pct >= 0 ? '+' : '−'}${formatCount(Math.abs(month.followers))} ${w.followers})`;
  if (pct > GROWTH_PER_MONTH_MAX) {
    return make(pct, 'check', `${cap(w.followers)} grow ${shown}, far above the usual few percent (flagged above ${signedPercent(GROWTH_PER_MONTH_MAX)}): a viral hit, a giveaway or bought followers — see whether the ER followed.`);
  }
  if (pct < GROWTH_PER_MONTH_MIN) {
    return make(pct, 'check', `${cap(w.followers)} change ${shown} (flagged below ${signedPercent(GROWTH_PER_MONTH_MIN)}): a platform purge of fake accounts, or an audience leaving, looks like this.`);
  }
  return make(pct, 'ok', `${cap(w.followers)} change ${shown}; flagged below ${signedPercent(GROWTH_PER_MONTH_MIN)} or above ${signedPercent(GROWTH_PER_MONTH_MAX)}, ${OWN}: fine.`);
}

// ---------------------------------------------------------------------------------------------
// Cadence from the posts' dates

function postingCadence(posts: readonly PostStats[]): AudienceSignal {
  const threshold = `fine while no gap between consecutive recent posts reaches ${CADENCE_MAX_GAP_DAYS} days: ${RULE}`;
  const make = (value: number | null, status: SignalStatus, explanation: string) =>
    signal('posting-cadence', 'Posting cadence', 'posts-per-week', threshold, RULE, value, (v) => `${formatDecimal(v)} posts a week`, status, explanation);
  const dates = posts
    .map((p) => validCount(p.takenAt))
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b);
  if (dates.length < 2) {
    const have = dates.length === 0 ? 'no recent post is dated' : 'only 1 recent post is dated';
    return make(null, 'unknown', `Unknown: ${have} on this page (2 needed).`);
  }
  const first = dates[0] ?? 0;
  const last = dates.at(-1) ?? first;
  let longest = 0;
  for (const [i, t] of dates.entries()) {
    const prev = dates[i - 1];
    if (prev !== undefined) longest = Math.max(longest, t - prev);
  }
  // A span under a day counts as a day, as the ER per day does: no enormous weekly rate.
  const spanDays = Math.max(1, (last - first) / DAY);
  const perWeek = ((dates.length - 1) / spanDays) * WEEK_DAYS;
  const gapDays = longest / DAY;
  const facts = `${formatDecimal(perWeek)} posts a week over ${plural(dates.length, 'dated post')}; the longest gap between two is ${formatDecimal(gapDays)} day${formatDecimal(gapDays) === '1' ? '' : 's'}`;
  if (gapDays >= CADENCE_MAX_GAP_DAYS) {
    return make(perWeek, 'check', `${facts} (flagged at ${CADENCE_MAX_GAP_DAYS} days or more, ${OWN}): the account paused, so the recent posts mix two periods.`);
  }
  return make(perWeek, 'ok', `${facts}; flagged at a gap of ${CADENCE_MAX_GAP_DAYS} days or more, ${OWN}: fine.`);
}
