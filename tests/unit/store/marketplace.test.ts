import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { openLensDb, type LensDB } from '../../../lib/store/db';
import type { StoreResult } from '../../../lib/store/errors';
import { BACKUP_FORMAT, BACKUP_VERSION, parseImport, toJson } from '../../../lib/store/exchange';
import type { Marketplace } from '../../../lib/marketplace/links';
import { FLAVOUR_DEFAULT_PATHS } from '../../../lib/settings';
import { applyImport, readBackup } from '../../../lib/store/import-apply';
import {
  deleteInvitation,
  invitationsOf,
  linkListing,
  listingOf,
  listInvitations,
  noteListingOpened,
  recordInvitation,
  setInvitationStatus,
  unlinkListing,
  type ListingLink,
  type StoredInvitation,
  type Who,
} from '../../../lib/store/marketplace';

const NAMES = ['lens-marketplace-a', 'lens-marketplace-b'];
const opened: Array<IDBPDatabase<LensDB>> = [];

async function open(name = NAMES[0]!): Promise<IDBPDatabase<LensDB>> {
  const db = await openLensDb(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of NAMES) await deleteDB(name);
});

function ok<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.value;
}

/** Unix seconds (listings) and the same moment in milliseconds (invitations). */
const T = 1_750_000_000;
const MS = T * 1000;

const KIM: Who = { platform: 'instagram', handle: 'Maker.Kim' };
const JO: Who = { platform: 'instagram', handle: 'chef.jo' };
const KIM_ON_X: Who = { platform: 'x', handle: 'maker.kim' };

const LISTING = { url: 'https://market.example/l/knit-kits/123-knit-kits', id: '123-knit-kits', slug: 'knit-kits' };
/** The marketplace of the settings at import time: the listings above are on it. */
const MARKET: Marketplace = { name: 'Market', baseUrl: 'https://market.example', flavour: 'web-template', paths: { ...FLAVOUR_DEFAULT_PATHS['web-template'] } };
/** Import options: checked now (the database dates its default campaign with the real clock), against MARKET. */
const AT = { now: new Date(), marketplace: MARKET };
/** A message without the isolation marks (FSI … PDI) put around names and quoted text. */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');
const OTHER_LISTING = { url: 'https://market.example/l/no-slug/456', id: '456', slug: null };

