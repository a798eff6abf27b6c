/**
 * A profile page (`/<handle>/` and its tabs): the account's counts and its recent posts, from
 * whatever parts the page carries — a user object (embedded, `web_profile_info`, the logged-in
 * profile query, the logged-out `xig_user_by_username`), one or more grids (the posts query, the
 * Reels tab's clips query, grid pages), the meta description.
 *
 * Kind: `profile` when the page says whose account it is with counts (a user object, meta or
 * ld+json); `posts` when it carries only a grid of the account's posts.
 */
import { preferExact } from '../../metrics/counts';
import { pinnedNote } from '../../metrics/recent';
import type { PageData, PostStats, Snapshot } from '../types';
import { gather, type Found, type Grid } from './gather';
import { followersFromLdJson, profileFromMeta } from './meta';
import type { MediaInfo } from './shapes';
import { applyUser, baseSnapshot, mergeUsers, notFound, postNotes, usersNamed } from './snapshot';

/** What ties data to the URL's account: its lower-cased name and its numeric ids. */
interface Account {
  name: string;
  ids: Set<string>;
  /** Ids of other accounts the page names (a profile visited before, in a single-page app). */
  otherIds: Set<string>;
}

function accountOf(found: Found, handle: string): Account {
  const name = handle.toLowerCase();
  const ids = new Set<string>();
  const otherIds = new Set<string>();
  for (const r of found.users) for (const id of r.user.ids) (r.user.username.toLowerCase() === name ? ids : otherIds).add(id);
  // A node that names its author and carries the author's id ties the two (a grid without a user object).
  for (const g of found.grids) {
    for (const m of g.items) if (m.author !== null) for (const id of m.ownerIds) (m.author === name ? ids : otherIds).add(id);
  }
  for (const id of ids) otherIds.delete(id);
  return { name, ids, otherIds };
}

/** The most frequent value, or null. */
function mostCommon(values: readonly string[]): string | null {
  const tally = new Map<string, number>();
  let best: string | null = null;
  for (const v of values) {
    const n = (tally.get(v) ?? 0) + 1;
    tally.set(v, n);
    if (best === null || n > tally.get(best)!) best = v;
  }
  return best;
}

/**
 * Whether a grid is the account's: it sits in the account's user object; or one of its posts is
 * by the account, or all of them name it as co-author (a grid page of collaborations); or it is
 * the grid of the account's id; or — a grid whose posts carry only an id the page ties to no
 * account, such as a saved Reels-tab response — the page names no id for this account either.
 * A grid of posts that name nobody is no one's.
 */
function belongs(grid: Grid, account: Account): boolean {
  if (grid.owner !== null) return grid.owner === account.name;
  const named = grid.items.filter((m) => m.author !== null);
  if (named.length > 0) return named.some((m) => m.author === account.name) || named.every((m) => m.authors.includes(account.name));
  const ids = grid.ownerIds.length > 0 ? grid.ownerIds : grid.items.flatMap((m) => m.ownerIds.slice(0, 1));
  const owner = mostCommon(ids);
  if (owner === null) return false;
  if (account.ids.has(owner) || grid.ownerIds.some((id) => account.ids.has(id))) return true;
  return account.ids.size === 0 && !account.otherIds.has(owner);
}

/**
 * The account's grids for the tab on screen: the Reels tab's clips on `/<handle>/reels/`, the
 * posts grid elsewhere; the other kind when the page has only that. Grids with no posts (a
 * `web_profile_info` answered with `edges: []`) say nothing about which posts are recent.
 */
function gridsOf(found: Found, account: Account, reelsTab: boolean): Grid[] {
  const mine = found.grids.filter((g) => belongs(g, account));
  const filled = mine.filter((g) => g.items.length > 0);
  const ofTab = filled.filter((g) => g.reels === reelsTab);
  return ofTab.length > 0 ? ofTab : filled.length > 0 ? filled : mine;
}

/**
 * Pinned to this account's grid (or Reels tab): its pinners include the account, or — when the
 * page gives no id of the account — anyone at all. A post pinned by a co-author on their own
 * grid is not pinned here.
 */
