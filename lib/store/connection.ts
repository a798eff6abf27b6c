import type { IDBPDatabase } from 'idb';
import { openLensDb, type LensDB } from './db';

/** Whether a connection is still open (a closed one refuses to start a transaction). */
function isOpen(db: IDBPDatabase<LensDB>): boolean {
  try {
    db.transaction('campaigns').abort();
    return true;
  } catch {
    return false;
  }
}

/**
 * One shared connection for a long-lived context (the background), opened on first use and
 * opened again when it was closed — a connection closes itself when another tab upgrades the
 * database — or when opening failed.
 */
export function createDbProvider(open: () => Promise<IDBPDatabase<LensDB>> = () => openLensDb()): () => Promise<IDBPDatabase<LensDB>> {
  let current: Promise<IDBPDatabase<LensDB>> | null = null;
  return async () => {
    if (current) {
      const db = await current.catch(() => null);
      if (db && isOpen(db)) return db;
    }
    const opening = open();
    current = opening;
    opening.catch(() => {
      if (current === opening) current = null;
    });
    return opening;
  };
}
