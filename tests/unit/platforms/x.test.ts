import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageDataFromHtml, pageDataFromJson } from '../../../lib/platforms/page';
import type { CapturedResponse, PageData, Snapshot } from '../../../lib/platforms/types';
import { locateX, parseXTweet, parseXUser, tweetTime, xReader } from '../../../lib/platforms/x';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import {
  cursor,
  gqlUrl,
  item,
  legacyUser,
  maple,
  moduleEntry,
  moduleItems,
  newUser,
  otter,
  quill,
  timelineBody,
  tweet,
  tweetDetailBody,
  tweetItem,
  userBody,
  whoToFollow,
} from '../fixtures/x/builders';

/** A page at `url` that received these responses (oldest first). */
function page(url: string, responses: CapturedResponse[] = [], html = ''): PageData {
  return { ...pageDataFromHtml(html, url), responses };
}

function read(data: PageData): Snapshot {
  const snap = xReader.read(data);
  if (!snap) throw new Error(`no snapshot for ${data.url}`);
  return snap;
}

const ids = (s: Snapshot) => s.posts.map((p) => p.id);

describe('locateX', () => {
  it.each([
    ['https://x.com/maple_makes', 'maple_makes'],
    ['https://x.com/Maple_Makes/', 'Maple_Makes'],
    ['https://twitter.com/maple_makes?lang=en', 'maple_makes'],
    ['https://mobile.x.com/maple_makes#top', 'maple_makes'],
    ['https://www.twitter.com/maple_makes', 'maple_makes'],
    ['https://mobile.twitter.com/maple_makes', 'maple_makes'],
    ['https://x.com/maple_makes/with_replies', 'maple_makes'],
    ['https://x.com/maple_makes/media', 'maple_makes'],
    ['https://x.com/maple_makes/highlights', 'maple_makes'],
    ['https://x.com/maple_makes/articles', 'maple_makes'],
    ['x.com/maple_makes', 'maple_makes'],
  ])('%s is the profile of %s', (url, handle) => {
    expect(locateX(url)).toEqual({ platform: 'x', kind: 'profile', handle, postId: null, profileUrl: `https://x.com/${handle}` });
  });

  it.each([
    ['https://x.com/maple_makes/status/1890000000000000001', 'maple_makes', '1890000000000000001'],
    ['https://twitter.com/maple_makes/status/1890000000000000001/photo/1', 'maple_makes', '1890000000000000001'],
    ['https://x.com/maple_makes/status/1890000000000000001/analytics?s=20', 'maple_makes', '1890000000000000001'],
    ['https://twitter.com/maple_makes/statuses/20', 'maple_makes', '20'],
    ['https://x.com/i/web/status/1890000000000000001', null, '1890000000000000001'],
    ['https://x.com/i/status/1890000000000000001', null, '1890000000000000001'],
  ])('%s is a post', (url, handle, postId) => {
    const loc = locateX(url);
    expect(loc).toMatchObject({ kind: 'post', handle, postId });
    expect(loc.profileUrl).toBe(handle ? `https://x.com/${handle}` : null);
  });

  it.each([
    'https://x.com/home',
    'https://x.com/explore/tabs/for-you',
    'https://x.com/search?q=maple',
    'https://x.com/notifications',
    'https://x.com/messages/123-456',
    'https://x.com/i/bookmarks',
    'https://x.com/i/lists/123',
    'https://x.com/settings/account',
    'https://x.com/compose/post',
    'https://x.com/login',
    'https://x.com/tos',
    'https://x.com/privacy',
    'https://x.com/hashtag/woodwork',
    'https://x.com/',
    'https://x.com/maple_makes/followers',
    'https://x.com/maple_makes/likes',
    'https://x.com/maple_makes/constructor',
    'https://x.com/maple_makes/status/not-a-number',
    'https://x.com/a_handle_far_too_long_for_x',
    'https://x.com.evil.example/maple_makes',
    'https://www.instagram.com/maple_makes/',
    'ftp://x.com/maple_makes',
    'javascript:alert(1)',
    '',
    'not a url at all',
    '%%%',
  ])('%s is not a page this reader reads', (url) => {
    expect(locateX(url).kind).toBe('other');
    expect(xReader.read(page(url))).toBeNull();
  });

  it('never throws and always answers a known kind, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `https://x.com/${s}`)), (url) => {
        expect(['profile', 'post', 'other']).toContain(locateX(url).kind);
      }),
    );
  });
});

