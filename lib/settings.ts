/**
 * The extension's settings: which marketplace it links to (and how that marketplace lays out its
 * URLs), the user's referral code, currency, price tiers, which engagement rate listings quote,
 * and the user's own profile.
 *
 * Pure: no storage access here. The entrypoints read whatever storage holds and pass it to
 * {@link loadSettings}, which never throws; the options form validates with
 * {@link checkSettings}, which says what is wrong with each field in plain words.
 */
import * as z from 'zod/mini';
import type { RateBasis } from './metrics/engagement';
import { formatCompact } from './metrics/format';
import { DEFAULT_TIER_SCHEME, SIZE_CLASS_BOUNDS, SIZE_CLASS_LABELS, type SizeClass, type TierScheme } from './metrics/tiers';
import type { Platform } from './platforms/types';
import { PlatformSchema } from './schema';
import { checkHostName, typedHostProblem } from './host-name';

/** 2: custom tiers are stored largest audience first, as they are numbered (Tier 1 = the top). */
export const SETTINGS_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Marketplace addresses

export const FLAVOURS = ['go', 'web-template'] as const;
/** Which marketplace software: the Go marketplace, or a Sharetribe web-template marketplace. */
export type Flavour = (typeof FLAVOURS)[number];

/**
 * Path templates after the marketplace address. Placeholders: listing `{id}` and optionally
 * `{slug}`; search `{query}`; signup `{code}`; the new-listing page has none.
 */
export interface MarketplacePaths {
  newListing: string;
  listing: string;
  search: string;
  signup: string;
}

export const FLAVOUR_DEFAULT_PATHS: Record<Flavour, MarketplacePaths> = {
  go: { newListing: '/listings/new', listing: '/listings/{id}', search: '/?q={query}', signup: '/signup?code={code}' },
  'web-template': { newListing: '/l/new', listing: '/l/{slug}/{id}', search: '/s?keywords={query}', signup: '/signup?referral={code}' },
};

/** The placeholders each path must carry, and those it may carry. */
export const PATH_PLACEHOLDERS: Record<keyof MarketplacePaths, { required: readonly string[]; allowed: readonly string[] }> = {
  newListing: { required: [], allowed: [] },
  listing: { required: ['id'], allowed: ['id', 'slug'] },
  search: { required: ['query'], allowed: ['query'] },
  signup: { required: ['code'], allowed: ['code'] },
};

export const MAX_BASE_URL_LENGTH = 300;
export const MAX_PATH_LENGTH = 200;
export const MAX_MARKETPLACE_NAME_LENGTH = 60;
export const MAX_REFERRAL_CODE_LENGTH = 64;

/** Control characters, whitespace and the Unicode direction overrides: never part of an address. */
// eslint-disable-next-line no-control-regex
const UNSAFE_URL_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/**
 * Check a marketplace address typed by the user: the one check of the address, used by the
 * settings schema (so by the options form and by every read of stored settings), by the links
 * (lib/marketplace/links.ts) and by the host permission (lib/marketplace/card.ts).
 *
 * Accepted: `https://` followed by a real domain name (see {@link checkHostName}: at least one
 * dot, valid labels, a top-level domain of letters; an internationalised name is kept in its
 * `xn--` form, which is what the settings then show), an optional port and an optional path
 * prefix (`https://example.com/market`). Refused: any other scheme (`http:`, `javascript:`,
 * `data:`), wildcards, IP addresses, `localhost` and local-network names, a trailing dot,
 * characters the browser would silently change (ideographic or full-width dots and letters,
 * escapes in the name), user names or passwords, `@` anywhere (it can hide the real host:
 * `https://good.com@evil.com`), backslashes (browsers read them as `/`:
 * `https://evil.com\@good.com` goes to evil.com), spaces and control characters, a query or
 * fragment, more than 300 characters. The address returned has no trailing slash, a lower-case
 * scheme and host, and the host in the browser's ASCII form.
 */
