import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageDataFromHtml } from '../../../lib/platforms/page';
import type { PageData, Snapshot } from '../../../lib/platforms/types';
import { assignedJson, locateYoutube, youtubeCaptures, youtubeReader } from '../../../lib/platforms/youtube';
import { creatorLabel, isYoutubeChannelId, profileUrlFor } from '../../../lib/platforms/profile-url';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import {
  MAPLE,
  OLD_TIMER,
  ORBIT,
  appendTiles,
  c4Header,
  chaptersPanel,
  commentsContinuation,
  commentsEntryPoint,
  commentsPanel,
  continuationItem,
  descriptionPanel,
  gridVideo,
  homeChannelBody,
  likeCountMutation,
  lockup,
  newShortsBody,
  oldChannelBody,
  oldShortsBody,
  pageHeader,
  playerBody,
  reelItem,
  reloadTiles,
  roundedLikeEntity,
  richChannelBody,
  richVideo,
  segmentedRendererLike,
  segmentedViewModelLike,
  shortsLockup,
  toggleLike,
  viewCount,
  watchBody,
} from '../fixtures/youtube/bodies';

const BROWSE = 'https://www.youtube.com/youtubei/v1/browse?prettyPrint=false';
const NEXT = 'https://www.youtube.com/youtubei/v1/next?prettyPrint=false';
const PLAYER = 'https://www.youtube.com/youtubei/v1/player?prettyPrint=false';

/** Page data holding captured responses (as after in-app navigation, or a saved JSON body). */
function captured(url: string, ...responses: Array<[string, unknown]>): PageData {
  return { url, meta: {}, scripts: [], responses: responses.map(([requestUrl, body]) => ({ url: requestUrl, body })) };
}

/** A first page load: `ytInitialData` (and player response) embedded in inline scripts. */
function embedded(url: string, data: unknown, player?: unknown): PageData {
  const scripts = [`var ytInitialData = ${JSON.stringify(data)};`];
  if (player) scripts.push(`var ytInitialPlayerResponse = ${JSON.stringify(player)};var meta = document.createElement('meta');`);
  return pageDataFromHtml(`<html><head></head><body>${scripts.map((s) => `<script nonce="n0nce">${s}</script>`).join('')}</body></html>`, url);
}

function read(data: PageData): Snapshot {
  const snap = youtubeReader.read(data);
  if (!snap) throw new Error('expected a snapshot');
  return snap;
}

const views = (snap: Snapshot) => snap.posts.map((p) => [p.id, p.views]);

/** Every number in a snapshot is null or a finite, non-negative count. */
function numbersAreSane(snap: Snapshot | null): boolean {
  if (!snap) return true;
  const counts = [snap.followers, snap.following, snap.postsCount, snap.totalLikes];
  for (const p of snap.posts) counts.push(p.likes, p.comments, p.views, p.shares, p.reach, p.impressions, p.takenAt);
  return counts.every((n) => n === null || (Number.isFinite(n) && n >= 0));
}

