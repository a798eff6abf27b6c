import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN_ID, openLensDb, type LensDB } from '../../../lib/store/db';
import { exportRows, parseImport, planImport, toCsv, toJson } from '../../../lib/store/exchange';
import { applyImport, existingRowKeys, exportRowsOfList, readBackup } from '../../../lib/store/import-apply';
import { listCampaigns, listEntries, shortlistCreator, updateEntry, type ShortlistRow } from '../../../lib/store/shortlist';
import { recordSnapshot } from '../../../lib/store/history';
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
  it('stores a good CSV: creates the campaign by name, puts rows without one on the Shortlist', async () => {
    const d = await db('import-a');
    const preview = parseImport(GOOD, 'list.csv', { now: new Date(NOW * 1000) });
    expect(preview.invalid).toEqual([]);
    const result = await applyImport(d, preview, NOW);
    expect(result).toEqual({ ok: true, value: { added: 3, updated: 0, campaignsCreated: 1, creatorsCreated: 3, historyPoints: 0 } });

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
    expect(campaigns.ok && campaigns.value.items.map((c) => [c.name, c.entries])).toEqual([['Shortlist', 1], ['Spring launch', 2]]);
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

  it('writes nothing when the store refuses one row, and says which', async () => {
    const d = await db('import-a');
    // An ER of 5e9 % passes the file's number checks (up to 1e12) but not the store's bound on rates.
    const file = csv(
      'Spring launch,instagram,first_ok,,,1000,1,,,,,,to contact,,,,',
      'Spring launch,tiktok,too_pricey,,,1000,5000000000,,,,,,agreed,,,,',
    );
    const preview = parseImport(file, 'list.csv');
    expect(preview.invalid).toEqual([]);
    const result = await applyImport(d, preview, NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe('Nothing was imported: @too_pricey on tiktok: ER is not accepted by the shortlist.');
    expect(await rows(d)).toEqual([]);
    const campaigns = await listCampaigns(d);
    expect(campaigns.ok && campaigns.value.items.map((c) => c.name)).toEqual(['Shortlist']);
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
    expect(cosy.map((r) => r.campaignName).sort()).toEqual(['Shortlist', 'Spring launch']);
    expect(cosy.every((r) => r.creator.followers === 13_000 && r.creator.er === 5)).toBe(true);
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
