/**
 * Links into the marketplace: a listing, a search, the new-listing page, the signup page with a
 * referral code. Pure.
 *
 * Safety rules:
 * - Every placeholder value is percent-encoded (encodeURIComponent), so no handle or id can add
 *   a path segment, a query parameter or a fragment.
 * - A value that would be a whole `.` or `..` path segment (which the URL parser resolves even
 *   percent-encoded) or an empty path segment is refused.
 * - The base address and the path templates are checked again here (https only, see
 *   validateBaseUrl / validatePath) and every result is parsed back with `new URL` and must keep
 *   the base's origin and path prefix. Anything else throws an Error with a plain message;
 *   callers catch it.
 */
import { PATH_PLACEHOLDERS, validateBaseUrl, validatePath, type MarketplacePaths, type Settings } from '../settings';

export type Marketplace = Settings['marketplace'];

export const MAX_CAMPAIGN_TAG_LENGTH = 100;
const MAX_VALUE_LENGTH = 500;
const MAX_PARSED_URL_LENGTH = 4000;

interface Base {
  /** Normalised, without trailing slash: `https://host[:port][/prefix]`. */
  url: string;
  origin: string;
  /** Path prefix without trailing slash ('' for none). */
  prefix: string;
}

function baseOf(m: Marketplace): Base {
  const checked = validateBaseUrl(m?.baseUrl);
  if (!checked.ok) throw new Error(`The marketplace address cannot be used: ${checked.message}`);
  const url = new URL(checked.url);
  return { url: checked.url, origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

function templateOf(m: Marketplace, key: keyof MarketplacePaths): string {
  const { required, allowed } = PATH_PLACEHOLDERS[key];
  const checked = validatePath(m?.paths?.[key], required, allowed);
  if (!checked.ok) throw new Error(`The marketplace's ${key} path cannot be used: ${checked.message}`);
  return checked.path;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Values that, as a whole path segment, would move up or stay put instead of naming a page. */
function isDotSegment(encoded: string): boolean {
  return /^(\.|%2e){1,2}$/i.test(encoded);
}

/** Fill a template's placeholders; path values must be non-empty and not `.`/`..`. */
function fill(template: string, values: Record<string, string>): string {
  const queryAt = template.indexOf('?');
  const fillPart = (part: string, inPath: boolean) =>
    part.replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name];
      if (typeof value !== 'string') throw new Error(`No value for {${name}}.`);
      if (value.length > MAX_VALUE_LENGTH) throw new Error(`The value for {${name}} is too long.`);
      const encoded = encodeURIComponent(value);
      if (inPath && (encoded === '' || isDotSegment(encoded))) throw new Error(`"${value}" cannot be used as {${name}} in a link.`);
      return encoded;
    });
  if (queryAt < 0) return fillPart(template, true);
  return fillPart(template.slice(0, queryAt), true) + '?' + fillPart(template.slice(queryAt + 1), false);
}

/** Parse the built link and make sure it stayed on the marketplace. */
function sameOrigin(base: Base, built: string): string {
  let url: URL;
  try {
    url = new URL(built);
  } catch {
    throw new Error('The marketplace link is not a valid address.');
  }
  if (url.protocol !== 'https:' || url.origin !== base.origin || url.username !== '' || url.password !== '') {
    throw new Error('The marketplace link would leave the marketplace.');
  }
  if (base.prefix && url.pathname !== base.prefix && !url.pathname.startsWith(`${base.prefix}/`)) {
    throw new Error('The marketplace link would leave the marketplace.');
  }
  return url.href;
}

function build(m: Marketplace, key: keyof MarketplacePaths, values: Record<string, string>): { base: Base; href: string } {
  const base = baseOf(m);
  const href = sameOrigin(base, base.url + fill(templateOf(m, key), values));
  return { base, href };
}

/**
 * A listing page. `slug` is used where the template has `{slug}` (web template:
 * `/l/{slug}/{id}`); a missing slug reads "no-slug", as the web template itself writes it.
 */
export function listingUrl(m: Marketplace, listing: { id: string; slug?: string | null }): string {
  const id = typeof listing?.id === 'string' ? listing.id.trim() : '';
  if (id === '') throw new Error('The listing has no id.');
  const slug = typeof listing.slug === 'string' && listing.slug.trim() !== '' ? listing.slug.trim() : 'no-slug';
  return build(m, 'listing', { id, slug }).href;
}

/** The marketplace's search for a creator's handle (any text: it is encoded as a whole). */
export function searchUrl(m: Marketplace, query: string): string {
  return build(m, 'search', { query: typeof query === 'string' ? query.trim() : '' }).href;
}

export function newListingUrl(m: Marketplace): string {
  return build(m, 'newListing', {}).href;
}

/** Append `name=value` to a URL's query, whether or not it has one. */
function appendParam(href: string, name: string, value: string): string {
  const url = new URL(href);
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  return `${url.origin}${url.pathname}${url.search === '' ? '?' : `${url.search}&`}${pair}`;
}

/**
 * The signup page with a referral code; '' = no code: the signup page without its code
 * parameter (or the marketplace's home page when the template puts the code in the path).
 * `campaign` (trimmed, at most 100 characters) is added as `utm_campaign`.
 */