export function validateBaseUrl(text: string): { ok: true; url: string } | { ok: false; message: string } {
  if (typeof text !== 'string') return { ok: false, message: 'Enter the marketplace address, e.g. https://www.reloquence.com.' };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter the marketplace address, e.g. https://www.reloquence.com.' };
  if (trimmed.length > MAX_BASE_URL_LENGTH) return { ok: false, message: `The address must be at most ${MAX_BASE_URL_LENGTH} characters.` };
  if (!/^https:\/\//i.test(trimmed)) return { ok: false, message: 'The address must start with https://.' };
  if (UNSAFE_URL_CHARS.test(trimmed)) return { ok: false, message: 'The address must not contain spaces or invisible characters.' };
  if (trimmed.includes('\\')) return { ok: false, message: 'The address must not contain a backslash (\\).' };
  if (trimmed.includes('@')) return { ok: false, message: 'The address must not contain @ (no user name or password).' };
  if (trimmed.includes('?') || trimmed.includes('#')) return { ok: false, message: 'The address must not contain ? or # (no query or fragment).' };
  const authority = trimmed.slice('https://'.length).split('/')[0] ?? '';
  const typedHost = authority.replace(/:\d*$/, '');
  const early = typedHostProblem(typedHost);
  if (early !== null) return { ok: false, message: early };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'This is not a valid web address.' };
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'The address must start with https://.' };
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'The address must not contain a user name or password.' };
  const host = checkHostName(typedHost, url.hostname);
  if (!host.ok) return host;
  // Checked on the text typed: the parser resolves "." and ".." segments (even "%2e%2e") away.
  if (/\/(\.|%2e){1,2}(\/|$)/i.test(trimmed.slice('https://'.length))) {
    return { ok: false, message: 'The address must not contain . or .. path segments.' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  const normalised = `${url.origin}${path}`;
  if (normalised.length > MAX_BASE_URL_LENGTH) return { ok: false, message: `The address must be at most ${MAX_BASE_URL_LENGTH} characters.` };
  return { ok: true, url: normalised };
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * Check a path template (see {@link MarketplacePaths}). It must start with a single `/` (so it
 * stays on the marketplace: `//host` would be another site), be at most 200 characters, carry
 * every placeholder in `required` and no placeholder outside `allowed` (defaults to
 * `required`), and hold no spaces, backslashes, `#`, `.`/`..` segments or stray braces.
 * Placeholder names are given without braces (`'id'`).
 */
export function validatePath(
  template: string,
  required: readonly string[],
  allowed: readonly string[] = required,
): { ok: true; path: string } | { ok: false; message: string } {
  if (typeof template !== 'string') return { ok: false, message: 'Enter a path starting with /.' };
  const path = template.trim();
  const wanted = required.map((r) => `{${r}}`).join(', ');
  if (path === '') return { ok: false, message: 'Enter a path starting with /.' };
  if (path.length > MAX_PATH_LENGTH) return { ok: false, message: `The path must be at most ${MAX_PATH_LENGTH} characters.` };
  if (!path.startsWith('/')) return { ok: false, message: 'The path must start with / (it is added after the marketplace address).' };
  if (path.startsWith('//')) return { ok: false, message: 'The path must not start with // (that would lead to another site).' };
  if (UNSAFE_URL_CHARS.test(path)) return { ok: false, message: 'The path must not contain spaces or invisible characters.' };
  if (path.includes('\\')) return { ok: false, message: 'The path must not contain a backslash (\\).' };
  if (path.includes('#')) return { ok: false, message: 'The path must not contain #.' };
  const pathPart = path.split('?')[0] ?? '';
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(pathPart)) return { ok: false, message: 'The path must not contain . or .. segments.' };
  const names = [...path.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  if (path.replace(PLACEHOLDER, '').match(/[{}]/)) {
    return { ok: false, message: 'Braces { } are only for placeholders such as {id}.' };
  }
  const unknown = names.find((n) => !allowed.includes(n));
  if (unknown !== undefined) {
    const hint = allowed.length === 0 ? 'this path takes no placeholder' : `use ${allowed.map((a) => `{${a}}`).join(' or ')}`;
    return { ok: false, message: `Unknown placeholder {${unknown}}: ${hint}.` };
  }
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length > 0) return { ok: false, message: `The path must contain ${wanted}.` };
  return { ok: true, path };
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface CustomTier {
  name: string;
  /** Inclusive lower bound. */
  minFollowers: number;
  pricePerPost: number;
  benefits: string[];
  expectations: { postsPerMonth: number | null; minEr: number | null };
}

export type TierChoice = { kind: 'default' } | { kind: 'size-classes' } | { kind: 'custom'; name: string; tiers: CustomTier[] };

export const ER_BASES = ['followers', 'views', 'reach', 'impressions'] as const satisfies readonly RateBasis[];
export type ErBasis = (typeof ER_BASES)[number];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  marketplace: { name: string; baseUrl: string; flavour: Flavour; paths: MarketplacePaths };
  /** '' = none; letters, digits, - and _ only, at most 64. */
  referralCode: string;
  /** ISO 4217, three capital letters. Prices of custom tiers are in this currency. */
  currency: string;
  tiers: TierChoice;
  /** Which engagement rate listings quote. */
  erBasis: ErBasis;
  /** Set by "This is me". */
  myProfile: { platform: Platform; handle: string } | null;
  /** The brand's competitors (handles, lower-case, without @): the card flags a creator who worked with one. */
  competitors: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  marketplace: { name: 'Reloquence', baseUrl: 'https://www.reloquence.com', flavour: 'go', paths: { ...FLAVOUR_DEFAULT_PATHS.go } },
  referralCode: '',
  currency: 'USD',
  tiers: { kind: 'default' },
  erBasis: 'followers',
  myProfile: null,
  competitors: [],
};

export const MAX_CUSTOM_TIERS = 12;
export const MAX_TIER_NAME_LENGTH = 40;
export const MAX_SCHEME_NAME_LENGTH = 60;
export const MAX_BENEFITS = 10;
export const MAX_BENEFIT_LENGTH = 200;
export const MAX_PRICE = 1e9;
export const MAX_FOLLOWERS_BOUND = 1e12;

const baseUrlSchema = z.string('Enter the marketplace address.').check(
  z.superRefine((value, ctx) => {
    const checked = validateBaseUrl(value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, input: value });
  }),
  z.overwrite((value) => {
    const checked = validateBaseUrl(value);
    return checked.ok ? checked.url : value;
  }),
);

