import 'fake-indexeddb/auto';
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../../lib/platforms/types';
import { DB_VERSION, DEFAULT_CAMPAIGN_ID, DEFAULT_CAMPAIGN_NAME, LEGACY_DEFAULT_CAMPAIGN_NAME, openLensDb, UPGRADES } from '../../../lib/store/db';
import { BLOCKED_MESSAGE, CLOSED_MESSAGE, storeErrorMessage, VERSION_MESSAGE, withStoreErrors } from '../../../lib/store/errors';
import { historyOf, type SnapshotPoint } from '../../../lib/store/history';
import { invitationsOf, linkListing, listInvitations, listingOf, recordInvitation } from '../../../lib/store/marketplace';
import { isShortlisted, listCampaigns, listEntries, renameCampaign, type Campaign, type CreatorRecord, type Entry } from '../../../lib/store/shortlist';
import { visitsOf, type VideoVisit } from '../../../lib/store/video-visits';

const NAME = 'lens-migrations-test';

afterEach(async () => {
  await deleteDB(NAME);
});

/** Version 1 as it shipped, written out by hand rather than through today's UPGRADES. */
async function writeVersion1(visits: VideoVisit[]): Promise<void> {
  const db = await openDB(NAME, 1, {
    upgrade(d) {
      const store = d.createObjectStore('videoVisits', { keyPath: ['platform', 'postId'] });
      store.createIndex('byChannel', ['platform', 'channelKey']);
    },
  });
  const tx = db.transaction('videoVisits', 'readwrite');
  for (const v of visits) await tx.store.put(v);
  await tx.done;
  db.close();
}

const V1_VISITS: VideoVisit[] = [
  { platform: 'youtube', postId: 'aaaaaaaaaaa', channelKey: 'kim', likes: 500, comments: 40, views: 12_000, followers: 20_000, seenAt: 100 },
  { platform: 'youtube', postId: 'bbbbbbbbbbb', channelKey: 'kim', likes: null, comments: 3, views: 900, followers: null, seenAt: 200 },
  { platform: 'youtube', postId: 'ccccccccccc', channelKey: 'other', likes: 0, comments: 0, views: 0, followers: 5, seenAt: 300 },
];

