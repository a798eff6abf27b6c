import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { emptyPost, emptySnapshot, type Platform, type Snapshot } from '../../../lib/platforms/types';
import { DEFAULT_CAMPAIGN_ID, openLensDb, type LensDB } from '../../../lib/store/db';
import { QUOTA_MESSAGE, type StoreResult } from '../../../lib/store/errors';
import {
  createCampaign,
  creatorSummary,
  deleteCampaign,
  ENTRY_STATUSES,
  entryKeyOf,
  filterAndSort,
  isShortlisted,
  listCampaigns,
  listEntries,
  MAX_TAGS,
  moveEntries,
  removeFromCampaign,
  renameCampaign,
  shortlistCreator,
  tagEntries,
  updateEntry,
  type CreatorSummary,
  type Entry,
  type EntryKey,
  type ShortlistRow,
  type SortColumn,
} from '../../../lib/store/shortlist';

const NAME = 'lens-shortlist-test';
const opened: Array<IDBPDatabase<LensDB>> = [];

async function open(): Promise<IDBPDatabase<LensDB>> {
  const db = await openLensDb(NAME);
  opened.push(db);
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
  await deleteDB(NAME);
});

function unwrap<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.value;
}

function profile(handle: string | null, followers: number | null, platform: Platform = 'instagram', partial: Partial<Snapshot> = {}): Snapshot {
  return emptySnapshot({
    platform,
    kind: 'profile',
    state: 'ok',
    url: `https://www.instagram.com/${handle ?? ''}/`,
    handle,
    displayName: handle ? `${handle} Display` : null,
    followers,
    followersExact: true,
    posts: [emptyPost({ likes: 300, comments: 20 }), emptyPost({ likes: 200, comments: 10 })],
    source: 'test',
    ...partial,
  });
}

function summaryOf(snapshot: Snapshot): CreatorSummary {
  return creatorSummary(snapshot, analyzeSnapshot(snapshot, { now: 1_700_000_000 }));
}

async function shortlist(db: IDBPDatabase<LensDB>, snapshot: Snapshot, campaign?: string, now = 1000) {
  return unwrap(await shortlistCreator(db, snapshot, summaryOf(snapshot), campaign, now));
}

const key = (handle: string, campaignId = DEFAULT_CAMPAIGN_ID, platform: Platform = 'instagram'): EntryKey => ({ campaignId, platform, handle });

async function entryOf(db: IDBPDatabase<LensDB>, k: EntryKey): Promise<Entry | undefined> {
  return (await db.get('creators', [k.platform, k.handle.toLowerCase()]))?.entries.find((e) => e.campaignId === k.campaignId);
}

/** Every stored entry (each creator's record holds its own). */
async function allEntries(db: IDBPDatabase<LensDB>): Promise<Entry[]> {
  return (await db.getAll('creators')).flatMap((c) => c.entries);
}

