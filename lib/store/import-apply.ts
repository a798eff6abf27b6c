/**
 * The bridge between the exchange formats (./exchange.ts: CSV rows and the JSON backup, dates as
 * ISO text, entries naming campaigns) and the database records (./shortlist.ts, ./history.ts:
 * Unix seconds, lower-cased handle keys, a snapshot on every creator).
 *
 * - {@link readBackup} reads the whole store as {@link BackupData}, for both exports, and lists
 *   the stored records it had to leave out (they no longer validate) with the reason.
 * - {@link existingRowKeys} gives the preview its "new or updated" split.
 * - {@link applyImport} writes an import preview in ONE transaction. It first checks the
 *   preview's rows and records again with the very checks the preview made (./import-check.ts,
 *   with the preview's own time and marketplace), then converts and validates every record with
 *   the store's own schemas; a single refusal aborts the lot, with a message naming the row (its
 *   line in the file) and the field. A preview `parseImport` made and nothing changed since was
 *   checked by those very functions already: its rows are not checked again, and a CSV row's
 *   new creator and its entry are the records its check parsed, with the apply's time and
 *   campaign id (each checked once) set in them.
 *
 * Merge rules (an import never loses what the browser measured):
 * - Campaigns are matched by name, ignoring case; a name not stored yet becomes a new campaign.
 *   A row on no campaign (empty name) goes on the default campaign ("No campaign"), since a
 *   creator is kept only while on a campaign; so does a row of a file that names the default
 *   campaign by its name, or by the name it had before version 4 ("Shortlist"), unless another
 *   stored campaign has that name (see {@link defaultCampaignNames}).
 * - An entry (creator on a campaign) in the file replaces the stored one's notes, tags, status,
 *   prices, coupon, link and results: that is what "updated" in the preview means.
 * - A creator's numbers come from profile visits. A stored creator keeps its numbers unless the
 *   file is a backup whose reading is newer; a CSV carries no reading date, so it never
 *   replaces them.
 * - Marketplace records (backups only, version 2), see {@link invitationOutcome} and
 *   {@link listingOutcome}: a creator's listing link in the file replaces the stored one only
 *   when it was linked later (`linkedAt`); an invitation replaces the stored one with its id
 *   only when it is the same invitation (same creator, same date invited), its status was set
 *   later (`statusAt`) and it does not move the status back (invited → joined → listed). Every
 *   stored record kept instead of the file's is reported in {@link ImportCounts.kept}. Others
 *   are added.
 */
