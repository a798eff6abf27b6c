import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyPost, emptySnapshot, type Snapshot } from '../../../lib/platforms/types';
import { openLensDb, type LensDB } from '../../../lib/store/db';
import type { StoreResult } from '../../../lib/store/errors';
import { DAY, growth, historyOf, HOUR, MONTH, recordSnapshot, suddenJumps, WEEK, type SnapshotPoint } from '../../../lib/store/history';
import { shortlistCreator, type CreatorSummary } from '../../../lib/store/shortlist';

const NAME = 'lens-history-test';
let db: IDBPDatabase<LensDB> | null = null;

afterEach(async () => {
  db?.close();
  db = null;
  await deleteDB(NAME);
});

function unwrap<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.value;
}

function visit(followers: number | null, partial: Partial<Snapshot> = {}): Snapshot {
  return emptySnapshot({
    platform: 'instagram',
    kind: 'profile',
    state: 'ok',
    url: 'https://www.instagram.com/kim/',
    handle: 'Kim',
    followers,
    followersExact: true,
    following: 10,
    postsCount: 40,
    posts: [emptyPost({ likes: 10, comments: 1 })],
    source: 'test',
    ...partial,
  });
}

function summary(followers: number | null, er: number | null = 3): CreatorSummary {
  return { followers, er, erPerView: null, tierRank: 8, tierName: 'Newbie', sizeClass: 'micro', pricePoint: 50, priceLow: 45, priceHigh: 55, currency: 'USD' };
}

const T0 = 1_700_000_000 - (1_700_000_000 % HOUR); // the start of an hour

describe('recording visits', () => {
  it('keeps at most one point per profile per hour, the latest of the hour', async () => {
    db = await openLensDb(NAME);
    expect(unwrap(await recordSnapshot(db, visit(1000), summary(1000), T0 + 60))).toMatchObject({ recorded: true, replaced: false });
    expect(unwrap(await recordSnapshot(db, visit(1010), summary(1010), T0 + 3000))).toMatchObject({ recorded: true, replaced: true });
    await recordSnapshot(db, visit(1020), summary(1020), T0 + HOUR); // next hour
    const points = unwrap(await historyOf(db, 'instagram', '@KIM')).items;
    expect(points.map((p) => [p.takenAt - T0, p.followers])).toEqual([
      [3000, 1010],
      [HOUR, 1020],
    ]);
  });

  it('keeps profiles apart and returns them oldest first', async () => {
    db = await openLensDb(NAME);
    await recordSnapshot(db, visit(3000), summary(3000), T0 + 2 * DAY);
    await recordSnapshot(db, visit(1000), summary(1000), T0);
    await recordSnapshot(db, visit(7, { handle: 'someone' }), summary(7), T0);
    await recordSnapshot(db, visit(8, { platform: 'tiktok' }), summary(8), T0);
    const points = unwrap(await historyOf(db, 'instagram', 'kim')).items;
    expect(points.map((p) => p.followers)).toEqual([1000, 3000]);
    expect(points[0]).toEqual({
      platform: 'instagram',
      handleKey: 'kim',
      takenAt: T0,
      followers: 1000,
      followersExact: true,
      following: 10,
      postsCount: 40,
      totalLikes: null,
      er: 3,
      erPerView: null,
      pricePoint: 50,
    });
  });

  it('records profile readings only', async () => {
    db = await openLensDb(NAME);
    const skipped = { recorded: false, replaced: false, creatorRefreshed: false };
    expect(unwrap(await recordSnapshot(db, visit(1, { kind: 'post' }), summary(1), T0))).toEqual(skipped);
    expect(unwrap(await recordSnapshot(db, visit(null, { state: 'loading' }), summary(null), T0))).toEqual(skipped);
    expect(unwrap(await recordSnapshot(db, visit(1, { handle: null }), summary(1), T0))).toEqual(skipped);
    expect((await recordSnapshot(db, visit(Number.NaN), summary(1), T0)).ok).toBe(false);
    expect(await db.count('snapshots')).toBe(0);
  });

  it('refreshes a shortlisted creator’s numbers on a visit', async () => {
    db = await openLensDb(NAME);
    unwrap(await shortlistCreator(db, visit(1000), summary(1000), undefined, T0));
    expect(unwrap(await recordSnapshot(db, visit(1500), summary(1500, 2), T0 + DAY)).creatorRefreshed).toBe(true);
    expect(await db.get('creators', ['instagram', 'kim'])).toMatchObject({ followers: 1500, er: 2, addedAt: T0, updatedAt: T0 + DAY });
  });

  it('skips stored points that no longer parse', async () => {
    db = await openLensDb(NAME);
    await recordSnapshot(db, visit(1000), summary(1000), T0);
    await db.put('snapshots', { platform: 'instagram', handleKey: 'kim', takenAt: T0 + DAY, followers: -3 } as unknown as SnapshotPoint);
    expect(unwrap(await historyOf(db, 'instagram', 'kim'))).toMatchObject({ skipped: 1, items: [{ followers: 1000 }] });
  });
});

