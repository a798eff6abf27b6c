import type { Snapshot } from '../platforms/types';
import { openLensDb } from './db';
import { VISITED_PLATFORMS, visitedRates, visitsOf, type VisitedRates } from './video-visits';

/**
 * For a YouTube channel or an Instagram profile: the rates of its videos or posts the user has
 * opened, or null (other pages, unknown handle, nothing seen yet, or storage not available).
 */
export async function visitedFor(snapshot: Snapshot): Promise<VisitedRates | null> {
  if (!VISITED_PLATFORMS.includes(snapshot.platform) || snapshot.kind === 'post' || !snapshot.handle) return null;
  try {
    const db = await openLensDb();
    const visits = await visitsOf(db, snapshot.platform, snapshot.handle);
    db.close();
    return visits.length ? visitedRates(visits, snapshot.followers) : null;
  } catch {
    return null;
  }
}
