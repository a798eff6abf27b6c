/**
 * A listing draft for the marketplace from what the lens read: a title, a plain-text description
 * (no HTML, no markdown) and a suggested price. Pure.
 *
 * Page text (handle, name, bio) is untrusted: control characters, invisible and direction
 * override characters and `<` `>` are removed before it goes into a draft, and only a short
 * excerpt of the bio is used. Unknown numbers are said to be unknown or left out, never shown
 * as NaN, Infinity, "undefined" or "null".
 *
 * The analysis should be computed with `tierSchemeOf(settings)`, so the tier and price in the
 * draft are those of the user's chosen scheme.
 */
import type { Analysis } from '../metrics/analysis';
import type { RateResult } from '../metrics/engagement';
import { formatCount, formatExact, formatMoney, formatPercent, formatRange, formatDecimal } from '../metrics/format';
import { formatBand, SIZE_CLASS_LABELS } from '../metrics/tiers';
import { PLATFORM_LABELS, type Platform, type Snapshot } from '../platforms/types';
import { profileUrlFor } from '../platforms/profile-url';
import { tierSchemeOf, type ErBasis, type Settings } from '../settings';
import { servicePrice, type Service, type ServiceId } from './services';
import { creatorLabel } from '../platforms/profile-url';

export interface ListingDraft {
  title: string;
  description: string;
  /** The suggested price (the service's price point); null when unknown. */
  price: number | null;
  currency: string;
  serviceId: ServiceId;
  platform: Platform;
  /** Without @; null when the page did not say whose account it is. */
  handle: string | null;
}

export const MAX_TITLE_LENGTH = 60;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_BIO_EXCERPT_LENGTH = 140;

/** C0/C1 controls, zero-width and direction-control characters, BOM. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/** Page text made safe to put in a listing: one line, no invisible characters, no < or >. */
export function cleanPageText(text: string | null | undefined): string {
  if (typeof text !== 'string') return '';
  return text.replace(INVISIBLE, '').replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();
}

/** At most `max` characters (code points), cut at a word where one is near, with "…". */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** The bio's first sentence, or its first 140 characters. */
export function bioExcerpt(bio: string | null | undefined): string | null {
  const text = cleanPageText(bio);
  if (text === '') return null;
  const sentence = /^(.+?[.!?])(?:\s|$)/u.exec(text)?.[1];
  if (sentence !== undefined && Array.from(sentence).length <= MAX_BIO_EXCERPT_LENGTH) return sentence;
  return clip(text, MAX_BIO_EXCERPT_LENGTH);
}

/**
 * The profile page's own address (without query) when it is on the platform's main site, else
 * one built from the handle (a mobile or old-domain address becomes the main one); null when
 * neither.
 */
function profileUrlOf(snapshot: Snapshot, handle: string | null): string | null {
  if (snapshot.kind === 'profile' && typeof snapshot.url === 'string') {
    try {
      const url = new URL(snapshot.url);
      const site = new URL(profileUrlFor(snapshot.platform, 'x')).origin;
      if (url.origin === site && url.username === '' && url.password === '') {
        return `${url.origin}${url.pathname}`;
      }
    } catch {
      // fall through to the handle
    }
  }
  return handle ? profileUrlFor(snapshot.platform, handle) : null;
}

const BASIS_WORDS: Record<ErBasis, string> = { followers: 'followers', views: 'views', reach: 'reach', impressions: 'impressions' };
const BASIS_PER: Record<ErBasis, string> = { followers: 'per follower', views: 'per view', reach: 'per account reached', impressions: 'per impression' };

function rateFor(analysis: Analysis, basis: ErBasis): RateResult {
  switch (basis) {
    case 'views':
      return analysis.byViews;
    case 'reach':
      return analysis.byReach;
    case 'impressions':
      return analysis.byImpressions;
    default:
      return analysis.engagement;
  }
}

function usable(rate: RateResult | null | undefined): rate is RateResult & { mean: number } {
  return !!rate && rate.sufficient && typeof rate.mean === 'number' && Number.isFinite(rate.mean) && rate.mean >= 0;
}

function rateText(rate: RateResult & { mean: number }, basis: ErBasis): string {
  const posts = `${rate.used} recent post${rate.used === 1 ? '' : 's'}`;
  return `${formatPercent(rate.mean)} engagement per post (likes + comments ÷ ${BASIS_WORDS[basis]}, mean of ${posts})`;
}

/** The rate line, and the basis it is per (the chosen one, or followers when that one is unknown). */
function engagementLine(analysis: Analysis, basis: ErBasis): { line: string; shown: ErBasis | null } {
  const chosen = rateFor(analysis, basis);
  if (usable(chosen)) return { line: rateText(chosen, basis), shown: basis };
  const perFollower = analysis.engagement;
  if (basis !== 'followers' && usable(perFollower)) {
    return {
      line: `${rateText(perFollower, 'followers')}; engagement ${BASIS_PER[basis]} is unknown for these posts, so the rate per follower is shown`,
      shown: 'followers',
    };
  }
  const reason = cleanPageText(perFollower?.reason ?? '');
  return { line: reason ? `Engagement rate: unknown (${reason})` : 'Engagement rate: unknown', shown: null };
}

function audienceLine(snapshot: Snapshot): string {
  const followers = snapshot.followers;
  if (typeof followers !== 'number' || !Number.isFinite(followers) || followers < 0) return 'Audience: unknown';
  return snapshot.followersExact ? `Audience: ${formatExact(followers)} followers` : `Audience: about ${formatCount(followers)} followers`;
}