describe('listing links', () => {
  it('links, replaces and unlinks a listing, matching handles case-insensitively', async () => {
    const db = await open();
    const link = ok(await linkListing(db, KIM, LISTING, T));
    expect(link).toEqual({
      platform: 'instagram',
      handleKey: 'maker.kim',
      handle: 'Maker.Kim',
      url: LISTING.url,
      listingId: '123-knit-kits',
      slug: 'knit-kits',
      linkedAt: T,
      opened: null,
    });
    expect(ok(await listingOf(db, { platform: 'instagram', handle: '@MAKER.KIM' }))).toEqual(link);
    // Another platform is another account.
    expect(ok(await listingOf(db, KIM_ON_X))).toBeNull();

    const replaced = ok(await linkListing(db, { platform: 'instagram', handle: '@maker.KIM' }, OTHER_LISTING, T + 10));
    expect(replaced).toMatchObject({ handle: 'maker.KIM', listingId: '456', slug: null, linkedAt: T + 10 });
    expect(await db.count('listings')).toBe(1);
    expect(ok(await listingOf(db, KIM))).toEqual(replaced);

    expect(ok(await unlinkListing(db, { platform: 'instagram', handle: 'MAKER.kim' }))).toBe(true);
    expect(ok(await listingOf(db, KIM))).toBeNull();
    expect(ok(await unlinkListing(db, KIM))).toBe(false);
  });

  it('keeps when the listing was opened if the same listing is linked again, not for another one', async () => {
    const db = await open();
    ok(await linkListing(db, KIM, LISTING, T));
    ok(await noteListingOpened(db, KIM, T + 5));
    expect(ok(await linkListing(db, KIM, { ...LISTING, url: `${LISTING.url}?utm_source=x` }, T + 6)).opened).toBe(T + 5);
    expect(ok(await linkListing(db, KIM, OTHER_LISTING, T + 7)).opened).toBeNull();
  });

  it('trims the listing and treats an empty slug as none', async () => {
    const db = await open();
    const link = ok(await linkListing(db, KIM, { url: `  ${LISTING.url} `, id: ' 123 ', slug: '  ' }, T));
    expect(link).toMatchObject({ url: LISTING.url, listingId: '123', slug: null });
  });

  it('refuses bad input with a plain message and writes nothing', async () => {
    const db = await open();
    const cases: Array<[Who, { url: string; id: string; slug: string | null }, string]> = [
      [KIM, { ...LISTING, url: 'http://market.example/l/a/1' }, 'The listing address must be a web address starting with https://.'],
      [KIM, { ...LISTING, url: 'javascript:alert(1)' }, 'The listing address must be a web address starting with https://.'],
      [KIM, { ...LISTING, url: 'https://market.example/l/a b/1' }, 'The listing address must be a web address starting with https://.'],
      [KIM, { ...LISTING, url: `https://market.example/${'a'.repeat(2000)}` }, 'The listing address must be at most 2000 characters.'],
      [KIM, { ...LISTING, id: '  ' }, 'The listing id cannot be empty.'],
      [KIM, { ...LISTING, id: 'x'.repeat(201) }, 'The listing id must be at most 200 characters.'],
      [KIM, { ...LISTING, slug: 's'.repeat(201) }, 'The listing slug must be at most 200 characters.'],
      [KIM, { ...LISTING, slug: 'a\u0000b' }, 'The listing slug must not contain control characters.'],
      [KIM, { url: 42, id: '1', slug: null } as unknown as typeof LISTING, 'That listing is not valid.'],
      [{ platform: 'instagram', handle: ' @ ' }, LISTING, 'A creator without a handle cannot be found.'],
      [{ platform: 'instagram', handle: 'k'.repeat(201) }, LISTING, 'The handle must be at most 200 characters.'],
      [{ platform: 'myspace', handle: 'kim' } as unknown as Who, LISTING, 'That creator is not valid.'],
    ];
    for (const [who, listing, message] of cases) {
      expect(await linkListing(db, who, listing, T), message).toEqual({ ok: false, message });
    }
    expect(await linkListing(db, KIM, LISTING, Number.NaN)).toEqual({ ok: false, message: 'The time given is not valid.' });
    expect(await db.count('listings')).toBe(0);
  });
});

describe('invitations', () => {
  it('records a new invitation each time, newest first', async () => {
    const db = await open();
    const first = ok(await recordInvitation(db, { ...KIM, handle: '@Maker.Kim', displayName: ' Kim\u200b  Maker\n' }, ' spring ', MS));
    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown as string,
      platform: 'instagram',
      handle: 'Maker.Kim',
      handleKey: 'maker.kim',
      displayName: 'Kim Maker',
      campaign: 'spring',
      invitedAt: MS,
      status: 'invited',
      statusAt: MS,
    });
    const second = ok(await recordInvitation(db, KIM, '', MS + 1));
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ campaign: null, displayName: null });
    const jo = ok(await recordInvitation(db, JO, null, MS + 2));

    const all = ok(await listInvitations(db));
    expect(all).toEqual({ items: [jo, second, first], skipped: 0 });
    expect(ok(await invitationsOf(db, { platform: 'instagram', handle: 'MAKER.KIM' }))).toEqual([second, first]);
    expect(ok(await invitationsOf(db, KIM_ON_X))).toEqual([]);
  });

  it('sets a status by hand, dating it, and deletes', async () => {
    const db = await open();
    const invitation = ok(await recordInvitation(db, KIM, null, MS));
    const joined = ok(await setInvitationStatus(db, invitation.id, 'joined', MS + 60_000));
    expect(joined).toEqual({ ...invitation, status: 'joined', statusAt: MS + 60_000 });
    expect(ok(await invitationsOf(db, KIM))).toEqual([joined]);
    const back = ok(await setInvitationStatus(db, invitation.id, 'invited', MS + 120_000));
    expect(back).toMatchObject({ status: 'invited', statusAt: MS + 120_000, invitedAt: MS });

    expect(ok(await deleteInvitation(db, invitation.id))).toBe(true);
    expect(ok(await deleteInvitation(db, invitation.id))).toBe(false);
    expect(await setInvitationStatus(db, invitation.id, 'joined')).toEqual({ ok: false, message: 'That invitation no longer exists.' });
  });

  it('refuses bad input with a plain message and writes nothing', async () => {
    const db = await open();
    const invitation = ok(await recordInvitation(db, KIM, null, MS));
    expect(await recordInvitation(db, KIM, 'c'.repeat(101), MS)).toEqual({ ok: false, message: 'The campaign tag must be at most 100 characters.' });
    expect(await recordInvitation(db, { platform: 'tiktok', handle: '' }, null, MS)).toEqual({ ok: false, message: 'A creator without a handle cannot be found.' });
    expect(await recordInvitation(db, { ...KIM, displayName: 'n'.repeat(501) }, null, MS)).toEqual({
      ok: false,
      message: 'The display name must be at most 500 characters.',
    });
    expect(await recordInvitation(db, KIM, null, -1)).toEqual({ ok: false, message: 'The time given is not valid.' });
    expect(await setInvitationStatus(db, invitation.id, 'paid' as never, MS + 1)).toEqual({
      ok: false,
      message: 'The status must be one of: invited, joined, listed.',
    });
    expect(await setInvitationStatus(db, '', 'joined', MS + 1)).toEqual({ ok: false, message: 'That invitation no longer exists.' });
    expect(ok(await listInvitations(db)).items).toEqual([invitation]);
  });
});

