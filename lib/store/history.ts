/**
 * Growth history: the numbers of each profile visit, dated, so the shortlist can show how an
 * account grows and flag growth that engagement does not follow (bought followers, giveaways).
 *
 * Rules:
 * - At most one point per profile per clock hour (UTC): a visit within the same hour replaces
 *   that hour's point. Hours are fixed buckets rather than "an hour since the last point" so
 *   that a profile visited every half hour still gains one point an hour instead of one point
 *   that keeps moving forward.
 * - Only profile readings are recorded (not single posts, and not pages whose numbers had not
 *   loaded): a post page's rate is one post's, not the account's.
 * - A visit also refreshes the creator's shortlist record (latest snapshot and figures) when
 *   the creator is shortlisted, in the same transaction.
 */
import * as z from 'zod/mini';
import type { IDBPDatabase } from 'idb';
import type { Platform, Snapshot } from '../platforms/types';
import { PlatformSchema, SnapshotSchema } from '../schema';
import type { LensDB } from './db';
import { inTransaction, StoreInputError, withStoreErrors, type StoreResult } from './errors';
import {
  readCreator,
  storedCreator,
  CreatorSummarySchema,
  HandleKeySchema,
  handleKey,
  creatorFrom,
  USABLE_STATES,
  type CreatorSummary,
  type Listed,
} from './shortlist';

const count = z.nullable(z.number().check(z.gte(0), z.lte(1e15)));
const percent = z.nullable(z.number().check(z.gte(0), z.lte(1e9)));

export const SnapshotPointSchema = z.object({
  platform: PlatformSchema,
  handleKey: HandleKeySchema,
  /** Unix seconds of the visit. */
  takenAt: z.number().check(z.gte(0), z.lte(1e11)),
  followers: count,
  followersExact: z.boolean(),
  following: count,
  postsCount: count,
  totalLikes: count,
  /** Engagement rate per follower and per view (means, percent). */
  er: percent,
  erPerView: percent,
  pricePoint: z.nullable(z.number().check(z.gte(0), z.lte(1e12))),
});
export type SnapshotPoint = z.infer<typeof SnapshotPointSchema>;

export const HOUR = 3600;
export const DAY = 86_400;
export const WEEK = 7 * DAY;
/** Average month (365.25 / 12 days). */
export const MONTH = 30.4375 * DAY;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Every point of one profile, through the primary key [platform, handleKey, takenAt]. */
function profileRange(platform: Platform, key: string, from = 0, to = Infinity): IDBKeyRange {
  return IDBKeyRange.bound([platform, key, from], [platform, key, to]);
}

export interface RecordOutcome {
  /** False when the snapshot is not a loaded profile reading (nothing stored). */
  recorded: boolean;
  /** This hour already had a point, and it was replaced. */
  replaced: boolean;
  /** The creator is shortlisted and its record now carries these numbers. */
  creatorRefreshed: boolean;
}

/** The point a profile visit stores (see {@link recordSnapshot}). */
export function pointOf(snapshot: Snapshot, summary: CreatorSummary, key: string, takenAt: number): SnapshotPoint {
  return {
    platform: snapshot.platform,
    handleKey: key,
    takenAt,
    followers: snapshot.followers,
    followersExact: snapshot.followersExact,
    following: snapshot.following,
    postsCount: snapshot.postsCount,
    totalLikes: snapshot.totalLikes,
    er: summary.er,
    erPerView: summary.erPerView,
    pricePoint: summary.pricePoint,
  };
}

/** Store a profile visit's numbers (see the rules at the top). */
export function recordSnapshot(
  db: IDBPDatabase<LensDB>,
  snapshot: Snapshot,
  summary: CreatorSummary,
  now: number = nowSeconds(),
): Promise<StoreResult<RecordOutcome>> {
  return withStoreErrors(async () => {
    const snap = SnapshotSchema.safeParse(snapshot);
    const figures = CreatorSummarySchema.safeParse(summary);
    if (!snap.success || !figures.success) throw new StoreInputError('The numbers read from this page are not valid, so they were not kept.');
    if (!Number.isFinite(now) || now < 0) throw new StoreInputError('The visit has no valid time, so it was not kept.');
    const page = snap.data;
    const key = page.handle ? handleKey(page.handle) : '';
    if (page.kind === 'post' || !USABLE_STATES.has(page.state) || !page.handle || !key) {
      return { recorded: false, replaced: false, creatorRefreshed: false };
    }
    const handle = page.handle;
    const takenAt = Math.floor(now);
    const hourStart = takenAt - (takenAt % HOUR);
    return inTransaction(db, ['snapshots', 'creators'], 'readwrite', async (tx) => {
      const points = tx.objectStore('snapshots');
      const sameHour = await points.getAllKeys(profileRange(page.platform, key, hourStart, hourStart + HOUR - 1));
      for (const old of sameHour) await points.delete(old);
      await points.put(SnapshotPointSchema.parse(pointOf(page, figures.data, key, takenAt)));
      const creators = tx.objectStore('creators');
      // A shortlisted creator takes the visit's figures and keeps its entries (./shortlist.ts).
      const stored = readCreator(await creators.get([page.platform, key]));
      if (stored) await creators.put(storedCreator(creatorFrom(stored.creator, page, figures.data, handle, takenAt), stored.entries));
      return { recorded: true, replaced: sameHour.length > 0, creatorRefreshed: stored !== null };
    });
  });
}

/**
 * The history as it stands once a visit at `takenAt` is recorded: the visit's point in place of
 * any point of the same clock hour, oldest first. Pure: what {@link recordSnapshot} writes,
 * for the signals computed before it is written.
 */