describe('captures', () => {
  const matches = (url: string) => xReader.captures.some((re) => re.test(url));
  it('covers the web client GraphQL operations on x.com, api.x.com and twitter.com', () => {
    for (const op of ['UserByScreenName', 'UserByRestId', 'UserTweets', 'UserTweetsAndReplies', 'UserMedia', 'TweetDetail', 'TweetResultByRestId']) {
      expect(matches(gqlUrl(op, { screen_name: 'maple_makes' }))).toBe(true);
    }
    expect(matches('https://api.x.com/graphql/Zx9/UserTweets?variables=%7B%7D')).toBe(true);
    expect(matches('https://twitter.com/i/api/graphql/Zx9/UserByScreenName?variables=%7B%7D')).toBe(true);
  });
  it('leaves other operations and hosts alone', () => {
    expect(matches(gqlUrl('HomeTimeline', {}))).toBe(false);
    expect(matches(gqlUrl('UserTweetsExtra', {}))).toBe(false);
    expect(matches('https://evil.example/i/api/graphql/Zx9/UserTweets')).toBe(false);
    expect(matches('https://x.com.evil.example/i/api/graphql/Zx9/UserTweets')).toBe(false);
  });
});

describe('user objects', () => {
  const url = 'https://x.com/maple_makes';

  it('reads the legacy layout (legacy.followers_count …) with exact counts', () => {
    const s = read(pageDataFromJson(userBody(legacyUser(maple)), url));
    expect(s).toMatchObject({
      platform: 'x',
      kind: 'profile',
      state: 'ok',
      handle: 'maple_makes',
      displayName: 'Maple Makes',
      followers: 48210,
      followersExact: true,
      following: 311,
      postsCount: 1904,
      bio: 'Woodwork & small tools.',
      isPrivate: false,
      isVerified: false,
      posts: [],
    });
    expect(s.source).toMatch(/UserByScreenName/);
    expect(s.notes.join(' ')).toMatch(/not loaded yet/);
  });

  it('reads the 2025+ layout (core, relationship_counts, tweet_counts, profile_bio, verification)', () => {
    const s = read(pageDataFromJson(userBody(newUser(maple)), url));
    expect(s).toMatchObject({ kind: 'profile', state: 'ok', handle: 'maple_makes', displayName: 'Maple Makes', followers: 48210, following: 311, postsCount: 1904, bio: 'Woodwork & small tools.', isVerified: true });
  });

  it('reads a mixture: names in core, counts still in legacy', () => {
    const mixed = legacyUser(maple, { core: { screen_name: 'maple_makes', name: 'Maple (new)' } });
    delete (mixed.legacy as Record<string, unknown>).screen_name;
    delete (mixed.legacy as Record<string, unknown>).name;
    const s = read(pageDataFromJson(userBody(mixed), url));
    expect(s).toMatchObject({ state: 'ok', handle: 'maple_makes', displayName: 'Maple (new)', followers: 48210 });
  });

  it('prefers the newer relationship_counts over a stale legacy copy', () => {
    const both = newUser(maple, { legacy: { screen_name: 'maple_makes', followers_count: 40000 } });
    expect(parseXUser(both)?.followers).toBe(48210);
  });

  it('reads UserByRestId and data.users[] bodies the same way', () => {
    const s = read(page(url, [{ url: gqlUrl('UsersByRestIds', {}), body: { data: { users: [{ result: newUser(otter) }, { result: newUser(maple) }] } } }]));
    expect(s.followers).toBe(48210);
  });

  it('matches the handle case-insensitively and reports the account’s own spelling', () => {
    const s = read(pageDataFromJson(userBody(legacyUser(otter)), 'https://x.com/otterops'));
    expect(s).toMatchObject({ state: 'ok', handle: 'OtterOps', followers: 9120 });
  });

  it('lets the newest response for the handle win', () => {
    const older = legacyUser(maple);
    const newer = newUser({ ...maple, followers: 48999 });
    const s = read(page(url, [
      { url: gqlUrl('UserByScreenName', { screen_name: 'maple_makes' }), body: userBody(older) },
      { url: gqlUrl('UserByScreenName', { screen_name: 'maple_makes' }), body: userBody(newer) },
    ]));
    expect(s.followers).toBe(48999);
  });

  it('marks protected accounts private (legacy.protected and privacy.protected)', () => {
    for (const result of [legacyUser({ ...maple, protected: true }), newUser({ ...maple, protected: true })]) {
      const s = read(pageDataFromJson(userBody(result), url));
      expect(s).toMatchObject({ state: 'private', isPrivate: true, followers: 48210, posts: [] });
    }
  });

  it('says empty for a public account with no posts', () => {
    const s = read(pageDataFromJson(userBody(newUser({ ...maple, tweets: 0 })), url));
    expect(s).toMatchObject({ state: 'empty', followers: 48210, postsCount: 0 });
  });

  it('treats counts of the wrong type or out of range as unknown, never NaN or 0', () => {
    const weird = newUser(maple, {
      relationship_counts: { followers: 'lots', following: -5 },
      tweet_counts: { tweets: 1e300 },
      legacy: { screen_name: 'maple_makes', followers_count: Number.NaN, friends_count: { n: 1 }, statuses_count: true },
    });
    const s = read(pageDataFromJson(userBody(weird), url));
    expect(s.followers).toBeNull();
    expect(s.following).toBeNull();
    expect(s.postsCount).toBeNull();
    expect(s.followersExact).toBe(false);
    expect(s.state).toBe('unknown-layout');
  });
});

