import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageDataFromHtml, pageDataFromJson } from '../../../lib/platforms/page';
import { locateTikTok, looksRounded, tiktokMetaCounts, tiktokReader } from '../../../lib/platforms/tiktok';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import type { CapturedResponse, PageData, Snapshot } from '../../../lib/platforms/types';

// All accounts, ids and numbers here are made up.
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/tiktok/${name}`, import.meta.url)), 'utf8');
const PEBBLE = 'https://www.tiktok.com/@pebble.bakes';
const MOSS = 'https://www.tiktok.com/@moss.and.moth';

function read(data: PageData): Snapshot {
  const snap = tiktokReader.read(data);
  if (!snap) throw new Error(`no snapshot for ${data.url}`);
  return snap;
}

function fromHtml(html: string, url: string, responses: CapturedResponse[] = []): Snapshot {
  return read({ ...pageDataFromHtml(html, url), responses });
}

function fromJson(body: unknown, url: string, requestUrl?: string): Snapshot {
  return read(pageDataFromJson(body, url, requestUrl));
}

const jsonScript = (id: string, body: unknown) => `<script id="${id}" type="application/json">${JSON.stringify(body)}</script>`;

function itemStruct(id: string, author: string, stats: Record<string, number | string>, extra: Record<string, unknown> = {}) {
  return { id, desc: 'made up', createTime: 1690000000, author: { id: '1', uniqueId: author, nickname: author }, stats, ...extra };
}

function universalProfile(handle: string, followers: string, extraUser: Record<string, unknown> = {}, extraStats: Record<string, unknown> = {}) {
  return jsonScript('__UNIVERSAL_DATA_FOR_REHYDRATION__', {
    __DEFAULT_SCOPE__: {
      'webapp.user-detail': {
        userInfo: {
          user: { id: '77', uniqueId: handle, nickname: handle, secUid: `sec_${handle}`, ...extraUser },
          statsV2: { followerCount: followers, followingCount: '3', heartCount: '900', videoCount: '9', ...extraStats },
        },
        statusCode: 0,
      },
    },
  });
}

describe('locateTikTok', () => {
  it.each([
    ['https://www.tiktok.com/@pebble.bakes', 'profile', 'pebble.bakes', null],
    ['https://www.tiktok.com/@pebble.bakes/', 'profile', 'pebble.bakes', null],
    ['https://www.tiktok.com/@Pebble_Bakes?lang=en&is_from_webapp=1#top', 'profile', 'Pebble_Bakes', null],
    ['https://tiktok.com/@pebble.bakes', 'profile', 'pebble.bakes', null],
    ['https://m.tiktok.com/@pebble.bakes', 'profile', 'pebble.bakes', null],
    ['https://www.tiktok.com/%40pebble.bakes', 'profile', 'pebble.bakes', null],
    ['https://www.tiktok.com/@pebble.bakes/video/7300000000000000002', 'post', 'pebble.bakes', '7300000000000000002'],
    ['https://www.tiktok.com/@pebble.bakes/video/7300000000000000002/?is_from_webapp=1', 'post', 'pebble.bakes', '7300000000000000002'],
    ['https://www.tiktok.com/@pebble.bakes/photo/7300000000000000005', 'post', 'pebble.bakes', '7300000000000000005'],
  ])('%s → %s', (url, kind, handle, postId) => {
    const loc = locateTikTok(url);
    expect(loc).toEqual({ platform: 'tiktok', kind, handle, postId, profileUrl: `https://www.tiktok.com/@${handle}` });
  });

  it.each([
    'https://www.tiktok.com/',
    'https://www.tiktok.com/foryou',
    'https://www.tiktok.com/following',
    'https://www.tiktok.com/explore',
    'https://www.tiktok.com/search?q=cakes',
    'https://www.tiktok.com/tag/cakes',
    'https://www.tiktok.com/music/original-sound-123',
    'https://www.tiktok.com/live',
    'https://www.tiktok.com/messages',
    'https://www.tiktok.com/upload',
    'https://www.tiktok.com/setting',
    'https://www.tiktok.com/embed/v2/7300000000000000002',
    'https://www.tiktok.com/@pebble.bakes/live',
    'https://www.tiktok.com/@pebble.bakes/video/not-a-number',
    'https://www.tiktok.com/@pebble.bakes/playlist/cakes-7300000000000000009',
    'https://www.tiktok.com/@bad<handle>',
    'https://www.instagram.com/@pebble.bakes',
    'https://tiktok.com.example.net/@pebble.bakes',
    'https://nottiktok.com/@pebble.bakes',
    'not a url',
    '',
    'javascript:alert(1)',
    'https://www.tiktok.com/%E0%A4%A',
  ])('%s → other', (url) => {
    expect(locateTikTok(url).kind).toBe('other');
    expect(tiktokReader.read({ url, meta: {}, scripts: [], responses: [] })).toBeNull();
  });
});

