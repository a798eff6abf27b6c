/**
 * Made-up X accounts and the pages that carry them. X's HTML holds no counts: its web client
 * (a single-page app) asks its own GraphQL API for everything, on the first load and on every
 * in-app navigation, so the demo page here is a small stand-in for that client. It fetches
 * `https://x.com/i/api/graphql/<hash>/UserByScreenName`, then `…/UserTweets` (GET, `variables`
 * in the query string) for a profile and `…/TweetDetail` for a post, and changes the URL with
 * `history.pushState` when a link is clicked, as X does.
 *
 * The bodies follow the shapes X has used:
 * - the 2025+ layout: a user result with `core.screen_name`, `relationship_counts`,
 *   `tweet_counts`, `profile_bio`, `privacy`, `verification` (and a `legacy` object still
 *   carrying the older fields), timelines under `timeline.timeline.instructions`;
 * - the 2024 layout: everything under the user's `legacy`, timelines under `timeline_v2`, the
 *   pinned entry after the added entries.
 * Every handle, name, id and number here is invented. Post times are relative to when this
 * module loads, so the posts are always recent.
 */
import { registerDemoServer, type Served } from './site';

// ---------------------------------------------------------------------------------------------
// Accounts

export interface XDemoPerson {
  /** Numeric user id (`rest_id`). */
  id: string;
  handle: string;
  name: string;
  bio: string;
  location: string;
  followers: number;
  following: number;
  /** The profile's posts count (X counts replies and reposts in it). */
  tweets: number;
  media: number;
  /** Posts the account has liked. */
  favourites: number;
  listed: number;
  /** Unix seconds. */
  joined: number;
  blue: boolean;
}

export interface XDemoTweet {
  id: string;
  text: string;
  likes: number;
  replies: number;
  retweets: number;
  quotes: number;
  bookmarks: number;
  /** Impressions, as X's `views.count` (a string in the body). */
  views: number;
  /** Unix seconds. */
  createdAt: number;
  /** The post this one answers in the author's own thread. */
  replyTo?: string;
}

/** A repost of someone else's post: not the account's own post. */
export interface XDemoRetweet {
  id: string;
  createdAt: number;
  originalAuthor: XDemoPerson;
  original: XDemoTweet;
}

export type XTimelineSlot =
  | { kind: 'tweet'; tweet: XDemoTweet }
  | { kind: 'retweet'; retweet: XDemoRetweet }
  | { kind: 'thread'; tweets: XDemoTweet[] }
  | { kind: 'who-to-follow'; people: XDemoPerson[] };

export interface XDemoAccount extends XDemoPerson {
  /** `current`: 2025+ user and `timeline`; `legacy`: the 2024 user and `timeline_v2`. */
  layout: 'current' | 'legacy';
  pinned: XDemoTweet | null;
  /** The `TimelineAddEntries` entries, newest first. */
  timeline: XTimelineSlot[];
}

const DAY = 86_400;
/** "Now" for the fixtures, fixed when the module loads so every page and test agrees. */
const NOW = Math.floor(Date.now() / 1000);
/** X's Snowflake epoch (ms): ids carry their creation time in their top bits. */
const TWEPOCH = 1_288_834_974_657n;

let sequence = 0;
/** A Snowflake id for a post made at `sec` (unix seconds). */
function snowflake(sec: number): string {
  sequence += 1;
  return ((BigInt(Math.round(sec * 1000)) - TWEPOCH) * 4_194_304n + BigInt(sequence)).toString();
}

/** One post: [likes, replies, reposts, quotes, views], days ago, text. */
function tweet(daysAgo: number, counts: [number, number, number, number, number], text: string, bookmarks = 0): XDemoTweet {
  const createdAt = NOW - Math.round(daysAgo * DAY);
  const [likes, replies, retweets, quotes, views] = counts;
  return { id: snowflake(createdAt), text, likes, replies, retweets, quotes, bookmarks, views, createdAt };
}

function person(p: Omit<XDemoPerson, 'joined'> & { joinedYearsAgo: number }): XDemoPerson {
  const { joinedYearsAgo, ...rest } = p;
  return { ...rest, joined: NOW - Math.round(joinedYearsAgo * 365.25 * DAY) };
}

/** Accounts that only appear inside other pages (reposted authors, repliers, suggestions). */
const PDX_TRANSIT = person({
  id: '1165033287', handle: 'pdx_transit_now', name: 'PDX Transit Now', bio: 'Service alerts and news. Not monitored 24/7.',
  location: 'Portland, OR', followers: 86_410, following: 1_204, tweets: 22_981, media: 3_310, favourites: 402, listed: 611,
  joinedYearsAgo: 13, blue: false,
});
const REEF_WATCH = person({
  id: '2881904723', handle: 'reefwatch_org', name: 'ReefWatch', bio: 'Citizen science for coastal reefs.',
  location: 'Monterey, CA', followers: 128_905, following: 877, tweets: 9_412, media: 2_208, favourites: 1_950, listed: 1_322,
  joinedYearsAgo: 10, blue: true,
});
const COMMUTER_KAI = person({
  id: '1401938845210243075', handle: 'kai_rides', name: 'Kai', bio: 'bike, coffee, repeat', location: 'Seattle',
  followers: 880, following: 412, tweets: 5_120, media: 230, favourites: 9_804, listed: 3, joinedYearsAgo: 4, blue: false,
});
const FRAME_SHOP = person({
  id: '905512873341067264', handle: 'steelframe_co', name: 'Steel Frame Co.', bio: 'Handbuilt steel bikes since 2009.',
  location: 'Eugene, OR', followers: 15_020, following: 301, tweets: 3_982, media: 1_440, favourites: 2_011, listed: 88,
  joinedYearsAgo: 8, blue: true,
});

