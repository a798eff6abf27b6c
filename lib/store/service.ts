/**
 * What the background does with the store when the content scripts, the overlay page or the popup
 * ask: shortlist a creator, say whether one is shortlisted, and remember each visit. Kept here,
 * free of browser APIs, so it runs against fake-indexeddb in tests.
 */
import type { IDBPDatabase } from 'idb';
import { analyzeSnapshot } from '../metrics/analysis';
import { audienceSignals } from '../metrics/signals';
import type { TierScheme } from '../metrics/tiers';
import type { ShortlistAnswer } from '../messaging';
import { readerForUrl } from '../platforms/index';
import { emptySnapshot, type Snapshot } from '../platforms/types';
import type { LensDB } from './db';
import { HISTORY_POINTS } from './answers';
import { historyOf, historyWithVisit, pointOf, recordSnapshot, type SnapshotPoint } from './history';
import { CampaignSchema, creatorSummary, handleKey, isShortlisted, shortlistCreator } from './shortlist';
import { recordVisit, VISITED_PLATFORMS, visitFromSnapshot } from './video-visits';

type Db = IDBPDatabase<LensDB>;

// The answers' shapes live in ./answers.ts, so the pages that ask do not load this module's readers.
export { HISTORY_POINTS, HistoryAnswerSchema, ShortlistAnswerSchema } from './answers';

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * `scheme`: the user's tier scheme (settings), so the stored tier and price are the ones the card
 * shows. The audience signals kept with the creator are computed with the profile's visit history,
 * as the card computes them.
 */
export async function shortlistFromSnapshot(db: Db, snapshot: Snapshot, now?: number, scheme?: TierScheme): Promise<ShortlistAnswer> {
  const at = now ?? nowSeconds();
  const history = snapshot.handle ? await historyPointsOf(db, snapshot.platform, snapshot.handle) : [];
  const analysis = analyzeSnapshot(snapshot, { now: at, history, ...(scheme ? { scheme } : {}) });
  const added = await shortlistCreator(db, snapshot, creatorSummary(snapshot, analysis), undefined, now);
  if (!added.ok) return added;
  return { ok: true, campaigns: added.value.campaigns.map((c) => c.id), names: added.value.campaigns.map((c) => c.name) };
}

export async function shortlistStatusOf(db: Db, platform: Snapshot['platform'], handle: string): Promise<ShortlistAnswer> {
  const status = await isShortlisted(db, platform, handle);
  if (!status.ok) return status;
  const names = await Promise.all(
    status.value.map(async (id) => {
      const parsed = CampaignSchema.safeParse(await db.get('campaigns', id).catch(() => undefined));
      return parsed.success ? parsed.data.name : id;
    }),
  );
  return { ok: true, campaigns: status.value, names };
}

/**
 * A page the user looked at: a video's counts (so its channel can be rated) and a profile's
 * dated numbers (growth history; at most one point per profile per hour).
 */
export async function rememberVisit(db: Db, snapshot: Snapshot, now: number, scheme?: TierScheme): Promise<string | null> {
  const visit = visitFromSnapshot(snapshot, now);
  // Opened videos rate a YouTube channel; opened posts rate an Instagram grid read logged out.
  if (visit && VISITED_PLATFORMS.includes(visit.platform)) await recordVisit(db, visit);
  if (snapshot.kind === 'post' || snapshot.state !== 'ok' || !snapshot.handle) return null;
  const analysis = analyzeSnapshot(snapshot, { now, ...(scheme ? { scheme } : {}) });
  const figures = creatorSummary(snapshot, analysis);
  // The growth signals kept with a shortlisted creator count this visit too.
  const history = historyWithVisit(await historyPointsOf(db, snapshot.platform, snapshot.handle), pointOf(snapshot, figures, handleKey(snapshot.handle), Math.floor(now)));
  const signals = audienceSignals(snapshot, analysis, { history, now });
  const recorded = await recordSnapshot(db, snapshot, creatorSummary(snapshot, analysis, signals), now);
  return recorded.ok ? null : recorded.message;
}

/**
 * Shortlist a profile from a link, before its page was ever opened: the creator goes on the
 * shortlist with unknown numbers, filled in the first time the profile is visited.
 */
export async function shortlistLink(db: Db, url: string, now?: number): Promise<ShortlistAnswer> {
  const location = readerForUrl(url)?.locate(url);
  if (!location || location.kind !== 'profile' || !location.handle) {
    return { ok: false, message: 'That link is not a creator profile on Instagram, YouTube, TikTok or X.' };
  }
  const snapshot = emptySnapshot({
    platform: location.platform,
    kind: 'profile',
    url: location.profileUrl ?? url,
    handle: location.handle,
    source: 'not visited yet',
  });
  return shortlistFromSnapshot(db, snapshot, now);
}


/** A profile's dated numbers, oldest first (the newest HISTORY_POINTS of them); [] when none or unreadable. */
export async function historyPointsOf(db: Db, platform: Snapshot['platform'], handle: string): Promise<SnapshotPoint[]> {
  const history = await historyOf(db, platform, handle);
  return history.ok ? history.value.items.slice(-HISTORY_POINTS) : [];
}