describe('captures', () => {
  const captured = (url: string) => tiktokReader.captures.some((re) => re.test(url));
  it('matches the web client requests that carry counts, and nothing else', () => {
    expect(captured('https://www.tiktok.com/api/post/item_list/?aid=1988&count=35&cursor=0&secUid=abc')).toBe(true);
    expect(captured('https://www.tiktok.com/api/creator/item_list/?secUid=abc&type=1')).toBe(true);
    expect(captured('https://www.tiktok.com/api/user/detail/?uniqueId=pebble.bakes')).toBe(true);
    expect(captured('https://www.tiktok.com/api/item/detail/?itemId=7300000000000000002')).toBe(true);
    expect(captured('https://www.tiktok.com/api/repost/item_list/?secUid=abc')).toBe(false);
    expect(captured('https://www.tiktok.com/api/recommend/item_list/?count=30')).toBe(false);
    expect(captured('https://evil.example/api/user/detail/?x=https://www.tiktok.com')).toBe(false);
  });
});

describe('current layout: __UNIVERSAL_DATA_FOR_REHYDRATION__ and the web client responses', () => {
  const html = fixture('universal-profile.html');
  const itemList = JSON.parse(fixture('item_list-pebble.json')) as unknown;

  it('reads the profile with the exact statsV2 counts over the rounded stats and meta', () => {
    const snap = fromHtml(html, PEBBLE);
    expect(snap).toMatchObject({
      platform: 'tiktok',
      kind: 'profile',
      state: 'ok',
      handle: 'pebble.bakes',
      displayName: 'Pebble Bakes',
      followers: 2612345,
      followersExact: true,
      following: 87,
      postsCount: 312,
      // hearts = likes received; diggCount (9001, likes given) is not it.
      totalLikes: 45678901,
      bio: 'Tiny cakes, big feelings.',
      isPrivate: false,
      isVerified: false,
      posts: [],
    });
    expect(snap.source).toContain('webapp.user-detail');
    expect(snap.source).toContain('exact');
    expect(snap.notes.join(' ')).toMatch(/videos/i);
  });

  it('adds the videos from the item_list response in page order, only the owner’s', () => {
    const snap = fromHtml(html, PEBBLE, [{ url: 'https://www.tiktok.com/api/post/item_list/?secUid=x&cursor=0', body: itemList }]);
    expect(snap.state).toBe('ok');
    expect(snap.posts.map((p) => p.id)).toEqual(['7300000000000000003', '7300000000000000002', '7300000000000000001']);
    expect(snap.posts[0]).toMatchObject({
      url: 'https://www.tiktok.com/@pebble.bakes/video/7300000000000000003',
      likes: 21034,
      comments: 341,
      views: 512345,
      shares: 75,
      takenAt: 1700000000,
    });
    // No statsV2: the stats numbers, zeros kept as zeros.
    expect(snap.posts[2]).toMatchObject({ likes: 0, comments: 0, views: 310, shares: 0 });
    expect(snap.source).toContain('/api/post/item_list/ response');
  });

  it('appends later pages and lets newer counts of the same video win', () => {
    const page2 = { itemList: [itemStruct('7300000000000000000', 'pebble.bakes', { diggCount: 5, commentCount: 1, playCount: 90, shareCount: 0 })], hasMore: false, cursor: '0' };
    const refreshed = { itemList: [itemStruct('7300000000000000003', 'pebble.bakes', { diggCount: 21050, commentCount: 345, playCount: 513000, shareCount: 76 })], hasMore: true, cursor: '1' };
    const snap = fromHtml(html, PEBBLE, [
      { url: 'https://www.tiktok.com/api/post/item_list/?cursor=0', body: itemList },
      { url: 'https://www.tiktok.com/api/post/item_list/?cursor=1', body: page2 },
      { url: 'https://www.tiktok.com/api/post/item_list/?cursor=0', body: refreshed },
    ]);
    expect(snap.posts.map((p) => p.id)).toEqual(['7300000000000000003', '7300000000000000002', '7300000000000000001', '7300000000000000000']);
    expect(snap.posts[0]).toMatchObject({ likes: 21050, comments: 345 });
  });

  it('takes items without an author only when the request names the profile’s secUid', () => {
    const bare = { itemList: [{ id: '7300000000000000007', stats: { diggCount: 7, commentCount: 2, playCount: 70, shareCount: 1 } }], hasMore: false, cursor: '0' };
    const ours = fromHtml(html, PEBBLE, [{ url: 'https://www.tiktok.com/api/post/item_list/?secUid=MS4wLjABAAAA_pebble.bakes', body: bare }]);
    expect(ours.posts.map((p) => p.id)).toEqual(['7300000000000000007']);
    expect(ours.posts[0]?.url).toBe('https://www.tiktok.com/@pebble.bakes/video/7300000000000000007');
    const unknownOwner = fromHtml(html, PEBBLE, [{ url: 'https://www.tiktok.com/api/post/item_list/?secUid=someone_else', body: bare }]);
    expect(unknownOwner.posts).toEqual([]);
  });

  it('reads the video page: statsV2 counts and the author’s exact followers', () => {
    const snap = fromHtml(fixture('universal-video.html'), `${PEBBLE}/video/7300000000000000002`);
    expect(snap).toMatchObject({ kind: 'post', state: 'ok', handle: 'pebble.bakes', followers: 2612345, followersExact: true, totalLikes: 45678901 });
    expect(snap.posts).toHaveLength(1);
    expect(snap.posts[0]).toMatchObject({ id: '7300000000000000002', likes: 8812, comments: 120, views: 96021, shares: 14 });
  });

  it('reads /api/user/detail/ and /api/item/detail/ bodies, with a photo post URL', () => {
    const user = fromJson(
      { userInfo: { user: { uniqueId: 'pebble.bakes', privateAccount: false }, stats: { followerCount: 2600000 }, statsV2: { followerCount: '2612399', videoCount: '313' } }, statusCode: 0 },
      PEBBLE,
      'https://www.tiktok.com/api/user/detail/?uniqueId=pebble.bakes',
    );
    expect(user).toMatchObject({ state: 'ok', followers: 2612399, followersExact: true, postsCount: 313 });
    expect(user.source).toContain('/api/user/detail/ response');

    const photo = itemStruct('7300000000000000005', 'pebble.bakes', { diggCount: 40, commentCount: 2, playCount: 1000, shareCount: 1 }, { imagePost: { images: [] } });
    const post = fromJson({ itemInfo: { itemStruct: photo }, statusCode: 0 }, `${PEBBLE}/photo/7300000000000000005`, 'https://www.tiktok.com/api/item/detail/?itemId=7300000000000000005');
    expect(post).toMatchObject({ state: 'ok', followers: null });
    expect(post.posts[0]?.url).toBe('https://www.tiktok.com/@pebble.bakes/photo/7300000000000000005');
    expect(post.notes.join(' ')).toMatch(/follower/i);
  });

  it('never takes the signed-in viewer from webapp.app-context for the profile', () => {
    const snap = fromHtml(html, 'https://www.tiktok.com/@someone_viewing');
    expect(snap).toMatchObject({ state: 'loading', followers: null });
  });
});

