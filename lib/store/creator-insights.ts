/**
 * The audience signals and what the posts say, as the shortlist keeps them with a creator
 * (./shortlist.ts `CreatorInsightsSchema`), in the words the shortlist table, compare and the
 * filters use. Absent (a record written before these were kept) and null both read as unknown:
 * every function here says "unknown" (null) then, never 0 or "none".
 *
 * Competitors are matched here, when shown, against the settings of the moment: changing the
 * competitors rewrites nothing.
 *
 * Pure: no DOM, no storage.
 */
import type { CompetitorHit } from '../metrics/content';
import { formatPercent, plural } from '../metrics/format';
import { SIGNAL_NAMES, type SignalId } from '../metrics/signals';
import type { Brand, CreatorInsights } from './shortlist';

export { competitorSet, workedWithCompetitor } from './shortlist';

type Insights = Readonly<CreatorInsights>;

function known(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

// ---------------------------------------------------------------------------------------------
// Audience signals

/** A signal's name ("Likes per comment"); an id this version does not know is shown as it is. */
export function signalName(id: string): string {
  return Object.prototype.hasOwnProperty.call(SIGNAL_NAMES, id) ? SIGNAL_NAMES[id as SignalId] : id;
}

/** Fine, to check and unknown, or null when the signals were never read (or none of them could be). */
export function signalCounts(c: Insights): { fine: number; toCheck: number; unknown: number } | null {
  if (!known(c.signalsFine) || !known(c.signalsToCheck)) return null;
  if (c.signalsFine + c.signalsToCheck === 0) return null;
  return { fine: c.signalsFine, toCheck: c.signalsToCheck, unknown: known(c.signalsUnknown) ? c.signalsUnknown : 0 };
}

/** "5 fine · 1 to check" ("5 fine" when none is to check); null when unknown. */
export function signalsText(c: Insights): string | null {
  const n = signalCounts(c);
  if (!n) return null;
  return n.toCheck > 0 ? `${n.fine} fine · ${n.toCheck} to check` : `${n.fine} fine`;
}

/** The names of the signals to check, in their order; [] when none (or unknown). */
export function signalsToCheckNames(c: Insights): string[] {
  return Array.isArray(c.signalIdsToCheck) ? c.signalIdsToCheck.map(signalName) : [];
}

/**
 * The long form, for a title: "To check: Likes per comment, Posting cadence. 2 unknown (the page
 * or the visit history lacks what they need)." — or why nothing is known.
 */
export function signalsDetail(c: Insights): string {
  const n = signalCounts(c);
  if (!n) {
    return known(c.signalsUnknown) && c.signalsUnknown > 0
      ? 'Audience signals unknown: the page read had none of what they need. Open the profile to read them.'
      : 'Audience signals not read yet: open the profile to read them.';
  }
  const names = signalsToCheckNames(c);
  const parts = [
    n.toCheck === 0 ? `${plural(n.fine, 'signal')} fine, none to check.` : `To check: ${names.length > 0 ? names.join(', ') : plural(n.toCheck, 'signal')}.`,
  ];
  if (n.unknown > 0) parts.push(`${n.unknown} unknown (the page or the visit history lacks what ${n.unknown === 1 ? 'it needs' : 'they need'}).`);
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// What the posts say

/** "3 of 12" sponsored; null when unknown. */
export function sponsoredText(c: Insights): string | null {
  if (!known(c.sponsoredPosts) || !known(c.postsRead) || c.postsRead === 0) return null;
  return `${c.sponsoredPosts} of ${c.postsRead}`;
}

/** "72 %": the sponsored posts' engagement against the others'; null when unknown. */
export function sponsoredVsOrganicText(c: Insights): string | null {
  return known(c.sponsoredVsOrganic) ? formatPercent(c.sponsoredVsOrganic * 100, 0) : null;
}

/** The brands worked with, or null when unknown ([] when the posts named none). */
export function brandsOf(c: Insights): readonly Brand[] | null {
  return Array.isArray(c.brands) ? c.brands : null;
}

/** "@a (2)", "@b": a brand with the posts it appears in, when known. */
export function brandText(b: Brand): string {
  return b.posts === null ? `@${b.handle}` : `@${b.handle} (${b.posts})`;
}

/** "@a (2), @b (1) +3" — the first `max` brands and how many more; "none" when the posts named none; null when unknown. */
export function brandsText(c: Insights, max = Infinity): string | null {
  const brands = brandsOf(c);
  if (!brands) return null;
  if (brands.length === 0) return 'none';
  const shown = brands.slice(0, max).map(brandText).join(', ');
  return brands.length > max ? `${shown} +${brands.length - max}` : shown;
}

// ---------------------------------------------------------------------------------------------
// Competitors (the settings' list, at display time)

/**
 * The competitors among the creator's brands, most posts first; null when the brands are unknown
 * (so nothing says whether they worked with one). `of` is the posts read (0 when unknown).
 */
export function competitorHitsOf(c: Insights, competitors: ReadonlySet<string>): CompetitorHit[] | null {
  const brands = brandsOf(c);
  if (!brands) return null;
  if (competitors.size === 0) return [];
  const of = known(c.postsRead) ? c.postsRead : 0;
  return brands.filter((b) => competitors.has(b.handle)).map((b) => ({ handle: b.handle, posts: b.posts ?? 0, of }));
}

/** "@x (2 of 12 posts), @y" — the card's wording; "" for none. */
export function competitorText(hits: readonly CompetitorHit[]): string {
  return hits.map((h) => (h.posts > 0 && h.of > 0 ? `@${h.handle} (${h.posts} of ${plural(h.of, 'post')})` : `@${h.handle}`)).join(', ');
}