/** Version 2 as it shipped: every store and index, written with the plain IndexedDB API. */
interface Version2Records {
  videoVisits: VideoVisit[];
  creators: CreatorRecord[];
  campaigns: Campaign[];
  entries: Entry[];
  snapshots: SnapshotPoint[];
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function writeVersion2(records: Version2Records): Promise<void> {
  const open = indexedDB.open(NAME, 2);
  open.onupgradeneeded = () => {
    const d = open.result;
    d.createObjectStore('videoVisits', { keyPath: ['platform', 'postId'] }).createIndex('byChannel', ['platform', 'channelKey']);
    d.createObjectStore('creators', { keyPath: ['platform', 'handleKey'] });
    d.createObjectStore('campaigns', { keyPath: 'id' });
    d.createObjectStore('entries', { keyPath: ['campaignId', 'platform', 'handleKey'] }).createIndex('byCreator', ['platform', 'handleKey']);
    d.createObjectStore('snapshots', { keyPath: ['platform', 'handleKey', 'takenAt'] }).createIndex('byCreator', ['platform', 'handleKey']);
  };
  const d = await request(open);
  const names = Object.keys(records) as Array<keyof Version2Records>;
  const tx = d.transaction(names, 'readwrite');
  for (const name of names) for (const record of records[name]) tx.objectStore(name).put(record);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  d.close();
}

const KIM_SNAPSHOT = emptySnapshot({
  platform: 'instagram',
  kind: 'profile',
  state: 'ok',
  url: 'https://www.instagram.com/maker.kim/',
  handle: 'Maker.Kim',
  displayName: 'Kim Maker',
  followers: 48_200,
  followersExact: true,
  source: 'test',
});

const V2_RECORDS: Version2Records = {
  videoVisits: V1_VISITS.slice(0, 2),
  creators: [
    {
      platform: 'instagram',
      handleKey: 'maker.kim',
      handle: 'Maker.Kim',
      displayName: 'Kim Maker',
      profileUrl: 'https://www.instagram.com/maker.kim/',
      addedAt: 1_700_000_000,
      updatedAt: 1_700_100_000,
      snapshot: KIM_SNAPSHOT,
      followers: 48_200,
      er: 3.4,
      erPerView: null,
      tierRank: 6,
      tierName: 'Engaged Micro Influencers',
      sizeClass: 'micro',
      pricePoint: 300,
      priceLow: 270,
      priceHigh: 330,
      currency: 'USD',
    },
  ],
  campaigns: [
    { id: DEFAULT_CAMPAIGN_ID, name: 'My picks', budget: null, createdAt: 1_690_000_000, archived: false },
    { id: 'c-spring', name: 'Spring launch', budget: 5000, createdAt: 1_695_000_000, archived: true },
  ],
  entries: [
    {
      campaignId: 'c-spring',
      platform: 'instagram',
      handleKey: 'maker.kim',
      notes: 'Prefers email.',
      tags: ['vegan'],
      status: 'agreed',
      agreedPrice: 280,
      couponCode: 'KIM10',
      affiliateLink: 'https://shop.example/?ref=kim',
      results: { orders: 3, revenue: 120, cost: 280 },
      addedAt: 1_700_000_000,
      updatedAt: 1_700_050_000,
    },
  ],
  snapshots: [
    { platform: 'instagram', handleKey: 'maker.kim', takenAt: 1_700_000_000, followers: 47_000, followersExact: true, following: 300, postsCount: 410, totalLikes: null, er: 3.1, erPerView: null, pricePoint: 290 },
    { platform: 'instagram', handleKey: 'maker.kim', takenAt: 1_700_100_000, followers: 48_200, followersExact: true, following: 301, postsCount: 420, totalLikes: null, er: 3.4, erPerView: null, pricePoint: 300 },
  ],
};

/** Store names with their key paths and indexes: what a schema is, independent of its records. */
function shapeOf(db: { close(): void }): unknown {
  const raw = db as unknown as IDBPDatabase;
  return [...raw.objectStoreNames].map((name) => {
    const store = raw.transaction(name).objectStore(name);
    const indexes = [...store.indexNames].map((i) => [i, store.index(i).keyPath, store.index(i).unique, store.index(i).multiEntry]);
    return [name, store.keyPath, store.autoIncrement, indexes];
  });
}

describe('database migrations', () => {
  it('has an upgrade step for every version up to the current one', () => {
    for (let v = 1; v <= DB_VERSION; v++) expect(UPGRADES[v], `step ${v}`).toBeTypeOf('function');
    expect(UPGRADES[DB_VERSION + 1]).toBeUndefined();
  });

  it('opens a version-1 database with every record intact, the new stores and the default campaign', async () => {
    await writeVersion1(V1_VISITS);
    const db = await openLensDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('videoVisits')).toEqual(V1_VISITS);
    expect([...db.transaction('videoVisits').store.indexNames]).toEqual(['byChannel']);
    expect((await visitsOf(db, 'youtube', 'kim')).map((v) => v.postId)).toEqual(['bbbbbbbbbbb', 'aaaaaaaaaaa']);
    expect([...db.objectStoreNames].sort()).toEqual(['campaigns', 'creators', 'invitations', 'listings', 'snapshots', 'videoVisits']);
    expect(await db.get('campaigns', DEFAULT_CAMPAIGN_ID)).toMatchObject({ name: DEFAULT_CAMPAIGN_NAME, budget: null, archived: false });
    const campaigns = await listCampaigns(db);
    expect(campaigns.ok && campaigns.value.items.map((c) => [c.id, c.entries])).toEqual([[DEFAULT_CAMPAIGN_ID, 0]]);
    db.close();
  });

  it('opens a version-2 database with every record intact and the marketplace stores present and empty', async () => {
    await writeVersion2(V2_RECORDS);
    const db = await openLensDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('videoVisits')).toEqual(V2_RECORDS.videoVisits);
    // Version 5 moved each creator's entries into its record, as they were.
    expect(await db.getAll('creators')).toEqual(V2_RECORDS.creators.map((c) => ({ ...c, entries: V2_RECORDS.entries.filter((e) => e.handleKey === c.handleKey) })));
    expect((await db.getAll('campaigns')).sort((a, b) => a.createdAt - b.createdAt)).toEqual(V2_RECORDS.campaigns);
    expect(await db.getAll('snapshots')).toEqual(V2_RECORDS.snapshots);
    // The v2 step did not run again: the renamed default campaign is still the only default.
    expect((await db.get('campaigns', DEFAULT_CAMPAIGN_ID))?.name).toBe('My picks');

    // The records still read through today's code.
    const rows = await listEntries(db);
    expect(rows.ok && rows.value).toMatchObject({ skipped: 0, items: [{ campaignName: 'Spring launch', entry: V2_RECORDS.entries[0], creator: V2_RECORDS.creators[0] }] });
    const history = await historyOf(db, 'instagram', 'MAKER.KIM');
    expect(history.ok && history.value).toEqual({ items: V2_RECORDS.snapshots, skipped: 0 });

    // The new stores, empty, with their keys and index.
    expect([...db.objectStoreNames].sort()).toEqual(['campaigns', 'creators', 'invitations', 'listings', 'snapshots', 'videoVisits']);
    expect(await db.count('listings')).toBe(0);
    expect(await db.count('invitations')).toBe(0);
    expect(db.transaction('listings').store.keyPath).toEqual(['platform', 'handleKey']);
    const invitations = db.transaction('invitations').store;
    expect(invitations.keyPath).toBe('id');
    expect([...invitations.indexNames]).toEqual(['byCreator']);
    expect(invitations.index('byCreator').keyPath).toEqual(['platform', 'handleKey']);
    expect(await listInvitations(db)).toEqual({ ok: true, value: { items: [], skipped: 0 } });
    expect(await listingOf(db, { platform: 'instagram', handle: 'maker.kim' })).toEqual({ ok: true, value: null });

    // … and usable.
    const who = { platform: 'instagram' as const, handle: 'Maker.Kim' };
    expect((await linkListing(db, who, { url: 'https://market.example/l/kim/123', id: '123', slug: 'kim' }, 1_700_200_000)).ok).toBe(true);
    expect((await recordInvitation(db, who, null, 1_700_200_000_000)).ok).toBe(true);
    const mine = await invitationsOf(db, { platform: 'instagram', handle: '@maker.kim' });
    expect(mine.ok && mine.value.map((i) => i.status)).toEqual(['invited']);
    db.close();
  });

