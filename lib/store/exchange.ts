/**
 * Export and import of the shortlist: CSV for spreadsheets (one row per campaign entry) and a
 * JSON backup of everything (to keep, or to move to another browser): the shortlist, its
 * history, and (from backup version 2) the marketplace listings linked to creators and the
 * invitations sent. A version-1 backup, which has no such lists, is still read (as empty lists).
 *
 * This module works on plain data only: the database layer turns its records into these shapes
 * and applies an import preview in one transaction. Nothing here throws on what a file carries:
 * a file that cannot be read gives `fileError`, a row that cannot be used is listed in `invalid`
 * with its line in the file and the reason, in words a user can act on. A row is usable when it
 * has the form of its format (the schemas below) AND the store will accept it (./import-check.ts,
 * the very checks applying the import makes again): the preview never counts a row that applying
 * then refuses. A backup's listing links must lead to the marketplace of the settings at import
 * time (`ImportOptions.marketplace`).
 */
import Papa from 'papaparse';
import * as z from 'zod/mini';
import { isolate } from '../bidi';
import type { Platform } from '../platforms/types';
import type { SizeClass } from '../metrics/tiers';
import type { InvitationStatus } from '../marketplace/invites';
import type { Marketplace } from '../marketplace/links';
import { DEFAULT_SETTINGS } from '../settings';
import { creatorFromUrl, looksLikeAddress, type CreatorFromUrl } from './creator-url';
import { ENTRY_STATUSES, MAX_STORED_BRANDS, type EntryStatus } from './shortlist';
import {
  backupCreatorProblem,
  campaignProblem,
  entryProblem,
  invitationProblem,
  checkRow,
  listingProblem,
  snapshotProblem,
  type CheckedRow,
  type ImportContext,
} from './import-check';

// ---------------------------------------------------------------------------------------------
// Field rules, shared by the CSV rows and the backup records
// ---------------------------------------------------------------------------------------------

/** The statuses are the store's own list (./shortlist.ts): one list for the table, the files and the checks. */
export { ENTRY_STATUSES, type EntryStatus };

const PLATFORMS = ['instagram', 'youtube', 'tiktok', 'x'] as const satisfies readonly Platform[];
const INVITATION_STATUSES = ['invited', 'joined', 'listed'] as const satisfies readonly InvitationStatus[];
const SIZE_CLASSES = ['nano', 'micro', 'midi', 'macro', 'mega'] as const satisfies readonly SizeClass[];

/** Largest number accepted anywhere (the same ceiling as the snapshot counts). */
/** The store's own bound on money and counts (lib/store/shortlist.ts): what imports, stores. */
const MAX_NUMBER = 1e12;
/** Limits kept in step with the database layer (./shortlist.ts), so an import it accepts here it can store. */
export const LIMITS = {
  campaign: 100,
  handle: 200,
  displayName: 500,
  url: 2000,
  tierName: 200,
  tag: 40,
  tags: 20,
  notes: 10_000,
  couponCode: 200,
  id: 100,
  listingId: 200,
  slug: 200,
  campaignTag: 100,
} as const;

