/** A video or photo page (`/@handle/video/<id>`, `/@handle/photo/<id>`): that video against its author's followers. */
import { emptyPost, type PageData, type PageLocation, type PostComment, type Snapshot } from '../types';
import { sameHandle } from './blocks';
import type { Gathered } from './gather';
import { baseSnapshot, bestAccount, countsSource, mergePosts, notFound, withAccount } from './snapshot';
import { postUrl } from './url';

export function readPost(data: PageData, loc: PageLocation, postId: string, g: Gathered): Snapshot {
  const snap = baseSnapshot(data, 'post', loc.handle);
  const matches = g.facts.videos.filter((v) => v.post.id === postId);
  const newest = matches[matches.length - 1];
  if (!newest) return notFound(snap, g, `the video ${postId}`);
  const author = [...matches].reverse().find((v) => v.author.handle !== null)?.author.handle ?? loc.handle;
  const [post = emptyPost({ id: postId })] = mergePosts(matches);
  const photo = matches.some((v) => v.photo) || /\/photo\//.test(data.url);
  if (author) post.url = postUrl(author, postId, photo);
  const candidates = [
    ...g.facts.accounts.filter((a) => sameHandle(a.handle, author)),
    ...matches.flatMap((v) => (v.authorAccount && v.authorAccount.handle === null ? [v.authorAccount] : [])),
  ];
  const acc = bestAccount(candidates);
  const notes: string[] = [];
  if (!acc?.followers) notes.push("The author's follower count is not in this page's data.");
  else if (!acc.followers.exact) notes.push("The author's follower count is rounded by TikTok.");
  if (matches.some((v) => v.rounded)) notes.push('Some of the video counts are rounded by TikTok (e.g. 1.5M).');
  if (post.comments === null) notes.push('Comment count not on this page.');
  const source = newest.source + (acc?.followers ? `; followers from ${countsSource(acc)}` : '');
  const filled = withAccount({ ...snap, handle: author }, acc);
  const comments = videoComments(g, postId, author);
  return { ...filled, handle: author ?? filled.handle, state: 'ok', posts: [post], source, notes, ...(comments ? { comments } : {}) };
}

/**
 * The comments of this video the page received (`/api/comment/list/` and its replies), each once
 * in arrival order; undefined when no comment list arrived for it. A comment by the video's
 * author is the creator's.
 */
function videoComments(g: Gathered, postId: string, author: string | null): PostComment[] | undefined {
  const mine = g.facts.comments.filter((c) => c.videoId === null || c.videoId === postId);
  if (mine.length === 0 && !g.facts.commentLists.some((id) => id === null || id === postId)) return undefined;
  const seen = new Set<string>();
  const out: PostComment[] = [];
  for (const c of mine) {
    if (c.id !== null && seen.has(c.id)) continue;
    if (c.id !== null) seen.add(c.id);
    out.push({ text: c.text, author: c.author, byCreator: sameHandle(c.handle, author), likes: c.likes });
  }
  return out;
}