function pathSchema(key: keyof MarketplacePaths) {
  const { required, allowed } = PATH_PLACEHOLDERS[key];
  return z.string('Enter a path starting with /.').check(
    z.superRefine((value, ctx) => {
      const checked = validatePath(value, required, allowed);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, input: value });
    }),
    z.trim(),
  );
}

const trimmedText = (what: string, max: number) =>
  z
    .string(`Enter ${what}.`)
    .check(z.trim(), z.minLength(1, `Enter ${what}.`), z.maxLength(max, `Must be at most ${max} characters.`));

export const MarketplaceSchema = z.object({
  name: trimmedText('the marketplace name', MAX_MARKETPLACE_NAME_LENGTH),
  baseUrl: baseUrlSchema,
  flavour: z.enum(FLAVOURS, 'Choose the kind of marketplace: Go or web template.'),
  paths: z.object(
    {
      newListing: pathSchema('newListing'),
      listing: pathSchema('listing'),
      search: pathSchema('search'),
      signup: pathSchema('signup'),
    },
    'The marketplace paths are missing.',
  ),
}, 'The marketplace settings are missing.');

export const ReferralCodeSchema = z
  .string('The referral code must be text.')
  .check(
    z.trim(),
    z.maxLength(MAX_REFERRAL_CODE_LENGTH, `The referral code must be at most ${MAX_REFERRAL_CODE_LENGTH} characters.`),
    z.regex(/^[A-Za-z0-9_-]*$/, 'Use only letters, digits, - and _ in the referral code.'),
  );

