import 'fake-indexeddb/auto';
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, DEFAULT_CAMPAIGN_ID, DEFAULT_CAMPAIGN_NAME, openLensDb, UPGRADES } from '../../../lib/store/db';
import { BLOCKED_MESSAGE, CLOSED_MESSAGE, storeErrorMessage, VERSION_MESSAGE, withStoreErrors } from '../../../lib/store/errors';
import { listCampaigns, renameCampaign } from '../../../lib/store/shortlist';
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
    expect([...db.objectStoreNames].sort()).toEqual(['campaigns', 'creators', 'entries', 'snapshots', 'videoVisits']);
    expect(await db.get('campaigns', DEFAULT_CAMPAIGN_ID)).toMatchObject({ name: DEFAULT_CAMPAIGN_NAME, budget: null, archived: false });
    const campaigns = await listCampaigns(db);
    expect(campaigns.ok && campaigns.value.items.map((c) => [c.id, c.entries])).toEqual([[DEFAULT_CAMPAIGN_ID, 0]]);
    db.close();
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
