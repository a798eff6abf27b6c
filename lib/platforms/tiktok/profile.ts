/** A profile page (`/@handle`): the account's counts and its videos. */
import { pinnedNote } from '../../metrics/recent';
import type { PageData, Snapshot } from '../types';
import { sameHandle, type Owner } from './blocks';
import type { Gathered } from './gather';
import { metaAccount } from './meta';
import { baseSnapshot, bestAccount, countsSource, mergePosts, notFound, withAccount } from './snapshot';
import { postUrl } from './url';

export function readProfile(data: PageData, handle: string, g: Gathered): Snapshot {
  const snap = baseSnapshot(data, 'profile', handle);
  const accounts = g.facts.accounts.filter((a) => sameHandle(a.handle, handle));
  const meta = metaAccount(data, handle);
  const acc = bestAccount(meta ? [...accounts, meta] : accounts);
  const owns = (owner: Owner) =>
    owner.handle !== null
      ? sameHandle(owner.handle, handle)
      : acc !== null && ((owner.id !== null && owner.id === acc.id) || (owner.secUid !== null && owner.secUid === acc.secUid));
  // Pinned videos sit first in the grid, marked `pinned`: listed, and left out of the rates
  // when older than the recent videos (../metrics/recent.ts).
  const videos = g.facts.videos.filter((v) => owns(v.author));
  const posts = mergePosts(videos).map((p) => (p.url || !p.id ? p : { ...p, url: postUrl(handle, p.id, false) }));
  if (!acc?.followers && posts.length === 0) return notFound(snap, g, `the account @${handle}`);

  const notes: string[] = [];
  const filled = withAccount({ ...snap, posts }, acc);
  const sources = new Set(videos.map((v) => v.source));
  let source = acc ? countsSource(acc) : 'none';
  if (sources.size > 0) source += `; videos from ${[...sources].join(', ')}`;
  const pinned = pinnedNote(posts, 'video');
  if (pinned) notes.push(pinned);
  if (!acc?.followers) notes.push('The profile counts (followers) are not in the page yet.');
  else if (!acc.followers.exact) notes.push('Follower count is rounded by TikTok.');
  if (acc?.origin === 'meta') notes.push("Followers and likes come from the page's description (rounded).");
  if (videos.some((v) => v.rounded)) notes.push('Some video counts are rounded by TikTok (e.g. 1.5M).');

  let state: Snapshot['state'] = 'ok';
  if (posts.length === 0 && filled.isPrivate) {
    state = 'private';
    notes.push('Private account: its videos are not visible.');
  } else if (posts.length === 0 && filled.postsCount === 0) {
    state = 'empty';
  } else if (posts.length === 0) {
    notes.push("The videos' counts are not in the page yet; they load as the profile's video grid loads.");
  } else if (!acc?.followers) {
    state = 'loading';
  }
  return { ...filled, state, source, notes };
}
