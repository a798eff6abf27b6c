/**
 * The audience signals and what the posts say, kept with a shortlisted creator: computed when a
 * creator is shortlisted or refreshed by a visit (with the visit history), loaded from records
 * written before they were kept as unknown, filtered by the settings' competitors and sorted.
 */
import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { emptyPost, emptySnapshot, type PostStats, type Snapshot } from '../../../lib/platforms/types';
import {
  brandsText,
  competitorHitsOf,
  competitorSet,
  competitorText,
  signalCounts,
  signalsDetail,
  signalsText,
  sponsoredText,
  sponsoredVsOrganicText,
} from '../../../lib/store/creator-insights';
import { DEFAULT_CAMPAIGN_ID, openLensDb, type LensDB } from '../../../lib/store/db';
import { DAY } from '../../../lib/store/history';
import { rememberVisit, shortlistFromSnapshot } from '../../../lib/store/service';
import {
  creatorSummary,
  CreatorRecordSchema,
  filterAndSort,
  listEntries,
  MAX_STORED_BRANDS,
  shortlistView,
  type CreatorRecord,
  type StoredCreator,
  type ShortlistRow,
} from '../../../lib/store/shortlist';

const NAME = 'lens-insights-test';
const NOW = 1_750_000_000;
const opened: Array<IDBPDatabase<LensDB>> = [];

async function open(): Promise<IDBPDatabase<LensDB>> {
  const db = await openLensDb(NAME);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await deleteDB(NAME);
});

/**
 * Twelve recent posts, one every three days: two tag @ridgeline.gear with #ad (sponsored), one
 * mentions @summit.socks without a disclosure, the rest say nothing of a brand. 25 likes per
 * comment: within Instagram's usual range.
 */
function posts(): PostStats[] {
  return Array.from({ length: 12 }, (_, i) => {
    const caption =
      i === 1 ? 'Trail day with @ridgeline.gear #ad' : i === 4 ? 'New pack from @Ridgeline.Gear #sponsored' : i === 7 ? 'Warm feet thanks to @summit.socks' : `Morning run ${i}`;
    return emptyPost({ id: `p${i}`, likes: i === 1 || i === 4 ? 250 : 500, comments: i === 1 || i === 4 ? 10 : 20, takenAt: NOW - (i + 1) * 3 * DAY, caption });
  });
}

function profile(handle: string, followers: number, partial: Partial<Snapshot> = {}): Snapshot {
  return emptySnapshot({
    platform: 'instagram',
    kind: 'profile',
    state: 'ok',
    url: `https://www.instagram.com/${handle}/`,
    handle,
    followers,
    followersExact: true,
    following: 300,
    posts: posts(),
    source: 'test',
    ...partial,
  });
}

function unwrapRows(result: Awaited<ReturnType<typeof listEntries>>): ShortlistRow[] {
  if (!result.ok) throw new Error(result.message);
  return result.value.items;
}

