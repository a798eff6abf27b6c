/**
 * TikTok's addresses: which pages the reader reads (URL → page kind, handle, video id), where
 * the content scripts run, and which of the web client's own requests the MAIN-world copier
 * copies. Kept apart from the reader so the copier can import the captures alone.
 */
import type { PageLocation } from '../types';

export const ORIGIN = 'https://www.tiktok.com';

// ---------------------------------------------------------------------------------------------
// URLs

/** TikTok handles are letters, digits, `_` and `.` (at most 24 today; older ones may be longer). */
export const HANDLE = /^@([A-Za-z0-9_.]{1,64})$/;
export const VIDEO_ID = /^\d{5,25}$/;

export function locateTikTok(url: string): PageLocation {
  const other: PageLocation = { platform: 'tiktok', kind: 'other', handle: null, postId: null, profileUrl: null };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return other;
  }
  if (!/(^|\.)tiktok\.com$/i.test(parsed.hostname)) return other;
  const parts = parsed.pathname.split('/').filter(Boolean).map(safeDecode);
  // Everything that is not under /@handle (/, /foryou, /explore, /search, /tag/…, /music/…,
  // /live, /messages, /upload, /embed/…) is not one account's page.
  const handle = HANDLE.exec(parts[0] ?? '')?.[1];
  if (!handle) return other;
  const located = { ...other, handle, profileUrl: `${ORIGIN}/@${handle}` };
  if (parts.length === 1) return { ...located, kind: 'profile' };
  const [, section = '', id = ''] = parts;
  if (parts.length === 3 && (section === 'video' || section === 'photo') && VIDEO_ID.test(id)) {
    return { ...located, kind: 'post', postId: id };
  }
  // /@handle/live, /@handle/playlist/…, /@handle/collection/… carry no counts we read.
  return other;
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function postUrl(handle: string, id: string, photo: boolean): string {
  return `${ORIGIN}/@${handle}/${photo ? 'photo' : 'video'}/${id}`;
}

/** Where the extension's content scripts run for TikTok (manifest match patterns). */
export const tiktokMatches = ['https://www.tiktok.com/*'];

/** The web client's own requests whose JSON carries profile, video-list and video counts, and a video's comments. */
export const tiktokCaptures: readonly RegExp[] = [
    /^https:\/\/(?:[\w-]+\.)*tiktok\.com\/api\/post\/item_list\/?(?:[?#]|$)/,
    /^https:\/\/(?:[\w-]+\.)*tiktok\.com\/api\/creator\/item_list\/?(?:[?#]|$)/,
    /^https:\/\/(?:[\w-]+\.)*tiktok\.com\/api\/user\/detail\/?(?:[?#]|$)/,
    /^https:\/\/(?:[\w-]+\.)*tiktok\.com\/api\/item\/detail\/?(?:[?#]|$)/,
    // A video's comments and their replies, as the video page loads them.
    /^https:\/\/(?:[\w-]+\.)*tiktok\.com\/api\/comment\/list\/(?:reply\/)?(?:[?#]|$)/,
  ];