describe('noteListingOpened', () => {
  it('notes the opening and promotes only this creator’s invited and joined invitations', async () => {
    const db = await open();
    const invited = ok(await recordInvitation(db, KIM, 'a', MS));
    const joined = ok(await setInvitationStatus(db, ok(await recordInvitation(db, KIM, 'b', MS + 1)).id, 'joined', MS + 10));
    const listed = ok(await setInvitationStatus(db, ok(await recordInvitation(db, KIM, 'c', MS + 2)).id, 'listed', MS + 20));
    const jo = ok(await recordInvitation(db, JO, null, MS + 3));
    const onX = ok(await recordInvitation(db, KIM_ON_X, null, MS + 4));
    ok(await linkListing(db, KIM, LISTING, T));

    const result = ok(await noteListingOpened(db, { platform: 'instagram', handle: '@maker.kim' }, T + 100));
    expect(result.listing).toMatchObject({ listingId: LISTING.id, linkedAt: T, opened: T + 100 });
    expect(result.promoted).toEqual([
      { ...joined, status: 'listed', statusAt: (T + 100) * 1000 },
      { ...invited, status: 'listed', statusAt: (T + 100) * 1000 },
    ]);
    expect(ok(await listingOf(db, KIM))?.opened).toBe(T + 100);
    const mine = ok(await invitationsOf(db, KIM));
    expect(mine.map((i) => i.status)).toEqual(['listed', 'listed', 'listed']);
    // Already listed: left as it was, its date too.
    expect(mine.find((i) => i.id === listed.id)).toEqual(listed);
    expect(ok(await invitationsOf(db, JO))).toEqual([jo]);
    expect(ok(await invitationsOf(db, KIM_ON_X))).toEqual([onX]);

    // Opening it again only moves the date.
    const again = ok(await noteListingOpened(db, KIM, T + 200));
    expect(again.promoted).toEqual([]);
    expect(again.listing?.opened).toBe(T + 200);
  });

  it('changes nothing for a creator without a listing', async () => {
    const db = await open();
    const invitation = ok(await recordInvitation(db, KIM, null, MS));
    expect(ok(await noteListingOpened(db, KIM, T))).toEqual({ listing: null, promoted: [] });
    expect(ok(await invitationsOf(db, KIM))).toEqual([invitation]);
    expect(await db.count('listings')).toBe(0);
  });
});

