/**
 * The brand's working list: shortlisted creators, campaigns, and each creator's entry on a
 * campaign (notes, tags, status, agreed price, coupon, results).
 *
 * Rules:
 * - Every operation is one transaction, with its reads and writes inside it, so two tabs writing
 *   at once cannot overwrite each other's changes, and a failure leaves nothing half-written.
 * - Every operation returns a {@link StoreResult}: bad input and storage failures come back as a
 *   user-facing message, never as a throw.
 * - Everything written is validated with zod; everything read back is parsed again, and records
 *   that no longer parse are skipped and counted rather than crashing the list.
 * - A creator record lives as long as it is on at least one campaign, and holds its entries
 *   (version 5): a creator on two campaigns is one record with two entries.
 * - Times are Unix seconds, like the rest of the extension.
 */
import * as z from 'zod/mini';
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Analysis } from '../metrics/analysis';
import type { AudienceSignal } from '../metrics/signals';
import type { SizeClass } from '../metrics/tiers';
import type { Platform, Snapshot } from '../platforms/types';
import { profileUrlFor } from '../platforms/profile-url';
import { PlatformSchema, SnapshotSchema } from '../schema';
import { DEFAULT_CAMPAIGN_ID, DEFAULT_CAMPAIGN_NAME, type LensDB } from './db';
import { inTransaction, StoreInputError, withStoreErrors, type StoreResult } from './errors';

type Db = IDBPDatabase<LensDB>;

// ---------------------------------------------------------------------------------------------
// Records

const count = z.nullable(z.number().check(z.gte(0), z.lte(1e15)));
const percent = z.nullable(z.number().check(z.gte(0), z.lte(1e9)));
const seconds = z.number().check(z.gte(0), z.lte(1e11));
const MAX_MONEY = 1e12;
const money = z.nullable(z.number().check(z.gte(0, 'must be 0 or more'), z.lte(MAX_MONEY, 'is too large')));
const text = (max: number) => z.nullable(z.string().check(z.maxLength(max, `must be at most ${max} characters`)));

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
export const MAX_NOTES_LENGTH = 10_000;
export const MAX_CAMPAIGN_NAME_LENGTH = 100;

function isWebAddress(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Links are shown as links: only http(s), never `javascript:` or `data:`. */
const webAddress = z
  .string()
  .check(z.maxLength(2000, 'must be at most 2000 characters'), z.refine(isWebAddress, 'must be a web address starting with https://'));

export const HandleKeySchema = z.string().check(z.minLength(1), z.maxLength(200));
const campaignId = z.string().check(z.minLength(1), z.maxLength(100));

export const SizeClassSchema = z.enum(['nano', 'micro', 'midi', 'macro', 'mega']);

/** At most this many brands (mentioned or tagged accounts) are kept with a creator, most posts first. */
export const MAX_STORED_BRANDS = 30;
/** Signal ids are kept as text: a record written by a newer version (with a signal this one lacks) still loads. */
const SIGNAL_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** Handles as the readers write them (lower-case, no @): letters of any script, digits, `.`, `_`, `-`, `·`. */
const BRAND_HANDLE_PATTERN = /^[\p{L}\p{M}\p{N}._\-·]{1,100}$/u;
const smallCount = z.nullable(z.int().check(z.gte(0), z.lte(1e6)));

/** A brand a creator worked with: an account their recent posts mention or tag, and in how many (null: the file did not say). */
export const BrandSchema = z.object({
  handle: z.string().check(z.regex(BRAND_HANDLE_PATTERN, 'must be a handle (letters, digits, ".", "_" or "-")')),
  posts: z.nullable(z.int().check(z.gte(1), z.lte(1e6))),
});
export type Brand = z.infer<typeof BrandSchema>;

/**
 * The audience signals and what the posts say, as of the creator's latest reading (lib/metrics/
 * signals.ts, content.ts): kept with the creator so the shortlist can show, filter, sort, compare
 * and export them. Every field is optional: records written before they existed load as they
 * are, and read as unknown — absent and null both mean unknown, never 0 or "none". Competitors
 * are matched against `brands` when shown, with the settings of the moment.
 */
export const CreatorInsightsSchema = z.object({
  /** How many audience signals are fine, to check, unknown. */
  signalsFine: z.optional(smallCount),
  signalsToCheck: z.optional(smallCount),
  signalsUnknown: z.optional(smallCount),
  /** The ids of the signals to check (lib/metrics/signals.ts `SIGNAL_IDS`), in their order. */
  signalIdsToCheck: z.optional(z.nullable(z.array(z.string().check(z.regex(SIGNAL_ID_PATTERN, 'must be a signal id'))).check(z.maxLength(50)))),
  /** Total likes ÷ total comments of the recent posts (the `like-comment-ratio` signal's value). */
  likesPerComment: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1e9)))),
  /** Recent posts whose caption, tags or flag the page carried: what the next counts are of. */
  postsRead: z.optional(smallCount),
  sponsoredPosts: z.optional(smallCount),
  /** Mean engagement of the sponsored posts ÷ that of the others (0.72 = 72 %). */
  sponsoredVsOrganic: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1e6)))),
  /** Brands worked with, most posts first (at most {@link MAX_STORED_BRANDS}). */
  brands: z.optional(z.nullable(z.array(BrandSchema).check(z.maxLength(MAX_STORED_BRANDS, `can be at most ${MAX_STORED_BRANDS}`)))),
  /** Posts that tag a brand or carry a code or affiliate link without a disclosure. */
  undisclosedPosts: z.optional(smallCount),
});
export type CreatorInsights = z.infer<typeof CreatorInsightsSchema>;

/** The analysis figures a creator is filtered and sorted by, stored flat for 10,000 rows. */
export const CreatorSummarySchema = z.object({
  followers: count,
  /** Engagement rate per follower (mean, percent). */
  er: percent,
  /** Engagement rate per view (mean, percent). */
  erPerView: percent,
  /** 1 = the largest accounts. */
  tierRank: z.nullable(z.int().check(z.gte(1), z.lte(1000))),
  tierName: text(200),
  sizeClass: z.nullable(SizeClassSchema),
  pricePoint: money,
  priceLow: money,
  priceHigh: money,
  currency: text(10),
  ...CreatorInsightsSchema.shape,
});
export type CreatorSummary = z.infer<typeof CreatorSummarySchema>;

