/**
 * The user's dealings with the marketplace, kept per creator: the marketplace listing linked to
 * a creator, and the invitations the user sent (lib/marketplace/invites.ts). Kept so that a
 * creator's listing is one click away, and so that the invitations that earned a fee discount
 * (the creator posted a listing) can be told from those still pending.
 *
 * Rules (those of ./shortlist.ts):
 * - Every operation is one transaction, with its reads and writes inside it, and returns a
 *   {@link StoreResult}: bad input and storage failures come back as a user-facing message.
 * - Everything written is validated with zod; everything read back is parsed again, and records
 *   that no longer parse are skipped (and counted where a list is returned).
 * - A creator is its platform and handle, matched case-insensitively through {@link handleKey}.
 * - Times: a listing's times are Unix seconds, like the rest of the store. An invitation's times
 *   (`invitedAt`, `statusAt`) are Unix MILLISECONDS, as {@link InvitationSchema} defines them, and
 *   the `nowMs` of the invitation operations is in milliseconds too.
 * - A creator with a linked listing has posted one: opening it through the extension
 *   ({@link noteListingOpened}) moves that creator's pending invitations to "listed".
 */
import * as z from 'zod/mini';
import type { IDBPDatabase } from 'idb';
import { cleanPageText } from '../marketplace/drafts';
import { INVITATION_STATUSES, InvitationSchema, type InvitationStatus } from '../marketplace/invites';
import { MAX_CAMPAIGN_TAG_LENGTH } from '../marketplace/links';
import type { Platform } from '../platforms/types';
import { PlatformSchema } from '../schema';
import type { LensDB } from './db';
import { inTransaction, StoreInputError, withStoreErrors, type StoreResult } from './errors';
import { HandleKeySchema, handleKey, type Listed } from './shortlist';

type Db = IDBPDatabase<LensDB>;

// ---------------------------------------------------------------------------------------------
// Records

export const MAX_URL_LENGTH = 2000;
export const MAX_LISTING_ID_LENGTH = 200;
export const MAX_SLUG_LENGTH = 200;
export const MAX_HANDLE_LENGTH = 200;
export const MAX_DISPLAY_NAME_LENGTH = 500;

const seconds = z.number().check(z.gte(0), z.lte(1e11));

