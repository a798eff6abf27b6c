/**
 * Campaign figures for the shortlist page: what a creator costs per engagement, the return on
 * what was spent, how a budget is used, and creators ranked on one metric.
 *
 * Pure functions over the rows the store returns. Unknown inputs give null (shown as "—"),
 * never NaN, Infinity or a made-up 0: a creator whose rate is unknown is neither cheap nor
 * expensive.
 */
import { growth, type SnapshotPoint } from './history';
import type { ShortlistRow } from './shortlist';

/** A finite number, or null for anything else (null, NaN, ±Infinity). */
function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** The identity of a creator (not of an entry): platform and handle key. */
export function creatorKeyOf(row: Pick<ShortlistRow, 'creator'>): string {
  return `${row.creator.platform}\u0000${row.creator.handleKey}`;
}

// ---------------------------------------------------------------------------------------------
// Per creator

/** Engagements a post can be expected to get: followers × ER / 100; null when either is unknown. */
export function expectedEngagements(followers: number | null, er: number | null): number | null {
  const f = finite(followers);
  const rate = finite(er);
  if (f === null || rate === null || f < 0 || rate < 0) return null;
  return finite((f * rate) / 100);
}

/**
 * What one engagement costs: price ÷ expected engagements. Null when the price or the
 * engagements are unknown, or when no engagement is expected (0 followers or 0 % ER): a price
 * for nothing has no meaningful cost per engagement.
 */
export function costPerEngagement(price: number | null, followers: number | null, er: number | null): number | null {
  const p = finite(price);
  const expected = expectedEngagements(followers, er);
  if (p === null || p < 0 || expected === null || !(expected > 0)) return null;
  return finite(p / expected);
}

/**
 * Return on investment as a ratio: (revenue − cost) ÷ cost (0.5 = 50 % gained). Null when
 * either is unknown or the cost is 0 (a free collaboration has no ratio to speak of).
 */
export function returnOnInvestment(revenue: number | null, cost: number | null): number | null {
  const r = finite(revenue);
  const c = finite(cost);
  if (r === null || c === null || !(c > 0)) return null;
  return finite((r - c) / c);
}

export type PriceSource = 'agreed' | 'guided';

export interface PlannedPrice {
  amount: number;
  source: PriceSource;
}

/** What a creator is expected to cost: the agreed price once there is one, else the guided price point. */
export function plannedPrice(row: ShortlistRow): PlannedPrice | null {
  const agreed = finite(row.entry.agreedPrice);
  if (agreed !== null) return { amount: agreed, source: 'agreed' };
  const guided = finite(row.creator.pricePoint);
  return guided === null ? null : { amount: guided, source: 'guided' };
}

export interface PlannedCost {
  /** The price per expected engagement; null when the price, followers or rate is unknown. */
  value: number | null;
  /** The price it was computed from (agreed, else the tier's guided price); null when there is none. */
  price: PlannedPrice | null;
}

/**
 * What one engagement is planned to cost, and from which price: the agreed price once there is
 * one, else the tier's guided price. The one cost per engagement of a creator: the leaderboard
 * ranks by it, the compare view shows it, so the two never disagree.
 */
export function plannedCost(row: ShortlistRow): PlannedCost {
  const price = plannedPrice(row);
  return { value: costPerEngagement(price?.amount ?? null, row.creator.followers, row.creator.er), price };
}

/** The planned price per expected engagement (see {@link plannedCost}). */
export function plannedCostPerEngagement(row: ShortlistRow): number | null {
  return plannedCost(row).value;
}

/**
 * Followers gained per month in percent, as the creator's details panel shows it (`growth()`),
 * so the leaderboard and the panel never disagree. Null until the history reaches back a month.
 */
export function monthlyGrowthPercent(history: readonly SnapshotPoint[], now: number): number | null {
  return finite(growth(history, now).perMonth?.percent);
}

// ---------------------------------------------------------------------------------------------
// Budget

