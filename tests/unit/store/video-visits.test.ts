import 'fake-indexeddb/auto';
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openLensDb } from '../../../lib/store/db';
import {
  MAX_VISITS_PER_CHANNEL,
  recordVisit,
  visitedRates,
  visitFromSnapshot,
  visitsOf,
  type VideoVisit,
} from '../../../lib/store/video-visits';
import { emptyPost, emptySnapshot, type Snapshot } from '../../../lib/platforms/types';

const NAME = 'lens-test';

function watchSnapshot(id: string, handle: string | null, likes: number | null, comments: number | null, views: number | null): Snapshot {
  return emptySnapshot({
    platform: 'youtube',
    kind: 'post',
    state: 'ok',
    url: `https://www.youtube.com/watch?v=${id}`,
    handle,
    followers: 20_000,
    posts: [emptyPost({ id, likes, comments, views })],
    source: 'test',
  });
}

afterEach(async () => {
  await deleteDB(NAME);
});

describe('video visits', () => {
  it('turns a watch-page snapshot into a visit, and nothing else', () => {
    const visit = visitFromSnapshot(watchSnapshot('aaaaaaaaaaa', '@Maker.Kim', 500, 40, 12_000), 1000);
    expect(visit).toEqual({ platform: 'youtube', postId: 'aaaaaaaaaaa', channelKey: 'maker.kim', likes: 500, comments: 40, views: 12_000, followers: 20_000, seenAt: 1000 });
    expect(visitFromSnapshot(watchSnapshot('aaaaaaaaaaa', null, 1, 1, 1), 1)).toBeNull();
    expect(visitFromSnapshot({ ...watchSnapshot('aaaaaaaaaaa', 'x', 1, 1, 1), kind: 'profile' }, 1)).toBeNull();
    expect(visitFromSnapshot({ ...watchSnapshot('aaaaaaaaaaa', 'x', 1, 1, 1), state: 'loading' }, 1)).toBeNull();
  });

  it('remembers videos per channel, newest first, replacing a video seen again', async () => {
    const db = await openLensDb(NAME);
    await recordVisit(db, visitFromSnapshot(watchSnapshot('aaaaaaaaaaa', 'kim', 500, 40, 12_000), 1)!);
    await recordVisit(db, visitFromSnapshot(watchSnapshot('bbbbbbbbbbb', 'Kim', 300, 20, 9_000), 2)!);
    await recordVisit(db, visitFromSnapshot(watchSnapshot('aaaaaaaaaaa', 'kim', 520, 41, 12_500), 3)!);
    await recordVisit(db, visitFromSnapshot(watchSnapshot('ccccccccccc', 'someone.else', 1, 1, 1), 4)!);
    const visits = await visitsOf(db, 'youtube', '@KIM');
    expect(visits.map((v) => [v.postId, v.likes])).toEqual([
      ['aaaaaaaaaaa', 520],
      ['bbbbbbbbbbb', 300],
    ]);
    db.close();
  });

  it('keeps only the most recent videos of a channel', async () => {
    const db = await openLensDb(NAME);
    for (let i = 0; i < MAX_VISITS_PER_CHANNEL + 5; i++) {
      await recordVisit(db, visitFromSnapshot(watchSnapshot(`v${String(i).padStart(10, '0')}`, 'kim', i, 0, 100), i)!);
    }
    const visits = await visitsOf(db, 'youtube', 'kim');
    expect(visits).toHaveLength(MAX_VISITS_PER_CHANNEL);
    expect(visits.at(-1)?.seenAt).toBe(5);
    db.close();
  });

  it('rates the visited videos against the channel subscribers and per view', () => {
    const visits: VideoVisit[] = [
      { platform: 'youtube', postId: 'a', channelKey: 'k', likes: 900, comments: 100, views: 20_000, followers: 10_000, seenAt: 1 },
      { platform: 'youtube', postId: 'b', channelKey: 'k', likes: 450, comments: 50, views: 10_000, followers: 10_000, seenAt: 2 },
      { platform: 'youtube', postId: 'c', channelKey: 'k', likes: null, comments: 5, views: 100, followers: 10_000, seenAt: 3 },
    ];
    const r = visitedRates(visits, 20_000);
    expect(r.videos).toBe(3);
    expect(r.perSubscriber.mean).toBeCloseTo(((1000 / 20_000 + 500 / 20_000) / 2) * 100, 6);
    expect(r.perSubscriber.excluded).toBe(1);
    expect(r.perView.mean).toBeCloseTo(5, 6);
    expect(visitedRates([], 100).perSubscriber.mean).toBeNull();
    expect(visitedRates(visits, 0).perSubscriber.mean).toBeNull();
  });

  it('skips records that no longer parse instead of failing', async () => {
    const db = await openLensDb(NAME);
    await db.put('videoVisits', { platform: 'youtube', postId: 'zzz', channelKey: 'kim', likes: -5, comments: 'x', views: null, followers: null, seenAt: 1 } as unknown as VideoVisit);
    await recordVisit(db, visitFromSnapshot(watchSnapshot('aaaaaaaaaaa', 'kim', 1, 1, 1), 2)!);
    expect((await visitsOf(db, 'youtube', 'kim')).map((v) => v.postId)).toEqual(['aaaaaaaaaaa']);
    db.close();
  });
});

describe('database schema', () => {
  it('creates every store of the current version from scratch', async () => {
    const db = await openLensDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('videoVisits');
    expect([...db.transaction('videoVisits').store.indexNames]).toEqual(['byChannel']);
    db.close();
  });

  it('opens a database an older session left open-able (same version) with its records intact', async () => {
    const first = await openLensDb(NAME);
    await recordVisit(first, visitFromSnapshot(watchSnapshot('aaaaaaaaaaa', 'kim', 1, 2, 3), 1)!);
    first.close();
    const raw = await openDB(NAME);
    expect(raw.version).toBe(DB_VERSION);
    raw.close();
    const again = await openLensDb(NAME);
    expect(await visitsOf(again, 'youtube', 'kim')).toHaveLength(1);
    again.close();
  });
});
