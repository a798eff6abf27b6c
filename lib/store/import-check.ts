/**
 * The one validation of an import: whether the store will accept a record of an imported file,
 * and if not, why, in a sentence that names the field ("ER 2e9 % is not a rate", "date
 * 9999-01-01 is in the future"). The preview (./exchange.ts, `parseImport`) runs it on every row
 * and record it shows as importable; applying (./import-apply.ts, `applyImport`) runs the very
 * same functions again, with the same {@link ImportContext}, before it writes anything, unless
 * the preview is the one `parseImport` made and nothing in it changed: then a CSV row's records
 * are the ones its check parsed ({@link checkRow}), written with the time of the apply (checked
 * on its own). So the preview never promises a row that applying then refuses.
 *
 * A record is checked by converting it to the store's record with the converters below (those
 * `applyImport` writes with) and parsing that with the store's own schemas, plus the rules only
 * an import needs:
 * - no date in the future (more than {@link FUTURE_SLACK_MS}, a day of clock difference, after
 *   the time of the check) and none before 1970;
 * - a listing link must be on the marketplace of the settings at import time (its origin and
 *   path prefix: lib/marketplace/links.ts `isOnMarketplace`), or it is not imported.
 *
 * Pure: no database access.
 */
import * as z from 'zod/mini';
import { isolate } from '../bidi';
import { isOnMarketplace, marketplaceAddress, type Marketplace } from '../marketplace/links';
import type {
  CampaignRecord as ExchangeCampaign,
  CreatorRecord as ExchangeCreator,
  ExportRow,
  HistoryRecord,
  InvitationRecord as ExchangeInvitation,
  ListingRecord as ExchangeListing,
} from './exchange';
import { SnapshotPointSchema, type SnapshotPoint } from './history';
import { ListingLinkSchema, StoredInvitationSchema, type ListingLink, type StoredInvitation } from './marketplace';
import { CampaignSchema, CreatorRecordSchema, EntrySchema, givenProfileUrl, handleKey, type CreatorInsights, type CreatorRecord, type Entry } from './shortlist';

/** What a check is made against: the same for the preview and for applying it. */
export interface ImportContext {
  /** Unix milliseconds of the check: dates after it (plus {@link FUTURE_SLACK_MS}) are refused. */
  now: number;
  /** The marketplace of the settings at import time: listing links must lead to it. */
  marketplace: Marketplace;
}

/** A day: a file from a browser whose clock is a little ahead is not refused for it. */
export const FUTURE_SLACK_MS = 86_400_000;

/** The campaign id a row is checked with (the real one is known only when applying). */
const CHECK_CAMPAIGN_ID = 'campaign';

// ---------------------------------------------------------------------------------------------
// Dates

/** ISO text as Unix seconds; the check has refused what cannot be, `fallback` covers the rest. */
export function toSeconds(iso: string, fallback: number): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms / 1000) : fallback;
}

/** Invitation times are Unix milliseconds (lib/marketplace/invites.ts). */
export function toMillis(iso: string, fallback: number): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms >= 0 ? ms : fallback;
}

/** A date as the messages show it: the day, with the time when it is not midnight UTC. */
export function shownDate(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const text = new Date(ms).toISOString();
  return text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : `${text.slice(0, 16).replace('T', ' ')} UTC`;
}

// ---------------------------------------------------------------------------------------------
// Exchange → store records (what applyImport writes)

export type EntryFields = Pick<
  ExportRow,
  'platform' | 'handle' | 'status' | 'agreedPrice' | 'tags' | 'notes' | 'couponCode' | 'affiliateLink' | 'orders' | 'revenue' | 'cost' | 'addedAt'
>;

export function creatorOfRow(row: ExportRow): ExchangeCreator {
  const { platform, handle, displayName, profileUrl, followers, er, erPerView, tierRank, tierName, sizeClass, priceLow, pricePoint, priceHigh, addedAt } = row;
  return {
    platform,
    handle,
    displayName,
    profileUrl,
    followers,
    er,
    erPerView,
    tierRank,
    tierName,
    sizeClass,
    priceLow,
    pricePoint,
    priceHigh,
    ...insightsOf(row),
    addedAt,
    updatedAt: addedAt,
  };
}

/**
 * The signals and what the posts say, as the store keeps them (./shortlist.ts
 * `CreatorInsightsSchema`); a backup written before they were kept has none: unknown.
 */