describe('SIGI_STATE layout', () => {
  it('reads a profile: UserModule counts, ItemModule stats in ItemList order', () => {
    const snap = fromHtml(fixture('sigi-profile.html'), MOSS);
    expect(snap).toMatchObject({ state: 'ok', followers: 48213, followersExact: true, following: 311, postsCount: 57, totalLikes: 1203344, isVerified: true, displayName: 'Moss & Moth' });
    expect(snap.posts.map((p) => p.id)).toEqual(['7100000000000000003', '7100000000000000002', '7100000000000000001']);
    expect(snap.posts[0]).toMatchObject({ likes: 987, comments: 21, views: 15120, shares: 4, takenAt: 1650200000 });
    expect(snap.posts[1]).toMatchObject({ likes: 0, comments: 0, views: 211, shares: 0 });
    expect(snap.source).toContain('SIGI_STATE');
  });

  it("reads a video page from window['SIGI_STATE'] = …, followers from UserModule.stats of the author", () => {
    const state = {
      ItemModule: { '7100000000000000009': { id: '7100000000000000009', author: 'moss.and.moth', stats: { diggCount: 310, commentCount: 12, playCount: 4100, shareCount: 2 } } },
      UserModule: { users: { 'moss.and.moth': { uniqueId: 'moss.and.moth' } }, stats: { 'moss.and.moth': { followerCount: 48213 } } },
      ItemList: { video: { list: ['7100000000000000009'] } },
    };
    const html = `<script id="sigi-persisted-data">window['SIGI_STATE']=${JSON.stringify(state)};window['SIGI_RETRY']={"a":1}</script>`;
    const snap = fromHtml(html, `${MOSS}/video/7100000000000000009`);
    expect(snap).toMatchObject({ kind: 'post', state: 'ok', handle: 'moss.and.moth', followers: 48213 });
    expect(snap.posts[0]).toMatchObject({ id: '7100000000000000009', likes: 310, comments: 12, views: 4100, shares: 2 });
  });
});

