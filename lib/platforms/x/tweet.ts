/** Reading users and tweets in any of X's layouts. */
import * as z from 'zod/mini';
import { parseCount } from '../../metrics/counts';
import { emptyPost, type PostStats } from '../types';
import { tweetContent } from './content';
import { LegacyUser, Tweet, User } from './shapes';
import { postUrlOf } from './url';

export interface XUser {
  restId: string | null;
  handle: string | null;
  name: string | null;
  bio: string | null;
  followers: number | null;
  following: number | null;
  tweets: number | null;
  verified: boolean | null;
  protected: boolean | null;
}

/** A count the page carries, or null: finite, non-negative, whole (see `parseCount`). */
export function count(value: string | number | undefined): number | null {
  return value === undefined ? null : parseCount(value);
}

export function numericId(value: string | undefined): string | null {
  return value !== undefined && /^\d{1,25}$/.test(value) ? value : null;
}

export function anyTrue(...flags: Array<boolean | undefined>): boolean | null {
  if (flags.some((f) => f === true)) return true;
  return flags.some((f) => f === false) ? false : null;
}

/**
 * A user object in any of X's layouts. Newer fields win over `legacy` where both exist, since
 * X moves data out of `legacy` and may leave stale copies behind.
 */
export function parseXUser(value: unknown): XUser | null {
  const parsed = User.safeParse(value);
  if (!parsed.success) return null;
  const u = parsed.data;
  if (u.__typename !== undefined && u.__typename !== 'User') return null;
  const flat = LegacyUser.safeParse(value);
  const legacy: Partial<z.output<typeof LegacyUser>> = u.legacy ?? (flat.success ? flat.data : {});
  return {
    restId: numericId(u.rest_id) ?? numericId(legacy.id_str),
    handle: u.core?.screen_name ?? legacy.screen_name ?? null,
    name: u.core?.name ?? legacy.name ?? null,
    bio: u.profile_bio?.description ?? legacy.description ?? null,
    followers: count(u.relationship_counts?.followers) ?? count(legacy.followers_count),
    following: count(u.relationship_counts?.following) ?? count(legacy.friends_count),
    tweets: count(u.tweet_counts?.tweets) ?? count(legacy.statuses_count),
    // X shows a check mark for legacy-verified, subscribed (blue) and organisation accounts.
    verified: anyTrue(u.verification?.verified, legacy.verified, u.is_blue_verified, u.verification?.verified_type ? true : undefined),
    protected: anyTrue(u.privacy?.protected, legacy.protected),
  };
}

export interface XTweet {
  id: string;
  author: XUser | null;
  /** The author's numeric id (from the user object or `legacy.user_id_str`), else null. */
  authorId: string | null;
  /** A repost wrapper: not the account's own post (its like count is always 0). */
  isRepost: boolean;
  /** The post it replies to (`in_reply_to_status_id_str`), when it is a reply. */
  replyTo: string | null;
  post: PostStats;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Unix seconds from X's `created_at` ("Fri Feb 06 21:09:45 +0000 2026"), parsed by hand because
 * `Date.parse` of this format is not specified; else from the Snowflake id, whose top bits are
 * milliseconds since X's epoch 1288834974657 (github.com/twitter-archive/snowflake).
 */
export function tweetTime(createdAt: string | undefined, id: string): number | null {
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(createdAt ?? '');
  const month = m ? MONTHS.indexOf(m[1]!) : -1;
  if (m && month >= 0) {
    const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 3600 + Number(m[8]) * 60);
    return Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) / 1000 - offset;
  }
  // Ids below ~3e10 predate Snowflake (Nov 2010) and carry no time.
  const n = Number(id);
  return n > 3e10 ? Math.floor((Math.floor(n / 2 ** 22) + 1288834974657) / 1000) : null;
}

/** A tweet result (`Tweet`, or `TweetWithVisibilityResults` around one); null for tombstones. */
export function parseXTweet(value: unknown, depth = 0): XTweet | null {
  const parsed = Tweet.safeParse(value);
  if (!parsed.success) return null;
  const t = parsed.data;
  if (t.__typename === 'TweetWithVisibilityResults' || (t.legacy === undefined && t.tweet !== undefined)) {
    return depth < 2 ? parseXTweet(t.tweet, depth + 1) : null;
  }
  const legacy = t.legacy;
  const id = numericId(t.rest_id) ?? numericId(legacy?.id_str);
  if (!legacy || id === null || (t.__typename !== undefined && t.__typename !== 'Tweet')) return null;
  const author = parseXUser(t.core?.user_results?.result);
  const retweets = count(legacy.retweet_count);
  const views = count(t.views?.count);
  return {
    id,
    author,
    authorId: author?.restId ?? numericId(legacy.user_id_str),
    isRepost: legacy.retweeted_status_result !== undefined || /^RT @/.test(legacy.full_text ?? ''),
    replyTo: numericId(legacy.in_reply_to_status_id_str),
    post: emptyPost({
      id,
      url: postUrlOf(id, author?.handle ?? null),
      likes: count(legacy.favorite_count),
      comments: count(legacy.reply_count),
      // Reposts + quotes are X's "shares"; a missing quote count adds nothing rather than hiding reposts.
      shares: retweets === null ? null : retweets + (count(legacy.quote_count) ?? 0),
      views,
      // X's "views" are impressions (help.x.com/en/using-x/view-counts).
      impressions: views,
      takenAt: tweetTime(legacy.created_at, id),
      ...tweetContent(legacy, t.note_tweet?.note_tweet_results?.result),
    }),
  };
}
