/**
 * The extension's IndexedDB database (through idb). It lives in the extension's own origin: the
 * background, the popup and the overlay page share it; the platforms' pages cannot see it.
 *
 * The schema is versioned from the first release. Each version's upgrade step is kept forever
 * and runs in order, so a database written by any older version opens with every record intact.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { VideoVisit } from './video-visits';
import type { Campaign, StoredCreator } from './shortlist';
import type { SnapshotPoint } from './history';
import type { ListingLink, StoredInvitation } from './marketplace';
import { StoreBlockedError } from './errors';

export const DB_NAME = 'reloquence-lens';
export const DB_VERSION = 5;

/**
 * The campaign created with version 2, so "shortlist from anywhere" always has a home: the
 * creators on no campaign. Its id never changes; version 2 named it "Shortlist", which read like
 * a campaign of its own ("Budget · Shortlist"), so version 4 renames it "No campaign".
 */
export const DEFAULT_CAMPAIGN_ID = 'shortlist';
export const DEFAULT_CAMPAIGN_NAME = 'No campaign';
/** The name versions 2 and 3 gave the default campaign (files exported then still carry it). */
export const LEGACY_DEFAULT_CAMPAIGN_NAME = 'Shortlist';

export interface LensDB extends DBSchema {
  /** Stats of single videos/posts the user opened, to rate a channel whose page shows views only. */
  videoVisits: {
    key: [string, string];
    value: VideoVisit;
    indexes: { byChannel: [string, string] };
  };
  /**
   * Shortlisted creators: one record per account, with its latest reading and (version 5) its
   * entries on campaigns. Key [platform, handleKey].
   */
  creators: {
    key: [string, string];
    value: StoredCreator;
  };
  /** Named lists of creators. */
  campaigns: {
    key: string;
    value: Campaign;
  };
  // `entries` (versions 2 to 4): a creator on a campaign, key [campaignId, platform, handleKey].
  // Version 5 moved each creator's entries into its record and deleted the store.
  /** Growth history: the numbers of each profile visit. Key [platform, handleKey, takenAt]. */
  snapshots: {
    key: [string, string, number];
    value: SnapshotPoint;
    indexes: { byCreator: [string, string] };
  };
  /** The marketplace listing linked to a creator (version 3). Key [platform, handleKey]. */
  listings: {
    key: [string, string];
    value: ListingLink;
  };
  /**
   * The marketplace invitations the user sent (version 3), one record per invitation. Times in
   * these records are Unix milliseconds, as lib/marketplace/invites.ts defines them.
   */
  invitations: {
    key: string;
    value: StoredInvitation;
    indexes: { byCreator: [string, string] };
  };
}

type UpgradeTx = IDBPTransaction<LensDB, StoreNames<LensDB>[], 'versionchange'>;

/** A store of an older version, no longer in {@link LensDB}. */
function oldStore(tx: UpgradeTx, name: string): IDBObjectStore {
  return (unwrap(tx) as IDBTransaction).objectStore(name);
}

