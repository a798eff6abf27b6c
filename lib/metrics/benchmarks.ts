/**
 * Published engagement figures by audience size, per platform, and the verdict "above typical /
 * typical / below typical" for a creator.
 *
 * Rules (issue "A verdict a brand can trust"):
 * - Each platform is judged on its own basis with its own publishers' figures: Instagram per
 *   follower; TikTok per view; YouTube per view; X per impression. A platform, basis or audience
 *   size without a published figure gets NO verdict and a note saying why: another platform's
 *   figures, or another basis's, are never borrowed.
 * - The bands are the publishers' own follower bands, found by the creator's follower count. They
 *   are independent of the price tier scheme (nothing here reads a scheme).
 * - The creator's rate is computed the way the publishers computed theirs (`counts`, `basis`),
 *   over the recent posts the caller passes (the pinned rule applied: ./recent.ts).
 * - "Typical" is the span of the published figures for the creator's size: every figure whose
 *   band holds the follower count; the band named is where all of them apply (the intersection of
 *   their bands). Above the highest → "above typical", under the lowest → "below typical".
 * - The comparison is made at the precision the card shows (one decimal), on both sides: a rate
 *   shown "0.5 %" next to "≈0.5–2.4 %" is typical, never below.
 * - A published figure is an average, not a target: the wording is "typical for …", never "good"
 *   or "bad", and always with the number and its source.
 *
 * Where the figures came from. Every figure below was read in the page cited with it (stored
 * copies of those pages); none is estimated, interpolated or carried from one band to another.
 * Most are a publisher's figures as a press summary reports them (`via`): the full reports sit
 * behind sign-up forms. Where the summary does not restate the publisher's formula, the formula
 * the same publisher documents is cited and marked as such.
 * Looked for and not used, with why:
 * - YouTube per view by channel size: none found with a stated definition and sample. CreatorIQ
 *   (2023, via omnesinfluencers.com) gives 1.6 % for YouTube mega-influencers, but on sponsored
 *   posts only and without the YouTube formula; Influencer Marketing Hub's 2021 Benchmark Report
 *   (via ion.co) gives 1.64 % (micro) and 0.37 % (mega) without band bounds or formula; Upfluence's
 *   2019 white paper divides by subscribers. → no YouTube verdict.
 * - X per impression by audience size: none found. Upfluence (2019) and Rival IQ divide by
 *   followers; Metricool's 1.58 % (via useqwitter.com) is one platform-wide average. → no X verdict.
 * - TikTok: Captiv8 (via EMARKETER) 4.95 % per view for accounts over 1.5M, on sponsored campaign
 *   posts only; Socialinsider (2023) 5.38 % per view for all sizes together; Influencer Marketing
 *   Hub's 2021 figures (~18 % micro, ~5 % mega) per follower. Not used.
 * - Instagram: Markerly's 100K–1M band (1.8 % in an earlier version of this file) is in neither
 *   press report's text, so it is not used; InfluencerDB 2019 (like-follower ratio, via Dazed) and
 *   Captiv8 (per impression) are not on this basis.
 */
import type { Platform, PostStats } from '../platforms/types';
import { PLATFORM_LABELS } from '../platforms/types';
import { validCount } from './counts';
import { rateByDefinition, type Interaction, type RateOptions, type RateResult } from './engagement';
import { formatCompact, formatDecimal, formatPercent } from './format';

export type Verdict = 'above' | 'typical' | 'below';

/** What a platform's rate is divided by. */
export type BenchmarkBasis = 'followers' | 'views' | 'impressions';

export interface Citation {
  publisher: string;
  year: number;
  /** The report or study. */
  title: string;
  /** Where the figures were read (the report itself, or the press summary named in `via`). */
  url: string;
  via?: string;
  sample: string;
  /** How the publisher defined the rate, and how that compares with ours. */
  definition: string;
}

/** One published figure: percent, for followers in [min, max) (max null = open-ended). */
export interface PublishedBand {
  min: number;
  max: number | null;
  value: number;
}