describe('unavailable accounts', () => {
  const url = 'https://x.com/gone_account';

  it('says when X reports the account suspended', () => {
    const body = userBody({ __typename: 'UserUnavailable', reason: 'Suspended', message: 'User is suspended' });
    const s = read(page(url, [{ url: gqlUrl('UserByScreenName', { screen_name: 'Gone_Account' }), body }]));
    expect(s).toMatchObject({ kind: 'profile', state: 'unknown-layout', followers: null });
    expect(s.notes.join(' ')).toMatch(/suspended/);
  });

  it('says when the account does not exist ({"data":{}} or an empty result)', () => {
    for (const body of [{ data: {} }, { data: { user: {} } }, userBody({})]) {
      const s = read(pageDataFromJson(body, url));
      expect(s.state).toBe('unknown-layout');
      expect(s.notes.join(' ')).toMatch(/not available/);
    }
  });

  it('does not pin another handle’s answer on this page', () => {
    const body = userBody({ __typename: 'UserUnavailable', reason: 'Suspended' });
    const s = read(page(url, [{ url: gqlUrl('UserByScreenName', { screen_name: 'someone_else' }), body }]));
    expect(s.state).toBe('loading');
  });
});

describe('pinned posts', () => {
  // Made-up timeline: the pinned rule is decided from the TimelinePinEntry and the dates alone.
  const url = 'https://x.com/maple_makes';
  const at = (day: number) => `Tue Mar ${String(day).padStart(2, '0')} 15:20:00 +0000 2025`;
  const own = [
    tweet('1890000000000000090', maple, { likes: 100, replies: 10, createdAt: at(20) }),
    tweet('1890000000000000080', maple, { likes: 200, replies: 20, createdAt: at(18) }),
    tweet('1890000000000000070', maple, { likes: 300, replies: 30, createdAt: at(15) }),
  ];
  const user = { url: gqlUrl('UserByScreenName', { screen_name: 'maple_makes' }), body: userBody(newUser({ ...maple, followers: 10_000 })) };
  const timeline = (pin: Record<string, unknown>) => ({ url: gqlUrl('UserTweets', { userId: maple.id }), body: timelineBody(own.map(tweetItem), { pin }) });

  it('lists a pinned post older than the recent posts, marked pinned, and leaves it out of the rates', () => {
    const old = tweet('1880000000000000001', maple, { likes: 50_000, replies: 900, createdAt: 'Mon Jan 06 10:00:00 +0000 2025' });
    const s = read(page(url, [user, timeline(old)]));
    expect(s.posts.map((p) => [p.id, p.pinned === true])).toEqual([
      ['1880000000000000001', true],
      ['1890000000000000090', false],
      ['1890000000000000080', false],
      ['1890000000000000070', false],
    ]);
    expect(s.notes.join(' ')).toMatch(/1 pinned post left out/);
    const a = analyzeSnapshot(s, { now: Date.UTC(2025, 2, 21) / 1000 });
    expect(a.pinnedLeftOut).toBe(1);
    expect(a.engagement.used).toBe(3);
    expect(a.engagement.mean).toBeCloseTo(((110 + 220 + 330) / 3 / 10_000) * 100, 10);
  });

  it('counts a pinned post within the span of the recent posts', () => {
    const recent = tweet('1890000000000000085', maple, { likes: 400, replies: 40, createdAt: at(19) });
    const s = read(page(url, [user, timeline(recent)]));
    expect(s.posts[0]).toMatchObject({ id: '1890000000000000085', pinned: true });
    expect(s.notes.join(' ')).not.toMatch(/pinned/);
    const a = analyzeSnapshot(s, { now: Date.UTC(2025, 2, 21) / 1000 });
    expect(a.pinnedLeftOut).toBe(0);
    expect(a.engagement.used).toBe(4);
  });
});