export interface TierCount {
  /** Null groups the creators whose tier is unknown. */
  tierRank: number | null;
  tierName: string | null;
  count: number;
}

export interface BudgetSummary {
  budget: number | null;
  /** Agreed prices, plus guided price points where nothing is agreed yet. */
  planned: number;
  agreed: number;
  guided: number;
  /** Creators with neither an agreed nor a guided price: not in `planned`. */
  unpriced: number;
  /** Budget − planned: negative when over budget; null without a budget. */
  remaining: number | null;
  /** Creators per tier, highest tier (rank 1) first, unknown last. */
  tiers: TierCount[];
}

function sum(values: readonly number[]): number {
  // Each amount is at most 1e12 (the store's limit), so a sum of 10,000 stays finite; the
  // guard is for amounts that did not come through the store.
  return finite(values.reduce((a, b) => a + b, 0)) ?? 0;
}

/** The creators per tier, highest tier first and unknown tier last. */
export function tierCounts(rows: readonly ShortlistRow[]): TierCount[] {
  const byRank = new Map<number | null, TierCount>();
  for (const { creator } of rows) {
    const rank = creator.tierRank;
    const known = byRank.get(rank);
    if (known) {
      known.count++;
      known.tierName ??= creator.tierName;
    } else {
      byRank.set(rank, { tierRank: rank, tierName: creator.tierName, count: 1 });
    }
  }
  return [...byRank.values()].sort((a, b) => (a.tierRank ?? Infinity) - (b.tierRank ?? Infinity));
}

/** How a campaign's planned spending stands against its budget. */
export function budgetSummary(rows: readonly ShortlistRow[], budget: number | null): BudgetSummary {
  const prices = rows.map(plannedPrice);
  const agreed = sum(prices.flatMap((p) => (p?.source === 'agreed' ? [p.amount] : [])));
  const guided = sum(prices.flatMap((p) => (p?.source === 'guided' ? [p.amount] : [])));
  const planned = finite(agreed + guided) ?? 0;
  const known = finite(budget);
  return {
    budget: known,
    planned,
    agreed,
    guided,
    unpriced: prices.filter((p) => p === null).length,
    remaining: known === null ? null : finite(known - planned),
    tiers: tierCounts(rows),
  };
}

export interface CampaignBudget {
  id: string;
  name: string;
  budget: number | null;
  creators: number;
  summary: BudgetSummary;
}

/**
 * Budget against planned spending campaign by campaign, for the view of all campaigns: each
 * campaign of `campaigns` with the rows on it (a campaign without rows is listed with zeros).
 */
export function campaignBudgets(rows: readonly ShortlistRow[], campaigns: ReadonlyArray<{ id: string; name: string; budget: number | null }>): CampaignBudget[] {
  const byCampaign = new Map<string, ShortlistRow[]>();
  for (const row of rows) {
    const list = byCampaign.get(row.entry.campaignId);
    if (list) list.push(row);
    else byCampaign.set(row.entry.campaignId, [row]);
  }
  return campaigns.map((c) => {
    const on = byCampaign.get(c.id) ?? [];
    return { id: c.id, name: c.name, budget: finite(c.budget), creators: on.length, summary: budgetSummary(on, c.budget) };
  });
}

/** The budgets set, added up; null when no campaign has one. */
export function totalBudget(campaigns: ReadonlyArray<{ budget: number | null }>): number | null {
  const set = campaigns.map((c) => finite(c.budget)).filter((b): b is number => b !== null);
  return set.length ? sum(set) : null;
}

// ---------------------------------------------------------------------------------------------
// Results

export interface CreatorResults {
  row: ShortlistRow;
  orders: number | null;
  revenue: number | null;
  cost: number | null;
  roi: number | null;
  /** The entered cost per expected engagement. */
  costPerEngagement: number | null;
}

