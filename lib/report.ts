/**
 * The `analyze` command's output: one stable JSON object per page, which users attach to bug
 * reports. Field meanings are documented in README.md ("What the numbers mean").
 */
import type { Analysis } from './metrics/analysis';
import type { BenchmarkBasis, Verdict } from './metrics/benchmarks';
import type { SignalId, SignalStatus } from './metrics/signals';
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
  /**
   * The creator's rate on the platform's own basis against the published figures for their
   * audience size (README, "Benchmark"); null when there is no verdict, `benchmarkNote` saying why.
   */
  benchmark: ReportBenchmark | null;
  /** Why there is no benchmark; present only when `benchmark` is null. */
  benchmarkNote?: string;
  source: string;
  /**
   * Audience signals in their stable order (README, "Audience signals"). `analyze` has no visit
   * history, so the growth signals are always `unknown` here, and say so.
   */
  signals: ReportSignal[];
  /**
   * What the posts say (README, "What the posts say"); null when the page carries no caption, tag
   * or sponsored flag of a recent post and no comments.
   */
  content: ReportContent | null;
}

export interface ReportContent {
  /** Recent posts flagged by the platform or disclosed in the caption. */
  sponsored: number;
  /** Mean engagement of the sponsored posts ÷ that of the others (2 decimals); null when a group has no counts. */
  sponsoredVsOrganic: number | null;
  /** Accounts mentioned or tagged in the recent posts, most posts first (the creator's own left out). */
  mentions: Array<{ handle: string; posts: number }>;
  /** Posts that tag a brand or carry a promo code or affiliate link without a disclosure. */
  undisclosed: number;
  /** A post page's loaded comments; null when none were read. Shares of the audience's comments, 2 decimals. */
  comments: { read: number; purchaseIntent: number | null; generic: number | null } | null;
}

export interface ReportBenchmark {
  platform: Platform;
  basis: BenchmarkBasis;
  /** The publishers' follower band the figures apply to: "10K–50K", "< 5K", "≥ 1M". */
  band: string;
  /** Lowest and highest published figure for the band, percent. */
  typical: [number, number];
  /** The creator's rate on the publishers' definition, mean over the recent posts (4 decimals). */
  rate: number;
  verdict: Verdict;
  /** "publisher year", comma-separated when several: "HypeAuditor 2026, Markerly 2016". */
  source: string;
}

export interface ReportSignal {
  id: SignalId;
  /** Rounded to 4 decimals; null when unknown. */
  value: number | null;
  status: SignalStatus;
  explanation: string;
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
    ...reportBenchmark(analysis),
    source: snapshot.source,
    signals: analysis.signals.map((s) => ({ id: s.id, value: round4(s.value), status: s.status, explanation: s.explanation })),
    content: reportContent(analysis),
  };
}

/** Shares and ratios to 2 decimals (0.72 = 72 %). */
function round2(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}

function reportContent(analysis: Analysis): ReportContent | null {
  const c = analysis.content ?? null;
  if (!c) return null;
  return {
    sponsored: c.sponsored,
    sponsoredVsOrganic: round2(c.sponsoredVsOrganic),
    mentions: c.mentions.map((m) => ({ handle: m.handle, posts: m.posts })),
    undisclosed: c.undisclosed,
    comments: c.comments ? { read: c.comments.read, purchaseIntent: round2(c.comments.purchaseIntent), generic: round2(c.comments.generic) } : null,
  };
}

function reportBenchmark(analysis: Analysis): Pick<Report, 'benchmark' | 'benchmarkNote'> {
  const b = analysis.benchmark.benchmark;
  if (!b) return { benchmark: null, benchmarkNote: analysis.benchmark.note ?? 'no verdict' };
  return {
    benchmark: {
      platform: b.platform,
      basis: b.basis,
      band: b.band,
      typical: [b.typical[0], b.typical[1]],
      rate: round4(b.rate) ?? 0,
      verdict: b.verdict,
      source: b.source,
    },
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
