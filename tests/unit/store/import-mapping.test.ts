import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN_ID, openLensDb, type LensDB } from '../../../lib/store/db';
import { BACKUP_FORMAT, guessColumns, guessStatus, parseImport, planImport, statusKey } from '../../../lib/store/exchange';
import { applyImport, existingRowKeys } from '../../../lib/store/import-apply';
import { listCampaigns, listEntries } from '../../../lib/store/shortlist';

const NOW = new Date('2025-06-01T00:00:00Z');
const OTHER_TOOL = [
  'Username,Profile URL,Followers,Engagement rate,Price,Status,Comments,Labels',
  'anna.bakes,,"24,500",3.8%,$420,Reached out,Loves sourdough,food',
  ',https://www.tiktok.com/@dance_lee?lang=en,1.2M,6.1%,"$2,100",Published,,dance',
  ',youtube.com/@FernCooks,86K,"2,2",900,On hold,Back in May,food',
  'https://x.com/tech_tom,,12K,1.1%,150,Not interested,,tech',
].join('\r\n');

describe('guessing what the columns of another tool hold', () => {
  it('reads the usual names', () => {
    expect(guessColumns(['Username', 'Profile URL', 'Followers', 'Engagement rate', 'Price', 'Status', 'Comments', 'Labels'])).toEqual([
      'handle', 'profileUrl', 'followers', 'er', 'pricePoint', 'status', 'notes', 'tags',
    ]);
    expect(guessColumns(['Handle', 'Platform', 'Subscribers', 'ER %', 'Agreed fee', 'Stage', 'Campaign name', 'Full name', 'Promo code'])).toEqual([
      'handle', 'platform', 'followers', 'er', 'agreedPrice', 'status', 'campaign', 'displayName', 'couponCode',
    ]);
    expect(guessColumns(['Instagram username', 'TikTok profile link', 'Total followers', 'Email'])).toEqual(['handle', 'profileUrl', 'followers', null]);
  });

  it('reads our own export exactly, whatever the spelling of the header', () => {
    expect(guessColumns(['campaign', 'platform', 'handle', 'displayName', 'pricePoint', 'agreedPrice', 'tierName'])).toEqual([
      'campaign', 'platform', 'handle', 'displayName', 'pricePoint', 'agreedPrice', 'tierName',
    ]);
    expect(guessColumns(['Display name', 'display_name'])).toEqual(['displayName', null]);
  });

  it('gives each field to one column, and follows what the user chose before', () => {
    // Our own column name first, then the names of other tools.
    expect(guessColumns(['Username', 'Handle'])).toEqual([null, 'handle']);
    expect(guessColumns(['Username', 'User'])).toEqual(['handle', null]);
    expect(guessColumns(['Price', 'Email'], { price: 'agreedPrice', email: 'notes' })).toEqual(['agreedPrice', 'notes']);
    // "Not imported" is remembered too.
    expect(guessColumns(['Username', 'Name'], { name: null })).toEqual(['handle', null]);
    // A remembered field that no longer exists is ignored.
    expect(guessColumns(['Price'], { price: 'nonsense' as never })).toEqual(['pricePoint']);
  });
});

