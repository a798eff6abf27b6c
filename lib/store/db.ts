/**
 * The extension's IndexedDB database (through idb). It lives in the extension's own origin: the
 * background, the popup and the overlay page share it; the platforms' pages cannot see it.
 *
 * The schema is versioned from the first release. Each version's upgrade step is kept forever
 * and runs in order, so a database written by any older version opens with every record intact.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { VideoVisit } from './video-visits';

export const DB_NAME = 'reloquence-lens';
export const DB_VERSION = 1;

export interface LensDB extends DBSchema {
  /** Stats of single videos/posts the user opened, to rate a channel whose page shows views only. */
  videoVisits: {
    key: [string, string];
    value: VideoVisit;
    indexes: { byChannel: [string, string] };
  };
}

/** Upgrade steps by the version they create. Never edit a released step: add the next one. */
const UPGRADES: Record<number, (db: IDBPDatabase<LensDB>) => void> = {
  1: (db) => {
    const visits = db.createObjectStore('videoVisits', { keyPath: ['platform', 'postId'] });
    visits.createIndex('byChannel', ['platform', 'channelKey']);
  },
};

export function openLensDb(name = DB_NAME): Promise<IDBPDatabase<LensDB>> {
  return openDB<LensDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      for (let v = oldVersion + 1; v <= DB_VERSION; v++) UPGRADES[v]?.(db);
    },
  });
}