const CurrencySchema = z
  .string('Enter a currency code such as USD or EUR.')
  .check(
    z.trim(),
    z.toUpperCase(),
    z.regex(/^[A-Z]{3}$/, 'Use a 3-letter currency code such as USD or EUR.'),
  );

const nullableWhole = (max: number, message: string) => z.nullable(z.int(message).check(z.gte(0, message), z.lte(max, message)));

export const CustomTierSchema = z.object({
  name: trimmedText('a tier name', MAX_TIER_NAME_LENGTH),
  minFollowers: z
    .int('Enter a whole number of followers.')
    .check(z.gte(0, 'Must be 0 or more.'), z.lte(MAX_FOLLOWERS_BOUND, 'Must be at most 1,000,000,000,000.')),
  pricePerPost: z
    .number('Enter a price.')
    .check(z.gte(0, 'Must be 0 or more.'), z.lte(MAX_PRICE, 'Must be at most 1,000,000,000.')),
  benefits: z
    .array(
      z.string('Each benefit must be text.').check(
        z.trim(),
        z.minLength(1, 'A benefit cannot be empty.'),
        z.maxLength(MAX_BENEFIT_LENGTH, `Each benefit must be at most ${MAX_BENEFIT_LENGTH} characters.`),
      ),
      'The benefits must be a list.',
    )
    .check(z.maxLength(MAX_BENEFITS, `At most ${MAX_BENEFITS} benefits per tier.`)),
  expectations: z.object(
    {
      postsPerMonth: nullableWhole(1000, 'Enter a whole number of posts from 0 to 1,000, or leave it empty.'),
      minEr: z.nullable(
        z.number('Enter a rate from 0 to 100 %, or leave it empty.').check(
          z.gte(0, 'Enter a rate from 0 to 100 %, or leave it empty.'),
          z.lte(100, 'Enter a rate from 0 to 100 %, or leave it empty.'),
        ),
      ),
    },
    'The expectations are missing.',
  ),
}, 'This tier is not valid.');

const CustomTiersSchema = z
  .array(CustomTierSchema, 'The tiers must be a list.')
  .check(
    z.minLength(1, 'Add at least one tier.'),
    z.maxLength(MAX_CUSTOM_TIERS, `At most ${MAX_CUSTOM_TIERS} tiers.`),
    z.superRefine((tiers, ctx) => {
      const names = new Map<string, number>();
      const bounds = new Map<number, number>();
      tiers.forEach((tier, i) => {
        const key = tier.name.trim().toLowerCase();
        const sameName = names.get(key);
        if (sameName !== undefined) {
          ctx.addIssue({ code: 'custom', message: `Tier ${sameName + 1} already has this name.`, path: [i, 'name'], input: tier.name });
        } else names.set(key, i);
        const sameBound = bounds.get(tier.minFollowers);
        if (sameBound !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `Tier ${sameBound + 1} already starts at this follower count.`,
            path: [i, 'minFollowers'],
            input: tier.minFollowers,
          });
        } else bounds.set(tier.minFollowers, i);
      });
    }),
    // One numbering everywhere: Tier 1 is the largest audience, as in the default scheme and on
    // the card. The list is kept in that order, so its position is the tier's number.
    z.overwrite((tiers) => sortTiersLargestFirst(tiers)),
  );

/**
 * Custom tiers largest audience first (by minimum followers, highest first): the order they
 * are numbered in (Tier 1 = the top). Stable for equal bounds. Pure: returns a new list.
 */
export function sortTiersLargestFirst<T extends { minFollowers: number }>(tiers: readonly T[]): T[] {
  return tiers
    .map((tier, i) => ({ tier, i }))
    .sort((a, b) => b.tier.minFollowers - a.tier.minFollowers || a.i - b.i)
    .map(({ tier }) => tier);
}