describe('timelines', () => {
  const url = 'https://x.com/maple_makes';
  const pinned = tweet('1890000000000000100', maple, { likes: 900, replies: 40, retweets: 30, quotes: 5, views: '120345' });
  const own1 = tweet('1890000000000000090', maple, { likes: 120, replies: 8, retweets: 6, quotes: 1, views: '9800', legacyAuthor: true });
  const repost = tweet('1890000000000000089', maple, { retweets: 55, text: 'RT @OtterOps: nice', retweetOf: tweet('1880000000000000001', otter, { likes: 700 }) });
  const repostTextOnly = tweet('1890000000000000088', maple, { retweets: 12, text: 'RT @quill_and_ink: hello' });
  const threadStart = tweet('1890000000000000080', maple, { likes: 60, replies: 3, retweets: 2, views: '4000' });
  const threadNext = tweet('1890000000000000081', maple, { likes: 20, replies: 1, views: '1500' });
  const othersReply = tweet('1890000000000000079', otter, { likes: 999, replies: 99 });
  const hidden = { __typename: 'TweetWithVisibilityResults', tweet: tweet('1890000000000000070', maple, { likes: 15, replies: 0, retweets: 0, views: null }) };
  const tombstone = { __typename: 'TweetTombstone', tombstone: { text: { text: 'This Post was deleted' } } };
  // The account's own posts bought as ads: shown again as promoted entries, not counted twice.
  const promoted = tweet('1890000000000000060', maple, { likes: 5 });

  const body = timelineBody(
    [
      tweetItem(own1),
      tweetItem(repost),
      whoToFollow([otter, quill]),
      moduleEntry('profile-conversation-1', [othersReply, threadStart, threadNext]),
      tweetItem(repostTextOnly),
      item('promoted-tweet-1890000000000000060-7', promoted),
      item('tweet-1890000000000000061', tweet('1890000000000000061', maple), { promotedMetadata: { advertiser_results: {} } }),
      item('tweet-1890000000000000070', hidden),
      item('tweet-1890000000000000071', tombstone),
      cursor('top'),
      cursor('bottom'),
    ],
    { pin: pinned, pinLast: true },
  );

  it('reads own posts in page order: pinned first, self-threads kept, reposts, promoted and others left out', () => {
    const s = read(pageDataFromJson(body, url));
    expect(s.kind).toBe('posts');
    expect(ids(s)).toEqual(['1890000000000000100', '1890000000000000090', '1890000000000000080', '1890000000000000081', '1890000000000000070']);
    expect(s.notes.join(' ')).toMatch(/2 reposts/);
  });

  it('maps likes, replies, reposts + quotes, views (a string) and impressions', () => {
    const s = read(pageDataFromJson(body, url));
    expect(s.posts[0]).toEqual({
      id: '1890000000000000100',
      url: 'https://x.com/maple_makes/status/1890000000000000100',
      likes: 900,
      comments: 40,
      shares: 35,
      views: 120345,
      reach: null,
      impressions: 120345,
      takenAt: Date.UTC(2025, 2, 4, 15, 20, 0) / 1000,
      likesHidden: false,
      pinned: true,
      caption: 'Post 1890000000000000100',
      mentions: [],
      hashtags: [],
      sponsored: null,
    });
    expect(s.posts.slice(1).every((p) => p.pinned === undefined)).toBe(true);
    const noViews = s.posts.find((p) => p.id === '1890000000000000070');
    expect(noViews).toMatchObject({ likes: 15, comments: 0, shares: 0, views: null, impressions: null });
    expect(s.notes.join(' ')).toMatch(/no view count/);
  });

  it('takes the profile counts from the author embedded in the account’s own posts', () => {
    const s = read(pageDataFromJson(body, url));
    expect(s).toMatchObject({ kind: 'posts', state: 'ok', handle: 'maple_makes', followers: 48210, followersExact: true, following: 311, postsCount: 1904 });
    expect(s.source).toMatch(/author data/);
  });

  it('reads the timeline_v2 key (to 2024) and the timeline key (2025+) alike', () => {
    const a = read(pageDataFromJson(timelineBody([tweetItem(own1)], { key: 'timeline_v2' }), url));
    const b = read(pageDataFromJson(timelineBody([tweetItem(own1)], { key: 'timeline' }), url));
    expect(ids(a)).toEqual(['1890000000000000090']);
    expect(b.posts).toEqual(a.posts);
  });

  it('reads the media grid: a module entry, then TimelineAddToModule pages', () => {
    const grid = timelineBody([moduleEntry('profile-grid-0', [own1, threadStart])], {
      extra: [{ type: 'TimelineAddToModule', moduleEntryId: 'profile-grid-0', moduleItems: moduleItems('profile-grid-0', [threadNext]) }],
    });
    const s = read(page('https://x.com/maple_makes/media', [{ url: gqlUrl('UserMedia', { userId: maple.id }), body: grid }]));
    expect(ids(s)).toEqual(['1890000000000000090', '1890000000000000080', '1890000000000000081']);
  });

  it('gives kind profile and merges posts when a user object is present too', () => {
    const s = read(page(url, [
      { url: gqlUrl('UserByScreenName', { screen_name: 'maple_makes' }), body: userBody(newUser({ ...maple, followers: 48300 })) },
      { url: gqlUrl('UserTweets', { userId: maple.id }), body },
    ]));
    expect(s).toMatchObject({ kind: 'profile', state: 'ok', followers: 48300 });
    expect(s.posts).toHaveLength(5);
    expect(s.source).toMatch(/UserByScreenName response \+ UserTweets response/);
  });

  it('continues the timeline with later pages and refreshes re-fetched posts in place', () => {
    const page1 = timelineBody([tweetItem(own1), tweetItem(threadStart)], { pin: pinned });
    const page2 = timelineBody([tweetItem(threadNext)]);
    const again = timelineBody([tweetItem(tweet('1890000000000000090', maple, { likes: 130 }))]);
    const s = read(page(url, [
      { url: gqlUrl('UserTweets', { userId: maple.id }), body: page1 },
      { url: gqlUrl('UserTweets', { userId: maple.id, cursor: 'x' }), body: page2 },
      { url: gqlUrl('UserTweets', { userId: maple.id }), body: again },
    ]));
    expect(ids(s)).toEqual(['1890000000000000100', '1890000000000000090', '1890000000000000080', '1890000000000000081']);
    expect(s.posts[1]?.likes).toBe(130);
  });

  it('prefers the timeline of the tab the URL shows', () => {
    const replies = timelineBody([tweetItem(tweet('1890000000000000200', maple, { text: '@OtterOps agreed', likes: 2 }))]);
    const responses = [
      { url: gqlUrl('UserTweets', { userId: maple.id }), body: timelineBody([tweetItem(own1)]) },
      { url: gqlUrl('UserTweetsAndReplies', { userId: maple.id }), body: replies },
    ];
    expect(ids(read(page('https://x.com/maple_makes/with_replies', responses)))).toEqual(['1890000000000000200']);
    expect(ids(read(page(url, responses)))).toEqual(['1890000000000000090']);
  });

  it('cannot tie a timeline without tweets to the handle, so it keeps loading', () => {
    const s = read(pageDataFromJson(timelineBody([cursor('top'), cursor('bottom')], { restId: maple.id }), url));
    expect(s).toMatchObject({ state: 'loading', followers: null });
  });

  it('says when the loaded posts are all reposts', () => {
    const s = read(pageDataFromJson(timelineBody([tweetItem(repost), tweetItem(repostTextOnly)]), url));
    expect(s).toMatchObject({ kind: 'posts', state: 'ok', followers: 48210, posts: [] });
    expect(s.notes.join(' ')).toMatch(/2 reposts/);
  });
});