/** Upgrade steps by the version they create. Never edit a released step: add the next one. */
export const UPGRADES: Readonly<Record<number, (db: IDBPDatabase<LensDB>, tx: UpgradeTx) => void>> = {
  1: (db) => {
    const visits = db.createObjectStore('videoVisits', { keyPath: ['platform', 'postId'] });
    visits.createIndex('byChannel', ['platform', 'channelKey']);
  },
  2: (db, tx) => {
    db.createObjectStore('creators', { keyPath: ['platform', 'handleKey'] });
    db.createObjectStore('campaigns', { keyPath: 'id' });
    // Folded into the creators by version 5.
    const entries = (unwrap(db) as IDBDatabase).createObjectStore('entries', { keyPath: ['campaignId', 'platform', 'handleKey'] });
    // Dropped again by version 4.
    entries.createIndex('byCreator', ['platform', 'handleKey']);
    const snapshots = db.createObjectStore('snapshots', { keyPath: ['platform', 'handleKey', 'takenAt'] });
    snapshots.createIndex('byCreator', ['platform', 'handleKey']);
    // Not awaited: requests made in the upgrade transaction commit with it, all or nothing. A
    // failure aborts the upgrade, and openLensDb rejects with it.
    tx.objectStore('campaigns')
      .put({ id: DEFAULT_CAMPAIGN_ID, name: LEGACY_DEFAULT_CAMPAIGN_NAME, budget: null, createdAt: Math.floor(Date.now() / 1000), archived: false })
      .catch(() => undefined);
  },
  3: (db) => {
    db.createObjectStore('listings', { keyPath: ['platform', 'handleKey'] });
    const invitations = db.createObjectStore('invitations', { keyPath: 'id' });
    invitations.createIndex('byCreator', ['platform', 'handleKey']);
  },
  // The statuses "posted" and "declined" join the pipeline: the old five stay valid, so no entry
  // is rewritten. The default campaign, still named "Shortlist", becomes "No campaign" (its id
  // and entries stay); a name the user chose is kept, as is "Shortlist" when another campaign
  // is already called "No campaign". The entries' index by creator goes: every entry written
  // also wrote an index record (an import of 10,000 creators took half again as long), and the
  // campaigns a creator is on are found by key, one lookup per campaign.
  4: (_db, tx) => {
    oldStore(tx, 'entries').deleteIndex('byCreator');
    const campaigns = tx.objectStore('campaigns');
    campaigns
      .getAll()
      .then((all) => {
        const current = all.find((c) => c?.id === DEFAULT_CAMPAIGN_ID);
        if (!current || typeof current.name !== 'string' || current.name.trim().toLowerCase() !== LEGACY_DEFAULT_CAMPAIGN_NAME.toLowerCase()) return;
        const taken = all.some((c) => c?.id !== DEFAULT_CAMPAIGN_ID && typeof c?.name === 'string' && c.name.trim().toLowerCase() === DEFAULT_CAMPAIGN_NAME.toLowerCase());
        if (!taken) return campaigns.put({ ...current, name: DEFAULT_CAMPAIGN_NAME });
      })
      .catch(() => undefined);
  },
  // Each creator's entries move into its record, and the entries store goes: the browser's cost
  // of a write is per record, so an import of 10,000 creators is 10,000 writes instead of 20,000
  // (and a creator's campaigns are one read). Records are moved as they are, unparsed: a record
  // that no longer parses stays as unreadable as before. An entry whose creator record is missing
  // was never shown (a creator lives while it is on a campaign), and goes with the store.
  5: (db, tx) => {
    const creators = tx.objectStore('creators');
    const entries = oldStore(tx, 'entries');
    const all = entries.getAll();
    all.onsuccess = () => {
      const byCreator = new Map<string, unknown[]>();
      for (const e of all.result as unknown[]) {
        const { platform, handleKey } = (typeof e === 'object' && e !== null ? e : {}) as { platform?: unknown; handleKey?: unknown };
        if (typeof platform !== 'string' || typeof handleKey !== 'string') continue;
        const id = `${platform}\u0000${handleKey}`;
        const list = byCreator.get(id);
        if (list) list.push(e);
        else byCreator.set(id, [e]);
      }
      const cursor = unwrap(creators).openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) {
          (unwrap(db) as IDBDatabase).deleteObjectStore('entries');
          return;
        }
        const record = at.value as Record<string, unknown> | null;
        const id = record && typeof record === 'object' ? `${String(record.platform)}\u0000${String(record.handleKey)}` : '';
        if (record && typeof record === 'object') at.update({ ...record, entries: byCreator.get(id) ?? [] });
        at.continue();
      };
    };
  },
};

/**
 * Open (creating or upgrading) the database.
 *
 * A connection closes itself when another tab asks for a newer version, so an update is never
 * held up by an open tab (that tab's next operation reports it was closed). If an upgrade is
 * still blocked by a connection that does not close (an old build), the promise rejects with
 * {@link StoreBlockedError} rather than hang; the upgrade itself goes on once the other
 * connection closes, and the late connection is closed.
 */
export function openLensDb(name = DB_NAME): Promise<IDBPDatabase<LensDB>> {
  return new Promise((resolve, reject) => {
    let gaveUp = false;
    openDB<LensDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        for (let v = oldVersion + 1; v <= DB_VERSION; v++) UPGRADES[v]?.(db, tx);
      },
      blocked() {
        gaveUp = true;
        reject(new StoreBlockedError());
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
      },
    }).then((db) => {
      if (gaveUp) db.close();
      else resolve(db);
    }, reject);
  });
}