/** True when the string holds a C0/C1 control character (as the backup refuses them). */
function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** Listing links are opened: https only, no spaces, no user name or password in them. */
function isHttpsAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const httpsAddress = z.string().check(
  z.maxLength(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`),
  z.refine(isHttpsAddress, 'must be a web address starting with https://'),
);
/** One line of text, 1 to `max` characters. */
const line = (max: number) =>
  z.string().check(
    z.minLength(1, 'cannot be empty'),
    z.maxLength(max, `must be at most ${max} characters`),
    z.refine((s) => !hasControlChars(s), 'must not contain control characters'),
  );
const handleText = z.string().check(z.minLength(1, 'cannot be empty'), z.maxLength(MAX_HANDLE_LENGTH, `must be at most ${MAX_HANDLE_LENGTH} characters`));

/** The marketplace listing linked to a creator. Key [platform, handleKey]. */
export const ListingLinkSchema = z.object({
  platform: PlatformSchema,
  /** Lower-cased handle without @: the creator's identity. */
  handleKey: HandleKeySchema,
  /** The handle as the user or the page last wrote it. */
  handle: handleText,
  /** The listing's page on the marketplace. */
  url: httpsAddress,
  listingId: line(MAX_LISTING_ID_LENGTH),
  slug: z.nullable(line(MAX_SLUG_LENGTH)),
  /** Unix seconds of the (latest) linking. */
  linkedAt: seconds,
  /** Unix seconds the user last opened the listing through the extension; null = never. */
  opened: z.nullable(seconds),
});
export type ListingLink = z.infer<typeof ListingLinkSchema>;

/**
 * An invitation as stored: the fields of {@link InvitationSchema} (times in Unix milliseconds,
 * handle without @), plus the creator's `handleKey` (for the `byCreator` index) and the
 * display name the invitation was written to, if known.
 */
export const StoredInvitationSchema = z.object({
  ...InvitationSchema.shape,
  handleKey: HandleKeySchema,
  displayName: z.nullable(line(MAX_DISPLAY_NAME_LENGTH)),
});
export type StoredInvitation = z.infer<typeof StoredInvitationSchema>;

/** Which creator: the handle is matched case-insensitively, with or without a leading @. */
export interface Who {
  platform: Platform;
  handle: string;
}

/** A listing as `parseListingUrl` gives it, with the address it was read from (or built with `listingUrl`). */
export interface ListingInput {
  url: string;
  id: string;
  slug: string | null;
}

// ---------------------------------------------------------------------------------------------
// Input checks

const FIELD_LABELS: Record<string, string> = {
  handle: 'The handle',
  handleKey: 'The handle',
  url: 'The listing address',
  id: 'The listing id',
  listingId: 'The listing id',
  slug: 'The listing slug',
  displayName: 'The display name',
  campaign: 'The campaign tag',
  status: 'The status',
};

/** One plain sentence for the first problem zod found. */
function problemOf(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid.';
  const field = [...issue.path].reverse().find((p) => typeof p === 'string' && p in FIELD_LABELS);
  const label = typeof field === 'string' ? FIELD_LABELS[field] : 'A value';
  const message = issue.message.startsWith('Invalid') || issue.message.startsWith('Too ') ? 'is not valid' : issue.message;
  return `${label} ${message}.`;
}

/** Parse input or refuse it with a user-facing message (`refusal`, or the first problem found). */
function parseInput<T>(schema: z.ZodMiniType<T>, value: unknown, refusal?: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoreInputError(refusal ?? problemOf(parsed.error));
  return parsed.data;
}

/** A record read back, or null when it is missing or no longer parses. */
function parseRecord<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  if (value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const WhoSchema = z.object({ platform: PlatformSchema, handle: z.string() });

interface Creator {
  platform: Platform;
  /** Without @, as written. */
  handle: string;
  key: string;
}

function parseWho(who: Who): Creator {
  const { platform, handle: raw } = parseInput(WhoSchema, who, 'That creator is not valid.');
  const handle = raw.trim().replace(/^@+/, '');
  const key = handleKey(raw);
  if (!handle || !key) throw new StoreInputError('A creator without a handle cannot be found.');
  if (handle.length > MAX_HANDLE_LENGTH || key.length > MAX_HANDLE_LENGTH) {
    throw new StoreInputError(`The handle must be at most ${MAX_HANDLE_LENGTH} characters.`);
  }
  return { platform, handle, key };
}

/** A `now` given by the caller: a finite time, whole units (seconds or milliseconds). */
function parseTime(now: number, max: number): number {
  if (typeof now !== 'number' || !Number.isFinite(now) || now < 0 || now > max) throw new StoreInputError('The time given is not valid.');
  return Math.floor(now);
}

/** Only the form here: the values are checked as the record they make ({@link ListingLinkSchema}). */
const ListingInputSchema = z.object({
  url: z.string().check(z.trim()),
  id: z.string().check(z.trim()),
  slug: z.nullable(z.string().check(z.trim())),
});

const CampaignTagSchema = z.object({
  campaign: z.nullable(
    z.string().check(
      z.trim(),
      z.maxLength(MAX_CAMPAIGN_TAG_LENGTH, `must be at most ${MAX_CAMPAIGN_TAG_LENGTH} characters`),
      z.refine((s) => !hasControlChars(s), 'must not contain control characters'),
    ),
  ),
});

const InvitationIdSchema = z.string().check(z.minLength(1), z.maxLength(100));
const StatusSchema = z.enum(INVITATION_STATUSES);
const STATUS_REFUSAL = `The status must be one of: ${INVITATION_STATUSES.join(', ')}.`;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

const MAX_MS = 1e14;
const MAX_SECONDS = 1e11;

/** Newest first; the same order every time (ties by id). */
function newestFirst(a: StoredInvitation, b: StoredInvitation): number {
  return b.invitedAt - a.invitedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function parsedInvitations(raw: unknown[]): StoredInvitation[] {
  return raw.flatMap((r) => {
    const parsed = parseRecord(StoredInvitationSchema, r);
    return parsed ? [parsed] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Listings

/**
 * Link a marketplace listing to a creator, replacing any earlier link. `opened` is kept when the
 * same listing is linked again, and cleared for a different one.
 */
export function linkListing(db: Db, who: Who, listing: ListingInput, now: number = nowSeconds()): Promise<StoreResult<ListingLink>> {
  return withStoreErrors(async () => {
    const creator = parseWho(who);
    const input = parseInput(ListingInputSchema, listing, 'That listing is not valid.');
    const at = parseTime(now, MAX_SECONDS);
    const draft = {
      platform: creator.platform,
      handleKey: creator.key,
      handle: creator.handle,
      url: input.url,
      listingId: input.id,
      slug: input.slug || null,
      linkedAt: at,
      opened: null,
    };
    const checked = parseInput(ListingLinkSchema, draft);
    return inTransaction(db, ['listings'], 'readwrite', async (tx) => {
      const stored = parseRecord(ListingLinkSchema, await tx.store.get([creator.platform, creator.key]));
      const link: ListingLink = { ...checked, opened: stored?.listingId === checked.listingId ? stored.opened : null };
      await tx.store.put(link);
      return link;
    });
  });
}

/** Remove a creator's listing link; false when there was none. */
export function unlinkListing(db: Db, who: Who): Promise<StoreResult<boolean>> {
  return withStoreErrors(async () => {
    const creator = parseWho(who);
    return inTransaction(db, ['listings'], 'readwrite', async (tx) => {
      const key: [string, string] = [creator.platform, creator.key];
      if ((await tx.store.getKey(key)) === undefined) return false;
      await tx.store.delete(key);
      return true;
    });
  });
}

/** The creator's listing link; null when there is none (or it no longer parses). */
export function listingOf(db: Db, who: Who): Promise<StoreResult<ListingLink | null>> {
  return withStoreErrors(async () => {
    const creator = parseWho(who);
    return inTransaction(db, ['listings'], 'readonly', async (tx) =>
      parseRecord(ListingLinkSchema, await tx.store.get([creator.platform, creator.key])),
    );
  });
}

/**
 * The user opened the creator's listing through the extension: note when (`now`, Unix seconds),
 * and, since the creator has posted a listing, move their invitations still "invited" or
 * "joined" to "listed" (statusAt = `now` in milliseconds), in the same transaction. Nothing
 * changes when the creator has no listing linked (`listing` is null).
 */
export function noteListingOpened(
  db: Db,
  who: Who,
  now: number = nowSeconds(),
): Promise<StoreResult<{ listing: ListingLink | null; promoted: StoredInvitation[] }>> {
  return withStoreErrors(async () => {
    const creator = parseWho(who);
    const at = parseTime(now, MAX_SECONDS);
    return inTransaction(db, ['listings', 'invitations'], 'readwrite', async (tx) => {
      const listings = tx.objectStore('listings');
      const stored = parseRecord(ListingLinkSchema, await listings.get([creator.platform, creator.key]));
      if (!stored) return { listing: null, promoted: [] };
      const listing: ListingLink = { ...stored, opened: at };
      await listings.put(listing);
      const invitations = tx.objectStore('invitations');
      const mine = parsedInvitations(await invitations.index('byCreator').getAll([creator.platform, creator.key]));
      const promoted: StoredInvitation[] = [];
      for (const invitation of mine) {
        if (invitation.status === 'listed') continue;
        const next = parseInput(StoredInvitationSchema, { ...invitation, status: 'listed', statusAt: at * 1000 });
        await invitations.put(next);
        promoted.push(next);
      }
      return { listing, promoted: promoted.sort(newestFirst) };
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Invitations

/**
 * Record an invitation sent to a creator: a new record every time (a creator can be invited
 * again), status "invited". `campaign` is the utm_campaign tag of the invite link ('' = none);
 * `nowMs` is Unix milliseconds.
 */
export function recordInvitation(
  db: Db,
  who: Who & { displayName?: string | null },
  campaign: string | null,
  nowMs: number = Date.now(),
): Promise<StoreResult<StoredInvitation>> {
  return withStoreErrors(async () => {
    const creator = parseWho(who);
    const { campaign: tag } = parseInput(CampaignTagSchema, { campaign: campaign ?? null });
    const at = parseTime(nowMs, MAX_MS);
    const name = cleanPageText(who.displayName);
    const invitation = parseInput(StoredInvitationSchema, {
      id: crypto.randomUUID(),
      platform: creator.platform,
      handle: creator.handle,
      handleKey: creator.key,
      displayName: name || null,
      campaign: tag || null,
      invitedAt: at,
      status: 'invited',
      statusAt: at,
    });
    return inTransaction(db, ['invitations'], 'readwrite', async (tx) => {
      await tx.store.add(invitation);
      return invitation;
    });
  });
}

/** Every invitation, newest first; records that no longer parse are skipped and counted. */
export function listInvitations(db: Db): Promise<StoreResult<Listed<StoredInvitation>>> {
  return withStoreErrors(() =>
    inTransaction(db, ['invitations'], 'readonly', async (tx) => {
      const raw = await tx.store.getAll();
      const items = parsedInvitations(raw).sort(newestFirst);
      return { items, skipped: raw.length - items.length };
    }),
  );
}

/** The invitations sent to one creator, newest first. */
export function invitationsOf(db: Db, who: Who): Promise<StoreResult<StoredInvitation[]>> {
  return withStoreErrors(async () => {
    const creator = parseWho(who);
    return inTransaction(db, ['invitations'], 'readonly', async (tx) =>
      parsedInvitations(await tx.store.index('byCreator').getAll([creator.platform, creator.key])).sort(newestFirst),
    );
  });
}

/** Set an invitation's status by hand (the user knows the creator joined, say); `nowMs` dates it. */
export function setInvitationStatus(
  db: Db,
  id: string,
  status: InvitationStatus,
  nowMs: number = Date.now(),
): Promise<StoreResult<StoredInvitation>> {
  return withStoreErrors(async () => {
    const key = parseInput(InvitationIdSchema, id, 'That invitation no longer exists.');
    const next = parseInput(StatusSchema, status, STATUS_REFUSAL);
    const at = parseTime(nowMs, MAX_MS);
    return inTransaction(db, ['invitations'], 'readwrite', async (tx) => {
      const stored = parseRecord(StoredInvitationSchema, await tx.store.get(key));
      if (!stored) throw new StoreInputError('That invitation no longer exists.');
      const updated = parseInput(StoredInvitationSchema, { ...stored, status: next, statusAt: at });
      await tx.store.put(updated);
      return updated;
    });
  });
}

/** Delete an invitation; false when there was none. */
export function deleteInvitation(db: Db, id: string): Promise<StoreResult<boolean>> {
  return withStoreErrors(async () => {
    const key = parseInput(InvitationIdSchema, id, 'That invitation no longer exists.');
    return inTransaction(db, ['invitations'], 'readwrite', async (tx) => {
      if ((await tx.store.getKey(key)) === undefined) return false;
      await tx.store.delete(key);
      return true;
    });
  });
}
