/**
 * All readers, for callers that handle any platform (the `analyze` command, tests). Content
 * scripts import their own platform's reader directly so each bundle carries only one.
 */
import type { PlatformReader } from './types';
import { instagramReader } from './instagram';
import { youtubeReader } from './youtube';
import { tiktokReader } from './tiktok';
import { xReader } from './x';

export const READERS: readonly PlatformReader[] = [instagramReader, youtubeReader, tiktokReader, xReader];

/** The reader for a URL's host, or null for a site the extension does not read. */
export function readerForUrl(url: string): PlatformReader | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return READERS.find((r) => r.hosts.includes(host)) ?? null;
}