describe('records that no longer parse', () => {
  it('are skipped and counted, never promoted or returned', async () => {
    const db = await open();
    const good = ok(await recordInvitation(db, KIM, null, MS));
    await db.put('invitations', { id: 'broken', platform: 'instagram', handleKey: 'maker.kim', handle: 'Maker.Kim', status: 'gone' } as unknown as StoredInvitation);
    await db.put('invitations', { id: 'older-shape', platform: 'instagram', handleKey: 'chef.jo' } as unknown as StoredInvitation);
    expect(ok(await listInvitations(db))).toEqual({ items: [good], skipped: 2 });
    expect(ok(await invitationsOf(db, KIM))).toEqual([good]);

    ok(await linkListing(db, KIM, LISTING, T));
    const promoted = ok(await noteListingOpened(db, KIM, T + 1)).promoted;
    expect(promoted.map((i) => i.id)).toEqual([good.id]);
    expect(await db.get('invitations', 'broken')).toMatchObject({ status: 'gone' });

    await db.put('listings', { platform: 'instagram', handleKey: 'chef.jo', handle: 'chef.jo', url: 'javascript:alert(1)' } as unknown as ListingLink);
    expect(ok(await listingOf(db, JO))).toBeNull();
    expect(ok(await noteListingOpened(db, JO, T))).toEqual({ listing: null, promoted: [] });
    // A broken record does not stop a new link from replacing it.
    expect(ok(await linkListing(db, JO, OTHER_LISTING, T)).opened).toBeNull();
  });
});