/** True when the string holds a C0/C1 control character (newlines and tabs allowed only if asked). */
function hasControlChars(s: string, allowLineBreaks = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (allowLineBreaks && (c === 9 || c === 10 || c === 13)) continue;
    if (c < 32 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/**
 * Handles on the four platforms are letters, digits, `.`, `_` and `-` (YouTube also allows the
 * middle dot and letters of any script). Anything else — spaces, slashes, quotes, markup — means
 * the cell is not a handle.
 */
const HANDLE_PATTERN = /^[\p{L}\p{M}\p{N}._\-·]+$/u;

function isHttpUrl(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const amount = z.nullable(
  z.number('must be a number').check(z.gte(0, 'must be 0 or more'), z.lte(MAX_NUMBER, 'is too large')),
);
const wholeAmount = z.nullable(
  z.int('must be a whole number').check(z.gte(0, 'must be 0 or more'), z.lte(MAX_NUMBER, 'is too large')),
);
const rank = z.nullable(z.int('must be a whole number').check(z.gte(1, 'must be 1 or more'), z.lte(1000, 'is too large')));

/** One line of text: no control characters, at most `max` characters. */
function line(max: number) {
  return z.string('must be text').check(
    z.maxLength(max, `is longer than ${max} characters`),
    z.refine((s) => !hasControlChars(s), 'contains control characters'),
  );
}
const optionalLine = (max: number) => z.nullable(line(max).check(z.minLength(1, 'is empty')));

const url = z.nullable(
  z.string('must be text').check(
    z.maxLength(LIMITS.url, `is longer than ${LIMITS.url} characters`),
    z.refine(isHttpUrl, 'must be a web address starting with http:// or https://'),
  ),
);

/** As the store keeps a listing's address: https, without a user name or password. */
function isHttpsUrl(s: string): boolean {
  if (!isHttpUrl(s)) return false;
  const parsed = new URL(s);
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

/** A marketplace listing's address. */
const httpsUrl = z.string('must be text').check(
  z.maxLength(LIMITS.url, `is longer than ${LIMITS.url} characters`),
  z.refine(isHttpsUrl, 'must be a web address starting with https://'),
);

const handle = z.string('must be text').check(
  z.minLength(1, 'is missing'),
  z.maxLength(LIMITS.handle, `is longer than ${LIMITS.handle} characters`),
  z.refine((s) => HANDLE_PATTERN.test(s), 'must be letters, digits, ".", "_" or "-" (no spaces or @ inside)'),
);

const isoDateTime = z.iso.datetime({ offset: true, error: 'must be a date like 2025-03-01 or 2025-03-01T10:00:00Z' });

const tag = line(LIMITS.tag).check(
  z.minLength(1, 'is empty'),
  z.refine((s) => !s.includes(';'), 'must not contain ";" (it separates tags)'),
  z.refine((s) => s.trim() === s, 'must not start or end with spaces'),
);

const platform = z.enum(PLATFORMS, 'must be instagram, youtube, tiktok or x');
const status = z.enum(ENTRY_STATUSES, `must be one of: ${ENTRY_STATUSES.join(', ')}`);

/** The numbers the shortlist keeps about a creator, as of their latest snapshot. */
const creatorNumbers = {
  followers: amount,
  /** Engagement rate per follower, in percent. */
  er: amount,
  /** Engagement per view, in percent. */
  erPerView: amount,
  tierRank: rank,
  tierName: optionalLine(LIMITS.tierName),
  sizeClass: z.nullable(z.enum(SIZE_CLASSES, `must be one of: ${SIZE_CLASSES.join(', ')}`)),
  priceLow: amount,
  pricePoint: amount,
  priceHigh: amount,
};

/** Small counts (signals, posts read): whole numbers. */
const smallCount = z.nullable(z.int('must be a whole number').check(z.gte(0, 'must be 0 or more'), z.lte(1e6, 'is too large')));
/** A handle as the posts name it: lower-case, without @ (./shortlist.ts `BrandSchema`). */
const brandHandle = z.string('must be text').check(
  z.maxLength(100, 'is longer than 100 characters'),
  z.refine((s) => HANDLE_PATTERN.test(s), 'must be a handle: letters, digits, ".", "_" or "-"'),
);
export const BrandRecordSchema = z.object({
  handle: brandHandle,
  /** The recent posts that name it; null when the file does not say. */
  posts: z.nullable(z.int('must be a whole number').check(z.gte(1, 'must be 1 or more'), z.lte(1e6, 'is too large'))),
});
export type BrandRecord = z.infer<typeof BrandRecordSchema>;
const signalId = z.string('must be text').check(z.regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a signal id such as like-comment-ratio'));

/**
 * The audience signals and what the posts say, as of the creator's latest reading (README,
 * "Audience signals" and "What the posts say"). Null is unknown — an empty cell — never 0.
 */
const creatorInsights = {
  signalsFine: smallCount,
  signalsToCheck: smallCount,
  signalsUnknown: smallCount,
  /** The ids of the signals to check. */
  signalIdsToCheck: z.nullable(z.array(signalId).check(z.maxLength(50, 'has more than 50 signals'))),
  likesPerComment: z.nullable(z.number('must be a number').check(z.gte(0, 'must be 0 or more'), z.lte(1e9, 'is too large'))),
  /** Recent posts whose caption, tags or flag the page carried. */
  postsRead: smallCount,
  sponsoredPosts: smallCount,
  /** Sponsored posts' mean engagement ÷ the others' (0.72 = 72 %). */
  sponsoredVsOrganic: z.nullable(z.number('must be a number').check(z.gte(0, 'must be 0 or more'), z.lte(1e6, 'is too large'))),
  brands: z.nullable(z.array(BrandRecordSchema).check(z.maxLength(MAX_STORED_BRANDS, `has more than ${MAX_STORED_BRANDS} brands`))),
  undisclosedPosts: smallCount,
};

/** What a brand records on a campaign entry. */
const entryFields = {
  status,
  agreedPrice: amount,
  tags: z.array(tag).check(z.maxLength(LIMITS.tags, `has more than ${LIMITS.tags} tags`)),
  notes: z.string('must be text').check(
    z.maxLength(LIMITS.notes, `is longer than ${LIMITS.notes} characters`),
    z.refine((s) => !hasControlChars(s, true), 'contains control characters'),
  ),
  couponCode: optionalLine(LIMITS.couponCode),
  affiliateLink: url,
  orders: wholeAmount,
  revenue: amount,
  cost: amount,
};

// ---------------------------------------------------------------------------------------------
// The CSV row
// ---------------------------------------------------------------------------------------------

/**
 * One CSV row: a campaign entry with its creator's latest numbers. `campaign` is the campaign's
 * name; an empty name is a creator on the shortlist but on no campaign (its entry columns then
 * hold the defaults). Unknown numbers are null (an empty cell), never 0.
 */
export const ExportRowSchema = z.object({
  campaign: line(LIMITS.campaign).check(z.refine((s) => s.trim() === s, 'must not start or end with spaces')),
  platform,
  handle,
  displayName: optionalLine(LIMITS.displayName),
  profileUrl: url,
  ...creatorNumbers,
  ...creatorInsights,
  ...entryFields,
  /** When the creator was added to the campaign (ISO 8601). */
  addedAt: isoDateTime,
});
export type ExportRow = z.infer<typeof ExportRowSchema>;

/** CSV columns, in order; the header row uses these names. */
export const EXPORT_COLUMNS = [
  'campaign',
  'platform',
  'handle',
  'displayName',
  'profileUrl',
  'followers',
  'er',
  'erPerView',
  'tierRank',
  'tierName',
  'sizeClass',
  'priceLow',
  'pricePoint',
  'priceHigh',
  'signalsFine',
  'signalsToCheck',
  'signalsUnknown',
  'signalIdsToCheck',
  'likesPerComment',
  'postsRead',
  'sponsoredPosts',
  'sponsoredVsOrganic',
  'brands',
  'undisclosedPosts',
  'status',
  'agreedPrice',
  'tags',
  'notes',
  'couponCode',
  'affiliateLink',
  'orders',
  'revenue',
  'cost',
  'addedAt',
] as const satisfies ReadonlyArray<keyof ExportRow>;
type Column = (typeof EXPORT_COLUMNS)[number];

/** Without these a row cannot name a creator: a header lacking one is not a shortlist file. */
export const REQUIRED_COLUMNS: readonly Column[] = ['platform', 'handle'];

const NUMBER_COLUMNS = new Set<Column>([
  'followers', 'er', 'erPerView', 'tierRank', 'priceLow', 'pricePoint', 'priceHigh', 'agreedPrice', 'orders', 'revenue', 'cost',
  'signalsFine', 'signalsToCheck', 'signalsUnknown', 'likesPerComment', 'postsRead', 'sponsoredPosts', 'sponsoredVsOrganic', 'undisclosedPosts',
]);
/** Tags, signal ids and brands are lists in one cell, `;`-separated. */
const TAG_SEPARATOR = '; ';

/** A brand in a cell: "ridgeline.gear (2)" (no @: a cell starting with @ reads as a formula). */
function brandCell(b: BrandRecord): string {
  return b.posts === null ? b.handle : `${b.handle} (${b.posts})`;
}

/** The identity of a row for "new or updated": platform, lower-cased handle, campaign name. */
export function rowKey(platformName: string, handleText: string, campaign: string): string {
  // U+001F (unit separator) cannot occur in a handle or a campaign name (control characters are refused).
  return [platformName, handleText.toLowerCase(), campaign.trim().toLowerCase()].join('\u001f');
}

// ---------------------------------------------------------------------------------------------
// CSV injection (OWASP): a spreadsheet runs a cell beginning with = + - @ (or tab / CR) as a formula
// ---------------------------------------------------------------------------------------------

const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * Prefix `'` to a text cell a spreadsheet would run as a formula. A cell that already begins
 * with `'` before such a character gets one more, so that {@link restoreCell} can always tell
 * our prefix from the user's own apostrophe: the two functions are exact inverses.
 */
export function neutraliseCell(s: string): string {
  // Most cells begin with a letter or digit: no need for the regular expressions (10,000 rows
  // of 24 cells are exported at a click).
  if (s === '' || SAFE_FIRST.test(s[0]!)) return s;
  return FORMULA_START.test(s.replace(/^'+/, '')) ? `'${s}` : s;
}
/** A first character that no formula start can follow: not ' + - = @, a tab, a CR or other space. */
const SAFE_FIRST = /^[\p{L}\p{N}_.#/(]$/u;

/** Undo {@link neutraliseCell}. */
export function restoreCell(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s.replace(/^'+/, '')) ? s.slice(1) : s;
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

const BOM = '\ufeff';

/** A number as a cell: unknown, NaN and ±Infinity are an empty cell, never 0. */
function numberCell(n: unknown): number | '' {
  return typeof n === 'number' && Number.isFinite(n) ? n : '';
}

function cellOf(row: ExportRow, column: Column): string | number {
  if (column === 'brands') return neutraliseCell((row.brands ?? []).map(brandCell).join(TAG_SEPARATOR));
  const value = row[column];
  if (NUMBER_COLUMNS.has(column)) return numberCell(value);
  if (Array.isArray(value)) return neutraliseCell(value.join(TAG_SEPARATOR));
  if (typeof value === 'string') return neutraliseCell(value);
  return '';
}

/**
 * CSV for Excel and Sheets: a header row, UTF-8 BOM (Excel reads accents correctly only with it),
 * CRLF line ends, text cells neutralised against formulas, numbers left as numbers.
 */
export function toCsv(rows: readonly ExportRow[]): string {
  const data = rows.map((row) => EXPORT_COLUMNS.map((column) => cellOf(row, column)));
  return BOM + Papa.unparse({ fields: [...EXPORT_COLUMNS], data }, { newline: '\r\n', header: true });
}

// ---------------------------------------------------------------------------------------------
// The JSON backup
// ---------------------------------------------------------------------------------------------

export const BACKUP_FORMAT = 'reloquence-lens-backup';
/** 2: adds `listings` and `invitations`. Version-1 files are still read. */
export const BACKUP_VERSION = 2;
/** The backup versions this extension reads. */
const READABLE_VERSIONS: readonly number[] = [1, 2];

/** A shortlisted creator (keyed by platform + lower-cased handle) with their latest numbers. */
export const CreatorRecordSchema = z.object({
  platform,
  handle,
  displayName: optionalLine(LIMITS.displayName),
  profileUrl: url,
  ...creatorNumbers,
  // Optional: backups written before they were kept have none (read as unknown).
  ...z.partial(z.object(creatorInsights)).shape,
  addedAt: isoDateTime,
  /** When the numbers were read. */
  updatedAt: isoDateTime,
});
export type CreatorRecord = z.infer<typeof CreatorRecordSchema>;

export const CampaignRecordSchema = z.object({
  id: line(LIMITS.id).check(z.minLength(1, 'is missing')),
  name: line(LIMITS.campaign).check(
    z.minLength(1, 'is missing'),
    z.refine((s) => s.trim() === s, 'must not start or end with spaces'),
  ),
  budget: amount,
  createdAt: isoDateTime,
});
export type CampaignRecord = z.infer<typeof CampaignRecordSchema>;

/** A creator on a campaign. */
export const EntryRecordSchema = z.object({
  campaignId: line(LIMITS.id).check(z.minLength(1, 'is missing')),
  platform,
  handle,
  ...entryFields,
  addedAt: isoDateTime,
});
export type EntryRecord = z.infer<typeof EntryRecordSchema>;

/** One dated visit to a profile, for growth history. */
export const HistoryRecordSchema = z.object({
  platform,
  handle,
  takenAt: isoDateTime,
  followers: amount,
  following: amount,
  postsCount: amount,
  totalLikes: amount,
  er: amount,
  erPerView: amount,
});
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;

/** The marketplace listing linked to a creator (keyed by platform + lower-cased handle). */
export const ListingRecordSchema = z.object({
  platform,
  handle,
  url: httpsUrl,
  listingId: line(LIMITS.listingId).check(z.minLength(1, 'is missing')),
  slug: optionalLine(LIMITS.slug),
  linkedAt: isoDateTime,
  /** When the user last opened it through the extension; null = never. */
  opened: z.nullable(isoDateTime),
});
export type ListingRecord = z.infer<typeof ListingRecordSchema>;

/** An invitation to the marketplace the user sent a creator (keyed by id). */
export const InvitationRecordSchema = z.object({
  id: line(LIMITS.id).check(z.minLength(1, 'is missing')),
  platform,
  handle,
  displayName: optionalLine(LIMITS.displayName),
  /** The invite link's utm_campaign tag. */
  campaign: optionalLine(LIMITS.campaignTag),
  invitedAt: isoDateTime,
  status: z.enum(INVITATION_STATUSES, `must be one of: ${INVITATION_STATUSES.join(', ')}`),
  /** When the status was last set. */
  statusAt: isoDateTime,
});
export type InvitationRecord = z.infer<typeof InvitationRecordSchema>;

export interface BackupData {
  creators: CreatorRecord[];
  campaigns: CampaignRecord[];
  entries: EntryRecord[];
  snapshots: HistoryRecord[];
  /** Empty when read from a version-1 backup. */
  listings: ListingRecord[];
  invitations: InvitationRecord[];
}

export interface Backup extends BackupData {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
}

/** Everything, as the backup file's text. */
export function toJson(backup: BackupData, exportedAt: Date = new Date()): string {
  const file: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    creators: backup.creators,
    campaigns: backup.campaigns,
    entries: backup.entries,
    snapshots: backup.snapshots,
    listings: backup.listings,
    invitations: backup.invitations,
  };
  return JSON.stringify(file, null, 1);
}

const creatorKey = (p: string, h: string) => `${p}\u001f${h.toLowerCase()}`;

/**
 * The CSV rows of a backup's data: one per campaign entry, plus one with an empty campaign for
 * each creator on no campaign, so a CSV export carries the whole shortlist. Entries whose
 * creator or campaign is missing are left out.
 */
export function exportRows(data: BackupData): ExportRow[] {
  const creators = new Map(data.creators.map((c) => [creatorKey(c.platform, c.handle), c]));
  const campaigns = new Map(data.campaigns.map((c) => [c.id, c]));
  const onCampaign = new Set<string>();
  const rows: ExportRow[] = [];
  for (const entry of data.entries) {
    const key = creatorKey(entry.platform, entry.handle);
    const creator = creators.get(key);
    const campaign = campaigns.get(entry.campaignId);
    if (!creator || !campaign) continue;
    onCampaign.add(key);
    rows.push(rowOf(creator, campaign.name, entry));
  }
  for (const [key, creator] of creators) {
    if (!onCampaign.has(key)) rows.push(rowOf(creator, '', null));
  }
  return rows;
}

/** One CSV row: a creator on a campaign (or on none, with `e` null and an empty campaign name). */
export function rowOf(c: CreatorRecord, campaign: string, e: EntryRecord | null): ExportRow {
  return {
    campaign,
    platform: c.platform,
    handle: c.handle,
    displayName: c.displayName,
    profileUrl: c.profileUrl,
    followers: c.followers,
    er: c.er,
    erPerView: c.erPerView,
    tierRank: c.tierRank,
    tierName: c.tierName,
    sizeClass: c.sizeClass,
    priceLow: c.priceLow,
    pricePoint: c.pricePoint,
    priceHigh: c.priceHigh,
    signalsFine: c.signalsFine ?? null,
    signalsToCheck: c.signalsToCheck ?? null,
    signalsUnknown: c.signalsUnknown ?? null,
    signalIdsToCheck: c.signalIdsToCheck ?? null,
    likesPerComment: c.likesPerComment ?? null,
    postsRead: c.postsRead ?? null,
    sponsoredPosts: c.sponsoredPosts ?? null,
    sponsoredVsOrganic: c.sponsoredVsOrganic ?? null,
    brands: c.brands ?? null,
    undisclosedPosts: c.undisclosedPosts ?? null,
    status: e?.status ?? 'to contact',
    agreedPrice: e?.agreedPrice ?? null,
    tags: e ? [...e.tags] : [],
    notes: e?.notes ?? '',
    couponCode: e?.couponCode ?? null,
    affiliateLink: e?.affiliateLink ?? null,
    orders: e?.orders ?? null,
    revenue: e?.revenue ?? null,
    cost: e?.cost ?? null,
    addedAt: e?.addedAt ?? c.addedAt,
  };
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

export interface InvalidRow {
  /**
   * The line of the file where the row or record begins (the header of a CSV is line 1). A
   * backup's reason also names the record by its list and position ("creator #3"), which is
   * what finds it in a file written on one line.
   */
  line: number;
  reason: string;
}

/** The lists of a backup, as {@link ImportPlaces} and the messages name them. */
export type BackupList = 'creators' | 'campaigns' | 'entries' | 'snapshots' | 'listings' | 'invitations';

/**
 * Where each valid row and record is in the file, as messages name it ("Line 14", "creator #3
 * (line 57)"): one label per item, in step with `rows` and with each list of `backup`.
 */
export type ImportPlaces = { rows: string[] } & Record<BackupList, string[]>;

export interface ImportPreview {
  kind: 'csv' | 'json';
  /** Valid rows (for a backup: its entries, and creators on no campaign, as rows). */
  rows: ExportRow[];
  invalid: InvalidRow[];
  /** Why the file as a whole cannot be imported; null when it can. */
  fileError: string | null;
  /** A backup's valid records, for the database layer to restore; null for CSV. */
  backup: BackupData | null;
  where: ImportPlaces;
  /** What the rows were checked against (./import-check.ts); applying checks them again with it. */
  context: ImportContext;
  /** A CSV's columns and the field each is read into; null for a backup (and a file that could not be read). */
  columns: ImportColumns | null;
  /**
   * Status texts of the file that are not statuses of the shortlist, with the status they were
   * read as: no row is dropped for its status. In the order first met.
   */
  statuses: StatusFound[];
}

/** The columns of a CSV and where each goes. */
export interface ImportColumns {
  /** The header row's cells, as written. */
  headers: string[];
  /** The field each column is read into, by position; null: not imported. */
  mapping: Array<ImportField | null>;
  /** The first row's cell of each column (shortened), to recognise what the column holds. */
  samples: string[];
  /** The platform given to rows that name none (no platform cell, no profile address). */
  defaultPlatform: Platform | null;
}

/** A status of the file that the shortlist does not have, and what it was read as. */
export interface StatusFound {
  /** As the file writes it (the first spelling met). */
  text: string;
  /** Lower-cased, separators as single spaces: the key of {@link ImportOptions.statusMap}. */
  key: string;
  rows: number;
  status: EntryStatus;
  /** How `status` was chosen: the user's choice, a guess from the word, or the first status for want of one. */
  by: 'chosen' | 'guessed' | 'default';
}

export interface ImportOptions {
  /**
   * The time of the import: `addedAt` of CSV rows that do not carry one, and the limit of dates
   * (none in the future). Defaults to now.
   */
  now?: Date;
  /**
   * The marketplace of the settings at import time: a backup's listing links must lead to it.
   * Defaults to the default marketplace.
   */
  marketplace?: Marketplace;
  /**
   * CSV: the field each column is read into, by position (as {@link ImportColumns.mapping}).
   * When absent or not of the header's length, the columns are guessed ({@link guessColumns}).
   */
  columns?: ReadonlyArray<ImportField | null>;
  /** Choices remembered from earlier imports: header (as {@link headerKey}) → field, or null for "not imported". */
  remembered?: Readonly<Record<string, ImportField | null>>;
  /** CSV: the platform of rows that name none. */
  defaultPlatform?: Platform | null;
  /** The status each unknown status text (its {@link statusKey}) is read as; others are guessed. */
  statusMap?: Readonly<Record<string, EntryStatus>>;
}

/** Larger files are refused rather than risking the tab's memory. */
export const MAX_IMPORT_CHARS = 100_000_000;

/**
 * Read an imported file's text. Never throws. Every row and record is checked as the store will
 * check it when the import is applied (./import-check.ts), so what the preview counts as
 * importable is what applying writes; what it cannot import is in `invalid`, with its line and
 * the field.
 */
export function parseImport(text: string, fileName: string, options: ImportOptions = {}): ImportPreview {
  const kind = looksLikeJson(text, fileName) ? 'json' : 'csv';
  const now = options.now ?? new Date();
  const context: ImportContext = { now: now.getTime(), marketplace: options.marketplace ?? DEFAULT_SETTINGS.marketplace };
  try {
    const problem = fileProblem(text);
    if (problem) return failed(kind, problem, context);
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const statuses = new StatusReading(options.statusMap ?? {});
    return kind === 'json' ? parseBackup(body, context, statuses) : parseCsv(body, now, context, options, statuses);
  } catch (error) {
    // Only a bug can land here; the user still gets a message rather than a broken screen.
    return failed(kind, `The file could not be read (${error instanceof Error ? error.message : 'unexpected error'}).`, context);
  }
}

// ---- Previews checked already ---------------------------------------------------------------

/** What a preview held when {@link parseImport} made it: every list, as the very records it checked. */
interface Sealed {
  context: ImportContext;
  where: ImportPlaces;
  lists: ReadonlyArray<readonly [live: readonly unknown[], copy: readonly unknown[]]>;
  /** A CSV's rows as the check parsed them into the store's records, in step with `rows`; null for a backup. */
  rowRecords: readonly CheckedRow[] | null;
}

const SEALED = new WeakMap<ImportPreview, Sealed>();

/**
 * Mark a preview as made and checked by {@link parseImport}: its rows and records are frozen
 * (a row cannot change under the preview; a changed one is a new object) and remembered.
 */
function sealed(preview: ImportPreview, rowRecords: readonly CheckedRow[] | null = null): ImportPreview {
  const lists: Array<readonly unknown[]> = [preview.rows, ...(preview.backup ? Object.values(preview.backup) : [])];
  for (const list of lists) {
    for (const item of list) {
      if (typeof item !== 'object' || item === null) continue;
      for (const value of Object.values(item)) if (Array.isArray(value)) Object.freeze(value);
      Object.freeze(item);
    }
  }
  SEALED.set(preview, { context: preview.context, where: preview.where, lists: lists.map((l) => [l, [...l]] as const), rowRecords });
  return preview;
}

/**
 * Whether `preview` is one {@link parseImport} made and nothing in it changed since: the same
 * context and places, and every list holding the very (frozen) records it checked. Its rows then
 * passed the import's checks (./import-check.ts) already, with that context; those checks are
 * pure, so applying need not run them a second time. Any other preview (changed, or built by
 * hand) is checked again in full.
 */
export function isUnchangedPreview(preview: ImportPreview): boolean {
  const seal = SEALED.get(preview);
  if (!seal || seal.context !== preview.context || seal.where !== preview.where) return false;
  const lists: Array<readonly unknown[]> = [preview.rows, ...(preview.backup ? Object.values(preview.backup) : [])];
  if (lists.length !== seal.lists.length) return false;
  return seal.lists.every(([live, copy], i) => lists[i] === live && live.length === copy.length && live.every((item, j) => item === copy[j]));
}

/**
 * The store's records of each row of `preview`, as its check parsed them (./import-check.ts
 * `checkRow`), in step with `preview.rows`: only for a CSV preview {@link isUnchangedPreview}
 * finds unchanged, else null. The records are this module's own copies: nothing outside can
 * have changed them.
 */
export function checkedRowRecords(preview: ImportPreview): readonly CheckedRow[] | null {
  const records = SEALED.get(preview)?.rowRecords ?? null;
  return records !== null && records.length === preview.rows.length && isUnchangedPreview(preview) ? records : null;
}

function noPlaces(): ImportPlaces {
  return { rows: [], creators: [], campaigns: [], entries: [], snapshots: [], listings: [], invitations: [] };
}

function failed(kind: ImportPreview['kind'], message: string, context: ImportContext, columns: ImportColumns | null = null): ImportPreview {
  return { kind, rows: [], invalid: [], fileError: message, backup: null, where: noPlaces(), context, columns, statuses: [] };
}

function looksLikeJson(text: unknown, fileName: unknown): boolean {
  if (typeof fileName === 'string' && /\.json$/i.test(fileName.trim())) return true;
  if (typeof text !== 'string') return false;
  const first = /\S/.exec(text.slice(0, 1000).replace(/^\ufeff/, ''));
  return first?.[0] === '{' || first?.[0] === '[';
}

/** What makes a file unreadable as a whole: not text, empty, too large, a spreadsheet or binary. */
function fileProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'The file could not be read as text.';
  if (text.length > MAX_IMPORT_CHARS) return `The file is too large to import (over ${MAX_IMPORT_CHARS / 1_000_000} million characters).`;
  if (text.replace(/^\ufeff/, '').trim() === '') return 'The file is empty.';
  if (text.startsWith('PK\u0003\u0004')) {
    return 'This is a spreadsheet file (.xlsx), not CSV. In Excel or Sheets, save or download it as "CSV (UTF-8)" and import that.';
  }
  if (looksBinary(text.slice(0, 65_536))) {
    return 'This file is not a text file (CSV or JSON). If it is a CSV saved as UTF-16 or another encoding, save it again as "CSV (UTF-8)".';
  }
  return null;
}

/** NUL characters, or many undecodable bytes (shown as U+FFFD), mean the bytes were not UTF-8 text. */
function looksBinary(head: string): boolean {
  let replaced = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd) replaced++;
  }
  return replaced > 8 && replaced / head.length > 0.01;
}

// ---- CSV ------------------------------------------------------------------------------------

/** What a column of a file can be read into: any column of the export. */
export type ImportField = Column;
export const IMPORT_FIELDS: readonly ImportField[] = EXPORT_COLUMNS;

/** The fields in words, for the column choice of the preview. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  campaign: 'Campaign',
  platform: 'Platform',
  handle: 'Handle (or profile address)',
  displayName: 'Display name',
  profileUrl: 'Profile address (URL)',
  followers: 'Followers',
  er: 'Engagement rate (%)',
  erPerView: 'Engagement per view (%)',
  tierRank: 'Tier number',
  tierName: 'Tier name',
  sizeClass: 'Size class',
  priceLow: 'Guide price, low',
  pricePoint: 'Guide price per post',
  priceHigh: 'Guide price, high',
  signalsFine: 'Audience signals fine',
  signalsToCheck: 'Audience signals to check',
  signalsUnknown: 'Audience signals unknown',
  signalIdsToCheck: 'Signals to check (ids, ;-separated)',
  likesPerComment: 'Likes per comment',
  postsRead: 'Posts read (captions, tags)',
  sponsoredPosts: 'Sponsored posts',
  sponsoredVsOrganic: 'Sponsored vs organic engagement (ratio)',
  brands: 'Brands worked with (;-separated)',
  undisclosedPosts: 'Posts to check for disclosure',
  status: 'Status',
  agreedPrice: 'Agreed price',
  tags: 'Tags',
  notes: 'Notes',
  couponCode: 'Coupon code',
  affiliateLink: 'Affiliate link',
  orders: 'Orders',
  revenue: 'Revenue',
  cost: 'Cost',
  addedAt: 'Date added',
};

/** Header cells are matched loosely: "Display name", "display_name" and "displayName" are one. */
export function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * What other tools call the fields (as {@link headerKey}s), in the order they are tried. Our
 * own column names are matched first, exactly; these come after, so a file of ours is read as
 * it was written.
 */
const HEADER_SYNONYMS: ReadonlyArray<readonly [ImportField, readonly string[]]> = [
  ['handle', ['username', 'user', 'handle', 'account', 'accountname', 'screenname', 'creatorhandle', 'influencerhandle', 'socialhandle', 'instagramhandle', 'tiktokhandle', 'youtubehandle', 'twitterhandle', 'xhandle', 'ighandle', 'instagramusername', 'tiktokusername', 'creator', 'influencer', 'login']],
  ['profileUrl', ['profileurl', 'profilelink', 'profile', 'url', 'link', 'accounturl', 'channelurl', 'channellink', 'socialurl', 'socialprofile', 'instagramurl', 'tiktokurl', 'youtubeurl', 'twitterurl', 'instagramlink', 'tiktoklink', 'youtubelink', 'profileaddress', 'address']],
  ['platform', ['platform', 'network', 'socialnetwork', 'socialplatform', 'channel', 'site', 'source', 'socialmedia', 'media']],
  ['displayName', ['name', 'fullname', 'displayname', 'creatorname', 'influencername', 'accountname', 'channelname', 'title', 'nickname']],
  ['followers', ['followers', 'followercount', 'followerscount', 'nooffollowers', 'numberoffollowers', 'subscribers', 'subscribercount', 'subs', 'fans', 'audience', 'audiencesize', 'totalfollowers', 'size']],
  ['er', ['engagementrate', 'engagement', 'er', 'ergagementrate', 'engrate', 'avgengagementrate', 'averageengagementrate', 'engagementratepercent', 'engagementpercent', 'erpercent', 'eng']],
  ['erPerView', ['engagementperview', 'erperview', 'viewengagementrate', 'engagementrateperview', 'erviews', 'erbyviews']],
  ['pricePoint', ['price', 'priceperpost', 'rate', 'rateperpost', 'costperpost', 'askingprice', 'ratecard', 'postprice', 'guideprice', 'estimatedprice', 'fairprice']],
  ['agreedPrice', ['agreedprice', 'agreed', 'agreedfee', 'agreedrate', 'fee', 'dealprice', 'dealvalue', 'negotiatedprice', 'contractvalue', 'budget', 'offer']],
  ['status', ['status', 'stage', 'pipeline', 'pipelinestage', 'outreachstatus', 'state', 'dealstage']],
  ['notes', ['notes', 'note', 'comments', 'comment', 'remarks', 'memo', 'description']],
  ['tags', ['tags', 'tag', 'labels', 'label', 'categories', 'category', 'niche', 'niches', 'topics']],
  ['campaign', ['campaign', 'campaignname', 'project', 'list', 'listname', 'group']],
  ['couponCode', ['coupon', 'couponcode', 'promocode', 'discountcode', 'code', 'promo']],
  ['affiliateLink', ['affiliatelink', 'affiliateurl', 'trackinglink', 'trackingurl', 'referrallink']],
  ['orders', ['orders', 'conversions', 'sales', 'purchases']],
  ['revenue', ['revenue', 'salesrevenue', 'gmv', 'income']],
  ['cost', ['cost', 'spend', 'spent', 'amountpaid', 'paid', 'totalcost']],
  ['addedAt', ['addedat', 'dateadded', 'added', 'createdat', 'created', 'date']],
  ['tierName', ['tier', 'tiername']],
  ['sizeClass', ['sizeclass', 'size class', 'influencertype', 'creatortype']],
  ['brands', ['brandsworkedwith', 'brandmentions', 'mentionedbrands']],
];

const EXACT_HEADERS = new Map<string, ImportField>(EXPORT_COLUMNS.map((c) => [headerKey(c), c]));

/**
 * The field each column is read into, guessed from its header: the user's earlier choice for
 * that header (`remembered`), our own column names, then the names other tools use (Username,
 * Profile URL, Followers, Engagement rate …). Each field is given to one column at most (the
 * first that asks for it); the others are not imported.
 */
export function guessColumns(headers: readonly string[], remembered: Readonly<Record<string, ImportField | null>> = {}): Array<ImportField | null> {
  const keys = headers.map((h) => headerKey(restoreCell(h)));
  const taken = new Set<ImportField>();
  const mapping: Array<ImportField | null> = keys.map(() => null);
  const settled = keys.map(() => false);
  const give = (i: number, field: ImportField | null) => {
    settled[i] = true;
    if (field !== null && !taken.has(field)) {
      taken.add(field);
      mapping[i] = field;
    }
  };
  keys.forEach((key, i) => {
    if (key !== '' && Object.prototype.hasOwnProperty.call(remembered, key)) {
      const choice = remembered[key];
      if (choice === null || (choice !== undefined && IMPORT_FIELDS.includes(choice))) give(i, choice ?? null);
    }
  });
  keys.forEach((key, i) => {
    const exact = EXACT_HEADERS.get(key);
    if (!settled[i] && exact && !taken.has(exact)) give(i, exact);
  });
  for (const [field, names] of HEADER_SYNONYMS) {
    if (taken.has(field)) continue;
    for (const name of names) {
      const i = keys.findIndex((key, j) => !settled[j] && key === name);
      if (i !== -1) {
        give(i, field);
        break;
      }
    }
  }
  // "Instagram username", "TikTok profile link": the end of the header says what it holds.
  keys.forEach((key, i) => {
    if (settled[i] || key === '') return;
    const field = /(?:handle|username)$/.test(key) ? 'handle' : /(?:url|link)$/.test(key) && !/affiliate|tracking/.test(key) ? 'profileUrl' : /followers$/.test(key) ? 'followers' : null;
    if (field && !taken.has(field)) give(i, field);
  });
  return mapping;
}

/** A mapping as given: fields known, each at most once, as long as the header. */
function cleanMapping(mapping: ReadonlyArray<ImportField | null>, length: number): Array<ImportField | null> {
  const taken = new Set<ImportField>();
  return Array.from({ length }, (_, i) => {
    const field = mapping[i] ?? null;
    if (field === null || !IMPORT_FIELDS.includes(field) || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

// ---- Statuses of other tools ----------------------------------------------------------------

/** A status text as compared: lower-cased, separators (spaces, _ and -) as one space. */
export function statusKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** Words other tools use for the statuses, for a first guess the user can change in the preview. */
const STATUS_WORDS: Record<EntryStatus, readonly string[]> = {
  'to contact': ['new', 'to do', 'todo', 'prospect', 'lead', 'not contacted', 'shortlisted', 'uncontacted', 'to reach out', 'backlog', 'open'],
  contacted: ['reached out', 'outreach', 'emailed', 'messaged', 'dm sent', 'in contact', 'in talks', 'talking', 'negotiating', 'negotiation', 'pitched', 'invited', 'pending', 'awaiting reply', 'waiting', 'follow up', 'replied', 'interested'],
  agreed: ['accepted', 'confirmed', 'signed', 'booked', 'approved', 'deal', 'contracted', 'onboarded', 'hired', 'in progress', 'active'],
  delivered: ['content delivered', 'submitted', 'content submitted', 'in review', 'draft', 'draft submitted', 'received'],
  posted: ['published', 'live', 'went live', 'post live', 'done', 'completed', 'complete'],
  paid: ['payment sent', 'settled', 'invoice paid', 'payed'],
  declined: ['rejected', 'not interested', 'refused', 'passed', 'no', 'turned down', 'cancelled', 'canceled', 'lost', 'dropped'],
};
const STATUS_BY_WORD = new Map<string, EntryStatus>(
  (Object.entries(STATUS_WORDS) as Array<[EntryStatus, readonly string[]]>).flatMap(([status, words]) => words.map((w) => [w, status] as const)),
);

/** The status a text of another tool most likely means; null when nothing suggests one. */
export function guessStatus(text: string): EntryStatus | null {
  const key = statusKey(text);
  if ((ENTRY_STATUSES as readonly string[]).includes(key)) return key as EntryStatus;
  return STATUS_BY_WORD.get(key) ?? null;
}

/**
 * Reads the status of each row and record: a status of the shortlist as it is, any other text
 * as the user chose in the preview, else as guessed, else "to contact", and keeps count of
 * those texts for the preview. A status is never a reason to drop a row.
 */
class StatusReading {
  private readonly found = new Map<string, StatusFound>();
  constructor(private readonly chosen: Readonly<Record<string, EntryStatus>>) {}

  read(text: string): EntryStatus {
    const key = statusKey(text);
    if (key === '') return 'to contact';
    if ((ENTRY_STATUSES as readonly string[]).includes(key)) return key as EntryStatus;
    const known = this.found.get(key);
    if (known) {
      known.rows++;
      return known.status;
    }
    const choice = Object.prototype.hasOwnProperty.call(this.chosen, key) ? this.chosen[key] : undefined;
    const chosen = choice !== undefined && (ENTRY_STATUSES as readonly string[]).includes(choice) ? choice : null;
    const guessed = guessStatus(key);
    const status = chosen ?? guessed ?? 'to contact';
    // Long or odd texts are shown shortened; the key still tells them apart.
    this.found.set(key, { text: text.trim().slice(0, 60), key, rows: 1, status, by: chosen ? 'chosen' : guessed ? 'guessed' : 'default' });
    return status;
  }

  list(): StatusFound[] {
    return [...this.found.values()];
  }
}

/** The options a row is read with. */
interface RowReading {
  now: Date;
  statuses: StatusReading;
  defaultPlatform: Platform | null;
}

type RowResult = { ok: true; row: ExportRow } | { ok: false; reason: string };

/** Where each known column is in a row: its cell's position. */
type ColumnPlaces = ReadonlyArray<readonly [number, Column]>;

function parseCsv(text: string, now: Date, context: ImportContext, options: ImportOptions, statuses: StatusReading): ImportPreview {
  const head = Papa.parse<string[]>(text, { preview: 2, skipEmptyLines: 'greedy', delimiter: delimiterOf(text) });
  const header = head.data[0] ?? [];
  const headers = header.map((h) => restoreCell(h).trim());
  const samples = header.map((_, i) => {
    const cell = restoreCell(head.data[1]?.[i] ?? '').replace(/\s+/g, ' ').trim();
    return cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
  });
  const mapping =
    options.columns && options.columns.length === header.length ? cleanMapping(options.columns, header.length) : guessColumns(headers, options.remembered);
  const defaultPlatform = options.defaultPlatform && (PLATFORMS as readonly string[]).includes(options.defaultPlatform) ? options.defaultPlatform : null;
  const info: ImportColumns = { headers, mapping, samples, defaultPlatform };
  const columns: ColumnPlaces = mapping.flatMap((field, i) => (field === null ? [] : [[i, field] as const]));
  const missing = missingColumns(columns);
  if (missing) return failed('csv', missing, context, info);

  const reading: RowReading = { now, statuses, defaultPlatform };
  const rows: ExportRow[] = [];
  const where: string[] = [];
  /** What the check of each row parsed, in step with `rows`: applying writes it. */
  const records: CheckedRow[] = [];
  const invalid: InvalidRow[] = [];
  const seen = new Map<string, number>();
  const lines = lineCounter(text);
  let previousEnd = 0;
  let atHeader = true;
  // Rows as arrays of cells, matched to the header by position: papaparse's header mode builds
  // an object per row and types every cell, which is a third of the time for 10,000 rows.
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    // The delimiter the header was read with: a guess made again on other rows could differ.
    delimiter: head.meta.delimiter,
    step(result) {
      const lineNo = lines.lineAt(firstNonSpace(text, previousEnd));
      previousEnd = result.meta.cursor;
      if (atHeader) return void (atHeader = false);
      const parsed = rowOfCellsOrProblem(result, header.length, columns, reading);
      if (!parsed.ok) return void invalid.push({ line: lineNo, reason: parsed.reason });
      const key = rowKey(parsed.row.platform, parsed.row.handle, parsed.row.campaign);
      const earlier = seen.get(key);
      if (earlier !== undefined) return void invalid.push({ line: lineNo, reason: `Same creator and campaign as line ${earlier}.` });
      // What the store would refuse when applying, refused here already.
      const checked = checkRow(parsed.row, context);
      if (checked.problem !== null) return void invalid.push({ line: lineNo, reason: `${checked.problem}.` });
      seen.set(key, lineNo);
      rows.push(parsed.row);
      records.push(checked.records);
      where.push(`Line ${lineNo}`);
    },
  });
  const preview: ImportPreview = { kind: 'csv', rows, invalid, fileError: null, backup: null, where: { ...noPlaces(), rows: where }, context, columns: info, statuses: statuses.list() };
  return sealed(preview, records);
}

/**
 * The delimiter, guessed from the header line alone: cells of the rows hold `;` (tags, brands)
 * and a broken row has a cell count of its own, either of which could tip a guess made over
 * several rows to the wrong delimiter. ',' when the header has one column.
 */
function delimiterOf(text: string): string {
  const start = firstNonSpace(text, 0);
  const end = text.slice(start).search(/\r\n|\n|\r/);
  const header = end === -1 ? text.slice(start) : text.slice(start, start + end);
  return Papa.parse<string[]>(header, { preview: 1, delimitersToGuess: [',', ';', '\t'] }).meta.delimiter || ',';
}

function rowOfCellsOrProblem(result: Papa.ParseStepResult<string[]>, headerLength: number, columns: ColumnPlaces, reading: RowReading): RowResult {
  const structural = structuralProblem(result.errors, result.data.length > headerLength);
  return structural ? { ok: false, reason: structural } : rowFromCells(result.data, columns, reading);
}

/** A file names its creators by handle or by profile address; without either it is not a list of creators. */
function missingColumns(columns: ColumnPlaces): string | null {
  const present = new Set(columns.map(([, c]) => c));
  if (present.has('handle') || present.has('profileUrl')) return null;
  return 'No column of this file is read as the creators’ handles or profile addresses: choose, under “Columns”, the column that holds them (e.g. “Username” or “Profile URL”).';
}

/** Quote errors and surplus cells mean the row's cells cannot be trusted to be in their columns. */
function structuralProblem(errors: Papa.ParseError[], surplusCells: boolean): string | null {
  for (const e of errors) {
    if (e.code === 'MissingQuotes') return 'A quoted cell is never closed (a " is missing), so the rest of the file was read as one cell.';
    if (e.code === 'InvalidQuotes') return 'A cell has a stray " inside it; quotes inside a cell must be doubled ("").';
  }
  return surplusCells ? 'The row has more cells than the header (an unquoted comma in a cell?).' : null;
}

function firstNonSpace(text: string, from: number): number {
  const match = /\S/g;
  match.lastIndex = from;
  return match.exec(text)?.index ?? from;
}

/** Line numbers of character offsets that only ever move forward: one pass over the file in all. */
function lineCounter(text: string) {
  const newline = text.includes('\n') ? '\n' : '\r';
  let offset = 0;
  let line = 1;
  return {
    lineAt(position: number): number {
      for (let i = text.indexOf(newline, offset); i !== -1 && i < position; i = text.indexOf(newline, i + 1)) line++;
      offset = Math.max(offset, position);
      return line;
    },
  };
}

function rowFromCells(cells: readonly string[], columns: ColumnPlaces, reading: RowReading): RowResult {
  const raw = new Map<Column, string>();
  for (const [i, column] of columns) raw.set(column, restoreCell(cells[i] ?? ''));
  const problems = new Map<Column, string>();
  const unknown = identify(raw, reading.defaultPlatform);
  if (unknown !== null) problems.set('handle', unknown);
  const candidate: Record<string, unknown> = {};
  for (const column of EXPORT_COLUMNS) {
    const value = problems.has(column) ? { problem: '' } : valueOf(column, raw.get(column) ?? '', reading);
    if ('problem' in value && !problems.has(column)) problems.set(column, value.problem);
    // Null stands in for a cell already found wrong, so zod still checks all the other cells.
    candidate[column] = 'problem' in value ? null : value.value;
  }
  // An empty list cell is "none" when the count it goes with is known, else unknown.
  if (candidate.brands === null && typeof candidate.postsRead === 'number' && !problems.has('brands')) candidate.brands = [];
  if (candidate.signalIdsToCheck === null && typeof candidate.signalsToCheck === 'number' && !problems.has('signalIdsToCheck')) candidate.signalIdsToCheck = [];
  const parsed = ExportRowSchema.safeParse(candidate);
  if (parsed.success && problems.size === 0) return { ok: true, row: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const column = issue.path[0] as Column;
    if (!problems.has(column)) problems.set(column, issueText(issue, raw.get(column)));
  }
  const ordered = EXPORT_COLUMNS.filter((c) => problems.has(c)).map((c) => `${c}: ${problems.get(c)}`);
  return { ok: false, reason: sentence(ordered) };
}

/**
 * The creator a row names, from its handle, profile address and platform cells (changed in
 * `raw`): a handle cell holding an address, or a row with only an address, is read as the
 * address's platform and handle ({@link creatorFromUrl}); a row that names no platform takes the
 * address's, else `defaultPlatform`. Returns the problem with the handle, or null.
 */
function identify(raw: Map<Column, string>, defaultPlatform: Platform | null): string | null {
  const handleText = (raw.get('handle') ?? '').trim();
  const urlText = (raw.get('profileUrl') ?? '').trim();
  let found: CreatorFromUrl | null = null;
  if (handleText !== '' && looksLikeAddress(handleText)) {
    found = creatorFromUrl(handleText);
    if (!found) return `${quoted(handleText)} is not a profile address on Instagram, YouTube, TikTok or X`;
    raw.set('handle', found.handle);
    if (urlText === '') raw.set('profileUrl', found.profileUrl);
  } else if (handleText === '' && urlText !== '') {
    found = creatorFromUrl(urlText);
    // An address that is not a web address at all is the profile address's own problem.
    if (!found) return /^[a-z][a-z0-9+.-]*:/i.test(urlText) && !/^https?:/i.test(urlText) ? 'is missing' : `is missing, and the profile address ${quoted(urlText)} is not a profile on Instagram, YouTube, TikTok or X`;
    raw.set('handle', found.handle);
  }
  // An address written without https:// (or on a mobile host) is kept as the extension writes it.
  if (urlText !== '' && !/^https?:\/\//i.test(urlText)) {
    const named = found ?? creatorFromUrl(urlText);
    if (named) raw.set('profileUrl', named.profileUrl);
  }
  if ((raw.get('platform') ?? '').trim() === '') {
    const platform = found?.platform ?? (urlText !== '' ? creatorFromUrl(urlText)?.platform : undefined) ?? defaultPlatform;
    if (platform) raw.set('platform', platform);
  }
  return null;
}

type Cell = { value: unknown } | { problem: string };

/** A cell's text as the value its column holds; what zod checks next is the value's range and form. */
function valueOf(column: Column, cell: string, reading: RowReading): Cell {
  const text = column === 'notes' ? cell : cell.trim();
  if (NUMBER_COLUMNS.has(column)) return numberOf(text, column);
  switch (column) {
    case 'campaign':
    case 'notes':
      return { value: text };
    case 'platform':
      return text === ''
        ? { problem: 'is missing: add a Platform column or the profile address, or choose the platform of rows that name none' }
        : { value: platformOf(text) };
    case 'handle':
      return { value: text.replace(/^@/, '') };
    case 'status':
      // Never a reason to drop the row: a status of another tool is read as the user chose.
      return { value: reading.statuses.read(text) };
    case 'sizeClass':
      return { value: text === '' ? null : text.toLowerCase() };
    case 'tags':
      return { value: text.split(';').map((t) => t.trim()).filter((t) => t !== '') };
    // Empty: unknown here; rowFromCells makes it "none" when the count beside it is known.
    case 'signalIdsToCheck':
      return { value: text === '' ? null : text.split(/[;,]/).map((t) => t.trim().toLowerCase()).filter((t) => t !== '') };
    case 'brands':
      return text === '' ? { value: null } : brandsOf(text);
    case 'addedAt':
      return text === '' ? { value: reading.now.toISOString() } : dateOf(text);
    default:
      return { value: text === '' ? null : text };
  }
}

const NUMBER_TEXT = /^\+?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const MONEY_COLUMNS = new Set<Column>(['priceLow', 'pricePoint', 'priceHigh', 'agreedPrice', 'revenue', 'cost']);
const RATE_COLUMNS = new Set<Column>(['er', 'erPerView']);
/** Columns where "12.5K" and "1.2M" are what people write. */
const SUFFIX_COLUMNS = new Set<Column>(['followers', 'orders', ...MONEY_COLUMNS]);
const MONEY_MARK = /^(?:[$€£¥₹]|[A-Z]{3})|(?:[$€£¥₹]|[A-Z]{3})$/g;

/**
 * A number as spreadsheets and other tools write it: "12480", "12,480", "12 480", "12.5K" (for
 * counts and amounts), "$1,200" or "1200 EUR" (amounts), "4.2%" (rates), "2,5" (a decimal
 * comma). Unknown is an empty cell; a negative number or any other text is a problem.
 */
function numberOf(raw: string, column: Column): Cell {
  if (raw === '') return { value: null };
  let text = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (MONEY_COLUMNS.has(column)) text = text.replace(MONEY_MARK, '');
  if (RATE_COLUMNS.has(column)) text = text.replace(/%$/, '');
  if (/^-\s*[\d.,]/.test(text)) return { problem: `must be 0 or more (it is ${quoted(raw)})` };
  let multiplier = 1;
  const suffix = SUFFIX_COLUMNS.has(column) ? /^(.*\d)([kmb])$/i.exec(text) : null;
  if (suffix) {
    text = suffix[1] ?? '';
    multiplier = { k: 1e3, m: 1e6, b: 1e9 }[(suffix[2] ?? '').toLowerCase() as 'k' | 'm' | 'b'];
  }
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^\d*,\d+$/.test(text)) text = text.replace(',', '.');
  if (!NUMBER_TEXT.test(text)) return { problem: `${quoted(raw)} is not a number (write digits with a dot for decimals, e.g. 1234.5)` };
  const n = Number(text) * multiplier;
  if (!Number.isFinite(n)) return { problem: `${quoted(raw)} is too large` };
  // 1.1 × 1000 is 1100.0000000000002 in floating point.
  return { value: multiplier === 1 ? n : Number(n.toPrecision(12)) };
}

const BRAND_CELL = /^@?([^\s()@]+)(?:\s*\((\d{1,7})\))?$/u;

/**
 * "ridgeline.gear (2); summit.socks (1)" — or with commas, with @, without counts — as brands;
 * what zod checks next is each handle's form.
 */
function brandsOf(text: string): Cell {
  const brands: Array<{ handle: string; posts: number | null }> = [];
  for (const part of text.split(/[;,]/)) {
    const item = part.trim();
    if (item === '') continue;
    const match = BRAND_CELL.exec(item);
    if (!match) return { problem: `${quoted(item)} is not a handle with its posts, e.g. ridgeline.gear (2)` };
    brands.push({ handle: (match[1] ?? '').toLowerCase(), posts: match[2] === undefined ? null : Number(match[2]) });
  }
  return { value: brands };
}

/** Platform names as people write them. */
const PLATFORM_NAMES: Record<string, Platform> = {
  instagram: 'instagram',
  ig: 'instagram',
  insta: 'instagram',
  youtube: 'youtube',
  yt: 'youtube',
  tiktok: 'tiktok',
  tt: 'tiktok',
  x: 'x',
  twitter: 'x',
  xtwitter: 'x',
  twitterx: 'x',
  xformerlytwitter: 'x',
};

function platformOf(text: string): string {
  return PLATFORM_NAMES[text.toLowerCase().replace(/[^a-z]/g, '')] ?? text.toLowerCase();
}

/** ISO dates are stored in one form (`toISOString`); a date without a time is midnight UTC. */
function dateOf(text: string): Cell {
  // What our own export writes (toISOString), read back without the general check.
  if (text.length === 24 && text.endsWith('Z')) {
    const time = Date.parse(text);
    if (Number.isFinite(time) && new Date(time).toISOString() === text) return { value: text };
  }
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  if (!isoDateTime.safeParse(withTime).success) {
    return { problem: `${quoted(text)} is not a date like 2025-03-01 or 2025-03-01T10:00:00Z` };
  }
  return { value: new Date(withTime).toISOString() };
}

/** A zod issue of one cell, with the cell's text when there is one (tags: which tag). */
function issueText(issue: z.core.$ZodIssue, cell: string | undefined): string {
  const index = issue.path[1];
  if (typeof index === 'number') return `tag ${index + 1} ${issue.message}`;
  return cell ? `${issue.message} (it is ${quoted(cell)})` : issue.message;
}

/** Text of the file quoted in a message, isolated so that direction controls in it stay inside the quotes. */
function quoted(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return `“${isolate(flat.length > 40 ? `${flat.slice(0, 40)}…` : flat)}”`;
}

function sentence(problems: string[]): string {
  const listed = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${listed}; and ${problems.length - 3} more.` : `${listed}.`;
}

// ---- JSON backup ----------------------------------------------------------------------------

const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  creators: z.array(z.unknown()),
  campaigns: z.array(z.unknown()),
  entries: z.array(z.unknown()),
  snapshots: z.array(z.unknown()),
  // Version 2; a version-1 file has neither.
  listings: z.optional(z.array(z.unknown())),
  invitations: z.optional(z.array(z.unknown())),
});

function parseBackup(text: string, context: ImportContext, statuses: StatusReading): ImportPreview {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return failed('json', `The file is not valid JSON${detail}; it may be damaged or cut short.`, context);
  }
  const headerProblem = backupHeaderProblem(json);
  if (headerProblem) return failed('json', headerProblem, context);
  const file = BackupHeaderSchema.parse(json);
  const lines = recordLines(text);
  const invalid: InvalidRow[] = [];
  const list = <T>(name: BackupList, label: string, schema: z.ZodMiniType<T>, keyOf: (record: T) => string, check: (record: T) => string | null) =>
    validRecords({ label, items: file[name] ?? [], lines: lines[name] ?? [] }, schema, keyOf, check, invalid);
  const creators = list('creators', 'creator', CreatorRecordSchema, (c) => creatorKey(c.platform, c.handle), (c) => backupCreatorProblem(c, context));
  const campaigns = list('campaigns', 'campaign', CampaignRecordSchema, (c) => `id ${c.id}`, (c) => campaignProblem(c, context));
  const uniqueCampaigns = withUniqueNames(campaigns, invalid);
  // A status the shortlist does not have is read as the user chose in the preview, as in a CSV.
  file.entries = file.entries.map((e) => withKnownStatus(e, statuses));
  const entries = list('entries', 'entry', EntryRecordSchema, (e) => `${e.campaignId}\u001f${creatorKey(e.platform, e.handle)}`, (e) => entryProblem(e, context));
  const linked = linkedEntries(entries, creators, uniqueCampaigns, invalid);
  const snapshots = list('snapshots', 'snapshot', HistoryRecordSchema, (s) => `${creatorKey(s.platform, s.handle)}\u001f${s.takenAt}`, (s) => snapshotProblem(s, context));
  const listings = list('listings', 'listing', ListingRecordSchema, (l) => creatorKey(l.platform, l.handle), (l) => listingProblem(l, context));
  const invitations = list('invitations', 'invitation', InvitationRecordSchema, (i) => `id ${i.id}`, (i) => invitationProblem(i, context));
  const backup: BackupData = {
    creators: creators.map((r) => r.record),
    campaigns: uniqueCampaigns.map((r) => r.record),
    entries: linked.map((r) => r.record),
    snapshots: snapshots.map((r) => r.record),
    listings: listings.map((r) => r.record),
    invitations: invitations.map((r) => r.record),
  };
  const rows = exportRows(backup);
  // A row is an entry, or a creator on no campaign (campaign names are unique in the file).
  const campaignNames = new Map(backup.campaigns.map((c) => [c.id, c.name.toLowerCase()]));
  const entryPlaces = new Map(linked.map((e) => [`${campaignNames.get(e.record.campaignId) ?? ''}\u001f${creatorKey(e.record.platform, e.record.handle)}`, e.where]));
  const creatorPlaces = new Map(creators.map((c) => [creatorKey(c.record.platform, c.record.handle), c.where]));
  const rowPlaces = rows.map((r) => {
    const key = creatorKey(r.platform, r.handle);
    return (r.campaign === '' ? creatorPlaces.get(key) : entryPlaces.get(`${r.campaign.toLowerCase()}\u001f${key}`)) ?? 'a row';
  });
  const where: ImportPlaces = {
    rows: rowPlaces,
    creators: creators.map((r) => r.where),
    campaigns: uniqueCampaigns.map((r) => r.where),
    entries: linked.map((r) => r.where),
    snapshots: snapshots.map((r) => r.where),
    listings: listings.map((r) => r.where),
    invitations: invitations.map((r) => r.where),
  };
  return sealed({ kind: 'json', rows, invalid, fileError: null, backup, where, context, columns: null, statuses: statuses.list() });
}

/** A backup's entry with a status text of another version or tool read as a status of the shortlist. */
function withKnownStatus(entry: unknown, statuses: StatusReading): unknown {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
  const status = (entry as Record<string, unknown>).status;
  if (typeof status !== 'string' || (ENTRY_STATUSES as readonly string[]).includes(status)) return entry;
  return { ...entry, status: statuses.read(status) };
}

/**
 * The line where each record of the backup's lists begins, list by list: a scan of the text
 * JSON.parse has already read, so it only tracks strings and nesting.
 */
function recordLines(text: string): Partial<Record<string, number[]>> {
  const found: Record<string, number[]> = {};
  let line = 1;
  let depth = 0;
  let key: string | null = null;
  let lastString: string | null = null;
  let current: number[] | null = null;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (current !== null && depth === 2 && expectItem && c !== 93) {
      current.push(line);
      expectItem = false;
    }
    if (c === 34) {
      // A string: find its end (escapes skipped); keys of the top-level object are remembered.
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (depth === 1) lastString = text.slice(i + 1, j);
      i = j;
      continue;
    }
    if (c === 58 && depth === 1) key = lastString;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth === 2 && c === 91 && key !== null) {
        current = found[key] = [];
        expectItem = true;
      }
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth < 2) current = null;
    } else if (c === 44 && depth === 2 && current !== null) expectItem = true;
  }
  return found;
}

