/**
 * A fair price per post: the tier's list price, nudged by the benchmark verdict — the creator's
 * rate on their platform's own basis against the published figures for their audience size
 * (./benchmarks.ts) — shown as a range.
 *
 * Rule (all percentages relative to the tier price, before rounding to money steps):
 * - typical, or no verdict (no published figure, rate unknown or resting on too few posts):
 *   point = tier price, range ±10 %;
 * - above typical: point raised by 25 % × (ER / top of typical range − 1), at most +25 %
 *   (reached at twice the top of the range);
 * - below typical: point lowered by 30 % × (1 − ER / bottom of typical range), at most −30 %
 *   (reached at an ER of 0);
 * - the range is ±10 % around the point, clipped to −30 % … +25 % of the tier price, so no
 *   number shown leaves those bounds.
 * "Typical range" is the span of the published figures ({@link Benchmark.typical}); the rate is
 * the one the verdict compared. A rate resting on too few posts has no verdict, so it never
 * moves the price: a price should not move on one post.
 */
import { comparedRateText, type BenchmarkOutcome } from './benchmarks';
import { validCount } from './counts';
import { formatMoney } from './format';
import { DEFAULT_TIER_SCHEME, tierFor, type TierScheme } from './tiers';

export interface PriceGuidance {
  /** The scheme's currency ("USD" for the default scheme). */
  currency: string;
  /** The tier's list price. */
  base: number;
  low: number;
  high: number;
  point: number;
  reason: string;
  references: string[];
}

const MAX_RAISE = 0.25;
const MAX_CUT = 0.3;
const SPREAD = 0.1;

/**
 * Industry rules of thumb, quoted for orientation only: they are widely repeated figures, not
 * market surveys, and vary a lot by niche, platform and format. Influencer Marketing Hub's rate
 * guides give about $100–$500 per post for micro creators; Later/Fohr's creator-rate reporting
 * is commonly quoted for a ~$62 average per post for small accounts. Not re-checked against the
 * original publications here.
 */
export const PRICE_REFERENCES: readonly string[] = [
  'Influencer Marketing Hub: micro creators commonly charge about $100–$500 per post (industry rule of thumb)',
  'Later/Fohr: about $62 per post on average for small creators (industry rule of thumb, as commonly quoted)',
];

/** Money steps: $5 under $500, $50 under $5,000, $100 above. */
export function roundMoney(n: number): number {
  if (!Number.isFinite(n) || n <= 0) return 0;
  const step = n < 500 ? 5 : n < 5_000 ? 50 : 100;
  return Math.round(n / step) * step;
}

/** Fraction to move the price by for a verdict's rate against its typical range. */
function adjustment(verdict: string, rate: number, low: number, high: number): number {
  if (!Number.isFinite(rate) || rate < 0) return 0;
  if (verdict === 'above' && high > 0) return Math.min(MAX_RAISE, MAX_RAISE * (rate / high - 1));
  if (verdict === 'below' && low > 0) return -Math.min(MAX_CUT, MAX_CUT * (1 - rate / low));
  return 0;
}

/**
 * The price guidance for a follower count and the creator's benchmark outcome (null: none
 * computed). Never throws.
 */
export function priceGuidance(
  followers: number | null,
  benchmark: BenchmarkOutcome | null,
  scheme: TierScheme = DEFAULT_TIER_SCHEME,
): PriceGuidance | null {
  const tier = tierFor(followers, scheme);
  const base = validCount(tier?.pricePerPost);
  if (!tier || base === null) return null;
  const bench = benchmark?.benchmark ?? null;
  const adj = bench ? adjustment(bench.verdict, bench.rate, bench.typical[0], bench.typical[1]) : 0;
  const floor = base * (1 - MAX_CUT);
  const ceiling = base * (1 + MAX_RAISE);
  const point = roundMoney(base * (1 + adj));
  const low = Math.min(point, roundMoney(Math.max(floor, base * (1 + adj) * (1 - SPREAD))));
  const high = Math.max(point, roundMoney(Math.min(ceiling, base * (1 + adj) * (1 + SPREAD))));
  const money = (n: number) => formatMoney(n, scheme.currency);
  const tierText = `Tier ${tier.rank} price ${money(base)}`;
  const change = Math.round(adj * 100);
  const reason = !bench
    ? `${noVerdictText(benchmark)}: ${tierText} ±10 %.`
    : bench.verdict === 'typical' || change === 0
      ? `${comparedRateText(bench)} is ${bench.text}: ${tierText} ±10 %.`
      : `${comparedRateText(bench)} is ${bench.text}: ${tierText} ${change > 0 ? 'raised' : 'lowered'} ${Math.abs(change)} %.`;
  return { currency: scheme.currency, base, low, high, point, reason, references: [...PRICE_REFERENCES] };
}

/** Why no verdict moved the price: "No verdict (no published YouTube figure per view by channel size)". */
function noVerdictText(benchmark: BenchmarkOutcome | null): string {
  const note = typeof benchmark?.note === 'string' && benchmark.note !== '' ? ` (${benchmark.note})` : '';
  return `No verdict to move it${note}`;
}