describe('the JSON backup', () => {
  async function filled(): Promise<{ db: IDBPDatabase<LensDB>; invitations: StoredInvitation[] }> {
    const db = await open(NAMES[0]);
    ok(await linkListing(db, KIM, LISTING, T));
    ok(await noteListingOpened(db, KIM, T + 30));
    ok(await linkListing(db, { platform: 'youtube', handle: '@TechTom' }, OTHER_LISTING, T + 40));
    const a = ok(await recordInvitation(db, { ...KIM, displayName: 'Kim Maker' }, 'spring', MS + 123));
    const b = ok(await recordInvitation(db, { platform: 'tiktok', handle: 'dance_mia' }, null, MS + 456));
    const c = ok(await setInvitationStatus(db, b.id, 'joined', MS + 789));
    return { db, invitations: [a, c] };
  }

  it('round-trips listings and invitations into a fresh database', async () => {
    const { db: from } = await filled();
    const backup = ok(await readBackup(from));
    expect(backup.listings).toHaveLength(2);
    expect(backup.invitations).toHaveLength(2);
    expect(backup.listings.find((l) => l.handle === 'Maker.Kim')).toEqual({
      platform: 'instagram',
      handle: 'Maker.Kim',
      url: LISTING.url,
      listingId: LISTING.id,
      slug: 'knit-kits',
      linkedAt: new Date(T * 1000).toISOString(),
      opened: new Date((T + 30) * 1000).toISOString(),
    });

    const text = toJson(backup);
    expect(JSON.parse(text)).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION });
    const preview = parseImport(text, 'backup.json', AT);
    expect(preview.fileError).toBeNull();
    expect(preview.invalid).toEqual([]);

    const to = await open(NAMES[1]);
    expect(ok(await applyImport(to, preview, T + 1000))).toMatchObject({ listings: 2, invitations: 2, kept: [] });
    const sortListings = (l: ListingLink[]) => [...l].sort((x, y) => x.handleKey.localeCompare(y.handleKey));
    const sortInvitations = (i: StoredInvitation[]) => [...i].sort((x, y) => x.id.localeCompare(y.id));
    expect(sortListings(await to.getAll('listings'))).toEqual(sortListings(await from.getAll('listings')));
    expect(sortInvitations(await to.getAll('invitations'))).toEqual(sortInvitations(await from.getAll('invitations')));
    expect(ok(await listInvitations(to))).toEqual(ok(await listInvitations(from)));
    const restored = ok(await readBackup(to));
    expect({ listings: restored.listings, invitations: restored.invitations }).toEqual({ listings: backup.listings, invitations: backup.invitations });
  });

  it('merges: a later linking wins, an invitation is replaced only by a later status', async () => {
    const { db: from, invitations } = await filled();
    const backup = ok(await readBackup(from));
    const [kimInvitation, miaInvitation] = invitations as [StoredInvitation, StoredInvitation];

    const to = await open(NAMES[1]);
    // Kim: linked later here than in the file; Tom: linked earlier here.
    const laterKim = ok(await linkListing(to, KIM, OTHER_LISTING, T + 500));
    ok(await linkListing(to, { platform: 'youtube', handle: 'techtom' }, LISTING, T + 1));
    // The same invitations as in the file, one with a later status, one with an earlier one.
    await to.put('invitations', { ...kimInvitation, status: 'listed', statusAt: kimInvitation.statusAt + 1 });
    await to.put('invitations', { ...miaInvitation, status: 'invited', statusAt: miaInvitation.statusAt - 1 });
    const own = ok(await recordInvitation(to, JO, null, MS));

    const preview = parseImport(toJson(backup), 'backup.json', AT);
    const kimAt = preview.where.invitations[backup.invitations.findIndex((i) => i.id === kimInvitation.id)];
    const kimListingAt = preview.where.listings[backup.listings.findIndex((l) => l.handle === 'Maker.Kim')];
    const counts = ok(await applyImport(to, preview, T + 1000));
    expect(counts).toMatchObject({ listings: 1, invitations: 1 });
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    expect(counts.kept.map(plain)).toEqual([
      `${kimListingAt}: kept the listing linked to @Maker.Kim on Instagram on ${day((T + 500) * 1000)}: it is newer than the file’s (${day(T * 1000)}).`,
      `${kimAt}: kept the stored invitation of @Maker.Kim on Instagram (“Posted a listing”, ${day(kimInvitation.statusAt + 1)}): it is newer than the file’s (“Invited”, ${day(kimInvitation.statusAt)}).`,
    ]);
    expect(ok(await listingOf(to, KIM))).toEqual(laterKim);
    expect(ok(await listingOf(to, { platform: 'youtube', handle: 'TechTom' }))).toMatchObject({ handle: 'TechTom', listingId: OTHER_LISTING.id, linkedAt: T + 40 });
    expect(await to.get('invitations', kimInvitation.id)).toMatchObject({ status: 'listed', statusAt: kimInvitation.statusAt + 1 });
    expect(await to.get('invitations', miaInvitation.id)).toEqual(miaInvitation);
    expect(await to.get('invitations', own.id)).toEqual(own);
  });

  it('still reads a version-1 backup (no marketplace lists), leaving the stored ones alone', async () => {
    const v1 = JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: new Date(MS).toISOString(), creators: [], campaigns: [], entries: [], snapshots: [] });
    const preview = parseImport(v1, 'old.json', AT);
    expect(preview.fileError).toBeNull();
    expect(preview.backup).toMatchObject({ listings: [], invitations: [] });

    const db = await open();
    const link = ok(await linkListing(db, KIM, LISTING, T));
    const invitation = ok(await recordInvitation(db, KIM, null, MS));
    expect((await applyImport(db, preview, T + 10)).ok).toBe(true);
    expect(ok(await listingOf(db, KIM))).toEqual(link);
    expect(ok(await listInvitations(db)).items).toEqual([invitation]);
  });

  it('lists bad and duplicate marketplace records of a file and keeps the rest', async () => {
    const { db } = await filled();
    const backup = ok(await readBackup(db));
    const [listing] = backup.listings;
    const [invitation] = backup.invitations;
    const file = {
      ...JSON.parse(toJson(backup)),
      listings: [...backup.listings, { ...listing, handle: listing!.handle.toUpperCase() }, { ...listing, handle: 'other', url: 'http://market.example/l/1' }],
      invitations: [...backup.invitations, { ...invitation }, { ...invitation, id: 'x', status: 'paid' }],
    } as Record<string, unknown>;
    const preview = parseImport(JSON.stringify(file), 'b.json', AT);
    expect(preview.fileError).toBeNull();
    expect(preview.backup?.listings).toEqual(backup.listings);
    expect(preview.backup?.invitations).toEqual(backup.invitations);
    expect(preview.invalid.map((r) => plain(r.reason))).toEqual([
      'listing #3: the same listing as #1.',
      'listing #4: url: must be a web address starting with https://.',
      'invitation #3: the same invitation as #1.',
      'invitation #4: status: must be one of: invited, joined, listed.',
    ]);
    const damaged = parseImport(JSON.stringify({ ...file, invitations: 'none' }), 'b.json', AT);
    expect(damaged.fileError).toBe('This backup is incomplete: its invitations list is missing or damaged.');
  });
  it('imports a listing link only when it is on the marketplace of the settings, saying so per record', async () => {
    const { db: from } = await filled();
    const backup = ok(await readBackup(from));
    const file = {
      ...JSON.parse(toJson(backup)),
      listings: [
        ...backup.listings,
        { ...backup.listings[0]!, handle: 'phisher', url: 'https://evil.example/l/knit-kits/123-knit-kits' },
        { ...backup.listings[0]!, handle: 'lookalike', url: 'https://market.example.evil.example/l/x/1' },
        { ...backup.listings[0]!, handle: 'other_port', url: 'https://market.example:8443/l/x/1' },
      ],
    } as Record<string, unknown>;
    const preview = parseImport(JSON.stringify(file), 'b.json', AT);
    expect(preview.invalid.map((r) => plain(r.reason))).toEqual([
      'listing #3: listing link https://evil.example/l/knit-kits/123-knit-kits is not on your marketplace (https://market.example), so it was not imported.',
      'listing #4: listing link https://market.example.evil.example/l/x/1 is not on your marketplace (https://market.example), so it was not imported.',
      'listing #5: listing link https://market.example:8443/l/x/1 is not on your marketplace (https://market.example), so it was not imported.',
    ]);
    const to = await open(NAMES[1]);
    expect(ok(await applyImport(to, preview, T + 1000))).toMatchObject({ listings: 2 });
    expect((await to.getAll('listings')).map((l) => l.url).sort()).toEqual([LISTING.url, OTHER_LISTING.url].sort());

    // With another marketplace in the settings, none of them is imported.
    const elsewhere = parseImport(JSON.stringify(file), 'b.json', { ...AT, marketplace: { ...MARKET, baseUrl: 'https://www.reloquence.com' } });
    expect(elsewhere.backup?.listings).toEqual([]);
    expect(elsewhere.invalid).toHaveLength(5);
    expect(plain(elsewhere.invalid[0]!.reason)).toMatch(/^listing #1: listing link https:\/\/market\.example\/l\/.* is not on your marketplace \(https:\/\/www\.reloquence\.com\)/);
  });

  describe('an invitation of the file whose id is already stored', () => {
    async function importing(stored: StoredInvitation, inFile: StoredInvitation) {
      const db = await open(NAMES[1]);
      await db.put('invitations', stored);
      const file = {
        format: BACKUP_FORMAT,
        version: 2,
        creators: [],
        campaigns: [],
        entries: [],
        snapshots: [],
        listings: [],
        invitations: [
          {
            id: inFile.id,
            platform: inFile.platform,
            handle: inFile.handle,
            displayName: inFile.displayName,
            campaign: inFile.campaign,
            invitedAt: new Date(inFile.invitedAt).toISOString(),
            status: inFile.status,
            statusAt: new Date(inFile.statusAt).toISOString(),
          },
        ],
      };
      const preview = parseImport(JSON.stringify(file, null, 1), 'b.json', AT);
      expect(preview.invalid).toEqual([]);
      expect(preview.where.invitations).toEqual(['invitation #1 (line 10)']);
      const counts = ok(await applyImport(db, preview, T + 1000));
      return { counts, kept: counts.kept.map(plain), now: await db.get('invitations', stored.id) };
    }
    const stored: StoredInvitation = {
      id: 'inv-1',
      platform: 'instagram',
      handle: 'Maker.Kim',
      handleKey: 'maker.kim',
      displayName: null,
      campaign: null,
      invitedAt: MS,
      status: 'joined',
      statusAt: MS + 3_600_000,
    };

    it('replaces it when it is a later step of the same invitation', async () => {
      const later = { ...stored, status: 'listed' as const, statusAt: stored.statusAt + 60_000 };
      const { counts, now } = await importing(stored, later);
      expect(counts).toMatchObject({ invitations: 1, kept: [] });
      expect(now).toEqual(later);
    });

    it('keeps a stored one with a later status date, and says so', async () => {
      const older = { ...stored, status: 'listed' as const, statusAt: stored.statusAt - 60_000 };
      const { counts, kept, now } = await importing(stored, older);
      expect(counts.invitations).toBe(0);
      expect(now).toEqual(stored);
      expect(kept).toEqual([
        'invitation #1 (line 10): kept the stored invitation of @Maker.Kim on Instagram (“Joined”, 2025-06-15): it is newer than the file’s (“Posted a listing”, 2025-06-15).',
      ]);
    });

    it('never moves a status back, even dated later, and says so', async () => {
      const back = { ...stored, status: 'invited' as const, statusAt: stored.statusAt + 86_400_000 };
      const { kept, now } = await importing(stored, back);
      expect(now).toEqual(stored);
      expect(kept).toEqual([
        'invitation #1 (line 10): kept the stored invitation of @Maker.Kim on Instagram (“Joined”, 2025-06-15): the file’s would move it back (“Invited”, 2025-06-16).',
      ]);
    });

    it('keeps it when the file gives the same id to another creator or another date invited', async () => {
      const other = { ...stored, handle: 'someone.else', handleKey: 'someone.else', status: 'listed' as const, statusAt: stored.statusAt + 60_000 };
      const first = await importing(stored, other);
      expect(first.now).toEqual(stored);
      expect(first.kept).toEqual([
        'invitation #1 (line 10): not imported: the invitation stored with the same id is for @Maker.Kim on Instagram, invited 2025-06-15; the file’s is for @someone.else on Instagram, invited 2025-06-15. The stored one was kept.',
      ]);
      for (const db of opened.splice(0)) db.close();
      await deleteDB(NAMES[1]!);
      const redated = { ...stored, invitedAt: stored.invitedAt - 86_400_000 * 30, status: 'listed' as const, statusAt: stored.statusAt + 60_000 };
      const second = await importing(stored, redated);
      expect(second.now).toEqual(stored);
      expect(second.kept[0]).toMatch(/^invitation #1 \(line 10\): not imported: .* invited 2025-06-15; the file’s is for @Maker\.Kim on Instagram, invited 2025-05-16\. The stored one was kept\.$/);
    });

    it('leaves an identical one alone without a word', async () => {
      const { counts, now } = await importing(stored, { ...stored });
      expect(counts).toMatchObject({ invitations: 0, kept: [] });
      expect(now).toEqual(stored);
    });
  });
});

