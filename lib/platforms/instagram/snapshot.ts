/**
 * Pieces of a snapshot shared by the profile and the post readers: merging user records,
 * "not found" states and the notes about posts.
 */
import { emptySnapshot, type PageData, type PostStats, type Snapshot } from '../types';
import type { Found } from './gather';
import { sameHandle } from './meta';
import { hasCounts, type UserInfo } from './shapes';

/** Field by field, the newest record that knows it. */
export function mergeUsers(records: Found['users']): UserInfo | null {
  const newest = [...records].sort((a, b) => b.order - a.order);
  const first = newest[0];
  if (!first) return null;
  const pick = <K extends keyof UserInfo>(k: K): UserInfo[K] => newest.map((r) => r.user[k]).find((v) => v !== null) ?? first.user[k];
  return {
    username: first.user.username,
    ids: [...new Set(newest.flatMap((r) => r.user.ids))],
    displayName: pick('displayName'),
    bio: pick('bio'),
    followers: pick('followers'),
    following: pick('following'),
    postsCount: pick('postsCount'),
    isPrivate: pick('isPrivate'),
    isVerified: pick('isVerified'),
  };
}

export function usersNamed(found: Found, handle: string): Found['users'] {
  return found.users.filter((r) => sameHandle(r.user.username, handle));
}

/** Whether some block we could not read is about this account or post: then the layout is new to us. */
function unreadAbout(found: Found, needle: string): boolean {
  const quoted = [`"${needle}"`, `@${needle}`, `/${needle}/`].map((s) => s.toLowerCase());
  return found.unread.some((value) => {
    let text: string;
    try {
      text = (typeof value === 'string' ? value : JSON.stringify(value) ?? '').toLowerCase();
    } catch {
      return false;
    }
    return /count"\s*:\s*"?\d/.test(text) && quoted.some((q) => text.includes(q));
  });
}

export function baseSnapshot(data: PageData, kind: Snapshot['kind'], handle: string | null): Snapshot {
  return emptySnapshot({ platform: 'instagram', kind, state: 'ok', url: data.url, handle, source: '' });
}

export function notFound(snap: Snapshot, found: Found, needle: string, what: string): Snapshot {
  if (unreadAbout(found, needle)) {
    return { ...snap, state: 'unknown-layout', notes: [`The page carries data about this ${what} in a shape this version does not read yet.`] };
  }
  return { ...snap, state: 'loading', notes: [`This ${what}'s data is not in the page yet.`] };
}

export function applyUser(snap: Snapshot, user: UserInfo): void {
  snap.handle = user.username;
  snap.displayName = user.displayName;
  snap.bio = user.bio;
  snap.following = user.following;
  snap.postsCount = user.postsCount;
  snap.isPrivate = user.isPrivate;
  snap.isVerified = user.isVerified;
}

/** Said when posts are listed without counts (a logged-out grid, or a post page without them). */
export const NO_COUNTS_LOGGED_OUT =
  'Instagram shows like and comment counts only to logged-in visitors or on the posts themselves';

export function postNotes(posts: PostStats[]): string[] {
  const notes: string[] = [];
  const countless = posts.filter((p) => !hasCounts(p)).length;
  if (countless > 0) {
    const all = countless === posts.length;
    const which = all ? (posts.length === 1 ? 'this post' : `all ${posts.length} posts`) : `${countless} of ${posts.length} posts`;
    const consequence = all ? 'so the engagement rate is unknown' : 'so those posts are left out of the rates';
    notes.push(`No like or comment counts on this page for ${which}: ${NO_COUNTS_LOGGED_OUT}, ${consequence}.`);
  }
  const hidden = posts.filter((p) => p.likesHidden).length;
  if (hidden > 0) notes.push(`Likes are hidden on ${hidden} post${hidden === 1 ? '' : 's'}.`);
  if (posts.some((p) => hasCounts(p) && p.comments === null)) notes.push('Comment count not on this page for some posts.');
  if (posts.length > 0) notes.push('Instagram does not show share counts.');
  return notes;
}