function point(daysAfter: number, followers: number | null, er: number | null = 3): SnapshotPoint {
  return {
    platform: 'instagram',
    handleKey: 'kim',
    takenAt: T0 + Math.round(daysAfter * DAY),
    followers,
    followersExact: true,
    following: null,
    postsCount: null,
    totalLikes: null,
    er,
    erPerView: null,
    pricePoint: null,
  };
}

describe('growth', () => {
  it('gives followers per week and per month from the newest point back a full period', () => {
    const history = [point(0, 10_000), point(20, 11_000), point(33, 12_000), point(40, 12_700)];
    const g = growth(history, T0 + 41 * DAY);
    // Week: from day 33 (the newest at least 7 days before day 40) to day 40.
    expect(g.perWeek?.followers).toBeCloseTo(700, 6);
    expect(g.perWeek?.percent).toBeCloseTo((700 / 12_000) * 100, 6);
    // Month: from day 0 (day 20 is less than a month back) to day 40, scaled to one month.
    expect(g.perMonth?.followers).toBeCloseTo((2700 * MONTH) / (40 * DAY), 6);
    expect(g.spanDays).toBe(40);
  });

  it('is null when the history does not reach back a full period', () => {
    expect(growth([], T0)).toEqual({ perWeek: null, perMonth: null, spanDays: null });
    const short = [point(0, 100), point(6.9, 200)];
    expect(growth(short, T0 + WEEK)).toMatchObject({ perWeek: null, perMonth: null });
    const g = growth([point(0, 100), point(8, 180)], T0 + 8 * DAY);
    expect(g.perWeek?.followers).toBeCloseTo(70, 6);
    expect(g.perMonth).toBeNull();
  });

  it('ignores points without followers and points dated after now, and reports losses', () => {
    const history = [point(0, 1000), point(3, null), point(7, 900), point(30, 5_000_000)];
    const g = growth(history, T0 + 8 * DAY);
    expect(g.perWeek).toEqual({ followers: -100, percent: -10 });
    expect(growth([point(0, 0), point(7, 50)], T0 + 7 * DAY).perWeek).toEqual({ followers: 50, percent: null });
  });
});

describe('sudden jumps', () => {
  it('flags a jump of more than 20 % within a week that engagement does not follow', () => {
    const history = [point(0, 10_000, 3), point(2, 13_000, 1.9), point(20, 20_000, 1)];
    const jumps = suddenJumps(history);
    expect(jumps).toHaveLength(1);
    expect(jumps[0]?.from.followers).toBe(10_000);
    expect(jumps[0]?.followersChange).toBeCloseTo(30, 6);
    expect(jumps[0]?.erChange).toBeCloseTo(-36.666, 2);
  });

  it('does not flag growth engagement follows, slow growth, small jumps or unknown rates', () => {
    expect(suddenJumps([point(0, 10_000, 3), point(2, 13_000, 2.9)])).toEqual([]); // rate holds
    expect(suddenJumps([point(0, 10_000, 3), point(7, 13_000, 1)])).toEqual([]); // a week apart
    expect(suddenJumps([point(0, 10_000, 3), point(1, 12_000, 1)])).toEqual([]); // exactly 20 %
    expect(suddenJumps([point(0, 10_000, 3), point(1, 12_001, 2)])).toEqual([]); // exactly a third
    expect(suddenJumps([point(0, 10_000, null), point(1, 20_000, 1)])).toEqual([]);
    expect(suddenJumps([point(0, 0, 3), point(1, 20_000, 1)])).toEqual([]);
  });

  it('compares consecutive points with a follower count, in time order', () => {
    const history = [point(2, 13_000, 1.5), point(1, null, 3), point(0, 10_000, 3)];
    expect(suddenJumps(history)).toHaveLength(1);
  });
});
