/**
 * The X (Twitter) reader.
 *
 * X renders everything from its own GraphQL responses; the HTML carries no counts except a
 * JSON-LD `ProfilePage` block on profile pages (and, for the signed-in viewer's own account,
 * `window.__INITIAL_STATE__`). So the reader works on:
 * - user objects: `UserByScreenName` / `UserByRestId` (`data.user.result`), in the legacy layout
 *   (`legacy.followers_count` …), the 2025+ layout (`core.screen_name`,
 *   `relationship_counts.followers`, `tweet_counts.tweets`, `profile_bio`, `verification`,
 *   `privacy`) or a mixture, and flat REST-style users (`screen_name`, `followers_count`);
 * - timelines: `UserTweets`, `UserTweetsAndReplies`, `UserMedia`, highlights and articles
 *   (`data.user.result.timeline_v2.timeline.instructions` or `….timeline.timeline.instructions`),
 *   with `TimelinePinEntry`, `TimelineAddEntries` (items and modules) and `TimelineAddToModule`;
 * - single posts (`TweetDetail`, `TweetResultByRestId`, or any body that carries the post).
 *
 * Bodies are recognised by their shape, not by the request URL: a saved file arrives with the
 * page URL as its request URL.
 *
 * Snapshot kind on a profile URL: `profile` when a user object for the handle is present (the
 * posts of the account's timelines are merged in), `posts` when only a timeline of the account is
 * present (profile counts then come from the author object embedded in the account's own tweets).
 *
 * Stale data (single-page app): a user object counts only when its screen name is the URL's
 * handle; a timeline only when its owner (named `rest_id`, else the author of most of its tweets)
 * is that account; a post page only reads the post with the URL's id. Otherwise: `loading`.
 *
 * An account X reports as unavailable (suspended, deactivated, not found) gets the state
 * `unknown-layout` with a note saying so: its data will never load, so `loading` would leave
 * a spinner forever, and there are no counts to show.
 *
 * All of X's URL paths, JSON shapes and script markers live in this file.
 */
import * as z from 'zod/mini';
import { parseCount } from '../metrics/counts';
import { pinnedNote } from '../metrics/recent';
import { isObject, jsonAfterMarker, jsonScripts, lenient, walkJson } from './page';
import { emptyPost, type PageData, type PageLocation, type PlatformReader, type PostStats, type Snapshot, emptySnapshot } from './types';
import { defineReader } from './fit';

// ---------------------------------------------------------------------------------------------
// URLs

const HOSTS = ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'] as const;

/**
 * First path segments that are X's own pages, not accounts (X does not allow these as handles).
 * `i` is X's own namespace (`/i/bookmarks`, `/i/lists/…`); segments with characters a handle
 * cannot have (`sw.js`, `verified-choose`) fail the handle pattern anyway.
 */
const RESERVED = new Set([
  'about', 'account', 'compose', 'connect_people', 'display', 'download', 'explore', 'follower_requests',
  'hashtag', 'help', 'home', 'i', 'intent', 'jobs', 'keyboard_shortcuts', 'lists', 'login', 'logout',
  'messages', 'notifications', 'oauth', 'personalization', 'privacy', 'rules', 'search',
  'settings', 'share', 'signup', 'tos', 'topics', 'welcome', 'who_to_follow', 'your_twitter_data',
  'bookmarks', 'communities', 'premium', 'premium_sign_up', 'grok', 'spaces', 'places',
]);

/** Handles are 1–15 letters, digits or underscores. */
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const STATUS_ID = /^\d{1,20}$/;

/** Profile tabs and the GraphQL operation that fills each (used to prefer that tab's timeline). */
const TAB_OPERATIONS: Readonly<Record<string, string>> = {
  '': 'UserTweets',
  with_replies: 'UserTweetsAndReplies',
  media: 'UserMedia',
  highlights: 'UserHighlightsTweets',
  articles: 'UserArticlesTweets',
};

const OPERATIONS =
  'UserByScreenName|UserByRestId|UserTweets|UserTweetsAndReplies|UserMedia|UserHighlightsTweets|UserArticlesTweets|TweetDetail|TweetResultByRestId';

