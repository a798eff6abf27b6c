/**
 * Fallbacks when the page carries no JSON data: the `og:description` / `description` meta texts
 * ("369 Followers, 151 Following, 40 Posts - …", "1,234 likes, 56 comments - …") and schema.org
 * ld+json (`FollowAction` counter).
 */
import { parseCountDetailed, type ParsedCount } from '../../metrics/counts';
import { isObject, jsonScripts, walkJson } from '../page';
import type { PageData, PageLocation } from '../types';
import { locateInstagram } from './url';

export interface ProfileDescription {
  followers: ParsedCount | null;
  following: number | null;
  postsCount: number | null;
  handle: string | null;
}

/** "(@handle)" at the end of the description names the account the text is about. */
function describedHandle(text: string): string | null {
  const all = [...text.matchAll(/\(@([A-Za-z0-9._]{1,30})\)/g)];
  return all.at(-1)?.[1] ?? null;
}

/** Leading "a, b, c" counts before the " - " that starts the prose, e.g. "1,234 likes, 56 comments". */
function headCounts(text: string): string[] {
  const head = text.split(/\s[-–—]\s/)[0] ?? '';
  return head.split(/,\s+|،\s*/).map((s) => s.trim());
}

/**
 * "369 Followers, 151 Following, 40 Posts - See Instagram photos and videos from Name (@handle)".
 * Every locale lists followers, following and posts in this order ("1.234 Follower, 151 Gefolgt,
 * 40 Beiträge – …", "12,5 mil seguidores, …"), so positions are read rather than words.
 */
export function parseProfileDescription(text: string | null | undefined): ProfileDescription | null {
  if (typeof text !== 'string') return null;
  const parts = headCounts(text);
  if (parts.length < 3 || !parts.slice(0, 3).every((p) => /^\d/.test(p))) return null;
  const [followers, following, posts] = parts.map((p) => parseCountDetailed(p));
  if (!followers) return null;
  return { followers, following: following?.value ?? null, postsCount: posts?.value ?? null, handle: describedHandle(text) };
}

export interface PostDescription {
  likes: number | null;
  comments: number | null;
  views: number | null;
  handle: string | null;
}

const LIKE_WORD = /like|j.aime|gusta|curtid|piace|gef[aä]llt|beğen|polub|vind-ik-leuk/i;
const COMMENT_WORD = /comment|kommentar|coment|yorum|komentarz|reactie/i;
const VIEW_WORD = /view|aufruf|vues|visualiza|visualizz|reproduc|plays?\b/i;

/**
 * A post's description: "1,234 likes, 56 comments - handle on March 3, 2024: …" (current) or
 * "1,234 Likes, 56 Comments - Name (@handle) on Instagram: “…”" (2019–2022).
 */
export function parsePostDescription(text: string | null | undefined): PostDescription | null {
  if (typeof text !== 'string') return null;
  const out: PostDescription = { likes: null, comments: null, views: null, handle: null };
  for (const part of headCounts(text)) {
    if (!/^\d/.test(part)) continue;
    const value = parseCountDetailed(part)?.value ?? null;
    if (COMMENT_WORD.test(part)) out.comments = value;
    else if (LIKE_WORD.test(part)) out.likes = value;
    else if (VIEW_WORD.test(part)) out.views = value;
  }
  if (out.likes === null && out.comments === null) return null;
  // The author follows the dash: "Name (@handle) on Instagram: …" (older) or "handle on March 3, 2024: …".
  // Only text before the caption counts, since the caption may mention other accounts.
  const rest = text.split(/\s[-–—]\s/).slice(1).join(' - ');
  out.handle = /^[^:“"]*?\(@([A-Za-z0-9._]{1,30})\)/.exec(rest)?.[1] ?? /^([A-Za-z0-9._]{1,30})\s/.exec(rest)?.[1] ?? null;
  return out;
}

export function metaDescription(data: PageData): string | null {
  return data.meta['og:description'] ?? data.meta['description'] ?? null;
}

/** The account or post that `og:url` names, to reject meta tags left over from the first page of a session. */
export function ogLocation(data: PageData): PageLocation | null {
  const url = data.meta['og:url'];
  return url ? locateInstagram(url) : null;
}

export function sameHandle(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export function profileFromMeta(data: PageData, handle: string): (ProfileDescription & { displayName: string | null }) | null {
  const og = ogLocation(data);
  if (og && og.kind !== 'other' && !sameHandle(og.handle, handle)) return null;
  const texts = [data.meta['og:description'], data.meta['description']];
  const parsed = texts.map(parseProfileDescription).find((d) => d !== null);
  if (!parsed || (parsed.handle && !sameHandle(parsed.handle, handle))) return null;
  if (!parsed.handle && !(og && sameHandle(og.handle, handle))) return null; // nothing ties it to this account
  // The name ends where a non-space ends (or is one leading space): the same match as /^(.+?)\s*\(@…\)/,
  // which retried the spaces after every character of a long run of them (quadratic).
  const title = /^(.+?)(?<=^\s|\S)\s*\(@([A-Za-z0-9._]{1,30})\)/.exec(data.meta['og:title'] ?? '');
  return { ...parsed, displayName: title && sameHandle(title[2], handle) ? title[1]!.trim() : null };
}

/** schema.org Person/ProfilePage with a `FollowAction` counter (2020–2021 profile pages). */
export function followersFromLdJson(data: PageData, handle: string): number | null {
  for (const root of jsonScripts(data, (s) => /ld\+json/i.test(s.type ?? ''))) {
    const hit: { named: boolean; followers: number | null } = { named: false, followers: null };
    walkJson(root, (obj) => {
      const alt = obj.alternateName;
      if (typeof alt === 'string' && sameHandle(alt.replace(/^@/, ''), handle)) hit.named = true;
      const id = obj['@id'] ?? obj.url;
      if (typeof id === 'string' && sameHandle(locateInstagram(id).handle, handle)) hit.named = true;
      const type = obj.interactionType;
      const typeName = typeof type === 'string' ? type : isObject(type) ? String(type['@type'] ?? '') : '';
      const n = obj.userInteractionCount;
      if (hit.followers === null && /FollowAction/.test(typeName) && (typeof n === 'string' || typeof n === 'number')) {
        hit.followers = parseCountDetailed(n)?.value ?? null;
      }
    });
    if (hit.named && hit.followers !== null) return hit.followers;
  }
  return null;
}
