/**
 * A post or reel page (`/p/<code>/`, `/reel/<code>/`, `/<handle>/p/<code>/`): that post's
 * counts against its author's followers. The post's own data (a post query, `shortcode_media`,
 * the logged-out 2026 `xig_polaris_media`) is preferred to a grid tile of the same post (a
 * logged-out grid carries no counts), and the meta description is the last resort.
 */
import { emptyPost, type PageData, type PageLocation, type PostComment, type PostStats, type Snapshot } from '../types';
import { toPostComments, type InstagramComment } from './content';
import { gather, type Found } from './gather';
import { metaDescription, ogLocation, parsePostDescription, sameHandle } from './meta';
import { hasCounts, type MediaInfo } from './shapes';
import { applyUser, baseSnapshot, mergeUsers, notFound, postNotes, usersNamed } from './snapshot';
import { ORIGIN } from './url';

function postFromMeta(data: PageData, postId: string, urlHandle: string | null): { post: PostStats; handle: string | null } | null {
  const og = ogLocation(data);
  if (og && og.postId !== postId) return null;
  const parsed = parsePostDescription(metaDescription(data));
  if (!parsed || (urlHandle && parsed.handle && !sameHandle(parsed.handle, urlHandle))) return null;
  const post = emptyPost({ id: postId, url: `${ORIGIN}/p/${postId}/`, likes: parsed.likes, comments: parsed.comments, views: parsed.views });
  return { post, handle: parsed.handle };
}

interface Candidate {
  item: MediaInfo;
  order: number;
  label: string;
}

/** The newest record of the post that carries counts, else the newest record at all. */
function bestRecord(candidates: Candidate[]): Candidate | null {
  const newest = [...candidates].sort((a, b) => b.order - a.order);
  return newest.find((c) => hasCounts(c.item.post)) ?? newest[0] ?? null;
}

export function readPost(data: PageData, loc: PageLocation): Snapshot {
  const postId = loc.postId!;
  const snap = baseSnapshot(data, 'post', loc.handle);
  const found = gather(data);
  // A post's own record wins over a grid tile of it that arrived with it or earlier.
  const own = found.media.filter((m) => m.item.post.id === postId).map((m) => ({ ...m, order: m.order + 0.5 }));
  const tiles = found.grids.flatMap((g) => g.items.filter((m) => m.post.id === postId).map((item) => ({ item, order: g.order, label: g.label })));
  const record = bestRecord([...own, ...tiles]);
  const fromMeta = record && hasCounts(record.item.post) ? null : postFromMeta(data, postId, loc.handle);
  const best = fromMeta ? null : record;
  if (!best && !fromMeta) return notFound(snap, found, postId, 'post');

  const author = best?.item.authors[0] ?? fromMeta?.handle ?? record?.item.authors[0] ?? loc.handle?.toLowerCase() ?? null;
  const authorRecords = author ? usersNamed(found, author) : [];
  const user = mergeUsers(authorRecords);
  if (user) applyUser(snap, user);
  else snap.handle = loc.handle ?? author;
  snap.followers = user?.followers ?? null;
  snap.followersExact = snap.followers !== null;
  const post = best?.item.post ?? fromMeta!.post;
  snap.posts = [post];
  const comments = postComments(found, postId, record, snap.handle?.toLowerCase() ?? author);
  if (comments) snap.comments = comments;
  snap.source = best ? `post data in ${best.label}${hasCounts(post) ? ' (exact counts)' : ''}` : 'og:description meta';
  if (snap.followers === null) snap.notes.push("The author's follower count is not on this post page; open the profile for it.");
  if (hasCounts(post) && post.comments === null) snap.notes.push('Comment count not on this page.');
  snap.notes.push(...postNotes(snap.posts).filter((n) => !n.startsWith('Comment count')));
  return snap;
}

/**
 * The comments of this post the page carries: those inside the post's own record, then those of
 * comment responses about it — a response naming the post's id, or (the web client's comments
 * query names no post) one that arrived after the post's record and before any other post's.
 * Undefined when the page carries no comment list of this post.
 */
function postComments(found: Found, postId: string, record: Candidate | null, author: string | null): PostComment[] | undefined {
  const own = found.media.filter((m) => m.item.post.id === postId);
  const ids = new Set(own.flatMap((m) => m.item.ids));
  const since = own.length > 0 ? Math.min(...own.map((m) => m.order)) : -1;
  const otherPosts = found.media.filter((m) => m.item.post.id !== postId).map((m) => m.order);
  const lists: InstagramComment[][] = [];
  const inRecord = record?.item.comments ?? null;
  if (inRecord) lists.push(inRecord);
  for (const block of found.comments) {
    const about =
      block.mediaId !== null && ids.size > 0
        ? ids.has(block.mediaId)
        : block.order > since && !otherPosts.some((o) => o > since && o < block.order);
    if (about) lists.push(block.items);
  }
  if (lists.length === 0) return undefined;
  return toPostComments(lists.flat(), author);
}