function backupHeaderProblem(json: unknown): string | null {
  const notOurs = 'This JSON file is not a Reloquence Lens backup.';
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return notOurs;
  const { format, version } = json as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) return notOurs;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return `This backup was made by a newer version of Reloquence Lens (backup version ${version}); update the extension to import it.`;
  }
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    return `This backup's version (${String(version).slice(0, 20)}) is not one this extension can read.`;
  }
  const parsed = BackupHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const list = parsed.error.issues[0]?.path[0];
    return `This backup is incomplete: its ${typeof list === 'string' ? list : 'record'} list is missing or damaged.`;
  }
  return null;
}

interface Valid<T> {
  record: T;
  position: number;
  line: number;
  /** How messages name it: "creator #3 (line 57)". */
  where: string;
}

/**
 * Records that parse and that the store accepts (`check`, ./import-check.ts), each key once; the
 * others go to `invalid` with their line, position and reason.
 */
function validRecords<T>(
  list: { label: string; items: unknown[]; lines: readonly number[] },
  schema: z.ZodMiniType<T>,
  keyOf: (record: T) => string,
  check: (record: T) => string | null,
  invalid: InvalidRow[],
): Array<Valid<T>> {
  const { label, items, lines } = list;
  const seen = new Map<string, number>();
  const valid: Array<Valid<T>> = [];
  items.forEach((item, i) => {
    const position = i + 1;
    const line = lines[i] ?? 1;
    const where = `${label} #${position}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      invalid.push({ line, reason: `${where}: is not a record.` });
      return;
    }
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || label}: ${issue.message}`);
      invalid.push({ line, reason: `${where}: ${sentence(problems)}` });
      return;
    }
    const key = keyOf(parsed.data);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      invalid.push({ line, reason: `${where}: the same ${label} as #${earlier}.` });
      return;
    }
    const refused = check(parsed.data);
    if (refused !== null) {
      invalid.push({ line, reason: `${where}: ${refused}.` });
      return;
    }
    seen.set(key, position);
    valid.push({ record: parsed.data, position, line, where: `${where} (line ${line})` });
  });
  return valid;
}