/** A Tier 7 cycling creator in X's 2025+ layout (her posts open on the post page fixture too). */
export const LENA: XDemoAccount = {
  ...person({
    id: '1298371550264578049', handle: 'lena_bikes_pdx', name: 'Lena Okafor 🚲', bio: 'Bike commuting, cargo bikes & safer streets in Portland. Weekly route guides.',
    location: 'Portland, OR', followers: 18_340, following: 612, tweets: 3_218, media: 947, favourites: 12_406, listed: 97,
    joinedYearsAgo: 5.4, blue: true,
  }),
  layout: 'current',
  pinned: tweet(21, [642, 58, 97, 12, 48_210], 'My 2025 cargo-bike buying guide is live: 14 bikes, real prices, what I would buy again 🧵', 211),
  timeline: [],
};
const LENA_T = {
  t1: tweet(0.3, [184, 21, 14, 2, 9_870], 'Rain ride this morning. Fenders are not optional in November.'),
  t2: tweet(1.6, [96, 9, 6, 1, 5_412], 'Which bridge do you take downtown, and why is it the Tilikum?'),
  t3: tweet(2.4, [233, 34, 27, 4, 14_380], 'New protected lane on NE 7th is open. Rode it twice: here is what works and what does not.', 58),
  t4: tweet(3.5, [310, 26, 41, 6, 21_905], 'How I carry two kids and groceries on one bike, a thread 🧵', 140),
  t5: tweet(3.5, [72, 5, 8, 0, 6_118], '2/ The front box holds 80 kg, but the real trick is the rain cover.'),
  t6: tweet(4.8, [128, 17, 9, 1, 7_640], 'Reminder: lights on by 4:30 now.'),
  t7: tweet(6.1, [151, 12, 11, 3, 8_925], 'Tested three e-cargo batteries in the cold. Results in the guide.'),
  t8: tweet(7.7, [88, 14, 4, 0, 4_980], 'Anyone else hear that click from the bottom bracket? Asking for me.'),
  t9: tweet(9.2, [205, 19, 22, 2, 12_070], 'School bike bus hit 40 kids today. Forty!'),
  t10: tweet(10.5, [119, 8, 7, 1, 6_733], 'Swapped to studded tires. Overkill for Portland? Probably.'),
  t11: tweet(12, [164, 23, 13, 2, 9_204], 'Route guide #31: the quiet way from St Johns to Downtown.'),
  // The 13th own post: beyond the 12 recent posts the card averages (its big numbers must not count).
  t12: tweet(13.6, [402, 45, 60, 9, 30_150], 'The city budget cut bike lanes again. Here is who to email.'),
};
LENA_T.t5.replyTo = LENA_T.t4.id;
/** Her repost of a transit agency's post: its counts are the agency's, never hers. */
const LENA_RT: XDemoRetweet = {
  id: snowflake(NOW - 0.9 * DAY),
  createdAt: NOW - Math.round(0.9 * DAY),
  originalAuthor: PDX_TRANSIT,
  original: tweet(1.1, [11_200, 1_340, 2_940, 388, 188_400], 'The Blue Line is back to full service this weekend. Thank you for your patience.'),
};
LENA.timeline = [
  { kind: 'tweet', tweet: LENA_T.t1 },
  { kind: 'retweet', retweet: LENA_RT },
  { kind: 'tweet', tweet: LENA_T.t2 },
  { kind: 'who-to-follow', people: [FRAME_SHOP, PDX_TRANSIT] },
  { kind: 'tweet', tweet: LENA_T.t3 },
  { kind: 'thread', tweets: [LENA_T.t4, LENA_T.t5] },
  { kind: 'tweet', tweet: LENA_T.t6 },
  { kind: 'tweet', tweet: LENA_T.t7 },
  { kind: 'tweet', tweet: LENA_T.t8 },
  { kind: 'tweet', tweet: LENA_T.t9 },
  { kind: 'tweet', tweet: LENA_T.t10 },
  { kind: 'tweet', tweet: LENA_T.t11 },
  { kind: 'tweet', tweet: LENA_T.t12 },
];

/** The post page fixture: Lena's post about the new protected lane. */
export const LENA_POST = LENA_T.t3;
/** Replies under that post, by other accounts (their own follower counts must not be used). */
const LENA_POST_REPLIES: Array<{ author: XDemoPerson; tweet: XDemoTweet }> = [
  { author: FRAME_SHOP, tweet: tweet(2.3, [41, 2, 1, 0, 1_980], 'The bollards at Broadway are great. More of these please.') },
  { author: COMMUTER_KAI, tweet: tweet(2.2, [6, 1, 0, 0, 412], 'Rode it today, the signal timing at Weidler still needs work') },
];