describe('what the shortlist keeps of the signals and the posts', () => {
  it('sums up the signals and what the posts say from the analysis', () => {
    const snapshot = profile('trail.mia', 12_000);
    const summary = creatorSummary(snapshot, analyzeSnapshot(snapshot, { now: NOW }));
    expect(summary).toMatchObject({
      postsRead: 12,
      sponsoredPosts: 2,
      brands: [
        { handle: 'ridgeline.gear', posts: 2 },
        { handle: 'summit.socks', posts: 1 },
      ],
      undisclosedPosts: 1,
    });
    // Sponsored posts: 260 engagements against 520: half.
    expect(summary.sponsoredVsOrganic).toBeCloseTo(0.5, 6);
    // (500 × 10 + 250 × 2) ÷ (20 × 10 + 10 × 2) = 25 likes per comment.
    expect(summary.likesPerComment).toBeCloseTo(25, 6);
    // Without the visit history the three growth signals are unknown; so is views per follower (no views).
    expect(summary.signalsUnknown).toBe(4);
    expect((summary.signalsFine ?? 0) + (summary.signalsToCheck ?? 0) + (summary.signalsUnknown ?? 0)).toBe(9);
    expect(summary.signalIdsToCheck).toHaveLength(summary.signalsToCheck ?? -1);
  });

  it('keeps at most 30 brands, and nothing from a single post page', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      emptyPost({ id: `m${i}`, likes: 100, comments: 5, caption: Array.from({ length: 4 }, (_, j) => `@brand${i * 4 + j}`).join(' ') }),
    );
    const snapshot = profile('busy.bee', 5_000, { posts: many });
    const summary = creatorSummary(snapshot, analyzeSnapshot(snapshot, { now: NOW }));
    expect(summary.brands).toHaveLength(MAX_STORED_BRANDS);
    expect(CreatorRecordSchema.shape.brands.safeParse(summary.brands).success).toBe(true);

    const post = profile('trail.mia', 12_000, { kind: 'post', posts: posts().slice(0, 1) });
    const fromPost = creatorSummary(post, analyzeSnapshot(post, { now: NOW }));
    expect(fromPost).toMatchObject({ signalsFine: null, signalsToCheck: null, signalIdsToCheck: null, postsRead: null, brands: null, sponsoredPosts: null });
  });

  it('stores them when a creator is shortlisted, counting the visits for the growth signals', async () => {
    const db = await open();
    // Two visits before shortlisting: followers up 30 % in three days.
    expect(await rememberVisit(db, profile('trail.mia', 10_000), NOW - 3 * DAY)).toBeNull();
    expect(await rememberVisit(db, profile('trail.mia', 13_000), NOW - 60)).toBeNull();
    expect((await shortlistFromSnapshot(db, profile('trail.mia', 13_000), NOW)).ok).toBe(true);
    const [row] = unwrapRows(await listEntries(db));
    expect(row?.creator.signalIdsToCheck).toContain('follower-jumps');
    expect(row?.creator.brands?.map((b) => b.handle)).toEqual(['ridgeline.gear', 'summit.socks']);
    expect(row?.creator.sponsoredPosts).toBe(2);
  });

  it('refreshes them on a visit of a shortlisted creator, this visit counted', async () => {
    const db = await open();
    expect(await rememberVisit(db, profile('trail.mia', 10_000), NOW - 3 * DAY)).toBeNull();
    expect((await shortlistFromSnapshot(db, profile('trail.mia', 10_000), NOW - 3 * DAY + 60)).ok).toBe(true);
    let [row] = unwrapRows(await listEntries(db));
    expect(row?.creator.signalIdsToCheck).not.toContain('follower-jumps');
    // The next visit: 30 % more followers, and no brand named any more.
    const quiet = posts().map((p) => ({ ...p, caption: 'Morning run' }));
    expect(await rememberVisit(db, profile('trail.mia', 13_000, { posts: quiet }), NOW)).toBeNull();
    [row] = unwrapRows(await listEntries(db));
    expect(row?.creator.followers).toBe(13_000);
    expect(row?.creator.signalIdsToCheck).toContain('follower-jumps');
    expect(row?.creator.brands).toEqual([]);
    expect(row?.creator.sponsoredPosts).toBe(0);
  });

  it('loads a record written before they were kept, and reads it as unknown — never 0', async () => {
    const db = await open();
    expect((await shortlistFromSnapshot(db, profile('trail.mia', 12_000), NOW)).ok).toBe(true);
    const stored = (await db.get('creators', ['instagram', 'trail.mia'])) as Record<string, unknown>;
    const old = Object.fromEntries(
      Object.entries(stored).filter(([k]) => !['signalsFine', 'signalsToCheck', 'signalsUnknown', 'signalIdsToCheck', 'likesPerComment', 'postsRead', 'sponsoredPosts', 'sponsoredVsOrganic', 'brands', 'undisclosedPosts'].includes(k)),
    );
    await db.put('creators', old as unknown as StoredCreator);
    const listed = await listEntries(db);
    expect(listed.ok && listed.value.skipped).toBe(0);
    const [row] = unwrapRows(listed);
    const c = row!.creator;
    expect(c.signalsFine).toBeUndefined();
    expect(signalsText(c)).toBeNull();
    expect(signalCounts(c)).toBeNull();
    expect(signalsDetail(c)).toMatch(/not read yet/);
    expect(sponsoredText(c)).toBeNull();
    expect(sponsoredVsOrganicText(c)).toBeNull();
    expect(brandsText(c)).toBeNull();
    expect(competitorHitsOf(c, competitorSet(['ridgeline.gear']))).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

function row(handle: string, insights: Partial<CreatorRecord>): ShortlistRow {
  const snapshot = profile(handle, 1000);
  return {
    campaignName: 'No campaign',
    creator: {
      platform: 'instagram',
      handleKey: handle,
      handle,
      displayName: null,
      profileUrl: `https://www.instagram.com/${handle}/`,
      addedAt: 1,
      updatedAt: 1,
      snapshot,
      followers: 1000,
      er: 2,
      erPerView: null,
      tierRank: 8,
      tierName: null,
      sizeClass: 'micro',
      pricePoint: 50,
      priceLow: null,
      priceHigh: null,
      currency: 'USD',
      ...insights,
    },
    entry: {
      campaignId: DEFAULT_CAMPAIGN_ID,
      platform: 'instagram',
      handleKey: handle,
      notes: '',
      tags: [],
      status: 'to contact',
      agreedPrice: null,
      couponCode: null,
      affiliateLink: null,
      results: { orders: null, revenue: null, cost: null },
      addedAt: 1,
      updatedAt: 1,
    },
  };
}

describe('the competitor filter and the signal sorts', () => {
  const rows = [
    row('mia', { signalsFine: 5, signalsToCheck: 1, signalsUnknown: 3, signalIdsToCheck: ['like-comment-ratio'], postsRead: 12, sponsoredPosts: 2, sponsoredVsOrganic: 0.5, brands: [{ handle: 'ridgeline.gear', posts: 2 }] }),
    row('kai', { signalsFine: 6, signalsToCheck: 0, signalsUnknown: 3, signalIdsToCheck: [], postsRead: 12, sponsoredPosts: 1, sponsoredVsOrganic: 1.2, brands: [{ handle: 'summit.socks', posts: 1 }] }),
    row('old', {}),
    row('ann', { signalsFine: 3, signalsToCheck: 3, signalsUnknown: 3, signalIdsToCheck: ['mean-vs-median', 'top-post-share', 'posting-cadence'], postsRead: 10, sponsoredPosts: 0, sponsoredVsOrganic: null, brands: [] }),
    // Never read: every signal unknown.
    row('new', { signalsFine: 0, signalsToCheck: 0, signalsUnknown: 9, signalIdsToCheck: [], postsRead: null, brands: null }),
  ];
  const handles = (r: readonly ShortlistRow[]) => r.map((x) => x.creator.handleKey);

  it('hides the creators who worked with a competitor, counting them, and keeps those whose brands are unknown', () => {
    const competitors = ['@Ridgeline.Gear', 'othertrail.co'];
    const shown = shortlistView(rows, { hideCompetitors: competitors }, competitors);
    expect(handles(shown.rows)).toEqual(['kai', 'old', 'ann', 'new']);
    expect(shown.withCompetitor).toBe(1);
    // Off: everyone is shown, and the count says how many the filter would hide.
    const all = shortlistView(rows, {}, competitors);
    expect(handles(all.rows)).toEqual(['mia', 'kai', 'old', 'ann', 'new']);
    expect(all.withCompetitor).toBe(1);
    // The count is of the rows the other filters keep.
    expect(shortlistView(rows, { text: 'kai' }, competitors).withCompetitor).toBe(0);
    // No competitors set: nothing to hide.
    expect(shortlistView(rows, { hideCompetitors: [] }, []).rows).toHaveLength(5);
    expect(handles(filterAndSort(rows, { hideCompetitors: ['summit.socks'] }))).toEqual(['mia', 'old', 'ann', 'new']);
  });

  it('sorts by signals to check and by sponsored vs organic, unknown last both ways', () => {
    const by = (column: 'signalsToCheck' | 'sponsoredVsOrganic', direction: 'asc' | 'desc') => handles(filterAndSort(rows, { sort: { column, direction } }));
    expect(by('signalsToCheck', 'desc')).toEqual(['ann', 'mia', 'kai', 'new', 'old']);
    expect(by('signalsToCheck', 'asc')).toEqual(['kai', 'mia', 'ann', 'new', 'old']);
    expect(by('sponsoredVsOrganic', 'desc')).toEqual(['kai', 'mia', 'ann', 'new', 'old']);
    expect(by('sponsoredVsOrganic', 'asc').slice(0, 2)).toEqual(['mia', 'kai']);
  });

  it('says it in words: counts, the signals to check, brands and competitors', () => {
    const [mia, kai, old, ann, never] = rows.map((r) => r.creator);
    expect(signalsText(mia!)).toBe('5 fine · 1 to check');
    expect(signalsText(kai!)).toBe('6 fine');
    expect(signalsText(never!)).toBeNull();
    expect(signalsDetail(never!)).toMatch(/unknown/);
    expect(signalsDetail(ann!)).toBe('To check: Mean vs median, Top post\'s share, Posting cadence. 3 unknown (the page or the visit history lacks what they need).');
    expect(signalsDetail(kai!)).toMatch(/^6 signals fine, none to check\./);
    expect(sponsoredText(mia!)).toBe('2 of 12');
    expect(sponsoredVsOrganicText(mia!)).toBe('50 %');
    expect(sponsoredVsOrganicText(ann!)).toBeNull();
    expect(brandsText(mia!)).toBe('@ridgeline.gear (2)');
    expect(brandsText(ann!)).toBe('none');
    expect(brandsText(old!)).toBeNull();
    const hits = competitorHitsOf(mia!, competitorSet(['RIDGELINE.gear']));
    expect(hits).toEqual([{ handle: 'ridgeline.gear', posts: 2, of: 12 }]);
    expect(competitorText(hits!)).toBe('@ridgeline.gear (2 of 12 posts)');
    expect(competitorHitsOf(kai!, competitorSet(['ridgeline.gear']))).toEqual([]);
    expect(competitorHitsOf(old!, competitorSet(['ridgeline.gear']))).toBeNull();
  });

  it('filters 10,000 rows by competitor well within a frame', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row(`c${i}`, { postsRead: 12, brands: Array.from({ length: 5 }, (_, j) => ({ handle: `brand${(i + j) % 400}`, posts: 1 })), signalsFine: 6, signalsToCheck: i % 3, signalsUnknown: 3 }),
    );
    const competitors = ['brand7', 'brand300'];
    shortlistView(many, { hideCompetitors: competitors }, competitors);
    const start = performance.now();
    const view = shortlistView(many, { hideCompetitors: competitors, sort: { column: 'signalsToCheck', direction: 'desc' } }, competitors);
    const took = performance.now() - start;
    expect(took).toBeLessThan(50);
    expect(view.withCompetitor).toBe(10_000 - view.rows.length);
    expect(view.withCompetitor).toBeGreaterThan(0);
  });
});
