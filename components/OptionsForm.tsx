/**
 * The settings form of the options page. Pure: it shows a draft and reports edits; the page
 * (entrypoints/options/App.tsx) reads and writes storage.
 *
 * The draft keeps every number as the text typed ("12k", "1,500", "" …) so nothing turns into
 * NaN while typing; {@link checkDraft} turns it into settings on save, with a plain message for
 * each field that is not a number, then checks the rest with {@link checkSettings}. Error keys
 * are the dotted paths of {@link FieldErrors}; every field has id `opt-<path with dashes>` and
 * its message `data-testid="error-<path>"`.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { listingUrl, newListingUrl, searchUrl, signupUrl } from '@/lib/marketplace/links';
import { formatBand, tierBands, DEFAULT_TIER_SCHEME } from '@/lib/metrics/tiers';
import type { TierScheme } from '@/lib/metrics/tier-schema';
import { formatMoney } from '@/lib/metrics/format';
import { PLATFORM_LABELS } from '@/lib/platforms/types';
import {
  checkSettings,
  ER_BASES,
  FLAVOUR_DEFAULT_PATHS,
  FLAVOURS,
  MAX_BENEFIT_LENGTH,
  MAX_CUSTOM_TIERS,
  MAX_MARKETPLACE_NAME_LENGTH,
  MAX_PATH_LENGTH,
  MAX_REFERRAL_CODE_LENGTH,
  MAX_SCHEME_NAME_LENGTH,
  MAX_TIER_NAME_LENGTH,
  MAX_BASE_URL_LENGTH,
  SETTINGS_VERSION,
  SIZE_CLASS_SCHEME,
  sortTiersLargestFirst,
  tierCoverageNote,
  type CustomTier,
  type ErBasis,
  type FieldErrors,
  type Flavour,
  type MarketplacePaths,
  type Settings,
  type TierChoice,
  validateBaseUrl,
} from '@/lib/settings';

// ---------------------------------------------------------------------------------------------
// The draft

/** A custom tier as typed: numbers are text, benefits one per line. */
export interface TierDraft {
  /** Stable key for the table row (not saved). */
  key: number;
  name: string;
  minFollowers: string;
  pricePerPost: string;
  benefits: string;
  postsPerMonth: string;
  minEr: string;
}

export type TierKind = TierChoice['kind'];

/** The settings as the form edits them. */
export interface SettingsDraft {
  marketplace: { name: string; baseUrl: string; flavour: Flavour; paths: MarketplacePaths };
  referralCode: string;
  currency: string;
  /** The custom name and rows are kept while another kind is chosen, so nothing typed is lost. */
  tiers: { kind: TierKind; name: string; tiers: TierDraft[] };
  erBasis: ErBasis;
  myProfile: Settings['myProfile'];
  /** The competitors as typed: handles separated by commas, spaces or new lines. */
  competitors: string;
}

export const DEFAULT_CUSTOM_NAME = 'My tiers';

let nextKey = 1;
function newKey(): number {
  nextKey += 1;
  return nextKey;
}

function numberText(n: number | null): string {
  return n === null || !Number.isFinite(n) ? '' : String(n);
}

export function tierDraftOf(tier: CustomTier): TierDraft {
  return {
    key: newKey(),
    name: tier.name,
    minFollowers: numberText(tier.minFollowers),
    pricePerPost: numberText(tier.pricePerPost),
    benefits: tier.benefits.join('\n'),
    postsPerMonth: numberText(tier.expectations.postsPerMonth),
    minEr: numberText(tier.expectations.minEr),
  };
}

export function blankTier(index: number): TierDraft {
  return { key: newKey(), name: `Tier ${index + 1}`, minFollowers: '', pricePerPost: '', benefits: '', postsPerMonth: '', minEr: '' };
}

/** The default scheme's tiers as custom rows, largest accounts first, as the default table shows them. */
export function defaultTierRows(): TierDraft[] {
  return [...DEFAULT_TIER_SCHEME.tiers]
    .sort((a, b) => a.rank - b.rank)
    .map((t) => tierDraftOf({ name: t.name, minFollowers: t.minFollowers, pricePerPost: t.pricePerPost, benefits: [], expectations: { postsPerMonth: null, minEr: null } }));
}

/**
 * The draft of saved settings. When they do not use custom tiers, `keep` (the draft's custom
 * name and rows so far) stays in the draft for when the user picks "custom" again.
 */
export function draftFromSettings(settings: Settings, keep?: { name: string; tiers: TierDraft[] }): SettingsDraft {
  const choice = settings.tiers;
  const custom =
    choice.kind === 'custom'
      ? { name: choice.name, tiers: choice.tiers.map(tierDraftOf) }
      : { name: keep?.name ?? DEFAULT_CUSTOM_NAME, tiers: keep?.tiers ?? [] };
  return {
    marketplace: { ...settings.marketplace, paths: { ...settings.marketplace.paths } },
    referralCode: settings.referralCode,
    currency: settings.currency,
    tiers: { kind: choice.kind, ...custom },
    erBasis: settings.erBasis,
    myProfile: settings.myProfile ? { ...settings.myProfile } : null,
    competitors: settings.competitors.map((h) => `@${h}`).join(', '),
  };
}

