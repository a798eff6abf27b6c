/**
 * The X (Twitter) reader.
 *
 * X renders everything from its own GraphQL responses; the HTML carries no counts except a
 * JSON-LD `ProfilePage` block on profile pages (and, for the signed-in viewer's own account,
 * `window.__INITIAL_STATE__`). So the reader works on:
 * - user objects: `UserByScreenName` / `UserByRestId` (`data.user.result`), in the legacy layout
 *   (`legacy.followers_count` …), the 2025+ layout (`core.screen_name`,
 *   `relationship_counts.followers`, `tweet_counts.tweets`, `profile_bio`, `verification`,
 *   `privacy`) or a mixture, and flat REST-style users (`screen_name`, `followers_count`);
 * - timelines: `UserTweets`, `UserTweetsAndReplies`, `UserMedia`, highlights and articles
 *   (`data.user.result.timeline_v2.timeline.instructions` or `….timeline.timeline.instructions`),
 *   with `TimelinePinEntry`, `TimelineAddEntries` (items and modules) and `TimelineAddToModule`;
 * - single posts (`TweetDetail`, `TweetResultByRestId`, or any body that carries the post).
 *
 * Bodies are recognised by their shape, not by the request URL: a saved file arrives with the
 * page URL as its request URL.
 *
 * Snapshot kind on a profile URL: `profile` when a user object for the handle is present (the
 * posts of the account's timelines are merged in), `posts` when only a timeline of the account is
 * present (profile counts then come from the author object embedded in the account's own tweets).
 *
 * Stale data (single-page app): a user object counts only when its screen name is the URL's
 * handle; a timeline only when its owner (named `rest_id`, else the author of most of its tweets)
 * is that account; a post page only reads the post with the URL's id. Otherwise: `loading`.
 *
 * An account X reports as unavailable (suspended, deactivated, not found) gets the state
 * `unknown-layout` with a note saying so: its data will never load, so `loading` would leave
 * a spinner forever, and there are no counts to show.
 *
 * All of X's URL paths, JSON shapes and script markers live in this folder: url.ts, shapes.ts,
 * tweet.ts (users and tweets), timeline.ts, collect.ts (the page's bodies), snapshot.ts,
 * profile.ts and post.ts.
 */
import { defineReader } from '../fit';
import type { PageData, PlatformReader, Snapshot } from '../types';
import { collect, normalise } from './collect';
import { readPost } from './post';
import { readProfile } from './profile';
import { HOSTS, locateX, parseXUrl, xCaptures } from './url';

export { locateX, xCaptures, xMatches } from './url';
export { parseXTweet, parseXUser, tweetTime, type XTweet, type XUser } from './tweet';
export { parseXTimeline, tweetsOfInstructions, type XTimeline } from './timeline';
export { parseXProfileLd } from './collect';

export function readX(input: PageData): Snapshot | null {
  const data = normalise(input);
  const { location, tab } = parseXUrl(data.url);
  if (location.kind === 'other') return null;
  const found = collect(data);
  if (location.kind === 'post') return readPost(data, location, found);
  return readProfile(data, location.handle!, tab ?? '', found);
}

export const xReader: PlatformReader = defineReader({
  platform: 'x',
  hosts: HOSTS,
  captures: xCaptures,
  locate: locateX,
  read: readX,
});