  it('version 4: renames the default campaign "Shortlist" to "No campaign", keeping its id, entries and any name the user chose', async () => {
    const spring: Campaign = { id: 'c-spring', name: 'Spring launch', budget: 5000, createdAt: 1_695_000_000, archived: false };
    const onDefault: Entry = { ...V2_RECORDS.entries[0]!, campaignId: DEFAULT_CAMPAIGN_ID };
    await writeVersion2({ ...V2_RECORDS, campaigns: [{ id: DEFAULT_CAMPAIGN_ID, name: LEGACY_DEFAULT_CAMPAIGN_NAME, budget: null, createdAt: 1_690_000_000, archived: false }, spring], entries: [onDefault] });
    const db = await openLensDb(NAME);
    expect(await db.get('campaigns', DEFAULT_CAMPAIGN_ID)).toEqual({ id: DEFAULT_CAMPAIGN_ID, name: 'No campaign', budget: null, createdAt: 1_690_000_000, archived: false });
    expect(await db.get('campaigns', 'c-spring')).toEqual(spring);
    expect((await db.getAll('creators')).flatMap((c) => c.entries)).toEqual([onDefault]);
    const rows = await listEntries(db);
    expect(rows.ok && rows.value.items.map((r) => r.campaignName)).toEqual(['No campaign']);
    // The campaigns a creator is on are still found.
    expect(await isShortlisted(db, 'instagram', 'MAKER.KIM')).toEqual({ ok: true, value: [DEFAULT_CAMPAIGN_ID] });
    expect(await isShortlisted(db, 'instagram', 'nobody')).toEqual({ ok: true, value: [] });
    db.close();
    await deleteDB(NAME);

    // A name the user gave it stays; so does "Shortlist" when "No campaign" is taken by another campaign.
    await writeVersion2({ ...V2_RECORDS });
    const renamed = await openLensDb(NAME);
    expect((await renamed.get('campaigns', DEFAULT_CAMPAIGN_ID))?.name).toBe('My picks');
    renamed.close();
    await deleteDB(NAME);
    await writeVersion2({ ...V2_RECORDS, campaigns: [{ id: DEFAULT_CAMPAIGN_ID, name: 'Shortlist', budget: null, createdAt: 1, archived: false }, { ...spring, name: 'no campaign' }] });
    const taken = await openLensDb(NAME);
    expect((await taken.get('campaigns', DEFAULT_CAMPAIGN_ID))?.name).toBe('Shortlist');
    taken.close();
  });

  it('version 4: entries of the new statuses are stored and read back; the old ones stay valid', async () => {
    const db = await openLensDb(NAME);
    for (const status of ['posted', 'declined', 'paid'] as const) {
      const entry: Entry = { ...V2_RECORDS.entries[0]!, campaignId: DEFAULT_CAMPAIGN_ID, handleKey: `h-${status}`, status };
      await db.put('creators', { ...V2_RECORDS.creators[0]!, handleKey: `h-${status}`, entries: [entry] });
    }
    const rows = await listEntries(db);
    expect(rows.ok && rows.value.skipped).toBe(0);
    expect(rows.ok && rows.value.items.map((r) => r.entry.status).sort()).toEqual(['declined', 'paid', 'posted']);
    db.close();
  });