describe('reading a sheet of another tool', () => {
  it('reads profile addresses, people-written numbers and unknown statuses; a row naming no platform waits for one', () => {
    const preview = parseImport(OTHER_TOOL, 'other.csv', { now: NOW });
    expect(preview.fileError).toBeNull();
    expect(preview.columns?.headers).toEqual(['Username', 'Profile URL', 'Followers', 'Engagement rate', 'Price', 'Status', 'Comments', 'Labels']);
    expect(preview.columns?.samples[0]).toBe('anna.bakes');
    expect(preview.rows.map((r) => [r.platform, r.handle, r.profileUrl, r.followers, r.er, r.pricePoint, r.status])).toEqual([
      ['tiktok', 'dance_lee', 'https://www.tiktok.com/@dance_lee?lang=en', 1_200_000, 6.1, 2100, 'posted'],
      ['youtube', 'FernCooks', 'https://www.youtube.com/@FernCooks', 86_000, 2.2, 900, 'to contact'],
      ['x', 'tech_tom', 'https://x.com/tech_tom', 12_000, 1.1, 150, 'declined'],
    ]);
    expect(preview.invalid).toEqual([{ line: 2, reason: expect.stringMatching(/^platform: is missing: add a Platform column or the profile address, or choose the platform/) }]);
    expect(preview.statuses).toEqual([
      { text: 'Reached out', key: 'reached out', rows: 1, status: 'contacted', by: 'guessed' },
      { text: 'Published', key: 'published', rows: 1, status: 'posted', by: 'guessed' },
      { text: 'On hold', key: 'on hold', rows: 1, status: 'to contact', by: 'default' },
      { text: 'Not interested', key: 'not interested', rows: 1, status: 'declined', by: 'guessed' },
    ]);

    const chosen = parseImport(OTHER_TOOL, 'other.csv', { now: NOW, defaultPlatform: 'instagram', statusMap: { 'on hold': 'contacted' }, columns: ['handle', 'profileUrl', 'followers', 'er', 'agreedPrice', 'status', 'notes', 'tags'] });
    expect(chosen.invalid).toEqual([]);
    expect(chosen.rows.map((r) => [r.platform, r.handle, r.agreedPrice, r.pricePoint, r.status, r.notes, r.tags])).toEqual([
      ['instagram', 'anna.bakes', 420, null, 'contacted', 'Loves sourdough', ['food']],
      ['tiktok', 'dance_lee', 2100, null, 'posted', '', ['dance']],
      ['youtube', 'FernCooks', 900, null, 'contacted', 'Back in May', ['food']],
      ['x', 'tech_tom', 150, null, 'declined', '', ['tech']],
    ]);
    expect(chosen.statuses.find((s) => s.key === 'on hold')).toMatchObject({ status: 'contacted', by: 'chosen' });
    expect(chosen.columns?.defaultPlatform).toBe('instagram');
  });

  it('refuses a handle cell that is an address of another site, and a sheet without handles or addresses', () => {
    const bad = parseImport('Username,Platform\r\nhttps://example.com/kim,instagram', 'x.csv', { now: NOW });
    expect(bad.invalid[0]?.reason).toMatch(/^handle: “.*example\.com\/kim.*” is not a profile address on Instagram, YouTube, TikTok or X/);
    const none = parseImport('Name,Email\r\nAnn,ann@example.com', 'x.csv', { now: NOW });
    expect(none.fileError).toMatch(/No column of this file is read as the creators’ handles or profile addresses/);
    // The preview still shows the columns, so the user can say which holds the handles.
    expect(none.columns?.mapping).toEqual(['displayName', null]);
    const fixed = parseImport('Name,Email\r\nAnn,ann@example.com', 'x.csv', { now: NOW, columns: ['handle', null], defaultPlatform: 'tiktok' });
    expect(fixed.rows.map((r) => [r.platform, r.handle])).toEqual([['tiktok', 'Ann']]);
  });

  it('reads numbers as people write them, and still refuses what is not one', () => {
    const csv = ['platform,handle,followers,er,agreedPrice', 'x,a,"12,480",4.2 %,$1200', 'x,b,12.5k,"3,5",1 200 EUR', 'x,c,1.1K,0.5%,€80', 'x,d,lots,1,1', 'x,e,-3,1,1'].join('\r\n');
    const preview = parseImport(csv, 'n.csv', { now: NOW });
    expect(preview.rows.map((r) => [r.handle, r.followers, r.er, r.agreedPrice])).toEqual([
      ['a', 12_480, 4.2, 1200],
      ['b', 12_500, 3.5, 1200],
      ['c', 1100, 0.5, 80],
    ]);
    expect(preview.invalid.map((r) => r.reason.replace(/[\u2068\u2069]/g, ""))).toEqual([expect.stringMatching(/^followers: “lots” is not a number/), expect.stringMatching(/^followers: must be 0 or more/)]);
  });
});

describe('statuses of other tools', () => {
  it('guesses from the words people use', () => {
    expect(guessStatus('Published')).toBe('posted');
    expect(guessStatus('went-live')).toBe('posted');
    expect(guessStatus('REJECTED')).toBe('declined');
    expect(guessStatus('In talks')).toBe('contacted');
    expect(guessStatus('To_Contact')).toBe('to contact');
    expect(guessStatus('On hold')).toBeNull();
    expect(statusKey('  Not_Interested ')).toBe('not interested');
  });

  it('maps a backup entry whose status the shortlist does not have, rather than dropping it', () => {
    const at = '2025-03-01T00:00:00.000Z';
    const backup = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 2,
      exportedAt: at,
      creators: [{ platform: 'instagram', handle: 'kim', displayName: null, profileUrl: null, followers: 10, er: null, erPerView: null, tierRank: null, tierName: null, sizeClass: null, priceLow: null, pricePoint: null, priceHigh: null, addedAt: at, updatedAt: at }],
      campaigns: [{ id: 'c1', name: 'Spring', budget: null, createdAt: at }],
      entries: [{ campaignId: 'c1', platform: 'instagram', handle: 'kim', status: 'Live', agreedPrice: null, tags: [], notes: '', couponCode: null, affiliateLink: null, orders: null, revenue: null, cost: null, addedAt: at }],
      snapshots: [],
      listings: [],
      invitations: [],
    });
    const preview = parseImport(backup, 'b.json', { now: NOW });
    expect(preview.invalid).toEqual([]);
    expect(preview.rows.map((r) => r.status)).toEqual(['posted']);
    expect(preview.statuses).toEqual([{ text: 'Live', key: 'live', rows: 1, status: 'posted', by: 'guessed' }]);
    expect(parseImport(backup, 'b.json', { now: NOW, statusMap: { live: 'delivered' } }).rows.map((r) => r.status)).toEqual(['delivered']);
  });
});

