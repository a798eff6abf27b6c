/**
 * The bridge between the exchange formats (./exchange.ts: CSV rows and the JSON backup, dates as
 * ISO text, entries naming campaigns) and the database records (./shortlist.ts, ./history.ts:
 * Unix seconds, lower-cased handle keys, a snapshot on every creator).
 *
 * - {@link readBackup} reads the whole store as {@link BackupData}, for both exports.
 * - {@link existingRowKeys} gives the preview its "new or updated" split.
 * - {@link applyImport} writes an import preview in ONE transaction: every record is converted
 *   and validated with the store's own schemas first, and a single refusal aborts the lot, with
 *   a message naming the row.
 *
 * Merge rules (an import never loses what the browser measured):
 * - Campaigns are matched by name, ignoring case; a name not stored yet becomes a new campaign.
 *   A row on no campaign (empty name) goes on the default "Shortlist", since a creator is kept
 *   only while on a campaign.
 * - An entry (creator on a campaign) in the file replaces the stored one's notes, tags, status,
 *   prices, coupon, link and results: that is what "updated" in the preview means.
 * - A creator's numbers come from profile visits. A stored creator keeps its numbers unless the
 *   file is a backup whose reading is newer; a CSV carries no reading date, so it never
 *   replaces them.
 * - Marketplace records (backups only, version 2): a creator's listing link in the file replaces
 *   the stored one only when it was linked later (`linkedAt`); an invitation replaces the stored
 *   one with its id only when its status was set later (`statusAt`). Others are added.
 */
import { unwrap, type IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import { emptySnapshot, type Platform, type Snapshot } from '../platforms/types';
import { DEFAULT_CAMPAIGN_ID, type LensDB } from './db';
import { inTransaction, StoreInputError, withStoreErrors, type StoreResult } from './errors';
import {
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
import { ListingLinkSchema, StoredInvitationSchema, type ListingLink, type StoredInvitation } from './marketplace';
import {
  CampaignSchema,
  CreatorRecordSchema,
  EntrySchema,
  handleKey,
  profileUrlOf,
  type Campaign,
  type CreatorRecord,
  type Entry,
  type ShortlistRow,
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
}

// ---------------------------------------------------------------------------------------------
// Dates

function toIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** ISO text as Unix seconds; the exchange layer has already checked the form, `fallback` covers the rest. */
function toSeconds(iso: string, fallback: number): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms / 1000) : fallback;
}

/** Invitation times are Unix milliseconds (lib/marketplace/invites.ts). */
function msToIso(ms: number): string {
  return new Date(ms).toISOString();
}

function toMillis(iso: string, fallback: number): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms >= 0 ? ms : fallback;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
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

/**
 * Everything stored, in the exchange shapes (for "Export CSV" through `exportRows`, and for the
 * JSON backup). Records that no longer parse are left out, as the lists leave them out.
 */