describe('the export', () => {
  it('lists every stored record it leaves out, with the reason, instead of dropping it silently', async () => {
    const db = await open();
    ok(await linkListing(db, KIM, LISTING, T));
    const good = ok(await recordInvitation(db, KIM, null, MS));
    await db.put('invitations', { ...good, id: 'broken', status: 'gone' } as unknown as StoredInvitation);
    await db.put('listings', { platform: 'instagram', handleKey: 'chef.jo', handle: 'chef.jo', url: 'javascript:alert(1)', listingId: '1', slug: null, linkedAt: T, opened: null });
    await db.put('invitations', { id: 'scrap' } as unknown as StoredInvitation);
    const read = ok(await readBackup(db));
    expect(read.listings).toHaveLength(1);
    expect(read.invitations.map((i) => i.id)).toEqual([good.id]);
    expect(read.leftOut.map((l) => ({ record: plain(l.record), reason: l.reason }))).toEqual([
      { record: 'the listing link of @chef.jo on Instagram', reason: 'listing link must be a web address starting with https://' },
      { record: 'the invitation of @Maker.Kim on Instagram', reason: 'status is not accepted by the shortlist' },
      { record: 'an invitation', reason: 'platform is missing' },
    ]);
    // The backup file itself is the same as before: the list is for the person exporting.
    expect(JSON.parse(toJson(read))).not.toHaveProperty('leftOut');
  });
});
