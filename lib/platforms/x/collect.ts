/** Collecting the page's data: users, timelines and every response body, from responses and scripts. */
import { isObject, jsonAfterMarker, jsonScripts, walkJson } from '../page';
import type { PageData } from '../types';
import { LdInteraction, LdPerson, LdProfile, User } from './shapes';
import { dig, parseXTimeline, type XTimeline } from './timeline';
import { count, numericId, parseXUser, type XUser } from './tweet';
import { locateX, parseUrl } from './url';

export interface Source<T> {
  value: T;
  /** Where it came from, for `Snapshot.source`. */
  label: string;
  /** GraphQL operation named by the request URL, when there is one. */
  operation: string | null;
}

export interface Unavailable {
  handle: string | null;
  reason: string;
}

export interface Collected {
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

export function operationOf(requestUrl: string): string | null {
  return /\/graphql\/[^/?#]+\/([A-Za-z]+)/.exec(requestUrl)?.[1] ?? null;
}

/** `variables` of a GraphQL GET request (screen_name, userId, tweetId, focalTweetId …). */
export function requestVariables(requestUrl: string): Record<string, unknown> {
  const raw = parseUrl(requestUrl)?.searchParams.get('variables');
  try {
    const value: unknown = raw ? JSON.parse(raw) : null;
    return isObject(value) ? value : {};
  } catch {
    return {};
  }
}

/** User results of a body: `data.user`, `data.user_result`, `data.user_result_by_screen_name`, `data.users[]`. */
export function userSlots(body: unknown): Array<{ result: unknown }> {
  const data = dig(body, 'data');
  if (!isObject(data)) return [];
  // X answers `{"data": {}}` for a screen name that does not exist.
  if (Object.keys(data).length === 0) return [{ result: undefined }];
  const slots = ['user', 'user_result', 'user_result_by_screen_name'].map((k) => data[k]).filter(isObject);
  const many = Array.isArray(data.users) ? data.users.filter(isObject) : [];
  return [...slots, ...many].map((slot) => ({ result: slot.result }));
}

export function unavailableReason(result: unknown): string | null {
  if (!isObject(result) || Object.keys(result).length === 0) return 'NotFound';
  const u = User.safeParse(result);
  if (u.success && u.data.__typename === 'UserUnavailable') return u.data.reason ?? u.data.message ?? 'Unavailable';
  return null;
}

export function readResponses(data: PageData, out: Collected): void {
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
export function isPostBody(body: unknown): boolean {
  const data = dig(body, 'data');
  return isObject(data) && ['threaded_conversation_with_injections_v2', 'threaded_conversation_with_injections', 'tweetResult'].some((k) => k in data);
}

export function handleOfPage(url: string): string | null {
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

export function readScripts(data: PageData, out: Collected): void {
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

export function collect(data: PageData): Collected {
  const out: Collected = { users: [], timelines: [], unavailable: [], bodies: [], understood: false };
  readResponses(data, out);
  readScripts(data, out);
  return out;
}

/** PageData as it should be, whatever arrived (the content script passes page-controlled data). */
export function normalise(data: PageData): PageData {
  const d: Partial<PageData> = isObject(data) ? data : {};
  return {
    url: typeof d.url === 'string' ? d.url : '',
    meta: isObject(d.meta) ? d.meta : {},
    scripts: Array.isArray(d.scripts) ? d.scripts.filter((s) => isObject(s) && typeof s.text === 'string') : [],
    responses: Array.isArray(d.responses) ? d.responses : [],
  };
}
