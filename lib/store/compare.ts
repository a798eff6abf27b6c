/**
 * What the compare view shows: one measure per row, the same for every creator, so the figures
 * line up across 2–6 creators. The rows are data: a measure is one entry of
 * {@link COMPARE_MEASURES} (a label, how to show it for a creator, and — for a figure where more
 * or less is better — its value and which way is better, so the best is marked). Audience and
 * content signals become rows by adding entries here, nothing else.
 *
 * Pure: no DOM. Texts come from the store's records (tier names, campaign names are the user's
 * or a file's text): the view shows every cell as an isolated run.
 */
import { formatCost, formatCount, formatDecimal, formatMoney, formatPercent, formatRange, plural, UNKNOWN_TEXT } from '../metrics/format';
import { SIZE_CLASS_LABELS } from '../metrics/tiers';
import { PLATFORM_LABELS } from '../platforms/types';
import { plannedCost } from './campaign-stats';
import { brandsOf, brandsText, competitorHitsOf, competitorText, signalCounts, signalsText, signalsToCheckNames, sponsoredText, sponsoredVsOrganicText } from './creator-insights';
import { ENTRY_STATUS_LABELS, type ShortlistRow } from './shortlist';

/** Which way a figure is better; a measure without one is shown, not ranked. */
export type Better = 'higher' | 'lower';

export interface CompareContext {
  /** The settings' currency: agreed prices are in it (guide prices in the tier scheme's). */
  currency: string;
  /** The settings' competitors (`competitorSet`): the brands row names those worked with. */
  competitors?: ReadonlySet<string>;
}

export interface CompareMeasure {
  id: string;
  label: string;
  /** How the figure is worked out, for the label's title. */
  hint?: string;
  /** Set for a figure where more or less is better: its best value is marked. */
  better?: Better;
  /**
   * The figure the best is chosen by (same units for every creator); null when unknown (the
   * cell is then shown muted). Without `better`, it only tells an unknown value.
   */
  value?: (row: ShortlistRow) => number | null;
  /** The cell's text. */
  text: (row: ShortlistRow, ctx: CompareContext) => string;
  /** A second, smaller line of the cell (where a figure came from); null for none. */
  note?: (row: ShortlistRow, ctx: CompareContext) => string | null;
}

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;

/** The currency a creator's guide prices are in: the tier scheme's at shortlisting, else the settings'. */
export function guideCurrency(row: ShortlistRow, ctx: CompareContext): string {
  return row.creator.currency ?? ctx.currency;
}