export interface PublishedSeries {
  citation: Citation;
  bands: readonly PublishedBand[];
}

/** A figure shown beside the verdict but never deciding it (its year or definition is unknown). */
export interface ReferenceSeries {
  /** e.g. "AdWeek (year not recorded)". */
  label: string;
  note: string;
  bands: readonly PublishedBand[];
}

export interface PlatformBenchmarks {
  basis: BenchmarkBasis;
  /** What the creator's rate sums, as the publishers below do. */
  counts: readonly Interaction[];
  /** "per follower", "per view incl. shares": the words after a rate. */
  measure: string;
  /** Figures a verdict rests on, newest first. Empty: no verdict on this platform (`none`). */
  series: readonly PublishedSeries[];
  references: readonly ReferenceSeries[];
  /** Why this platform has no verdict at all. */
  none: string;
}

const HYPEAUDITOR_IG_FORMULA =
  'HypeAuditor’s published Instagram formula: (likes + comments) ÷ followers over the latest 12 posts ' +
  '(https://help.hypeauditor.com/en/articles/2771955-what-is-engagement-rate-and-how-do-you-calculate-it) — ours too';
const HYPEAUDITOR_TIKTOK_FORMULA =
  'HypeAuditor’s published TikTok formula: (likes + comments + shares) ÷ views over the latest 30 posts ' +
  '(https://help.hypeauditor.com/en/articles/4089895-what-is-tiktok-engagement-rate-and-how-is-it-calculated); shares counted, so the creator’s rate counts them too';

/** Instagram: HypeAuditor 2026 (1K–10K, 10K–50K, ≥ 1M). */
export const HYPEAUDITOR_2026_INSTAGRAM: PublishedSeries = {
  citation: {
    publisher: 'HypeAuditor',
    year: 2026,
    title: 'State of Influencer Marketing 2026',
    via: 'EMARKETER, “Smaller creators deliver efficiency as ROI pressure mounts”',
    url: 'https://www.emarketer.com/content/smaller-creators-deliver-efficiency-roi-pressure-mounts',
    sample:
      'HypeAuditor’s Instagram creators (81.5 % nano, 14.4 % micro, 0.1 % over 1M); the number of accounts is not stated in the summary',
    definition: `${HYPEAUDITOR_IG_FORMULA}; the summary does not restate it, nor say whether a tier’s figure is a mean or a median. Not given: under 1K, 50K–1M`,
  },
  bands: [
    { min: 1_000, max: 10_000, value: 1.78 },
    { min: 10_000, max: 50_000, value: 0.54 },
    { min: 1_000_000, max: null, value: 0.33 },
  ],
};

/** Instagram and TikTok: HypeAuditor 2023 (nano, 1K–10K, only). */
const HYPEAUDITOR_2023: Omit<Citation, 'definition'> = {
  publisher: 'HypeAuditor',
  year: 2023,
  title: 'State of Influencer Marketing 2023',
  via: 'Busy Continent, “Influencers impacted by fraud decreases: HypeAuditor”',
  url: 'https://busycontinent.com/influencers-impacted-fraud-decreases-hypeauditor/',
  sample: 'HypeAuditor’s creator database (nano influencers: 58 % of Instagram’s, 49 % of TikTok’s); the number of accounts is not stated in the summary',
};

export const HYPEAUDITOR_2023_INSTAGRAM: PublishedSeries = {
  citation: { ...HYPEAUDITOR_2023, definition: `${HYPEAUDITOR_IG_FORMULA}. Only the nano tier (1,000–10,000 followers) is given` },
  bands: [{ min: 1_000, max: 10_000, value: 2.78 }],
};

export const HYPEAUDITOR_2023_TIKTOK: PublishedSeries = {
  citation: { ...HYPEAUDITOR_2023, definition: `${HYPEAUDITOR_TIKTOK_FORMULA}. Only the nano tier (1,000–10,000 followers) is given` },
  bands: [{ min: 1_000, max: 10_000, value: 12.6 }],
};

/**
 * Instagram like rates, Markerly 2016. Marketing Dive's figures (2.37 %, 1.66 %) are kept over
 * Digiday's rounded ones (2.4 %, 1.7 %).
 */
