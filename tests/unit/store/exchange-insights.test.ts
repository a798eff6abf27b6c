/**
 * The audience signals and what the posts say in the CSV and the JSON backup: written with clear
 * column names, read back on import by the one validation the preview and applying share, and
 * round-tripped through the store. A file written before they were kept reads them as unknown.
 */
import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { emptyPost, emptySnapshot, type Snapshot } from '../../../lib/platforms/types';
import { DEFAULT_CAMPAIGN_ID, openLensDb, type LensDB } from '../../../lib/store/db';
import { exportRows, parseImport, toCsv, toJson, type ExportRow } from '../../../lib/store/exchange';
import { DAY } from '../../../lib/store/history';
import { applyImport, readBackup } from '../../../lib/store/import-apply';
import { rowProblem } from '../../../lib/store/import-check';
import { creatorSummary, listEntries, shortlistCreator, type CreatorRecord, type ShortlistRow } from '../../../lib/store/shortlist';

const NAMES = ['insights-a', 'insights-b'];
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

const INSIGHT_KEYS = ['signalsFine', 'signalsToCheck', 'signalsUnknown', 'signalIdsToCheck', 'likesPerComment', 'postsRead', 'sponsoredPosts', 'sponsoredVsOrganic', 'brands', 'undisclosedPosts'] as const;

function insightsOf(c: Partial<Pick<CreatorRecord, (typeof INSIGHT_KEYS)[number]>>) {
  return Object.fromEntries(INSIGHT_KEYS.map((k) => [k, c[k] ?? null]));
}

/** Trail Mia: 12 posts, two sponsored tagging @ridgeline.gear, one mentioning @summit.socks without #ad. */
function mia(): Snapshot {
  const posts = Array.from({ length: 12 }, (_, i) =>
    emptyPost({
      id: `p${i}`,
      likes: i < 2 ? 300 : 600,
      comments: i < 2 ? 10 : 20,
      takenAt: NOW - (i + 1) * 2 * DAY,
      caption: i < 2 ? `Out with @ridgeline.gear #ad` : i === 5 ? 'Cosy toes @summit.socks' : 'Trail run',
    }),
  );
  return emptySnapshot({ platform: 'instagram', kind: 'profile', state: 'ok', url: 'https://www.instagram.com/trail.mia/', handle: 'trail.mia', followers: 14_000, followersExact: true, following: 400, posts, source: 'test' });
}

async function shortlisted(): Promise<IDBPDatabase<LensDB>> {
  const d = await db('insights-a');
  const snapshot = mia();
  expect((await shortlistCreator(d, snapshot, creatorSummary(snapshot, analyzeSnapshot(snapshot, { now: NOW })), DEFAULT_CAMPAIGN_ID, NOW)).ok).toBe(true);
  return d;
}

async function rows(d: IDBPDatabase<LensDB>): Promise<ShortlistRow[]> {
  const listed = await listEntries(d);
  if (!listed.ok) throw new Error(listed.message);
  return listed.value.items;
}