export const COMPARE_MEASURES: readonly CompareMeasure[] = [
  { id: 'platform', label: 'Platform', text: (r) => PLATFORM_LABELS[r.creator.platform] },
  { id: 'campaign', label: 'Campaign', text: (r) => r.campaignName },
  { id: 'followers', label: 'Followers', better: 'higher', value: (r) => r.creator.followers, text: (r) => formatCount(r.creator.followers) },
  {
    id: 'er',
    label: 'Engagement rate',
    hint: 'Likes and comments per post ÷ followers, recent posts',
    better: 'higher',
    value: (r) => r.creator.er,
    text: (r) => formatPercent(r.creator.er),
  },
  {
    id: 'erPerView',
    label: 'ER per view',
    hint: 'Likes and comments ÷ views, where the platform shows views',
    better: 'higher',
    value: (r) => r.creator.erPerView,
    text: (r) => formatPercent(r.creator.erPerView),
  },
  {
    id: 'tier',
    label: 'Tier',
    hint: 'Tier 1 is the largest audience',
    text: (r) => (r.creator.tierRank === null ? UNKNOWN_TEXT : `Tier ${r.creator.tierRank}`),
    note: (r) => r.creator.tierName,
  },
  {
    id: 'sizeClass',
    label: 'Size class',
    hint: 'Nano < 1K, Micro 1K–50K, Midi 50K–500K, Macro 500K–1M, Mega ≥ 1M followers',
    text: (r) => (r.creator.sizeClass ? SIZE_CLASS_LABELS[r.creator.sizeClass] : UNKNOWN_TEXT),
  },
  {
    id: 'guidePrice',
    label: 'Guide price per post',
    hint: "The tier's price, nudged by the engagement rate",
    text: (r, ctx) => formatMoney(r.creator.pricePoint, guideCurrency(r, ctx)),
    note: (r, ctx) =>
      r.creator.priceLow !== null && r.creator.priceHigh !== null ? `range ${formatRange(r.creator.priceLow, r.creator.priceHigh, guideCurrency(r, ctx))}` : null,
  },
  {
    id: 'agreedPrice',
    label: 'Agreed price',
    value: (r) => r.entry.agreedPrice,
    text: (r, ctx) => (r.entry.agreedPrice === null ? 'Not agreed yet' : formatMoney(r.entry.agreedPrice, ctx.currency)),
  },
  {
    id: 'cpe',
    label: 'Cost per engagement',
    hint: 'Agreed price (else the guide price) ÷ expected engagements per post (followers × ER)',
    better: 'lower',
    value: (r) => plannedCost(r).value,
    text: (r, ctx) => {
      const { value, price } = plannedCost(r);
      return formatCost(value, price?.source === 'agreed' ? ctx.currency : guideCurrency(r, ctx));
    },
    note: (r) => {
      const { value, price } = plannedCost(r);
      if (!price) return 'no price yet';
      if (value === null) return 'followers or ER unknown';
      return price.source === 'agreed' ? 'from the agreed price' : 'from the guide price';
    },
  },
  {
    id: 'signals',
    label: 'Audience signals to check',
    hint: 'Of the audience signals read at the last visit (likes per comment, consistency, reach, follow-back, growth, cadence): how many are far from usual',
    better: 'lower',
    value: (r) => signalCounts(r.creator)?.toCheck ?? null,
    text: (r) => {
      const n = signalCounts(r.creator);
      return n === null ? UNKNOWN_TEXT : signalsText(r.creator) ?? UNKNOWN_TEXT;
    },
    note: (r) => {
      const names = signalsToCheckNames(r.creator);
      return names.length > 0 ? names.join(', ') : null;
    },
  },
  {
    id: 'likesPerComment',
    label: 'Likes per comment',
    hint: 'Total likes ÷ total comments of the recent posts; far from usual hints at bought likes or comments',
    value: (r) => r.creator.likesPerComment ?? null,
    text: (r) => (typeof r.creator.likesPerComment === 'number' ? formatDecimal(r.creator.likesPerComment, r.creator.likesPerComment >= 100 ? 0 : 1) : UNKNOWN_TEXT),
  },
  {
    id: 'sponsored',
    label: 'Sponsored posts',
    hint: "Recent posts with the platform's paid-partnership flag or a disclosure tag, of the posts read",
    value: (r) => r.creator.sponsoredPosts ?? null,
    text: (r) => sponsoredText(r.creator) ?? UNKNOWN_TEXT,
  },
  {
    id: 'sponsoredVsOrganic',
    label: 'Sponsored vs other posts',
    hint: 'Mean engagement of the sponsored posts ÷ that of the others',
    better: 'higher',
    value: (r) => r.creator.sponsoredVsOrganic ?? null,
    text: (r) => sponsoredVsOrganicText(r.creator) ?? UNKNOWN_TEXT,
  },
  {
    id: 'brands',
    label: 'Brands worked with',
    hint: 'Accounts the recent posts mention or tag, with how many posts',
    value: (r) => brandsOf(r.creator)?.length ?? null,
    text: (r) => brandsText(r.creator, 4) ?? UNKNOWN_TEXT,
    note: (r, ctx) => {
      const hits = ctx.competitors && ctx.competitors.size > 0 ? competitorHitsOf(r.creator, ctx.competitors) : null;
      return hits && hits.length > 0 ? `competitor: ${competitorText(hits)}` : null;
    },
  },
  {
    id: 'undisclosed',
    label: 'Disclosure to check',
    hint: 'Recent posts that tag a brand or carry a promo code or affiliate link but no disclosure',
    better: 'lower',
    value: (r) => r.creator.undisclosedPosts ?? null,
    text: (r) => (typeof r.creator.undisclosedPosts === 'number' ? plural(r.creator.undisclosedPosts, 'post') : UNKNOWN_TEXT),
  },
  { id: 'status', label: 'Status', text: (r) => ENTRY_STATUS_LABELS[r.entry.status] },
];

/** "higher is better" / "lower is better", as the label says it. */
export function betterText(better: Better): string {
  return better === 'higher' ? 'higher is better' : 'lower is better';
}

function known(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * The positions (in `rows`) of the best value of a measure: every creator that has it, ties
 * included. None when the measure is not ranked, fewer than two values are known, or all known
 * values are equal (no one is better).
 */
export function bestOf(measure: CompareMeasure, rows: readonly ShortlistRow[]): Set<number> {
  const { better, value } = measure;
  if (!better || !value) return new Set();
  const values = rows.map((r) => value(r));
  const present = values.filter(known);
  if (present.length < 2) return new Set();
  const best = better === 'higher' ? Math.max(...present) : Math.min(...present);
  if (present.every((v) => v === best)) return new Set();
  return new Set(values.flatMap((v, i) => (v === best ? [i] : [])));
}