describe('stale data after soft navigation', () => {
  const urlB = 'https://x.com/OtterOps';

  it('shows loading, not the previous account, until the new account’s data arrives', () => {
    const aUser = { url: gqlUrl('UserByScreenName', { screen_name: 'maple_makes' }), body: userBody(newUser(maple)) };
    const aTimeline = { url: gqlUrl('UserTweets', { userId: maple.id }), body: timelineBody([tweetItem(tweet('1890000000000000001', maple, { likes: 5 }))], { restId: maple.id }) };
    const before = read(page(urlB, [aUser, aTimeline]));
    expect(before).toMatchObject({ kind: 'profile', state: 'loading', handle: 'OtterOps', followers: null, posts: [] });

    const bUser = { url: gqlUrl('UserByScreenName', { screen_name: 'OtterOps' }), body: userBody(legacyUser(otter)) };
    const after = read(page(urlB, [aUser, aTimeline, bUser]));
    expect(after).toMatchObject({ kind: 'profile', state: 'ok', handle: 'OtterOps', followers: 9120 });
    expect(after.posts).toEqual([]);
  });

  it('ignores an embedded boot state and JSON-LD of another account', () => {
    const html = `<script>window.__INITIAL_STATE__={"entities":{"users":{"entities":{"1":{"id_str":"1000000001","screen_name":"maple_makes","followers_count":48210}}}}};</script>
      <script type="application/ld+json">{"@context":"http://schema.org","@type":"ProfilePage","mainEntity":{"@type":"Person","additionalName":"maple_makes","interactionStatistic":[{"@type":"InteractionCounter","name":"Follows","userInteractionCount":48210}]}}</script>`;
    const s = read(pageDataFromHtml(html, urlB));
    expect(s).toMatchObject({ state: 'loading', followers: null });
  });

  it('does not take another account’s timeline for this one, even when it contains this account’s post', () => {
    const mapleTimeline = timelineBody(
      [tweetItem(tweet('1890000000000000300', maple)), moduleEntry('profile-conversation-9', [tweet('1890000000000000299', otter, { likes: 50 }), tweet('1890000000000000301', maple)])],
      {},
    );
    const s = read(page(urlB, [{ url: gqlUrl('UserTweetsAndReplies', { userId: maple.id }), body: mapleTimeline }]));
    expect(s).toMatchObject({ state: 'loading', followers: null, posts: [] });
  });

  it('ties a timeline to the account by rest_id when its tweets carry no handle', () => {
    const bare = tweet('1890000000000000400', otter, { likes: 7 });
    (bare.core as { user_results: unknown }).user_results = {};
    const timeline = timelineBody([tweetItem(bare)], { restId: otter.id });
    const s = read(page(urlB, [
      { url: gqlUrl('UserByScreenName', { screen_name: 'OtterOps' }), body: userBody(newUser(otter)) },
      { url: gqlUrl('UserTweets', { userId: otter.id }), body: timeline },
    ]));
    expect(ids(s)).toEqual(['1890000000000000400']);
    expect(s.posts[0]?.url).toBe('https://x.com/i/web/status/1890000000000000400');
  });
});