export const CreatorRecordSchema = z.object({
  platform: PlatformSchema,
  /** Lower-cased handle: the account's identity (handles are case-insensitive on every platform). */
  handleKey: HandleKeySchema,
  /** The handle as the page last wrote it. */
  handle: z.string().check(z.minLength(1), z.maxLength(200)),
  displayName: text(500),
  profileUrl: webAddress,
  addedAt: seconds,
  updatedAt: seconds,
  /**
   * The page reading the figures came from; null for figures imported from a file, which carries
   * figures and no reading (counted as a profile's, see {@link replacesStored}). Keeping no made-up
   * reading also keeps an imported record a third of the size: 10,000 of them are written at once.
   */
  snapshot: z.nullable(SnapshotSchema),
  ...CreatorSummarySchema.shape,
});
export type CreatorRecord = z.infer<typeof CreatorRecordSchema>;

export const CampaignSchema = z.object({
  id: campaignId,
  name: z.string().check(z.minLength(1), z.maxLength(MAX_CAMPAIGN_NAME_LENGTH)),
  budget: money,
  createdAt: seconds,
  archived: z.boolean(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

/**
 * The pipeline of an entry, in order: contacted, agreed, the content delivered (for the brand to
 * check), posted (published on the creator's account), paid; "declined" is where a creator who
 * said no (or whom the brand turned down) ends. Added in database version 4: "posted" and
 * "declined" (records of older versions hold only the first five, which stay valid).
 */
export const ENTRY_STATUSES = ['to contact', 'contacted', 'agreed', 'delivered', 'posted', 'paid', 'declined'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  'to contact': 'To contact',
  contacted: 'Contacted',
  agreed: 'Agreed',
  delivered: 'Delivered',
  posted: 'Posted',
  paid: 'Paid',
  declined: 'Declined',
};
/** What each status means, for titles and the import's status choice. */
export const ENTRY_STATUS_HINTS: Record<EntryStatus, string> = {
  'to contact': 'Not contacted yet',
  contacted: 'Contacted, no agreement yet',
  agreed: 'Price and content agreed',
  delivered: 'Content delivered for review',
  posted: 'Published on the creator’s account',
  paid: 'The creator has been paid',
  declined: 'Said no, or turned down',
};
export const EntryStatusSchema = z.enum(ENTRY_STATUSES, `must be one of: ${ENTRY_STATUSES.join(', ')}`);

const tag = z.string().check(
  z.trim(),
  z.minLength(1, 'cannot be empty'),
  z.maxLength(MAX_TAG_LENGTH, `must be at most ${MAX_TAG_LENGTH} characters each`),
  // The CSV export joins tags with "; ".
  z.refine((t) => !t.includes(';'), 'must not contain ";"'),
);
const tags = z.array(tag).check(z.maxLength(MAX_TAGS, `can be at most ${MAX_TAGS} per creator`));

/** What the brand enters after the campaign; null = not entered yet. */
export const ResultsSchema = z.object({
  orders: z.nullable(z.int().check(z.gte(0, 'must be 0 or more'), z.lte(1e12, 'is too large'))),
  revenue: money,
  cost: money,
});
export type Results = z.infer<typeof ResultsSchema>;

export const EntrySchema = z.object({
  campaignId,
  platform: PlatformSchema,
  handleKey: HandleKeySchema,
  notes: z.string().check(z.maxLength(MAX_NOTES_LENGTH, `must be at most ${MAX_NOTES_LENGTH} characters`)),
  tags,
  status: EntryStatusSchema,
  agreedPrice: money,
  couponCode: text(200),
  affiliateLink: z.nullable(webAddress),
  results: ResultsSchema,
  addedAt: seconds,
  updatedAt: seconds,
});
export type Entry = z.infer<typeof EntrySchema>;

/**
 * A creator as the store keeps it (version 5): the figures and the creator's entries on
 * campaigns, in one record. Two records a creator (figures, entry) made an import of 10,000
 * creators 20,000 writes, and the browser's cost is per record: folded, it is 10,000.
 */
export const StoredCreatorSchema = z.object({ ...CreatorRecordSchema.shape, entries: z.array(EntrySchema) });
export type StoredCreator = z.infer<typeof StoredCreatorSchema>;

/** What `updateEntry` may change; fields left out keep their value, `results` merges field by field. */
export const EntryPatchSchema = z.strictObject({
  notes: z.optional(EntrySchema.shape.notes),
  tags: z.optional(tags),
  status: z.optional(EntryStatusSchema),
  agreedPrice: z.optional(money),
  couponCode: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(200, 'must be at most 200 characters')))),
  affiliateLink: z.optional(z.nullable(z.string().check(z.trim()))),
  results: z.optional(z.partial(ResultsSchema)),
});
export type EntryPatch = z.input<typeof EntryPatchSchema>;

/** Which entry: a creator on a campaign. The handle is matched case-insensitively. */
export interface EntryKey {
  campaignId: string;
  platform: Platform;
  handle: string;
}
const EntryKeySchema = z.object({ campaignId, platform: PlatformSchema, handle: z.string().check(z.maxLength(200)) });

/** An entry with its creator, as the shortlist table shows it. */
export interface ShortlistRow {
  entry: Entry;
  creator: CreatorRecord;
  campaignName: string;
}

/** How many records are read back; `skipped` counts records that no longer parse. */
export interface Listed<T> {
  items: T[];
  skipped: number;
}

// ---------------------------------------------------------------------------------------------
// Keys and input checks