import { unwrap, type IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import { isolate } from '../bidi';
import { INVITATION_STATUS_LABELS, INVITATION_STATUSES, type InvitationStatus } from '../marketplace/invites';
import { PLATFORM_LABELS, type Platform } from '../platforms/types';
import { DEFAULT_CAMPAIGN_ID, DEFAULT_CAMPAIGN_NAME, LEGACY_DEFAULT_CAMPAIGN_NAME, type LensDB } from './db';
import { inTransaction, StoreInputError, withStoreErrors, type StoreResult } from './errors';
import {
  checkedRowRecords,
  isUnchangedPreview,
  rowKey,
  rowOf,
  type BackupData,
  type CampaignRecord as ExchangeCampaign,
  type CreatorRecord as ExchangeCreator,
  type EntryRecord as ExchangeEntry,
  type ExportRow,
  type HistoryRecord,
  type ImportPreview,
  type InvitationRecord as ExchangeInvitation,
  type ListingRecord as ExchangeListing,
} from './exchange';
import { SnapshotPointSchema, type SnapshotPoint } from './history';
import {
  backupCreatorProblem,
  campaignProblem,
  creatorOfRow,
  entryProblem,
  insightsOf,
  invitationProblem,
  listingProblem,
  recordProblem,
  rowProblem,
  snapshotProblem,
  storeCreator,
  storeEntry,
  storeInvitation,
  storeListing,
  storePoint,
  toSeconds,
  type CheckedRow,
  type EntryFields,
} from './import-check';
import { ListingLinkSchema, StoredInvitationSchema, type ListingLink, type StoredInvitation } from './marketplace';
import {
  CampaignSchema,
  CreatorRecordSchema,
  EntrySchema,
  handleKey,
  rawCampaignIdOf,
  rawEntriesOf,
  readCreator,
  sameCreator,
  StoredCreatorSchema,
  type Campaign,
  type CreatorRecord,
  type Entry,
  type ShortlistRow,
  type StoredCreator,
} from './shortlist';

type Db = IDBPDatabase<LensDB>;

export interface ImportCounts {
  /** Entries (creator on a campaign) that were not stored before. */
  added: number;
  /** Entries that replaced a stored one. */
  updated: number;
  campaignsCreated: number;
  creatorsCreated: number;
  /** Growth-history points written (backups only). */
  historyPoints: number;
  /** Listing links written: new, or linked later than the stored one (backups only). */
  listings: number;
  /** Invitations written: new, or a later step of the stored one (backups only). */
  invitations: number;
  /**
   * Records of the file that were not written because the store holds a newer or a different
   * record with the same key: one sentence each, naming the record and what was kept.
   */
  kept: string[];
}

// ---------------------------------------------------------------------------------------------
// Dates

function toIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** Invitation times are Unix milliseconds (lib/marketplace/invites.ts). */
function msToIso(ms: number): string {
  return new Date(ms).toISOString();
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The day of a date, as the messages show it. */
function day(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : 'an unknown date';
}

// ---------------------------------------------------------------------------------------------
// Store → exchange (exports)

/**
 * A creator's figures without the page reading they came from: what the exchange formats carry.
 * Reading every stored snapshot (a dozen posts each) back through its schema made exporting
 * 10,000 creators take a second; the exports never use it.
 */
const CreatorFiguresSchema = z.omit(CreatorRecordSchema, { snapshot: true });
type CreatorFigures = z.infer<typeof CreatorFiguresSchema>;

function exchangeCreator(c: CreatorFigures): ExchangeCreator {
  return {
    platform: c.platform,
    handle: c.handle,
    displayName: c.displayName || null,
    profileUrl: c.profileUrl,
    followers: c.followers,
    er: c.er,
    erPerView: c.erPerView,
    tierRank: c.tierRank,
    tierName: c.tierName || null,
    sizeClass: c.sizeClass,
    priceLow: c.priceLow,
    pricePoint: c.pricePoint,
    priceHigh: c.priceHigh,
    ...insightsOf(c),
    addedAt: toIso(c.addedAt),
    updatedAt: toIso(c.updatedAt),
  };
}

function exchangeCampaign(c: Campaign): ExchangeCampaign {
  return { id: c.id, name: c.name, budget: c.budget, createdAt: toIso(c.createdAt) };
}

/** The entry names its creator by the stored handle's spelling, as the creator record does. */
function exchangeEntry(e: Entry, handle: string): ExchangeEntry {
  return {
    campaignId: e.campaignId,
    platform: e.platform,
    handle,
    status: e.status,
    agreedPrice: e.agreedPrice,
    tags: [...e.tags],
    notes: e.notes,
    couponCode: e.couponCode || null,
    affiliateLink: e.affiliateLink,
    orders: e.results.orders,
    revenue: e.results.revenue,
    cost: e.results.cost,
    addedAt: toIso(e.addedAt),
  };
}

function exchangeHistory(p: SnapshotPoint, handle: string): HistoryRecord {
  return {
    platform: p.platform,
    handle,
    takenAt: toIso(p.takenAt),
    followers: p.followers,
    following: p.following,
    postsCount: p.postsCount,
    totalLikes: p.totalLikes,
    er: p.er,
    erPerView: p.erPerView,
  };
}

function exchangeListing(l: ListingLink): ExchangeListing {
  return {
    platform: l.platform,
    handle: l.handle,
    url: l.url,
    listingId: l.listingId,
    slug: l.slug || null,
    linkedAt: toIso(l.linkedAt),
    opened: l.opened === null ? null : toIso(l.opened),
  };
}

function exchangeInvitation(i: StoredInvitation): ExchangeInvitation {
  return {
    id: i.id,
    platform: i.platform,
    handle: i.handle,
    displayName: i.displayName || null,
    campaign: i.campaign || null,
    invitedAt: msToIso(i.invitedAt),
    status: i.status,
    statusAt: msToIso(i.statusAt),
  };
}

const creatorId = (platform: string, key: string) => `${platform}\u0000${key}`;

function parsedAll<T>(schema: z.ZodMiniType<T>, raw: unknown[]): T[] {
  return raw.flatMap((r) => {
    const parsed = schema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A stored record an export had to leave out. */
export interface LeftOut {
  /** Which record, as far as it can still be read: "creator @kim on Instagram", "campaign “Spring”". */
  record: string;
  /** Why, in plain words: "ER 5e9 % is not a rate", "its creator's record cannot be read". */
  reason: string;
}

export interface BackupRead extends BackupData {
  /** Stored records that no longer validate, so are not in the export: each with the reason. */
  leftOut: LeftOut[];
}

type Noun = 'creator' | 'campaign' | 'entry' | 'history point' | 'listing link' | 'invitation';

function textField(raw: unknown, key: string): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[key];
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/** A stored record named by whatever of it can still be read. */
function nameOf(noun: Noun, raw: unknown, campaignNames: ReadonlyMap<string, string>): string {
  const platform = textField(raw, 'platform');
  const handle = textField(raw, 'handle') ?? textField(raw, 'handleKey');
  const who = handle ? ` of ${isolate(`@${handle}`)}${platform ? ` on ${PLATFORM_LABELS[platform as Platform] ?? isolate(platform)}` : ''}` : '';
  if (noun === 'campaign') {
    const name = textField(raw, 'name');
    return name ? `campaign “${isolate(name)}”` : 'a campaign';
  }
  if (noun === 'entry') {
    const campaignId = textField(raw, 'campaignId');
    const campaign = campaignId === null ? null : (campaignNames.get(campaignId) ?? null);
    return `the entry${who}${campaign ? ` on “${isolate(campaign)}”` : ''}`;
  }
  return who ? `the ${noun}${who}` : `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** The records of `raw` that parse, and each one that does not as a {@link LeftOut}. */
function parsedReporting<T>(
  schema: z.ZodMiniType<T>,
  raw: unknown[],
  noun: Noun,
  leftOut: LeftOut[],
  campaignNames: ReadonlyMap<string, string> = new Map(),
): T[] {
  return raw.flatMap((r) => {
    const parsed = schema.safeParse(r);
    if (parsed.success) return [parsed.data];
    const reason = typeof r !== 'object' || r === null || Array.isArray(r) ? 'it is not a record' : (recordProblem(schema, r) ?? 'it is not valid');
    leftOut.push({ record: nameOf(noun, r, campaignNames), reason });
    return [];
  });
}

/**
 * Everything stored, in the exchange shapes (for "Export CSV" through `exportRows`, and for the
 * JSON backup). Records that no longer parse cannot be written to a file the import would read:
 * they are left out, and each is listed in `leftOut` with the reason, so the export can say so.
 */
export function readBackup(db: Db): Promise<StoreResult<BackupRead>> {
  return withStoreErrors(() =>
    inTransaction(db, ['campaigns', 'creators', 'snapshots', 'listings', 'invitations'], 'readonly', async (tx) => {
      const [rawCampaigns, rawCreators, rawPoints, rawListings, rawInvitations] = await Promise.all([
        tx.objectStore('campaigns').getAll(),
        tx.objectStore('creators').getAll(),
        tx.objectStore('snapshots').getAll(),
        tx.objectStore('listings').getAll(),
        tx.objectStore('invitations').getAll(),
      ]);
      const leftOut: LeftOut[] = [];
      const campaigns = parsedReporting(CampaignSchema, rawCampaigns, 'campaign', leftOut);
      const campaignNames = new Map(campaigns.map((c) => [c.id, c.name]));
      // Each creator with its entries (./shortlist.ts): a creator whose figures no longer parse is
      // left out with its entries; an entry that no longer parses is left out on its own.
      const creators: CreatorFigures[] = [];
      const entries: Array<{ entry: Entry; handle: string }> = [];
      for (const raw of rawCreators) {
        const found = readCreator(raw, CreatorFiguresSchema);
        if (!found) {
          parsedReporting(CreatorFiguresSchema, [raw], 'creator', leftOut);
          for (const e of rawEntriesOf(raw)) leftOut.push({ record: nameOf('entry', e, campaignNames), reason: "its creator's record cannot be read" });
          continue;
        }
        creators.push(found.creator);
        for (const entry of found.entries) entries.push({ entry, handle: found.creator.handle });
        // Left out: entries that no longer parse (with the reason), and any naming another creator.
        for (const e of parsedReporting(EntrySchema, found.rejected, 'entry', leftOut, campaignNames)) {
          leftOut.push({ record: nameOf('entry', e, campaignNames), reason: "it is stored in another creator's record" });
        }
      }
      const points = parsedReporting(SnapshotPointSchema, rawPoints, 'history point', leftOut);
      const listings = parsedReporting(ListingLinkSchema, rawListings, 'listing link', leftOut);
      const invitations = parsedReporting(StoredInvitationSchema, rawInvitations, 'invitation', leftOut);
      const handles = new Map(creators.map((c) => [creatorId(c.platform, c.handleKey), c.handle]));
      const handleOf = (platform: string, key: string) => handles.get(creatorId(platform, key)) ?? key;
      return {
        creators: creators.map(exchangeCreator),
        campaigns: campaigns.map(exchangeCampaign),
        entries: entries.map(({ entry, handle }) => exchangeEntry(entry, handle)),
        snapshots: points.map((p) => exchangeHistory(p, handleOf(p.platform, p.handleKey))),
        listings: listings.map(exchangeListing),
        invitations: invitations.map(exchangeInvitation),
        leftOut,
      };
    }),
  );
}

/**
 * The CSV rows of the whole list as the shortlist page already holds it ({@link listEntries}
 * of every campaign, in store order): the same rows `exportRows(readBackup(db))` gives, without
 * reading and parsing 20,000 records again. Only for a list known to be the stored data (the
 * page knows from ./changes.ts).
 */
export function exportRowsOfList(rows: readonly ShortlistRow[]): ExportRow[] {
  return rows.map(({ creator, entry, campaignName }) => rowOf(exchangeCreator(creator), campaignName, exchangeEntry(entry, creator.handle)));
}

/**
 * The campaign names (lower-cased) a file may give the default campaign: none (''), its name
 * today and its name before version 4, each unless a stored campaign other than the default has
 * it. `names` are the stored campaigns by id.
 */
function defaultCampaignNames(names: ReadonlyMap<string, string>): string[] {
  const taken = new Set([...names].filter(([id]) => id !== DEFAULT_CAMPAIGN_ID).map(([, name]) => name.toLowerCase()));
  return ['', DEFAULT_CAMPAIGN_NAME.toLowerCase(), LEGACY_DEFAULT_CAMPAIGN_NAME.toLowerCase()].filter((n) => !taken.has(n));
}

/**
 * The {@link rowKey} of every stored entry, for `planImport`. Entries on the default campaign
 * are also keyed with every name a file may give it (none, "No campaign", "Shortlist"), because
 * that is where such rows go.
 */
export function existingRowKeys(db: Db): Promise<StoreResult<Set<string>>> {
  return withStoreErrors(() =>
    inTransaction(db, ['campaigns', 'creators'], 'readonly', async (tx) => {
      const [campaigns, creators] = await Promise.all([tx.objectStore('campaigns').getAll(), tx.objectStore('creators').getAll()]);
      const names = new Map(parsedAll(CampaignSchema, campaigns).map((c) => [c.id, c.name]));
      const defaults = defaultCampaignNames(names);
      const keys = new Set<string>();
      // The entries' own keys, as the store keeps them (their records are parsed by the apply).
      for (const creator of creators) {
        for (const e of rawEntriesOf(creator)) {
          if (!sameCreator(e, creator as Pick<CreatorRecord, 'platform' | 'handleKey'>)) continue;
          const { platform, handleKey: key } = e as { platform: string; handleKey: string };
          const campaignId = rawCampaignIdOf(e);
          const name = typeof campaignId === 'string' ? names.get(campaignId) : undefined;
          if (name === undefined) continue;
          keys.add(rowKey(platform, key, name));
          if (campaignId === DEFAULT_CAMPAIGN_ID) for (const alias of defaults) keys.add(rowKey(platform, key, alias));
        }
      }
      return keys;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Exchange → store (import)

/** What an import carries, whichever the file: creators, campaigns by name, entries by campaign name; each with where it is in the file. */
interface Incoming {
  /** `checked`: the record the preview's check parsed (a CSV row's creator, none stored, at the preview's time). */
  creators: Array<{ record: ExchangeCreator; readAt: number | null; where: string; checked?: CreatorRecord }>;
  campaigns: Array<{ name: string; budget: number | null; createdAt: number | null; where: string }>;
  /** `checked`: the entry the preview's check parsed (on the check's campaign id, at the preview's time). */
  entries: Array<{ campaign: string; row: EntryFields; where: string; checked?: Entry }>;
  history: Array<{ record: HistoryRecord; where: string }>;
}

/** `checked`: the records the preview's check parsed, in step with `rows` (./exchange.ts `checkedRowRecords`), or null. */
function incomingOfRows(rows: readonly ExportRow[], where: readonly string[], checked: readonly CheckedRow[] | null): Incoming {
  const creators = new Map<string, Incoming['creators'][number]>();
  const campaigns = new Map<string, Incoming['campaigns'][number]>();
  rows.forEach((row, i) => {
    const at = where[i] ?? 'a row';
    const id = creatorId(row.platform, handleKey(row.handle));
    // A CSV does not say when its numbers were read, so they never replace a stored reading.
    if (!creators.has(id)) {
      const creator = checked?.[i]?.creator;
      creators.set(id, { record: creatorOfRow(row), readAt: null, where: at, ...(creator ? { checked: creator } : {}) });
    }
    if (row.campaign && !campaigns.has(row.campaign.toLowerCase())) {
      campaigns.set(row.campaign.toLowerCase(), { name: row.campaign, budget: null, createdAt: null, where: at });
    }
  });
  return {
    creators: [...creators.values()],
    campaigns: [...campaigns.values()],
    entries: rows.map((row, i) => {
      const entry = checked?.[i]?.entry;
      return { campaign: row.campaign, row, where: where[i] ?? 'a row', ...(entry ? { checked: entry } : {}) };
    }),
    history: [],
  };
}

/** `rows` are the preview's rows of the backup: those with no campaign are its creators on none. */
function incomingOfBackup(preview: ImportPreview & { backup: BackupData }, now: number): Incoming {
  const { backup, rows, where } = preview;
  const names = new Map(backup.campaigns.map((c) => [c.id, c.name]));
  const onNoCampaign: Incoming['entries'] = rows.flatMap((row, i) => (row.campaign === '' ? [{ campaign: '', row, where: where.rows[i] ?? 'a row' }] : []));
  return {
    creators: backup.creators.map((record, i) => ({ record, readAt: toSeconds(record.updatedAt, now), where: where.creators[i] ?? 'a creator' })),
    campaigns: backup.campaigns.map((c, i) => ({ name: c.name, budget: c.budget, createdAt: toSeconds(c.createdAt, now), where: where.campaigns[i] ?? 'a campaign' })),
    entries: [
      ...backup.entries.flatMap((e, i) => {
        const campaign = names.get(e.campaignId);
        return campaign === undefined ? [] : [{ campaign, row: e, where: where.entries[i] ?? 'an entry' }];
      }),
      ...onNoCampaign,
    ],
    history: backup.snapshots.map((record, i) => ({ record, where: where.snapshots[i] ?? 'a history point' })),
  };
}

/**
 * The first row or record of the preview that its own checks (./import-check.ts) refuse, with
 * the preview's time and marketplace; null when there is none. The preview has already moved
 * every such row to `invalid`, so this finds one only in a preview changed since it was made.
 */
export function firstImportProblem(preview: ImportPreview): { where: string; problem: string } | null {
  // Made by parseImport and unchanged since: every row passed these very checks, with this context.
  if (isUnchangedPreview(preview)) return null;
  const ctx = preview.context;
  const first = <T>(items: readonly T[], places: readonly string[], check: (item: T) => string | null) => {
    for (const [i, item] of items.entries()) {
      const problem = check(item);
      if (problem !== null) return { where: places[i] ?? `record #${i + 1}`, problem };
    }
    return null;
  };
  const { backup, where } = preview;
  if (!backup) return first(preview.rows, where.rows, (row) => rowProblem(row, ctx));
  return (
    first(backup.creators, where.creators, (c) => backupCreatorProblem(c, ctx)) ??
    first(backup.campaigns, where.campaigns, (c) => campaignProblem(c, ctx)) ??
    first(backup.entries, where.entries, (e) => entryProblem(e, ctx)) ??
    first(preview.rows, where.rows, (row) => (row.campaign === '' ? entryProblem(row, ctx) : null)) ??
    first(backup.snapshots, where.snapshots, (s) => snapshotProblem(s, ctx)) ??
    first(backup.listings, where.listings, (l) => listingProblem(l, ctx)) ??
    first(backup.invitations, where.invitations, (i) => invitationProblem(i, ctx))
  );
}

/** Validate with the store's schema, or refuse the whole import naming the row and the field. */
function checked<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new StoreInputError(`Nothing was imported: ${where}: ${recordProblem(schema, value) ?? 'a value is not accepted by the shortlist'}.`);
}

function who(platform: Platform, handle: string): string {
  return `${isolate(`@${handle}`)} on ${PLATFORM_LABELS[platform] ?? platform}`;
}

const STATUS_RANK: Record<InvitationStatus, number> = Object.fromEntries(INVITATION_STATUSES.map((s, i) => [s, i])) as Record<InvitationStatus, number>;

function statusText(i: StoredInvitation): string {
  return `“${INVITATION_STATUS_LABELS[i.status]}”, ${day(i.statusAt)}`;
}

/**
 * What to do with an invitation of the file whose id is already stored. It replaces the stored
 * one only when it is a later step of the same invitation: the same creator and date invited,
 * a status set later, and a status at least as far along (invited → joined → listed). A stored
 * invitation that is newer, further along, or another invitation altogether is kept, and the
 * sentence says so; an identical one is left as it is without a word.
 */
export function invitationOutcome(incoming: StoredInvitation, stored: StoredInvitation, where: string): { write: boolean; kept: string | null } {
  if (stored.platform !== incoming.platform || stored.handleKey !== incoming.handleKey || stored.invitedAt !== incoming.invitedAt) {
    return {
      write: false,
      kept: `${where}: not imported: the invitation stored with the same id is for ${who(stored.platform, stored.handle)}, invited ${day(stored.invitedAt)}; the file’s is for ${who(incoming.platform, incoming.handle)}, invited ${day(incoming.invitedAt)}. The stored one was kept.`,
    };
  }
  if (incoming.status === stored.status && incoming.statusAt === stored.statusAt) return { write: false, kept: null };
  const later = incoming.statusAt > stored.statusAt;
  const back = STATUS_RANK[incoming.status] < STATUS_RANK[stored.status];
  if (later && !back) return { write: true, kept: null };
  const why = later && back ? 'the file’s would move it back' : 'it is newer than the file’s';
  return {
    write: false,
    kept: `${where}: kept the stored invitation of ${who(stored.platform, stored.handle)} (${statusText(stored)}): ${why} (${statusText(incoming)}).`,
  };
}

/** A listing link of the file replaces the stored one of its creator only when linked later; a different stored link kept is reported. */
export function listingOutcome(incoming: ListingLink, stored: ListingLink, where: string): { write: boolean; kept: string | null } {
  if (incoming.linkedAt > stored.linkedAt) return { write: true, kept: null };
  if (incoming.url === stored.url && incoming.listingId === stored.listingId) return { write: false, kept: null };
  return {
    write: false,
    kept: `${where}: kept the listing linked to ${who(stored.platform, stored.handle)} on ${day(stored.linkedAt * 1000)}: it is newer than the file’s (${day(incoming.linkedAt * 1000)}).`,
  };
}

/**
 * Write an import preview: all or nothing, in one transaction. Rows the preview already found
 * invalid are skipped (the preview listed them); a file error refuses the import. The preview's
 * rows are checked again first, with the preview's own checks (see {@link firstImportProblem}).
 */
export function applyImport(db: Db, preview: ImportPreview, now: number = nowSeconds()): Promise<StoreResult<ImportCounts>> {
  return withStoreErrors(async () => {
    if (preview.fileError) throw new StoreInputError(`Nothing was imported: ${preview.fileError}`);
    const problem = firstImportProblem(preview);
    if (problem) throw new StoreInputError(`Nothing was imported: ${problem.where}: ${problem.problem}.`);
    const incoming = preview.backup
      ? incomingOfBackup({ ...preview, backup: preview.backup }, now)
      : incomingOfRows(preview.rows, preview.where.rows, checkedRowRecords(preview));
    // They depend on nothing stored: checked before the transaction opens.
    const listings = (preview.backup?.listings ?? []).map((l, i) => {
      const where = preview.where.listings[i] ?? 'a listing';
      return { record: checked(ListingLinkSchema, storeListing(l, now), where), where };
    });
    const invitations = (preview.backup?.invitations ?? []).map((inv, i) => {
      const where = preview.where.invitations[i] ?? 'an invitation';
      return { record: checked(StoredInvitationSchema, storeInvitation(inv, now), where), where };
    });
    const stores = ['campaigns', 'creators', 'snapshots', 'listings', 'invitations'] as const;
    return inTransaction(db, stores, 'readwrite', async (tx) => {
      const campaignStore = tx.objectStore('campaigns');
      const creatorStore = tx.objectStore('creators');
      const listingStore = tx.objectStore('listings');
      const invitationStore = tx.objectStore('invitations');
      const [rawCampaigns, rawCreators, rawListings, rawInvitations] = await Promise.all([
        campaignStore.getAll(),
        creatorStore.getAll(),
        listings.length > 0 ? listingStore.getAll() : [],
        invitations.length > 0 ? invitationStore.getAll() : [],
      ]);
      const counts: ImportCounts = { added: 0, updated: 0, campaignsCreated: 0, creatorsCreated: 0, historyPoints: 0, listings: 0, invitations: 0, kept: [] };

      // Campaigns by lower-cased name; rows on no campaign belong to the default one.
      const campaigns = parsedAll(CampaignSchema, rawCampaigns);
      const idByName = new Map(campaigns.map((c) => [c.name.toLowerCase(), c.id]));
      for (const alias of defaultCampaignNames(new Map(campaigns.map((c) => [c.id, c.name])))) idByName.set(alias, DEFAULT_CAMPAIGN_ID);
      const newCampaigns: Campaign[] = [];
      for (const c of incoming.campaigns) {
        if (idByName.has(c.name.toLowerCase())) continue;
        const record = checked(CampaignSchema, { id: crypto.randomUUID(), name: c.name, budget: c.budget, createdAt: c.createdAt ?? now, archived: false }, c.where);
        idByName.set(c.name.toLowerCase(), record.id);
        newCampaigns.push(record);
      }
      const onNone = incoming.entries.find((e) => idByName.get(e.campaign.toLowerCase()) === DEFAULT_CAMPAIGN_ID);
      if (!campaigns.some((c) => c.id === DEFAULT_CAMPAIGN_ID) && onNone) {
        throw new StoreInputError(`Nothing was imported: ${onNone.where}: rows on no campaign go on the default "${DEFAULT_CAMPAIGN_NAME}" list, which is missing.`);
      }

      // Every creator the file names, with the entries it will hold (./shortlist.ts keeps a
      // creator's entries in its record): the stored ones, then the file's in their place.
      const storedCreators = new Map<string, { creator: CreatorRecord; entries: Entry[] }>();
      for (const raw of rawCreators) {
        const found = readCreator(raw);
        if (found) storedCreators.set(creatorId(found.creator.platform, found.creator.handleKey), found);
      }
      const entryId = (e: Entry) => `${e.campaignId}\u0000${creatorId(e.platform, e.handleKey)}`;
      const storedEntries = new Set<string>();
      for (const { entries } of storedCreators.values()) for (const e of entries) storedEntries.add(entryId(e));
      // A CSV row's records were parsed by the store's schemas when the preview checked the row,
      // at the preview's time (./import-check.ts `checkRow`): converted now, they differ only in
      // `updatedAt` (and the entry's campaign id), since the row's other values, its dates
      // included, are the same and were checked. Those values are checked here, once each, and
      // the records are written without a second parse of every record.
      const updatedAt = (schema: z.ZodMiniType<number>) => checked(schema, now, 'the time of the import');
      const creatorStamp = incoming.creators.some((c) => c.checked) ? updatedAt(CreatorRecordSchema.shape.updatedAt) : now;
      /** By creator id: the record to write, its entries by campaign id, and whether all of it was parsed already. */
      const writes = new Map<string, { creator: CreatorRecord; entries: Map<string, Entry>; parsed: boolean; where: string }>();
      for (const { record, readAt, where, checked: parsed } of incoming.creators) {
        const id = creatorId(record.platform, handleKey(record.handle));
        const stored = storedCreators.get(id) ?? null;
        // A stored creator is merged with the file's (./import-check.ts `storeCreator`): converted and parsed here.
        const fresh = parsed !== undefined && !stored && readAt === null;
        const creator = fresh ? { ...parsed, updatedAt: creatorStamp } : checked(CreatorRecordSchema, storeCreator(record, stored?.creator ?? null, readAt, now), where);
        const before = writes.get(id);
        const entries = before?.entries ?? new Map((stored?.entries ?? []).map((e) => [e.campaignId, e]));
        writes.set(id, { creator, entries, parsed: fresh && (before?.parsed ?? true), where });
      }

      const entryKeysWritten = new Set<string>();
      const entryStamp = incoming.entries.some((e) => e.checked) ? updatedAt(EntrySchema.shape.updatedAt) : now;
      const campaignIdsChecked = new Set<string>();
      for (const { campaign, row, where, checked: parsed } of incoming.entries) {
        const campaignId = idByName.get(campaign.toLowerCase());
        if (campaignId === undefined) continue; // Unreachable: every campaign named was matched or created above.
        if (parsed && !campaignIdsChecked.has(campaignId)) {
          checked(EntrySchema.shape.campaignId, campaignId, where);
          campaignIdsChecked.add(campaignId);
        }
        const entry = parsed ? { ...parsed, campaignId, updatedAt: entryStamp } : checked(EntrySchema, storeEntry(campaignId, row, now), where);
        const id = creatorId(entry.platform, entry.handleKey);
        let target = writes.get(id);
        if (!target) {
          // An entry of a backup whose creator the file leaves out: it joins the stored creator.
          const stored = storedCreators.get(id);
          if (!stored) throw new StoreInputError(`Nothing was imported: ${where}: the file has no creator ${isolate(`@${row.handle}`)} on ${PLATFORM_LABELS[row.platform] ?? row.platform} for it.`);
          target = { creator: stored.creator, entries: new Map(stored.entries.map((e) => [e.campaignId, e])), parsed: false, where };
          writes.set(id, target);
        }
        if (!parsed) target.parsed = false;
        target.entries.set(campaignId, entry);
        // Two rows can name the same entry (no campaign and "No campaign"): the last one wins, counted once.
        const key = entryId(entry);
        if (entryKeysWritten.has(key)) continue;
        entryKeysWritten.add(key);
        if (storedEntries.has(key)) counts.updated++;
        else counts.added++;
      }

      // Each creator is one record with its entries. A CSV row's creator and entry were parsed
      // already (above); any other record is checked as the store keeps it. A creator on no
      // campaign (a backup's creator without entries, none stored) is not kept, as the store
      // keeps no creator on no campaign.
      for (const record of newCampaigns) unwrap(campaignStore).put(record);
      const creatorWrites = unwrap(creatorStore);
      for (const [id, { creator, entries, parsed, where }] of writes) {
        if (entries.size === 0) continue;
        if (!storedCreators.has(id)) counts.creatorsCreated++;
        const record: StoredCreator = { ...creator, entries: [...entries.values()] };
        creatorWrites.put(parsed ? record : checked(StoredCreatorSchema, record, where));
      }
      const points = incoming.history.map((h) => checked(SnapshotPointSchema, storePoint(h.record, now), h.where));

      // Marketplace records: a stored record that no longer parses counts as none.
      const storedListings = new Map(parsedAll(ListingLinkSchema, rawListings).map((l) => [creatorId(l.platform, l.handleKey), l]));
      const listingWrites = listings.filter(({ record, where }) => {
        const stored = storedListings.get(creatorId(record.platform, record.handleKey));
        const outcome = stored ? listingOutcome(record, stored, where) : { write: true, kept: null };
        if (outcome.kept !== null) counts.kept.push(outcome.kept);
        return outcome.write;
      });
      const storedInvitations = new Map(parsedAll(StoredInvitationSchema, rawInvitations).map((inv) => [inv.id, inv]));
      const invitationWrites = invitations.filter(({ record, where }) => {
        const stored = storedInvitations.get(record.id);
        const outcome = stored ? invitationOutcome(record, stored, where) : { write: true, kept: null };
        if (outcome.kept !== null) counts.kept.push(outcome.kept);
        return outcome.write;
      });

      // The writes go to the plain IndexedDB stores, without a promise per request (20,000 of
      // them for 10,000 creators): `inTransaction` waits for the commit, and any failed write
      // aborts it all.
      const putAll = (store: IDBObjectStore, values: Iterable<unknown>) => {
        for (const value of values) store.put(value);
      };
      putAll(unwrap(tx.objectStore('snapshots')), points);
      putAll(unwrap(listingStore), listingWrites.map((l) => l.record));
      putAll(unwrap(invitationStore), invitationWrites.map((i) => i.record));
      counts.campaignsCreated = newCampaigns.length;
      counts.historyPoints = points.length;
      counts.listings = listingWrites.length;
      counts.invitations = invitationWrites.length;
      return counts;
    }, { durability: 'relaxed' });
  });
}
