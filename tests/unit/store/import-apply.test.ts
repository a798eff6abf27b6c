import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN_ID, openLensDb, type LensDB } from '../../../lib/store/db';
import { exportRows, parseImport, planImport, toCsv, toJson } from '../../../lib/store/exchange';
import { applyImport, existingRowKeys, exportRowsOfList, readBackup } from '../../../lib/store/import-apply';
import { listCampaigns, listEntries, shortlistCreator, updateEntry, type ShortlistRow } from '../../../lib/store/shortlist';
import { recordSnapshot } from '../../../lib/store/history';
import { campaignProblem, checkRow, creatorOfRow, creatorProblem, entryProblem, storeCreator, storeEntry } from '../../../lib/store/import-check';
import { CreatorRecordSchema, EntrySchema, type Entry } from '../../../lib/store/shortlist';
import { emptyPost, emptySnapshot } from '../../../lib/platforms/types';

const NAMES = ['import-a', 'import-b'];
const NOW = 1_750_000_000;
const open: Array<IDBPDatabase<LensDB>> = [];

async function db(name: string): Promise<IDBPDatabase<LensDB>> {
  const opened = await openLensDb(name);
  open.push(opened);
  return opened;
}

afterEach(async () => {
  for (const d of open.splice(0)) d.close();
  for (const name of NAMES) await deleteDB(name);
});

const HEADER = 'campaign,platform,handle,displayName,profileUrl,followers,er,erPerView,tierRank,tierName,sizeClass,pricePoint,status,agreedPrice,tags,notes,couponCode';

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\r\n');
}

const GOOD = csv(
  'Spring launch,instagram,Cosy.Crafts,Cosy Crafts,https://www.instagram.com/cosy.crafts/,12480,4.2,,7,Hacker Micro Influencers,micro,150,contacted,140,knit; diy,Loves wool,COSY10',
  'Spring launch,tiktok,dance_mia,Mia,,48230,6.1,3.2,6,,micro,400,to contact,,,,',
  ',youtube,TechTom,Tom,,950000,1.1,,,,macro,,agreed,,,,',
);

async function rows(d: IDBPDatabase<LensDB>): Promise<ShortlistRow[]> {
  const listed = await listEntries(d);
  if (!listed.ok) throw new Error(listed.message);
  return listed.value.items;
}

/** The parts of a row a user sees and edits, for comparing two databases. */
function visible(r: ShortlistRow) {
  const { creator: c, entry: e } = r;
  return {
    campaign: r.campaignName,
    platform: c.platform,
    handle: c.handle,
    displayName: c.displayName,
    profileUrl: c.profileUrl,
    followers: c.followers,
    er: c.er,
    erPerView: c.erPerView,
    tierRank: c.tierRank,
    sizeClass: c.sizeClass,
    pricePoint: c.pricePoint,
    status: e.status,
    agreedPrice: e.agreedPrice,
    tags: e.tags,
    notes: e.notes,
    couponCode: e.couponCode,
    affiliateLink: e.affiliateLink,
    results: e.results,
    addedAt: e.addedAt,
  };
}

const byKey = (a: ReturnType<typeof visible>, b: ReturnType<typeof visible>) =>
  `${a.campaign}/${a.platform}/${a.handle}`.localeCompare(`${b.campaign}/${b.platform}/${b.handle}`);