describe('locate', () => {
  const profile = (handle: string | null, profileUrl: string) => ({ platform: 'youtube', kind: 'profile', handle, postId: null, profileUrl });
  const post = (postId: string) => ({ platform: 'youtube', kind: 'post', handle: null, postId, profileUrl: null });

  it.each([
    ['https://www.youtube.com/@MapleForge', profile('MapleForge', 'https://www.youtube.com/@MapleForge')],
    ['https://www.youtube.com/@MapleForge/videos', profile('MapleForge', 'https://www.youtube.com/@MapleForge')],
    ['https://www.youtube.com/@MapleForge/shorts?view=0', profile('MapleForge', 'https://www.youtube.com/@MapleForge')],
    ['https://www.youtube.com/@MapleForge/streams', profile('MapleForge', 'https://www.youtube.com/@MapleForge')],
    ['https://youtube.com/@MapleForge/featured', profile('MapleForge', 'https://www.youtube.com/@MapleForge')],
    ['https://m.youtube.com/@quiet.orbit-2', profile('quiet.orbit-2', 'https://www.youtube.com/@quiet.orbit-2')],
    ['https://www.youtube.com/@%E3%83%A1%E3%83%BC%E3%83%97%E3%83%AB', profile('メープル', 'https://www.youtube.com/@メープル')],
    ['https://www.youtube.com/channel/UCmapleforge0000000000001', profile(null, 'https://www.youtube.com/channel/UCmapleforge0000000000001')],
    ['https://www.youtube.com/channel/UCmapleforge0000000000001/videos', profile(null, 'https://www.youtube.com/channel/UCmapleforge0000000000001')],
    ['https://www.youtube.com/c/OldTimerShow/videos', profile(null, 'https://www.youtube.com/c/OldTimerShow')],
    ['https://www.youtube.com/user/oldtimer', profile(null, 'https://www.youtube.com/user/oldtimer')],
    ['youtube.com/@MapleForge', profile('MapleForge', 'https://www.youtube.com/@MapleForge')],
  ])('%s is a channel page', (url, expected) => {
    expect(locateYoutube(url)).toEqual(expected);
  });

  it.each([
    ['https://www.youtube.com/watch?v=aaaaaaaaaa1', 'aaaaaaaaaa1'],
    ['https://www.youtube.com/watch?app=desktop&v=aaaaaaaaaa1&t=42s', 'aaaaaaaaaa1'],
    ['https://m.youtube.com/watch?v=a-b_cdefgh1', 'a-b_cdefgh1'],
    ['https://www.youtube.com/shorts/shortshort1', 'shortshort1'],
    ['https://www.youtube.com/live/livelivelv1?si=abc', 'livelivelv1'],
    ['https://youtu.be/aaaaaaaaaa1?si=share', 'aaaaaaaaaa1'],
  ])('%s is a watch page', (url, id) => {
    expect(locateYoutube(url)).toEqual(post(id));
  });

  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/feed/subscriptions',
    'https://www.youtube.com/results?search_query=maple',
    'https://www.youtube.com/playlist?list=PLmadeup',
    'https://www.youtube.com/watch',
    'https://www.youtube.com/watch?v=tooshort',
    'https://www.youtube.com/watch?v=aaaaaaaaaa1/extra',
    'https://www.youtube.com/shorts/',
    'https://www.youtube.com/@',
    'https://www.youtube.com/@MapleForge/videos/extra',
    'https://www.youtube.com/channel/',
    'https://www.youtube.com/account',
    'https://music.youtube.com/watch?v=aaaaaaaaaa1',
    'https://www.youtube.com.evil.example/@MapleForge',
    'https://youtu.be/',
    'ftp://www.youtube.com/@MapleForge',
    'javascript:alert(1)',
    '',
    '@@@',
    'https://www.youtube.com/@<script>',
    `https://www.youtube.com/@${'a'.repeat(5000)}`,
  ])('%s is not a page the reader reads', (url) => {
    expect(locateYoutube(url).kind).toBe('other');
    expect(youtubeReader.read({ url, meta: {}, scripts: [], responses: [] })).toBeNull();
  });

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom('https://www.youtube.com/').chain((b) => fc.string().map((s) => b + s))), (url) => {
        const loc = locateYoutube(url);
        return ['profile', 'post', 'other'].includes(loc.kind);
      }),
    );
    expect(locateYoutube(42 as unknown as string).kind).toBe('other');
  });

  it('captures only the web client’s browse, next, player and Shorts requests', () => {
    const wanted = (u: string) => youtubeCaptures.some((re) => re.test(u));
    expect(wanted(BROWSE)).toBe(true);
    expect(wanted(NEXT)).toBe(true);
    expect(wanted(PLAYER)).toBe(true);
    expect(wanted('https://m.youtube.com/youtubei/v1/next')).toBe(true);
    expect(wanted('https://www.youtube.com/youtubei/v1/reel/reel_item_watch?prettyPrint=false')).toBe(true);
    expect(wanted('https://www.youtube.com/youtubei/v1/log_event')).toBe(false);
    expect(wanted('https://www.youtube.com/youtubei/v1/browseX')).toBe(false);
    expect(wanted('https://evil.example/youtubei/v1/browse')).toBe(false);
  });
});