/** CSV rows name campaigns, so two campaigns may not share a name (compared case-insensitively). */
function withUniqueNames(campaigns: Array<Valid<CampaignRecord>>, invalid: InvalidRow[]): Array<Valid<CampaignRecord>> {
  const byName = new Map<string, number>();
  return campaigns.filter(({ record, position, line }) => {
    const name = record.name.toLowerCase();
    const earlier = byName.get(name);
    if (earlier === undefined) {
      byName.set(name, position);
      return true;
    }
    invalid.push({ line, reason: `campaign #${position}: the same name as campaign #${earlier} (${quoted(record.name)}).` });
    return false;
  });
}

/** Entries whose creator and campaign are both in the file. */
function linkedEntries(
  entries: Array<Valid<EntryRecord>>,
  creators: Array<Valid<CreatorRecord>>,
  campaigns: Array<Valid<CampaignRecord>>,
  invalid: InvalidRow[],
): Array<Valid<EntryRecord>> {
  const creatorKeys = new Set(creators.map((c) => creatorKey(c.record.platform, c.record.handle)));
  const campaignIds = new Set(campaigns.map((c) => c.record.id));
  return entries.filter(({ record, position, line }) => {
    const missing = !creatorKeys.has(creatorKey(record.platform, record.handle))
      ? `its creator (${record.platform} @${record.handle}) is not in the file`
      : !campaignIds.has(record.campaignId)
        ? `its campaign (id ${quoted(record.campaignId)}) is not in the file`
        : null;
    if (missing) invalid.push({ line, reason: `entry #${position}: ${missing}.` });
    return missing === null;
  });
}

// ---------------------------------------------------------------------------------------------
// Plan
// ---------------------------------------------------------------------------------------------

export interface ImportPlan {
  /** Rows whose creator + campaign is not stored yet. */
  new: number;
  /** Rows that replace a stored entry (same platform, handle and campaign). */
  updated: number;
  invalid: number;
}

/** Counts for the preview screen; `existing.keys` holds the {@link rowKey} of every stored row. */
export function planImport(preview: ImportPreview, existing: { keys: ReadonlySet<string> }): ImportPlan {
  let updated = 0;
  for (const row of preview.rows) if (existing.keys.has(rowKey(row.platform, row.handle, row.campaign))) updated++;
  return { new: preview.rows.length - updated, updated, invalid: preview.invalid.length };
}