/** Where the extension's content scripts run for X (twitter.com still serves some links). */
export const xMatches = ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*'];

/** The web client's GraphQL requests: `x.com/i/api/graphql/<hash>/<Op>`, `api.x.com/graphql/<hash>/<Op>`, same on twitter.com. */
export const xCaptures: readonly RegExp[] = [
  new RegExp(`^https://(?:[a-z]+\\.)?(?:x|twitter)\\.com/(?:i/api/)?graphql/[^/?#]+/(?:${OPERATIONS})(?:[?#]|$)`),
];

interface XUrl {
  location: PageLocation;
  /** Profile tab ('' for the main posts tab); null on other pages. */
  tab: string | null;
}

function other(): PageLocation {
  return { platform: 'x', kind: 'other', handle: null, postId: null, profileUrl: null };
}

function profileUrlOf(handle: string): string {
  return `https://x.com/${handle}`;
}

function postUrlOf(id: string, handle: string | null): string {
  return handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`);
  } catch {
    return null;
  }
}

function parseXUrl(url: string): XUrl {
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

// ---------------------------------------------------------------------------------------------
// Schemas (everything optional; a missing field or one of the wrong type reads as absent
// instead of failing the whole object)

const opt = lenient;
const str = opt(z.string());
const bool = opt(z.boolean());
/** Counts are numbers, except `views.count`, which X sends as a string. */
const countField = opt(z.union([z.number(), z.string()]));
const unknownField = z.optional(z.unknown());

/** The legacy user fields; also the whole object of a flat REST-style user. */
const LegacyUser = z.looseObject({
  screen_name: str,
  name: str,
  description: str,
  id_str: str,
  followers_count: countField,
  friends_count: countField,
  statuses_count: countField,
  verified: bool,
  protected: bool,
});

const User = z.looseObject({
  __typename: str,
  rest_id: str,
  is_blue_verified: bool,
  legacy: opt(LegacyUser),
  core: opt(z.looseObject({ screen_name: str, name: str })),
  relationship_counts: opt(z.looseObject({ followers: countField, following: countField })),
  tweet_counts: opt(z.looseObject({ tweets: countField })),
  profile_bio: opt(z.looseObject({ description: str })),
  verification: opt(z.looseObject({ verified: bool, verified_type: str })),
  privacy: opt(z.looseObject({ protected: bool })),
  reason: str,
  message: str,
});

const TweetLegacy = z.looseObject({
  id_str: str,
  user_id_str: str,
  full_text: str,
  created_at: str,
  favorite_count: countField,
  reply_count: countField,
  retweet_count: countField,
  quote_count: countField,
  retweeted_status_result: unknownField,
});

const Tweet = z.looseObject({
  __typename: str,
  rest_id: str,
  /** `TweetWithVisibilityResults` keeps the tweet here. */
  tweet: unknownField,
  core: opt(z.looseObject({ user_results: opt(z.looseObject({ result: unknownField })) })),
  legacy: opt(TweetLegacy),
  views: opt(z.looseObject({ count: countField, state: str })),
});

const Instruction = z.looseObject({
  type: str,
  entry: unknownField,
  entries: opt(z.array(z.unknown())),
  moduleItems: opt(z.array(z.unknown())),
});

/** A timeline entry, or a module item (`{entryId, item: {itemContent}}`). */
const Entry = z.looseObject({
  entryId: str,
  content: opt(z.looseObject({ itemContent: unknownField, items: opt(z.array(z.unknown())) })),
  item: opt(z.looseObject({ itemContent: unknownField })),
});

const ItemContent = z.looseObject({
  promotedMetadata: unknownField,
  tweet_results: opt(z.looseObject({ result: unknownField })),
});

const LdInteraction = z.looseObject({ name: str, interactionType: str, userInteractionCount: countField });
const LdProfile = z.looseObject({
  '@type': str,
  mainEntity: unknownField,
  /** Older (2023) name of `mainEntity`. */
  author: unknownField,
});
const LdPerson = z.looseObject({
  additionalName: str,
  givenName: str,
  description: str,
  identifier: str,
  interactionStatistic: opt(z.array(z.unknown())),
});

// ---------------------------------------------------------------------------------------------
// Reading users and tweets

export interface XUser {
  restId: string | null;
  handle: string | null;
  name: string | null;
  bio: string | null;
  followers: number | null;
  following: number | null;
  tweets: number | null;
  verified: boolean | null;
  protected: boolean | null;
}

/** A count the page carries, or null: finite, non-negative, whole (see `parseCount`). */
function count(value: string | number | undefined): number | null {
  return value === undefined ? null : parseCount(value);
}

function numericId(value: string | undefined): string | null {
  return value !== undefined && /^\d{1,25}$/.test(value) ? value : null;
}

function anyTrue(...flags: Array<boolean | undefined>): boolean | null {
  if (flags.some((f) => f === true)) return true;
  return flags.some((f) => f === false) ? false : null;
}

/**
 * A user object in any of X's layouts. Newer fields win over `legacy` where both exist, since
 * X moves data out of `legacy` and may leave stale copies behind.
 */
export function parseXUser(value: unknown): XUser | null {
  const parsed = User.safeParse(value);
  if (!parsed.success) return null;
  const u = parsed.data;
  if (u.__typename !== undefined && u.__typename !== 'User') return null;
  const flat = LegacyUser.safeParse(value);
  const legacy: Partial<z.output<typeof LegacyUser>> = u.legacy ?? (flat.success ? flat.data : {});
  return {
    restId: numericId(u.rest_id) ?? numericId(legacy.id_str),
    handle: u.core?.screen_name ?? legacy.screen_name ?? null,
    name: u.core?.name ?? legacy.name ?? null,
    bio: u.profile_bio?.description ?? legacy.description ?? null,
    followers: count(u.relationship_counts?.followers) ?? count(legacy.followers_count),
    following: count(u.relationship_counts?.following) ?? count(legacy.friends_count),
    tweets: count(u.tweet_counts?.tweets) ?? count(legacy.statuses_count),
    // X shows a check mark for legacy-verified, subscribed (blue) and organisation accounts.
    verified: anyTrue(u.verification?.verified, legacy.verified, u.is_blue_verified, u.verification?.verified_type ? true : undefined),
    protected: anyTrue(u.privacy?.protected, legacy.protected),
  };
}

export interface XTweet {
  id: string;
  author: XUser | null;
  /** The author's numeric id (from the user object or `legacy.user_id_str`), else null. */
  authorId: string | null;
  /** A repost wrapper: not the account's own post (its like count is always 0). */
  isRepost: boolean;
  post: PostStats;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Unix seconds from X's `created_at` ("Fri Feb 06 21:09:45 +0000 2026"), parsed by hand because
 * `Date.parse` of this format is not specified; else from the Snowflake id, whose top bits are
 * milliseconds since X's epoch 1288834974657 (github.com/twitter-archive/snowflake).
 */
export function tweetTime(createdAt: string | undefined, id: string): number | null {
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(createdAt ?? '');
  const month = m ? MONTHS.indexOf(m[1]!) : -1;
  if (m && month >= 0) {
    const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 3600 + Number(m[8]) * 60);
    return Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) / 1000 - offset;
  }
  // Ids below ~3e10 predate Snowflake (Nov 2010) and carry no time.
  const n = Number(id);
  return n > 3e10 ? Math.floor((Math.floor(n / 2 ** 22) + 1288834974657) / 1000) : null;
}

/** A tweet result (`Tweet`, or `TweetWithVisibilityResults` around one); null for tombstones. */
export function parseXTweet(value: unknown, depth = 0): XTweet | null {
  const parsed = Tweet.safeParse(value);
  if (!parsed.success) return null;
  const t = parsed.data;
  if (t.__typename === 'TweetWithVisibilityResults' || (t.legacy === undefined && t.tweet !== undefined)) {
    return depth < 2 ? parseXTweet(t.tweet, depth + 1) : null;
  }
  const legacy = t.legacy;
  const id = numericId(t.rest_id) ?? numericId(legacy?.id_str);
  if (!legacy || id === null || (t.__typename !== undefined && t.__typename !== 'Tweet')) return null;
  const author = parseXUser(t.core?.user_results?.result);
  const retweets = count(legacy.retweet_count);
  const views = count(t.views?.count);
  return {
    id,
    author,
    authorId: author?.restId ?? numericId(legacy.user_id_str),
    isRepost: legacy.retweeted_status_result !== undefined || /^RT @/.test(legacy.full_text ?? ''),
    post: emptyPost({
      id,
      url: postUrlOf(id, author?.handle ?? null),
      likes: count(legacy.favorite_count),
      comments: count(legacy.reply_count),
      // Reposts + quotes are X's "shares"; a missing quote count adds nothing rather than hiding reposts.
      shares: retweets === null ? null : retweets + (count(legacy.quote_count) ?? 0),
      views,
      // X's "views" are impressions (help.x.com/en/using-x/view-counts).
      impressions: views,
      takenAt: tweetTime(legacy.created_at, id),
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading timelines

export interface XTimeline {
  /** `data.user.result.rest_id` when the body names its account. */
  ownerId: string | null;
  /** Every tweet in page order (pinned first), reposts and other authors included. */
  tweets: XTweet[];
}

interface TimelineItem {
  entryId: string;
  itemContent: unknown;
}

/** The items of one entry: the entry's own tweet, or each item of a module. */
function entryItems(value: unknown): TimelineItem[] {
  const parsed = Entry.safeParse(value);
  if (!parsed.success) return [];
  const e = parsed.data;
  const entryId = e.entryId ?? '';
  if (e.item) return [{ entryId, itemContent: e.item.itemContent }];
  if (e.content?.itemContent !== undefined) return [{ entryId, itemContent: e.content.itemContent }];
  return (e.content?.items ?? []).flatMap((item) =>
    entryItems(item).map((i) => ({ ...i, entryId: /^promoted/i.test(entryId) ? entryId : i.entryId })),
  );
}

/**
 * Tweets of a list of timeline instructions, pinned entry first (its post marked `pinned`),
 * promoted entries left out.
 */
export function tweetsOfInstructions(instructions: readonly unknown[]): XTweet[] {
  const parsed = instructions.flatMap((i) => {
    const r = Instruction.safeParse(i);
    return r.success ? [r.data] : [];
  });
  // The pinned post shows at the top of the profile whatever the instruction order.
  const ordered = [...parsed.filter((i) => i.type === 'TimelinePinEntry'), ...parsed.filter((i) => i.type !== 'TimelinePinEntry')];
  const tweets: XTweet[] = [];
  for (const ins of ordered) {
    const pinned = ins.type === 'TimelinePinEntry';
    const entries = [...(ins.entry !== undefined ? [ins.entry] : []), ...(ins.entries ?? []), ...(ins.moduleItems ?? [])];
    for (const item of entries.flatMap(entryItems)) {
      const content = ItemContent.safeParse(item.itemContent);
      if (!content.success || content.data.promotedMetadata !== undefined || /^promoted/i.test(item.entryId)) continue;
      const tweet = parseXTweet(content.data.tweet_results?.result);
      if (tweet) tweets.push(pinned ? { ...tweet, post: { ...tweet.post, pinned: true } } : tweet);
    }
  }
  return tweets;
}

/** The timeline of a `UserTweets`-like body (`timeline_v2` before 2025, `timeline` after). */
export function parseXTimeline(body: unknown): XTimeline | null {
  const result = dig(body, 'data', 'user', 'result');
  if (!isObject(result)) return null;
  for (const key of ['timeline_v2', 'timeline']) {
    const instructions = dig(result, key, 'timeline', 'instructions');
    if (Array.isArray(instructions)) {
      const rest = result.rest_id;
      return { ownerId: typeof rest === 'string' ? numericId(rest) : null, tweets: tweetsOfInstructions(instructions) };
    }
  }
  return null;
}

function dig(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** The account a timeline belongs to: the named owner, else the author of most of its tweets. */
function timelineOwner(timeline: XTimeline): string | null {
  if (timeline.ownerId) return timeline.ownerId;
  const tally = new Map<string, number>();
  for (const t of timeline.tweets) {
    const key = authorKey(t);
    if (key) tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [key, n] of tally) if (best === null || n > tally.get(best)!) best = key;
  return best;
}

/** Numeric author id, else the lower-cased handle (so tweets lacking ids still group). */
function authorKey(t: XTweet): string | null {
  return t.authorId ?? (t.author?.handle ? `@${t.author.handle.toLowerCase()}` : null);
}

// ---------------------------------------------------------------------------------------------
// Collecting the page's data

interface Source<T> {
  value: T;
  /** Where it came from, for `Snapshot.source`. */
  label: string;
  /** GraphQL operation named by the request URL, when there is one. */
  operation: string | null;
}

interface Unavailable {
  handle: string | null;
  reason: string;
}

interface Collected {
  /** Newest first. */
  users: Array<Source<XUser>>;
  /** Oldest first (arrival order), so later pages continue earlier ones. */
  timelines: Array<Source<XTimeline>>;
  /** Newest first. */
  unavailable: Unavailable[];
  /** Response bodies (newest first) kept for the post search. */
  bodies: Array<Source<unknown> & { requestUrl: string }>;
  /** Whether any response or script had a shape this reader knows. */
  understood: boolean;
}

function operationOf(requestUrl: string): string | null {
  return /\/graphql\/[^/?#]+\/([A-Za-z]+)/.exec(requestUrl)?.[1] ?? null;
}

/** `variables` of a GraphQL GET request (screen_name, userId, tweetId, focalTweetId …). */
function requestVariables(requestUrl: string): Record<string, unknown> {
  const raw = parseUrl(requestUrl)?.searchParams.get('variables');
  try {
    const value: unknown = raw ? JSON.parse(raw) : null;
    return isObject(value) ? value : {};
  } catch {
    return {};
  }
}

/** User results of a body: `data.user`, `data.user_result`, `data.user_result_by_screen_name`, `data.users[]`. */
function userSlots(body: unknown): Array<{ result: unknown }> {
  const data = dig(body, 'data');
  if (!isObject(data)) return [];
  // X answers `{"data": {}}` for a screen name that does not exist.
  if (Object.keys(data).length === 0) return [{ result: undefined }];
  const slots = ['user', 'user_result', 'user_result_by_screen_name'].map((k) => data[k]).filter(isObject);
  const many = Array.isArray(data.users) ? data.users.filter(isObject) : [];
  return [...slots, ...many].map((slot) => ({ result: slot.result }));
}

function unavailableReason(result: unknown): string | null {
  if (!isObject(result) || Object.keys(result).length === 0) return 'NotFound';
  const u = User.safeParse(result);
  if (u.success && u.data.__typename === 'UserUnavailable') return u.data.reason ?? u.data.message ?? 'Unavailable';
  return null;
}

function readResponses(data: PageData, out: Collected): void {
  for (let i = data.responses.length - 1; i >= 0; i--) {
    const response = data.responses[i];
    if (!isObject(response)) continue;
    const requestUrl = typeof response.url === 'string' ? response.url : '';
    const body: unknown = response.body;
    const operation = operationOf(requestUrl);
    out.bodies.push({ value: body, label: operation ?? 'GraphQL', operation, requestUrl });
    const timeline = parseXTimeline(body);
    if (timeline) {
      out.timelines.unshift({ value: timeline, label: `${operation ?? 'timeline'} response`, operation });
      out.understood = true;
      continue;
    }
    for (const slot of userSlots(body)) {
      const user = parseXUser(slot.result);
      if (user?.handle) {
        out.users.push({ value: user, label: `${operation ?? 'UserByScreenName'} response`, operation });
        out.understood = true;
        continue;
      }
      const reason = unavailableReason(slot.result);
      if (reason === null) continue;
      out.understood = true;
      // An unavailable answer names no account: it is about the page only when the request
      // asked for this handle, or when the body is the page's own saved data.
      const asked = requestVariables(requestUrl).screen_name;
      const handle = typeof asked === 'string' ? asked : requestUrl === data.url ? handleOfPage(data.url) : null;
      out.unavailable.push({ handle, reason });
    }
    if (isPostBody(body)) out.understood = true;
  }
}

/** A `TweetDetail` (`threaded_conversation_with_injections[_v2]`) or `TweetResultByRestId` (`tweetResult`) body. */
function isPostBody(body: unknown): boolean {
  const data = dig(body, 'data');
  return isObject(data) && ['threaded_conversation_with_injections_v2', 'threaded_conversation_with_injections', 'tweetResult'].some((k) => k in data);
}

function handleOfPage(url: string): string | null {
  return locateX(url).handle;
}

/** The JSON-LD `ProfilePage` X renders into the profile page's head. */
export function parseXProfileLd(value: unknown): XUser | null {
  const page = LdProfile.safeParse(value);
  if (!page.success || page.data['@type'] !== 'ProfilePage') return null;
  const person = LdPerson.safeParse(page.data.mainEntity ?? page.data.author);
  if (!person.success || !person.data.additionalName) return null;
  const stat = (name: string): number | null => {
    for (const s of person.data.interactionStatistic ?? []) {
      const r = LdInteraction.safeParse(s);
      if (r.success && r.data.name === name) return count(r.data.userInteractionCount);
    }
    return null;
  };
  return {
    restId: numericId(person.data.identifier),
    handle: person.data.additionalName,
    name: person.data.givenName ?? null,
    bio: person.data.description ?? null,
    followers: stat('Follows'),
    following: stat('Friends'),
    tweets: stat('Tweets'),
    verified: null,
    protected: null,
  };
}

function readScripts(data: PageData, out: Collected): void {
  for (const value of jsonScripts(data, (s) => /ld\+json/i.test(s.type ?? ''))) {
    const user = parseXProfileLd(value);
    if (user) {
      out.users.push({ value: user, label: 'profile JSON-LD', operation: null });
      out.understood = true;
    }
  }
  // The signed-in viewer's own account (and sometimes others) as flat users in the boot state.
  for (const script of data.scripts) {
    if (!script.text.includes('__INITIAL_STATE__')) continue;
    for (const state of jsonAfterMarker(script.text, 'window.__INITIAL_STATE__')) {
      walkJson(state, (obj) => {
        if (typeof obj.screen_name !== 'string' || !('followers_count' in obj)) return false;
        const user = parseXUser(obj);
        if (user?.handle) out.users.push({ value: user, label: 'window.__INITIAL_STATE__', operation: null });
        return true;
      });
    }
  }
}

function collect(data: PageData): Collected {
  const out: Collected = { users: [], timelines: [], unavailable: [], bodies: [], understood: false };
  readResponses(data, out);
  readScripts(data, out);
  return out;
}

/** PageData as it should be, whatever arrived (the content script passes page-controlled data). */
function normalise(data: PageData): PageData {
  const d: Partial<PageData> = isObject(data) ? data : {};
  return {
    url: typeof d.url === 'string' ? d.url : '',
    meta: isObject(d.meta) ? d.meta : {},
    scripts: Array.isArray(d.scripts) ? d.scripts.filter((s) => isObject(s) && typeof s.text === 'string') : [],
    responses: Array.isArray(d.responses) ? d.responses : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Snapshots

function sameHandle(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

const NO_USER: XUser = {
  restId: null,
  handle: null,
  name: null,
  bio: null,
  followers: null,
  following: null,
  tweets: null,
  verified: null,
  protected: null,
};

/** Field by field: the first user's value, else the second's. */
function mergeUsers(first: XUser | null, second: XUser | null): XUser | null {
  if (!first || !second) return first ?? second;
  const merged = { ...first };
  for (const key of Object.keys(merged) as Array<keyof XUser>) {
    if (merged[key] === null) (merged as Record<keyof XUser, unknown>)[key] = second[key];
  }
  return merged;
}

function baseSnapshot(data: PageData, kind: Snapshot['kind'], handle: string | null): Snapshot {
  return emptySnapshot({ platform: 'x', kind, url: data.url, handle });
}

function withUser(snap: Snapshot, user: XUser): Snapshot {
  return {
    ...snap,
    handle: user.handle ?? snap.handle,
    displayName: user.name,
    followers: user.followers,
    // Every X source carries full counts (numbers, never "1.2M" text).
    followersExact: user.followers !== null,
    following: user.following,
    postsCount: user.tweets,
    bio: user.bio,
    isPrivate: user.protected,
    isVerified: user.verified,
  };
}

function unavailableNote(reason: string): string {
  return /suspend/i.test(reason)
    ? 'X says this account is suspended: there are no counts to read.'
    : `X says this account is not available (${reason}): it may not exist or may be deactivated.`;
}

/** A profile page (any tab). */
function readProfile(data: PageData, handle: string, tab: string, found: Collected): Snapshot {
  const userSource = found.users.find((s) => sameHandle(s.value.handle, handle)) ?? null;
  const profileUser = userSource?.value ?? null;

  // Timelines of this account: named by id, or whose tweets are mostly by this account.
  const mine = found.timelines.flatMap((s) => {
    const owner = timelineOwner(s.value);
    const ownerUser = s.value.tweets.find((t) => authorKey(t) === owner && t.author)?.author ?? null;
    const matches = owner !== null && (sameHandle(ownerUser?.handle, handle) || (!!profileUser?.restId && owner === profileUser.restId));
    return matches ? [{ ...s, owner, ownerUser }] : [];
  });
  const tabOperation = TAB_OPERATIONS[tab];
  const ofTab = mine.filter((s) => s.operation === tabOperation);
  const timelines = ofTab.length > 0 ? ofTab : mine;

  const snap = baseSnapshot(data, profileUser ? 'profile' : timelines.length > 0 ? 'posts' : 'profile', handle);
  if (!profileUser && timelines.length === 0) {
    const gone = found.unavailable.find((u) => sameHandle(u.handle, handle));
    if (gone) return { ...snap, state: 'unknown-layout', source: 'UserByScreenName response', notes: [unavailableNote(gone.reason)] };
    const state = !found.understood && found.bodies.length > 0 ? 'unknown-layout' : 'loading';
    const note = state === 'loading' ? 'This profile’s data has not loaded yet.' : 'The page’s data has a shape this reader does not know yet.';
    return { ...snap, state, notes: [note] };
  }

  // Newest timeline's embedded author for whatever the user object lacks (or as the only source).
  const embedded = [...timelines].reverse().find((s) => s.ownerUser?.followers != null)?.ownerUser ?? timelines.at(-1)?.ownerUser ?? null;
  const user = mergeUsers(profileUser, embedded) ?? NO_USER;
  const { posts, reposts } = ownPosts(timelines);
  const notes: string[] = [];
  const newestTimeline = timelines.at(-1);
  const sources = [userSource?.label, newestTimeline && `${newestTimeline.label}${profileUser ? '' : ', author data'}`];
  if (!profileUser) notes.push('Profile counts come from the author data inside the posts timeline.');
  if (timelines.length === 0) notes.push('Posts have not loaded yet: scroll to the profile’s posts.');
  if (reposts > 0) notes.push(`${reposts} repost${reposts === 1 ? '' : 's'} of other accounts left out.`);
  const pinned = pinnedNote(posts);
  if (pinned) notes.push(pinned);
  if (posts.some((p) => p.views === null)) notes.push('Some posts show no view count (X shows views only for posts since Dec 2022).');
  if (user.tweets !== null) notes.push('The posts count includes replies and reposts.');
  if (user.followers === null) notes.push('No follower count in this data.');
  return {
    ...withUser(snap, user),
    state: profileState(user, posts, timelines.length > 0),
    posts,
    source: `${sources.filter(Boolean).join(' + ')} (exact counts)`,
    notes,
  };
}

function profileState(user: XUser, posts: PostStats[], timelineLoaded: boolean): Snapshot['state'] {
  if (user.protected) return 'private';
  if (user.followers === null && posts.length === 0) return 'unknown-layout';
  if (posts.length === 0 && (user.tweets === 0 || (timelineLoaded && user.tweets === null))) return 'empty';
  return 'ok';
}

/**
 * The account's own posts across its timelines in arrival order: a later page continues the
 * timeline, and a re-fetched post keeps its place but takes the newer counts.
 */
function ownPosts(timelines: ReadonlyArray<{ value: XTimeline; owner: string }>): { posts: PostStats[]; reposts: number } {
  const posts = new Map<string, PostStats>();
  const reposts = new Set<string>();
  for (const { value, owner } of timelines) {
    for (const t of value.tweets) {
      if (authorKey(t) !== owner) continue;
      if (t.isRepost) reposts.add(t.id);
      // A pinned post fetched again from a later page keeps its mark.
      else posts.set(t.id, posts.get(t.id)?.pinned === true ? { ...t.post, pinned: true } : t.post);
    }
  }
  return { posts: [...posts.values()], reposts: reposts.size };
}

/** The newest body that carries the post with this id (wherever it sits in the body). */
function findTweet(found: Collected, postId: string): { tweet: XTweet; label: string } | null {
  for (const body of found.bodies) {
    let tweet: XTweet | null = null;
    walkJson(body.value, (obj) => {
      if (tweet) return true;
      if (obj.rest_id !== postId && dig(obj, 'legacy', 'id_str') !== postId) return false;
      const candidate = parseXTweet(obj);
      if (candidate?.id === postId && !candidate.isRepost) tweet = candidate;
      return candidate !== null;
    });
    if (tweet) return { tweet, label: `${body.label} response` };
  }
  return null;
}

/** A single post page. The URL's handle is not checked: X serves /<anyone>/status/<id> for any post. */
function readPost(data: PageData, location: PageLocation, found: Collected): Snapshot {
  const postId = location.postId!;
  const hit = findTweet(found, postId);
  const snap = baseSnapshot(data, 'post', location.handle);
  if (!hit) {
    // X answered the request for this very post (or this is its saved body) without the post.
    const answered = found.bodies.some((b) => {
      const v = requestVariables(b.requestUrl);
      return v.focalTweetId === postId || v.tweetId === postId || (b.requestUrl === data.url && isPostBody(b.value));
    });
    if (answered) {
      return { ...snap, state: 'unknown-layout', notes: ['X returned no data for this post: it may be deleted, protected or unavailable.'] };
    }
    const state = !found.understood && found.bodies.length > 0 ? 'unknown-layout' : 'loading';
    return { ...snap, state, notes: [state === 'loading' ? 'This post’s data has not loaded yet.' : 'The page’s data has a shape this reader does not know yet.'] };
  }
  const { tweet } = hit;
  const author = tweet.author;
  // A user object of the author (e.g. from the profile visited before) fills what the embedded one lacks.
  const profile = found.users.find((s) => (author?.restId && s.value.restId === author.restId) || sameHandle(s.value.handle, author?.handle))?.value ?? null;
  const user = mergeUsers(author, profile);
  const notes: string[] = [];
  if (tweet.post.views === null) notes.push('This post shows no view count.');
  if (!user || user.followers === null) notes.push('The author’s follower count is not on this page yet.');
  return {
    ...(user ? withUser(snap, user) : snap),
    state: 'ok',
    posts: [tweet.post],
    source: `${hit.label} (exact counts)`,
    notes,
  };
}

export function readX(input: PageData): Snapshot | null {
  const data = normalise(input);
  const { location, tab } = parseXUrl(data.url);
  if (location.kind === 'other') return null;
  const found = collect(data);
  if (location.kind === 'post') return readPost(data, location, found);
  return readProfile(data, location.handle!, tab ?? '', found);
}

export const xReader: PlatformReader = defineReader({
  platform: 'x',
  hosts: HOSTS,
  captures: xCaptures,
  locate: locateX,
  read: readX,
});
