/** A single post page (`/<handle>/status/<id>`). */
import { walkJson } from '../page';
import type { PageData, PageLocation, Snapshot } from '../types';
import { isPostBody, requestVariables, type Collected } from './collect';
import { postReplies } from './replies';
import { baseSnapshot, mergeUsers, sameHandle, withUser } from './snapshot';
import { dig } from './timeline';
import { parseXTweet, type XTweet } from './tweet';

/** The newest body that carries the post with this id (wherever it sits in the body). */
export function findTweet(found: Collected, postId: string): { tweet: XTweet; label: string } | null {
  for (const body of found.bodies) {
    let tweet: XTweet | null = null;
    walkJson(body.value, (obj) => {
      if (tweet) return true;
      if (obj.rest_id !== postId && dig(obj, 'legacy', 'id_str') !== postId) return false;
      const candidate = parseXTweet(obj);
      if (candidate?.id === postId && !candidate.isRepost) tweet = candidate;
      return candidate !== null;
    });
    if (tweet) return { tweet, label: `${body.label} response` };
  }
  return null;
}

/** A single post page. The URL's handle is not checked: X serves /<anyone>/status/<id> for any post. */
export function readPost(data: PageData, location: PageLocation, found: Collected): Snapshot {
  const postId = location.postId!;
  const hit = findTweet(found, postId);
  const snap = baseSnapshot(data, 'post', location.handle);
  if (!hit) {
    // X answered the request for this very post (or this is its saved body) without the post.
    const answered = found.bodies.some((b) => {
      const v = requestVariables(b.requestUrl);
      return v.focalTweetId === postId || v.tweetId === postId || (b.requestUrl === data.url && isPostBody(b.value));
    });
    if (answered) {
      return { ...snap, state: 'unknown-layout', notes: ['X returned no data for this post: it may be deleted, protected or unavailable.'] };
    }
    const state = !found.understood && found.bodies.length > 0 ? 'unknown-layout' : 'loading';
    return { ...snap, state, notes: [state === 'loading' ? 'This post’s data has not loaded yet.' : 'The page’s data has a shape this reader does not know yet.'] };
  }
  const { tweet } = hit;
  const author = tweet.author;
  // A user object of the author (e.g. from the profile visited before) fills what the embedded one lacks.
  const profile = found.users.find((s) => (author?.restId && s.value.restId === author.restId) || sameHandle(s.value.handle, author?.handle))?.value ?? null;
  const user = mergeUsers(author, profile);
  const notes: string[] = [];
  if (tweet.post.views === null) notes.push('This post shows no view count.');
  if (!user || user.followers === null) notes.push('The author’s follower count is not on this page yet.');
  const comments = postReplies(found, postId, tweet);
  return {
    ...(user ? withUser(snap, user) : snap),
    state: 'ok',
    posts: [tweet.post],
    source: `${hit.label} (exact counts)`,
    notes,
    ...(comments ? { comments } : {}),
  };
}
