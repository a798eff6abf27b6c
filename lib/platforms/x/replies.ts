/**
 * The replies a post page has loaded: `TweetDetail` bodies of this post (the first page and the
 * "show more replies" pages) keep each reply thread in a `conversationthread-…` entry or module.
 * The post itself, the posts above it (`tweet-…` entries) and promoted entries are not replies.
 */
import { isObject } from '../page';
import type { PostComment } from '../types';
import type { Collected } from './collect';
import { requestVariables } from './collect';
import { ItemContent, Instruction } from './shapes';
import { dig, entryItems } from './timeline';
import { parseXTweet, type XTweet } from './tweet';

const CONVERSATION_KEYS = ['threaded_conversation_with_injections_v2', 'threaded_conversation_with_injections'];

function instructionsOf(body: unknown): unknown[] {
  const data = dig(body, 'data');
  if (!isObject(data)) return [];
  for (const key of CONVERSATION_KEYS) {
    const list = dig(data, key, 'instructions');
    if (Array.isArray(list)) return list;
  }
  return [];
}

/** The reply tweets of one body's instructions, in page order, and whether it shows the post itself. */
function repliesIn(instructions: unknown[], postId: string): { replies: XTweet[]; showsPost: boolean } {
  const replies: XTweet[] = [];
  let showsPost = false;
  for (const raw of instructions) {
    const ins = Instruction.safeParse(raw);
    if (!ins.success) continue;
    const entries = [...(ins.data.entry !== undefined ? [ins.data.entry] : []), ...(ins.data.entries ?? []), ...(ins.data.moduleItems ?? [])];
    for (const item of entries.flatMap(entryItems)) {
      if (item.entryId === `tweet-${postId}`) showsPost = true;
      if (!item.entryId.startsWith('conversationthread-')) continue;
      const content = ItemContent.safeParse(item.itemContent);
      if (!content.success || content.data.promotedMetadata !== undefined) continue;
      const tweet = parseXTweet(content.data.tweet_results?.result);
      if (tweet && tweet.id !== postId && !tweet.isRepost) replies.push(tweet);
    }
  }
  return { replies, showsPost };
}

/**
 * The replies to the post `postId` (by `author`) that the page received, oldest body first, each
 * once; undefined when no conversation of this post arrived. A reply by the post's author is the
 * creator's.
 */
export function postReplies(found: Collected, postId: string, author: XTweet): PostComment[] | undefined {
  let any = false;
  const seen = new Set<string>();
  const out: PostComment[] = [];
  for (const body of [...found.bodies].reverse()) {
    const instructions = instructionsOf(body.value);
    if (instructions.length === 0) continue;
    const focal = requestVariables(body.requestUrl).focalTweetId;
    const { replies, showsPost } = repliesIn(instructions, postId);
    if (focal !== undefined ? focal !== postId : !showsPost) continue;
    any = true;
    for (const reply of replies) {
      if (seen.has(reply.id)) continue;
      seen.add(reply.id);
      const byCreator =
        (reply.authorId !== null && reply.authorId === author.authorId) ||
        (!!reply.author?.handle && reply.author.handle.toLowerCase() === author.author?.handle?.toLowerCase());
      out.push({ text: reply.post.caption ?? '', author: reply.author?.handle ?? null, byCreator, likes: reply.post.likes });
    }
  }
  return any ? out : undefined;
}
