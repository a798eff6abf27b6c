/**
 * A creator's profile address built from the handle alone, for the places that have a handle
 * but no profile page URL (a post page's author, an imported row, a listing draft). The readers
 * read the addresses pages carry; this is the one place that builds them.
 */
import type { Platform } from './types';

/**
 * A YouTube channel id (`UC` + 22 base64url characters). A channel without an @handle (older
 * `/channel/UC…` and `/user/…` channels) is keyed by its id in `Snapshot.handle`; this tells that
 * key from a handle, so the card can name the channel by its title and links go to `/channel/…`.
 */
export function isYoutubeChannelId(key: string): boolean {
  return /^UC[\w-]{22}$/.test(key);
}

const BUILDERS: Record<Platform, (handle: string) => string> = {
  instagram: (h) => `https://www.instagram.com/${encodeURIComponent(h)}/`,
  youtube: (h) => (isYoutubeChannelId(h) ? `https://www.youtube.com/channel/${h}` : `https://www.youtube.com/@${encodeURIComponent(h)}`),
  tiktok: (h) => `https://www.tiktok.com/@${encodeURIComponent(h)}`,
  x: (h) => `https://x.com/${encodeURIComponent(h)}`,
};

/** The profile address for a handle (a leading @ and spaces around it are dropped). */
export function profileUrlFor(platform: Platform, handle: string): string {
  return BUILDERS[platform](handle.trim().replace(/^@+/, ''));
}

/**
 * How text names a creator: "@handle", or — for a YouTube channel keyed by its channel id — its
 * title (else the id); null when there is no handle.
 */
export function creatorLabel(platform: Platform, handle: string | null, displayName: string | null = null): string | null {
  if (!handle) return null;
  if (platform === 'youtube' && isYoutubeChannelId(handle)) return displayName?.trim() || handle;
  return `@${handle}`;
}