export function historyWithVisit(history: readonly SnapshotPoint[], visit: SnapshotPoint): SnapshotPoint[] {
  const hourStart = visit.takenAt - (visit.takenAt % HOUR);
  return [...history.filter((p) => p.takenAt < hourStart || p.takenAt >= hourStart + HOUR), visit].sort((a, b) => a.takenAt - b.takenAt);
}

/** A profile's points, oldest first; points that no longer parse are skipped and counted. */
export function historyOf(db: IDBPDatabase<LensDB>, platform: Platform, handle: string): Promise<StoreResult<Listed<SnapshotPoint>>> {
  return withStoreErrors(async () => {
    const key = handleKey(handle);
    if (!key) return { items: [], skipped: 0 };
    const raw = await db.getAll('snapshots', profileRange(platform, key));
    const items = raw.flatMap((r) => {
      const parsed = SnapshotPointSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
    items.sort((a, b) => a.takenAt - b.takenAt);
    return { items, skipped: raw.length - items.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Growth (pure)

export interface Change {
  /** Followers gained (negative: lost) over the period. */
  followers: number;
  /** The same, in percent of the followers at the start; null when those were 0. */
  percent: number | null;
}

export interface Growth {
  perWeek: Change | null;
  perMonth: Change | null;
  /** Days between the oldest and the newest point with a follower count (0 with one point). */
  spanDays: number | null;
}

type Counted = SnapshotPoint & { followers: number };

/** Points with a follower count, taken no later than `now` (a clock set wrong can date a visit ahead), oldest first. */
function countedPoints(history: readonly SnapshotPoint[], now: number): Counted[] {
  return history
    .filter((p): p is Counted => p.followers !== null && Number.isFinite(p.followers) && p.takenAt <= now)
    .sort((a, b) => a.takenAt - b.takenAt);
}

/**
 * The change over one period, ending at the newest point. The start is the newest point taken
 * at least a period earlier; the change between the two is scaled to exactly one period (so a
 * start 10 days back gives 7/10 of the change as "per week"). Null when the history does not
 * reach back a full period.
 */
function changeOver(points: readonly Counted[], period: number): Change | null {
  const latest = points.at(-1);
  if (!latest) return null;
  const start = points.findLast((p) => p.takenAt <= latest.takenAt - period);
  if (!start) return null;
  const followers = ((latest.followers - start.followers) * period) / (latest.takenAt - start.takenAt);
  if (!Number.isFinite(followers)) return null;
  return { followers, percent: start.followers > 0 ? (followers / start.followers) * 100 : null };
}

/** Followers gained per week and per month, as of the newest point up to `now` (Unix seconds). */
export function growth(history: readonly SnapshotPoint[], now: number): Growth {
  const points = countedPoints(history, now);
  const first = points[0];
  const last = points.at(-1);
  return {
    perWeek: changeOver(points, WEEK),
    perMonth: changeOver(points, MONTH),
    spanDays: first && last ? (last.takenAt - first.takenAt) / DAY : null,
  };
}

/** A follower jump counts when the count grows by more than this fraction … */
export const JUMP_MIN_GROWTH = 0.2;
/** … between consecutive points less than this far apart (slow growth over months is normal) … */
export const JUMP_MAX_GAP = WEEK;
/** … and the engagement rate per follower falls by more than this fraction meanwhile. */
export const JUMP_ER_DROP = 1 / 3;

export interface SuddenJump {
  from: SnapshotPoint;
  to: SnapshotPoint;
  /** Percent change of followers (positive) and of the engagement rate (negative). */
  followersChange: number;
  erChange: number;
}

/** Two consecutive points (with a follower count) that the jump rule can judge. */
export interface JumpPair {
  from: SnapshotPoint;
  to: SnapshotPoint;
  /** Fraction (0.3 = +30 %); `from` had more than 0 followers. */
  followersChange: number;
  /** Fraction, or null when the rate per follower is unknown on either side or was 0 at `from`. */
  erChange: number | null;
}

/**
 * The pairs of consecutive points, with a follower count, that the jump rule can judge: less
 * than {@link JUMP_MAX_GAP} apart and starting from more than 0 followers. Growth over a longer
 * gap is never called a jump (slow growth over months is normal).
 */
export function jumpPairs(history: readonly SnapshotPoint[]): JumpPair[] {
  const points = countedPoints(history, Infinity);
  const pairs: JumpPair[] = [];
  for (const [i, to] of points.entries()) {
    const from = points[i - 1];
    if (!from) continue;
    if (to.takenAt - from.takenAt >= JUMP_MAX_GAP || from.followers <= 0) continue;
    const followersChange = (to.followers - from.followers) / from.followers;
    const erChange = from.er === null || to.er === null || from.er <= 0 ? null : (to.er - from.er) / from.er;
    pairs.push({ from, to, followersChange, erChange });
  }
  return pairs;
}

/** Follower jumps, whatever the rate did: followers up by more than 20 % between points less than 7 days apart. */
export function followerJumps(history: readonly SnapshotPoint[]): JumpPair[] {
  return jumpPairs(history).filter((p) => p.followersChange > JUMP_MIN_GROWTH);
}

/**
 * Follower jumps that engagement does not follow: followers up by more than 20 % between
 * consecutive points less than 7 days apart while the rate per follower fell by more than a
 * third. Real new fans like and comment too, so the rate holds; bought or giveaway followers
 * do not, so the same likes spread over more followers. A pair whose rate is unknown on either
 * side is never flagged: there is nothing to say the engagement did not follow.
 */
export function suddenJumps(history: readonly SnapshotPoint[]): SuddenJump[] {
  return followerJumps(history).flatMap(({ from, to, followersChange, erChange }) =>
    erChange !== null && erChange < -JUMP_ER_DROP ? [{ from, to, followersChange: followersChange * 100, erChange: erChange * 100 }] : [],
  );
}
