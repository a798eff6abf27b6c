/**
 * Creator tiers (a price scheme users can later edit) and size classes.
 *
 * A scheme is plain data; ./tier-schema.ts validates a user-edited scheme from storage before
 * use (kept apart so the content scripts do not carry that schema). Each tier's lower bound is inclusive; its upper bound is the next tier's lower
 * bound (exclusive), and the highest tier is open-ended.
 */
import type { Platform } from '../platforms/types';
import { yardstickFor } from './benchmarks';
import { formatCompact } from './format';
import { validCount } from './counts';

export type { Tier, TierScheme } from './tier-schema';
import type { Tier, TierScheme } from './tier-schema';

/** A tier with its band's exclusive upper bound (null for the open-ended top tier). */
export type TierBand = Tier & { maxFollowers: number | null };

/** The marketplace's default price scheme: rank 1 is the largest accounts. */
export const DEFAULT_TIER_SCHEME: TierScheme = {
  id: 'default',
  name: 'Default price scheme',
  currency: 'USD',
  tiers: [
    { rank: 1, name: 'Icons', minFollowers: 5_000_000, pricePerPost: 21_500 },
    { rank: 2, name: 'Trailblazers', minFollowers: 1_500_000, pricePerPost: 32_400 },
    { rank: 3, name: 'Influencers', minFollowers: 500_000, pricePerPost: 25_700 },
    { rank: 4, name: 'Micro Influencers', minFollowers: 100_000, pricePerPost: 8_400 },
    { rank: 5, name: 'Super Micro Influencers', minFollowers: 50_000, pricePerPost: 1_500 },
    { rank: 6, name: 'Engaged Micro Influencers', minFollowers: 20_000, pricePerPost: 300 },
    { rank: 7, name: 'Hacker Micro Influencers', minFollowers: 5_000, pricePerPost: 150 },
    { rank: 8, name: 'Newbie Micro Influencers', minFollowers: 0, pricePerPost: 50 },
  ],
};

/** The scheme's tiers as bands, lowest first. */
export function tierBands(scheme: TierScheme = DEFAULT_TIER_SCHEME): TierBand[] {
  const sorted = [...scheme.tiers].sort((a, b) => a.minFollowers - b.minFollowers);
  return sorted.map((t, i) => ({ ...t, maxFollowers: sorted[i + 1]?.minFollowers ?? null }));
}

/** The tier whose band holds the follower count; null when followers are unknown or below every tier. */
export function tierFor(followers: number | null, scheme: TierScheme = DEFAULT_TIER_SCHEME): TierBand | null {
  const n = validCount(followers);
  if (n === null) return null;
  return tierBands(scheme).findLast((t) => n >= t.minFollowers) ?? null;
}

export interface NextTier {
  tier: TierBand;
  /** Followers still to gain to reach the next tier's lower bound. */
  followersMissing: number;
  /**
   * The platform's published figures for an account at the next tier's lower bound (see
   * ./benchmarks.ts: the publishers' own bands, not the tier's), in percent; null when none is
   * published for that size.
   */
  typicalLow: number | null;
  typicalHigh: number | null;
  /** e.g. "≈0.5–2.4 % per follower at 20K (HypeAuditor 2026, Markerly 2016)", or "unknown: …". */
  typicalText: string;
}

/** The next tier up; null at the top tier or when followers are unknown. */
export function nextTier(followers: number | null, platform: Platform, scheme: TierScheme = DEFAULT_TIER_SCHEME): NextTier | null {
  const n = validCount(followers);
  if (n === null) return null;
  const next = tierBands(scheme).find((t) => t.minFollowers > n);
  if (!next) return null;
  const found = yardstickFor(platform, next.minFollowers);
  const y = found.ok ? found.yardstick : null;
  return {
    tier: next,
    followersMissing: Math.ceil(next.minFollowers - n),
    typicalLow: y ? y.typical[0] : null,
    typicalHigh: y ? y.typical[1] : null,
    typicalText: y ? `${y.typicalText} ${y.measure} at ${formatCompact(next.minFollowers)} (${y.source})` : `unknown: ${found.ok ? '' : found.note}`,
  };
}

/** Band label: "5K–20K followers", "< 5K followers", "≥ 5M followers". */
export function formatBand(min: number | null, max: number | null): string {
  const lo = min !== null && min > 0 ? formatCompact(min) : null;
  const hi = max !== null ? formatCompact(max) : null;
  if (lo !== null && hi !== null) return `${lo}–${hi} followers`;
  if (hi !== null) return `< ${hi} followers`;
  if (lo !== null) return `≥ ${lo} followers`;
  return 'any follower count';
}

export type SizeClass = 'nano' | 'micro' | 'midi' | 'macro' | 'mega';

export const SIZE_CLASS_LABELS: Record<SizeClass, string> = {
  nano: 'Nano',
  micro: 'Micro',
  midi: 'Midi',
  macro: 'Macro',
  mega: 'Mega',
};

/** Inclusive lower bounds of the size classes, largest first. */
export const SIZE_CLASS_BOUNDS: ReadonlyArray<readonly [SizeClass, number]> = [
  ['mega', 1_000_000],
  ['macro', 500_000],
  ['midi', 50_000],
  ['micro', 1_000],
  ['nano', 0],
];

export function sizeClassFor(followers: number | null): SizeClass | null {
  const n = validCount(followers);
  if (n === null) return null;
  return SIZE_CLASS_BOUNDS.find(([, min]) => n >= min)?.[0] ?? null;
}