describe('Next.js __NEXT_DATA__ layouts', () => {
  const next = (pageProps: unknown) => jsonScript('__NEXT_DATA__', { props: { pageProps }, page: '/share/user' });

  it('profile 2021: pageProps.userInfo stats (rounded) and pageProps.items', () => {
    const html = next({
      userInfo: { user: { uniqueId: 'quill.quokka', nickname: 'Quill' }, stats: { followerCount: 1200000, followingCount: 5, heart: 9800000, heartCount: 9800000, videoCount: 40, diggCount: 77 }, itemList: [] },
      itemList: [],
      items: [
        itemStruct('6900000000000000002', 'quill.quokka', { diggCount: 15300, commentCount: 410, playCount: 201000, shareCount: 88 }),
        itemStruct('6900000000000000001', 'quill.quokka', { diggCount: 9120, commentCount: 95, playCount: 88400, shareCount: 13 }),
      ],
    });
    const snap = fromHtml(html, 'https://www.tiktok.com/@quill.quokka');
    expect(snap).toMatchObject({ state: 'ok', followers: 1200000, followersExact: false, totalLikes: 9800000, postsCount: 40, following: 5 });
    expect(snap.posts.map((p) => [p.id, p.likes, p.comments, p.views, p.shares])).toEqual([
      ['6900000000000000002', 15300, 410, 201000, 88],
      ['6900000000000000001', 9120, 95, 88400, 13],
    ]);
    expect(snap.notes.join(' ')).toMatch(/rounded/);
  });

  it('video 2020-10: pageProps.itemInfo.itemStruct with authorStats', () => {
    const item = itemStruct('6880000000000000001', 'quill.quokka', { diggCount: 1300, commentCount: 25, playCount: 45100, shareCount: 3 }, { authorStats: { followerCount: 1234567, heartCount: 9876543 } });
    const snap = fromHtml(next({ itemInfo: { itemStruct: item } }), 'https://www.tiktok.com/@quill.quokka/video/6880000000000000001');
    expect(snap).toMatchObject({ state: 'ok', followers: 1234567, followersExact: true, totalLikes: 9876543 });
    expect(snap.posts[0]).toMatchObject({ likes: 1300, comments: 25, views: 45100, shares: 3 });
  });

  it('video 2020-03: legacy videoData with a string heartCount', () => {
    const snap = fromHtml(
      next({
        videoData: {
          itemInfos: { id: '6800000000000000005', diggCount: 3565, playCount: 44544, commentCount: 254, shareCount: 25, createTime: '1584992742' },
          authorInfos: { uniqueId: 'quill.quokka', userId: '107', nickName: 'Quill' },
          authorStats: { followerCount: 379604, heartCount: '2113899' },
        },
      }),
      'https://www.tiktok.com/@quill.quokka/video/6800000000000000005',
    );
    expect(snap).toMatchObject({ state: 'ok', handle: 'quill.quokka', followers: 379604, totalLikes: 2113899, displayName: 'Quill' });
    expect(snap.posts[0]).toMatchObject({ id: '6800000000000000005', likes: 3565, views: 44544, comments: 254, shares: 25, takenAt: 1584992742 });
  });

  it('profile 2019: legacy pageProps.userData', () => {
    const snap = fromHtml(
      next({ userData: { uniqueId: 'quill.quokka', nickName: 'Quill', fans: 4321, following: 12, heart: '99887', video: 0, digg: 3, isSecret: false } }),
      'https://www.tiktok.com/@quill.quokka',
    );
    expect(snap).toMatchObject({ state: 'empty', followers: 4321, following: 12, totalLikes: 99887, postsCount: 0, isPrivate: false });
  });
});