export function readBackup(db: Db): Promise<StoreResult<BackupData>> {
  return withStoreErrors(() =>
    inTransaction(db, ['campaigns', 'creators', 'entries', 'snapshots', 'listings', 'invitations'], 'readonly', async (tx) => {
      const [campaigns, creators, entries, points, listings, invitations] = await Promise.all([
        tx.objectStore('campaigns').getAll().then((r) => parsedAll(CampaignSchema, r)),
        tx.objectStore('creators').getAll().then((r) => parsedAll(CreatorFiguresSchema, r)),
        tx.objectStore('entries').getAll().then((r) => parsedAll(EntrySchema, r)),
        tx.objectStore('snapshots').getAll().then((r) => parsedAll(SnapshotPointSchema, r)),
        tx.objectStore('listings').getAll().then((r) => parsedAll(ListingLinkSchema, r)),
        tx.objectStore('invitations').getAll().then((r) => parsedAll(StoredInvitationSchema, r)),
      ]);
      const handles = new Map(creators.map((c) => [creatorId(c.platform, c.handleKey), c.handle]));
      const handleOf = (platform: string, key: string) => handles.get(creatorId(platform, key)) ?? key;
      return {
        creators: creators.map(exchangeCreator),
        campaigns: campaigns.map(exchangeCampaign),
        entries: entries.filter((e) => handles.has(creatorId(e.platform, e.handleKey))).map((e) => exchangeEntry(e, handleOf(e.platform, e.handleKey))),
        snapshots: points.map((p) => exchangeHistory(p, handleOf(p.platform, p.handleKey))),
        listings: listings.map(exchangeListing),
        invitations: invitations.map(exchangeInvitation),
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
 * The {@link rowKey} of every stored entry, for `planImport`. Entries on the default campaign
 * are also keyed with an empty campaign name, because that is where rows on no campaign go.
 */
export function existingRowKeys(db: Db): Promise<StoreResult<Set<string>>> {
  return withStoreErrors(() =>
    inTransaction(db, ['campaigns', 'entries'], 'readonly', async (tx) => {
      const [campaigns, entryKeys] = await Promise.all([tx.objectStore('campaigns').getAll(), tx.objectStore('entries').getAllKeys()]);
      const names = new Map(parsedAll(CampaignSchema, campaigns).map((c) => [c.id, c.name]));
      const keys = new Set<string>();
      for (const [campaignId, platform, key] of entryKeys) {
        const name = names.get(campaignId);
        if (name === undefined) continue;
        keys.add(rowKey(platform, key, name));
        if (campaignId === DEFAULT_CAMPAIGN_ID) keys.add(rowKey(platform, key, ''));
      }
      return keys;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Exchange → store (import)

/** What an import carries, whichever the file: creators, campaigns by name, entries by campaign name. */
interface Incoming {
  creators: Array<{ record: ExchangeCreator; readAt: number | null }>;
  campaigns: Array<{ name: string; budget: number | null; createdAt: number | null }>;
  entries: Array<{ campaign: string; row: EntryFields }>;
  history: HistoryRecord[];
}

type EntryFields = Pick<
  ExportRow,
  'platform' | 'handle' | 'status' | 'agreedPrice' | 'tags' | 'notes' | 'couponCode' | 'affiliateLink' | 'orders' | 'revenue' | 'cost' | 'addedAt'
>;

function creatorOfRow(row: ExportRow): ExchangeCreator {
  const { platform, handle, displayName, profileUrl, followers, er, erPerView, tierRank, tierName, sizeClass, priceLow, pricePoint, priceHigh, addedAt } = row;
  return { platform, handle, displayName, profileUrl, followers, er, erPerView, tierRank, tierName, sizeClass, priceLow, pricePoint, priceHigh, addedAt, updatedAt: addedAt };
}

function incomingOfRows(rows: readonly ExportRow[]): Incoming {
  const creators = new Map<string, { record: ExchangeCreator; readAt: number | null }>();
  const campaigns = new Map<string, { name: string; budget: null; createdAt: null }>();
  for (const row of rows) {
    const id = creatorId(row.platform, handleKey(row.handle));
    // A CSV does not say when its numbers were read, so they never replace a stored reading.
    if (!creators.has(id)) creators.set(id, { record: creatorOfRow(row), readAt: null });
    if (row.campaign && !campaigns.has(row.campaign.toLowerCase())) {
      campaigns.set(row.campaign.toLowerCase(), { name: row.campaign, budget: null, createdAt: null });
    }
  }
  return { creators: [...creators.values()], campaigns: [...campaigns.values()], entries: rows.map((row) => ({ campaign: row.campaign, row })), history: [] };
}

/** `rows` are the preview's rows of the backup: those with no campaign are its creators on none. */
function incomingOfBackup(backup: BackupData, rows: readonly ExportRow[], now: number): Incoming {
  const names = new Map(backup.campaigns.map((c) => [c.id, c.name]));
  const onNoCampaign: Incoming['entries'] = rows.filter((r) => r.campaign === '').map((row) => ({ campaign: '', row }));
  return {
    creators: backup.creators.map((record) => ({ record, readAt: toSeconds(record.updatedAt, now) })),
    campaigns: backup.campaigns.map((c) => ({ name: c.name, budget: c.budget, createdAt: toSeconds(c.createdAt, now) })),
    entries: [
      ...backup.entries.flatMap((e) => {
        const campaign = names.get(e.campaignId);
        return campaign === undefined ? [] : [{ campaign, row: e }];
      }),
      ...onNoCampaign,
    ],
    history: backup.snapshots,
  };
}

/**
 * The snapshot an imported creator is stored with. A file carries figures, not the page read, so
 * the snapshot holds the counts the file has and says where they came from.
 */
function importedSnapshot(c: ExchangeCreator): Snapshot {
  return emptySnapshot({
    platform: c.platform,
    kind: 'profile',
    state: 'ok',
    url: c.profileUrl ?? '',
    handle: c.handle,
    displayName: c.displayName,
    followers: c.followers,
    source: 'Imported file',
    notes: ['Figures imported from a file; open the profile to read it again.'],
  });
}

function storeCreator(c: ExchangeCreator, stored: CreatorRecord | null, readAt: number | null, now: number): CreatorRecord {
  if (stored && (readAt === null || readAt <= stored.updatedAt)) {
    return { ...stored, displayName: stored.displayName ?? c.displayName };
  }
  const snapshot = importedSnapshot(c);
  return {
    platform: c.platform,
    handleKey: handleKey(c.handle),
    handle: c.handle,
    displayName: c.displayName ?? stored?.displayName ?? null,
    profileUrl: profileUrlOf(snapshot, c.handle),
    addedAt: stored?.addedAt ?? toSeconds(c.addedAt, now),
    updatedAt: readAt ?? now,
    snapshot,
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
  };
}

function storeEntry(campaignId: string, r: EntryFields, now: number): Entry {
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

function storePoint(h: HistoryRecord, now: number): SnapshotPoint {
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

function storeListing(l: ExchangeListing, now: number): ListingLink {
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

function storeInvitation(i: ExchangeInvitation, now: number): StoredInvitation {
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

const listingKey = (l: ListingLink) => creatorId(l.platform, l.handleKey);

/**
 * The incoming records to write: those with no stored record of their key, and those dated later
 * than the stored one (a stored record that no longer parses counts as none).
 */
function newerThanStored<T>(incoming: readonly T[], stored: readonly T[], keyOf: (record: T) => string, dateOf: (record: T) => number): T[] {
  const storedDates = new Map(stored.map((r) => [keyOf(r), dateOf(r)]));
  return incoming.filter((r) => {
    const date = storedDates.get(keyOf(r));
    return date === undefined || dateOf(r) > date;
  });
}

const FIELD_LABELS: Record<string, string> = {
  handle: 'handle',
  handleKey: 'handle',
  displayName: 'display name',
  profileUrl: 'profile URL',
  followers: 'followers',
  er: 'ER',
  erPerView: 'ER per view',
  tierRank: 'tier',
  tierName: 'tier name',
  pricePoint: 'price',
  priceLow: 'price low',
  priceHigh: 'price high',
  notes: 'notes',
  tags: 'tags',
  agreedPrice: 'agreed price',
  couponCode: 'coupon code',
  affiliateLink: 'affiliate link',
  orders: 'orders',
  revenue: 'revenue',
  cost: 'cost',
  name: 'campaign name',
  budget: 'budget',
  takenAt: 'date',
  url: 'listing address',
  listingId: 'listing id',
  slug: 'listing slug',
  linkedAt: 'date',
  opened: 'date',
  id: 'id',
  campaign: 'campaign tag',
  invitedAt: 'date',
  status: 'status',
  statusAt: 'date',
};

/** Validate with the store's schema, or refuse the whole import naming the record and the field. */
function checked<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue ? [...issue.path].reverse().find((p): p is string => typeof p === 'string' && p in FIELD_LABELS) : undefined;
  const label = field ? FIELD_LABELS[field] : 'a value';
  const detail = issue && issue.message !== 'Invalid input' && !issue.message.startsWith('Too ') ? issue.message : 'is not accepted by the shortlist';
  throw new StoreInputError(`Nothing was imported: ${what}: ${label} ${detail}.`);
}

function describe(platform: Platform, handle: string, campaign?: string): string {
  const who = `@${handle} on ${platform}`;
  return campaign === undefined ? who : `the row for ${who} (campaign "${campaign || 'Shortlist'}")`;
}

/**
 * Write an import preview: all or nothing, in one transaction. Rows the preview already found
 * invalid are skipped (the preview listed them); a file error refuses the import.
 */
export function applyImport(db: Db, preview: ImportPreview, now: number = nowSeconds()): Promise<StoreResult<ImportCounts>> {
  return withStoreErrors(async () => {
    if (preview.fileError) throw new StoreInputError(`Nothing was imported: ${preview.fileError}`);
    const incoming = preview.backup ? incomingOfBackup(preview.backup, preview.rows, now) : incomingOfRows(preview.rows);
    // They depend on nothing stored: checked before the transaction opens.
    const listings = (preview.backup?.listings ?? []).map((l) =>
      checked(ListingLinkSchema, storeListing(l, now), `the listing of ${describe(l.platform, l.handle)}`),
    );
    const invitations = (preview.backup?.invitations ?? []).map((i) =>
      checked(StoredInvitationSchema, storeInvitation(i, now), `the invitation of ${describe(i.platform, i.handle)}`),
    );
    const stores = ['campaigns', 'creators', 'entries', 'snapshots', 'listings', 'invitations'] as const;
    return inTransaction(db, stores, 'readwrite', async (tx) => {
      const campaignStore = tx.objectStore('campaigns');
      const creatorStore = tx.objectStore('creators');
      const entryStore = tx.objectStore('entries');
      const listingStore = tx.objectStore('listings');
      const invitationStore = tx.objectStore('invitations');
      const [rawCampaigns, rawCreators, entryKeys, rawListings, rawInvitations] = await Promise.all([
        campaignStore.getAll(),
        creatorStore.getAll(),
        entryStore.getAllKeys(),
        listings.length > 0 ? listingStore.getAll() : [],
        invitations.length > 0 ? invitationStore.getAll() : [],
      ]);
      const counts: ImportCounts = { added: 0, updated: 0, campaignsCreated: 0, creatorsCreated: 0, historyPoints: 0 };

      // Campaigns by lower-cased name; rows on no campaign belong to the default one.
      const campaigns = parsedAll(CampaignSchema, rawCampaigns);
      const idByName = new Map(campaigns.map((c) => [c.name.toLowerCase(), c.id]));
      idByName.set('', DEFAULT_CAMPAIGN_ID);
      const newCampaigns: Campaign[] = [];
      for (const c of incoming.campaigns) {
        if (idByName.has(c.name.toLowerCase())) continue;
        const record = checked(
          CampaignSchema,
          { id: crypto.randomUUID(), name: c.name, budget: c.budget, createdAt: c.createdAt ?? now, archived: false },
          `campaign "${c.name}"`,
        );
        idByName.set(c.name.toLowerCase(), record.id);
        newCampaigns.push(record);
      }
      if (!campaigns.some((c) => c.id === DEFAULT_CAMPAIGN_ID) && incoming.entries.some((e) => e.campaign === '')) {
        throw new StoreInputError('Nothing was imported: rows on no campaign go on the "Shortlist" campaign, which is missing.');
      }

      const storedCreators = new Map(parsedAll(CreatorRecordSchema, rawCreators).map((c) => [creatorId(c.platform, c.handleKey), c]));
      const creators = new Map<string, CreatorRecord>();
      for (const { record, readAt } of incoming.creators) {
        const id = creatorId(record.platform, handleKey(record.handle));
        const stored = storedCreators.get(id) ?? null;
        if (!stored) counts.creatorsCreated++;
        creators.set(id, checked(CreatorRecordSchema, storeCreator(record, stored, readAt, now), describe(record.platform, record.handle)));
      }

      const storedEntries = new Set(entryKeys.map((k) => k.join('\u0000')));
      const entries = new Map<string, Entry>();
      for (const { campaign, row } of incoming.entries) {
        const campaignId = idByName.get(campaign.toLowerCase());
        if (campaignId === undefined) continue; // Unreachable: every campaign named was matched or created above.
        const entry = checked(EntrySchema, storeEntry(campaignId, row, now), describe(row.platform, row.handle, campaign));
        entries.set([entry.campaignId, entry.platform, entry.handleKey].join('\u0000'), entry);
      }
      for (const key of entries.keys()) {
        if (storedEntries.has(key)) counts.updated++;
        else counts.added++;
      }
      const points = incoming.history.map((h) => checked(SnapshotPointSchema, storePoint(h, now), `the history point of ${describe(h.platform, h.handle)} at ${h.takenAt}`));

      // Everything is valid: the writes are issued together and commit (or fail) as one. They go
      // to the plain IndexedDB stores, without a promise per request (20,000 of them for 10,000
      // creators): `inTransaction` waits for the commit, and any failed write aborts it all.
      const putAll = (store: IDBObjectStore, values: Iterable<unknown>) => {
        for (const value of values) store.put(value);
      };
      putAll(unwrap(campaignStore), newCampaigns);
      putAll(unwrap(creatorStore), creators.values());
      putAll(unwrap(entryStore), entries.values());
      putAll(unwrap(tx.objectStore('snapshots')), points);
      putAll(unwrap(listingStore), newerThanStored(listings, parsedAll(ListingLinkSchema, rawListings), listingKey, (l) => l.linkedAt));
      putAll(unwrap(invitationStore), newerThanStored(invitations, parsedAll(StoredInvitationSchema, rawInvitations), (i) => i.id, (i) => i.statusAt));
      counts.campaignsCreated = newCampaigns.length;
      counts.historyPoints = points.length;
      return counts;
    });
  });
}