export const MARKERLY_2016: PublishedSeries = {
  citation: {
    publisher: 'Markerly',
    year: 2016,
    title: 'Instagram study of follower count and engagement',
    via: 'Digiday, “The rise of ‘micro-influencers’ on Instagram” (https://digiday.com/marketing/micro-influencers), and Marketing Dive',
    url: 'https://www.marketingdive.com/news/brand-marketers-see-higher-engagement-with-micro-influencers-survey/418109/',
    sample: 'a survey of 2 million social media influencers (Digiday)',
    definition:
      'like rate: likes ÷ followers, unpaid posts (Digiday). Comments are not counted (Markerly says comment rates follow the same pattern), so these sit a little below a rate that adds them. Not given: 100K–1M, over 10M',
  },
  bands: [
    { min: 0, max: 1_000, value: 8 },
    { min: 1_000, max: 10_000, value: 4 },
    { min: 10_000, max: 100_000, value: 2.37 },
    { min: 1_000_000, max: 10_000_000, value: 1.66 },
  ],
};

/** Kept from the project's source documents; the AdWeek article itself was not found again. */
export const ADWEEK: ReferenceSeries = {
  label: 'AdWeek (year not recorded)',
  note: 'kept from the project’s source documents; the article, its year, sample and definition were not found again, so it never decides a verdict',
  bands: [
    { min: 0, max: 1_000, value: 15 },
    { min: 1_000, max: 10_000, value: 7.4 },
    { min: 100_000, max: null, value: 2.4 },
  ],
};

/** TikTok per view, brand accounts: Rival IQ 2023 (under 5K, over 1M). */
export const RIVAL_IQ_2023_TIKTOK: PublishedSeries = {
  citation: {
    publisher: 'Rival IQ',
    year: 2023,
    title: '2023 TikTok Benchmark Report',
    via: 'SMK, “TikTok engagement now 12x Instagram”',
    url: 'https://smk.co/new-report-tiktok-organic-engagement-now-12x-instagram/',
    sample: 'brand accounts (companies’ TikTok profiles, not creators); the number of brands is not stated in the summary',
    definition:
      'engagement rate by view: engagements ÷ views, averaged (“accounts with over one million followers reach 7.5 %, those under 5,000 average 3.8 %”); Rival IQ counts likes, comments and shares as TikTok engagements ' +
      '(Rival IQ, “What is a good engagement rate on TikTok?”, https://rival237.rssing.com/chan-35157455/article134.html). Not given: 5K–1M',
  },
  bands: [
    { min: 0, max: 5_000, value: 3.8 },
    { min: 1_000_000, max: null, value: 7.5 },
  ],
};

export const BENCHMARKS: Readonly<Record<Platform, PlatformBenchmarks>> = {
  instagram: {
    basis: 'followers',
    counts: ['likes', 'comments'],
    measure: 'per follower',
    series: [HYPEAUDITOR_2026_INSTAGRAM, HYPEAUDITOR_2023_INSTAGRAM, MARKERLY_2016],
    references: [ADWEEK],
    none: '',
  },
  tiktok: {
    basis: 'views',
    counts: ['likes', 'comments', 'shares'],
    measure: 'per view incl. shares',
    series: [HYPEAUDITOR_2023_TIKTOK, RIVAL_IQ_2023_TIKTOK],
    references: [],
    none: '',
  },
  youtube: {
    basis: 'views',
    counts: ['likes', 'comments'],
    measure: 'per view',
    series: [],
    references: [],
    none: 'no published YouTube figure per view by channel size',
  },
  x: {
    basis: 'impressions',
    counts: ['likes', 'comments'],
    measure: 'per impression',
    series: [],
    references: [],
    none: 'no published X figure per impression by audience size',
  },
};

/** The basis in words, for notes. */
export const BASIS_WORDS: Readonly<Record<BenchmarkBasis, string>> = {
  followers: 'per follower',
  views: 'per view',
  impressions: 'per impression',
};

