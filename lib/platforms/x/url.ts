/**
 * X's addresses: which pages the reader reads (URL → page kind, handle, post id, profile tab),
 * where the content scripts run, and which of the web client's own requests the MAIN-world copier
 * copies. Kept apart from the reader so the copier can import the captures alone.
 */
import type { PageLocation } from '../types';

export const HOSTS = ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'] as const;

/**
 * First path segments that are X's own pages, not accounts (X does not allow these as handles).
 * `i` is X's own namespace (`/i/bookmarks`, `/i/lists/…`); segments with characters a handle
 * cannot have (`sw.js`, `verified-choose`) fail the handle pattern anyway.
 */
export const RESERVED = new Set([
  'about', 'account', 'compose', 'connect_people', 'display', 'download', 'explore', 'follower_requests',
  'hashtag', 'help', 'home', 'i', 'intent', 'jobs', 'keyboard_shortcuts', 'lists', 'login', 'logout',
  'messages', 'notifications', 'oauth', 'personalization', 'privacy', 'rules', 'search',
  'settings', 'share', 'signup', 'tos', 'topics', 'welcome', 'who_to_follow', 'your_twitter_data',
  'bookmarks', 'communities', 'premium', 'premium_sign_up', 'grok', 'spaces', 'places',
]);

/** Handles are 1–15 letters, digits or underscores. */
export const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
export const STATUS_ID = /^\d{1,20}$/;

/** Profile tabs and the GraphQL operation that fills each (used to prefer that tab's timeline). */
export const TAB_OPERATIONS: Readonly<Record<string, string>> = {
  '': 'UserTweets',
  with_replies: 'UserTweetsAndReplies',
  media: 'UserMedia',
  highlights: 'UserHighlightsTweets',
  articles: 'UserArticlesTweets',
};

export const OPERATIONS =
  'UserByScreenName|UserByRestId|UserTweets|UserTweetsAndReplies|UserMedia|UserHighlightsTweets|UserArticlesTweets|TweetDetail|TweetResultByRestId';

/** Where the extension's content scripts run for X (twitter.com still serves some links). */
export const xMatches = ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*'];

/** The web client's GraphQL requests: `x.com/i/api/graphql/<hash>/<Op>`, `api.x.com/graphql/<hash>/<Op>`, same on twitter.com. */
export const xCaptures: readonly RegExp[] = [
  new RegExp(`^https://(?:[a-z]+\\.)?(?:x|twitter)\\.com/(?:i/api/)?graphql/[^/?#]+/(?:${OPERATIONS})(?:[?#]|$)`),
];

export interface XUrl {
  location: PageLocation;
  /** Profile tab ('' for the main posts tab); null on other pages. */
  tab: string | null;
}

export function other(): PageLocation {
  return { platform: 'x', kind: 'other', handle: null, postId: null, profileUrl: null };
}

export function profileUrlOf(handle: string): string {
  return `https://x.com/${handle}`;
}

export function postUrlOf(id: string, handle: string | null): string {
  return handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`);
  } catch {
    return null;
  }
}

export function parseXUrl(url: string): XUrl {
  const u = typeof url === 'string' ? parseUrl(url) : null;
  if (!u || !/^https?:$/.test(u.protocol) || !(HOSTS as readonly string[]).includes(u.hostname.toLowerCase())) {
    return { location: other(), tab: null };
  }
  const parts = u.pathname.split('/').filter((p) => p.length > 0);
  const [first = '', second, third, fourth] = parts;
  // Handle-less post URLs: /i/web/status/<id> and /i/status/<id>.
  const bareId = first === 'i' ? (second === 'web' && third === 'status' ? fourth : second === 'status' ? third : undefined) : undefined;
  if (bareId !== undefined && STATUS_ID.test(bareId)) {
    return { location: { platform: 'x', kind: 'post', handle: null, postId: bareId, profileUrl: null }, tab: null };
  }
  if (!HANDLE.test(first) || RESERVED.has(first.toLowerCase())) return { location: other(), tab: null };
  const profileUrl = profileUrlOf(first);
  // /<handle>/status/<id>, optionally followed by /photo/1, /analytics, /quotes …
  if ((second === 'status' || second === 'statuses') && third !== undefined && STATUS_ID.test(third)) {
    return { location: { platform: 'x', kind: 'post', handle: first, postId: third, profileUrl }, tab: null };
  }
  const tab = second ?? '';
  if (parts.length <= 2 && Object.hasOwn(TAB_OPERATIONS, tab)) {
    return { location: { platform: 'x', kind: 'profile', handle: first, postId: null, profileUrl }, tab };
  }
  return { location: other(), tab: null };
}

export function locateX(url: string): PageLocation {
  return parseXUrl(url).location;
}