describe('channel pages', () => {
  it('reads the 2021 layout: c4TabbedHeaderRenderer + gridVideoRenderer, exact views over short ones', () => {
    const body = oldChannelBody(OLD_TIMER, c4Header(OLD_TIMER, '3.4M subscribers', { spoken: '3.4 million subscribers', videos: '1,204 videos', verified: true }), [
      gridVideo('oldvideo001', '1,048,577 views', '1M views'),
      gridVideo('oldvideo002', '2,001 views', '2K views'),
      { continuationItemRenderer: {} },
    ]);
    const snap = read(captured(`https://www.youtube.com/channel/${OLD_TIMER.id}/videos`, [BROWSE, body]));
    expect(snap).toMatchObject({
      platform: 'youtube',
      kind: 'profile',
      state: 'ok',
      // A /c/ custom name is not an @handle: a channel without one is keyed by its channel id.
      handle: OLD_TIMER.id,
      displayName: 'Old Timer',
      followers: 3_400_000,
      followersExact: false,
      postsCount: 1204,
      isVerified: true,
      bio: 'Made-up channel Old Timer',
    });
    expect(views(snap)).toEqual([
      ['oldvideo001', 1_048_577],
      ['oldvideo002', 2001],
    ]);
    expect(snap.posts[0]).toMatchObject({ url: 'https://www.youtube.com/watch?v=oldvideo001', likes: null, comments: null, shares: null });
    expect(snap.source).toContain('c4TabbedHeaderRenderer');
    expect(snap.notes).toContain('Likes and comments are not shown on channel pages; views only');
    expect(snap.notes).toContain('Subscriber count is rounded by YouTube');
  });

  it('takes the @handle from a c4 header that shows one, and an exact small count as exact', () => {
    const body = oldChannelBody(MAPLE, c4Header(MAPLE, '83 subscribers'), [gridVideo('oldvideo001', '12 views', '12 views')]);
    const snap = read(captured('https://www.youtube.com/@mapleforge', [BROWSE, body]));
    expect(snap).toMatchObject({ handle: 'MapleForge', followers: 83, followersExact: true, isVerified: false });
  });

  it('reads the 2024 layout: pageHeaderViewModel text parts + richItemRenderer/videoRenderer', () => {
    const header = pageHeader(MAPLE, [['@MapleForge'], [{ content: '22.1M subscribers', label: '22.1 million subscribers' }, '546 videos']]);
    const body = richChannelBody(MAPLE, header, [richVideo('richvideo01', '4,763,309 views', '4.7M views'), richVideo('richvideo02', null, '16M views'), continuationItem()]);
    const snap = read(captured('https://www.youtube.com/@MapleForge/videos', [BROWSE, body]));
    expect(snap).toMatchObject({ state: 'ok', handle: 'MapleForge', followers: 22_100_000, followersExact: false, postsCount: 546, displayName: 'Maple Forge' });
    expect(views(snap)).toEqual([
      ['richvideo01', 4_763_309],
      ['richvideo02', 16_000_000],
    ]);
    expect(snap.source).toContain('pageHeaderViewModel');
  });

  it('reads the 2025+ layout: lockupViewModel tiles with abbreviated views only (en-GB lowercase)', () => {
    const header = pageHeader(ORBIT, [['@quietorbit'], ['5.04m subscribers', '18k videos']]);
    const body = richChannelBody(ORBIT, header, [
      lockup('lockupvid01', ['26k views', '17 hours ago']),
      lockup('lockupvid02', ['3 days ago', '1.2m views']),
      lockup('lockupvid03', ['No views', '1 minute ago']),
      lockup('PLplaylist1', ['Playlist'], 'LOCKUP_CONTENT_TYPE_PLAYLIST'),
    ]);
    const snap = read(captured('https://www.youtube.com/@quietorbit/videos', [BROWSE, body]));
    expect(snap).toMatchObject({ handle: 'quietorbit', followers: 5_040_000, postsCount: 18_000 });
    // "No views" is not a count: unknown, never a made-up 0.
    expect(views(snap)).toEqual([
      ['lockupvid01', 26_000],
      ['lockupvid02', 1_200_000],
      ['lockupvid03', null],
    ]);
    expect(snap.notes).toContain('View counts on this tab are rounded by YouTube');
    expect(snap.notes).toContain('Video count is rounded by YouTube');
  });

  it('reads the Shorts tab: shortsLockupViewModel (overlay text, else the spoken label) and older reelItemRenderer', () => {
    const header = pageHeader(MAPLE, [['@MapleForge'], ['4.32m subscribers', '466 videos']]);
    const body = richChannelBody(
      MAPLE,
      header,
      [
        shortsLockup('shortsvid01', '895k views', 'Top 10 tips, 3 tricks, 895 thousand views – play Short'),
        shortsLockup('shortsvid02', null, 'Lunch, 4.8 million views – play Short', false),
        reelItem('reelvideo01', '1.1M views'),
      ],
      'shorts',
    );
    const snap = read(captured('https://www.youtube.com/@MapleForge/shorts', [BROWSE, body]));
    expect(views(snap)).toEqual([
      ['shortsvid01', 895_000],
      ['shortsvid02', 4_800_000],
      ['reelvideo01', 1_100_000],
    ]);
    expect(snap.posts.map((p) => p.url)).toEqual([
      'https://www.youtube.com/shorts/shortsvid01',
      'https://www.youtube.com/shorts/shortsvid02',
      'https://www.youtube.com/shorts/reelvideo01',
    ]);
  });

  it('reads a localised header by its words, not by position', () => {
    const header = pageHeader(MAPLE, [['@MapleForge', '345 Videos', { content: '1,2 Mio. Abonnenten', label: '1,2 Millionen Abonnenten' }]]);
    const body = richChannelBody(MAPLE, header, [lockup('lockupvid01', ['26.000 Aufrufe', 'vor 1 Tag'])]);
    const snap = read(captured('https://www.youtube.com/@MapleForge', [BROWSE, body]));
    expect(snap).toMatchObject({ followers: 1_200_000, postsCount: 345 });
    expect(views(snap)).toEqual([['lockupvid01', 26_000]]);
  });

  it('on the Home tab counts only the channel’s own videos, once each (no featured trailer, other channels or duplicates)', () => {
    const header = pageHeader(MAPLE, [['@MapleForge'], ['1.5K subscribers', '40 videos']]);
    const body = homeChannelBody(
      MAPLE,
      header,
      [
        [gridVideo('homevideo01', '1,000 views', '1K views'), gridVideo('homevideo02', '2,000 views', '2K views')],
        [richVideo('homevideo01', '1,000 views', '1K views').richItemRenderer.content, richVideo('othervideo1', '50,000 views', '50K views', ORBIT).richItemRenderer.content],
      ],
      'featuredvid',
    );
    const snap = read(captured('https://www.youtube.com/@MapleForge', [BROWSE, body]));
    expect(snap.state).toBe('ok');
    expect(views(snap)).toEqual([
      ['homevideo01', 1000],
      ['homevideo02', 2000],
    ]);
  });

  it('adds tiles from continuations that arrive later, and a sort chip’s reload replaces them', () => {
    const header = pageHeader(MAPLE, [['@MapleForge'], ['1.5K subscribers', '40 videos']]);
    const first = richChannelBody(MAPLE, header, [richVideo('richvideo01', '10 views', '10 views'), continuationItem()]);
    const url = 'https://www.youtube.com/@MapleForge/videos';
    const more = appendTiles([richVideo('richvideo02', '20 views', '20 views'), richVideo('richvideo01', '10 views', '10 views')]);
    expect(views(read({ ...embedded(url, first), responses: [{ url: BROWSE, body: more }] }))).toEqual([
      ['richvideo01', 10],
      ['richvideo02', 20],
    ]);
    const popular = reloadTiles([richVideo('popularvid1', '9,000 views', '9K views')]);
    expect(views(read({ ...embedded(url, first), responses: [{ url: BROWSE, body: more }, { url: BROWSE, body: popular }] }))).toEqual([['popularvid1', 9000]]);
  });

  it('reads ytInitialData in all its embeddings: var, window["…"], and the mobile site’s escaped string', () => {
    const body = richChannelBody(MAPLE, pageHeader(MAPLE, [['@MapleForge'], ['7 subscribers']]), [richVideo('richvideo01', '3 views', '3 views')]);
    const json = JSON.stringify(body);
    const escaped = json.replace(/[{}"<>&\\']/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    const forms = [
      `var ytInitialData = ${json};`,
      `window["ytInitialData"] = ${json};window["ytInitialPlayerResponse"] = null;`,
      `if (window.ytInitialData === undefined) {} var ytInitialData = '${escaped}'; if (window.ytcsi) {}`,
    ];
    for (const script of forms) {
      const snap = read(pageDataFromHtml(`<script>${script}</script>`, 'https://m.youtube.com/@MapleForge'));
      expect(snap).toMatchObject({ state: 'ok', followers: 7, handle: 'MapleForge' });
      expect(snap.source).toContain('ytInitialData');
    }
    expect(assignedJson('ytInitialData == x; ytInitialData = {"a":1}; ytInitialDataX = {"b":2}', 'ytInitialData')).toEqual([{ a: 1 }]);
  });

  it('says when the subscriber count is hidden, and when a video tab is empty', () => {
    const hidden = richChannelBody(MAPLE, c4Header(MAPLE, null, { videos: '3 videos' }), [richVideo('richvideo01', '3 views', '3 views')]);
    const snap = read(captured('https://www.youtube.com/@MapleForge/videos', [BROWSE, hidden]));
    expect(snap).toMatchObject({ state: 'ok', followers: null, postsCount: 3 });
    expect(snap.notes).toContain('Subscriber count is hidden on this channel');

    const empty = richChannelBody(MAPLE, pageHeader(MAPLE, [['@MapleForge'], ['12 subscribers']]), []);
    expect(read(captured('https://www.youtube.com/@MapleForge/videos', [BROWSE, empty]))).toMatchObject({ state: 'empty', followers: 12, posts: [] });
    const zero = richChannelBody(MAPLE, pageHeader(MAPLE, [['@MapleForge'], ['12 subscribers', '0 videos']]), [], 'featured');
    expect(read(captured('https://www.youtube.com/@MapleForge', [BROWSE, zero]))).toMatchObject({ state: 'empty', postsCount: 0 });
  });

  it('is unknown-layout for a body of a shape it does not know, and loading when the page has no data yet', () => {
    const url = 'https://www.youtube.com/@MapleForge';
    const odd = read(captured(url, [BROWSE, { frameworkV9: { channel: { subscribers: 5 } } }]));
    expect(odd).toMatchObject({ state: 'unknown-layout', followers: null, posts: [] });
    const newHeader = { ...richChannelBody(MAPLE, { channelHeaderV9Renderer: { subs: '5 subscribers' } }, []), metadata: { channelMetadataRenderer: { externalId: MAPLE.id } } };
    expect(read(captured(url, [BROWSE, newHeader]))).toMatchObject({ state: 'unknown-layout', followers: null });
    expect(read({ url, meta: {}, scripts: [{ type: null, id: null, text: 'var x = 1;' }], responses: [] })).toMatchObject({ state: 'loading', followers: null, handle: 'MapleForge' });
  });
});

describe('stale data after in-app navigation', () => {
  const mapleBody = richChannelBody(MAPLE, pageHeader(MAPLE, [['@MapleForge'], ['9.9M subscribers', '100 videos']]), [richVideo('maplevideo1', '1,000,000 views', '1M views')]);
  const orbitBody = richChannelBody(ORBIT, pageHeader(ORBIT, [['@quietorbit'], ['12.3K subscribers', '7 videos']]), [richVideo('orbitvideo1', '4,321 views', '4.3K views')]);

  it('shows loading, not the previous channel’s numbers, until the new channel’s response arrives', () => {
    const url = 'https://www.youtube.com/@QuietOrbit/videos';
    const before = read(embedded(url, mapleBody));
    expect(before).toMatchObject({ state: 'loading', followers: null, posts: [], handle: 'QuietOrbit' });

    const after = read({ ...embedded(url, mapleBody), responses: [{ url: BROWSE, body: orbitBody }] });
    expect(after).toMatchObject({ state: 'ok', followers: 12_300, handle: 'quietorbit' });
    expect(views(after)).toEqual([['orbitvideo1', 4321]]);
  });

  it('checks /channel/ID URLs against the channel id, and going back uses the matching older body', () => {
    const url = `https://www.youtube.com/channel/${MAPLE.id}`;
    expect(read(captured(url, [BROWSE, orbitBody]))).toMatchObject({ state: 'loading', followers: null });
    expect(read({ ...embedded(url, mapleBody), responses: [{ url: BROWSE, body: orbitBody }] })).toMatchObject({ state: 'ok', followers: 9_900_000 });
  });

  it('does not add a continuation to a channel it does not belong to', () => {
    const url = 'https://www.youtube.com/@MapleForge';
    const data = { ...embedded(url, mapleBody), responses: [{ url: BROWSE, body: orbitBody }, { url: BROWSE, body: appendTiles([richVideo('orbitvideo2', '1 view', '1 view')]) }] };
    expect(views(read(data))).toEqual([['maplevideo1', 1_000_000]]);
  });

  it('accepts a body that cannot be checked (pre-handle era bodies name no @handle)', () => {
    const old = oldChannelBody(OLD_TIMER, c4Header(OLD_TIMER, '2.2M subscribers'), [gridVideo('oldvideo001', '5 views', '5 views')]);
    expect(read(captured('https://www.youtube.com/@oldtimer', [BROWSE, old]))).toMatchObject({ state: 'ok', followers: 2_200_000, handle: 'oldtimer' });
    // …but a /c/ URL is checked against the /c/ name the body does carry.
    expect(read(captured('https://www.youtube.com/c/SomeoneElse', [BROWSE, old]))).toMatchObject({ state: 'loading' });
    expect(read(captured('https://www.youtube.com/c/oldtimershow', [BROWSE, old]))).toMatchObject({ state: 'ok' });
  });

  it('on a watch page uses only data for the video in the URL', () => {
    const url = 'https://www.youtube.com/watch?v=videobbbbb2';
    const a = watchBody('videoaaaaa1', { views: viewCount('111,111 views', '111K views'), likeButton: toggleLike('1K', '1,111 likes') });
    const b = watchBody('videobbbbb2', { views: viewCount('222,222 views', '222K views'), likeButton: toggleLike('2K', '2,222 likes') });
    const before = read(embedded(url, a, playerBody('videoaaaaa1', '111112')));
    expect(before).toMatchObject({ state: 'loading', followers: null, posts: [] });

    const after = read({ ...embedded(url, a, playerBody('videoaaaaa1', '111112')), responses: [{ url: NEXT, body: b }] });
    expect(after.state).toBe('ok');
    expect(after.posts[0]).toMatchObject({ id: 'videobbbbb2', views: 222_222, likes: 2222 });

    // A channel page visited in between does not leak into the watch page either.
    const viaChannel = read({ ...embedded(url, mapleBody), responses: [] });
    expect(viaChannel).toMatchObject({ state: 'loading', posts: [] });
  });
});

describe('a channel without an @handle', () => {
  const body = () => oldChannelBody(OLD_TIMER, c4Header(OLD_TIMER, '3.4M subscribers', { videos: '1,204 videos' }), [gridVideo('oldvideo001', '1,048,577 views', '1M views')]);

  it.each([
    `https://www.youtube.com/channel/${OLD_TIMER.id}/videos`,
    'https://www.youtube.com/c/OldTimerShow/videos',
    'https://www.youtube.com/user/OldTimerShow',
  ])('is keyed by its channel id and named by its title: %s', (url) => {
    const snap = read(captured(url, [BROWSE, body()]));
    expect(snap).toMatchObject({ kind: 'profile', state: 'ok', handle: OLD_TIMER.id, displayName: 'Old Timer', followers: 3_400_000 });
  });

  it('keeps the same key while its data is loading', () => {
    expect(read(captured(`https://www.youtube.com/channel/${OLD_TIMER.id}`))).toMatchObject({ state: 'loading', handle: OLD_TIMER.id });
  });

  it('links and names a channel-id key as a channel, an @handle as a handle', () => {
    expect(isYoutubeChannelId(OLD_TIMER.id)).toBe(true);
    expect(isYoutubeChannelId('quietorbit')).toBe(false);
    expect(profileUrlFor('youtube', OLD_TIMER.id)).toBe(`https://www.youtube.com/channel/${OLD_TIMER.id}`);
    expect(profileUrlFor('youtube', 'quietorbit')).toBe('https://www.youtube.com/@quietorbit');
    expect(creatorLabel('youtube', OLD_TIMER.id, 'Old Timer')).toBe('Old Timer');
    expect(creatorLabel('youtube', OLD_TIMER.id, null)).toBe(OLD_TIMER.id);
    expect(creatorLabel('youtube', 'quietorbit', 'Quiet Orbit')).toBe('@quietorbit');
    expect(creatorLabel('instagram', null)).toBeNull();
  });
});

describe('pinned posts on YouTube', () => {
  it('marks no tile pinned: the channel’s featured video on the Home tab is not a recent upload', () => {
    const home = homeChannelBody(ORBIT, pageHeader(ORBIT, [['@quietorbit'], ['12.3K subscribers', '7 videos']]), [[richVideo('orbitvideo1', '4,321 views', '4.3K views')]], 'featuredvid');
    const snap = read(captured('https://www.youtube.com/@quietorbit', [BROWSE, home]));
    expect(snap.posts.map((p) => p.id)).toEqual(['orbitvideo1']);
    expect(snap.posts.every((p) => p.pinned === undefined)).toBe(true);
    expect(analyzeSnapshot(snap).pinnedLeftOut).toBe(0);
  });
});

describe('watch pages', () => {
  const url = 'https://www.youtube.com/watch?v=videoaaaaa1';

  it('reads the pre-2023 toggleButtonRenderer: the exact label wins over "351K"; no comment count is unknown', () => {
    const body = watchBody('videoaaaaa1', {
      views: viewCount('21,916,064 views', '21M views'),
      likeButton: toggleLike('351K', '351,610 likes'),
      owner: ORBIT,
      ownerPath: `/channel/${ORBIT.id}`,
      subscribers: '18.2M subscribers',
      panels: [chaptersPanel()],
    });
    const snap = read(captured(url, [NEXT, body]));
    // The page names the owner by channel id only: the id is the author's key.
    expect(snap).toMatchObject({ kind: 'post', state: 'ok', handle: ORBIT.id, displayName: 'Quiet Orbit', followers: 18_200_000, followersExact: false, isVerified: true });
    expect(snap.posts).toEqual([
      {
        id: 'videoaaaaa1',
        url: 'https://www.youtube.com/watch?v=videoaaaaa1',
        views: 21_916_064,
        likes: 351_610,
        comments: null,
        shares: null,
        reach: null,
        impressions: null,
        takenAt: null,
        likesHidden: false,
        // The title as the caption; no player response, so whether it declares paid promotion is unknown.
        caption: 'Made-up video videoaaaaa1',
        mentions: [],
        hashtags: [],
        sponsored: null,
      },
    ]);
    // Said once, and the like rate (likes ÷ views) stands where the ER cannot.
    expect(snap.notes.filter((n) => /comment/i.test(n))).toEqual(['Comment count not on this page']);
    const a = analyzeSnapshot(snap);
    expect(a.engagement.mean).toBeNull();
    expect(a.likeRate.mean).toBeCloseTo((351_610 / 21_916_064) * 100, 10);
  });

  it('reads the 2023 segmentedLikeDislikeButtonRenderer and the comments entry point', () => {
    const body = watchBody('videoaaaaa1', {
      views: viewCount('22,023,758 views', '22M views'),
      likeButton: segmentedRendererLike('352K', '352,552 likes'),
      comments: [commentsEntryPoint('28K')],
      subscribers: '19.5M subscribers',
    });
    const snap = read(captured(url, [NEXT, body]));
    expect(snap.handle).toBe('MapleForge');
    expect(snap.posts[0]).toMatchObject({ views: 22_023_758, likes: 352_552, comments: 28_000 });
    expect(snap.notes).toContain('Comment count is rounded by YouTube');
  });

  it('reads the 2024+ segmentedLikeDislikeButtonViewModel: exact likes only in the accessibility text', () => {
    const body = watchBody('videoaaaaa1', {
      views: viewCount('22,087,933 views', '22M views'),
      likeButton: segmentedViewModelLike('350K', 'like this video along with 350,374 other people'),
      panels: [commentsPanel('28K')],
    });
    const snap = read(captured(url, [NEXT, body]));
    expect(snap.posts[0]).toMatchObject({ views: 22_087_933, likes: 350_374, comments: 28_000 });
    // The sidebar's own like model (99,000) and the end screen's videos never leak in.
  });

  it('prefers the exact likeCountEntity, counting the viewer’s own like when they liked it', () => {
    const indifferent = watchBody('videoaaaaa1', {
      likeButton: segmentedViewModelLike('1.2K', 'like this video'),
      frameworkUpdates: likeCountMutation('1234', '1235'),
    });
    expect(read(captured(url, [NEXT, indifferent])).posts[0]?.likes).toBe(1234);
    const liked = watchBody('videoaaaaa1', {
      likeButton: segmentedViewModelLike('1.2K', 'like this video', 'LIKE'),
      frameworkUpdates: likeCountMutation('1234', '1235'),
    });
    expect(read(captured(url, [NEXT, liked])).posts[0]?.likes).toBe(1235);
  });

  it('prefers an exact count wherever it comes from over a rounded one found first', () => {
    const body = watchBody('videoaaaaa1', {
      views: viewCount('1.5M views', '1.5M views'),
      likeButton: segmentedViewModelLike('12K', 'like this video along with 12,345 other people'),
      frameworkUpdates: roundedLikeEntity('12K'),
      panels: [descriptionPanel('1.5M views', [['12K', 'Likes'], ['1,534,567', 'Views'], ['2024', '1 Mar']])],
    });
    const snap = read(captured(url, [NEXT, body]));
    expect(snap.posts[0]).toMatchObject({ views: 1_534_567, likes: 12_345 });
    expect(snap.notes).not.toContain('View count is rounded by YouTube');
    // With only rounded sources, the rounded value stands and says so.
    const rounded = watchBody('videoaaaaa1', { views: viewCount('1.5M views', '1.5M views'), panels: [descriptionPanel('1.5M views', [['12K', 'Likes']])] });
    const roundedSnap = read(captured(url, [NEXT, rounded]));
    expect(roundedSnap.posts[0]).toMatchObject({ views: 1_500_000, likes: 12_000 });
    expect(roundedSnap.notes).toEqual(expect.arrayContaining(['View count is rounded by YouTube', 'Like count is rounded by YouTube']));
  });

  it('takes the exact view count and date from the player response over the rounded text', () => {
    const body = watchBody('videoaaaaa1', { views: viewCount('1.5M views', '1.5M views'), likeButton: toggleLike('10K', null) });
    const snap = read(embedded(url, body, playerBody('videoaaaaa1', '1534567', { publishDate: '2024-03-01T10:00:00-08:00' })));
    expect(snap.posts[0]).toMatchObject({ views: 1_534_567, likes: 10_000, takenAt: 1709316000 });
    expect(snap.source).toContain('ytInitialPlayerResponse');
    expect(snap.notes).toContain('Like count is rounded by YouTube');
  });

  it('gives no views for a premiere ("6 waiting") or a live stream, with a note, even if the player says 0', () => {
    const premiere = watchBody('videoaaaaa1', { views: { videoViewCountRenderer: { viewCount: { runs: [{ text: '6' }, { text: ' waiting' }] }, isLive: true } }, likeButton: toggleLike('7', '7 likes') });
    const snap = read(embedded(url, premiere, playerBody('videoaaaaa1', '0', { upcoming: true })));
    expect(snap.state).toBe('ok');
    expect(snap.posts[0]).toMatchObject({ views: null, likes: 7 });
    expect(snap.notes).toContain('Premiere or scheduled stream: no views yet ("6 waiting")');

    const live = watchBody('videoaaaaa1', { views: { videoViewCountRenderer: { viewCount: { runs: [{ text: '1,234' }, { text: ' watching now' }] }, isLive: true } } });
    const liveSnap = read(captured(url, [NEXT, live]));
    expect(liveSnap.posts[0]?.views).toBeNull();
    expect(liveSnap.notes[0]).toMatch(/^Live now/);
  });

  it('marks likes hidden when the button shows no count', () => {
    const body = watchBody('videoaaaaa1', { views: viewCount('5,000 views', '5K views'), likeButton: segmentedViewModelLike('Like', 'I like this') });
    const snap = read(captured(url, [NEXT, body]));
    expect(snap.posts[0]).toMatchObject({ likes: null, likesHidden: true });
    expect(snap.notes).toContain('The like count is hidden on this video');
  });

  it('takes the exact total from the comments continuation that arrives for this video', () => {
    const body = watchBody('videoaaaaa1', { views: viewCount('5,000 views', '5K views'), comments: [commentsEntryPoint('1.2K')] });
    const snap = read(captured(url, [NEXT, body], [NEXT, commentsContinuation(['1,234', ' Comments'])]));
    expect(snap.posts[0]?.comments).toBe(1234);
    // A continuation that came before this video's body belongs to the previous video.
    const early = read(captured(url, [NEXT, commentsContinuation(['9,999', ' Comments'])], [NEXT, body]));
    expect(early.posts[0]?.comments).toBe(1200);
  });

  it('reads a body without currentVideoEndpoint by its other video id fields', () => {
    const body = watchBody('videoaaaaa1', { views: viewCount('5,000 views', '5K views'), withCurrentEndpoint: false });
    expect(read(captured(url, [NEXT, body])).posts[0]?.views).toBe(5000);
    expect(read(captured('https://www.youtube.com/watch?v=videobbbbb2', [NEXT, body])).state).toBe('loading');
  });

  it('reads Shorts: the older overlay (exact likeCount) and the current action bar', () => {
    const shortsUrl = 'https://www.youtube.com/shorts/shortsvid01';
    const old = read(captured(shortsUrl, [BROWSE, oldShortsBody('shortsvid01', 4321, '87', 'View 87 comments')]));
    expect(old).toMatchObject({ state: 'ok', handle: 'MapleForge', followers: 8100 });
    expect(old.posts[0]).toMatchObject({ id: 'shortsvid01', url: 'https://www.youtube.com/shorts/shortsvid01', likes: 4321, comments: 87, views: 48_213 });

    const current = read({
      ...embedded(shortsUrl, newShortsBody('shortsvid01', '12K', 'like this video along with 12,345 other people', '1.2K', 'View 1,234 comments')),
      responses: [{ url: PLAYER, body: playerBody('shortsvid01', '250001') }],
    });
    expect(current).toMatchObject({ state: 'ok', handle: 'MapleForge' });
    expect(current.posts[0]).toMatchObject({ likes: 12_345, comments: 1234, views: 250_001 });
  });

  it('a watch URL whose page carries a body of an unknown shape is unknown-layout', () => {
    expect(read(captured(url, [NEXT, { videoV9: { id: 'videoaaaaa1', stats: [1, 2] } }]))).toMatchObject({ state: 'unknown-layout', posts: [] });
    const bare = { currentVideoEndpoint: { watchEndpoint: { videoId: 'videoaaaaa1' } }, contents: { twoColumnWatchNextResults: {} } };
    expect(read(captured(url, [NEXT, bare]))).toMatchObject({ state: 'unknown-layout' });
  });
});

describe('garbage never throws and never yields NaN', () => {
  const urls = ['https://www.youtube.com/@MapleForge/videos', 'https://www.youtube.com/watch?v=videoaaaaa1', 'https://www.youtube.com/shorts/videoaaaaa1'];

  it('survives hostile and wrongly typed data', () => {
    const hostile: unknown[] = [
      null,
      42,
      'not json',
      '{"contents":',
      [],
      [null, 1, { response: 5 }],
      { contents: null, header: 7, metadata: 'x' },
      richChannelBody(MAPLE, pageHeader(MAPLE, [['@MapleForge'], ['1e400 subscribers', '-5 videos']]), [
        { richItemRenderer: { content: { videoRenderer: { videoId: 42, viewCountText: 5 } } } },
        { richItemRenderer: { content: { videoRenderer: { videoId: 'richvideo01', viewCountText: { simpleText: '99999999999999999999 views' } } } } },
        { richItemRenderer: { content: { lockupViewModel: { contentId: 'lockupvid01', metadata: { lockupMetadataViewModel: { metadata: { contentMetadataViewModel: { metadataRows: [null, { metadataParts: 'x' }] } } } } } } } },
      ]),
      watchBody('videoaaaaa1', {
        views: { videoViewCountRenderer: { viewCount: { runs: [{ text: NaN }, null] } } },
        likeButton: { segmentedLikeDislikeButtonViewModel: { likeButtonViewModel: { likeButtonViewModel: { toggleButtonViewModel: 'x' } } } },
        comments: [{ itemSectionRenderer: { contents: [{ commentsEntryPointHeaderRenderer: { commentCount: { simpleText: 'Infinity' } } }] } }],
        frameworkUpdates: { entityBatchUpdate: { mutations: [{ payload: { likeCountEntity: { likeCountIfIndifferentNumber: '-3' } } }] } },
      }),
      { videoDetails: { videoId: 'videoaaaaa1', viewCount: 'NaN' } },
    ];
    for (const url of urls) {
      for (const body of hostile) {
        const snap = youtubeReader.read(captured(url, [BROWSE, body]));
        expect(numbersAreSane(snap)).toBe(true);
      }
      const scripts = [
        { type: null, id: null, text: 'var ytInitialData = {"a":' },
        { type: null, id: null, text: "var ytInitialData = '\\x7b\\x22unterminated" },
        { type: null, id: null, text: `window["ytInitialData"] = ${'['.repeat(100_000)}` },
        { type: null, id: null, text: 'ytplayer.config = {"args":{"player_response":"{broken"}};' },
      ];
      expect(numbersAreSane(youtubeReader.read({ url, meta: {}, scripts, responses: [] }))).toBe(true);
    }
    expect(youtubeReader.read(null as unknown as PageData)).toBeNull();
    expect(youtubeReader.read({ url: urls[0], meta: null, scripts: null, responses: 'x' } as unknown as PageData)).toMatchObject({ state: 'loading' });
  });

  it('survives random JSON bodies (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...urls), fc.jsonValue({ maxDepth: 6 }), (url, body) => numbersAreSane(youtubeReader.read(captured(url, [NEXT, body])))),
      { numRuns: 300 },
    );
  });

  it('survives random values planted inside a real shape (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (a, b) => {
        const channel = richChannelBody(MAPLE, { c4TabbedHeaderRenderer: { subscriberCountText: a, videosCountText: b } }, [{ richItemRenderer: { content: { videoRenderer: { videoId: 'richvideo01', viewCountText: a, shortViewCountText: b } } } }]);
        const watch = watchBody('videoaaaaa1', { views: { videoViewCountRenderer: { viewCount: a } }, likeButton: { toggleButtonRenderer: { defaultIcon: { iconType: 'LIKE' }, defaultText: b } } });
        return (
          numbersAreSane(youtubeReader.read(captured(urls[0]!, [BROWSE, channel]))) && numbersAreSane(youtubeReader.read(captured(urls[1]!, [NEXT, watch])))
        );
      }),
      { numRuns: 200 },
    );
  });
});