describe('shortlisting', () => {
  it('adds a creator to the default campaign once, keeping the latest numbers', async () => {
    const db = await open();
    // The answer names the campaigns the creator is on now, as the card shows them.
    const onDefault = [{ id: DEFAULT_CAMPAIGN_ID, name: 'No campaign' }];
    expect(await shortlist(db, profile('Trail.Runner', 10_000))).toEqual({ isNew: true, creatorIsNew: true, campaigns: onDefault });
    expect(await shortlist(db, profile('trail.runner', 12_000), undefined, 2000)).toEqual({ isNew: false, creatorIsNew: false, campaigns: onDefault });

    const creator = await db.get('creators', ['instagram', 'trail.runner']);
    expect(creator).toMatchObject({ handle: 'trail.runner', followers: 12_000, addedAt: 1000, updatedAt: 2000, tierRank: 7, sizeClass: 'micro' });
    expect(creator?.er).toBeCloseTo(((320 / 12_000 + 210 / 12_000) / 2) * 100, 9);
    expect(creator?.pricePoint).toBeGreaterThan(0);
    expect(creator?.profileUrl).toBe('https://www.instagram.com/trail.runner/');
    expect(await allEntries(db)).toHaveLength(1);
    expect(await entryOf(db, key('trail.runner'))).toMatchObject({ status: 'to contact', notes: '', tags: [], addedAt: 1000 });
  });

  it('keeps an entry’s notes when the creator is shortlisted again', async () => {
    const db = await open();
    await shortlist(db, profile('kim', 10_000));
    unwrap(await updateEntry(db, key('kim'), { notes: 'Met at the fair', status: 'contacted' }));
    await shortlist(db, profile('KIM', 11_000));
    expect(await entryOf(db, key('kim'))).toMatchObject({ notes: 'Met at the fair', status: 'contacted' });
  });

  it('does not let a page that had not loaded, or a single post, replace a profile reading', async () => {
    const db = await open();
    await shortlist(db, profile('kim', 10_000));
    await shortlist(db, profile('kim', null, 'instagram', { state: 'loading', posts: [] }));
    const post = profile('kim', 10_500, 'instagram', { kind: 'post', url: 'https://www.instagram.com/p/abc/' });
    await shortlist(db, post);
    const creator = await db.get('creators', ['instagram', 'kim']);
    expect(creator?.followers).toBe(10_000);
    expect(creator?.snapshot?.kind).toBe('profile');
    expect(creator?.profileUrl).toBe('https://www.instagram.com/kim/');
  });

  it('builds the profile address from a post page’s author', async () => {
    const db = await open();
    await shortlist(db, profile('@Maker', 5_000, 'tiktok', { kind: 'post', url: 'https://www.tiktok.com/@maker/video/1' }));
    expect((await db.get('creators', ['tiktok', 'maker']))?.profileUrl).toBe('https://www.tiktok.com/@Maker');
  });

  it('refuses a page without a handle, an unknown campaign and invalid numbers, with a message', async () => {
    const db = await open();
    const noHandle = profile(null, 10);
    expect(await shortlistCreator(db, noHandle, summaryOf(noHandle))).toEqual({
      ok: false,
      message: 'This page does not say whose account it is, so it cannot be shortlisted.',
    });
    const ok = profile('kim', 10);
    expect(await shortlistCreator(db, ok, summaryOf(ok), 'no-such-campaign')).toEqual({ ok: false, message: 'That campaign no longer exists.' });
    expect((await shortlistCreator(db, { ...ok, followers: Number.NaN }, summaryOf(ok))).ok).toBe(false);
    expect((await shortlistCreator(db, ok, { ...summaryOf(ok), er: -1 })).ok).toBe(false);
    expect(await db.count('creators')).toBe(0);
  });

  it('tells which campaigns a creator is on, ignoring the case of the handle', async () => {
    const db = await open();
    const spring = unwrap(await createCampaign(db, 'Spring launch', 5_000));
    await shortlist(db, profile('kim', 10_000));
    await shortlist(db, profile('Kim', 10_000), spring.id);
    expect(unwrap(await isShortlisted(db, 'instagram', '@KIM')).sort()).toEqual([DEFAULT_CAMPAIGN_ID, spring.id].sort());
    expect(unwrap(await isShortlisted(db, 'tiktok', 'kim'))).toEqual([]);
  });
});

