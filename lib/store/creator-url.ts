/**
 * A creator named by a profile address, as files from other tools name them ("Profile URL",
 * "Link"): the platform and the handle, read by the platform's own reader (`locate`, the same
 * code that tells a page's kind and handle in the browser), and the profile address the
 * extension builds for that handle.
 *
 * Accepted: the profile pages of the four platforms (`https://www.instagram.com/kim/`,
 * `youtube.com/@kim`, `https://www.tiktok.com/@kim?lang=en`, `x.com/kim`, `twitter.com/kim`),
 * also without `https://`, and a post of theirs that names its author
 * (`tiktok.com/@kim/video/…`). A YouTube channel without an @handle (`/channel/UC…`) is keyed
 * by its channel id, as everywhere else in the extension. Anything else gives null.
 */
import { readerForUrl } from '../platforms/index';
import { isYoutubeChannelId, profileUrlFor } from '../platforms/profile-url';
import type { Platform } from '../platforms/types';

export interface CreatorFromUrl {
  platform: Platform;
  handle: string;
  /** The profile address as the extension writes it. */
  profileUrl: string;
}

/** Text that is an address rather than a handle: a scheme, a slash, or a known platform host. */
export function looksLikeAddress(text: string): boolean {
  const t = text.trim();
  // "x.com.fan" is an Instagram handle; "x.com/fan" and "x.com" are addresses.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(t) || t.includes('/') || /^(?:www\.|m\.|mobile\.)?(?:instagram|youtube|tiktok|twitter|x)\.com(?:[/?#]|$)/i.test(t);
}

const CHANNEL_PATH = /^\/channel\/(UC[\w-]{22})(?:\/|$)/;

/** The creator a profile (or post) address names; null when it names none of the four platforms' creators. */
export function creatorFromUrl(text: string): CreatorFromUrl | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 2000 || /\s/.test(trimmed)) return null;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/+/, '')}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // The readers know the hosts the pages are served from; a mobile or bare host is the same site.
  const host = parsed.hostname.toLowerCase().replace(/^(?:m|mobile)\./, 'www.');
  const address = [`https://${host}${parsed.pathname}${parsed.search}`, `https://www.${host}${parsed.pathname}${parsed.search}`].find((a) => readerForUrl(a) !== null);
  const reader = address === undefined ? null : readerForUrl(address);
  if (!reader || address === undefined) return null;
  const located = reader.locate(address);
  let handle = located.handle;
  if (!handle && located.platform === 'youtube') {
    const channel = CHANNEL_PATH.exec(parsed.pathname)?.[1];
    if (channel && isYoutubeChannelId(channel)) handle = channel;
  }
  if (!handle) return null;
  return { platform: located.platform, handle, profileUrl: profileUrlFor(located.platform, handle) };
}