describe('page scripts', () => {
  it('reads the JSON-LD ProfilePage (mainEntity, and the older author key)', () => {
    for (const key of ['mainEntity', 'author']) {
      const ld = {
        '@context': 'http://schema.org',
        '@type': 'ProfilePage',
        [key]: {
          '@type': 'Person',
          additionalName: 'quill_and_ink',
          givenName: 'Quill',
          description: 'Letters.',
          identifier: quill.id,
          interactionStatistic: [
            { '@type': 'InteractionCounter', interactionType: 'https://schema.org/FollowAction', name: 'Follows', userInteractionCount: 1530000 },
            { '@type': 'InteractionCounter', interactionType: 'https://schema.org/SubscribeAction', name: 'Friends', userInteractionCount: 12 },
            { '@type': 'InteractionCounter', interactionType: 'https://schema.org/WriteAction', name: 'Tweets', userInteractionCount: 8800 },
          ],
        },
      };
      const html = `<head><script data-testid="UserProfileSchema-test" type="application/ld+json">${JSON.stringify(ld)}</script></head>`;
      const s = read(pageDataFromHtml(html, 'https://x.com/quill_and_ink'));
      expect(s).toMatchObject({ kind: 'profile', state: 'ok', followers: 1530000, followersExact: true, following: 12, postsCount: 8800, displayName: 'Quill', bio: 'Letters.' });
      expect(s.source).toMatch(/JSON-LD/);
    }
  });

  it('reads a flat user from window.__INITIAL_STATE__ (the signed-in viewer’s own profile)', () => {
    const html = `<script type="text/javascript" charset="utf-8" nonce="n">window.__INITIAL_STATE__={"entities":{"users":{"entities":{"1000000002":{"id_str":"1000000002","screen_name":"OtterOps","name":"Otter Ops","followers_count":9120,"friends_count":77,"statuses_count":402,"protected":false}}}}};window.__META_DATA__={};</script>`;
    const s = read(pageDataFromHtml(html, 'https://x.com/otterops'));
    expect(s).toMatchObject({ kind: 'profile', state: 'ok', handle: 'OtterOps', followers: 9120, following: 77, postsCount: 402 });
  });

  it('waits (loading) on a bare page with no data yet', () => {
    const s = read(pageDataFromHtml('<html><head><meta property="og:title" content="X"></head></html>', 'https://x.com/maple_makes'));
    expect(s).toMatchObject({ kind: 'profile', state: 'loading', followers: null, source: 'none' });
  });
});