/** A Tier 6 marine-biology creator in X's 2024 layout (legacy user, `timeline_v2`). */
export const ANA: XDemoAccount = {
  ...person({
    id: '3312887064', handle: 'tidepool_ana', name: 'Ana Ruiz | tidepools', bio: 'Marine biologist. Low tides, sea stars and the odd octopus. Field notes from the Oregon coast.',
    location: 'Newport, OR', followers: 41_760, following: 903, tweets: 7_412, media: 2_866, favourites: 30_118, listed: 402,
    joinedYearsAgo: 9.7, blue: false,
  }),
  layout: 'legacy',
  pinned: tweet(30, [1_840, 96, 410, 38, 122_300], 'Tidepooling etiquette, in one picture. Please share before summer.', 980),
  timeline: [],
};
const ANA_RT: XDemoRetweet = {
  id: snowflake(NOW - 2.9 * DAY),
  createdAt: NOW - Math.round(2.9 * DAY),
  originalAuthor: REEF_WATCH,
  original: tweet(3.2, [8_950, 412, 5_120, 260, 260_000], 'Volunteer survey season opens Monday. 40 sites, all skill levels welcome.'),
};
ANA.timeline = [
  { kind: 'tweet', tweet: tweet(0.7, [512, 41, 66, 7, 24_880], 'Minus tide at 6:12 tomorrow. Bring a headlamp.') },
  { kind: 'tweet', tweet: tweet(2.1, [388, 29, 35, 4, 19_410], 'A gumboot chiton the size of my shoe.') },
  { kind: 'retweet', retweet: ANA_RT },
  { kind: 'tweet', tweet: tweet(4, [706, 63, 92, 11, 38_900], 'Sunflower sea stars are back at two of our sites. Cautiously thrilled.') },
  { kind: 'tweet', tweet: tweet(5.5, [451, 37, 48, 5, 22_760], 'Field notebook page of the week.') },
  { kind: 'tweet', tweet: tweet(7, [298, 22, 19, 2, 15_030], 'No, you cannot take the hermit crab home.') },
  { kind: 'tweet', tweet: tweet(8.4, [534, 48, 71, 9, 27_615], 'Octopus den census: 11. Record for this cove.') },
  { kind: 'tweet', tweet: tweet(10, [367, 31, 28, 3, 18_240], 'Anemones closing up as the tide comes back in (video).') },
  { kind: 'tweet', tweet: tweet(11.8, [620, 55, 84, 8, 31_470], 'Grad students: our summer field assistant posting is up.') },
  { kind: 'tweet', tweet: tweet(13.1, [415, 36, 40, 6, 21_090], 'Nudibranch ID thread for beginners.') },
];

/** A profile URL whose page shows X's sign-in wall: no API request, no data. */
export const GHOST_HANDLE = 'quiet_rowan';
/** An account X reports as suspended (UserByScreenName answers `UserUnavailable`). */
export const SUSPENDED_HANDLE = 'gone_dark_77';

export const X_ACCOUNTS: readonly XDemoAccount[] = [LENA, ANA];

// ---------------------------------------------------------------------------------------------
// Expectations, computed here with plain arithmetic (independently of lib/)

/**
 * The account's own posts in page order (reposts left out): the first 12. The pinned post comes
 * first, unless it is older than the oldest of those recent posts: then it is a highlight, left out.
 */