export function signupUrl(m: Marketplace, code: string, campaign?: string | null): string {
  const trimmed = typeof code === 'string' ? code.trim() : '';
  if (trimmed !== '' && !/^[A-Za-z0-9_-]{1,64}$/.test(trimmed)) throw new Error('The referral code may only hold letters, digits, - and _.');
  const base = baseOf(m);
  let href: string;
  if (trimmed !== '') {
    href = build(m, 'signup', { code: trimmed }).href;
  } else {
    const template = templateOf(m, 'signup');
    const [path = '', query] = template.split('?', 2) as [string, string | undefined];
    if (path.includes('{code}')) {
      href = sameOrigin(base, `${base.url}/`);
    } else {
      const kept = (query ?? '').split('&').filter((pair) => pair !== '' && !pair.includes('{code}'));
      href = sameOrigin(base, base.url + fill(kept.length > 0 ? `${path}?${kept.join('&')}` : path, {}));
    }
  }
  const tag = typeof campaign === 'string' ? campaign.trim() : '';
  if (tag === '') return href;
  if (tag.length > MAX_CAMPAIGN_TAG_LENGTH) throw new Error(`The campaign tag must be at most ${MAX_CAMPAIGN_TAG_LENGTH} characters.`);
  return sameOrigin(base, appendParam(href, 'utm_campaign', tag));
}

/**
 * Whether a link is on this marketplace: https, the marketplace's origin, no user name or
 * password, and under its path prefix. False for anything else (and when the marketplace's own
 * address is unusable); never throws.
 */
export function isOnMarketplace(m: Marketplace, url: string): boolean {
  try {
    if (typeof url !== 'string' || url.length > MAX_PARSED_URL_LENGTH || /\s/.test(url)) return false;
    sameOrigin(baseOf(m), url);
    return true;
  } catch {
    return false;
  }
}

/** The marketplace's address as the settings check and show it (`https://host[/prefix]`), or null when unusable. */
export function marketplaceAddress(m: Marketplace): string | null {
  try {
    return baseOf(m).url;
  } catch {
    return null;
  }
}

/** Go listing ids: the number, optionally followed by the title's slug: "123-some-title". */
const GO_ID = /^[0-9]+(?:-[\p{L}\p{N}_-]*)?$/u;
/** Web-template listing ids are UUIDs. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex for a template's path, placeholders captured (one segment each) in order. */
function pathMatcher(part: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const match of part.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(part.slice(last, match.index));
    source += '([^/]+)';
    names.push(match[1] ?? '');
    last = (match.index ?? 0) + match[0].length;
  }
  source += escapeRegExp(part.slice(last));
  return { regex: new RegExp(`^${source}$`), names };
}

/** Record a placeholder's value; false when the same placeholder already read differently. */
function remember(values: Record<string, string>, name: string, value: string): boolean {
  if (name in values && values[name] !== value) return false;
  values[name] = value;
  return true;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Recognise a pasted link to a listing of this marketplace: same origin (https), under the base
 * path, matching the listing template (query parameters of the template must be there; others,
 * like utm tags, are ignored), with an id of the flavour's form (Go: "123-some-title"; web
 * template: a UUID). Null for anything else, never throws.
 */
export function parseListingUrl(m: Marketplace, url: string): { id: string; slug: string | null } | null {
  try {
    if (typeof url !== 'string') return null;
    const text = url.trim();
    if (text === '' || text.length > MAX_PARSED_URL_LENGTH) return null;
    const base = baseOf(m);
    const parsed = new URL(text);
    if (parsed.protocol !== 'https:' || parsed.origin !== base.origin || parsed.username !== '' || parsed.password !== '') return null;
    const template = templateOf(m, 'listing');
    const [pathTemplate = '', queryTemplate] = template.split('?', 2) as [string, string | undefined];
    const values: Record<string, string> = {};

    const path = pathMatcher(base.prefix + pathTemplate.replace(/\/+$/, ''));
    const pathMatch = path.regex.exec(parsed.pathname.replace(/\/+$/, ''));
    if (!pathMatch) return null;
    for (const [i, name] of path.names.entries()) {
      const value = safeDecode(pathMatch[i + 1] ?? '');
      if (value === null || !remember(values, name, value)) return null;
    }

    for (const pair of (queryTemplate ?? '').split('&').filter(Boolean)) {
      const eq = pair.indexOf('=');
      const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      if (key === null) return null;
      const actual = parsed.searchParams.get(key);
      if (actual === null) return null;
      // searchParams gives values decoded, so the template's literal parts are decoded too.
      const chunks = (eq < 0 ? '' : pair.slice(eq + 1)).split(PLACEHOLDER);
      const literals = chunks.filter((_, i) => i % 2 === 0).map(safeDecode);
      if (literals.some((l) => l === null)) return null;
      const names = chunks.filter((_, i) => i % 2 === 1);
      const source = literals.map((l) => escapeRegExp(l ?? '')).join('(.+)');
      const match = new RegExp(`^${source}$`, 's').exec(actual);
      if (!match) return null;
      for (const [i, name] of names.entries()) {
        if (!remember(values, name, match[i + 1] ?? '')) return null;
      }
    }

    const id = values.id;
    if (id === undefined || id === '' || id.length > 200) return null;
    if (!(m.flavour === 'web-template' ? UUID : GO_ID).test(id)) return null;
    const slug = values.slug;
    return { id, slug: slug === undefined || slug === '' ? null : slug };
  } catch {
    return null;
  }
}

const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug from a listing title: lower case ASCII letters and digits joined by single dashes,
 * accents dropped ("Café Crème" → "cafe-creme"), at most 80 characters cut at a dash; "no-slug"
 * when nothing is left, as the web template does.
 */
export function slugify(title: string): string {
  const text = typeof title === 'string' ? title : '';
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .replace(/đ/gi, 'd')
    .toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const dash = cut.lastIndexOf('-');
    slug = (dash > 0 ? cut.slice(0, dash) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
  }
  return slug === '' ? 'no-slug' : slug;
}