export const TierChoiceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('default') }),
    z.object({ kind: z.literal('size-classes') }),
    z.object({ kind: z.literal('custom'), name: trimmedText('a name for your tiers', MAX_SCHEME_NAME_LENGTH), tiers: CustomTiersSchema }),
  ],
  'Choose a tier scheme: default, size classes or custom.',
);

const ErBasisSchema = z.enum(ER_BASES, 'Choose what the engagement rate is measured against: followers, views, reach or impressions.');

const MyProfileSchema = z.nullable(
  z.object({
    platform: PlatformSchema,
    handle: z
      .string('Enter your handle.')
      .check(
        z.trim(),
        z.overwrite((h) => h.replace(/^@+/, '')),
        z.minLength(1, 'Enter your handle.'),
        z.maxLength(200, 'The handle must be at most 200 characters.'),
      ),
  }),
);

export const MAX_COMPETITORS = 50;

/** Competitor handles as typed ("@rival, other_brand; https://www.tiktok.com/@third"): cleaned, each once. */
const CompetitorsSchema = z
  .array(
    z
      .string('Enter competitors as @handles.')
      .check(
        z.trim(),
        z.overwrite((h) => h.replace(/^https?:\/\/[^/\s]+\/@?/, '').replace(/^@+/, '').split(/[/?#\s]/)[0]!.toLowerCase()),
        z.minLength(1, 'A competitor needs a handle.'),
        z.maxLength(100, 'A competitor’s handle must be at most 100 characters.'),
        z.regex(/^[\p{L}\p{N}._-]+$/u, 'A competitor’s handle may hold letters, digits, dots, dashes and underscores only.'),
      ),
  )
  .check(
    z.maxLength(MAX_COMPETITORS, `At most ${MAX_COMPETITORS} competitors.`),
    z.overwrite((list) => [...new Set(list)]),
  );

/** Top-level fields, each read on its own by {@link loadSettings}. */
const FIELD_SCHEMAS = {
  marketplace: MarketplaceSchema,
  referralCode: ReferralCodeSchema,
  currency: CurrencySchema,
  tiers: TierChoiceSchema,
  erBasis: ErBasisSchema,
  myProfile: MyProfileSchema,
  competitors: CompetitorsSchema,
} as const;
type FieldName = keyof typeof FIELD_SCHEMAS;

export const SettingsSchema = z.object({ version: z.literal(SETTINGS_VERSION), ...FIELD_SCHEMAS });

// Keep the schema and the interface in step: this fails to compile if they drift apart.
type _SettingsMatch = [z.infer<typeof SettingsSchema>] extends [Settings]
  ? [Settings] extends [z.infer<typeof SettingsSchema>]
    ? true
    : never
  : never;
export const settingsSchemaMatches: _SettingsMatch = true;

// ---------------------------------------------------------------------------------------------
// The options form

/** A message per bad field; keys are dotted paths (`marketplace.baseUrl`, `tiers.tiers.2.minFollowers`); '' is the whole input. */
export type FieldErrors = Record<string, string>;

/** zod's own words for issues whose message we did not write ourselves. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input' && !issue.message.startsWith('Invalid input:') && !issue.message.startsWith('Invalid option')) {
    return issue.message;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'This field is missing.';
  return 'This value is not valid.';
}

/**
 * Validate settings from the options form. Strings are trimmed, the currency upper-cased, the
 * address normalised (no trailing slash), the leading @ of a handle dropped. On failure, one
 * plain-language message per bad field (the first problem found in it).
 */
export function checkSettings(input: unknown): { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: { '': 'The settings are not valid.' } };
  }
  const parsed = SettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.code === 'invalid_value' && key === 'version' ? 'These settings are from another version.' : plainMessage(issue);
  }
  return { ok: false, errors };
}

// ---------------------------------------------------------------------------------------------
// Loading from storage

/** Version n → a function turning a version-n object into a version n+1 object. */
export type Migrations = Readonly<Record<number, (old: unknown) => unknown>>;