describe('subtrees kept by scrapers (saved JSON files)', () => {
  it('an array holding a bare userInfo {user, stats, itemList: []}', () => {
    const body = [{ user: { uniqueId: 'fern.frames', privateAccount: false }, stats: { followerCount: 3400000, followingCount: 2, heart: 51000000, heartCount: 51000000, videoCount: 61, diggCount: 0 }, itemList: [] }];
    const snap = fromJson(body, 'https://www.tiktok.com/@fern.frames');
    expect(snap).toMatchObject({ state: 'ok', followers: 3400000, followersExact: false, postsCount: 61, totalLikes: 51000000, posts: [] });
  });

  it('a bare userInfo with its own itemList', () => {
    const body = { user: { uniqueId: 'fern.frames' }, stats: { followerCount: 3412 }, itemList: [{ id: '7000000000000000001', stats: { diggCount: 12, commentCount: 1, playCount: 300, shareCount: 0 } }] };
    const snap = fromJson(body, 'https://www.tiktok.com/@fern.frames');
    expect(snap.posts).toHaveLength(1);
    expect(snap.posts[0]).toMatchObject({ id: '7000000000000000001', likes: 12, url: 'https://www.tiktok.com/@fern.frames/video/7000000000000000001' });
  });

  it('a field-trimmed itemStruct (no authorStats → followers unknown, handle from the URL)', () => {
    const body = [{ id: '7000000000000000002', createTime: '1675963028', stats: { diggCount: 1500000, shareCount: 13000, commentCount: 4572, playCount: 15000000, collectCount: '97723' } }];
    const snap = fromJson(body, 'https://www.tiktok.com/@fern.frames/video/7000000000000000002');
    expect(snap).toMatchObject({ kind: 'post', state: 'ok', handle: 'fern.frames', followers: null });
    expect(snap.posts[0]).toMatchObject({ likes: 1500000, comments: 4572, views: 15000000, shares: 13000, takenAt: 1675963028 });
  });
});