describe('preview and apply agree', () => {
  const NAME = 'import-mapping-test';
  const dbs: Array<IDBPDatabase<LensDB>> = [];
  afterEach(async () => {
    for (const d of dbs.splice(0)) d.close();
    await deleteDB(NAME);
  });

  it('writes exactly the rows the preview shows, as the user mapped them', async () => {
    const db = await openLensDb(NAME);
    dbs.push(db);
    const preview = parseImport(OTHER_TOOL, 'other.csv', { now: NOW, defaultPlatform: 'instagram', statusMap: { 'on hold': 'declined' } });
    const existing = await existingRowKeys(db);
    expect(existing.ok && planImport(preview, { keys: existing.value })).toEqual({ new: 4, updated: 0, invalid: 0 });
    const applied = await applyImport(db, preview, Math.floor(NOW.getTime() / 1000));
    expect(applied.ok && applied.value).toMatchObject({ added: 4, updated: 0, campaignsCreated: 0 });
    const listed = await listEntries(db);
    const stored = listed.ok ? listed.value.items : [];
    expect(stored.map((r) => [r.creator.platform, r.creator.handle, r.entry.status, r.entry.campaignId]).sort()).toEqual(
      preview.rows.map((r) => [r.platform, r.handle, r.status, DEFAULT_CAMPAIGN_ID]).sort(),
    );
    expect(stored.find((r) => r.creator.handle === 'FernCooks')?.entry.status).toBe('declined');
  });

  it('puts rows of a file exported before the default campaign was renamed on the default campaign', async () => {
    const db = await openLensDb(NAME);
    dbs.push(db);
    const csv = ['campaign,platform,handle', 'Shortlist,instagram,kim', 'No campaign,instagram,lee', ',instagram,sam', 'Spring,instagram,kim'].join('\r\n');
    const preview = parseImport(csv, 'old.csv', { now: NOW });
    const applied = await applyImport(db, preview, Math.floor(NOW.getTime() / 1000));
    expect(applied.ok && applied.value).toMatchObject({ added: 4, campaignsCreated: 1 });
    const campaigns = await listCampaigns(db);
    expect(campaigns.ok && campaigns.value.items.map((c) => [c.name, c.entries])).toEqual([
      ['No campaign', 3],
      ['Spring', 1],
    ]);
    // The same file again: every row is an update, as the preview says.
    const again = parseImport(csv, 'old.csv', { now: NOW });
    const keys = await existingRowKeys(db);
    expect(keys.ok && planImport(again, { keys: keys.value })).toEqual({ new: 0, updated: 4, invalid: 0 });
  });
});

describe('a preview checked once', () => {
  it('is known unchanged only while it holds the very rows it checked', async () => {
    const { isUnchangedPreview } = await import('../../../lib/store/exchange');
    const preview = parseImport(OTHER_TOOL, 'other.csv', { now: NOW, defaultPlatform: 'instagram' });
    expect(isUnchangedPreview(preview)).toBe(true);
    // Its rows cannot be changed in place…
    expect(() => {
      (preview.rows[0] as { er: number | null }).er = 2e9;
    }).toThrow(TypeError);
    expect(() => (preview.rows[0]!.tags as string[]).push('x')).toThrow(TypeError);
    // …and a copy, a replaced or an added row is checked again.
    expect(isUnchangedPreview({ ...preview })).toBe(false);
    const replaced = parseImport(OTHER_TOOL, 'other.csv', { now: NOW, defaultPlatform: 'instagram' });
    replaced.rows[1] = { ...replaced.rows[1]! };
    expect(isUnchangedPreview(replaced)).toBe(false);
    const added = parseImport(OTHER_TOOL, 'other.csv', { now: NOW, defaultPlatform: 'instagram' });
    added.rows.push({ ...added.rows[0]!, handle: 'more' });
    expect(isUnchangedPreview(added)).toBe(false);
  });
});