describe('entries', () => {
  it('updates an entry with a validated patch, merging results field by field', async () => {
    const db = await open();
    await shortlist(db, profile('kim', 10_000));
    unwrap(await updateEntry(db, key('kim'), { results: { orders: 12 } }, 1500));
    const updated = unwrap(
      await updateEntry(db, key('Kim'), { status: 'paid', agreedPrice: 250, couponCode: ' KIM10 ', affiliateLink: 'https://shop.example/kim', tags: ['Food', 'food', ' vegan '], results: { revenue: 480.5 } }, 2000),
    );
    expect(updated).toMatchObject({ status: 'paid', agreedPrice: 250, couponCode: 'KIM10', affiliateLink: 'https://shop.example/kim', tags: ['Food', 'vegan'], updatedAt: 2000 });
    expect(updated.results).toEqual({ orders: 12, revenue: 480.5, cost: null });
    expect(await entryOf(db, key('kim'))).toEqual(updated);
    // Empty form fields clear the value.
    expect(unwrap(await updateEntry(db, key('kim'), { couponCode: '', affiliateLink: '' })).couponCode).toBeNull();
  });

  it('refuses invalid patches with a plain message and changes nothing', async () => {
    const db = await open();
    await shortlist(db, profile('kim', 10_000));
    const before = await entryOf(db, key('kim'));
    const cases: Array<[unknown, string]> = [
      [{ status: 'done' }, 'Status must be one of: to contact, contacted, agreed, delivered, posted, paid, declined.'],
      [{ agreedPrice: -1 }, 'Agreed price must be 0 or more.'],
      [{ results: { cost: -5 } }, 'Cost must be 0 or more.'],
      [{ results: { orders: 1.5 } }, 'Orders is not valid.'],
      [{ affiliateLink: 'javascript:alert(1)' }, 'Affiliate link must be a web address starting with https://.'],
      [{ tags: Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`) }, `Tags can be at most ${MAX_TAGS} per creator.`],
      [{ tags: ['a;b'] }, 'Tags must not contain ";".'],
      [{ owner: 'me' }, 'Unknown field: owner.'],
      [{ agreedPrice: Number.POSITIVE_INFINITY }, 'Agreed price is not valid.'],
      [{ agreedPrice: 2e12 }, 'Agreed price is too large.'],
    ];
    for (const [patch, message] of cases) {
      expect(await updateEntry(db, key('kim'), patch as never)).toEqual({ ok: false, message });
    }
    expect(await entryOf(db, key('kim'))).toEqual(before);
    expect(await updateEntry(db, key('nobody'), { notes: 'x' })).toEqual({ ok: false, message: 'This creator is no longer on that campaign.' });
  });

  it('tags several entries in one go, ignoring case, and all or nothing', async () => {
    const db = await open();
    for (const h of ['a', 'b', 'c']) await shortlist(db, profile(h, 1000));
    unwrap(await updateEntry(db, key('a'), { tags: ['Vegan'] }));
    expect(unwrap(await tagEntries(db, [key('a'), key('b'), key('gone')], { add: ['vegan', 'Food'] }))).toEqual({ updated: 2 });
    expect((await entryOf(db, key('a')))?.tags).toEqual(['Vegan', 'Food']);
    expect((await entryOf(db, key('b')))?.tags).toEqual(['vegan', 'Food']);
    unwrap(await tagEntries(db, [key('a')], { remove: ['FOOD'] }));
    expect((await entryOf(db, key('a')))?.tags).toEqual(['Vegan']);

    // 'c' would exceed the limit: neither 'b' nor 'c' changes.
    unwrap(await updateEntry(db, key('c'), { tags: Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`) }));
    const result = await tagEntries(db, [key('b'), key('c')], { add: ['extra'] });
    expect(result).toEqual({ ok: false, message: `Tags can be at most ${MAX_TAGS} per creator.` });
    expect((await entryOf(db, key('b')))?.tags).toEqual(['vegan', 'Food']);
  });

  it('moves entries with their notes, leaving those already on the target where they are', async () => {
    const db = await open();
    const spring = unwrap(await createCampaign(db, 'Spring launch'));
    for (const h of ['a', 'b', 'c']) await shortlist(db, profile(h, 1000));
    await shortlist(db, profile('c', 1000), spring.id);
    unwrap(await updateEntry(db, key('a'), { notes: 'loves trail running', status: 'agreed' }));
    unwrap(await updateEntry(db, key('c', spring.id), { notes: 'already here' }));
    const outcome = unwrap(await moveEntries(db, [key('a'), key('c'), key('nobody')], spring.id, 3000));
    expect(outcome).toEqual({ moved: 1, alreadyThere: 1, missing: 1 });
    expect(await entryOf(db, key('a'))).toBeUndefined();
    expect(await entryOf(db, key('a', spring.id))).toMatchObject({ notes: 'loves trail running', status: 'agreed', updatedAt: 3000 });
    expect(await entryOf(db, key('c'))).toBeDefined();
    expect((await entryOf(db, key('c', spring.id)))?.notes).toBe('already here');
    expect(await moveEntries(db, [key('b')], 'nope')).toEqual({ ok: false, message: 'That campaign no longer exists.' });
  });

  it('removes entries, and a creator on no campaign any more', async () => {
    const db = await open();
    const spring = unwrap(await createCampaign(db, 'Spring launch'));
    await shortlist(db, profile('a', 1000));
    await shortlist(db, profile('b', 1000));
    await shortlist(db, profile('b', 1000), spring.id);
    expect(unwrap(await removeFromCampaign(db, [key('a'), key('b'), key('a')]))).toEqual({ removed: 2 });
    expect(await db.get('creators', ['instagram', 'a'])).toBeUndefined();
    expect(await db.get('creators', ['instagram', 'b'])).toBeDefined();
    expect(unwrap(await isShortlisted(db, 'instagram', 'b'))).toEqual([spring.id]);
  });

  it('lists entries with their creators and campaign, skipping records that no longer parse', async () => {
    const db = await open();
    const spring = unwrap(await createCampaign(db, 'Spring launch'));
    await shortlist(db, profile('a', 1000));
    await shortlist(db, profile('b', 2000), spring.id);
    // In a's record: an entry that no longer parses, and one that names another creator.
    const a = (await db.get('creators', ['instagram', 'a']))!;
    const broken = { campaignId: spring.id, platform: 'instagram', handleKey: 'a', status: 'lost' } as unknown as Entry;
    await db.put('creators', { ...a, entries: [...a.entries, broken, { ...a.entries[0]!, handleKey: 'no-creator' }] });
    // A creator whose figures no longer parse: its entry cannot be shown either.
    await db.put('creators', { ...a, handleKey: 'c', handle: 'c', followers: -5 });

    const all = unwrap(await listEntries(db));
    expect(all.items.map((r) => [r.campaignName, r.creator.handle, r.creator.followers])).toEqual(
      expect.arrayContaining([
        ['No campaign', 'a', 1000],
        ['Spring launch', 'b', 2000],
      ]),
    );
    expect(all.items).toHaveLength(2);
    expect(all.skipped).toBe(3);
    const springRows = unwrap(await listEntries(db, spring.id));
    expect(springRows.items.map((r) => entryKeyOf(r))).toEqual([key('b', spring.id)]);
    // Of Spring's entries, only the broken one in a's record is not shown.
    expect(springRows.skipped).toBe(1);
  });
});

