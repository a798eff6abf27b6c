/**
 * YouTube's addresses: which pages the reader reads (URL → page kind, channel reference, tab,
 * video id), where the content scripts run, and which of the web client's own requests the
 * MAIN-world copier copies. Kept apart from the reader so the copier can import the captures alone.
 */
import type { PageLocation } from '../types';

export const youtubeHosts = ['www.youtube.com', 'youtube.com', 'm.youtube.com', 'youtu.be'] as const;

/** Where the extension's content scripts run for YouTube (youtu.be only redirects). */
export const youtubeMatches = ['https://www.youtube.com/*', 'https://m.youtube.com/*'];

/** The web client's own requests whose JSON bodies carry channel and video data. */
export const youtubeCaptures: readonly RegExp[] = [
  /^https:\/\/(?:www|m)\.youtube\.com\/youtubei\/v1\/(?:browse|next|player)(?:[?#]|$)/,
  /^https:\/\/(?:www|m)\.youtube\.com\/youtubei\/v1\/reel\/reel_item_watch(?:[?#]|$)/,
];

export const VIDEO_ID = /^[\w-]{11}$/;
export const CHANNEL_ID = /^[\w-]{2,64}$/;
/** Handles and legacy custom names: letters of any script, digits, `_`, `-`, `.`, `·`. */
export const CHANNEL_NAME = /^[\p{L}\p{M}\p{N}_.\-\u00b7]{1,100}$/u;
export const TAB_NAME = /^[a-z]{1,30}$/i;
/** Tabs whose grid is the channel's uploads: an empty grid there means no posts. */
export const VIDEO_TABS = new Set(['videos', 'shorts', 'streams']);

export type RefKind = 'id' | 'handle' | 'c' | 'user';
/** How a URL or a body names a channel: `/channel/ID`, `/@handle`, `/c/name`, `/user/name`. */
export interface ChannelRef {
  kind: RefKind;
  value: string;
}

export interface Place {
  location: PageLocation;
  channel: ChannelRef | null;
  tab: string | null;
  short: boolean;
}

export const OTHER: Place = {
  location: { platform: 'youtube', kind: 'other', handle: null, postId: null, profileUrl: null },
  channel: null,
  tab: null,
  short: false,
};

export const REF_PREFIX: Record<RefKind, string> = { id: 'channel/', handle: '@', c: 'c/', user: 'user/' };

export function toUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return null;
  try {
    // Accept "youtube.com/@x" as typed into a box, but only http(s) URLs.
    const parsed = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(url) ? url : `https://${url.replace(/^\/+/, '')}`);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function videoPlace(id: string | null | undefined, short: boolean): Place {
  if (!id || !VIDEO_ID.test(id)) return OTHER;
  return {
    location: { platform: 'youtube', kind: 'post', handle: null, postId: id, profileUrl: null },
    channel: null,
    tab: null,
    short,
  };
}

export function channelPlace(ref: ChannelRef, tab: string | undefined): Place {
  const valid = ref.kind === 'id' ? CHANNEL_ID.test(ref.value) : CHANNEL_NAME.test(ref.value);
  if (!valid || (tab !== undefined && !TAB_NAME.test(tab))) return OTHER;
  return {
    location: {
      platform: 'youtube',
      kind: 'profile',
      handle: ref.kind === 'handle' ? ref.value : null,
      postId: null,
      profileUrl: `https://www.youtube.com/${REF_PREFIX[ref.kind]}${ref.value}`,
    },
    channel: ref,
    tab: tab?.toLowerCase() ?? null,
    short: false,
  };
}

export function placeOf(url: string): Place {
  const parsed = toUrl(url);
  const host = parsed?.hostname.toLowerCase();
  if (!parsed || !host || !(youtubeHosts as readonly string[]).includes(host)) return OTHER;
  const segments = parsed.pathname.split('/').filter((s) => s.length > 0).map(decodeSegment);
  if (host === 'youtu.be') return segments.length === 1 ? videoPlace(segments[0], false) : OTHER;
  const [first = '', second, third] = segments;
  const head = first.toLowerCase();
  if (head === 'watch') return segments.length === 1 ? videoPlace(parsed.searchParams.get('v'), false) : OTHER;
  if (head === 'shorts' || head === 'live') return segments.length === 2 ? videoPlace(second, head === 'shorts') : OTHER;
  if (head === 'channel' || head === 'c' || head === 'user') {
    if (second === undefined || segments.length > 3) return OTHER;
    return channelPlace({ kind: head === 'channel' ? 'id' : head, value: second }, third);
  }
  if (first.startsWith('@') && segments.length <= 2) return channelPlace({ kind: 'handle', value: first.slice(1) }, second);
  return OTHER;
}

/** Page kind, handle and video id from a YouTube URL; never throws (anything else is `other`). */
export function locateYoutube(url: string): PageLocation {
  return { ...placeOf(url).location };
}

/** A channel reference from a URL or a path ("/@Vsauce", "http://www.youtube.com/c/Name/videos"). */
export function refOf(urlOrPath: string | null | undefined): ChannelRef | null {
  if (!urlOrPath) return null;
  return placeOf(urlOrPath.startsWith('/') ? `https://www.youtube.com${urlOrPath}` : urlOrPath).channel;
}