  it('version 5: moves each creator’s entries into its record as they were, and drops the entries store', async () => {
    const spring: Campaign = { id: 'c-spring', name: 'Spring launch', budget: 5000, createdAt: 1_695_000_000, archived: false };
    const kim = V2_RECORDS.creators[0]!;
    const onSpring = V2_RECORDS.entries[0]!;
    const onDefault: Entry = { ...onSpring, campaignId: DEFAULT_CAMPAIGN_ID, notes: 'from the default list' };
    // Written before version 5: one that no longer parses (kept as it is, still not shown), one
    // whose creator record is gone (never shown: it goes), and a creator on no campaign.
    const broken = { campaignId: 'c-autumn', platform: 'instagram', handleKey: kim.handleKey, status: 'lost' };
    const orphan: Entry = { ...onSpring, handleKey: 'gone' };
    const alone: CreatorRecord = { ...kim, handleKey: 'alone', handle: 'alone' };
    await writeVersion2({
      ...V2_RECORDS,
      creators: [kim, alone],
      campaigns: [{ id: DEFAULT_CAMPAIGN_ID, name: 'No campaign', budget: null, createdAt: 1, archived: false }, spring],
      entries: [onSpring, onDefault, broken as unknown as Entry, orphan],
    });
    const db = await openLensDb(NAME);
    expect(db.objectStoreNames.contains('entries' as never)).toBe(false);
    const stored = await db.get('creators', ['instagram', kim.handleKey]);
    expect(stored?.entries).toEqual(expect.arrayContaining([onSpring, onDefault, broken]));
    expect(stored?.entries).toHaveLength(3);
    expect((await db.get('creators', ['instagram', 'alone']))?.entries).toEqual([]);
    const rows = await listEntries(db);
    expect(rows.ok && rows.value.items.map((r) => [r.campaignName, r.entry.notes])).toEqual([
      ['Spring launch', onSpring.notes],
      ['No campaign', 'from the default list'],
    ]);
    expect(rows.ok && rows.value.skipped).toBe(1);
    expect(await isShortlisted(db, 'instagram', kim.handle)).toEqual({ ok: true, value: ['c-spring', DEFAULT_CAMPAIGN_ID] });
    const campaigns = await listCampaigns(db);
    expect(campaigns.ok && campaigns.value.items.map((c) => [c.id, c.entries])).toEqual([[DEFAULT_CAMPAIGN_ID, 1], ['c-spring', 1]]);
    db.close();
  });

  it('gives a database upgraded from version 2 the same schema as a new one', async () => {
    const fresh = await openLensDb(`${NAME}-fresh`);
    const freshShape = shapeOf(fresh);
    fresh.close();
    await deleteDB(`${NAME}-fresh`);

    await writeVersion2(V2_RECORDS);
    const upgraded = await openLensDb(NAME);
    expect(shapeOf(upgraded)).toEqual(freshShape);
    upgraded.close();
  });

  it('gives an upgraded database the same schema as a new one', async () => {
    const fresh = await openLensDb(`${NAME}-fresh`);
    const freshShape = shapeOf(fresh);
    fresh.close();
    await deleteDB(`${NAME}-fresh`);

    await writeVersion1([]);
    const upgraded = await openLensDb(NAME);
    expect(shapeOf(upgraded)).toEqual(freshShape);
    upgraded.close();
  });

  it('runs no step twice: reopening keeps the user’s changes to the default campaign', async () => {
    const first = await openLensDb(NAME);
    expect((await renameCampaign(first, DEFAULT_CAMPAIGN_ID, 'My picks')).ok).toBe(true);
    first.close();
    const again = await openLensDb(NAME);
    expect((await again.get('campaigns', DEFAULT_CAMPAIGN_ID))?.name).toBe('My picks');
    expect(await again.count('campaigns')).toBe(1);
    again.close();
  });

  it('reports a database written by a newer version instead of opening it', async () => {
    const newer = await openDB(NAME, DB_VERSION + 1);
    newer.close();
    const result = await withStoreErrors(() => openLensDb(NAME));
    expect(result).toEqual({ ok: false, message: VERSION_MESSAGE });
  });

  it('reports an upgrade blocked by an old connection, and upgrades once it closes', async () => {
    await writeVersion1(V1_VISITS);
    const old = await openDB(NAME, 1); // an old build: no versionchange handler, never closes by itself
    const result = await withStoreErrors(() => openLensDb(NAME));
    expect(result).toEqual({ ok: false, message: BLOCKED_MESSAGE });
    old.close();
    // The blocked request goes on once the old connection is gone; a new open then succeeds.
    const db = await openLensDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('videoVisits')).toBe(V1_VISITS.length);
    db.close();
  });

  it('closes its own connection when another tab upgrades, and says so on the next operation', async () => {
    const db = await openLensDb(NAME);
    const later = await openDB(NAME, DB_VERSION + 1); // would hang if `db` stayed open
    later.close();
    const result = await listCampaigns(db);
    expect(result).toEqual({ ok: false, message: CLOSED_MESSAGE });
  });

  it('words unknown failures with the error name', () => {
    expect(storeErrorMessage(new DOMException('x', 'UnknownError'))).toContain('(UnknownError)');
    expect(storeErrorMessage('not an error')).toContain('(unknown error)');
  });
});