describe('stale data after in-app navigation', () => {
  const pebblePage = fixture('universal-profile.html');

  it("never shows A's numbers on B's profile; B's user/detail response then fills it", () => {
    const stale = fromHtml(pebblePage, MOSS);
    expect(stale).toMatchObject({ state: 'loading', handle: 'moss.and.moth', followers: null, totalLikes: null, posts: [] });

    // Even an item_list of A's videos arriving on B's page does not count.
    const itemsOfA = { url: 'https://www.tiktok.com/api/post/item_list/?cursor=0', body: JSON.parse(fixture('item_list-pebble.json')) as unknown };
    expect(fromHtml(pebblePage, MOSS, [itemsOfA])).toMatchObject({ state: 'loading', followers: null, posts: [] });

    const detailOfB = { url: 'https://www.tiktok.com/api/user/detail/?uniqueId=moss.and.moth', body: { userInfo: { user: { uniqueId: 'moss.and.moth' }, statsV2: { followerCount: '48213', videoCount: '57' } } } };
    const fresh = fromHtml(pebblePage, MOSS, [itemsOfA, detailOfB]);
    expect(fresh).toMatchObject({ state: 'ok', handle: 'moss.and.moth', followers: 48213, postsCount: 57, posts: [] });
  });

  it('matches the handle case-insensitively', () => {
    expect(fromHtml(pebblePage, 'https://www.tiktok.com/@PEBBLE.Bakes')).toMatchObject({ state: 'ok', followers: 2612345 });
  });

  it("does not take the author's meta for another profile either", () => {
    const snap = read({ url: MOSS, meta: { 'og:description': 'Pebble Bakes (@pebble.bakes) on TikTok | 45.7M Likes. 2.6M Followers.' }, scripts: [], responses: [] });
    expect(snap).toMatchObject({ state: 'loading', followers: null });
  });

  it('a video page uses only the item with the URL id', () => {
    const other = fromHtml(fixture('universal-video.html'), `${PEBBLE}/video/7300000000000000003`);
    expect(other).toMatchObject({ kind: 'post', state: 'loading', followers: null, posts: [] });
    const detail = { url: 'https://www.tiktok.com/api/item/detail/?itemId=7300000000000000003', body: { itemInfo: { itemStruct: itemStruct('7300000000000000003', 'pebble.bakes', { diggCount: 21034, commentCount: 341, playCount: 512345, shareCount: 75 }, { authorStats: { followerCount: 2612345 } }) } } };
    const fresh = fromHtml(fixture('universal-video.html'), `${PEBBLE}/video/7300000000000000003`, [detail]);
    expect(fresh).toMatchObject({ state: 'ok', followers: 2612345 });
    expect(fresh.posts).toEqual([expect.objectContaining({ id: '7300000000000000003', likes: 21034 })]);
  });
});