/**
 * Version 1 → 2: custom tiers were stored in the order they were typed and numbered by that
 * position in the settings ("Tier 1 Seed"), while the card numbered them by size (Seed, the
 * smallest, was "Tier 3"). Version 2 stores them largest audience first, so the settings list
 * and the card give each tier the same number; every tier keeps its name, bound, price,
 * benefits and expectations. Anything that is not a list of tiers is passed on untouched (the
 * field check after the migrations decides about it).
 */
export function migrateV1toV2(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const tiers = old.tiers;
  if (!isRecord(tiers) || tiers.kind !== 'custom' || !Array.isArray(tiers.tiers)) return { ...old, version: 2 };
  const bound = (t: unknown) => {
    const n = isRecord(t) ? t.minFollowers : undefined;
    return typeof n === 'number' && Number.isFinite(n) ? n : -Infinity;
  };
  const sorted = tiers.tiers
    .map((tier: unknown, i) => ({ tier, i }))
    .sort((a, b) => bound(b.tier) - bound(a.tier) || a.i - b.i)
    .map(({ tier }) => tier);
  return { ...old, version: 2, tiers: { ...tiers, tiers: sorted } };
}

export const MIGRATIONS: Migrations = { 1: migrateV1toV2 };

export interface MigrationResult {
  /** The object after the steps that ran. */
  value: Record<string, unknown>;
  /** The version it is at: `target` when every step ran. */
  version: number;
  notes: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Run the migrations from `value.version` up to `target`, one step at a time. Never throws: a
 * missing or failing step, or a step returning something that is not an object, stops the
 * chain with a note, and the object stays at the last version reached. An object without a
 * readable version is taken as version 1 (the first release). Each step must set the version
 * it produces; the runner sets it when a step forgets.
 */
export function runMigrations(raw: Record<string, unknown>, migrations: Migrations, target: number): MigrationResult {
  const notes: string[] = [];
  const stated = raw.version;
  let version = typeof stated === 'number' && Number.isInteger(stated) && stated >= 0 ? stated : 1;
  if (version !== stated) notes.push('Your settings did not say which version wrote them; they were read as version 1.');
  let value = raw;
  while (version < target) {
    const step = Object.prototype.hasOwnProperty.call(migrations, version) ? migrations[version] : undefined;
    let next: unknown;
    try {
      next = step ? step(value) : undefined;
    } catch {
      next = undefined;
    }
    if (!isRecord(next)) {
      notes.push(`Your settings could not be upgraded from version ${version}; settings that could not be read were reset to the defaults.`);
      break;
    }
    version += 1;
    value = { ...next, version };
  }
  return { value, version, notes };
}

const RESET_NOTES: Record<FieldName, string> = {
  marketplace: 'Your marketplace (name, address and paths) could not be read and was reset to the default.',
  referralCode: 'Your referral code could not be read and was cleared.',
  currency: 'Your currency could not be read and was reset to USD.',
  tiers: 'Your price tiers could not be read and were reset to the default tiers.',
  erBasis: 'Your choice of engagement rate could not be read and was reset to engagement per follower.',
  myProfile: 'Your "This is me" profile could not be read and was cleared.',
  competitors: 'Your list of competitors could not be read and was cleared.',
};

/**
 * Settings from whatever storage holds. Never throws. Nothing stored (first run) gives the
 * defaults without a note. Otherwise the migrations run (see {@link runMigrations}), then each
 * top-level field is read on its own: a field that does not parse falls back to its default and
 * a note says which. A field that is simply missing falls back silently. Settings written by a
 * newer version are read the same way, with a note saying so.
 *
 * `currentVersion` is for tests only: it lets a test pretend a later version is current, to
 * prove a chain of migrations ends in today's fields.
 */
export function loadSettings(
  raw: unknown,
  migrations: Migrations = MIGRATIONS,
  currentVersion: number = SETTINGS_VERSION,
): { settings: Settings; notes: string[] } {
  const defaults = structuredClone(DEFAULT_SETTINGS);
  if (raw === undefined || raw === null) return { settings: defaults, notes: [] };
  if (!isRecord(raw)) return { settings: defaults, notes: ['Your settings could not be read and were reset to the defaults.'] };
  const notes: string[] = [];
  let value = raw;
  const stated = raw.version;
  if (typeof stated === 'number' && Number.isInteger(stated) && stated > currentVersion) {
    notes.push('Your settings were saved by a newer version of Reloquence Lens; settings this version cannot read were reset to the defaults.');
  } else {
    const migrated = runMigrations(raw, migrations, currentVersion);
    notes.push(...migrated.notes);
    value = migrated.value;
  }
  const settings: Settings = defaults;
  const out = settings as unknown as Record<FieldName, unknown>;
  for (const field of Object.keys(FIELD_SCHEMAS) as FieldName[]) {
    if (value[field] === undefined) continue;
    const parsed = FIELD_SCHEMAS[field].safeParse(value[field]);
    if (parsed.success) out[field] = parsed.data;
    else notes.push(RESET_NOTES[field]);
  }
  return { settings, notes };
}

// ---------------------------------------------------------------------------------------------
// Tier schemes

/**
 * Prices of the size classes, in USD, taken from the default scheme so the two agree: each
 * class is priced at the default scheme's price for the class's middle account (the geometric
 * mean of its bounds; 2M for the open-ended Mega class, 500 for Nano).
 * - Nano (< 1K, middle ≈ 500): Tier 8 → $50
 * - Micro (1K–50K, middle ≈ 7.1K): Tier 7 → $150
 * - Midi (50K–500K, middle ≈ 158K): Tier 4 → $8,400
 * - Macro (500K–1M, middle ≈ 707K): Tier 3 → $25,700
 * - Mega (≥ 1M, middle taken as 2M): Tier 2 → $32,400
 * (The price at each class's lower bound was not used: it makes Micro = Nano and Mega = Macro.)
 */
export const SIZE_CLASS_PRICES: Record<SizeClass, number> = {
  nano: 50,
  micro: 150,
  midi: 8_400,
  macro: 25_700,
  mega: 32_400,
};

export const SIZE_CLASS_SCHEME: TierScheme = {
  id: 'size-classes',
  name: 'Size classes',
  currency: DEFAULT_TIER_SCHEME.currency,
  // SIZE_CLASS_BOUNDS is largest first, so rank 1 is Mega, as rank 1 is the largest elsewhere.
  tiers: SIZE_CLASS_BOUNDS.map(([size, min], i) => ({
    rank: i + 1,
    name: SIZE_CLASS_LABELS[size],
    minFollowers: min,
    pricePerPost: SIZE_CLASS_PRICES[size],
  })),
};

/**
 * The tier scheme the settings choose. Default and size classes are priced in USD (their
 * figures are USD figures); custom tiers are in `settings.currency`, ranked like the default
 * scheme: rank 1 is the tier with the highest follower bound.
 */
export function tierSchemeOf(settings: Settings): TierScheme {
  const choice = settings.tiers;
  if (choice.kind === 'default') return DEFAULT_TIER_SCHEME;
  if (choice.kind === 'size-classes') return SIZE_CLASS_SCHEME;
  const sorted = [...choice.tiers].sort((a, b) => b.minFollowers - a.minFollowers);
  return {
    id: 'custom',
    name: choice.name,
    currency: settings.currency,
    tiers: sorted.map((t, i) => ({ rank: i + 1, name: t.name, minFollowers: t.minFollowers, pricePerPost: t.pricePerPost })),
  };
}

/**
 * What the options form should say about custom tiers that start above 0 followers: accounts
 * below the lowest tier get no tier and no price. Null when every count has a tier.
 */
export function tierCoverageNote(choice: TierChoice): string | null {
  if (choice.kind !== 'custom' || choice.tiers.length === 0) return null;
  const lowest = Math.min(...choice.tiers.map((t) => t.minFollowers));
  if (!Number.isFinite(lowest) || lowest <= 0) return null;
  return `Accounts with fewer than ${formatCompact(lowest)} followers get no tier and no price.`;
}
