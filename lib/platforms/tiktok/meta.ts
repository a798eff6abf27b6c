/**
 * The profile's description meta, a rounded last resort:
 * "Name (@handle) on TikTok | 44.6M Likes. 2.6M Followers. Bio… Watch the latest video from…"
 * (older pages said "Fans" for followers).
 */
import { parseCountDetailed, type ParsedCount } from '../../metrics/counts';
import type { PageData } from '../types';
import { sameHandle, type Account } from './blocks';

export function tiktokMetaCounts(description: string): { handle: string; followers: ParsedCount; hearts: ParsedCount | null } | null {
  const handle = /\(@([A-Za-z0-9_.]{1,64})\)/.exec(description)?.[1];
  if (!handle) return null;
  const number = (word: string) => {
    // A number starts where a run of digits starts: a start inside the run matches exactly when the
    // run's start does, and retrying every one of them made a long run of digits quadratic.
    const m = new RegExp(`(?<![\\d.,])([\\d.,]+\\s?[KMB]?)\\s+${word}\\b`, 'i').exec(description);
    return m ? parseCountDetailed(m[1]) : null;
  };
  // Without a follower count this is not a profile description (a video's says "N Likes, N
  // Comments", and its likes are not the account's total).
  const followers = number('Followers') ?? number('Fans');
  return followers ? { handle, followers, hearts: number('Likes') } : null;
}

export function metaAccount(data: PageData, handle: string): Account | null {
  const description = data.meta['og:description'] ?? data.meta.description ?? '';
  const found = tiktokMetaCounts(description);
  if (!found || !sameHandle(found.handle, handle)) return null;
  return {
    handle: found.handle,
    id: null,
    secUid: null,
    displayName: null,
    bio: null,
    verified: null,
    isPrivate: null,
    followers: found.followers,
    following: null,
    videos: null,
    hearts: found.hearts?.value ?? null,
    origin: 'meta',
    seq: -1,
    source: 'description meta',
  };
}