function tierLine(snapshot: Snapshot, analysis: Analysis): string | null {
  const tier = analysis.tier;
  const size = analysis.sizeClass ? `; size class ${SIZE_CLASS_LABELS[analysis.sizeClass]}` : '';
  if (tier) return `Tier ${tier.rank}: ${cleanPageText(tier.name)} (${formatBand(tier.minFollowers, tier.maxFollowers)})${size}`;
  if (typeof snapshot.followers === 'number' && Number.isFinite(snapshot.followers)) return `No tier (below the lowest tier of the price scheme)${size}`;
  return null;
}

function priceLines(analysis: Analysis, service: Service, snapshot: Snapshot): { lines: string[]; price: number | null; currency: string | null } {
  const price = servicePrice(analysis.price, service);
  if (!price || !analysis.price) {
    const why = typeof snapshot.followers === 'number' && Number.isFinite(snapshot.followers) ? 'no tier for this audience size' : 'followers unknown';
    return { lines: [`Suggested price: unknown (${why})`], price: null, currency: null };
  }
  const money = formatMoney(price.point, price.currency);
  const range = formatRange(price.low, price.high, price.currency);
  const factor = service.priceFactor === 1 ? '' : `; ${formatDecimal(service.priceFactor, 2)} × the price of a post, a rule of thumb`;
  const lines = [`Suggested price for one ${service.label}: ${money} (range ${range}${factor})`];
  const reason = cleanPageText(analysis.price.reason);
  if (reason) lines.push(`Price basis: ${reason}`);
  return { lines, price: price.point, currency: price.currency };
}

function dateText(nowSeconds: number): string | null {
  if (!Number.isFinite(nowSeconds) || nowSeconds < 0) return null;
  const date = new Date(nowSeconds * 1000);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/** At most `max` UTF-16 units, cut between code points, ending in "…" when cut. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** "Instagram post by @handle · 12.3K followers", at most 60 characters: the name is cut first, then the audience left out. */
function titleOf(service: Service, who: string, followers: number | null): string {
  const known = typeof followers === 'number' && Number.isFinite(followers) && followers >= 0;
  const suffixes = known ? [` · ${formatCount(followers)} followers`, ''] : [''];
  for (const suffix of suffixes) {
    if (!who) {
      const title = `${service.label}${suffix}`;
      if (title.length <= MAX_TITLE_LENGTH) return title;
      continue;
    }
    const head = `${service.label} by `;
    const room = MAX_TITLE_LENGTH - head.length - suffix.length;
    if (room >= Math.min(who.length, 6)) return `${head}${truncate(who, room)}${suffix}`;
  }
  return truncate(service.label, MAX_TITLE_LENGTH);
}

export interface DraftOptions {
  /** When the numbers were read, Unix seconds; defaults to now. */
  readAt?: number;
}

/**
 * A listing draft for one service of the creator on the snapshot. Throws when the service is
 * for another platform (a caller's mistake: offer `servicesFor(snapshot.platform)`).
 */
export function buildListingDraft(
  snapshot: Snapshot,
  analysis: Analysis,
  service: Service,
  settings: Settings,
  opts: DraftOptions = {},
): ListingDraft {
  if (service.platform !== snapshot.platform) {
    throw new Error(`A ${PLATFORM_LABELS[service.platform]} service cannot be listed for a ${PLATFORM_LABELS[snapshot.platform]} account.`);
  }
  const handle = cleanPageText(snapshot.handle).replace(/^@+/, '') || null;
  const displayName = clip(cleanPageText(snapshot.displayName), 60);
  const platform = PLATFORM_LABELS[snapshot.platform];
  const profileUrl = profileUrlOf(snapshot, handle);

  const who = creatorLabel(snapshot.platform, handle, displayName) ?? displayName;
  const lines: string[] = [];
  lines.push(profileUrl ? `${platform}${who ? ` ${who}` : ''}: ${profileUrl}` : `${platform}${who ? ` ${who}` : ''}`);
  lines.push(audienceLine(snapshot));
  const tier = tierLine(snapshot, analysis);
  if (tier) lines.push(tier);
  const engagement = engagementLine(analysis, settings.erBasis);
  lines.push(engagement.line);
  const bench = analysis.benchmark?.benchmark;
  if (bench) {
    // The verdict is on the platform's own basis (Instagram per follower, TikTok per view), which
    // may not be the rate shown above: then the line says which rate was compared.
    const label =
      bench.basis === engagement.shown && bench.basis === 'followers'
        ? 'Compared with published rates'
        : `Rate ${bench.measure} (${formatPercent(bench.rate)}) compared with published rates`;
    lines.push(`${label}: ${cleanPageText(analysis.benchmark.text)}`);
  }
  const niche = bioExcerpt(snapshot.bio);
  if (niche) lines.push(`Niche (from the bio): ${niche}`);
  const price = priceLines(analysis, service, snapshot);
  lines.push(...price.lines);
  const date = dateText(opts.readAt ?? Math.floor(Date.now() / 1000));
  lines.push(date ? `Numbers read by Reloquence Lens on ${date}.` : 'Numbers read by Reloquence Lens.');

  const description = clip(lines.join('\n'), MAX_DESCRIPTION_LENGTH);
  return {
    title: titleOf(service, who, snapshot.followers),
    description,
    price: price.price,
    currency: price.currency ?? analysis.price?.currency ?? tierSchemeOf(settings).currency,
    serviceId: service.id,
    platform: snapshot.platform,
    handle,
  };
}
