/**
 * Instagram's addresses: which pages the reader reads (URL → page kind, handle, post id), where
 * the content scripts run, and which of the web client's own requests the MAIN-world copier
 * copies. Kept apart from the reader so the copier can import the captures alone.
 */
import type { PageLocation } from '../types';

export const ORIGIN = 'https://www.instagram.com';
export const HOSTS = ['www.instagram.com', 'instagram.com'] as const;

/** Instagram usernames: letters, digits, `.` and `_`, at most 30 characters. */
export const HANDLE = /^[A-Za-z0-9._]{1,30}$/;
/** Shortcodes are base64url; 11 characters for public posts, longer for some private ones. */
export const SHORTCODE = /^[A-Za-z0-9_-]{5,64}$/;
const POST_SEGMENTS = new Set(['p', 'reel', 'reels', 'tv']);
/** Second path segments that are tabs or dialogs of a profile (`/<handle>/tagged/`). */
const PROFILE_TABS = new Set(['reels', 'tagged', 'saved', 'igtv', 'channel', 'guides', 'reposts', 'feed', 'followers', 'following']);
/** First path segments that are Instagram's own pages, not usernames. */
const RESERVED = new Set([
  'explore', 'accounts', 'direct', 'stories', 'reels', 'reel', 'p', 'tv', 'about', 'legal', 'developer', 'developers',
  'web', 'emails', 'challenge', 'session', 'privacy', 'terms', 'api', 'graphql', 'ajax', 'static', 'oauth', 'press',
  'help', 'jobs', 'blog', 'directory', 'nametag', 'lite', 'download', 'topics', 'your_activity', 'notifications',
  'ar', 'threads', 'popular', 'qp', 'data', 'invites', 'contact', 'fragment', 'sitemap', 'create', 'locations',
  'tags', 'call', 'live', 'meta', 'logout', 'login', 'signup', 'business', 'u', '_n',
]);

function location(kind: PageLocation['kind'], handle: string | null = null, postId: string | null = null): PageLocation {
  return { platform: 'instagram', kind, handle, postId, profileUrl: handle ? `${ORIGIN}/${handle}/` : null };
}

function pathSegments(url: string): string[] | null {
  try {
    const parsed = new URL(url);
    if (!(HOSTS as readonly string[]).includes(parsed.hostname.toLowerCase())) return null;
    return parsed.pathname.split('/').filter((s) => s.length > 0);
  } catch {
    return null;
  }
}

export function locateInstagram(url: string): PageLocation {
  const segs = pathSegments(typeof url === 'string' ? url : '');
  if (!segs || segs.length === 0) return location('other');
  const [first = '', second, third] = segs;
  // `/_u/<handle>/` is the app-link form of a profile URL (the saved pages' `al:android:url`).
  if (first === '_u') return second && HANDLE.test(second) && segs.length === 2 ? location('profile', second) : location('other');
  if (POST_SEGMENTS.has(first.toLowerCase())) {
    return second && SHORTCODE.test(second) && segs.length === 2 ? location('post', null, second) : location('other');
  }
  if (RESERVED.has(first.toLowerCase()) || !HANDLE.test(first)) return location('other');
  if (segs.length === 1) return location('profile', first);
  const sub = second!.toLowerCase();
  if (segs.length === 2 && PROFILE_TABS.has(sub)) return location('profile', first);
  if (segs.length === 3 && (sub === 'p' || sub === 'reel' || sub === 'tv') && SHORTCODE.test(third!)) {
    return location('post', first, third!);
  }
  return location('other');
}

/** The profile tab a profile URL shows: '' for the posts grid, 'reels', 'tagged' …; null elsewhere. */
export function profileTabOf(url: string): string | null {
  if (locateInstagram(url).kind !== 'profile') return null;
  const segs = pathSegments(url) ?? [];
  return segs[0] === '_u' || segs.length < 2 ? '' : segs[1]!.toLowerCase();
}

/** Where the extension's content scripts run for Instagram (manifest match patterns). */
export const instagramMatches = ['https://www.instagram.com/*'];

/**
 * The web client's own requests whose responses carry profile, grid or post data. Exported on
 * its own so the MAIN-world capture script can import it without the reader.
 *
 * The current web client (logged in or out) POSTs every query to `/graphql/query` (older:
 * `/api/graphql`) and names it only in the form body (`fb_api_req_friendly_name`) and the
 * `x-fb-friendly-name` header — the profile query, `PolarisProfilePostsQuery` (posts grid),
 * the reels tab's clips query, a post's query. The reader needs neither: it tells them apart by
 * the shape of the response body, so the URL is all the copier matches on.
 */
export const instagramCaptures: readonly RegExp[] = [
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/users\/web_profile_info\//,
  /^https:\/\/(?:www\.)?instagram\.com\/graphql\/query/,
  /^https:\/\/(?:www\.)?instagram\.com\/api\/graphql/,
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/feed\/user\//,
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/clips\/user\//,
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/media\/[^/?#]+\/info\//,
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/users\/\d+\/info\//,
  // A post's comments (and a comment's replies) as the post page loads them.
  /^https:\/\/(?:www\.|i\.)?instagram\.com\/api\/v1\/media\/[^/?#]+\/comments\//,
];