export interface ResultsTotals {
  orders: number | null;
  revenue: number | null;
  cost: number | null;
  /** Over the creators whose revenue and cost are both entered. */
  roi: number | null;
  /** Σ cost ÷ Σ expected engagements, over the creators where both are known. */
  costPerEngagement: number | null;
}

export function creatorResults(row: ShortlistRow): CreatorResults {
  const { orders, revenue, cost } = row.entry.results;
  return {
    row,
    orders: finite(orders),
    revenue: finite(revenue),
    cost: finite(cost),
    roi: returnOnInvestment(revenue, cost),
    costPerEngagement: costPerEngagement(cost, row.creator.followers, row.creator.er),
  };
}

/** A sum over the known values; null when none is known (rather than a misleading 0). */
function knownSum(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? sum(known) : null;
}

/**
 * Campaign totals. ROI and cost per engagement are computed only over the creators that have
 * every figure they need: a creator whose revenue is not entered yet must not count as a loss.
 */
export function resultsTotals(results: readonly CreatorResults[]): ResultsTotals {
  const withBoth = results.filter((r) => r.revenue !== null && r.cost !== null);
  const withReach = results.flatMap((r) => {
    const engagements = expectedEngagements(r.row.creator.followers, r.row.creator.er);
    return r.cost !== null && engagements !== null && engagements > 0 ? [{ cost: r.cost, engagements }] : [];
  });
  const reach = sum(withReach.map((r) => r.engagements));
  return {
    orders: knownSum(results.map((r) => r.orders)),
    revenue: knownSum(results.map((r) => r.revenue)),
    cost: knownSum(results.map((r) => r.cost)),
    roi: returnOnInvestment(sum(withBoth.map((r) => r.revenue ?? 0)), withBoth.length ? sum(withBoth.map((r) => r.cost ?? 0)) : null),
    costPerEngagement: reach > 0 ? finite(sum(withReach.map((r) => r.cost)) / reach) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Leaderboard

export type LeaderboardMetric = 'er' | 'growth' | 'cpe';

/** Whether a larger value ranks higher: cost per engagement is better when lower. */
export const HIGHER_IS_BETTER: Record<LeaderboardMetric, boolean> = { er: true, growth: true, cpe: false };

export interface Ranked {
  row: ShortlistRow;
  value: number | null;
  /** 1 = best; creators with equal values share a rank (1, 2, 2, 4); null when unknown. */
  rank: number | null;
}

/** The value a creator is ranked by; growth comes from the history, keyed by {@link creatorKeyOf}. */
export function metricValue(row: ShortlistRow, metric: LeaderboardMetric, growthByCreator: ReadonlyMap<string, number | null>): number | null {
  switch (metric) {
    case 'er':
      return finite(row.creator.er);
    case 'growth':
      return finite(growthByCreator.get(creatorKeyOf(row)));
    case 'cpe':
      return plannedCostPerEngagement(row);
  }
}

/**
 * Creators ranked on one metric, best first; unknown values last (unranked), then by handle so
 * the order is the same every time.
 */
export function leaderboard(
  rows: readonly ShortlistRow[],
  metric: LeaderboardMetric,
  growthByCreator: ReadonlyMap<string, number | null> = new Map(),
): Ranked[] {
  const sign = HIGHER_IS_BETTER[metric] ? -1 : 1;
  const valued = rows.map((row) => ({ row, value: metricValue(row, metric, growthByCreator) }));
  valued.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else if (a.value !== b.value) {
      return sign * (a.value - b.value);
    }
    return a.row.creator.handleKey.localeCompare(b.row.creator.handleKey) || a.row.creator.platform.localeCompare(b.row.creator.platform);
  });
  let previous: { value: number; rank: number } | null = null;
  return valued.map(({ row, value }, i) => {
    if (value === null) return { row, value, rank: null };
    const rank = previous !== null && previous.value === value ? previous.rank : i + 1;
    previous = { value, rank };
    return { row, value, rank };
  });
}