/** What is typical for an audience size on a platform: the published figures that apply. */
export interface Yardstick {
  platform: Platform;
  basis: BenchmarkBasis;
  /** "10K–50K", "< 5K", "≥ 1M": where every figure used applies. */
  band: string;
  bandMin: number;
  bandMax: number | null;
  /** Lowest and highest published figure, percent, as published. */
  typical: [number, number];
  /** "≈0.5–2.4 %", "≈12.6 %". */
  typicalText: string;
  measure: string;
  /** "HypeAuditor 2026, Markerly 2016". */
  source: string;
  /** Full citations of the figures used, then the reference figures for the same size. */
  sources: string[];
}

export type YardstickResult = { ok: true; yardstick: Yardstick } | { ok: false; note: string };

export interface Benchmark extends Yardstick {
  /** The creator's rate on the publishers' definition (mean over the recent posts), percent. */
  rate: number;
  verdict: Verdict;
  /** "above typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)". */
  text: string;
}

export type BenchmarkKind = 'verdict' | 'no-figures' | 'followers-unknown' | 'no-band' | 'rate-unknown';

export interface BenchmarkOutcome {
  kind: BenchmarkKind;
  benchmark: Benchmark | null;
  /** Why there is no benchmark (null when there is one). */
  note: string | null;
  verdict: Verdict | null;
  /** One line for the UI: the verdict, or "no verdict: …" with the typical figures when known. */
  text: string;
  /** Citations of every figure shown (empty when none applies). */
  sources: string[];
  /** The creator's rate on the publishers' definition; null when the platform has no figures. */
  rate: RateResult | null;
  /** The yardstick, also when the rate is unknown. */
  yardstick: Yardstick | null;
}

/** "10K–50K", "< 1K", "≥ 1M". */
export function bandLabel(min: number, max: number | null): string {
  if (max === null) return `≥ ${formatCompact(min)}`;
  if (min <= 0) return `< ${formatCompact(max)}`;
  return `${formatCompact(min)}–${formatCompact(max)}`;
}

function holds(band: PublishedBand, n: number): boolean {
  return n >= band.min && (band.max === null || n < band.max);
}

function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}

function rangeText(low: number, high: number): string {
  const lo = formatDecimal(low);
  const hi = formatDecimal(high);
  return lo === hi ? `≈${lo} %` : `≈${lo}–${hi} %`;
}

function citationText(c: Citation, figures: string): string {
  const via = c.via ? `, as reported by ${c.via}` : '';
  return `${c.publisher} ${c.year}, ${c.title}${via} (${c.url}): ${figures}. Sample: ${c.sample}. Definition: ${c.definition}.`;
}

function figureText(band: PublishedBand, measure: string): string {
  return `${formatDecimal(band.value, 2)} % ${measure} for ${bandLabel(band.min, band.max)}`;
}

/** The span of follower counts around `n` that no band covers, for the note. */
function gapAround(bands: readonly PublishedBand[], n: number): string {
  let lo = 0;
  let hi: number | null = null;
  for (const b of bands) {
    if (b.max !== null && b.max <= n) lo = Math.max(lo, b.max);
    if (b.min > n) hi = hi === null ? b.min : Math.min(hi, b.min);
  }
  return bandLabel(lo, hi);
}

