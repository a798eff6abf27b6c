/**
 * Published engagement benchmarks and the verdict "above / typical / below" for a creator.
 *
 * The typical range for a creator is taken from the creator's TIER band (e.g. Tier 7, 5K–20K
 * followers), not from the exact follower count: it is the min…max of the Markerly like rates of
 * every Markerly band the tier band overlaps. A 5K–20K tier overlaps 1K–10K (4 %) and 10K–100K
 * (2.4 %), so its typical range is 2.4–4 %.
 *
 * Caveat kept honest: Markerly measured LIKE rates, while our ER adds comments. Markerly reports
 * comment rates following the same pattern at a far smaller size, so the like rate is the
 * dominant term, but an ER sits slightly above a like rate for the same audience.
 *
 * Note: this module and tiers.ts import each other (verdicts need tier bands; `nextTier` needs
 * typical ranges). Both only use the other's exports inside functions, never at module load,
 * so the cycle is safe in ES modules; keep it that way.
 */
import { formatDecimal } from './format';
import { DEFAULT_TIER_SCHEME, formatBand, tierFor, type TierScheme } from './tiers';

export interface BenchmarkBand {
  /** Inclusive lower bound of followers. */
  min: number;
  /** Exclusive upper bound; null = open-ended. */
  max: number | null;
  /** Percent. */
  rate: number;
}

/**
 * Instagram like rate by followers. Markerly, 2016 study of Instagram accounts (~800K users;
 * press reports speak of ~2 million influencers surveyed), as reported by Digiday, "The rise of 'micro-influencers' on Instagram" (2016,
 * https://digiday.com/marketing/micro-influencers) and Marketing Dive (2016,
 * https://www.marketingdive.com/news/brand-marketers-see-higher-engagement-with-micro-influencers-survey/418109/):
 * < 1K ≈ 8 %, 1K–10K ≈ 4 %, 10K–100K ≈ 2.4 % (2.37 %), 100K–1M ≈ 1.8 %, 1M–10M ≈ 1.7 % (1.66 %).
 * The study's top band is 1M–10M; it is used for larger accounts too (rates kept falling slowly).
 */
export const MARKERLY_LIKE_RATES: readonly BenchmarkBand[] = [
  { min: 0, max: 1_000, rate: 8 },
  { min: 1_000, max: 10_000, rate: 4 },
  { min: 10_000, max: 100_000, rate: 2.4 },
  { min: 100_000, max: 1_000_000, rate: 1.8 },
  { min: 1_000_000, max: null, rate: 1.7 },
];

/**
 * Instagram engagement rate by followers as reported by AdWeek: < 1K ≈ 15 %, 1K–10K ≈ 7.4 %,
 * > 100K ≈ 2.4 % (10K–100K not reported). Shown as a second reference, not used for verdicts:
 * the Markerly series covers every band.
 */
export const ADWEEK_ENGAGEMENT_RATES: readonly BenchmarkBand[] = [
  { min: 0, max: 1_000, rate: 15 },
  { min: 1_000, max: 10_000, rate: 7.4 },
  { min: 100_000, max: null, rate: 2.4 },
];

const MARKERLY_SOURCE = 'Markerly (2016 study of ~800K Instagram accounts): like rate by follower count';

export interface TypicalRange {
  low: number;
  high: number;
  /** "≈2.4–4 %", or "≈1.8 %" when the band sees one value. */
  text: string;
  sources: string[];
}

export type Verdict = 'above' | 'typical' | 'below';

export interface BenchmarkResult {
  verdict: Verdict | null;
  /** The creator's tier band, e.g. "5K–20K followers". */
  bandLabel: string;
  typicalLow: number;
  typicalHigh: number;
  sources: string[];
  text: string;
}

function overlaps(band: BenchmarkBand, min: number, max: number | null): boolean {
  return band.min < (max ?? Infinity) && (band.max ?? Infinity) > min;
}

/** Typical ER for followers in [min, max): min…max of the Markerly rates of the overlapping bands. */
export function typicalRangeFor(min: number, max: number | null): TypicalRange {
  const lo = Number.isFinite(min) && min > 0 ? min : 0;
  const hi = max !== null && Number.isFinite(max) && max > lo ? max : null;
  const rates = MARKERLY_LIKE_RATES.filter((b) => overlaps(b, lo, hi)).map((b) => b.rate);
  // Every range starting at 0 or above overlaps a band, so rates is never empty; 0 is a guard.
  const low = rates.length > 0 ? Math.min(...rates) : 0;
  const high = rates.length > 0 ? Math.max(...rates) : 0;
  const adweek = ADWEEK_ENGAGEMENT_RATES.filter((b) => overlaps(b, lo, hi)).map(
    (b) => `AdWeek: ≈${formatDecimal(b.rate)} % engagement rate for ${formatBand(b.min, b.max)}`,
  );
  return { low, high, text: rangeText(low, high), sources: [MARKERLY_SOURCE, ...adweek] };
}

function rangeText(low: number, high: number): string {
  return low === high ? `≈${formatDecimal(low)} %` : `≈${formatDecimal(low)}–${formatDecimal(high)} %`;
}

/**
 * Compare an ER (percent) with what is typical for the creator's tier band. The comparison is
 * made at the precision the UI shows (one decimal), so a creator shown "4.0 %" next to a range
 * ending at 4 reads "typical", never "above".
 */
export function benchmarkVerdict(
  er: number | null,
  followers: number | null,
  scheme: TierScheme = DEFAULT_TIER_SCHEME,
): BenchmarkResult {
  const tier = tierFor(followers, scheme);
  if (!tier) {
    const all = typicalRangeFor(0, null);
    return {
      verdict: null,
      bandLabel: formatBand(null, null),
      typicalLow: all.low,
      typicalHigh: all.high,
      sources: all.sources,
      text: 'no verdict: followers unknown',
    };
  }
  const bandLabel = formatBand(tier.minFollowers, tier.maxFollowers);
  const typical = typicalRangeFor(tier.minFollowers, tier.maxFollowers);
  const base = { bandLabel, typicalLow: typical.low, typicalHigh: typical.high, sources: typical.sources };
  if (typeof er !== 'number' || !Number.isFinite(er) || er < 0) {
    return { ...base, verdict: null, text: `no verdict: engagement rate unknown (typical for ${bandLabel}: ${typical.text})` };
  }
  const shown = Math.round(er * 10) / 10;
  const verdict: Verdict = shown > typical.high ? 'above' : shown < typical.low ? 'below' : 'typical';
  const prefix = verdict === 'typical' ? '' : `${verdict} `;
  return { ...base, verdict, text: `${prefix}typical for ${bandLabel} (${typical.text})` };
}
