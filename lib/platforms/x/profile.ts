/** A profile page (any tab): the account's counts and its own recent posts. */
import { pinnedNote } from '../../metrics/recent';
import type { PageData, PostStats, Snapshot } from '../types';
import type { Collected } from './collect';
import { baseSnapshot, mergeUsers, NO_USER, sameHandle, unavailableNote, withUser } from './snapshot';
import { authorKey, timelineOwner, type XTimeline } from './timeline';
import type { XUser } from './tweet';
import { TAB_OPERATIONS } from './url';

/** A profile page (any tab). */
export function readProfile(data: PageData, handle: string, tab: string, found: Collected): Snapshot {
  const userSource = found.users.find((s) => sameHandle(s.value.handle, handle)) ?? null;
  const profileUser = userSource?.value ?? null;

  // Timelines of this account: named by id, or whose tweets are mostly by this account.
  const mine = found.timelines.flatMap((s) => {
    const owner = timelineOwner(s.value);
    const ownerUser = s.value.tweets.find((t) => authorKey(t) === owner && t.author)?.author ?? null;
    const matches = owner !== null && (sameHandle(ownerUser?.handle, handle) || (!!profileUser?.restId && owner === profileUser.restId));
    return matches ? [{ ...s, owner, ownerUser }] : [];
  });
  const tabOperation = TAB_OPERATIONS[tab];
  const ofTab = mine.filter((s) => s.operation === tabOperation);
  const timelines = ofTab.length > 0 ? ofTab : mine;

  const snap = baseSnapshot(data, profileUser ? 'profile' : timelines.length > 0 ? 'posts' : 'profile', handle);
  if (!profileUser && timelines.length === 0) {
    const gone = found.unavailable.find((u) => sameHandle(u.handle, handle));
    if (gone) return { ...snap, state: 'unknown-layout', source: 'UserByScreenName response', notes: [unavailableNote(gone.reason)] };
    const state = !found.understood && found.bodies.length > 0 ? 'unknown-layout' : 'loading';
    const note = state === 'loading' ? 'This profile’s data has not loaded yet.' : 'The page’s data has a shape this reader does not know yet.';
    return { ...snap, state, notes: [note] };
  }

  // Newest timeline's embedded author for whatever the user object lacks (or as the only source).
  const embedded = [...timelines].reverse().find((s) => s.ownerUser?.followers != null)?.ownerUser ?? timelines.at(-1)?.ownerUser ?? null;
  const user = mergeUsers(profileUser, embedded) ?? NO_USER;
  const { posts, reposts } = ownPosts(timelines);
  const notes: string[] = [];
  const newestTimeline = timelines.at(-1);
  const sources = [userSource?.label, newestTimeline && `${newestTimeline.label}${profileUser ? '' : ', author data'}`];
  if (!profileUser) notes.push('Profile counts come from the author data inside the posts timeline.');
  if (timelines.length === 0) notes.push('Posts have not loaded yet: scroll to the profile’s posts.');
  if (reposts > 0) notes.push(`${reposts} repost${reposts === 1 ? '' : 's'} of other accounts left out.`);
  const pinned = pinnedNote(posts);
  if (pinned) notes.push(pinned);
  if (posts.some((p) => p.views === null)) notes.push('Some posts show no view count (X shows views only for posts since Dec 2022).');
  if (user.tweets !== null) notes.push('The posts count includes replies and reposts.');
  if (user.followers === null) notes.push('No follower count in this data.');
  return {
    ...withUser(snap, user),
    state: profileState(user, posts, timelines.length > 0),
    posts,
    source: `${sources.filter(Boolean).join(' + ')} (exact counts)`,
    notes,
  };
}

export function profileState(user: XUser, posts: PostStats[], timelineLoaded: boolean): Snapshot['state'] {
  if (user.protected) return 'private';
  if (user.followers === null && posts.length === 0) return 'unknown-layout';
  if (posts.length === 0 && (user.tweets === 0 || (timelineLoaded && user.tweets === null))) return 'empty';
  return 'ok';
}

/**
 * The account's own posts across its timelines in arrival order: a later page continues the
 * timeline, and a re-fetched post keeps its place but takes the newer counts.
 */
export function ownPosts(timelines: ReadonlyArray<{ value: XTimeline; owner: string }>): { posts: PostStats[]; reposts: number } {
  const posts = new Map<string, PostStats>();
  const reposts = new Set<string>();
  for (const { value, owner } of timelines) {
    for (const t of value.tweets) {
      if (authorKey(t) !== owner) continue;
      if (t.isRepost) reposts.add(t.id);
      // A pinned post fetched again from a later page keeps its mark.
      else posts.set(t.id, posts.get(t.id)?.pinned === true ? { ...t.post, pinned: true } : t.post);
    }
  }
  return { posts: [...posts.values()], reposts: reposts.size };
}