/**
 * A number typed by a person: "12000", "12,000", "12 000", "12k", "1.5M", "2,5" (a decimal
 * comma), "3.2 %" where a percentage is asked. '' is null. Negative numbers and anything else
 * are refused (null result = blank, undefined = not a number).
 */
export function parseNumberText(text: string, opts: { suffixes?: boolean; percent?: boolean } = {}): number | null | undefined {
  let t = String(text ?? '')
    .trim()
    .replace(/[\s\u00a0\u202f_']/g, '');
  if (opts.percent) t = t.replace(/%$/, '');
  if (t === '') return null;
  let multiplier = 1;
  const suffix = opts.suffixes ? /^(.*?)([kmb])$/i.exec(t) : null;
  if (suffix) {
    t = suffix[1] ?? '';
    multiplier = { k: 1e3, m: 1e6, b: 1e9 }[(suffix[2] ?? '').toLowerCase() as 'k' | 'm' | 'b'];
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^\d*,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return undefined;
  const value = Number(t) * multiplier;
  if (!Number.isFinite(value)) return undefined;
  // 1.1 × 1000 is 1100.0000000000002 in floating point.
  return Number(value.toPrecision(12));
}

const NUMBER_MESSAGES = {
  minFollowers: {
    blank: 'Enter the lowest follower count of this tier (0 for every account).',
    bad: 'Enter a whole number of followers, e.g. 12000 or 12K.',
  },
  pricePerPost: { blank: 'Enter a price.', bad: 'Enter a price as a number, e.g. 150 or 1.5K.' },
  postsPerMonth: { bad: 'Enter a whole number of posts from 0 to 1,000, or leave it empty.' },
  minEr: { bad: 'Enter a rate from 0 to 100 %, or leave it empty.' },
} as const;

/**
 * The draft as settings input (`version` added, numbers parsed, benefits split into lines),
 * with a message per number field that could not be read. Unreadable numbers are NaN in the
 * input, so {@link checkSettings} refuses it too.
 */
export function draftToInput(draft: SettingsDraft): { input: Settings; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let tiers: TierChoice;
  if (draft.tiers.kind === 'custom') {
    tiers = {
      kind: 'custom',
      name: draft.tiers.name,
      tiers: draft.tiers.tiers.map((row, i): CustomTier => {
        const at = `tiers.tiers.${i}`;
        const num = (text: string, field: keyof typeof NUMBER_MESSAGES, path: string, opts: { suffixes?: boolean; percent?: boolean; whole?: boolean }) => {
          const value = parseNumberText(text, opts);
          const messages: { blank?: string; bad: string } = NUMBER_MESSAGES[field];
          if (value === undefined || (opts.whole && value !== null && !Number.isInteger(value))) {
            errors[`${at}.${path}`] = messages.bad;
            return Number.NaN;
          }
          if (value === null && messages.blank !== undefined) {
            errors[`${at}.${path}`] = messages.blank;
            return Number.NaN;
          }
          return value;
        };
        return {
          name: row.name,
          minFollowers: num(row.minFollowers, 'minFollowers', 'minFollowers', { suffixes: true, whole: true }) ?? Number.NaN,
          pricePerPost: num(row.pricePerPost, 'pricePerPost', 'pricePerPost', { suffixes: true }) ?? Number.NaN,
          benefits: row.benefits
            .split(/\r?\n/)
            .map((b) => b.trim())
            .filter((b) => b !== ''),
          expectations: {
            postsPerMonth: num(row.postsPerMonth, 'postsPerMonth', 'expectations.postsPerMonth', { whole: true }),
            minEr: num(row.minEr, 'minEr', 'expectations.minEr', { percent: true }),
          },
        };
      }),
    };
  } else tiers = { kind: draft.tiers.kind };
  const input: Settings = {
    version: SETTINGS_VERSION,
    marketplace: { ...draft.marketplace, paths: { ...draft.marketplace.paths } },
    referralCode: draft.referralCode,
    currency: draft.currency,
    tiers,
    erBasis: draft.erBasis,
    myProfile: draft.myProfile,
    competitors: draft.competitors
      .split(/[\s,;]+/)
      .map((h) => h.trim())
      .filter((h) => h !== ''),
  };
  return { input, errors };
}

/**
 * The custom rows in the order they are numbered and saved: largest audience first (Tier 1 =
 * the top, as in the default tiers and on the card). Rows whose minimum followers cannot be
 * read yet keep their place after the others, so nothing typed moves out of sight unexplained.
 * The same draft object when the order does not change.
 */
export function orderTierRows(draft: SettingsDraft): SettingsDraft {
  const rows = draft.tiers.tiers;
  const readable = rows.flatMap((row) => {
    const n = parseNumberText(row.minFollowers, { suffixes: true });
    return typeof n === 'number' ? [{ row, minFollowers: n }] : [];
  });
  const unreadable = rows.filter((row) => typeof parseNumberText(row.minFollowers, { suffixes: true }) !== 'number');
  const ordered = [...sortTiersLargestFirst(readable).map((r) => r.row), ...unreadable];
  if (ordered.every((row, i) => row === rows[i])) return draft;
  return { ...draft, tiers: { ...draft.tiers, tiers: ordered } };
}

/** Where a tier stands in its list, in words: "(largest audience)", "(smallest audience)". */
export function tierPositionNote(index: number, count: number): string | null {
  if (count < 2) return null;
  if (index === 0) return 'largest audience';
  if (index === count - 1) return 'smallest audience';
  return null;
}

/** The draft as checked settings, or a message per field (number messages first). */
export function checkDraft(draft: SettingsDraft): { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } {
  const { input, errors } = draftToInput(draft);
  const checked = checkSettings(input);
  if (checked.ok && Object.keys(errors).length === 0) return checked;
  return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), ...errors } };
}

