/** Reading timelines: `UserTweets`-like bodies, pinned entry first, promoted entries left out. */
import { isObject } from '../page';
import { Entry, Instruction, ItemContent } from './shapes';
import { numericId, parseXTweet, type XTweet } from './tweet';

export interface XTimeline {
  /** `data.user.result.rest_id` when the body names its account. */
  ownerId: string | null;
  /** Every tweet in page order (pinned first), reposts and other authors included. */
  tweets: XTweet[];
}

export interface TimelineItem {
  entryId: string;
  itemContent: unknown;
}

/** The items of one entry: the entry's own tweet, or each item of a module. */
export function entryItems(value: unknown): TimelineItem[] {
  const parsed = Entry.safeParse(value);
  if (!parsed.success) return [];
  const e = parsed.data;
  const entryId = e.entryId ?? '';
  if (e.item) return [{ entryId, itemContent: e.item.itemContent }];
  if (e.content?.itemContent !== undefined) return [{ entryId, itemContent: e.content.itemContent }];
  return (e.content?.items ?? []).flatMap((item) =>
    entryItems(item).map((i) => ({ ...i, entryId: /^promoted/i.test(entryId) ? entryId : i.entryId })),
  );
}

/**
 * Tweets of a list of timeline instructions, pinned entry first (its post marked `pinned`),
 * promoted entries left out.
 */
export function tweetsOfInstructions(instructions: readonly unknown[]): XTweet[] {
  const parsed = instructions.flatMap((i) => {
    const r = Instruction.safeParse(i);
    return r.success ? [r.data] : [];
  });
  // The pinned post shows at the top of the profile whatever the instruction order.
  const ordered = [...parsed.filter((i) => i.type === 'TimelinePinEntry'), ...parsed.filter((i) => i.type !== 'TimelinePinEntry')];
  const tweets: XTweet[] = [];
  for (const ins of ordered) {
    const pinned = ins.type === 'TimelinePinEntry';
    const entries = [...(ins.entry !== undefined ? [ins.entry] : []), ...(ins.entries ?? []), ...(ins.moduleItems ?? [])];
    for (const item of entries.flatMap(entryItems)) {
      const content = ItemContent.safeParse(item.itemContent);
      if (!content.success || content.data.promotedMetadata !== undefined || /^promoted/i.test(item.entryId)) continue;
      const tweet = parseXTweet(content.data.tweet_results?.result);
      if (tweet) tweets.push(pinned ? { ...tweet, post: { ...tweet.post, pinned: true } } : tweet);
    }
  }
  return tweets;
}

/** The timeline of a `UserTweets`-like body (`timeline_v2` before 2025, `timeline` after). */
export function parseXTimeline(body: unknown): XTimeline | null {
  const result = dig(body, 'data', 'user', 'result');
  if (!isObject(result)) return null;
  for (const key of ['timeline_v2', 'timeline']) {
    const instructions = dig(result, key, 'timeline', 'instructions');
    if (Array.isArray(instructions)) {
      const rest = result.rest_id;
      return { ownerId: typeof rest === 'string' ? numericId(rest) : null, tweets: tweetsOfInstructions(instructions) };
    }
  }
  return null;
}

export function dig(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** The account a timeline belongs to: the named owner, else the author of most of its tweets. */
export function timelineOwner(timeline: XTimeline): string | null {
  if (timeline.ownerId) return timeline.ownerId;
  const tally = new Map<string, number>();
  for (const t of timeline.tweets) {
    const key = authorKey(t);
    if (key) tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [key, n] of tally) if (best === null || n > tally.get(best)!) best = key;
  return best;
}

/** Numeric author id, else the lower-cased handle (so tweets lacking ids still group). */
export function authorKey(t: XTweet): string | null {
  return t.authorId ?? (t.author?.handle ? `@${t.author.handle.toLowerCase()}` : null);
}