export function insightsOf(c: Partial<CreatorInsights>): Required<CreatorInsights> {
  return {
    signalsFine: c.signalsFine ?? null,
    signalsToCheck: c.signalsToCheck ?? null,
    signalsUnknown: c.signalsUnknown ?? null,
    signalIdsToCheck: c.signalIdsToCheck ? [...c.signalIdsToCheck] : null,
    likesPerComment: c.likesPerComment ?? null,
    postsRead: c.postsRead ?? null,
    sponsoredPosts: c.sponsoredPosts ?? null,
    sponsoredVsOrganic: c.sponsoredVsOrganic ?? null,
    brands: c.brands ? c.brands.map((b) => ({ handle: b.handle, posts: b.posts })) : null,
    undisclosedPosts: c.undisclosedPosts ?? null,
  };
}

/**
 * The creator record to store: the stored one (display name filled in) when it has a reading at
 * least as new as the file's (`readAt` null: the file does not say, so never newer), else the
 * file's figures.
 */
export function storeCreator(c: ExchangeCreator, stored: CreatorRecord | null, readAt: number | null, now: number): CreatorRecord {
  if (stored && (readAt === null || readAt <= stored.updatedAt)) {
    return { ...stored, displayName: stored.displayName ?? c.displayName };
  }
  return {
    platform: c.platform,
    handleKey: handleKey(c.handle),
    handle: c.handle,
    displayName: c.displayName ?? stored?.displayName ?? null,
    profileUrl: givenProfileUrl(c.platform, c.profileUrl, c.handle),
    addedAt: stored?.addedAt ?? toSeconds(c.addedAt, now),
    updatedAt: readAt ?? now,
    // A file carries figures, not the page they were read from.
    snapshot: null,
    followers: c.followers,
    er: c.er,
    erPerView: c.erPerView,
    tierRank: c.tierRank,
    tierName: c.tierName,
    sizeClass: c.sizeClass,
    pricePoint: c.pricePoint,
    priceLow: c.priceLow,
    priceHigh: c.priceHigh,
    currency: stored?.currency ?? (c.pricePoint === null ? null : 'USD'),
    ...insightsOf(c),
  };
}

export function storeEntry(campaignId: string, r: EntryFields, now: number): Entry {
  return {
    campaignId,
    platform: r.platform,
    handleKey: handleKey(r.handle),
    notes: r.notes,
    tags: [...r.tags],
    status: r.status,
    agreedPrice: r.agreedPrice,
    couponCode: r.couponCode,
    affiliateLink: r.affiliateLink,
    results: { orders: r.orders, revenue: r.revenue, cost: r.cost },
    addedAt: toSeconds(r.addedAt, now),
    updatedAt: now,
  };
}

export function storePoint(h: HistoryRecord, now: number): SnapshotPoint {
  return {
    platform: h.platform,
    handleKey: handleKey(h.handle),
    takenAt: toSeconds(h.takenAt, now),
    followers: h.followers,
    // The backup does not say; a rounded count is the safe assumption.
    followersExact: false,
    following: h.following,
    postsCount: h.postsCount,
    totalLikes: h.totalLikes,
    er: h.er,
    erPerView: h.erPerView,
    pricePoint: null,
  };
}

export function storeListing(l: ExchangeListing, now: number): ListingLink {
  return {
    platform: l.platform,
    handleKey: handleKey(l.handle),
    handle: l.handle,
    url: l.url,
    listingId: l.listingId,
    slug: l.slug,
    linkedAt: toSeconds(l.linkedAt, now),
    opened: l.opened === null ? null : toSeconds(l.opened, now),
  };
}

export function storeInvitation(i: ExchangeInvitation, now: number): StoredInvitation {
  return {
    id: i.id,
    platform: i.platform,
    handle: i.handle,
    handleKey: handleKey(i.handle),
    displayName: i.displayName,
    campaign: i.campaign,
    invitedAt: toMillis(i.invitedAt, now * 1000),
    status: i.status,
    statusAt: toMillis(i.statusAt, now * 1000),
  };
}

// ---------------------------------------------------------------------------------------------
// Messages

type Kind = 'rate' | 'number' | 'text' | 'date' | 'other';