function pinnedHere(item: MediaInfo, reels: boolean, account: Account): boolean {
  const by = reels ? item.reelsPinnedBy : item.pinnedBy;
  if (by.length === 0) return false;
  if (account.ids.size === 0) return true;
  return by.some((p) => p === account.name || account.ids.has(p));
}

/**
 * Grid pages in arrival order, one entry per post (first position kept, newest counts used).
 * Pinned posts open the grid and are listed, marked `pinned`; whether they count is decided by
 * the one pinned rule (../../metrics/recent.ts).
 */
function mergeGrids(grids: Grid[], account: Account): PostStats[] {
  const byId = new Map<string, PostStats>();
  for (const grid of [...grids].sort((a, b) => a.order - b.order)) {
    for (const item of grid.items) {
      const id = item.post.id!;
      const seen = byId.get(id);
      const pinned = pinnedHere(item, grid.reels, account) || seen?.pinned === true;
      byId.set(id, keepContent({ ...item.post, ...(pinned ? { pinned: true } : {}) }, seen));
    }
  }
  return [...byId.values()];
}

/** A newer record of a post that lacks its caption or flag keeps those of the older one. */
function keepContent(post: PostStats, older: PostStats | undefined): PostStats {
  if (!older) return post;
  const out = { ...post };
  if (out.caption == null && older.caption != null) Object.assign(out, { caption: older.caption, mentions: older.mentions, hashtags: older.hashtags });
  if (out.sponsored == null && older.sponsored != null) out.sponsored = older.sponsored;
  return out;
}

export function readProfile(data: PageData, handle: string, tab: string): Snapshot {
  const found = gather(data);
  const users = usersNamed(found, handle);
  const user = mergeUsers(users);
  const account = accountOf(found, handle);
  const grids = gridsOf(found, account, tab === 'reels');
  const meta = user?.followers != null ? null : profileFromMeta(data, handle);
  const ldFollowers = user?.followers != null ? null : followersFromLdJson(data, handle);
  const named = user !== null || meta !== null || ldFollowers !== null;
  const snap = baseSnapshot(data, named || grids.length === 0 ? 'profile' : 'posts', handle);
  if (!named && grids.length === 0) return notFound(snap, found, handle, 'account');

  const sources: string[] = [];
  if (user) {
    applyUser(snap, user);
    const newest = [...users].sort((a, b) => b.order - a.order)[0]!;
    sources.push(`${newest.shape} in ${newest.label}`);
  }
  const followers = preferExact(
    user?.followers != null ? { value: user.followers, exact: true } : null,
    ldFollowers !== null ? { value: ldFollowers, exact: true } : null,
    meta?.followers,
  );
  snap.followers = followers?.value ?? null;
  snap.followersExact = followers?.exact ?? false;
  if (ldFollowers !== null) sources.push('ld+json FollowAction counter');
  if (meta) {
    const roundedFromMeta = ldFollowers === null && meta.followers?.exact === false;
    sources.push(`og:description meta${roundedFromMeta ? ' (rounded)' : ''}`);
    snap.following ??= meta.following;
    snap.postsCount ??= meta.postsCount;
    snap.displayName ??= meta.displayName;
  }

  snap.posts = mergeGrids(grids, account);
  const pinned = pinnedNote(snap.posts);
  if (pinned) snap.notes.push(pinned);
  const gridSource = [...grids].sort((a, b) => b.order - a.order)[0];
  if (gridSource && !sources.some((s) => s.endsWith(gridSource.label))) sources.push(`posts from ${gridSource.label}`);
  if (grids.length > 0 && grids.every((g) => g.reels)) snap.notes.push('Posts are from the Reels tab.');
  snap.source = `${sources.join('; ')}${followers?.exact ? ' (exact counts)' : ''}`;

  if (snap.followers === null) snap.notes.push('Follower count not in the page yet.');
  else if (!snap.followersExact) snap.notes.push('Follower count is rounded as Instagram displays it.');
  if (snap.posts.length === 0) {
    if (snap.isPrivate) snap.state = 'private';
    else if (snap.postsCount === 0) snap.state = 'empty';
    else snap.notes.push('No posts in the page data yet: scroll the grid or reload the page to load them.');
  }
  if (snap.state === 'private') snap.notes.push('Private account: posts are not visible.');
  snap.notes.push(...postNotes(snap.posts));
  return snap;
}