/** The identity of a handle: without leading @ and lower-cased. */
export function handleKey(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

export function entryKeyOf(row: { entry: Pick<Entry, 'campaignId' | 'platform' | 'handleKey'> }): EntryKey {
  return { campaignId: row.entry.campaignId, platform: row.entry.platform, handle: row.entry.handleKey };
}

const FIELD_LABELS: Record<string, string> = {
  notes: 'Notes',
  tags: 'Tags',
  add: 'Tags',
  remove: 'Tags',
  status: 'Status',
  agreedPrice: 'Agreed price',
  couponCode: 'Coupon code',
  affiliateLink: 'Affiliate link',
  results: 'Results',
  orders: 'Orders',
  revenue: 'Revenue',
  cost: 'Cost',
  name: 'Campaign name',
  budget: 'Budget',
  archived: 'Archived',
};

/** One plain sentence for the first problem zod found. */
function problemOf(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The change is not valid.';
  if (issue.code === 'unrecognized_keys') return `Unknown field: ${issue.keys.join(', ')}.`;
  const field = [...issue.path].reverse().find((p) => typeof p === 'string' && p in FIELD_LABELS);
  const label = typeof field === 'string' ? FIELD_LABELS[field] : 'A value';
  const message = issue.message === 'Invalid input' ? 'is not valid' : issue.message;
  return `${label} ${message}.`;
}

/** Parse input or refuse it with a user-facing message (`refusal`, or the first problem found). */
function parseInput<T>(schema: z.ZodMiniType<T>, value: unknown, refusal?: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoreInputError(refusal ?? problemOf(parsed.error));
  return parsed.data;
}

type EntryKeyTuple = [campaignId: string, platform: Platform, handleKey: string];

function parseKey(k: EntryKey): EntryKeyTuple {
  const key = parseInput(EntryKeySchema, k, 'That creator or campaign is not valid.');
  const handle = handleKey(key.handle);
  if (!handle) throw new StoreInputError('A creator without a handle cannot be found.');
  return [key.campaignId, key.platform, handle];
}

function parseKeys(keys: readonly EntryKey[]): EntryKeyTuple[] {
  return keys.map(parseKey);
}

/** A record read back, or null when it is missing or no longer parses. */
function parseRecord<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  if (value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

// ---------------------------------------------------------------------------------------------
// Creators

function finiteIn(n: number | null | undefined, max: number): number | null {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= max ? n : null;
}

/**
 * The signals and what the posts say, as the store keeps them. `signals` defaults to the
 * analysis's own (computed without the visit history: its growth signals unknown); the
 * background passes those computed with the history. A post page says what one post says, not
 * the account: nothing is kept from it (all unknown), as a post never replaces a profile reading.
 */
export function creatorInsights(snapshot: Snapshot, analysis: Analysis, signals: readonly AudienceSignal[] = analysis.signals): Required<CreatorInsights> {
  const profile = snapshot.kind !== 'post';
  const list = profile && Array.isArray(signals) ? signals : [];
  const counted = (status: AudienceSignal['status']) => (list.length === 0 ? null : list.filter((s) => s.status === status).length);
  const content = profile ? analysis.content : null;
  const brands = content
    ? content.mentions
        .filter((m) => typeof m.handle === 'string' && BRAND_HANDLE_PATTERN.test(m.handle) && Number.isInteger(m.posts) && m.posts >= 1)
        .slice(0, MAX_STORED_BRANDS)
        .map((m) => ({ handle: m.handle, posts: m.posts }))
    : null;
  return {
    signalsFine: counted('ok'),
    signalsToCheck: counted('check'),
    signalsUnknown: counted('unknown'),
    signalIdsToCheck: list.length === 0 ? null : list.filter((s) => s.status === 'check' && SIGNAL_ID_PATTERN.test(s.id)).map((s) => s.id),
    likesPerComment: finiteIn(list.find((s) => s.id === 'like-comment-ratio')?.value, 1e9),
    postsRead: content ? content.posts : null,
    sponsoredPosts: content ? content.sponsored : null,
    sponsoredVsOrganic: content ? finiteIn(content.sponsoredVsOrganic, 1e6) : null,
    brands,
    undisclosedPosts: content ? content.undisclosed : null,
  };
}

/**
 * The figures of an analysis that the shortlist keeps, for a snapshot's creator; `signals` as
 * for {@link creatorInsights}.
 */
export function creatorSummary(snapshot: Snapshot, analysis: Analysis, signals?: readonly AudienceSignal[]): CreatorSummary {
  return {
    followers: snapshot.followers,
    er: analysis.engagement.mean,
    erPerView: analysis.byViews.mean,
    tierRank: analysis.tier?.rank ?? null,
    tierName: analysis.tier?.name ?? null,
    sizeClass: analysis.sizeClass,
    pricePoint: analysis.price?.point ?? null,
    priceLow: analysis.price?.low ?? null,
    priceHigh: analysis.price?.high ?? null,
    currency: analysis.price?.currency ?? null,
    ...creatorInsights(snapshot, analysis, signals),
  };
}

/** A profile page's own URL; for a post page, the author's profile built from the handle. */
export function profileUrlOf(snapshot: Snapshot, handle: string): string {
  return snapshot.kind === 'profile' ? givenProfileUrl(snapshot.platform, snapshot.url, handle) : profileUrlFor(snapshot.platform, handle);
}

/** A profile URL as given (a page's, a file's) when it is a web address, else the one built from the handle. */
export function givenProfileUrl(platform: Platform, url: string | null, handle: string): string {
  return url !== null && isWebAddress(url) ? url : profileUrlFor(platform, handle);
}

/** States whose numbers are worth keeping; a page still loading must not wipe known numbers. */
export const USABLE_STATES: ReadonlySet<Snapshot['state']> = new Set(['ok', 'private', 'empty']);

/**
 * Whether a new snapshot should replace the stored one: not when the page had not loaded its
 * numbers, and a single post's page (one post's rate) never replaces a profile reading. Figures
 * imported from a file (no stored reading) are a profile's figures.
 */
function replacesStored(stored: Snapshot | null, incoming: Snapshot): boolean {
  if (!USABLE_STATES.has(incoming.state)) return false;
  return !(incoming.kind === 'post' && (stored?.kind ?? 'profile') !== 'post');
}

/** The creator record after a visit or a shortlisting (keeps `addedAt`; see {@link replacesStored}). */
export function creatorFrom(existing: CreatorRecord | null, snapshot: Snapshot, summary: CreatorSummary, handle: string, now: number): CreatorRecord {
  const base = {
    platform: snapshot.platform,
    handleKey: handleKey(handle),
    handle: handle.trim().replace(/^@+/, ''),
    displayName: snapshot.displayName ?? existing?.displayName ?? null,
    profileUrl: snapshot.kind === 'profile' || !existing ? profileUrlOf(snapshot, handle) : existing.profileUrl,
    addedAt: existing?.addedAt ?? now,
    updatedAt: now,
  };
  if (existing && !replacesStored(existing.snapshot, snapshot)) return { ...existing, ...base };
  return { ...base, snapshot, ...summary };
}

function newEntry(campaign: string, platform: Platform, key: string, now: number): Entry {
  return {
    campaignId: campaign,
    platform,
    handleKey: key,
    notes: '',
    tags: [],
    status: 'to contact',
    agreedPrice: null,
    couponCode: null,
    affiliateLink: null,
    results: { orders: null, revenue: null, cost: null },
    addedAt: now,
    updatedAt: now,
  };
}

export interface ShortlistOutcome {
  /** The creator was not on this campaign before. */
  isNew: boolean;
  /** The creator was on no campaign before. */
  creatorIsNew: boolean;
  /** The campaigns the creator is on now, in campaign order, with their names (read in the same transaction). */
  campaigns: Array<{ id: string; name: string }>;
}

// ---------------------------------------------------------------------------------------------
// Stored creators (version 5): a creator's entries live in its record

type CreatorsTx = Pick<IDBPTransaction<LensDB, Array<'creators' | 'campaigns'>, 'readonly' | 'readwrite'>, 'objectStore'>;
type CreatorsWriteTx = Pick<IDBPTransaction<LensDB, Array<'creators' | 'campaigns'>, 'readwrite'>, 'objectStore'>;

/** A stored record's field as it is, unparsed (undefined when the record is not an object). */
function rawField(raw: unknown, field: string): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[field] : undefined;
}

/** The campaign id of a stored entry as it is, unparsed. */
export function rawCampaignIdOf(raw: unknown): unknown {
  return rawField(raw, 'campaignId');
}

/** Whether a stored entry (parsed or not) names the creator whose record holds it. */
export function sameCreator(entry: unknown, creator: Pick<CreatorRecord, 'platform' | 'handleKey'>): boolean {
  return rawField(entry, 'platform') === creator.platform && rawField(entry, 'handleKey') === creator.handleKey;
}

/** The entries array of a stored record as it is, unparsed ([] when there is none). */
export function rawEntriesOf(raw: unknown): unknown[] {
  const entries = typeof raw === 'object' && raw !== null ? (raw as { entries?: unknown }).entries : undefined;
  return Array.isArray(entries) ? entries : [];
}

/** A stored creator read back: its figures, the entries that parse, and how many did not. */
export interface ReadCreator<C = CreatorRecord> {
  creator: C;
  /** In campaign id order, as the entries store's keys had them before version 5. */
  entries: Entry[];
  /** Entries of the record, as stored, that no longer parse or name another creator: left out. */
  rejected: unknown[];
}

/**
 * Read a stored creator record with `schema` (the store's, or one that leaves out what a reader
 * does not need), and each of its entries with the entry schema: an entry that does not parse is
 * left out and counted, never the whole creator. Null when the record is missing or its figures
 * no longer parse (its entries cannot be shown without them).
 */
export function readCreator<C extends Pick<CreatorRecord, 'platform' | 'handleKey'> = CreatorRecord>(
  raw: unknown,
  schema: z.ZodMiniType<C> = CreatorRecordSchema as unknown as z.ZodMiniType<C>,
): ReadCreator<C> | null {
  if (raw === undefined) return null;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return null;
  const creator = parsed.data;
  const rawEntries = rawEntriesOf(raw);
  const entries: Entry[] = [];
  const rejected: unknown[] = [];
  for (const e of rawEntries) {
    const entry = EntrySchema.safeParse(e);
    if (entry.success && sameCreator(entry.data, creator)) entries.push(entry.data);
    else rejected.push(e);
  }
  entries.sort((x, y) => (x.campaignId < y.campaignId ? -1 : x.campaignId > y.campaignId ? 1 : 0));
  return { creator, entries, rejected };
}

/** The record to store: the creator's figures with its entries, validated as the store keeps them. */
export function storedCreator(creator: CreatorRecord, entries: readonly Entry[]): StoredCreator {
  return parseInput(StoredCreatorSchema, { ...creator, entries });
}

async function getCreator(tx: CreatorsTx, platform: string, key: string): Promise<ReadCreator | null> {
  return readCreator(await tx.objectStore('creators').get([platform, key]));
}

/**
 * Write a creator with its entries, or delete it when it is on no campaign any more (a creator
 * record lives as long as it is on a campaign).
 */
async function putCreator(tx: CreatorsWriteTx, creator: CreatorRecord, entries: readonly Entry[]): Promise<void> {
  if (entries.length === 0) await tx.objectStore('creators').delete([creator.platform, creator.handleKey]);
  else await tx.objectStore('creators').put(storedCreator(creator, entries));
}

/**
 * Put a creator on a campaign (the default "No campaign" unless told otherwise): the creator
 * record takes the latest snapshot and its figures, and an entry is added if the creator is not
 * on the campaign yet (an existing entry keeps its notes, tags and status). One record read and
 * one written.
 */
export function shortlistCreator(
  db: Db,
  snapshot: Snapshot,
  summary: CreatorSummary,
  campaign: string = DEFAULT_CAMPAIGN_ID,
  now: number = nowSeconds(),
): Promise<StoreResult<ShortlistOutcome>> {
  return withStoreErrors(async () => {
    const snap = parseInput(SnapshotSchema, snapshot, "The numbers read from this page are not valid, so it cannot be shortlisted.");
    const figures = parseInput(CreatorSummarySchema, summary, "This creator's figures are not valid, so it cannot be shortlisted.");
    const key = snap.handle ? handleKey(snap.handle) : '';
    if (!snap.handle || !key) throw new StoreInputError('This page does not say whose account it is, so it cannot be shortlisted.');
    const handle = snap.handle;
    return inTransaction(db, ['campaigns', 'creators'], 'readwrite', async (tx) => {
      const campaignStore = tx.objectStore('campaigns');
      const [campaignIds, existing] = await Promise.all([campaignStore.getAllKeys(), getCreator(tx, snap.platform, key)]);
      if (!campaignIds.includes(campaign)) throw new StoreInputError('That campaign no longer exists.');
      const entries = existing?.entries ?? [];
      const isNew = !entries.some((e) => e.campaignId === campaign);
      const next = isNew ? [...entries, newEntry(campaign, snap.platform, key, now)] : entries;
      await putCreator(tx, creatorFrom(existing?.creator ?? null, snap, figures, handle, now), next);
      // What the card shows next ("On your shortlist · <campaigns>"), without a transaction of its own.
      const on = campaignIds.filter((id) => next.some((e) => e.campaignId === id));
      const campaigns = await Promise.all(
        on.map(async (id) => {
          const parsed = CampaignSchema.safeParse(await campaignStore.get(id));
          return { id, name: parsed.success ? parsed.data.name : id };
        }),
      );
      return { isNew, creatorIsNew: existing === null, campaigns };
    });
  });
}

/** The ids of the campaigns a creator is on, in campaign order: one record read. */
async function campaignsOf(tx: CreatorsTx, platform: string, key: string): Promise<string[]> {
  const [ids, found] = await Promise.all([tx.objectStore('campaigns').getAllKeys(), getCreator(tx, platform, key)]);
  return ids.filter((id) => found?.entries.some((e) => e.campaignId === id) ?? false);
}

/** The ids of the campaigns the creator is on (empty when on none). */
export function isShortlisted(db: Db, platform: Platform, handle: string): Promise<StoreResult<string[]>> {
  return withStoreErrors(() => inTransaction(db, ['campaigns', 'creators'], 'readonly', (tx) => campaignsOf(tx, platform, handleKey(handle))));
}

// ---------------------------------------------------------------------------------------------
// Entries

/** The keys grouped by creator, in the order first named: each creator's record is read and written once. */
function byCreator(keys: readonly EntryKeyTuple[]): Array<{ platform: Platform; key: string; campaignIds: string[] }> {
  const groups = new Map<string, { platform: Platform; key: string; campaignIds: string[] }>();
  for (const [campaignId, platform, key] of keys) {
    const id = `${platform}\u0000${key}`;
    const group = groups.get(id) ?? { platform, key, campaignIds: [] };
    group.campaignIds.push(campaignId);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** Take the entries off their campaigns (multi-select: one transaction for all). */
export function removeFromCampaign(db: Db, keys: readonly EntryKey[]): Promise<StoreResult<{ removed: number }>> {
  return withStoreErrors(async () => {
    const parsed = parseKeys(keys);
    return inTransaction(db, ['campaigns', 'creators'], 'readwrite', async (tx) => {
      let removed = 0;
      for (const { platform, key, campaignIds } of byCreator(parsed)) {
        const found = await getCreator(tx, platform, key);
        if (!found) continue;
        const drop = new Set(campaignIds);
        const kept = found.entries.filter((e) => !drop.has(e.campaignId));
        if (kept.length === found.entries.length) continue;
        removed += found.entries.length - kept.length;
        await putCreator(tx, found.creator, kept);
      }
      return { removed };
    });
  });
}

export interface MoveOutcome {
  moved: number;
  /** Already on the target campaign: left where they were, so no notes are overwritten. */
  alreadyThere: number;
  /** No longer on their campaign (removed meanwhile, e.g. in another tab). */
  missing: number;
}

/** Move entries to another campaign, with their notes, tags, status and results. */
export function moveEntries(db: Db, keys: readonly EntryKey[], toCampaign: string, now: number = nowSeconds()): Promise<StoreResult<MoveOutcome>> {
  return withStoreErrors(async () => {
    const parsed = parseKeys(keys);
    return inTransaction(db, ['campaigns', 'creators'], 'readwrite', async (tx) => {
      if (!(await tx.objectStore('campaigns').getKey(toCampaign))) throw new StoreInputError('That campaign no longer exists.');
      const outcome: MoveOutcome = { moved: 0, alreadyThere: 0, missing: 0 };
      for (const { platform, key, campaignIds } of byCreator(parsed)) {
        const found = await getCreator(tx, platform, key);
        let entries = found?.entries ?? [];
        for (const from of campaignIds) {
          const entry = entries.find((e) => e.campaignId === from);
          if (from === toCampaign) outcome.alreadyThere++;
          else if (!entry) outcome.missing++;
          else if (entries.some((e) => e.campaignId === toCampaign)) outcome.alreadyThere++;
          else {
            entries = [...entries.filter((e) => e !== entry), { ...entry, campaignId: toCampaign, updatedAt: now }];
            outcome.moved++;
          }
        }
        if (found && entries !== found.entries) await putCreator(tx, found.creator, entries);
      }
      return outcome;
    });
  });
}

/** Tags compare case-insensitively; the first spelling is kept. */
function mergeTags(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove.map((t) => t.trim().toLowerCase()));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [...current, ...add]) {
    const t = raw.trim();
    const lower = t.toLowerCase();
    if (!t || seen.has(lower) || removed.has(lower)) continue;
    seen.add(lower);
    out.push(t);
  }
  return out;
}

const TagChangeSchema = z.object({ add: z.optional(z.array(tag)), remove: z.optional(z.array(z.string())) });

/** Add and/or remove tags on several entries at once (one transaction). */
export function tagEntries(
  db: Db,
  keys: readonly EntryKey[],
  change: { add?: readonly string[]; remove?: readonly string[] },
  now: number = nowSeconds(),
): Promise<StoreResult<{ updated: number }>> {
  return withStoreErrors(async () => {
    const parsed = parseKeys(keys);
    const { add = [], remove = [] } = parseInput(TagChangeSchema, change);
    return inTransaction(db, ['campaigns', 'creators'], 'readwrite', async (tx) => {
      let updated = 0;
      for (const { platform, key, campaignIds } of byCreator(parsed)) {
        const found = await getCreator(tx, platform, key);
        if (!found) continue;
        const tagged = new Set(campaignIds);
        if (!found.entries.some((e) => tagged.has(e.campaignId))) continue;
        const entries = found.entries.map((e) => {
          if (!tagged.has(e.campaignId)) return e;
          updated++;
          return { ...e, tags: mergeTags(e.tags, add, remove), updatedAt: now };
        });
        await putCreator(tx, found.creator, entries);
      }
      return { updated };
    });
  });
}

function applyPatch(entry: Entry, patch: z.infer<typeof EntryPatchSchema>, now: number): Entry {
  const { results, couponCode, affiliateLink, tags: newTags, ...rest } = patch;
  const next: Entry = { ...entry, ...rest, updatedAt: now };
  if (newTags !== undefined) next.tags = mergeTags(newTags, [], []);
  // Form fields send "" for "none".
  if (couponCode !== undefined) next.couponCode = couponCode || null;
  if (affiliateLink !== undefined) next.affiliateLink = affiliateLink || null;
  if (results !== undefined) next.results = { ...entry.results, ...results };
  return parseInput(EntrySchema, next);
}

/** Change an entry's notes, tags, status, prices, coupon, link or results. */
export function updateEntry(db: Db, key: EntryKey, patch: EntryPatch, now: number = nowSeconds()): Promise<StoreResult<Entry>> {
  return withStoreErrors(async () => {
    const [campaignId, platform, handle] = parseKey(key);
    const changes = parseInput(EntryPatchSchema, patch);
    return inTransaction(db, ['campaigns', 'creators'], 'readwrite', async (tx) => {
      const found = await getCreator(tx, platform, handle);
      const entry = found?.entries.find((e) => e.campaignId === campaignId);
      if (!found || !entry) throw new StoreInputError('This creator is no longer on that campaign.');
      const next = applyPatch(entry, changes, now);
      await putCreator(tx, found.creator, found.entries.map((e) => (e === entry ? next : e)));
      return next;
    });
  });
}

/** Every campaign with its number of entries, the default first, then by creation. */
function campaignSummaries(rawCampaigns: readonly unknown[], rawCreators: readonly unknown[]): Listed<CampaignSummary> {
  const counts = new Map<string, number>();
  for (const c of rawCreators) {
    for (const e of rawEntriesOf(c)) {
      const id = rawCampaignIdOf(e);
      if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const campaigns = rawCampaigns.map((c) => parseRecord(CampaignSchema, c)).filter((c): c is Campaign => c !== null);
  const items = campaigns.map((c) => ({ ...c, entries: counts.get(c.id) ?? 0 }));
  items.sort((a, b) => Number(b.id === DEFAULT_CAMPAIGN_ID) - Number(a.id === DEFAULT_CAMPAIGN_ID) || a.createdAt - b.createdAt);
  return { items, skipped: rawCampaigns.length - items.length };
}

/**
 * The entries of one campaign (or of every campaign), each with its creator, in the store's order:
 * by creator (platform, then handle), then campaign. `skipped` counts the entries of the campaign
 * (or of all) that cannot be shown: they, their creator's figures or their campaign no longer parse.
 */
function shortlistRows(rawCampaigns: readonly unknown[], rawCreators: readonly unknown[], campaign: string | undefined): Listed<ShortlistRow> {
  const names = new Map<string, string>();
  for (const c of rawCampaigns) {
    const parsed = parseRecord(CampaignSchema, c);
    if (parsed) names.set(parsed.id, parsed.name);
  }
  const items: ShortlistRow[] = [];
  let skipped = 0;
  const counted = (e: unknown) => campaign === undefined || rawCampaignIdOf(e) === campaign;
  for (const raw of rawCreators) {
    const found = readCreator(raw);
    const rawEntries = rawEntriesOf(raw).filter(counted);
    if (!found) {
      skipped += rawEntries.length;
      continue;
    }
    let shown = 0;
    for (const entry of found.entries) {
      if (campaign !== undefined && entry.campaignId !== campaign) continue;
      const campaignName = names.get(entry.campaignId);
      if (campaignName === undefined) continue;
      items.push({ entry, creator: found.creator, campaignName });
      shown++;
    }
    skipped += rawEntries.length - shown;
  }
  return { items, skipped };
}

/** The entries of one campaign (or of every campaign), each with its creator. */
export function listEntries(db: Db, campaign?: string): Promise<StoreResult<Listed<ShortlistRow>>> {
  return withStoreErrors(() =>
    inTransaction(db, ['campaigns', 'creators'], 'readonly', async (tx) => {
      const [rawCampaigns, rawCreators] = await Promise.all([tx.objectStore('campaigns').getAll(), tx.objectStore('creators').getAll()]);
      return shortlistRows(rawCampaigns, rawCreators, campaign);
    }),
  );
}

/**
 * The campaigns with their counts and the rows of one campaign (or all), from one read of the
 * store: what the shortlist page shows, without reading every creator twice.
 */
export function listShortlist(db: Db, campaign?: string): Promise<StoreResult<{ campaigns: Listed<CampaignSummary>; rows: Listed<ShortlistRow> }>> {
  return withStoreErrors(() =>
    inTransaction(db, ['campaigns', 'creators'], 'readonly', async (tx) => {
      const [rawCampaigns, rawCreators] = await Promise.all([tx.objectStore('campaigns').getAll(), tx.objectStore('creators').getAll()]);
      return { campaigns: campaignSummaries(rawCampaigns, rawCreators), rows: shortlistRows(rawCampaigns, rawCreators, campaign) };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Campaigns

const CampaignNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'cannot be empty'),
  z.maxLength(MAX_CAMPAIGN_NAME_LENGTH, `must be at most ${MAX_CAMPAIGN_NAME_LENGTH} characters`),
);
const CampaignPatchSchema = z.strictObject({
  name: z.optional(CampaignNameSchema),
  budget: z.optional(money),
  archived: z.optional(z.boolean()),
});
export type CampaignPatch = z.input<typeof CampaignPatchSchema>;
const NewCampaignSchema = z.object({ name: CampaignNameSchema, budget: money });

/** Campaign names are unique, ignoring case, so lists and exports cannot mix two up. */
function assertNameFree(all: unknown[], name: string, exceptId: string | null): void {
  const lower = name.toLowerCase();
  const taken = all.some((c) => {
    const parsed = parseRecord(CampaignSchema, c);
    return parsed !== null && parsed.id !== exceptId && parsed.name.toLowerCase() === lower;
  });
  if (taken) throw new StoreInputError(`A campaign named "${name}" already exists.`);
}

export function createCampaign(
  db: Db,
  name: string,
  budget: number | null = null,
  now: number = nowSeconds(),
): Promise<StoreResult<Campaign>> {
  return withStoreErrors(async () => {
    const input = parseInput(NewCampaignSchema, { name, budget });
    return inTransaction(db, ['campaigns'], 'readwrite', async (tx) => {
      assertNameFree(await tx.store.getAll(), input.name, null);
      const campaign: Campaign = { id: crypto.randomUUID(), name: input.name, budget: input.budget, createdAt: now, archived: false };
      await tx.store.add(campaign);
      return campaign;
    });
  });
}

/** Rename, set the budget or archive a campaign. */
export function updateCampaign(db: Db, id: string, patch: CampaignPatch): Promise<StoreResult<Campaign>> {
  return withStoreErrors(async () => {
    const changes = parseInput(CampaignPatchSchema, patch);
    return inTransaction(db, ['campaigns'], 'readwrite', async (tx) => {
      const all = await tx.store.getAll();
      const current = parseRecord(CampaignSchema, all.find((c) => (c as Partial<Campaign> | undefined)?.id === id));
      if (!current) throw new StoreInputError('That campaign no longer exists.');
      if (changes.name !== undefined) assertNameFree(all, changes.name, id);
      const next = parseInput(CampaignSchema, { ...current, ...changes });
      await tx.store.put(next);
      return next;
    });
  });
}

export function renameCampaign(db: Db, id: string, name: string): Promise<StoreResult<Campaign>> {
  return updateCampaign(db, id, { name });
}

/**
 * Delete a campaign and its entries (creators on no other campaign go with them). The default
 * "No campaign" stays: it is every page's home.
 */
export function deleteCampaign(db: Db, id: string): Promise<StoreResult<{ removedEntries: number }>> {
  return withStoreErrors(async () => {
    if (id === DEFAULT_CAMPAIGN_ID) throw new StoreInputError(`“${DEFAULT_CAMPAIGN_NAME}” cannot be deleted; remove its creators instead.`);
    return inTransaction(db, ['campaigns', 'creators'], 'readwrite', async (tx) => {
      if (!(await tx.objectStore('campaigns').getKey(id))) throw new StoreInputError('That campaign no longer exists.');
      let removedEntries = 0;
      const onIt = (e: unknown) => rawCampaignIdOf(e) === id;
      for (const raw of await tx.objectStore('creators').getAll()) {
        const rawEntries = rawEntriesOf(raw);
        if (!rawEntries.some(onIt)) continue;
        removedEntries += rawEntries.filter(onIt).length;
        const found = readCreator(raw);
        if (found) await putCreator(tx, found.creator, found.entries.filter((e) => e.campaignId !== id));
        else {
          // Figures that no longer parse: the record is rewritten without the campaign's entries, as it was otherwise.
          const { platform, handleKey: key } = raw as { platform?: unknown; handleKey?: unknown };
          if (typeof platform !== 'string' || typeof key !== 'string') continue;
          const rest = rawEntries.filter((e) => !onIt(e));
          if (rest.length === 0) await tx.objectStore('creators').delete([platform, key]);
          else await tx.objectStore('creators').put({ ...(raw as StoredCreator), entries: rest as Entry[] });
        }
      }
      await tx.objectStore('campaigns').delete(id);
      return { removedEntries };
    });
  });
}

export interface CampaignSummary extends Campaign {
  entries: number;
}

/** Every campaign with its number of entries, the default first, then by creation. */
export function listCampaigns(db: Db): Promise<StoreResult<Listed<CampaignSummary>>> {
  return withStoreErrors(() =>
    inTransaction(db, ['campaigns', 'creators'], 'readonly', async (tx) => {
      const [rawCampaigns, rawCreators] = await Promise.all([tx.objectStore('campaigns').getAll(), tx.objectStore('creators').getAll()]);
      return campaignSummaries(rawCampaigns, rawCreators);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Filtering and sorting (pure)

export const SORT_COLUMNS = [
  'handle',
  'displayName',
  'platform',
  'campaign',
  'followers',
  'er',
  'erPerView',
  'tier',
  'sizeClass',
  'pricePoint',
  'priceLow',
  'priceHigh',
  'status',
  'agreedPrice',
  'orders',
  'revenue',
  'cost',
  'addedAt',
  'updatedAt',
  'signalsToCheck',
  'sponsoredVsOrganic',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface ShortlistQuery {
  /** Words that must all occur (ignoring case) in the handle, display name, notes or tags. */
  text?: string;
  /** Each list filters when not empty: the row's value must be one of those listed. */
  platforms?: readonly Platform[];
  tierRanks?: readonly number[];
  sizeClasses?: readonly SizeClass[];
  statuses?: readonly EntryStatus[];
  /** The row must carry every tag listed (ignoring case). */
  tags?: readonly string[];
  /** Engagement rate range in percent, inclusive; a row with an unknown rate is left out when a bound is set. */
  erMin?: number | null;
  erMax?: number | null;
  /**
   * Competitor handles (the settings'): a row whose brands name one is left out. A row whose
   * brands are unknown is kept (nothing says they worked with one).
   */
  hideCompetitors?: readonly string[];
  sort?: { column: SortColumn; direction: 'asc' | 'desc' };
}

/** The rows a query keeps, and how many of those the other filters keep were left out for a competitor. */
export interface ShortlistView {
  rows: ShortlistRow[];
  /** Rows that pass every other filter and worked with a competitor: hidden when `hideCompetitors` is set, else shown. */
  withCompetitor: number;
}

/** Competitor handles as the settings keep them, cleaned again: lower-case, without @, each once. */
export function competitorSet(competitors: readonly string[] | undefined): ReadonlySet<string> {
  return new Set((Array.isArray(competitors) ? competitors : []).filter((h) => typeof h === 'string').map((h) => h.trim().replace(/^@+/, '').toLowerCase()).filter(Boolean));
}

/** Whether the creator's recent posts name one of the competitors; null when their brands are unknown. */
export function workedWithCompetitor(creator: Pick<CreatorInsights, 'brands'>, competitors: ReadonlySet<string>): boolean | null {
  if (!Array.isArray(creator.brands)) return null;
  return competitors.size > 0 && creator.brands.some((b) => competitors.has(b.handle));
}

const SIZE_ORDER: Record<SizeClass, number> = { nano: 0, micro: 1, midi: 2, macro: 3, mega: 4 };
const STATUS_ORDER = Object.fromEntries(ENTRY_STATUSES.map((s, i) => [s, i])) as Record<EntryStatus, number>;

/** Sort keys: strings lower-cased, ordinal columns as their position; null = unknown. */
const SORT_KEYS: Record<SortColumn, (row: ShortlistRow) => string | number | null> = {
  handle: (r) => r.creator.handleKey,
  displayName: (r) => r.creator.displayName?.toLowerCase() ?? null,
  platform: (r) => r.creator.platform,
  campaign: (r) => r.campaignName.toLowerCase(),
  followers: (r) => r.creator.followers,
  er: (r) => r.creator.er,
  erPerView: (r) => r.creator.erPerView,
  tier: (r) => r.creator.tierRank,
  sizeClass: (r) => (r.creator.sizeClass === null ? null : SIZE_ORDER[r.creator.sizeClass]),
  pricePoint: (r) => r.creator.pricePoint,
  priceLow: (r) => r.creator.priceLow,
  priceHigh: (r) => r.creator.priceHigh,
  status: (r) => STATUS_ORDER[r.entry.status],
  agreedPrice: (r) => r.entry.agreedPrice,
  orders: (r) => r.entry.results.orders,
  revenue: (r) => r.entry.results.revenue,
  cost: (r) => r.entry.results.cost,
  addedAt: (r) => r.entry.addedAt,
  updatedAt: (r) => r.entry.updatedAt,
  // Unknown when the signals were never read, or none of them could be (fine and to check both 0).
  signalsToCheck: (r) => {
    const { signalsFine: fine, signalsToCheck: check } = r.creator;
    return typeof fine === 'number' && typeof check === 'number' && fine + check > 0 ? check : null;
  },
  sponsoredVsOrganic: (r) => r.creator.sponsoredVsOrganic ?? null,
};

function finiteOrNull(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function rowFilter(query: ShortlistQuery): (row: ShortlistRow) => boolean {
  const others = otherFilters(query);
  const competitors = competitorSet(query.hideCompetitors);
  return competitors.size === 0 ? others : (row) => others(row) && workedWithCompetitor(row.creator, competitors) !== true;
}

/** Every filter of the query but the competitors'. */
function otherFilters(query: ShortlistQuery): (row: ShortlistRow) => boolean {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const platforms = query.platforms?.length ? new Set(query.platforms) : null;
  const tiers = query.tierRanks?.length ? new Set(query.tierRanks) : null;
  const sizes = query.sizeClasses?.length ? new Set(query.sizeClasses) : null;
  const statuses = query.statuses?.length ? new Set(query.statuses) : null;
  const wantedTags = (query.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean);
  const erMin = finiteOrNull(query.erMin);
  const erMax = finiteOrNull(query.erMax);
  return (row) => {
    const { creator, entry } = row;
    if (platforms && !platforms.has(creator.platform)) return false;
    if (statuses && !statuses.has(entry.status)) return false;
    if (tiers && (creator.tierRank === null || !tiers.has(creator.tierRank))) return false;
    if (sizes && (creator.sizeClass === null || !sizes.has(creator.sizeClass))) return false;
    if (erMin !== null || erMax !== null) {
      if (creator.er === null) return false;
      if (erMin !== null && creator.er < erMin) return false;
      if (erMax !== null && creator.er > erMax) return false;
    }
    if (wantedTags.length) {
      const has = new Set(entry.tags.map((t) => t.toLowerCase()));
      if (!wantedTags.every((t) => has.has(t))) return false;
    }
    if (words.length) {
      const haystack = searchText(row);
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  };
}

function searchText(row: ShortlistRow): string {
  const { creator, entry } = row;
  return `${creator.handleKey}\n${creator.displayName ?? ''}\n${entry.notes}\n${entry.tags.join('\n')}`.toLowerCase();
}

function compareKeys(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Same rows in the same order every time: equal keys fall back to handle, platform, campaign. */
function tieBreak(a: ShortlistRow, b: ShortlistRow): number {
  return (
    compareKeys(a.creator.handleKey, b.creator.handleKey) ||
    compareKeys(a.creator.platform, b.creator.platform) ||
    compareKeys(a.entry.campaignId, b.entry.campaignId)
  );
}

/**
 * The rows the query keeps, sorted. Unknown values (null) sort last in both directions: a
 * creator whose rate is unknown is neither the best nor the worst. Without `sort`, rows keep
 * their order. Keys are computed once per row (not per comparison) to stay well under a frame
 * for 10,000 rows.
 */
export function filterAndSort(rows: readonly ShortlistRow[], query: ShortlistQuery = {}): ShortlistRow[] {
  return sortRows(rows.filter(rowFilter(query)), query);
}

/**
 * {@link filterAndSort}, and how many rows the other filters keep that worked with one of
 * `competitors` (hidden when the query's `hideCompetitors` is set): one pass over the rows.
 */
export function shortlistView(rows: readonly ShortlistRow[], query: ShortlistQuery, competitors: readonly string[]): ShortlistView {
  const others = otherFilters(query);
  const wanted = competitorSet(competitors);
  const hide = competitorSet(query.hideCompetitors);
  const same = sameSet(hide, wanted);
  let withCompetitor = 0;
  const kept = rows.filter((row) => {
    if (!others(row)) return false;
    const worked = wanted.size > 0 && workedWithCompetitor(row.creator, wanted) === true;
    if (worked) withCompetitor++;
    if (hide.size === 0) return true;
    return same ? !worked : workedWithCompetitor(row.creator, hide) !== true;
  });
  return { rows: sortRows(kept, query), withCompetitor };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function sortRows(kept: ShortlistRow[], query: ShortlistQuery): ShortlistRow[] {
  if (!query.sort) return kept;
  const keyOf = SORT_KEYS[query.sort.column];
  const sign = query.sort.direction === 'desc' ? -1 : 1;
  const decorated = kept.map((row) => ({ row, key: keyOf(row) }));
  decorated.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
      return tieBreak(a.row, b.row);
    }
    return sign * compareKeys(a.key, b.key) || tieBreak(a.row, b.row);
  });
  return decorated.map((d) => d.row);
}