/** The store's field names in plain words, and what kind of value each holds. */
const FIELDS: Record<string, readonly [label: string, kind: Kind]> = {
  platform: ['platform', 'other'],
  handle: ['handle', 'text'],
  handleKey: ['handle', 'text'],
  displayName: ['display name', 'text'],
  profileUrl: ['profile address', 'text'],
  followers: ['followers', 'number'],
  following: ['following', 'number'],
  postsCount: ['posts', 'number'],
  totalLikes: ['total likes', 'number'],
  er: ['ER', 'rate'],
  erPerView: ['ER per view', 'rate'],
  tierRank: ['tier', 'number'],
  tierName: ['tier name', 'text'],
  sizeClass: ['size class', 'other'],
  pricePoint: ['price', 'number'],
  priceLow: ['lowest price', 'number'],
  priceHigh: ['highest price', 'number'],
  currency: ['currency', 'text'],
  signalsFine: ['signals fine', 'number'],
  signalsToCheck: ['signals to check', 'number'],
  signalsUnknown: ['signals unknown', 'number'],
  signalIdsToCheck: ['signal ids to check', 'other'],
  likesPerComment: ['likes per comment', 'number'],
  postsRead: ['posts read', 'number'],
  sponsoredPosts: ['sponsored posts', 'number'],
  sponsoredVsOrganic: ['sponsored vs organic', 'number'],
  brands: ['brands', 'other'],
  undisclosedPosts: ['posts to check for disclosure', 'number'],
  notes: ['notes', 'text'],
  tags: ['tags', 'other'],
  status: ['status', 'other'],
  agreedPrice: ['agreed price', 'number'],
  couponCode: ['coupon code', 'text'],
  affiliateLink: ['affiliate link', 'text'],
  orders: ['orders', 'number'],
  revenue: ['revenue', 'number'],
  cost: ['cost', 'number'],
  name: ['campaign name', 'text'],
  budget: ['budget', 'number'],
  url: ['listing link', 'text'],
  listingId: ['listing id', 'text'],
  slug: ['listing slug', 'text'],
  id: ['id', 'text'],
  campaign: ['campaign tag', 'text'],
  snapshot: ['figures', 'other'],
  addedAt: ['date', 'date'],
  updatedAt: ['date of the figures', 'date'],
  createdAt: ['date created', 'date'],
  takenAt: ['date', 'date'],
  linkedAt: ['date linked', 'date'],
  opened: ['date opened', 'date'],
  invitedAt: ['date invited', 'date'],
  statusAt: ['status date', 'date'],
};

/** A number as a person would write it: 2e9 rather than 2000000000. */
function shownNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 1e6 ? n.toExponential().replace('e+', 'e') : String(n);
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The first problem the store's schema finds in `record`, as "<field> <value> <what is wrong>"
 * ("ER 2e9 % is not a rate"); null when it parses.
 */
export function recordProblem(schema: z.ZodMiniType, record: unknown): string | null {
  const parsed = schema.safeParse(record);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (!issue) return 'a value is not accepted by the shortlist';
  const key = [...issue.path].reverse().find((p): p is string => typeof p === 'string' && p in FIELDS);
  const [label, kind] = key ? (FIELDS[key] ?? ['a value', 'other']) : ['a value', 'other'];
  const value = valueAt(record, key ? issue.path.slice(0, issue.path.lastIndexOf(key) + 1) : []);
  const shown = typeof value === 'number' ? ` ${shownNumber(value)}${kind === 'rate' ? ' %' : ''}` : '';
  if (key && value === undefined) return `${label} is missing`;
  if (issue.code === 'too_big') {
    if (kind === 'rate') return `${label}${shown} is not a rate`;
    if (typeof value === 'string') return `${label} is longer than ${String(issue.maximum)} characters`;
    if (Array.isArray(value)) return `${label}: more than ${String(issue.maximum)}`;
    return `${label}${shown} is too large`;
  }
  if (issue.code === 'too_small') {
    if (typeof value === 'string') return `${label} is empty`;
    return `${label}${shown} must be 0 or more`;
  }
  const custom = issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'is not accepted by the shortlist';
  return `${label}${shown} ${custom}`;
}

/** Dates of a record: none in the future, none before 1970. */
function dateProblem(dates: ReadonlyArray<readonly [key: string, iso: string | null]>, ctx: ImportContext): string | null {
  for (const [key, iso] of dates) {
    if (iso === null) continue;
    const ms = Date.parse(iso);
    const label = FIELDS[key]?.[0] ?? 'date';
    if (!Number.isFinite(ms)) return `${label} ${iso} is not a date`;
    if (ms < 0) return `${label} ${shownDate(iso)} is before 1970`;
    if (ms > ctx.now + FUTURE_SLACK_MS) return `${label} ${shownDate(iso)} is in the future`;
  }
  return null;
}

const nowSeconds = (ctx: ImportContext) => Math.floor(ctx.now / 1000);

// ---------------------------------------------------------------------------------------------
// The checks: null = the store accepts it

export function creatorProblem(c: ExchangeCreator, ctx: ImportContext, readAt: number | null): string | null {
  return (
    dateProblem([['addedAt', c.addedAt], ['updatedAt', c.updatedAt]], ctx) ??
    recordProblem(CreatorRecordSchema, storeCreator(c, null, readAt, nowSeconds(ctx)))
  );
}

/** A backup's creator: its figures are dated by `updatedAt`. */
export function backupCreatorProblem(c: ExchangeCreator, ctx: ImportContext): string | null {
  return creatorProblem(c, ctx, toSeconds(c.updatedAt, nowSeconds(ctx)));
}