describe('campaigns', () => {
  it('creates, renames and lists campaigns with their sizes, names unique ignoring case', async () => {
    const db = await open();
    const spring = unwrap(await createCampaign(db, '  Spring launch ', 5000, 10));
    expect(spring).toMatchObject({ name: 'Spring launch', budget: 5000, createdAt: 10, archived: false });
    expect(await createCampaign(db, 'spring LAUNCH')).toEqual({ ok: false, message: 'A campaign named "spring LAUNCH" already exists.' });
    expect(await createCampaign(db, '   ')).toEqual({ ok: false, message: 'Campaign name cannot be empty.' });
    expect(await createCampaign(db, 'Summer', -1)).toEqual({ ok: false, message: 'Budget must be 0 or more.' });
    await shortlist(db, profile('a', 1), spring.id);
    expect(unwrap(await renameCampaign(db, spring.id, 'Spring 2026')).name).toBe('Spring 2026');
    expect(await renameCampaign(db, 'nope', 'x')).toEqual({ ok: false, message: 'That campaign no longer exists.' });
    const listed = unwrap(await listCampaigns(db));
    expect(listed.items.map((c) => [c.name, c.entries])).toEqual([
      ['No campaign', 0],
      ['Spring 2026', 1],
    ]);
  });

  it('deletes a campaign with its entries, but never the default one', async () => {
    const db = await open();
    const spring = unwrap(await createCampaign(db, 'Spring launch'));
    await shortlist(db, profile('a', 1), spring.id);
    expect(unwrap(await deleteCampaign(db, spring.id))).toEqual({ removedEntries: 1 });
    expect(await db.count('creators')).toBe(0);
    expect((await deleteCampaign(db, DEFAULT_CAMPAIGN_ID)).ok).toBe(false);
  });
});

describe('several tabs writing at once', () => {
  it('loses no write when two connections shortlist and edit the same entries concurrently', async () => {
    const tabA = await open();
    const tabB = await open();
    const handles = Array.from({ length: 30 }, (_, i) => `creator${i}`);
    await Promise.all(handles.map((h, i) => shortlist(i % 2 ? tabA : tabB, profile(h, 1000 + i))));

    // Each tab edits a different field of every entry, and both add a tag: read-modify-write
    // spread over two transactions would lose one of each pair.
    const writes = handles.flatMap((h, i) => [
      updateEntry(tabA, key(h), { notes: `note ${i}` }),
      updateEntry(tabB, key(h), { agreedPrice: i * 10 }),
      tagEntries(tabA, [key(h)], { add: ['from-a'] }),
      tagEntries(tabB, [key(h)], { add: ['from-b'] }),
      shortlist(i % 2 ? tabB : tabA, profile(h, 5000 + i)),
    ]);
    const results = await Promise.all(writes);
    expect(results.every((r) => !('ok' in r) || r.ok)).toBe(true);

    const rows = unwrap(await listEntries(tabA)).items;
    expect(rows).toHaveLength(handles.length);
    for (const [i, h] of handles.entries()) {
      const row = rows.find((r) => r.creator.handleKey === h);
      expect(row?.entry).toMatchObject({ notes: `note ${i}`, agreedPrice: i * 10 });
      expect(row?.entry.tags.sort()).toEqual(['from-a', 'from-b']);
      expect(row?.creator.followers).toBe(5000 + i);
    }
  });
});