describe('unknown layouts', () => {
  it('says unknown-layout for a body of a shape it does not know', () => {
    const s = read(pageDataFromJson({ data: { viewer_v3: { account: { follower_total: 5 } } } }, 'https://x.com/maple_makes'));
    expect(s).toMatchObject({ state: 'unknown-layout', followers: null });
  });

  it('says unknown-layout for a user object whose fields all moved', () => {
    const s = read(pageDataFromJson(userBody({ __typename: 'User', rest_id: maple.id, identity: { handle: 'maple_makes' } }), 'https://x.com/maple_makes'));
    expect(s.state).toBe('unknown-layout');
  });
});

describe('single post pages', () => {
  const focal = tweet('1890000000000000500', maple, { likes: 321, replies: 12, retweets: 9, quotes: 4, views: '45000' });
  const reply = tweet('1890000000000000501', otter, { likes: 3 });

  it('reads the post and its author from TweetDetail', () => {
    const url = 'https://x.com/maple_makes/status/1890000000000000500';
    const s = read(page(url, [{ url: gqlUrl('TweetDetail', { focalTweetId: '1890000000000000500' }), body: tweetDetailBody(focal, [reply]) }]));
    expect(s).toMatchObject({ kind: 'post', state: 'ok', handle: 'maple_makes', followers: 48210, followersExact: true });
    expect(s.posts).toEqual([expect.objectContaining({ id: '1890000000000000500', likes: 321, comments: 12, shares: 13, views: 45000, impressions: 45000 })]);
    expect(s.source).toMatch(/TweetDetail/);
  });

  it('reads TweetResultByRestId, and a wrongly spelled handle in the URL gives the real author', () => {
    const s = read(page('https://x.com/anyone/status/1890000000000000500', [{ url: gqlUrl('TweetResultByRestId', { tweetId: '1890000000000000500' }), body: { data: { tweetResult: { result: focal } } } }]));
    expect(s).toMatchObject({ kind: 'post', handle: 'maple_makes', followers: 48210 });
  });

  it('finds the post in a timeline the page loaded before (soft navigation from the profile)', () => {
    const timeline = timelineBody([tweetItem(tweet('1890000000000000499', maple)), tweetItem(focal)]);
    const s = read(page('https://x.com/i/web/status/1890000000000000500', [{ url: gqlUrl('UserTweets', {}), body: timeline }]));
    expect(s).toMatchObject({ kind: 'post', state: 'ok', handle: 'maple_makes' });
    expect(ids(s)).toEqual(['1890000000000000500']);
  });

  it('does not read a repost wrapper (0 likes) as the post', () => {
    const original = tweet('1880000000000000001', otter, { likes: 700 });
    const wrapper = tweet('1890000000000000600', maple, { text: 'RT @OtterOps: nice', retweetOf: original });
    const s = read(page('https://x.com/maple_makes/status/1890000000000000600', [{ url: gqlUrl('UserTweets', {}), body: timelineBody([tweetItem(wrapper)]) }]));
    expect(s).toMatchObject({ state: 'loading', posts: [] });
    // The original, nested inside the wrapper, is found by its own id.
    const o = read(page('https://x.com/OtterOps/status/1880000000000000001', [{ url: gqlUrl('UserTweets', {}), body: timelineBody([tweetItem(wrapper)]) }]));
    expect(o).toMatchObject({ state: 'ok', handle: 'OtterOps', followers: 9120 });
    expect(o.posts[0]?.likes).toBe(700);
  });

  it('shows loading, not another post, while the post’s data is missing', () => {
    const s = read(page('https://x.com/otterops/status/1890000000000000777', [{ url: gqlUrl('TweetDetail', { focalTweetId: '1890000000000000500' }), body: tweetDetailBody(focal) }]));
    expect(s).toMatchObject({ kind: 'post', state: 'loading', followers: null, posts: [] });
  });

  it('says so when X answered the request for this post without it (deleted or protected)', () => {
    const body = { data: { tweetResult: { result: { __typename: 'TweetTombstone', tombstone: {} } } } };
    const s = read(page('https://x.com/maple_makes/status/1890000000000000888', [{ url: gqlUrl('TweetResultByRestId', { tweetId: '1890000000000000888' }), body }]));
    expect(s.state).toBe('unknown-layout');
    expect(s.notes.join(' ')).toMatch(/deleted/);
  });
});

