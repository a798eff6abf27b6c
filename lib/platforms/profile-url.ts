/**
 * A creator's profile address built from the handle alone, for the places that have a handle
 * but no profile page URL (a post page's author, an imported row, a listing draft). The readers
 * read the addresses pages carry; this is the one place that builds them.
 */
import type { Platform } from './types';

const BUILDERS: Record<Platform, (handle: string) => string> = {
  instagram: (h) => `https://www.instagram.com/${encodeURIComponent(h)}/`,
  youtube: (h) => `https://www.youtube.com/@${encodeURIComponent(h)}`,
  tiktok: (h) => `https://www.tiktok.com/@${encodeURIComponent(h)}`,
  x: (h) => `https://x.com/${encodeURIComponent(h)}`,
};

/** The profile address for a handle (a leading @ and spaces around it are dropped). */
export function profileUrlFor(platform: Platform, handle: string): string {
  return BUILDERS[platform](handle.trim().replace(/^@+/, ''));
}