describe('the signals and what the posts say in the CSV', () => {
  it('has a column for each, lists in one cell separated by ";"', async () => {
    const d = await shortlisted();
    const backup = await readBackup(d);
    if (!backup.ok) throw new Error(backup.message);
    const csv = toCsv(exportRows(backup.value)).replace(/^\ufeff/, '');
    const [header, line] = csv.split('\r\n');
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, line!.split(',')[i]]));
    expect(cells).toMatchObject({ postsRead: '12', sponsoredPosts: '2', sponsoredVsOrganic: '0.5', brands: 'ridgeline.gear (2); summit.socks (1)', undisclosedPosts: '1', likesPerComment: '30' });
    expect(Number(cells.signalsFine) + Number(cells.signalsToCheck) + Number(cells.signalsUnknown)).toBe(9);
  });

  it('round-trips through the store into a fresh database', async () => {
    const from = await shortlisted();
    const backup = await readBackup(from);
    if (!backup.ok) throw new Error(backup.message);
    const preview = parseImport(toCsv(exportRows(backup.value)), 'export.csv', { now: new Date(NOW * 1000) });
    expect(preview.invalid).toEqual([]);
    const to = await db('insights-b');
    expect((await applyImport(to, preview, NOW)).ok).toBe(true);
    const [before] = await rows(from);
    const [after] = await rows(to);
    expect(insightsOf(after!.creator)).toEqual(insightsOf(before!.creator));
    expect(after!.creator.brands).toEqual([
      { handle: 'ridgeline.gear', posts: 2 },
      { handle: 'summit.socks', posts: 1 },
    ]);
  });

  it('reads a file without these columns (older exports, other tools) as unknown, not 0 or none', () => {
    const preview = parseImport('platform,handle,followers\r\ninstagram,cosy.crafts,12480', 'old.csv', { now: new Date(NOW * 1000) });
    expect(preview.invalid).toEqual([]);
    expect(insightsOf(preview.rows[0]!)).toEqual(Object.fromEntries(INSIGHT_KEYS.map((k) => [k, null])));
  });

  it('reads brands as people write them, and an empty list as none when its count is known', () => {
    const csv = [
      'platform,handle,postsRead,brands,signalsToCheck,signalIdsToCheck',
      'instagram,a.one,12,"@Ridgeline.Gear (2), summit.socks",1,like-comment-ratio',
      'instagram,b.two,12,,0,',
      'instagram,c.three,,,,',
    ].join('\r\n');
    const preview = parseImport(csv, 'brands.csv', { now: new Date(NOW * 1000) });
    expect(preview.invalid).toEqual([]);
    const [a, b, c] = preview.rows as ExportRow[];
    expect(a!.brands).toEqual([
      { handle: 'ridgeline.gear', posts: 2 },
      { handle: 'summit.socks', posts: null },
    ]);
    expect(a!.signalIdsToCheck).toEqual(['like-comment-ratio']);
    expect([b!.brands, b!.signalIdsToCheck]).toEqual([[], []]);
    expect([c!.brands, c!.signalIdsToCheck]).toEqual([null, null]);
  });

  it('refuses a row whose brands or counts are not what they say, naming the column', () => {
    const csv = ['platform,handle,brands,signalsToCheck,sponsoredVsOrganic', 'instagram,a.one,nike inc (2),1,0.5', 'instagram,b.two,ok.brand,1.5,0.5', 'instagram,c.three,,2,-1'].join('\r\n');
    const preview = parseImport(csv, 'bad.csv', { now: new Date(NOW * 1000) });
    expect(preview.rows).toEqual([]);
    expect(preview.invalid.map((r) => r.reason.replace(/[\u2068\u2069]/g, ''))).toEqual([
      expect.stringMatching(/^brands: “nike inc \(2\)” is not a handle with its posts/),
      expect.stringMatching(/^signalsToCheck: must be a whole number/),
      expect.stringMatching(/^sponsoredVsOrganic: must be 0 or more/),
    ]);
  });

  it('checks a row with the store’s own schema: what the preview accepts, applying stores', () => {
    const preview = parseImport('platform,handle,brands\r\ninstagram,a.one,ridgeline.gear (2)', 'x.csv', { now: new Date(NOW * 1000) });
    const ctx = preview.context;
    expect(rowProblem(preview.rows[0]!, ctx)).toBeNull();
    // Thirty-one brands: more than the store keeps.
    const tooMany = { ...preview.rows[0]!, brands: Array.from({ length: 31 }, (_, i) => ({ handle: `b${i}`, posts: 1 })) };
    expect(rowProblem(tooMany, ctx)).toMatch(/brands/);
  });
});

describe('the signals and what the posts say in the JSON backup', () => {
  it('round-trips through the store into a fresh database', async () => {
    const from = await shortlisted();
    const backup = await readBackup(from);
    if (!backup.ok) throw new Error(backup.message);
    const json = toJson(backup.value);
    expect(JSON.parse(json).creators[0]).toMatchObject({ sponsoredPosts: 2, brands: [{ handle: 'ridgeline.gear', posts: 2 }, { handle: 'summit.socks', posts: 1 }] });
    const preview = parseImport(json, 'backup.json');
    expect(preview.invalid).toEqual([]);
    const to = await db('insights-b');
    expect((await applyImport(to, preview, NOW + 10)).ok).toBe(true);
    const [before] = await rows(from);
    const [after] = await rows(to);
    expect(insightsOf(after!.creator)).toEqual(insightsOf(before!.creator));
  });

  it('imports a backup written before they were kept, as unknown', async () => {
    const from = await shortlisted();
    const backup = await readBackup(from);
    if (!backup.ok) throw new Error(backup.message);
    const file = JSON.parse(toJson(backup.value)) as { creators: Array<Record<string, unknown>> };
    for (const c of file.creators) for (const k of INSIGHT_KEYS) delete c[k];
    const preview = parseImport(JSON.stringify(file), 'old-backup.json');
    expect(preview.invalid).toEqual([]);
    const to = await db('insights-b');
    expect((await applyImport(to, preview, NOW + 10)).ok).toBe(true);
    const [after] = await rows(to);
    expect(insightsOf(after!.creator)).toEqual(Object.fromEntries(INSIGHT_KEYS.map((k) => [k, null])));
  });

  it('lists a creator whose brands are damaged as invalid, with the field', () => {
    const file = {
      format: 'reloquence-lens-backup',
      version: 2,
      exportedAt: '2025-06-01T00:00:00.000Z',
      creators: [
        { platform: 'instagram', handle: 'a.one', displayName: null, profileUrl: null, followers: 1, er: null, erPerView: null, tierRank: null, tierName: null, sizeClass: null, priceLow: null, pricePoint: null, priceHigh: null, brands: [{ handle: '<b>', posts: 2 }], addedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
      ],
      campaigns: [],
      entries: [],
      snapshots: [],
    };
    const preview = parseImport(JSON.stringify(file), 'b.json', { now: new Date(NOW * 1000) });
    expect(preview.backup?.creators).toEqual([]);
    expect(preview.invalid[0]?.reason).toMatch(/^creator #1: brands\.0\.handle: must be a handle/);
  });
});