export function recentOwnPosts(a: XDemoAccount, o: { withReposts?: boolean } = {}): XDemoTweet[] {
  const own: XDemoTweet[] = [];
  for (const slot of a.timeline) {
    if (slot.kind === 'tweet') own.push(slot.tweet);
    else if (slot.kind === 'thread') own.push(...slot.tweets);
    else if (slot.kind === 'retweet' && o.withReposts) {
      // What the wrapper carries: no likes or replies of its own, the original's reposts and views.
      own.push({ ...slot.retweet.original, id: slot.retweet.id, likes: 0, replies: 0, quotes: 0 });
    }
  }
  const recent = own.slice(0, 12);
  const oldest = Math.min(...recent.map((t) => t.createdAt));
  const pinnedCounts = a.pinned && !(recent.length > 0 && a.pinned.createdAt < oldest);
  return pinnedCounts && a.pinned ? [a.pinned, ...own].slice(0, 12) : recent;
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Mean per-post ER per follower, percent: (likes + replies) / followers. */
export function expectedEr(a: XDemoAccount, o: { withReposts?: boolean } = {}): number {
  return mean(recentOwnPosts(a, o).map((t) => ((t.likes + t.replies) / a.followers) * 100));
}

/** Mean per-post ER per impression, percent: (likes + replies) / views. */
export function expectedErPerImpression(a: XDemoAccount, o: { withReposts?: boolean } = {}): number {
  return mean(recentOwnPosts(a, o).map((t) => ((t.likes + t.replies) / t.views) * 100));
}

export interface XAverages {
  likes: number;
  replies: number;
  /** Reposts + quotes. */
  reposts: number;
  views: number;
}

export function expectedAverages(a: XDemoAccount, o: { withReposts?: boolean } = {}): XAverages {
  const posts = recentOwnPosts(a, o);
  return {
    likes: mean(posts.map((t) => t.likes)),
    replies: mean(posts.map((t) => t.replies)),
    reposts: mean(posts.map((t) => t.retweets + t.quotes)),
    views: mean(posts.map((t) => t.views)),
  };
}

/** One post's ER per follower and per impression, percent. */
export function expectedPostEr(a: XDemoPerson, t: XDemoTweet): { perFollower: number; perImpression: number } {
  return { perFollower: ((t.likes + t.replies) / a.followers) * 100, perImpression: ((t.likes + t.replies) / t.views) * 100 };
}

/** Reposts of other accounts in the timeline. */
export function repostCount(a: XDemoAccount): number {
  return a.timeline.filter((s) => s.kind === 'retweet').length;
}

// ---------------------------------------------------------------------------------------------
// GraphQL bodies

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** X's `created_at`: "Fri Feb 06 21:09:45 +0000 2026". */
export function xDate(sec: number): string {
  const d = new Date(sec * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** The GraphQL node id X gives users: base64 of "User:<id>". */
function nodeId(p: XDemoPerson): string {
  return Buffer.from(`User:${p.id}`).toString('base64');
}

function pinnedIdsOf(p: XDemoPerson): string[] {
  const account = X_ACCOUNTS.find((a) => a.id === p.id);
  return account?.pinned ? [account.pinned.id] : [];
}

/** The user fields X kept under `legacy` (all of them until 2025). */
function legacyFields(p: XDemoPerson, withNames: boolean): Record<string, unknown> {
  return {
    can_dm: false,
    can_media_tag: true,
    ...(withNames ? { created_at: xDate(p.joined), name: p.name, screen_name: p.handle, location: p.location } : {}),
    default_profile: true,
    default_profile_image: false,
    description: p.bio,
    entities: { description: { urls: [] } },
    fast_followers_count: 0,
    favourites_count: p.favourites,
    followers_count: p.followers,
    friends_count: p.following,
    has_custom_timelines: false,
    is_translator: false,
    listed_count: p.listed,
    media_count: p.media,
    normal_followers_count: p.followers,
    pinned_tweet_ids_str: pinnedIdsOf(p),
    possibly_sensitive: false,
    profile_banner_url: `https://pbs.twimg.com/profile_banners/${p.id}/1700000000`,
    profile_interstitial_type: '',
    statuses_count: p.tweets,
    translator_type: 'none',
    verified: false,
    want_retweets: false,
    withheld_in_countries: [],
  };
}

/** A user result in the 2025+ layout: names in `core`, counts in `relationship_counts` / `tweet_counts`. */
export function currentUserResult(p: XDemoPerson): Record<string, unknown> {
  return {
    __typename: 'User',
    id: nodeId(p),
    rest_id: p.id,
    affiliates_highlighted_label: {},
    avatar: { image_url: `https://pbs.twimg.com/profile_images/${p.id}/avatar_normal.jpg` },
    core: { created_at: xDate(p.joined), name: p.name, screen_name: p.handle },
    dm_permissions: { can_dm: false },
    has_graduated_access: true,
    is_blue_verified: p.blue,
    legacy: legacyFields(p, false),
    location: { location: p.location },
    media_permissions: { can_media_tag: true },
    parody_commentary_fan_label: 'None',
    pinned_items: { tweet_ids_str: pinnedIdsOf(p) },
    privacy: { protected: false },
    profile_bio: { description: p.bio },
    profile_image_shape: 'Circle',
    relationship_counts: { followers: p.followers, following: p.following },
    relationship_perspectives: { blocked_by: false, blocking: false, followed_by: false, following: false, muting: false },
    tipjar_settings: {},
    tweet_counts: { media_tweets: p.media, tweets: p.tweets },
    verification: { verified: false },
  };
}

/** A user result in the 2024 layout: everything under `legacy`. */
export function legacyUserResult(p: XDemoPerson): Record<string, unknown> {
  return {
    __typename: 'User',
    id: nodeId(p),
    rest_id: p.id,
    affiliates_highlighted_label: {},
    has_graduated_access: true,
    is_blue_verified: p.blue,
    profile_image_shape: 'Circle',
    legacy: {
      ...legacyFields(p, true),
      profile_image_url_https: `https://pbs.twimg.com/profile_images/${p.id}/avatar_normal.jpg`,
    },
    smart_blocked_by: false,
    smart_blocking: false,
    legacy_extended_profile: {},
    is_profile_translatable: false,
    has_hidden_likes_on_profile: false,
    has_hidden_subscriptions_on_profile: false,
    verification_info: {},
    highlights_info: { can_highlight_tweets: false, highlighted_tweets: '0' },
    business_account: {},
    creator_subscriptions_count: 0,
  };
}

type Layout = XDemoAccount['layout'];

function userResult(p: XDemoPerson, layout: Layout): Record<string, unknown> {
  return layout === 'current' ? currentUserResult(p) : legacyUserResult(p);
}

/** A `Tweet` result as X's timelines and TweetDetail carry it. */
export function tweetResult(author: XDemoPerson, t: XDemoTweet, layout: Layout, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const thread = t.replyTo
    ? { in_reply_to_screen_name: author.handle, in_reply_to_status_id_str: t.replyTo, in_reply_to_user_id_str: author.id }
    : {};
  return {
    __typename: 'Tweet',
    rest_id: t.id,
    core: { user_results: { result: userResult(author, layout) } },
    unmention_data: {},
    edit_control: {
      edit_tweet_ids: [t.id],
      editable_until_msecs: String((t.createdAt + 3600) * 1000),
      is_edit_eligible: false,
      edits_remaining: '5',
    },
    is_translatable: false,
    views: { count: String(t.views), state: 'EnabledWithCount' },
    source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    legacy: {
      bookmark_count: t.bookmarks,
      bookmarked: false,
      created_at: xDate(t.createdAt),
      conversation_id_str: t.replyTo ?? t.id,
      display_text_range: [0, t.text.length],
      entities: { hashtags: [], symbols: [], timestamps: [], urls: [], user_mentions: [] },
      favorite_count: t.likes,
      favorited: false,
      full_text: t.text,
      is_quote_status: false,
      lang: 'en',
      quote_count: t.quotes,
      reply_count: t.replies,
      retweet_count: t.retweets,
      retweeted: false,
      user_id_str: author.id,
      id_str: t.id,
      ...thread,
      ...extra,
    },
  };
}

/** A repost wrapper: the reposter's own result, with the original inside `retweeted_status_result`. */
function retweetResult(by: XDemoAccount, rt: XDemoRetweet): Record<string, unknown> {
  const text = `RT @${rt.originalAuthor.handle}: ${rt.original.text}`;
  const wrapper: XDemoTweet = {
    id: rt.id,
    text: text.length > 140 ? `${text.slice(0, 139)}…` : text,
    likes: 0,
    replies: 0,
    retweets: rt.original.retweets,
    quotes: 0,
    bookmarks: 0,
    views: rt.original.views,
    createdAt: rt.createdAt,
  };
  return tweetResult(by, wrapper, by.layout, {
    retweeted_status_result: { result: tweetResult(rt.originalAuthor, rt.original, by.layout) },
  });
}

function tweetItemContent(result: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { __typename: 'TimelineTweet', itemType: 'TimelineTweet', tweet_results: { result }, tweetDisplayType: 'Tweet', ...extra };
}

function itemEntry(entryId: string, sortIndex: string, itemContent: Record<string, unknown>): Record<string, unknown> {
  return {
    entryId,
    sortIndex,
    content: { __typename: 'TimelineTimelineItem', entryType: 'TimelineTimelineItem', itemContent },
  };
}

/** Sort indexes run downwards from a Snowflake-sized number, as X's do. */
function sortIndexes(count: number): string[] {
  const top = BigInt(snowflake(NOW));
  return Array.from({ length: count }, (_, i) => (top - BigInt(i)).toString());
}

function timelineEntries(a: XDemoAccount): Array<Record<string, unknown>> {
  const index = sortIndexes(a.timeline.length + 3);
  const entries = a.timeline.map((slot, i): Record<string, unknown> => {
    const sort = index[i + 1]!;
    if (slot.kind === 'tweet') return itemEntry(`tweet-${slot.tweet.id}`, sort, tweetItemContent(tweetResult(a, slot.tweet, a.layout)));
    if (slot.kind === 'retweet') {
      return itemEntry(`tweet-${slot.retweet.id}`, sort, tweetItemContent(retweetResult(a, slot.retweet)));
    }
    if (slot.kind === 'thread') {
      const entryId = `profile-conversation-${sort}`;
      return {
        entryId,
        sortIndex: sort,
        content: {
          __typename: 'TimelineTimelineModule',
          entryType: 'TimelineTimelineModule',
          displayType: 'VerticalConversation',
          items: slot.tweets.map((t) => ({
            entryId: `${entryId}-tweet-${t.id}`,
            item: { itemContent: tweetItemContent(tweetResult(a, t, a.layout)) },
          })),
          metadata: { conversationMetadata: { allTweetIds: slot.tweets.map((t) => t.id), enableDeduplication: true } },
        },
      };
    }
    const entryId = `who-to-follow-${sort}`;
    return {
      entryId,
      sortIndex: sort,
      content: {
        __typename: 'TimelineTimelineModule',
        entryType: 'TimelineTimelineModule',
        displayType: 'Vertical',
        header: { displayType: 'Classic', text: 'Who to follow', sticky: false },
        items: slot.people.map((p) => ({
          entryId: `${entryId}-user-${p.id}`,
          item: { itemContent: { __typename: 'TimelineUser', itemType: 'TimelineUser', user_results: { result: userResult(p, a.layout) }, userDisplayType: 'User' } },
        })),
        footer: { displayType: 'Classic', text: 'Show more', landingUrl: { url: 'twitter://connect_people?user_id=0', urlType: 'DeepLink' } },
      },
    };
  });
  const cursor = (kind: 'Top' | 'Bottom', sort: string) => ({
    entryId: `cursor-${kind.toLowerCase()}-${sort}`,
    sortIndex: sort,
    content: { __typename: 'TimelineTimelineCursor', entryType: 'TimelineTimelineCursor', cursorType: kind, value: `DAAHCgABGd${kind}${a.id}` },
  });
  return [...entries, cursor('Top', index[0]!), cursor('Bottom', index.at(-1)!)];
}

/** `UserByScreenName`: `{data: {user: {result}}}`. */
export function userByScreenNameBody(a: XDemoAccount): unknown {
  return { data: { user: { result: userResult(a, a.layout) } } };
}

/**
 * `UserTweets`: the 2025+ body (`timeline`, pinned entry first) or the 2024 one (`timeline_v2`,
 * pinned entry after the added entries). Neither names its owner: the reader must tell whose
 * timeline it is from the posts' authors.
 */
export function userTweetsBody(a: XDemoAccount): unknown {
  const pin = a.pinned
    ? [
        {
          type: 'TimelinePinEntry',
          entry: itemEntry(
            `tweet-${a.pinned.id}`,
            sortIndexes(1)[0]!,
            tweetItemContent(tweetResult(a, a.pinned, a.layout), {
              socialContext: { type: 'TimelineGeneralContext', contextType: 'Pin', text: 'Pinned' },
            }),
          ),
        },
      ]
    : [];
  const add = [{ type: 'TimelineAddEntries', entries: timelineEntries(a) }];
  const instructions = [{ type: 'TimelineClearCache' }, ...(a.layout === 'current' ? [...pin, ...add] : [...add, ...pin])];
  const key = a.layout === 'current' ? 'timeline' : 'timeline_v2';
  return {
    data: { user: { result: { __typename: 'User', [key]: { timeline: { instructions, metadata: { scribeConfig: { page: 'profileBest' } } } } } } },
  };
}

/** `TweetDetail` for one of the account's posts: the focal post, then replies in conversation modules. */
export function tweetDetailBody(a: XDemoAccount, t: XDemoTweet): unknown {
  const replies = t.id === LENA_POST.id ? LENA_POST_REPLIES : [];
  const index = sortIndexes(replies.length + 2);
  const entries = [
    itemEntry(`tweet-${t.id}`, index[0]!, tweetItemContent(tweetResult(a, t, a.layout), { hasModeratedReplies: false })),
    ...replies.map((r, i) => {
      const entryId = `conversationthread-${r.tweet.id}`;
      const reply = { ...r.tweet, replyTo: undefined };
      return {
        entryId,
        sortIndex: index[i + 1]!,
        content: {
          __typename: 'TimelineTimelineModule',
          entryType: 'TimelineTimelineModule',
          displayType: 'VerticalConversation',
          items: [
            {
              entryId: `${entryId}-tweet-${r.tweet.id}`,
              item: {
                itemContent: tweetItemContent(
                  tweetResult(r.author, reply, a.layout, {
                    in_reply_to_screen_name: a.handle,
                    in_reply_to_status_id_str: t.id,
                    in_reply_to_user_id_str: a.id,
                    conversation_id_str: t.id,
                  }),
                ),
              },
            },
          ],
        },
      };
    }),
  ];
  return {
    data: {
      threaded_conversation_with_injections_v2: {
        instructions: [{ type: 'TimelineAddEntries', entries }, { type: 'TimelineTerminateTimeline', direction: 'Top' }],
      },
    },
  };
}

/** What X answers for a suspended account. */
function suspendedBody(): unknown {
  return {
    data: {
      user: {
        result: {
          __typename: 'UserUnavailable',
          reason: 'Suspended',
          message: 'User is suspended',
          unavailable_message: { rtl: false, text: 'X suspends accounts which violate the X Rules. Learn more', entities: [] },
        },
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The page: a small stand-in for X's web client

/** Operation hashes in the request paths (invented; X's change with every client release). */
export const X_OPERATION_HASHES = {
  UserByScreenName: '1VOOyvKkiI3FMmkeDNxM9A',
  UserTweets: 'Y9WM4Id6UcGFE8Z-hbnixw',
  TweetDetail: 'nBS-WpgA6ZG0CyNHD517JQ',
} as const;

/** Variables the client sends with each operation (the page's script adds the per-call ones). */
const FEATURES = {
  hidden_profile_subscriptions_enabled: true,
  responsive_web_graphql_exclude_directive_enabled: true,
  verified_phone_label_enabled: false,
  responsive_web_graphql_timeline_navigation_enabled: true,
  view_counts_everywhere_api_enabled: true,
  longform_notetweets_consumption_enabled: true,
};

/** Client-side config the demo app reads: operation hashes, features and handles behind the sign-in wall. */
function appConfig(): string {
  return JSON.stringify({ hashes: X_OPERATION_HASHES, features: FEATURES, signInWall: [GHOST_HANDLE], latencyMs: 150 }).replace(/<\//g, '<\\/');
}

/**
 * The demo web client. Like X's, it reads the route from the URL, asks the GraphQL API for the
 * route's data (profile: UserByScreenName, then UserTweets with the user's id; post:
 * TweetDetail), renders it, and navigates in-app with pushState. Back/forward re-render from its
 * cache without new requests. It loads nothing else (no images, fonts or scripts).
 */
const APP_SCRIPT = String.raw`
(function () {
  var cfg = window.__DEMO_X__;
  var cache = {};
  var token = 0;
  var primary = document.getElementById('primary');

  function compact(n) {
    if (n < 1000) return String(n);
    if (n < 1e6) return (Math.floor(n / 100) / 10).toString().replace(/\.0$/, '') + 'K';
    return (Math.floor(n / 1e5) / 10).toString().replace(/\.0$/, '') + 'M';
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function link(path, text, cls) {
    var a = el('a', cls, text);
    a.href = path;
    a.setAttribute('data-nav', path);
    return a;
  }
  function clear() {
    while (primary.firstChild) primary.removeChild(primary.firstChild);
  }
  function gql(op, variables) {
    var url = '/i/api/graphql/' + cfg.hashes[op] + '/' + op + '?variables=' + encodeURIComponent(JSON.stringify(variables)) +
      '&features=' + encodeURIComponent(JSON.stringify(cfg.features));
    if (cache[url]) return Promise.resolve(cache[url]);
    return fetch(url, { credentials: 'include', headers: { 'x-twitter-active-user': 'yes', 'x-twitter-client-language': 'en' } })
      .then(function (r) { return r.json(); })
      .then(function (j) { cache[url] = j; return j; });
  }
  function later(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }
  function userOf(result) {
    var core = result.core || {}, legacy = result.legacy || {};
    var counts = result.relationship_counts || {};
    return {
      id: result.rest_id,
      handle: core.screen_name || legacy.screen_name,
      name: core.name || legacy.name,
      bio: (result.profile_bio && result.profile_bio.description) || legacy.description || '',
      followers: counts.followers != null ? counts.followers : legacy.followers_count,
      following: counts.following != null ? counts.following : legacy.friends_count,
      tweets: result.tweet_counts ? result.tweet_counts.tweets : legacy.statuses_count
    };
  }
  function tweetsOf(instructions) {
    var out = [];
    var ordered = instructions.filter(function (i) { return i.type === 'TimelinePinEntry'; })
      .concat(instructions.filter(function (i) { return i.type === 'TimelineAddEntries'; }));
    ordered.forEach(function (ins) {
      var entries = ins.entry ? [ins.entry] : ins.entries || [];
      entries.forEach(function (e) {
        var c = e.content || {};
        var contents = c.itemContent ? [c.itemContent] : (c.items || []).map(function (i) { return i.item.itemContent; });
        contents.forEach(function (ic) {
          if (ic.tweet_results) out.push({ result: ic.tweet_results.result, pinned: ins.type === 'TimelinePinEntry' });
        });
      });
    });
    return out;
  }
  function renderTweet(result, opts) {
    var legacy = result.legacy, rt = legacy.retweeted_status_result;
    var shown = rt ? rt.result : result;
    var author = userOf(shown.core.user_results.result);
    var art = el('article', opts.focal ? 'tweet focal' : 'tweet');
    art.setAttribute('data-testid', 'tweet');
    if (opts.pinned) art.appendChild(el('div', 'context', 'Pinned'));
    if (rt) art.appendChild(el('div', 'context', opts.by + ' reposted'));
    var head = el('div', 'tweet-head');
    head.appendChild(el('b', null, author.name));
    head.appendChild(el('span', 'muted', ' @' + author.handle + ' · '));
    var when = new Date(Date.parse(shown.legacy.created_at.replace(/^\w+ (\w+) (\d+) ([\d:]+) \+0000 (\d+)$/, '$1 $2 $4 $3 UTC')));
    head.appendChild(link('/' + author.handle + '/status/' + shown.rest_id, when.toLocaleDateString('en-US', { month: 'short', day: 'numeric' }), 'muted'));
    art.appendChild(head);
    art.appendChild(el('p', null, shown.legacy.full_text));
    var bar = el('div', 'tweet-bar');
    var L = shown.legacy;
    [[L.reply_count, 'replies'], [L.retweet_count + L.quote_count, 'reposts'], [L.favorite_count, 'likes'], [Number(shown.views.count), 'views']].forEach(function (p) {
      bar.appendChild(el('span', null, compact(p[0]) + ' ' + p[1]));
    });
    art.appendChild(bar);
    return art;
  }
  function renderHeader(u) {
    var h = el('header', 'profile');
    h.appendChild(el('div', 'banner'));
    h.appendChild(el('div', 'avatar'));
    h.appendChild(el('h2', null, u.name));
    h.appendChild(el('div', 'muted', '@' + u.handle));
    h.appendChild(el('p', null, u.bio));
    var counts = el('div', 'counts');
    counts.appendChild(el('span', null, compact(u.following) + ' Following'));
    counts.appendChild(el('span', null, compact(u.followers) + ' Followers'));
    h.appendChild(counts);
    var tabs = el('nav', 'tabs');
    ['Posts', 'Replies', 'Highlights', 'Media'].forEach(function (t, i) { tabs.appendChild(el('span', i === 0 ? 'on' : null, t)); });
    h.appendChild(tabs);
    return h;
  }
  function topBar(title, sub) {
    var bar = el('div', 'topbar');
    bar.appendChild(el('b', null, title));
    if (sub) bar.appendChild(el('div', 'muted', sub));
    return bar;
  }
  function profile(handle, my) {
    clear();
    primary.appendChild(topBar(handle));
    if (cfg.signInWall.indexOf(handle.toLowerCase()) >= 0) {
      document.title = 'X';
      var wall = el('div', 'wall');
      wall.appendChild(el('h2', null, 'Sign in to X'));
      wall.appendChild(el('p', null, 'See what @' + handle + ' is posting. Sign in or create an account.'));
      primary.appendChild(wall);
      return;
    }
    gql('UserByScreenName', { screen_name: handle, withGrokTranslatedBio: false }).then(function (j) {
      if (my !== token) return;
      var result = j.data && j.data.user && j.data.user.result;
      if (!result || result.__typename !== 'User') {
        document.title = 'Profile / X';
        primary.appendChild(el('div', 'wall', result && result.reason === 'Suspended' ? 'Account suspended' : 'This account doesn’t exist'));
        return;
      }
      var u = userOf(result);
      document.title = u.name + ' (@' + u.handle + ') / X';
      clear();
      primary.appendChild(topBar(u.name, compact(u.tweets) + ' posts'));
      primary.appendChild(renderHeader(u));
      return later(cfg.latencyMs)
        .then(function () {
          return gql('UserTweets', { userId: u.id, count: 20, includePromotedContent: true, withQuickPromoteEligibilityTweetFields: true, withVoice: true });
        })
        .then(function (t) {
          if (my !== token) return;
          var res = t.data.user.result;
          var tl = (res.timeline || res.timeline_v2).timeline;
          var list = el('section', 'timeline');
          tweetsOf(tl.instructions).forEach(function (x) { list.appendChild(renderTweet(x.result, { pinned: x.pinned, by: u.name })); });
          primary.appendChild(list);
        });
    });
  }
  function post(handle, id, my) {
    clear();
    primary.appendChild(topBar('Post'));
    gql('TweetDetail', { focalTweetId: id, with_rux_injections: false, rankingMode: 'Relevance', includePromotedContent: true, withCommunity: true, withQuickPromoteEligibilityTweetFields: true, withBirdwatchNotes: true, withVoice: true })
      .then(function (j) {
        if (my !== token) return;
        var conv = j.data && j.data.threaded_conversation_with_injections_v2;
        var all = conv ? tweetsOf(conv.instructions) : [];
        all.forEach(function (x, i) {
          var node = renderTweet(x.result, { focal: x.result.rest_id === id });
          primary.appendChild(node);
          if (i === 0) {
            var u = userOf(x.result.core.user_results.result);
            document.title = u.name + ' on X: "' + x.result.legacy.full_text.slice(0, 40) + '…" / X';
          }
        });
      });
  }
  function explore() {
    clear();
    document.title = 'Explore / X';
    primary.appendChild(topBar('Explore'));
    ['#BikeToWorkDay', '#LowTide', 'Portland'].forEach(function (t) { primary.appendChild(el('div', 'trend', t)); });
  }
  function route() {
    token += 1;
    var path = location.pathname;
    var m;
    if (path === '/explore') return explore();
    if ((m = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/.exec(path))) return post(m[1], m[2], token);
    if ((m = /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(path))) return profile(m[1], token);
    clear();
    primary.appendChild(el('p', null, 'Hmm...this page doesn’t exist.'));
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('[data-nav]');
    if (!a) return;
    e.preventDefault();
    var path = a.getAttribute('data-nav');
    if (path === location.pathname) return;
    history.pushState({}, '', path);
    route();
  });
  window.addEventListener('popstate', route);
  route();
})();
`;

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.35 -apple-system, "Segoe UI", Roboto, system-ui, sans-serif; color: #0f1419; background: #fff; }
  a { color: inherit; text-decoration: none; } a:hover { text-decoration: underline; }
  .app { display: flex; justify-content: center; min-height: 100vh; }
  header[role=banner] { width: 240px; padding: 8px 16px; display: flex; flex-direction: column; gap: 6px; font-size: 19px; }
  header[role=banner] .logo { font-size: 30px; font-weight: 800; padding: 6px 10px; }
  header[role=banner] a { padding: 10px; border-radius: 24px; }
  main { display: flex; }
  #primary { width: 600px; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; min-height: 100vh; }
  aside { width: 350px; padding: 12px 24px; }
  aside .box { border: 1px solid #eff3f4; border-radius: 16px; padding: 12px 16px; margin-bottom: 16px; }
  aside .box a { display: block; padding: 8px 0; color: #1d9bf0; }
  .search { background: #eff3f4; border-radius: 24px; padding: 10px 16px; color: #536471; margin-bottom: 16px; }
  .topbar { padding: 6px 16px; font-size: 19px; position: sticky; top: 0; background: rgba(255,255,255,.9); }
  .topbar .muted { font-size: 13px; }
  .muted { color: #536471; }
  .banner { height: 200px; background: linear-gradient(120deg, #9bd1c2, #3b7a8c); }
  .avatar { width: 134px; height: 134px; border-radius: 50%; border: 4px solid #fff; margin: -67px 0 0 16px; background: linear-gradient(135deg, #f6c177, #d7827e); }
  .profile h2 { margin: 8px 16px 0; font-size: 20px; }
  .profile > .muted, .profile p, .counts { margin: 0 16px; }
  .profile p { margin-top: 10px; }
  .counts { display: flex; gap: 18px; margin: 10px 16px; color: #536471; }
  .tabs { display: flex; border-bottom: 1px solid #eff3f4; }
  .tabs span { flex: 1; text-align: center; padding: 16px 0; color: #536471; }
  .tabs .on { color: #0f1419; font-weight: 700; box-shadow: inset 0 -4px #1d9bf0; }
  .tweet { padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
  .tweet.focal { font-size: 17px; }
  .tweet p { margin: 4px 0 10px; }
  .tweet .context { color: #536471; font-size: 13px; font-weight: 700; }
  .tweet-bar { display: flex; justify-content: space-between; color: #536471; font-size: 13px; max-width: 420px; }
  .wall { padding: 40px 32px; } .trend { padding: 12px 16px; border-bottom: 1px solid #eff3f4; font-weight: 700; }
`;

/** Every x.com route gets the same document, as X's does; the app reads the route from the URL. */
export function xAppPage(): string {
  return `<!DOCTYPE html>
<html dir="ltr" lang="en"><head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=0,viewport-fit=cover">
<meta property="og:site_name" content="X (formerly Twitter)">
<meta name="apple-mobile-web-app-title" content="X">
<meta name="theme-color" content="#FFFFFF">
<title>X</title>
<style>${STYLE}</style>
</head><body>
<noscript><p>JavaScript is not available. We’ve detected that JavaScript is disabled in this browser.</p></noscript>
<div id="react-root"><div class="app">
<header role="banner"><span class="logo">X <small class="muted">(demo)</small></span>
<a href="/explore" data-nav="/explore">Explore</a>
<a href="/${LENA.handle}" data-nav="/${LENA.handle}">Profile</a></header>
<main role="main"><div id="primary"></div>
<aside><div class="search">Search</div>
<div class="box"><b>Who to follow</b>
${X_ACCOUNTS.map((a) => `<a href="/${a.handle}" data-nav="/${a.handle}" data-testid="follow-${a.handle}">@${a.handle}</a>`).join('\n')}
</div></aside></main>
</div></div>
<script>window.__DEMO_X__ = ${appConfig()};</script>
<script>${APP_SCRIPT}</script>
</body></html>`;
}

// ---------------------------------------------------------------------------------------------
// The server

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

function json(value: unknown, status = 200): Served {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value) };
}

function accountByHandle(handle: unknown): XDemoAccount | undefined {
  return typeof handle === 'string' ? X_ACCOUNTS.find((a) => a.handle.toLowerCase() === handle.toLowerCase()) : undefined;
}

function allTweets(a: XDemoAccount): XDemoTweet[] {
  const own = a.pinned ? [a.pinned] : [];
  for (const slot of a.timeline) {
    if (slot.kind === 'tweet') own.push(slot.tweet);
    else if (slot.kind === 'thread') own.push(...slot.tweets);
  }
  return own;
}

function variablesOf(u: URL): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(u.searchParams.get('variables') ?? '{}');
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The GraphQL API's answer for one operation. */
function serveGraphql(operation: string, u: URL): Served | null {
  const vars = variablesOf(u);
  if (operation === 'UserByScreenName') {
    if (typeof vars.screen_name === 'string' && vars.screen_name.toLowerCase() === SUSPENDED_HANDLE) return json(suspendedBody());
    const a = accountByHandle(vars.screen_name);
    // X answers an unknown screen name with an empty `data`.
    return json(a ? userByScreenNameBody(a) : { data: {} });
  }
  if (operation === 'UserTweets') {
    const a = X_ACCOUNTS.find((x) => x.id === vars.userId);
    return a ? json(userTweetsBody(a)) : json({ data: { user: {} } });
  }
  if (operation === 'TweetDetail') {
    for (const a of X_ACCOUNTS) {
      const t = allTweets(a).find((x) => x.id === vars.focalTweetId);
      if (t) return json(tweetDetailBody(a, t));
    }
    return json({ errors: [{ message: '_Missing: No status found with that ID.', code: 144 }], data: {} });
  }
  return null;
}

/** The response for an x.com URL, or null when the demo site has no such page. */
export function serveX(url: string, method: string): Served | null {
  const u = new URL(url);
  if (u.hostname !== 'x.com') return null;
  const op = /^\/i\/api\/graphql\/([A-Za-z0-9_-]+)\/([A-Za-z]+)$/.exec(u.pathname);
  if (op) {
    const [, hash, operation] = op;
    const known = (X_OPERATION_HASHES as Record<string, string>)[operation!] === hash;
    return method === 'GET' && known ? serveGraphql(operation!, u) : null;
  }
  if (method !== 'GET') return null;
  if (u.pathname === '/favicon.ico') return { status: 404, contentType: 'text/plain', body: '' };
  if (u.pathname === '/explore') return { status: 200, contentType: HTML, body: xAppPage() };
  const profile = /^\/([A-Za-z0-9_]{1,15})$/.exec(u.pathname)?.[1];
  const status = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d+)$/.exec(u.pathname);
  const known = (h: string | undefined) =>
    h !== undefined && (accountByHandle(h) !== undefined || [GHOST_HANDLE, SUSPENDED_HANDLE].includes(h.toLowerCase()));
  if (known(profile) || known(status?.[1])) return { status: 200, contentType: HTML, body: xAppPage() };
  return null;
}

registerDemoServer(serveX);
