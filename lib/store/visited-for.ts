import type { Snapshot } from '../platforms/types';
import { openLensDb } from './db';
import { visitedRates, visitsOf, type VisitedRates } from './video-visits';

/**
 * For a YouTube channel snapshot: the rates of its videos the user has opened, or null (other
 * pages, unknown handle, nothing seen yet, or storage not available).
 */
export async function visitedFor(snapshot: Snapshot): Promise<VisitedRates | null> {
  if (snapshot.platform !== 'youtube' || snapshot.kind === 'post' || !snapshot.handle) return null;
  try {
    const db = await openLensDb();
    const visits = await visitsOf(db, snapshot.platform, snapshot.handle);
    db.close();
    return visits.length ? visitedRates(visits, snapshot.followers) : null;
  } catch {
    return null;
  }
}