describe('states', () => {
  it('private: counts shown, no videos', () => {
    const snap = fromHtml(universalProfile('shy.snail', '1520', { privateAccount: true, secret: true }), 'https://www.tiktok.com/@shy.snail');
    expect(snap).toMatchObject({ state: 'private', isPrivate: true, followers: 1520, posts: [] });
  });

  it('empty: a public account with 0 videos (and an item_list without itemList)', () => {
    const snap = fromHtml(universalProfile('new.newt', '4', {}, { videoCount: '0' }), 'https://www.tiktok.com/@new.newt', [
      { url: 'https://www.tiktok.com/api/post/item_list/?secUid=sec_new.newt', body: { cursor: '0', hasMore: false, statusCode: 0 } },
    ]);
    expect(snap).toMatchObject({ state: 'empty', postsCount: 0, followers: 4, posts: [] });
  });

  it('loading: a profile URL with no data at all', () => {
    expect(read({ url: PEBBLE, meta: {}, scripts: [], responses: [] })).toMatchObject({ state: 'loading', followers: null, kind: 'profile' });
  });

  it('loading with a note when TikTok says the account is unavailable', () => {
    const html = jsonScript('__UNIVERSAL_DATA_FOR_REHYDRATION__', { __DEFAULT_SCOPE__: { 'webapp.user-detail': { statusCode: 10221, statusMsg: '' } } });
    const snap = fromHtml(html, 'https://www.tiktok.com/@gone.goose');
    expect(snap.state).toBe('loading');
    expect(snap.notes.join(' ')).toContain('10221');
  });

  it('unknown-layout: data blocks of a shape this reader does not know', () => {
    expect(fromJson({ data: { creator: { fans: 12 } } }, PEBBLE).state).toBe('unknown-layout');
    const unparseable = '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{"__DEFAULT_SCOPE__": {</script>';
    expect(fromHtml(unparseable, PEBBLE).state).toBe('unknown-layout');
    expect(fromHtml(jsonScript('__NEW_STORE__', { profile: { followers: 5 } }), `${PEBBLE}/video/7300000000000000002`).state).toBe('unknown-layout');
  });

  it('falls back to the rounded description meta when the page data is unreadable', () => {
    const snap = read({
      url: PEBBLE,
      meta: { 'og:description': 'Pebble Bakes (@pebble.bakes) on TikTok | 45.7M Likes. 2.6M Followers. Tiny cakes.Watch the latest video from Pebble Bakes (@pebble.bakes).' },
      scripts: [],
      responses: [{ url: PEBBLE, body: { somethingNew: true } }],
    });
    expect(snap).toMatchObject({ state: 'ok', followers: 2600000, followersExact: false, totalLikes: 45700000 });
    expect(snap.source).toContain('description meta');
  });
});

describe('helpers', () => {
  it('looksRounded: display-precision steps only', () => {
    expect([50100000, 2600000, 84900, 1500000000].map(looksRounded)).toEqual([true, true, true, true]);
    expect([37960449, 9999, 673, 2612345, 100].map(looksRounded)).toEqual([false, false, false, false, false]);
  });

  it('tiktokMetaCounts reads both the Followers and the older Fans wording', () => {
    expect(tiktokMetaCounts('TikTok (@tiktok) on TikTok | 246M Likes. 50.1M Fans. It Starts On TikTok')).toEqual({
      handle: 'tiktok',
      followers: { value: 50100000, exact: false },
      hearts: { value: 246000000, exact: false },
    });
    expect(tiktokMetaCounts('Small (@small_one) on TikTok | 10 Likes. 5 Followers.')?.followers).toEqual({ value: 5, exact: true });
    expect(tiktokMetaCounts('no handle here: 5 Followers')).toBeNull();
  });
});

