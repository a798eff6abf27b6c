import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { openLensDb } from '../../../lib/store/db';
import { historyOf } from '../../../lib/store/history';
import { rememberVisit, shortlistFromSnapshot, shortlistLink, shortlistStatusOf } from '../../../lib/store/service';
import { listEntries } from '../../../lib/store/shortlist';
import { visitsOf } from '../../../lib/store/video-visits';
import { emptyPost, emptySnapshot, type Snapshot } from '../../../lib/platforms/types';
import type { TierScheme } from '../../../lib/metrics/tiers';

const NAME = 'lens-service-test';

function profile(handle: string | null, followers = 12_000): Snapshot {
  return emptySnapshot({
    platform: 'instagram',
    kind: 'profile',
    state: 'ok',
    url: `https://www.instagram.com/${handle}/`,
    handle,
    followers,
    followersExact: true,
    posts: [emptyPost({ id: 'a1', likes: 500, comments: 20 }), emptyPost({ id: 'a2', likes: 400, comments: 10 })],
    source: 'test',
  });
}

afterEach(async () => {
  await deleteDB(NAME);
});

describe('background store service', () => {
  it('shortlists a creator once and reports the campaigns it is on', async () => {
    const db = await openLensDb(NAME);
    expect(await shortlistStatusOf(db, 'instagram', 'maker.kim')).toEqual({ ok: true, campaigns: [], names: [] });
    expect(await shortlistFromSnapshot(db, profile('maker.kim'))).toEqual({ ok: true, campaigns: ['shortlist'], names: ['No campaign'] });
    expect(await shortlistFromSnapshot(db, profile('Maker.Kim'))).toEqual({ ok: true, campaigns: ['shortlist'], names: ['No campaign'] });
    expect(await shortlistStatusOf(db, 'instagram', 'MAKER.KIM')).toEqual({ ok: true, campaigns: ['shortlist'], names: ['No campaign'] });
    db.close();
  });

  it('stores the tier and price of the user’s own tier scheme when given one', async () => {
    const db = await openLensDb(NAME);
    const scheme: TierScheme = {
      id: 'custom',
      name: 'Toy brand tiers',
      currency: 'EUR',
      tiers: [
        { rank: 1, name: 'Stars', minFollowers: 10_000, pricePerPost: 400 },
        { rank: 2, name: 'Rising', minFollowers: 0, pricePerPost: 90 },
      ],
    };
    expect((await shortlistFromSnapshot(db, profile('maker.kim'), 1000, scheme)).ok).toBe(true);
    const listed = await listEntries(db);
    if (!listed.ok) throw new Error(listed.message);
    expect(listed.value.items[0]?.creator).toMatchObject({ tierName: 'Stars', tierRank: 1, currency: 'EUR' });
    expect(listed.value.items[0]?.creator.pricePoint).toBeGreaterThanOrEqual(400 * 0.7);
    db.close();
  });

  it('refuses a page without a handle with a plain message', async () => {
    const db = await openLensDb(NAME);
    const answer = await shortlistFromSnapshot(db, profile(null));
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.message).toMatch(/whose account/);
    db.close();
  });

  it('remembers profile visits as growth history and video visits for their channel', async () => {
    const db = await openLensDb(NAME);
    expect(await rememberVisit(db, profile('maker.kim', 12_000), 1_000_000)).toBeNull();
    expect(await rememberVisit(db, profile('maker.kim', 12_500), 1_000_000 + 7200)).toBeNull();
    const history = await historyOf(db, 'instagram', 'maker.kim');
    expect(history.ok && history.value.items.map((p) => p.followers)).toEqual([12_000, 12_500]);

    const watch = emptySnapshot({
      platform: 'youtube',
      kind: 'post',
      state: 'ok',
      url: 'https://www.youtube.com/watch?v=abcdefghijk',
      handle: 'kimmakes',
      followers: 9_000,
      posts: [emptyPost({ id: 'abcdefghijk', likes: 300, comments: 12, views: 8_000 })],
      source: 'test',
    });
    expect(await rememberVisit(db, watch, 1_000_100)).toBeNull();
    expect((await visitsOf(db, 'youtube', 'kimmakes')).map((v) => v.postId)).toEqual(['abcdefghijk']);
    // A post page is not a profile reading: no history point for it.
    const channelHistory = await historyOf(db, 'youtube', 'kimmakes');
    expect(channelHistory.ok && channelHistory.value.items).toEqual([]);
    db.close();
  });

  it('shortlists a profile link before it is visited, and the first visit fills in its numbers', async () => {
    const db = await openLensDb(NAME);
    expect(await shortlistLink(db, 'https://www.tiktok.com/@bytesize.bao?lang=en', 1000)).toEqual({ ok: true, campaigns: ['shortlist'], names: ['No campaign'] });
    let rows = await listEntries(db);
    expect(rows.ok && rows.value.items.map((r) => [r.creator.handle, r.creator.followers])).toEqual([['bytesize.bao', null]]);
    const visited = emptySnapshot({
      platform: 'tiktok',
      kind: 'profile',
      state: 'ok',
      url: 'https://www.tiktok.com/@bytesize.bao',
      handle: 'bytesize.bao',
      followers: 8_762,
      followersExact: true,
      source: 'test',
    });
    expect(await rememberVisit(db, visited, 5000)).toBeNull();
    rows = await listEntries(db);
    expect(rows.ok && rows.value.items.map((r) => r.creator.followers)).toEqual([8_762]);
    const bad = await shortlistLink(db, 'https://www.instagram.com/explore/');
    expect(bad.ok).toBe(false);
    db.close();
  });
});