describe('helpers', () => {
  it('reads created_at, and falls back to the Snowflake id', () => {
    expect(tweetTime('Fri Feb 06 21:09:45 +0000 2026', '1')).toBe(Date.UTC(2026, 1, 6, 21, 9, 45) / 1000);
    expect(tweetTime('Fri Feb 06 23:09:45 +0200 2026', '1')).toBe(Date.UTC(2026, 1, 6, 21, 9, 45) / 1000);
    // Snowflake: (id >> 22) + 1288834974657 ms; id 1 << 22 is one ms after the epoch.
    expect(tweetTime(undefined, String(2 ** 22 * 1_000_000_000))).toBe(Math.floor((1_000_000_000 + 1288834974657) / 1000));
    expect(tweetTime('yesterday', '12345')).toBeNull();
  });

  it('returns null for tweet results that are not tweets', () => {
    expect(parseXTweet({ __typename: 'TweetTombstone' })).toBeNull();
    expect(parseXTweet({ __typename: 'TweetUnavailable', reason: 'Protected' })).toBeNull();
    expect(parseXTweet(null)).toBeNull();
    expect(parseXTweet({ rest_id: 'abc', legacy: {} })).toBeNull();
  });
});

describe('garbage never throws', () => {
  it('survives hostile page data', () => {
    const hostile: unknown[] = [
      null,
      42,
      'x',
      [],
      { data: null },
      { data: { user: { result: { __typename: 'User', legacy: 'nope', core: [1, 2] } } } },
      { data: { user: { result: { timeline: { timeline: { instructions: 'nope' } } } } } },
      { data: { user: { result: { timeline: { timeline: { instructions: [null, 1, { type: 'TimelineAddEntries', entries: [null, { content: 5 }, { content: { items: [null, { item: 7 }] } }] }] } } } } } },
      { data: { threaded_conversation_with_injections_v2: { instructions: [{ entries: [{ entryId: 'tweet-1', content: { itemContent: { tweet_results: { result: { rest_id: '1', legacy: { favorite_count: 'Infinity', reply_count: -1, retweet_count: JSON.parse('1e400') as number } } } } } }] }] } } },
    ];
    for (const url of ['https://x.com/maple_makes', 'https://x.com/maple_makes/status/1']) {
      for (const body of hostile) {
        const s = read(page(url, [{ url: 'https://x.com/i/api/graphql/a/UserTweets?variables=%7Bbroken', body }]));
        expect(['loading', 'unknown-layout', 'ok']).toContain(s.state);
        for (const p of s.posts) for (const v of [p.likes, p.comments, p.shares, p.views]) expect(v === null || Number.isFinite(v)).toBe(true);
      }
    }
    const post = read(page('https://x.com/a/status/1', [{ url: '', body: hostile.at(-1) }]));
    expect(post.posts[0]).toMatchObject({ id: '1', likes: null, comments: null, shares: null });
    // Not even a PageData.
    expect(() => xReader.read(null as unknown as PageData)).not.toThrow();
    expect(() => xReader.read({ url: 'https://x.com/a', meta: null, scripts: 'x', responses: {} } as unknown as PageData)).not.toThrow();
  });

  it('never throws and never reports NaN for arbitrary JSON bodies', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('https://x.com/maple_makes', 'https://x.com/maple_makes/status/1890000000000000500'), (body, url) => {
        const s = read(page(url, [{ url: gqlUrl('UserByScreenName', {}), body }]));
        for (const v of [s.followers, s.following, s.postsCount]) expect(v === null || Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