describe('a full disk', () => {
  it('reports the quota error and leaves every record stored before untouched', async () => {
    const db = await open();
    for (const h of ['a', 'b', 'c']) await shortlist(db, profile(h, 1000));
    unwrap(await updateEntry(db, key('a'), { notes: 'keep me' }));
    const before = await db.getAll('creators');

    // The second write of the transaction hits the quota, after the first has been made.
    const realPut = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++puts === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const result = await tagEntries(db, [key('a'), key('b'), key('c')], { add: ['summer'] });
    expect(result).toEqual({ ok: false, message: QUOTA_MESSAGE });
    expect(puts).toBe(2);
    // Shortlisting writes one record (the creator with its entry): that write hits the quota.
    const newcomer = profile('new', 10);
    puts = 1;
    expect(await shortlistCreator(db, newcomer, summaryOf(newcomer))).toEqual({ ok: false, message: QUOTA_MESSAGE });
    vi.restoreAllMocks();

    expect(await db.getAll('creators')).toEqual(before);
    expect(await db.get('creators', ['instagram', 'new'])).toBeUndefined();
  });

  it('reports a quota error the transaction itself fails with (as browsers do on commit)', async () => {
    const db = await open();
    await shortlist(db, profile('a', 1000));
    const before = await db.getAll('creators');
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = realPut.apply(this, args);
      // Abort with the quota error once the write is queued, as a browser does when the commit does not fit.
      this.transaction.abort();
      Object.defineProperty(this.transaction, 'error', { value: new DOMException('Quota', 'QuotaExceededError') });
      return request;
    });
    expect(await updateEntry(db, key('a'), { notes: 'lost' })).toEqual({ ok: false, message: QUOTA_MESSAGE });
    vi.restoreAllMocks();
    expect(await db.getAll('creators')).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

function row(i: number, over: { creator?: Partial<ShortlistRow['creator']>; entry?: Partial<Entry>; campaignName?: string } = {}): ShortlistRow {
  const handle = `creator${String(i).padStart(5, '0')}`;
  const snapshot = profile(handle, 1000 + i);
  return {
    campaignName: over.campaignName ?? 'Shortlist',
    creator: {
      platform: 'instagram',
      handleKey: handle,
      handle,
      displayName: `Creator ${i}`,
      profileUrl: `https://www.instagram.com/${handle}/`,
      addedAt: i,
      updatedAt: i,
      snapshot,
      followers: 1000 + i,
      er: (i % 100) / 10,
      erPerView: null,
      tierRank: 8 - (i % 8),
      tierName: null,
      sizeClass: i % 2 ? 'micro' : 'nano',
      pricePoint: 50 + (i % 7) * 10,
      priceLow: null,
      priceHigh: null,
      currency: 'USD',
      ...over.creator,
    },
    entry: {
      campaignId: DEFAULT_CAMPAIGN_ID,
      platform: 'instagram',
      handleKey: handle,
      notes: i % 10 === 0 ? 'Great fit for the trail shoes' : '',
      tags: i % 3 === 0 ? ['Outdoor'] : [],
      status: ENTRY_STATUSES[i % ENTRY_STATUSES.length]!,
      agreedPrice: i % 4 === 0 ? null : i,
      couponCode: null,
      affiliateLink: null,
      results: { orders: null, revenue: null, cost: null },
      addedAt: i,
      updatedAt: i,
      ...over.entry,
    },
  };
}

describe('filterAndSort', () => {
  const rows = [
    row(1, { creator: { handleKey: 'zed', handle: 'zed', displayName: 'Zed Outdoors', er: 4 }, entry: { tags: ['vegan', 'Food'], notes: 'met at fair' } }),
    row(2, { creator: { handleKey: 'amy', handle: 'amy', platform: 'tiktok', er: null, sizeClass: 'mega', tierRank: 1 }, entry: { status: 'paid' } }),
    row(3, { creator: { handleKey: 'bob', handle: 'bob', er: 1.5, displayName: null }, entry: { tags: ['food'] } }),
    row(4, { creator: { handleKey: 'cat', handle: 'cat', er: 9, followers: null }, entry: { status: 'contacted' } }),
  ];
  const handles = (r: ShortlistRow[]) => r.map((x) => x.creator.handleKey);

  it('searches handle, name, notes and tags, every word, ignoring case', () => {
    expect(handles(filterAndSort(rows, { text: 'ZED' }))).toEqual(['zed']);
    expect(handles(filterAndSort(rows, { text: 'outdoors fair' }))).toEqual(['zed']);
    expect(handles(filterAndSort(rows, { text: 'food' }))).toEqual(['zed', 'bob']);
    expect(handles(filterAndSort(rows, { text: 'food nothing' }))).toEqual([]);
    expect(handles(filterAndSort(rows, { text: '   ' }))).toEqual(['zed', 'amy', 'bob', 'cat']);
  });

  it('filters by platform, tier, size class, status, tags and ER range', () => {
    expect(handles(filterAndSort(rows, { platforms: ['tiktok'] }))).toEqual(['amy']);
    expect(handles(filterAndSort(rows, { tierRanks: [1] }))).toEqual(['amy']);
    expect(handles(filterAndSort(rows, { sizeClasses: ['mega'] }))).toEqual(['amy']);
    expect(handles(filterAndSort(rows, { statuses: ['paid'] }))).toEqual(['amy']);
    expect(handles(filterAndSort(rows, { tags: ['FOOD'] }))).toEqual(['zed', 'bob']);
    expect(handles(filterAndSort(rows, { tags: ['food', 'vegan'] }))).toEqual(['zed']);
    expect(handles(filterAndSort(rows, { erMin: 1.5, erMax: 4 }))).toEqual(['zed', 'bob']);
    expect(handles(filterAndSort(rows, { erMin: 5 }))).toEqual(['cat']);
    expect(handles(filterAndSort(rows, { erMin: Number.NaN, platforms: [] }))).toHaveLength(4);
  });

  it('sorts by any column both ways with unknown values last', () => {
    const by = (column: SortColumn, direction: 'asc' | 'desc') => handles(filterAndSort(rows, { sort: { column, direction } }));
    expect(by('er', 'asc')).toEqual(['bob', 'zed', 'cat', 'amy']);
    expect(by('er', 'desc')).toEqual(['cat', 'zed', 'bob', 'amy']);
    expect(by('followers', 'desc').at(-1)).toBe('cat');
    expect(by('followers', 'asc').at(-1)).toBe('cat');
    expect(by('handle', 'asc')).toEqual(['amy', 'bob', 'cat', 'zed']);
    expect(by('displayName', 'desc').at(-1)).toBe('bob');
    expect(by('status', 'desc')[0]).toBe('amy');
    expect(by('sizeClass', 'desc')[0]).toBe('amy');
    expect(filterAndSort(rows)).toEqual(rows);
  });

  it('filters and sorts 10,000 rows well within a frame', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(i));
    const query = { text: 'trail', tags: ['outdoor'], erMin: 0.5, sort: { column: 'er', direction: 'desc' } } as const;
    filterAndSort(many, query); // warm up
    const timings: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      filterAndSort(many, { sort: { column: 'displayName', direction: 'asc' } });
      filterAndSort(many, query);
      timings.push(performance.now() - start);
    }
    const worst = Math.max(...timings);
    console.info(`filterAndSort on 10,000 rows (sort by name + search/filter/sort by ER): worst ${worst.toFixed(1)} ms, best ${Math.min(...timings).toFixed(1)} ms`);
    expect(worst).toBeLessThan(50);
    const result = filterAndSort(many, query);
    expect(result.length).toBeGreaterThan(0);
    expect(result.every((r) => r.entry.notes.includes('trail') && r.entry.tags.includes('Outdoor'))).toBe(true);
  });
});