describe('applyImport', () => {
  it('stores a good CSV: creates the campaign by name, puts rows without one on the default list (No campaign)', async () => {
    const d = await db('import-a');
    const preview = parseImport(GOOD, 'list.csv', { now: new Date(NOW * 1000) });
    expect(preview.invalid).toEqual([]);
    const result = await applyImport(d, preview, NOW);
    expect(result).toEqual({ ok: true, value: { added: 3, updated: 0, campaignsCreated: 1, creatorsCreated: 3, historyPoints: 0, listings: 0, invitations: 0, kept: [] } });

    const stored = await rows(d);
    expect(stored).toHaveLength(3);
    const cosy = stored.find((r) => r.creator.handleKey === 'cosy.crafts');
    expect(cosy?.campaignName).toBe('Spring launch');
    expect(cosy?.creator).toMatchObject({ handle: 'Cosy.Crafts', followers: 12_480, er: 4.2, erPerView: null, tierRank: 7, sizeClass: 'micro', pricePoint: 150 });
    expect(cosy?.entry).toMatchObject({ status: 'contacted', agreedPrice: 140, tags: ['knit', 'diy'], notes: 'Loves wool', couponCode: 'COSY10' });
    // No profile URL in the file: the platform's own address is built from the handle.
    expect(stored.find((r) => r.creator.handleKey === 'dance_mia')?.creator.profileUrl).toBe('https://www.tiktok.com/@dance_mia');
    expect(stored.find((r) => r.creator.handleKey === 'techtom')?.entry.campaignId).toBe(DEFAULT_CAMPAIGN_ID);
    const campaigns = await listCampaigns(d);
    expect(campaigns.ok && campaigns.value.items.map((c) => [c.name, c.entries])).toEqual([['No campaign', 1], ['Spring launch', 2]]);
  });

  it('counts a second import of the same file as updates, matching the preview plan', async () => {
    const d = await db('import-a');
    await applyImport(d, parseImport(GOOD, 'list.csv'), NOW);
    const edited = GOOD.replace('Loves wool', 'Replied on Monday');
    const preview = parseImport(edited, 'list.csv');
    const keys = await existingRowKeys(d);
    expect(keys.ok && planImport(preview, { keys: keys.value })).toEqual({ new: 0, updated: 3, invalid: 0 });
    const result = await applyImport(d, preview, NOW + 60);
    expect(result.ok && result.value).toMatchObject({ added: 0, updated: 3, campaignsCreated: 0, creatorsCreated: 0 });
    const stored = await rows(d);
    expect(stored).toHaveLength(3);
    expect(stored.find((r) => r.creator.handleKey === 'cosy.crafts')?.entry.notes).toBe('Replied on Monday');
  });

  it('lists in the preview what the store would refuse, naming the row and the field, and applies the rest', async () => {
    const d = await db('import-a');
    // An ER of 2e9 % passes the file's number checks (up to 1e12) but not the store's bound on
    // rates; a year-9999 date is a date, but in the future. Both used to pass the preview and
    // make applying refuse the whole file.
    const file = [
      'campaign,platform,handle,followers,er,addedAt',
      'Spring launch,instagram,first_ok,1000,1,2025-03-01',
      'Spring launch,tiktok,too_engaged,1000,2e9,2025-03-01',
      'Spring launch,x,time_traveller,1000,1,9999-01-01',
      'Spring launch,youtube,before_1970,1000,1,1969-12-31',
      'Spring launch,instagram,second_ok,1000,1000000000,2025-06-02T06:00:00Z',
    ].join('\r\n');
    const preview = parseImport(file, 'list.csv', { now: new Date(NOW * 1000) });
    expect(preview.rows.map((r) => r.handle)).toEqual(['first_ok', 'second_ok']);
    expect(preview.invalid).toEqual([
      { line: 3, reason: 'ER 2e9 % is not a rate.' },
      { line: 4, reason: 'date 9999-01-01 is in the future.' },
      { line: 5, reason: 'date 1969-12-31 is before 1970.' },
    ]);
    const keys = await existingRowKeys(d);
    expect(keys.ok && planImport(preview, { keys: keys.value })).toEqual({ new: 2, updated: 0, invalid: 3 });
    const result = await applyImport(d, preview, NOW);
    expect(result.ok && result.value).toMatchObject({ added: 2, updated: 0 });
    expect((await rows(d)).map((r) => r.creator.handle).sort()).toEqual(['first_ok', 'second_ok']);
  });

  it('checks the records of a backup as the store will, each refusal naming the record, its line and the field', () => {
    const creator = { platform: 'instagram', handle: 'kim', displayName: null, profileUrl: null, followers: 10, er: 2e9, erPerView: null, tierRank: null, tierName: null, sizeClass: null, priceLow: null, pricePoint: null, priceHigh: null, addedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const file = JSON.stringify(
      {
        format: 'reloquence-lens-backup',
        version: 2,
        creators: [{ ...creator, handle: 'ok', er: 1 }, creator, { ...creator, handle: 'later', er: 1, updatedAt: '9999-01-01T00:00:00.000Z' }],
        campaigns: [{ id: 'c1', name: 'Spring', budget: null, createdAt: '3000-01-01T00:00:00.000Z' }],
        entries: [],
        snapshots: [],
      },
      null,
      1,
    );
    const preview = parseImport(file, 'backup.json', { now: new Date(NOW * 1000) });
    const lines = file.split('\n');
    expect(preview.invalid.map((r) => [r.reason, lines[r.line - 1]?.trim(), lines[r.line]?.trim()])).toEqual([
      ['creator #2: ER 2e9 % is not a rate.', '{', '"platform": "instagram",'],
      ['creator #3: date of the figures 9999-01-01 is in the future.', '{', '"platform": "instagram",'],
      ['campaign #1: date created 3000-01-01 is in the future.', '{', '"id": "c1",'],
    ]);
    expect(preview.backup?.creators.map((c) => c.handle)).toEqual(['ok']);
    expect(preview.where.creators).toEqual([`creator #1 (line ${lines.findIndex((l) => l.includes('"creators"')) + 2})`]);
  });

  it('refuses a preview changed since it was made, naming the row and the field, and writes nothing', async () => {
    const d = await db('import-a');
    const preview = parseImport(GOOD, 'list.csv', { now: new Date(NOW * 1000) });
    expect(preview.invalid).toEqual([]);
    // The row on line 3 (dance_mia) is made to carry what the preview would have refused.
    const mia = preview.rows.findIndex((r) => r.handle === 'dance_mia');
    expect(preview.where.rows[mia]).toBe('Line 3');
    preview.rows[mia] = { ...preview.rows[mia]!, er: 2e9 };
    const result = await applyImport(d, preview, NOW);
    expect(result).toEqual({ ok: false, message: 'Nothing was imported: Line 3: ER 2e9 % is not a rate.' });
    expect(await rows(d)).toEqual([]);
  });

  it('applies every row the preview accepts, whatever the figures and dates (property)', async () => {
    const d = await db('import-a');
    const numbers = fc.oneof(fc.constant(''), fc.constantFrom('0', '1', '4.2', '1e9', '1000000001', '2e9', '1e12', '1e13', '-1', '1e400'), fc.double({ min: 0, max: 2e12, noNaN: true }).map(String));
    const dates = fc.oneof(fc.constant(''), fc.constantFrom('2025-03-01', '1969-12-31', '1970-01-01', '9999-01-01', '0001-01-01', '2025-06-10T23:59:59Z', '5000-01-01'), fc.date({ min: new Date(-1e12), max: new Date(4e12), noInvalidDate: true }).map((t) => t.toISOString()));
    const row = fc.tuple(numbers, numbers, numbers, numbers, dates);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (cells) => {
        const file = ['platform,handle,campaign,followers,er,erPerView,agreedPrice,addedAt', ...cells.map((c, i) => ['instagram', `creator_${i}`, 'Spring', ...c].join(','))].join('\r\n');
        const preview = parseImport(file, 'p.csv', { now: new Date(NOW * 1000) });
        expect(preview.rows.length + preview.invalid.length).toBe(cells.length);
        const result = await applyImport(d, preview, NOW);
        expect(result.ok ? null : result.message).toBeNull();
        expect(result.ok && result.value.added + result.value.updated).toBe(preview.rows.length);
      }),
      { numRuns: 40 },
    );
  });

  it('writes for an unchanged preview the very records the full conversion and check write, at the apply\'s time (property)', async () => {
    const sealedDb = await db('import-a');
    const checkedDb = await db('import-b');
    /** Every stored creator and entry, the entries naming their campaign by name (campaign ids are random). */
    const stored = async (d: IDBPDatabase<LensDB>) => {
      const names = new Map((await d.getAll('campaigns')).map((c) => [c.id, c.name]));
      const records = await d.getAll('creators');
      const entries = records.flatMap((c) => c.entries).map((e) => ({ ...e, campaignId: names.get(e.campaignId) ?? e.campaignId }));
      return { creators: records.map(({ entries: _, ...c }) => c), entries: entries.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
    };
    const cell = fc.oneof(fc.constant(''), fc.constantFrom('0', '4.2', '1e9', '2e9', '-1', 'abc'));
    const tags = fc.constantFrom('', ' knit ; diy', 'a;b', 'x'.repeat(50));
    const dates = fc.constantFrom('', '2025-03-01', '9999-01-01', '2025-06-10T23:59:59Z', 'soon');
    const campaign = fc.constantFrom('', 'Spring', 'spring', 'No campaign', 'Autumn');
    const row = fc.tuple(campaign, fc.integer({ min: 0, max: 5 }), cell, cell, tags, dates);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 10 }), async (cells) => {
        for (const d of [sealedDb, checkedDb]) await d.clear('creators');
        const file = [
          'campaign,platform,handle,followers,er,tags,addedAt,status',
          ...cells.map(([c, who, followers, er, t, at]) => [c, who % 2 ? 'tiktok' : 'instagram', `Creator_${who}`, followers, er, t, at, 'agreed'].join(',')),
        ].join('\r\n');
        // Checked at one time, applied later: the records carry the time of the apply.
        const preview = parseImport(file, 'p.csv', { now: new Date(NOW * 1000) });
        const applyAt = NOW + 3600 + round++;
        const fast = await applyImport(sealedDb, preview, applyAt);
        // A copy of the rows is no longer the preview parseImport sealed: converted and checked in full.
        const full = await applyImport(checkedDb, { ...preview, rows: [...preview.rows] }, applyAt);
        expect(fast).toEqual(full);
        const [a, b] = await Promise.all([stored(sealedDb), stored(checkedDb)]);
        expect(a).toEqual(b);
        expect(a.entries.every((e) => e.updatedAt === applyAt)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses an import time the store would not accept, even for an unchanged preview, and writes nothing', async () => {
    const d = await db('import-a');
    // On no campaign: no campaign is created (which would be refused first, for its date).
    const preview = parseImport(csv(',youtube,TechTom,Tom,,950000,1.1,,,,macro,,agreed,,,,'), 'list.csv', { now: new Date(NOW * 1000) });
    expect(preview.rows).toHaveLength(1);
    const result = await applyImport(d, preview, -5);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Nothing was imported: the time of the import: /);
    expect(await rows(d)).toEqual([]);
  });

  it('checks a row with the checks of its creator, its entry and its campaign, in that order, keeping what they parsed', () => {
    const preview = parseImport(GOOD, 'list.csv', { now: new Date(NOW * 1000) });
    const ctx = preview.context;
    const variants = preview.rows.flatMap((row) => [
      row,
      { ...row, er: 2e9 },
      { ...row, followers: -1, er: 2e9 },
      { ...row, addedAt: '9999-01-01T00:00:00.000Z' },
      { ...row, notes: 'x'.repeat(20_000) },
      { ...row, tags: ['a;b'] },
      { ...row, campaign: 'x'.repeat(500) },
      { ...row, notes: 'x'.repeat(20_000), campaign: 'x'.repeat(500) },
    ]);
    let refused = 0;
    for (const row of variants) {
      const expected =
        creatorProblem(creatorOfRow(row), ctx, null) ??
        entryProblem(row, ctx) ??
        (row.campaign === '' ? null : campaignProblem({ name: row.campaign, budget: null, createdAt: null }, ctx));
      const checked = checkRow(row, ctx);
      expect(checked.problem).toBe(expected);
      if (checked.problem !== null) refused++;
      else {
        const now = Math.floor(ctx.now / 1000);
        expect(checked.records.creator).toEqual(CreatorRecordSchema.parse(storeCreator(creatorOfRow(row), null, null, now)));
        expect(checked.records.entry).toEqual(EntrySchema.parse(storeEntry('campaign', row, now)));
      }
    }
    expect(refused).toBe(preview.rows.length * 7);
  });

  it('refuses a file the preview could not read, writing nothing', async () => {
    const d = await db('import-a');
    const result = await applyImport(d, parseImport('', 'empty.csv'), NOW);
    expect(result).toEqual({ ok: false, message: 'Nothing was imported: The file is empty.' });
    expect(await rows(d)).toEqual([]);
  });

  it('keeps numbers read from a profile when a CSV carries older ones', async () => {
    const d = await db('import-a');
    const page = emptySnapshot({ platform: 'instagram', kind: 'profile', state: 'ok', url: 'https://www.instagram.com/cosy.crafts/', handle: 'cosy.crafts', followers: 13_000, source: 'test' });
    const summary = { followers: 13_000, er: 5, erPerView: null, tierRank: 7, tierName: 'T7', sizeClass: 'micro' as const, pricePoint: 160, priceLow: 140, priceHigh: 180, currency: 'USD' };
    await shortlistCreator(d, page, summary, DEFAULT_CAMPAIGN_ID, NOW);
    await applyImport(d, parseImport(GOOD, 'list.csv'), NOW + 10);
    const cosy = (await rows(d)).filter((r) => r.creator.handleKey === 'cosy.crafts');
    expect(cosy.map((r) => r.campaignName).sort()).toEqual(['No campaign', 'Spring launch']);
    expect(cosy.every((r) => r.creator.followers === 13_000 && r.creator.er === 5)).toBe(true);
  });

  it('stores imported figures with no page reading; a profile visit replaces them, a single post does not', async () => {
    const d = await db('import-a');
    await applyImport(d, parseImport(GOOD, 'list.csv'), NOW);
    expect((await d.get('creators', ['instagram', 'cosy.crafts']))?.snapshot).toBeNull();
    const summary = { followers: 12_900, er: 9, erPerView: null, tierRank: 7, tierName: 'T7', sizeClass: 'micro' as const, pricePoint: 170, priceLow: 150, priceHigh: 190, currency: 'USD' };
    const post = emptySnapshot({ platform: 'instagram', kind: 'post', state: 'ok', url: 'https://www.instagram.com/p/abc/', handle: 'cosy.crafts', followers: 12_900, source: 'test' });
    await shortlistCreator(d, post, summary, DEFAULT_CAMPAIGN_ID, NOW + 10);
    expect(await d.get('creators', ['instagram', 'cosy.crafts'])).toMatchObject({ followers: 12_480, er: 4.2, snapshot: null, updatedAt: NOW + 10 });
    const page = { ...post, kind: 'profile' as const, url: 'https://www.instagram.com/cosy.crafts/' };
    await shortlistCreator(d, page, summary, DEFAULT_CAMPAIGN_ID, NOW + 20);
    expect(await d.get('creators', ['instagram', 'cosy.crafts'])).toMatchObject({ followers: 12_900, er: 9, snapshot: { kind: 'profile' } });
  });

  it('lists what the export leaves out of a creator record: a broken entry, one naming another creator, and the entries of unreadable figures', async () => {
    const d = await db('import-a');
    await applyImport(d, parseImport(GOOD, 'list.csv'), NOW);
    const cosy = (await d.get('creators', ['instagram', 'cosy.crafts']))!;
    const broken = { ...cosy.entries[0]!, status: 'lost' } as unknown as Entry;
    const elsewhere = { ...cosy.entries[0]!, campaignId: DEFAULT_CAMPAIGN_ID, handleKey: 'someone.else' };
    await d.put('creators', { ...cosy, entries: [cosy.entries[0]!, broken, elsewhere] });
    const mia = (await d.get('creators', ['tiktok', 'dance_mia']))!;
    await d.put('creators', { ...mia, followers: -1 });
    const read = await readBackup(d);
    if (!read.ok) throw new Error(read.message);
    expect(read.value.entries.map((e) => e.handle).sort()).toEqual(['Cosy.Crafts', 'TechTom']);
    // In store order: @cosy.crafts on Instagram, then @dance_mia on TikTok.
    expect(read.value.leftOut.map((l) => l.reason)).toEqual([
      expect.stringMatching(/^status must be one of/),
      "it is stored in another creator's record",
      'followers -1 must be 0 or more',
      "its creator's record cannot be read",
    ]);
  });

  it('round-trips a JSON backup into a fresh database: same rows, same history', async () => {
    const from = await db('import-a');
    await applyImport(from, parseImport(GOOD, 'list.csv', { now: new Date(NOW * 1000) }), NOW);
    const tom = { campaignId: DEFAULT_CAMPAIGN_ID, platform: 'youtube' as const, handle: 'techtom' };
    await updateEntry(from, tom, { affiliateLink: 'https://shop.example/?ref=tom', results: { orders: 12, revenue: 480.5, cost: 300 } }, NOW);
    const visit = emptySnapshot({ platform: 'youtube', kind: 'profile', state: 'ok', url: 'https://www.youtube.com/@TechTom', handle: 'TechTom', followers: 951_000, posts: [emptyPost({ views: 10 })], source: 'test' });
    const summary = { followers: 951_000, er: 1.2, erPerView: 4, tierRank: null, tierName: null, sizeClass: 'macro' as const, pricePoint: 9000, priceLow: 8000, priceHigh: 10_000, currency: 'USD' };
    expect((await recordSnapshot(from, visit, summary, NOW + 100)).ok).toBe(true);

    const backup = await readBackup(from);
    if (!backup.ok) throw new Error(backup.message);
    expect(backup.value.snapshots).toHaveLength(1);
    const preview = parseImport(toJson(backup.value), 'backup.json');
    expect(preview.fileError).toBeNull();
    expect(preview.invalid).toEqual([]);

    const to = await db('import-b');
    const result = await applyImport(to, preview, NOW + 500);
    expect(result.ok && result.value).toMatchObject({ added: 3, updated: 0, campaignsCreated: 1, historyPoints: 1 });
    const before = (await rows(from)).map(visible).sort(byKey);
    const after = (await rows(to)).map(visible).sort(byKey);
    expect(after).toEqual(before);
    expect(after.find((r) => r.handle === 'TechTom')).toMatchObject({ followers: 951_000, erPerView: 4, results: { orders: 12, revenue: 480.5, cost: 300 } });
    const restored = await readBackup(to);
    expect(restored.ok && restored.value.snapshots).toEqual(backup.value.snapshots);
  });

  it('exports the stored rows as CSV that imports back to the same rows', async () => {
    const from = await db('import-a');
    await applyImport(from, parseImport(GOOD, 'list.csv', { now: new Date(NOW * 1000) }), NOW);
    const backup = await readBackup(from);
    if (!backup.ok) throw new Error(backup.message);
    const to = await db('import-b');
    expect((await applyImport(to, parseImport(toCsv(exportRows(backup.value)), 'export.csv'), NOW)).ok).toBe(true);
    expect((await rows(to)).map(visible).sort(byKey)).toEqual((await rows(from)).map(visible).sort(byKey));
  });

  it('exports the list a page holds as the same CSV rows as a fresh read of the store', async () => {
    const d = await db('import-a');
    await applyImport(d, parseImport(GOOD, 'list.csv', { now: new Date(NOW * 1000) }), NOW);
    const odd = emptySnapshot({ platform: 'x', kind: 'profile', state: 'ok', url: 'https://x.com/odd_one', handle: 'Odd_One', followers: 77, source: 'test' });
    const figures = { followers: 77, er: null, erPerView: null, tierRank: null, tierName: null, sizeClass: 'nano' as const, pricePoint: null, priceLow: null, priceHigh: null, currency: null };
    expect((await shortlistCreator(d, odd, figures, DEFAULT_CAMPAIGN_ID, NOW + 5)).ok).toBe(true);
    expect((await updateEntry(d, { campaignId: DEFAULT_CAMPAIGN_ID, platform: 'x', handle: 'odd_one' }, { notes: '=1+1', tags: ['a', 'b'] })).ok).toBe(true);
    const backup = await readBackup(d);
    if (!backup.ok) throw new Error(backup.message);
    const fromStore = exportRows(backup.value);
    expect(fromStore).toHaveLength(4);
    expect(exportRowsOfList(await rows(d))).toEqual(fromStore);
  });
});