// ---------------------------------------------------------------------------------------------
// Labels

export const FLAVOUR_LABELS: Record<Flavour, { name: string; short: string }> = {
  go: { name: 'Sharetribe Go (classic)', short: 'Go' },
  'web-template': { name: 'Sharetribe web template', short: 'web template' },
};

const PATH_INFO: Record<keyof MarketplacePaths, { label: string; placeholders: string }> = {
  newListing: { label: 'New listing page', placeholders: 'No placeholder.' },
  listing: { label: 'Listing page', placeholders: '{id}: the listing’s id (required); {slug}: the listing title as in its address (optional).' },
  search: { label: 'Search', placeholders: '{query}: the text searched for, e.g. a creator’s handle (required).' },
  signup: { label: 'Sign-up page', placeholders: '{code}: your referral code (required).' },
};
const PATH_KEYS = Object.keys(PATH_INFO) as Array<keyof MarketplacePaths>;

const KIND_LABELS: Record<TierKind, { name: string; text: string }> = {
  default: { name: 'Default tiers', text: 'The marketplace’s 8 tiers, priced in USD.' },
  'size-classes': { name: 'Size classes', text: 'Nano, Micro, Midi, Macro and Mega, priced in USD.' },
  custom: { name: 'Custom tiers', text: 'Your own tiers, names and prices, in your currency.' },
};

export const ER_BASIS_INFO: Record<ErBasis, { name: string; text: string }> = {
  followers: {
    name: 'Followers',
    text: 'Likes and comments per post ÷ the account’s followers. Works on every profile; the rate brands usually ask for.',
  },
  views: { name: 'Views', text: 'Likes and comments ÷ the post’s own views. Best for video (YouTube, TikTok, Reels), where views are shown.' },
  reach: { name: 'Reach', text: 'Likes and comments ÷ the accounts that saw the post. Only known from the creator’s own insights.' },
  impressions: {
    name: 'Impressions',
    text: 'Likes and comments ÷ the times the post was shown, repeat views included. From insights, or the view count on X.',
  },
};

const TIER_FIELD_LABELS: Record<string, string> = {
  name: 'name',
  minFollowers: 'minimum followers',
  pricePerPost: 'price per post',
  benefits: 'benefits',
  expectations: 'expectations',
  'expectations.postsPerMonth': 'posts per month',
  'expectations.minEr': 'minimum ER %',
};

/** A person's name for an error key, for the summary. */
export function fieldLabel(path: string): string {
  const simple: Record<string, string> = {
    '': 'Settings',
    version: 'Settings',
    marketplace: 'Marketplace',
    'marketplace.name': 'Marketplace name',
    'marketplace.baseUrl': 'Marketplace address',
    'marketplace.flavour': 'Kind of marketplace',
    'marketplace.paths': 'Marketplace paths',
    referralCode: 'Referral code',
    currency: 'Currency',
    tiers: 'Price tiers',
    'tiers.name': 'Name of your tiers',
    'tiers.tiers': 'Custom tiers',
    erBasis: 'Engagement rate basis',
    competitors: 'Competitors',
  };
  if (path in simple) return simple[path] ?? path;
  const pathKey = /^marketplace\.paths\.(\w+)$/.exec(path)?.[1];
  if (pathKey && pathKey in PATH_INFO) return `${PATH_INFO[pathKey as keyof MarketplacePaths].label} path`;
  const tier = /^tiers\.tiers\.(\d+)(?:\.(.+))?$/.exec(path);
  if (tier) {
    const field = (tier[2] ?? '').replace(/^benefits\.\d+$/, 'benefits');
    const label = TIER_FIELD_LABELS[field];
    return `Tier ${Number(tier[1]) + 1}${label ? ` ${label}` : ''}`;
  }
  if (path.startsWith('myProfile')) return 'Your profile';
  return 'Settings';
}

/** The field an error key belongs to (benefit lines share the benefits box). */
function fieldOf(path: string): string {
  return path.replace(/^(tiers\.tiers\.\d+\.benefits)\.\d+$/, '$1');
}

export function fieldId(path: string): string {
  return `opt-${path.replace(/\./g, '-') || 'form'}`;
}

// ---------------------------------------------------------------------------------------------
// Preview