/** The published figures for an audience size on a platform, or why there are none. */
export function yardstickFor(platform: Platform, followers: number | null): YardstickResult {
  const cfg = BENCHMARKS[platform];
  if (!cfg) return { ok: false, note: 'no published figures for this platform' };
  if (cfg.series.length === 0) return { ok: false, note: cfg.none };
  const n = validCount(followers);
  if (n === null) return { ok: false, note: 'followers unknown' };
  const used = cfg.series.flatMap((s) => s.bands.filter((b) => holds(b, n)).map((band) => ({ series: s, band })));
  const label = PLATFORM_LABELS[platform];
  if (used.length === 0) {
    const gap = gapAround(cfg.series.flatMap((s) => s.bands), n);
    return { ok: false, note: `no published ${label} figure ${BASIS_WORDS[cfg.basis]} for ${gap} accounts` };
  }
  const values = used.map((u) => u.band.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const bandMin = Math.max(...used.map((u) => u.band.min));
  const maxes = used.map((u) => u.band.max).filter((m): m is number => m !== null);
  const bandMax = maxes.length > 0 ? Math.min(...maxes) : null;
  const refs = cfg.references.flatMap((r) =>
    r.bands.filter((b) => holds(b, n)).map((b) => `For reference only: ${r.label}, ${figureText(b, 'engagement rate')} (${r.note}).`),
  );
  return {
    ok: true,
    yardstick: {
      platform,
      basis: cfg.basis,
      band: bandLabel(bandMin, bandMax),
      bandMin,
      bandMax,
      typical: [low, high],
      typicalText: rangeText(low, high),
      measure: cfg.measure,
      source: [...new Set(used.map((u) => `${u.series.citation.publisher} ${u.series.citation.year}`))].join(', '),
      sources: [...used.map((u) => citationText(u.series.citation, figureText(u.band, cfg.measure))), ...refs],
    },
  };
}

/** "typical for 10K–50K on Instagram: ≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016". */
export function typicalPhrase(y: Yardstick): string {
  return `typical for ${y.band} on ${PLATFORM_LABELS[y.platform]}: ${y.typicalText} ${y.measure}, ${y.source}`;
}

/** Above the highest published figure, under the lowest, or within, at one decimal. */
export function compare(rate: number, typical: readonly [number, number]): Verdict {
  const shown = oneDecimal(rate);
  return shown > oneDecimal(typical[1]) ? 'above' : shown < oneDecimal(typical[0]) ? 'below' : 'typical';
}

/**
 * The creator's rate against the published figures for their platform and follower count.
 * `posts` are the recent posts the rates use (pinned rule applied); `opts.minPosts` as for the
 * other rates (1 on a single-post page, else 2): a rate resting on fewer posts earns no verdict.
 */
export function benchmarkFor(platform: Platform, followers: number | null, posts: readonly PostStats[], opts?: RateOptions): BenchmarkOutcome {
  const cfg = BENCHMARKS[platform];
  const empty = (kind: BenchmarkKind, note: string, rate: RateResult | null, yardstick: Yardstick | null = null): BenchmarkOutcome => ({
    kind,
    benchmark: null,
    note,
    verdict: null,
    text: `no verdict: ${note}${yardstick ? ` (${typicalPhrase(yardstick)})` : ''}`,
    sources: yardstick ? yardstick.sources : [],
    rate,
    yardstick,
  });
  if (!cfg || cfg.series.length === 0) return empty('no-figures', cfg?.none || 'no published figures for this platform', null);
  const rate = rateByDefinition({ counts: cfg.counts, per: cfg.basis }, followers, Array.isArray(posts) ? [...posts] : [], opts);
  const found = yardstickFor(platform, followers);
  if (!found.ok) return empty(validCount(followers) === null ? 'followers-unknown' : 'no-band', found.note, rate);
  const y = found.yardstick;
  const mean = rate.mean;
  if (!rate.sufficient || mean === null) {
    // An insufficient rate always carries its reason ("not enough data: only 1 post with …").
    return empty('rate-unknown', rate.reason ?? `rate ${BASIS_WORDS[cfg.basis]} unknown`, rate, y);
  }
  const verdict = compare(mean, y.typical);
  const text = `${verdict === 'typical' ? '' : `${verdict} `}typical for ${y.band} on ${PLATFORM_LABELS[platform]} (${y.typicalText} ${y.measure}, ${y.source})`;
  return {
    kind: 'verdict',
    benchmark: { ...y, rate: mean, verdict, text },
    note: null,
    verdict,
    text,
    sources: y.sources,
    rate,
    yardstick: y,
  };
}

/** "ER 4.2 % per follower" — the rate a benchmark compared, in words. */
export function comparedRateText(b: Pick<Benchmark, 'rate' | 'measure'>): string {
  return `ER ${formatPercent(b.rate)} ${b.measure}`;
}