export function campaignProblem(c: Pick<ExchangeCampaign, 'name' | 'budget'> & { createdAt: string | null }, ctx: ImportContext): string | null {
  return (
    dateProblem([['createdAt', c.createdAt]], ctx) ??
    recordProblem(CampaignSchema, {
      id: CHECK_CAMPAIGN_ID,
      name: c.name,
      budget: c.budget,
      createdAt: c.createdAt === null ? nowSeconds(ctx) : toSeconds(c.createdAt, nowSeconds(ctx)),
      archived: false,
    })
  );
}

export function entryProblem(e: EntryFields, ctx: ImportContext): string | null {
  return dateProblem([['addedAt', e.addedAt]], ctx) ?? recordProblem(EntrySchema, storeEntry(CHECK_CAMPAIGN_ID, e, nowSeconds(ctx)));
}

/** The check of a campaign named by rows, once per name and context (10,000 rows name a handful). */
const namedCampaigns = new WeakMap<ImportContext, Map<string, string | null>>();

function namedCampaignProblem(name: string, ctx: ImportContext): string | null {
  let known = namedCampaigns.get(ctx);
  if (!known) namedCampaigns.set(ctx, (known = new Map()));
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  const problem = campaignProblem({ name, budget: null, createdAt: null }, ctx);
  known.set(name, problem);
  return problem;
}

/** A CSV row: its creator (undated figures), its entry, and its campaign when it names one. */
export function rowProblem(row: ExportRow, ctx: ImportContext): string | null {
  return checkRow(row, ctx).problem;
}

/**
 * A CSV row's records as the store's schemas parsed them when the row was checked: its creator
 * (none stored, figures undated) and its entry (on the check's campaign id), both at the time of
 * the check. Applying writes them (./import-apply.ts) with its own time and campaign id set.
 */
export interface CheckedRow {
  creator: CreatorRecord;
  entry: Entry;
}

/**
 * {@link rowProblem}, keeping what the check parsed: the first problem of the row, or none and
 * its records. The same checks in the same order, so the same problem.
 */
export function checkRow(row: ExportRow, ctx: ImportContext): { problem: string; records: null } | { problem: null; records: CheckedRow } {
  const c = creatorOfRow(row);
  const creatorDates = dateProblem([['addedAt', c.addedAt], ['updatedAt', c.updatedAt]], ctx);
  if (creatorDates !== null) return { problem: creatorDates, records: null };
  const creator = parsedRecord(CreatorRecordSchema, storeCreator(c, null, null, nowSeconds(ctx)));
  if (creator.problem !== null) return creator;
  const entryDates = dateProblem([['addedAt', row.addedAt]], ctx);
  if (entryDates !== null) return { problem: entryDates, records: null };
  const entry = parsedRecord(EntrySchema, storeEntry(CHECK_CAMPAIGN_ID, row, nowSeconds(ctx)));
  if (entry.problem !== null) return entry;
  const campaign = row.campaign === '' ? null : namedCampaignProblem(row.campaign, ctx);
  if (campaign !== null) return { problem: campaign, records: null };
  return { problem: null, records: { creator: creator.value, entry: entry.value } };
}

/** `record` as `schema` parses it, or the problem {@link recordProblem} names. */
function parsedRecord<T>(schema: z.ZodMiniType<T>, record: unknown): { problem: string; records: null; value?: never } | { problem: null; value: T } {
  const parsed = schema.safeParse(record);
  if (parsed.success) return { problem: null, value: parsed.data };
  return { problem: recordProblem(schema, record) ?? 'a value is not accepted by the shortlist', records: null };
}

export function snapshotProblem(h: HistoryRecord, ctx: ImportContext): string | null {
  return dateProblem([['takenAt', h.takenAt]], ctx) ?? recordProblem(SnapshotPointSchema, storePoint(h, nowSeconds(ctx)));
}

function shortUrl(url: string): string {
  return isolate(url.length > 80 ? `${url.slice(0, 80)}…` : url);
}

export function listingProblem(l: ExchangeListing, ctx: ImportContext): string | null {
  const dated = dateProblem([['linkedAt', l.linkedAt], ['opened', l.opened]], ctx);
  if (dated !== null) return dated;
  if (!isOnMarketplace(ctx.marketplace, l.url)) {
    const address = marketplaceAddress(ctx.marketplace);
    return address === null
      ? `listing link ${shortUrl(l.url)} was not imported: the marketplace address in your settings cannot be used`
      : `listing link ${shortUrl(l.url)} is not on your marketplace (${address}), so it was not imported`;
  }
  return recordProblem(ListingLinkSchema, storeListing(l, nowSeconds(ctx)));
}

export function invitationProblem(i: ExchangeInvitation, ctx: ImportContext): string | null {
  return dateProblem([['invitedAt', i.invitedAt], ['statusAt', i.statusAt]], ctx) ?? recordProblem(StoredInvitationSchema, storeInvitation(i, nowSeconds(ctx)));
}