export const SAMPLE_HANDLE = 'cosy.crafts';
const SAMPLE_LISTING: Record<Flavour, { id: string; slug: string }> = {
  go: { id: '123-cosy-crafts', slug: 'cosy-crafts' },
  'web-template': { id: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', slug: 'cosy-crafts' },
};

function attempt(make: () => string): string {
  try {
    return make();
  } catch {
    return '—';
  }
}

function samePaths(a: MarketplacePaths, b: MarketplacePaths): boolean {
  return PATH_KEYS.every((k) => a[k].trim() === b[k].trim());
}

/**
 * The address as browsers write it (an internationalised name in its `xn--` form), when that
 * differs from what was typed; null when it is the same or cannot be used.
 */
export function addressShownAs(typed: string): string | null {
  const checked = validateBaseUrl(typed);
  if (!checked.ok) return null;
  const asTyped = typed.trim().replace(/\/+$/, '');
  return checked.url.toLowerCase() === asTyped.toLowerCase() ? null : checked.url;
}

/** The lowest bound of the custom rows that can be read, for {@link tierCoverageNote}. */
function coverageNote(draft: SettingsDraft): string | null {
  if (draft.tiers.kind !== 'custom') return null;
  const tiers = draft.tiers.tiers.flatMap((row): CustomTier[] => {
    const min = parseNumberText(row.minFollowers, { suffixes: true });
    return typeof min === 'number' ? [{ name: row.name, minFollowers: min, pricePerPost: 0, benefits: [], expectations: { postsPerMonth: null, minEr: null } }] : [];
  });
  return tiers.length === 0 ? null : tierCoverageNote({ kind: 'custom', name: draft.tiers.name, tiers });
}

// ---------------------------------------------------------------------------------------------
// Pieces

function ErrorText({ path, errors, inline }: { path: string; errors: FieldErrors; inline?: boolean }) {
  const message = errors[path];
  if (message === undefined) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag class="rl-o-error" id={`${fieldId(path)}-error`} data-testid={`error-${path}`}>
      {message}
    </Tag>
  );
}

/** The fields of a custom tier's first row, whose messages show under the row (the cells are narrow). */
const ROW_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['name', 'Name'],
  ['minFollowers', 'Min. followers'],
  ['pricePerPost', 'Price per post'],
  ['expectations.postsPerMonth', 'Posts / month'],
  ['expectations.minEr', 'Min. ER %'],
];