describe('garbage never throws and never yields NaN', () => {
  it('treats wrong types, negatives, huge numbers and hostile strings as unknown', () => {
    const body = {
      userInfo: {
        user: { uniqueId: 'odd.otter', nickname: { evil: true }, signature: '<img src=x onerror=alert(1)>', privateAccount: 'yes' },
        stats: { followerCount: -5, followingCount: 1e300, heartCount: 'NaN', videoCount: [3] },
        statsV2: { followerCount: 'Infinity', followingCount: '', heartCount: true },
      },
      itemList: [
        { id: '7000000000000000003', author: { uniqueId: 'odd.otter' }, stats: { diggCount: '12', commentCount: null, playCount: {}, shareCount: -1 } },
        { id: 'not-an-id', stats: { diggCount: 1 } },
        // A 19-digit id sent as a JSON number has lost its last digits: not usable.
        JSON.parse('{"id": 7000000000000000004, "stats": {"diggCount": 1}}') as unknown,
        'string item',
        null,
      ],
    };
    const snap = fromJson(body, 'https://www.tiktok.com/@odd.otter');
    expect(snap).toMatchObject({ followers: null, following: null, totalLikes: null, postsCount: null, displayName: null, isPrivate: null });
    expect(snap.bio).toBe('<img src=x onerror=alert(1)>');
    expect(snap.posts).toHaveLength(1);
    expect(snap.posts[0]).toMatchObject({ id: '7000000000000000003', likes: 12, comments: null, views: null, shares: null });
  });

  it('survives deep nesting and arbitrary JSON bodies and scripts', () => {
    let deep: unknown = { userInfo: { user: { uniqueId: 'pebble.bakes' }, stats: { followerCount: 1 } } };
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(fromJson(deep, PEBBLE).followers).toBeNull();

    const urls = fc.constantFrom(PEBBLE, `${PEBBLE}/video/7300000000000000002`, 'https://www.tiktok.com/@x/photo/12345');
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), urls, (body, scriptText, url) => {
        const data: PageData = {
          url,
          meta: { 'og:description': scriptText },
          scripts: [
            { type: 'application/json', id: '__UNIVERSAL_DATA_FOR_REHYDRATION__', text: JSON.stringify({ __DEFAULT_SCOPE__: { 'webapp.user-detail': { userInfo: body } } }) },
            { type: null, id: null, text: `window['SIGI_STATE']=${scriptText}` },
          ],
          responses: [{ url, body }, { url, body: { itemList: [body], hasMore: false, cursor: 0 } }],
        };
        const snap = tiktokReader.read(data);
        expect(snap).not.toBeNull();
        for (const n of [snap?.followers, snap?.following, snap?.totalLikes, snap?.postsCount, ...(snap?.posts ?? []).flatMap((p) => [p.likes, p.comments, p.views, p.shares])]) {
          if (n !== null && n !== undefined) expect(Number.isFinite(n) && n >= 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('locate never throws for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.webUrl(), (s, u) => {
        expect(['profile', 'post', 'other']).toContain(locateTikTok(s).kind);
        expect(['profile', 'post', 'other']).toContain(locateTikTok(u).kind);
        expect(['profile', 'post', 'other']).toContain(locateTikTok(`https://www.tiktok.com/@${s}`).kind);
      }),
    );
  });
});

describe('pinned videos', () => {
  // Made-up videos of one account; the pinned rule is decided from `pinned` and the dates alone.
  const T = 1_700_000_000;
  const DAY = 86_400;
  const video = (id: string, daysAgo: number, likes: number, extra: Record<string, unknown> = {}) =>
    itemStruct(id, 'pebble.bakes', { playCount: likes * 10, diggCount: likes, commentCount: 10, shareCount: 1 }, { createTime: T - daysAgo * DAY, ...extra });
  const list = (...items: unknown[]) => fromJson({ itemList: items, hasMore: false }, PEBBLE, 'https://www.tiktok.com/api/post/item_list/?secUid=x');

  it('lists a pinned video older than the recent ones, marked pinned, and leaves it out of the rates', () => {
    const snap = list(
      video('7300000000000000001', 200, 300_000, { isPinnedItem: true }),
      video('7300000000000000002', 1, 800),
      video('7300000000000000003', 3, 700),
    );
    expect(snap.posts.map((p) => [p.id, p.pinned === true])).toEqual([
      ['7300000000000000001', true],
      ['7300000000000000002', false],
      ['7300000000000000003', false],
    ]);
    expect(snap.notes.join(' ')).toMatch(/1 pinned video left out/);
    const a = analyzeSnapshot(snap, { now: T });
    expect(a.pinnedLeftOut).toBe(1);
    expect(a.averages.likes).toBe(750);
    expect(a.byViews.used).toBe(2);
  });

  it('counts a pinned video posted within the span of the recent ones', () => {
    const snap = list(
      video('7300000000000000001', 2, 900, { isPinnedItem: true }),
      video('7300000000000000002', 1, 800),
      video('7300000000000000003', 3, 700),
    );
    expect(snap.posts[0]?.pinned).toBe(true);
    expect(snap.notes.join(' ')).not.toMatch(/pinned/);
    const a = analyzeSnapshot(snap, { now: T });
    expect(a.pinnedLeftOut).toBe(0);
    expect(a.averages.likes).toBe(800);
    expect(a.byViews.used).toBe(3);
  });
});

