/** Pieces of a snapshot shared by the profile and the post readers. */
import { emptySnapshot, type PageData, type Snapshot } from '../types';
import type { XUser } from './tweet';

export function sameHandle(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export const NO_USER: XUser = {
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
export function mergeUsers(first: XUser | null, second: XUser | null): XUser | null {
  if (!first || !second) return first ?? second;
  const merged = { ...first };
  for (const key of Object.keys(merged) as Array<keyof XUser>) {
    if (merged[key] === null) (merged as Record<keyof XUser, unknown>)[key] = second[key];
  }
  return merged;
}

export function baseSnapshot(data: PageData, kind: Snapshot['kind'], handle: string | null): Snapshot {
  return emptySnapshot({ platform: 'x', kind, url: data.url, handle });
}

export function withUser(snap: Snapshot, user: XUser): Snapshot {
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

export function unavailableNote(reason: string): string {
  return /suspend/i.test(reason)
    ? 'X says this account is suspended: there are no counts to read.'
    : `X says this account is not available (${reason}): it may not exist or may be deactivated.`;
}