function describedBy(path: string, errors: FieldErrors, hint: boolean): string | undefined {
  const ids = [hint ? `${fieldId(path)}-hint` : '', errors[path] !== undefined ? `${fieldId(path)}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  errors: FieldErrors;
  hint?: ComponentChildren;
  placeholder?: string;
  maxLength?: number;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'url';
  /** The label is read by screen readers only (table cells, whose column header shows it). */
  hiddenLabel?: boolean;
  multiline?: boolean;
  class?: string;
  type?: 'text' | 'url';
  /** The message is shown elsewhere (under a table row), still tied to the field by aria-describedby. */
  errorElsewhere?: boolean;
}

function TextField(p: TextFieldProps) {
  const id = fieldId(p.path);
  const invalid = p.errors[p.path] !== undefined;
  const common = {
    id,
    value: p.value,
    placeholder: p.placeholder,
    maxLength: p.maxLength,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy(p.path, p.errors, p.hint !== undefined),
    spellcheck: false,
    autoComplete: 'off',
  };
  return (
    <div class={`rl-o-field ${p.class ?? ''}`}>
      <label for={id} class={p.hiddenLabel ? 'rl-o-sr' : 'rl-o-label'}>
        {p.label}
      </label>
      {p.multiline ? (
        <textarea {...common} rows={2} onInput={(e) => p.onValue(e.currentTarget.value)} />
      ) : (
        <input {...common} type={p.type ?? 'text'} inputMode={p.inputMode} onInput={(e) => p.onValue(e.currentTarget.value)} />
      )}
      {p.hint !== undefined && (
        <p class="rl-o-hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {!p.errorElsewhere && <ErrorText path={p.path} errors={p.errors} />}
    </div>
  );
}

function Section({ title, id, children, intro }: { title: string; id: string; children: ComponentChildren; intro?: ComponentChildren }) {
  return (
    <section class="rl-o-section" aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro !== undefined && <p class="rl-o-intro">{intro}</p>}
      {children}
    </section>
  );
}

function ReadOnlyScheme({ scheme, testId }: { scheme: TierScheme; testId: string }) {
  const bands = tierBands(scheme).reverse();
  return (
    <table class="rl-o-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Tier</th>
          <th scope="col">Name</th>
          <th scope="col">Followers</th>
          <th scope="col" class="rl-o-num">
            Price per post
          </th>
        </tr>
      </thead>
      <tbody>
        {bands.map((t, i) => (
          <tr key={t.name}>
            <td class="rl-o-tier-n">
              Tier {t.rank}
              {tierPositionNote(i, bands.length) && <span class="rl-o-muted"> ({tierPositionNote(i, bands.length)})</span>}
            </td>
            <td>{t.name}</td>
            <td>{formatBand(t.minFollowers, t.maxFollowers)}</td>
            <td class="rl-o-num">{formatMoney(t.pricePerPost, scheme.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------------------------------------
// The form

export interface OptionsFormProps {
  value: SettingsDraft;
  errors: FieldErrors;
  /** Notes from reading the stored settings (fields that were reset…). */
  notes: string[];
  saving: boolean;
  /** When the settings were last saved, as shown ("14:03"); null when not since the page opened. */
  savedAt: string | null;
  /** Edits not saved yet. */
  dirty?: boolean;
  /** Why the last save failed when it was not a field's fault (storage). */
  failure?: string | null;
  onChange: (draft: SettingsDraft) => void;
  onSave: () => void;
  onReset: () => void;
}

export function OptionsForm(props: OptionsFormProps) {
  const { value: draft, errors, onChange } = props;
  const [confirmReset, setConfirmReset] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorKeys = Object.keys(errors);
  const hasErrors = errorKeys.length > 0;

  // When a save fails, the summary takes the focus (and scrolls into view): the Save button
  // may be far below the first bad field.
  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [errors, hasErrors]);

  const set = (change: (d: SettingsDraft) => SettingsDraft) => onChange(change(draft));
  const setMarket = (patch: Partial<SettingsDraft['marketplace']>) => set((d) => ({ ...d, marketplace: { ...d.marketplace, ...patch } }));
  const setPath = (key: keyof MarketplacePaths, text: string) => set((d) => ({ ...d, marketplace: { ...d.marketplace, paths: { ...d.marketplace.paths, [key]: text } } }));
  const setTiers = (patch: Partial<SettingsDraft['tiers']>) => set((d) => ({ ...d, tiers: { ...d.tiers, ...patch } }));
  const setRow = (index: number, patch: Partial<TierDraft>) =>
    set((d) => ({ ...d, tiers: { ...d.tiers, tiers: d.tiers.tiers.map((row, i) => (i === index ? { ...row, ...patch } : row)) } }));

  const m = draft.marketplace;
  const flavourDefaults = FLAVOUR_DEFAULT_PATHS[m.flavour];
  const pathsAreDefault = samePaths(m.paths, flavourDefaults);

  const chooseFlavour = (flavour: Flavour) => {
    if (flavour === m.flavour) return;
    // Paths still as some flavour's defaults were never edited: they follow the flavour.
    const unedited = FLAVOURS.some((f) => samePaths(m.paths, FLAVOUR_DEFAULT_PATHS[f]));
    setMarket(unedited ? { flavour, paths: { ...FLAVOUR_DEFAULT_PATHS[flavour] } } : { flavour });
  };

  const shownAs = addressShownAs(m.baseUrl);
  const sample = SAMPLE_LISTING[m.flavour];
  const preview: Array<[string, string, string]> = [
    ['Listing page', 'preview-listing', attempt(() => listingUrl(m, sample))],
    [`Search for ${SAMPLE_HANDLE}`, 'preview-search', attempt(() => searchUrl(m, SAMPLE_HANDLE))],
    ['New listing', 'preview-new-listing', attempt(() => newListingUrl(m))],
    ['Sign-up with your code', 'preview-signup', attempt(() => signupUrl(m, draft.referralCode))],
  ];

  const rows = draft.tiers.tiers;
  const chooseKind = (kind: TierKind) => {
    if (kind === 'custom' && rows.length === 0) setTiers({ kind, tiers: [blankTier(0)] });
    else setTiers({ kind });
  };
  const coverage = coverageNote(draft);
  const listError = errors['tiers.tiers'];

  const firstError = (prefix: string) => errorKeys.find((k) => k === prefix || k.startsWith(`${prefix}.`));
  const profileError = firstError('myProfile');

  const focusField = (path: string) => {
    const el = document.getElementById(fieldId(fieldOf(path)));
    el?.focus();
  };

  return (
    <form
      class="rl-o-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      {props.notes.length > 0 && (
        <div class="rl-o-notes" role="status" data-testid="options-notes">
          {props.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}

      {hasErrors && (
        <div class="rl-o-summary" role="alert" tabIndex={-1} ref={summaryRef} data-testid="options-error-summary">
          <p class="rl-o-summary-title">
            Not saved: {errorKeys.length === 1 ? '1 field needs' : `${errorKeys.length} fields need`} your attention.
          </p>
          <ul>
            {errorKeys.map((path) => (
              <li key={path}>
                <button type="button" class="rl-o-linkish" onClick={() => focusField(path)}>
                  {fieldLabel(path)}
                </button>
                : {errors[path]}
              </li>
            ))}
          </ul>
        </div>
      )}

      <Section title="Marketplace" id="marketplace" intro="Where “Create listing”, “Search” and invitation links lead.">
        <div class="rl-o-row">
          <TextField
            path="marketplace.name"
            label="Name"
            value={m.name}
            onValue={(name) => setMarket({ name })}
            errors={errors}
            maxLength={MAX_MARKETPLACE_NAME_LENGTH + 20}
            class="rl-o-grow-1"
          />
          <TextField
            path="marketplace.baseUrl"
            label="Address"
            type="url"
            inputMode="url"
            value={m.baseUrl}
            onValue={(baseUrl) => setMarket({ baseUrl })}
            errors={errors}
            placeholder="https://www.reloquence.com"
            maxLength={MAX_BASE_URL_LENGTH + 20}
            hint={
              shownAs === null ? (
                'https:// only, e.g. https://www.reloquence.com or https://example.com/market.'
              ) : (
                <span data-testid="address-shown-as">
                  Browsers write this address as <bdi class="rl-o-mono">{shownAs}</bdi>: that is the address that will be saved and opened.
                  Check that it is the site you mean.
                </span>
              )
            }
            class="rl-o-grow-2"
          />
        </div>

        <fieldset class="rl-o-choices" aria-describedby={errors['marketplace.flavour'] ? `${fieldId('marketplace.flavour')}-error` : undefined}>
          <legend class="rl-o-label">Kind of marketplace</legend>
          {FLAVOURS.map((f) => (
            <label key={f} class="rl-o-choice">
              <input type="radio" name="flavour" value={f} checked={m.flavour === f} onChange={() => chooseFlavour(f)} data-testid={`flavour-${f}`} />
              <span>
                {FLAVOUR_LABELS[f].name}: <code>{FLAVOUR_DEFAULT_PATHS[f].newListing}</code>
              </span>
            </label>
          ))}
          <ErrorText path="marketplace.flavour" errors={errors} />
        </fieldset>

        <fieldset class="rl-o-paths">
          <legend class="rl-o-label">Paths after the address</legend>
          {!pathsAreDefault && (
            <p class="rl-o-hint rl-o-inline">
              These paths are not the {FLAVOUR_LABELS[m.flavour].short} defaults.{' '}
              <button type="button" class="rl-btn" data-testid="use-flavour-paths" onClick={() => setMarket({ paths: { ...flavourDefaults } })}>
                Use {FLAVOUR_LABELS[m.flavour].short} paths
              </button>
            </p>
          )}
          <div class="rl-o-grid-2">
            {PATH_KEYS.map((key) => (
              <TextField
                key={key}
                path={`marketplace.paths.${key}`}
                label={PATH_INFO[key].label}
                value={m.paths[key]}
                onValue={(text) => setPath(key, text)}
                errors={errors}
                maxLength={MAX_PATH_LENGTH + 20}
                placeholder={flavourDefaults[key]}
                hint={PATH_INFO[key].placeholders}
                class="rl-o-mono"
              />
            ))}
          </div>
          <ErrorText path="marketplace.paths" errors={errors} />
        </fieldset>

        <div class="rl-o-preview" data-testid="link-preview">
          <p class="rl-o-label">
            Preview for <strong>@{SAMPLE_HANDLE}</strong> (a sample listing)
          </p>
          <dl>
            {preview.map(([label, testId, href]) => (
              <div key={testId}>
                <dt>{label}</dt>
                <dd data-testid={testId}>{href}</dd>
              </div>
            ))}
          </dl>
        </div>
      </Section>

      <Section title="Your referral code" id="referral" intro="Added to the sign-up links in your invitations, so the marketplace knows who invited whom.">
        <TextField
          path="referralCode"
          label="Referral code"
          value={draft.referralCode}
          onValue={(referralCode) => set((d) => ({ ...d, referralCode }))}
          errors={errors}
          maxLength={MAX_REFERRAL_CODE_LENGTH + 10}
          placeholder="e.g. COSY-2025"
          hint="Letters, digits, - and _ only. Leave empty for no code."
          class="rl-o-narrow"
        />
        <p class="rl-o-example">
          Invite link: <code data-testid="preview-invite">{attempt(() => signupUrl(m, draft.referralCode))}</code>
        </p>
      </Section>

      <Section
        title="Your competitors"
        id="competitors"
        intro="Brands you compete with. The card flags a creator whose recent posts mention or tag one of them (“worked with a competitor: @x, 2 of 12 posts”)."
      >
        <TextField
          path="competitors"
          label="Competitors’ handles"
          value={draft.competitors}
          onValue={(competitors) => set((d) => ({ ...d, competitors }))}
          errors={errors}
          maxLength={4000}
          placeholder="@rivalbrand, @otherbrand"
          hint="Handles or profile addresses, separated by commas or spaces. Leave empty for none."
        />
      </Section>

      <Section title="Currency" id="currency">
        <TextField
          path="currency"
          label="Currency code"
          value={draft.currency}
          onValue={(text) => set((d) => ({ ...d, currency: text.toUpperCase() }))}
          errors={errors}
          maxLength={3}
          placeholder="USD"
          hint="A 3-letter ISO code such as USD, EUR or GBP. The default tiers and the size classes are priced in USD; your currency applies to custom tiers."
          class="rl-o-tiny"
        />
      </Section>

      <Section title="Price tiers" id="tiers" intro="Which tier a creator is in, by followers, and the price per post the card suggests.">
        <fieldset class="rl-o-choices">
          <legend class="rl-o-sr">Tier scheme</legend>
          {(['default', 'size-classes', 'custom'] as const).map((kind) => (
            <label key={kind} class="rl-o-choice">
              <input type="radio" name="tier-kind" value={kind} checked={draft.tiers.kind === kind} onChange={() => chooseKind(kind)} data-testid={`tiers-${kind}`} />
              <span>
                <strong>{KIND_LABELS[kind].name}</strong> <span class="rl-o-muted">— {KIND_LABELS[kind].text}</span>
              </span>
            </label>
          ))}
          <ErrorText path="tiers" errors={errors} />
        </fieldset>

        {draft.tiers.kind === 'default' && <ReadOnlyScheme scheme={DEFAULT_TIER_SCHEME} testId="default-tiers" />}
        {draft.tiers.kind === 'size-classes' && <ReadOnlyScheme scheme={SIZE_CLASS_SCHEME} testId="size-class-tiers" />}
        {draft.tiers.kind === 'custom' && (
          <div class="rl-o-custom" data-testid="custom-tiers">
            <div class="rl-o-row rl-o-row-end">
              <TextField
                path="tiers.name"
                label="Name of your tiers"
                value={draft.tiers.name}
                onValue={(name) => setTiers({ name })}
                errors={errors}
                maxLength={MAX_SCHEME_NAME_LENGTH + 10}
                class="rl-o-grow-1"
              />
              <button type="button" class="rl-btn rl-o-start" data-testid="tiers-from-default" onClick={() => setTiers({ tiers: defaultTierRows() })}>
                Start from the default tiers
              </button>
            </div>
            <p class="rl-o-hint">
              Prices are in {/^[A-Z]{3}$/.test(draft.currency.trim()) ? draft.currency.trim() : 'your currency'}. Numbers may be written 12000, 12,000 or 12K.
              Benefits: one per line. Expectations may be left empty.
            </p>
            <p class="rl-o-hint" data-testid="tier-order-hint">
              Tier 1 is the largest audience, as in the default tiers and on the card; the last tier is the smallest. Tiers are put in that order (by
              minimum followers) when you save.
            </p>
            <div class="rl-o-table-wrap">
              <table class="rl-o-table rl-o-edit">
                <thead>
                  <tr>
                    <th scope="col" class="rl-o-c-n">
                      Tier
                    </th>
                    <th scope="col" class="rl-o-c-name">
                      Name
                    </th>
                    <th scope="col" class="rl-o-c-min">
                      Min. followers
                    </th>
                    <th scope="col" class="rl-o-c-price">
                      Price per post
                    </th>
                    <th scope="col" class="rl-o-c-posts">
                      Posts / month
                    </th>
                    <th scope="col" class="rl-o-c-er">
                      Min. ER %
                    </th>
                    <th scope="col" class="rl-o-c-remove">
                      <span class="rl-o-sr">Remove</span>
                    </th>
                  </tr>
                </thead>
                {rows.map((row, i) => {
                  const at = `tiers.tiers.${i}`;
                  const n = i + 1;
                  const benefitsError = firstError(`${at}.benefits`);
                  const rowErrors = benefitsError ? { ...errors, [`${at}.benefits`]: errors[benefitsError] ?? '' } : errors;
                  const tierError = errors[at];
                  return (
                    <tbody key={row.key} class="rl-o-tier" data-testid="custom-tier">
                      <tr>
                        <th scope="row" class="rl-o-c-n" data-testid="custom-tier-number">
                          {n}
                          {tierPositionNote(i, rows.length) && <span class="rl-o-tier-pos">{tierPositionNote(i, rows.length)}</span>}
                        </th>
                        <td>
                          <TextField path={`${at}.name`} label={`Tier ${n} name`} hiddenLabel errorElsewhere value={row.name} onValue={(name) => setRow(i, { name })} errors={rowErrors} maxLength={MAX_TIER_NAME_LENGTH + 10} />
                        </td>
                        <td>
                          <TextField
                            path={`${at}.minFollowers`}
                            label={`Tier ${n} minimum followers`} errorElsewhere
                            hiddenLabel
                            inputMode="decimal"
                            placeholder="e.g. 5K"
                            value={row.minFollowers}
                            onValue={(minFollowers) => setRow(i, { minFollowers })}
                            errors={rowErrors}
                            maxLength={30}
                          />
                        </td>
                        <td>
                          <TextField
                            path={`${at}.pricePerPost`}
                            label={`Tier ${n} price per post`} errorElsewhere
                            hiddenLabel
                            inputMode="decimal"
                            placeholder="e.g. 150"
                            value={row.pricePerPost}
                            onValue={(pricePerPost) => setRow(i, { pricePerPost })}
                            errors={rowErrors}
                            maxLength={30}
                          />
                        </td>
                        <td>
                          <TextField
                            path={`${at}.expectations.postsPerMonth`}
                            label={`Tier ${n} posts per month`} errorElsewhere
                            hiddenLabel
                            inputMode="numeric"
                            placeholder="—"
                            value={row.postsPerMonth}
                            onValue={(postsPerMonth) => setRow(i, { postsPerMonth })}
                            errors={rowErrors}
                            maxLength={10}
                          />
                        </td>
                        <td>
                          <TextField
                            path={`${at}.expectations.minEr`}
                            label={`Tier ${n} minimum ER %`} errorElsewhere
                            hiddenLabel
                            inputMode="decimal"
                            placeholder="—"
                            value={row.minEr}
                            onValue={(minEr) => setRow(i, { minEr })}
                            errors={rowErrors}
                            maxLength={10}
                          />
                        </td>
                        <td class="rl-o-c-remove">
                          <button
                            type="button"
                            class="rl-btn rl-o-danger"
                            aria-label={`Remove tier ${n}`}
                            title={`Remove tier ${n}`}
                            disabled={rows.length <= 1}
                            onClick={() => setTiers({ tiers: rows.filter((_, j) => j !== i) })}
                          >
                            Remove
                          </button>
                        </td>
                      </tr>
                      <tr class="rl-o-benefits">
                        <td />
                        <td colSpan={6}>
                          {ROW_FIELDS.some(([field]) => errors[`${at}.${field}`] !== undefined) && (
                            <ul class="rl-o-row-errors">
                              {ROW_FIELDS.filter(([field]) => errors[`${at}.${field}`] !== undefined).map(([field, label]) => (
                                <li key={field}>
                                  <span class="rl-o-row-error-field">{label}:</span> <ErrorText path={`${at}.${field}`} errors={errors} inline />
                                </li>
                              ))}
                            </ul>
                          )}
                          <TextField
                            path={`${at}.benefits`}
                            label={`Tier ${n} benefits (one per line)`}
                            multiline
                            value={row.benefits}
                            placeholder="e.g. Featured on the home page"
                            onValue={(benefits) => setRow(i, { benefits })}
                            errors={rowErrors}
                            maxLength={(MAX_BENEFIT_LENGTH + 1) * 12}
                          />
                          {tierError !== undefined && <ErrorText path={at} errors={errors} />}
                        </td>
                      </tr>
                    </tbody>
                  );
                })}
              </table>
            </div>
            <div class="rl-o-row rl-o-tier-actions">
              <button
                type="button"
                class="rl-btn"
                data-testid="add-tier"
                disabled={rows.length >= MAX_CUSTOM_TIERS}
                onClick={() => setTiers({ tiers: [...rows, blankTier(rows.length)] })}
              >
                Add tier
              </button>
              <span class="rl-o-muted">
                {rows.length} of at most {MAX_CUSTOM_TIERS} tiers
              </span>
            </div>
            {listError !== undefined && <ErrorText path="tiers.tiers" errors={errors} />}
            {coverage !== null && (
              <p class="rl-o-note" data-testid="tier-coverage">
                {coverage}
              </p>
            )}
          </div>
        )}
      </Section>

      <Section title="Engagement rate" id="er" intro="What listings and the card measure engagement against by default.">
        <fieldset class="rl-o-choices">
          <legend class="rl-o-sr">Default engagement rate basis</legend>
          {ER_BASES.map((basis) => (
            <label key={basis} class="rl-o-choice">
              <input type="radio" name="er-basis" value={basis} checked={draft.erBasis === basis} onChange={() => set((d) => ({ ...d, erBasis: basis }))} data-testid={`er-${basis}`} />
              <span>
                <strong>{ER_BASIS_INFO[basis].name}</strong> <span class="rl-o-muted">— {ER_BASIS_INFO[basis].text}</span>
              </span>
            </label>
          ))}
          <ErrorText path="erBasis" errors={errors} />
        </fieldset>
      </Section>

      <Section title="Your profile" id="profile" intro="Your own account, so the card can tell your profile from the creators you look at.">
        <div class="rl-o-row rl-o-profile">
          <p data-testid="my-profile">
            {draft.myProfile ? (
              <>
                <strong>
                  <bdi>@{draft.myProfile.handle}</bdi>
                </strong>{' '}
                on {PLATFORM_LABELS[draft.myProfile.platform] ?? draft.myProfile.platform}
              </>
            ) : (
              <span class="rl-o-muted">Not set — open your own profile and click “This is me” on the card.</span>
            )}
          </p>
          {draft.myProfile && (
            <button type="button" class="rl-btn" data-testid="forget-profile" onClick={() => set((d) => ({ ...d, myProfile: null }))}>
              Forget
            </button>
          )}
        </div>
        {profileError !== undefined && <ErrorText path={profileError} errors={errors} />}
      </Section>

      <div class="rl-o-actions">
        <button type="submit" class="rl-btn rl-o-primary" data-testid="options-save" disabled={props.saving}>
          {props.saving ? 'Saving…' : 'Save'}
        </button>
        <span class="rl-o-status" aria-live="polite">
          {props.failure ? (
            <span class="rl-o-fail" data-testid="options-failure">
              {props.failure}
            </span>
          ) : hasErrors ? (
            <span class="rl-o-fail">Not saved: see the messages above.</span>
          ) : props.dirty ? (
            <span class="rl-o-muted" data-testid="options-unsaved">
              Unsaved changes
            </span>
          ) : props.savedAt !== null ? (
            <span class="rl-o-ok" data-testid="options-saved">
              Saved ✓ {props.savedAt}
            </span>
          ) : null}
        </span>
        <span class="rl-o-spacer" />
        {confirmReset ? (
          <span class="rl-o-confirm" role="group" aria-label="Confirm reset">
            <span>Reset every setting?</span>
            <button
              type="button"
              class="rl-btn rl-o-danger"
              data-testid="options-reset-confirm"
              disabled={props.saving}
              onClick={() => {
                setConfirmReset(false);
                props.onReset();
              }}
            >
              Yes, reset
            </button>
            <button type="button" class="rl-btn" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" class="rl-btn rl-o-quiet" data-testid="options-reset" disabled={props.saving} onClick={() => setConfirmReset(true)}>
            Reset to defaults
          </button>
        )}
      </div>
    </form>
  );
}

