/**
 * What the readers read of what the posts say — captions, mentions and tags, hashtags, the
 * platforms' sponsored flags, dates — and the comments of post pages, from made-up bodies in each
 * platform's shapes (every account, text and number here is invented). And the limits every
 * reader's output is cut to (lib/platforms/fit.ts).
 */
import { describe, expect, it } from 'vitest';
import { hashtagsIn, mentionsIn } from '../../../lib/platforms/caption';
import { fitSnapshot, SNAPSHOT_LIMITS } from '../../../lib/platforms/fit';
import { instagramCaptures, instagramReader } from '../../../lib/platforms/instagram';
import { pageDataFromJson } from '../../../lib/platforms/page';
import { tiktokCaptures, tiktokReader } from '../../../lib/platforms/tiktok';
import { emptyPost, emptySnapshot, type CapturedResponse, type PageData, type PlatformReader, type Snapshot } from '../../../lib/platforms/types';
import { xCaptures, xReader } from '../../../lib/platforms/x';
import { youtubeCaptures, youtubeReader } from '../../../lib/platforms/youtube';
import { SnapshotSchema } from '../../../lib/schema';
import { FERN, postsQuery, timelineNode } from '../fixtures/instagram/web-client';
import { gqlUrl, maple, otter, quill, timelineBody, tweet, tweetDetailBody, tweetItem } from '../fixtures/x/builders';
import { MAPLE, oldChannelBody, c4Header, gridVideo, lockup, richChannelBody, shortsLockup, playerBody, watchBody } from '../fixtures/youtube/bodies';

function page(url: string, responses: CapturedResponse[]): PageData {
  return { url, meta: {}, scripts: [], responses };
}

function read(reader: PlatformReader, data: PageData): Snapshot {
  const snap = reader.read(data);
  if (!snap) throw new Error(`no snapshot for ${data.url}`);
  expect(SnapshotSchema.safeParse(snap).success).toBe(true);
  return snap;
}

describe('caption helpers', () => {
  it('reads mentions: lower-case, without @, once, no e-mail addresses, no trailing dot', () => {
    expect(mentionsIn('Thanks @TrailCo and @river_gear. Mail me at fern@example.com, again @trailco', 'instagram')).toEqual(['trailco', 'river_gear']);
    expect(mentionsIn('@a_very_long_handle_over_fifteen hi @ok_x', 'x')).toEqual(['ok_x']);
    expect(mentionsIn('Sunny afternoon @ work', 'instagram')).toEqual([]);
  });

  it('reads hashtags: once, first spelling kept, numbers are no tags', () => {
    expect(hashtagsIn('#Trail #trail #15 #RG17 issue#3 #café_au_lait &#39;')).toEqual(['Trail', 'RG17', 'café_au_lait']);
  });
});

describe('Instagram', () => {
  const PROFILE = `https://www.instagram.com/${FERN.username}/`;
  const GQL = 'https://www.instagram.com/graphql/query';

  it('reads caption, tagged accounts, co-authors, brand partners and the paid-partnership label of the web client’s nodes', () => {
    const grid = postsQuery(
      timelineNode('DFernAd00001', 300, 12, 1, {
        caption: { pk: '1', text: 'New glaze with @GlazeCo 🔥 #AD #pottery' },
        usertags: { in: [{ user: { username: 'Kiln_Supply' }, position: [0.1, 0.2] }] },
        carousel_media: [{ usertags: { in: [{ user: { username: 'clayfriend' } }] } }, { usertags: null }],
        coauthor_producers: [{ username: 'studio.mate' }],
        is_paid_partnership: true,
        sponsor_tags: [{ sponsor: { username: 'glazeco' } }],
      }),
      timelineNode('DFernOwn0002', 250, 8, 2, { caption: { text: 'Just bowls.' }, is_paid_partnership: false, sponsor_tags: null }),
      timelineNode('DFernOld0003', 200, 5, 3),
    );
    const snap = read(instagramReader, page(PROFILE, [{ url: GQL, body: grid }]));
    const [ad, own, plain] = snap.posts;
    expect(ad).toMatchObject({
      caption: 'New glaze with @GlazeCo 🔥 #AD #pottery',
      mentions: ['glazeco', 'kiln_supply', 'clayfriend', 'studio.mate'],
      hashtags: ['AD', 'pottery'],
      sponsored: true,
      takenAt: expect.any(Number),
    });
    expect(own).toMatchObject({ caption: 'Just bowls.', mentions: [], hashtags: [], sponsored: false });
    // No flag in the node: the page does not say.
    expect(plain).toMatchObject({ caption: null, sponsored: null });
  });

  it('reads the graphql shapes of 2018–2022: caption edges, tagged users of the post and its carousel, sponsor users', () => {
    const body = {
      data: {
        user: {
          username: FERN.username,
          edge_followed_by: { count: 1200 },
          edge_follow: { count: 10 },
          edge_owner_to_timeline_media: {
            count: 2,
            edges: [
              {
                node: {
                  shortcode: 'BFernGql0001',
                  taken_at_timestamp: 1_600_000_000,
                  edge_liked_by: { count: 40 },
                  edge_media_to_comment: { count: 2 },
                  edge_media_to_caption: { edges: [{ node: { text: 'Kiln day with @Mud.Works #studio' } }] },
                  edge_media_to_tagged_user: { edges: [{ node: { user: { username: 'potter_pal' } } }] },
                  edge_sidecar_to_children: { edges: [{ node: { edge_media_to_tagged_user: { edges: [{ node: { user: { username: 'side_kid' } } }] } } }] },
                  edge_media_to_sponsor_user: { edges: [{ node: { sponsor: { username: 'mud.works' } } }] },
                },
              },
              { node: { shortcode: 'BFernGql0002', edge_liked_by: { count: 30 }, edge_media_to_comment: { count: 1 }, edge_media_to_caption: { edges: [] } } },
            ],
          },
        },
      },
    };
    const snap = read(instagramReader, pageDataFromJson(body, PROFILE));
    expect(snap.posts[0]).toMatchObject({ caption: 'Kiln day with @Mud.Works #studio', mentions: ['mud.works', 'potter_pal', 'side_kid'], hashtags: ['studio'], sponsored: true });
    expect(snap.posts[1]).toMatchObject({ caption: null, mentions: [], hashtags: [], sponsored: null });
  });

  it('reads the 2017 caption string', () => {
    const body = { user: { username: FERN.username, followed_by: { count: 300 }, media: { count: 1, nodes: [{ code: 'BFernOld0001', likes: { count: 4 }, comments: { count: 1 }, caption: 'Old #mug by @friend' }] } } };
    const snap = read(instagramReader, pageDataFromJson(body, PROFILE));
    expect(snap.posts[0]).toMatchObject({ caption: 'Old #mug by @friend', mentions: ['friend'], hashtags: ['mug'] });
  });

  it('a post page: the comments in the post’s record, replies included, the creator’s marked', () => {
    const url = 'https://www.instagram.com/p/BFernPost001/';
    const body = {
      graphql: {
        shortcode_media: {
          shortcode: 'BFernPost001',
          owner: { username: FERN.username },
          edge_media_preview_like: { count: 90 },
          edge_media_to_parent_comment: {
            count: 2,
            edges: [
              {
                node: {
                  id: 'c1',
                  text: 'Where can I buy this mug?',
                  owner: { username: 'buyer_one' },
                  edge_liked_by: { count: 3 },
                  edge_threaded_comments: { edges: [{ node: { id: 'c1r', text: 'Shop link in bio!', owner: { username: FERN.username }, edge_liked_by: { count: 1 } } }] },
                },
              },
              { node: { id: 'c2', text: '🔥🔥', owner: { username: 'emoji_fan' } } },
            ],
          },
        },
      },
    };
    const snap = read(instagramReader, pageDataFromJson(body, url));
    expect(snap.comments).toEqual([
      { text: 'Where can I buy this mug?', author: 'buyer_one', byCreator: false, likes: 3 },
      { text: 'Shop link in bio!', author: FERN.username, byCreator: true, likes: 1 },
      { text: '🔥🔥', author: 'emoji_fan', byCreator: false, likes: null },
    ]);
  });

  it('a post page: comment responses of this post are added; those of another post are not', () => {
    const url = 'https://www.instagram.com/p/DFernPost009/';
    const info = { items: [{ code: 'DFernPost009', pk: '3900000000000000009', like_count: 50, comment_count: 3, user: { username: FERN.username }, caption: { text: 'Mugs' } }], num_results: 1 };
    const mine = { comments: [{ pk: '11', text: 'link?', user: { username: 'a1' }, comment_like_count: 2 }], comment_count: 3 };
    const other = { comments: [{ pk: '12', text: 'not this post', user: { username: 'a2' } }], comment_count: 1 };
    const query = { data: { xdt_api__v1__media__media_id__comments__connection: { edges: [{ node: { pk: '13', text: 'Lovely', user: { username: 'a3' } } }] } } };
    const snap = read(
      instagramReader,
      page(url, [
        { url: 'https://www.instagram.com/api/v1/media/3900000000000000009/info/', body: info },
        { url: 'https://www.instagram.com/api/v1/media/3900000000000000009/comments/?can_support_threading=true', body: mine },
        { url: 'https://www.instagram.com/api/v1/media/3900000000000000001/comments/', body: other },
        { url: 'https://www.instagram.com/graphql/query', body: query },
      ]),
    );
    expect(snap.comments?.map((c) => c.text)).toEqual(['link?', 'Lovely']);
    expect(snap.posts[0]).toMatchObject({ caption: 'Mugs' });
  });

  it('a comments query that arrived before the post, or after another post, is not this post’s', () => {
    const url = 'https://www.instagram.com/p/DFernPost009/';
    const info = (code: string) => ({ items: [{ code, pk: `39${code.length}`, like_count: 5, comment_count: 1, user: { username: FERN.username } }], num_results: 1 });
    const query = (text: string) => ({ data: { xdt_api__v1__media__media_id__comments__connection: { edges: [{ node: { pk: text, text, user: { username: 'x' } } }] } } });
    const snap = read(
      instagramReader,
      page(url, [
        { url: 'https://www.instagram.com/graphql/query', body: query('before') },
        { url: 'https://www.instagram.com/api/v1/media/1/info/', body: info('DFernPost009') },
        { url: 'https://www.instagram.com/graphql/query', body: query('mine') },
        { url: 'https://www.instagram.com/api/v1/media/2/info/', body: info('DFernPost008') },
        { url: 'https://www.instagram.com/graphql/query', body: query('other') },
      ]),
    );
    expect(snap.comments?.map((c) => c.text)).toEqual(['mine']);
  });

  it('a post page without a comment list has no comments (absent, not empty)', () => {
    const url = 'https://www.instagram.com/p/DFernPost009/';
    const info = { items: [{ code: 'DFernPost009', like_count: 5, comment_count: 1, user: { username: FERN.username } }], num_results: 1 };
    expect(read(instagramReader, page(url, [{ url: 'https://www.instagram.com/api/v1/media/1/info/', body: info }])).comments).toBeUndefined();
  });

  it('captures the comment requests of a post page', () => {
    const captured = (u: string) => instagramCaptures.some((re) => re.test(u));
    expect(captured('https://www.instagram.com/api/v1/media/3900000000000000009/comments/?can_support_threading=true')).toBe(true);
    expect(captured('https://www.instagram.com/api/v1/media/3900000000000000009/comments/17900000000000001/child_comments/')).toBe(true);
  });
});

describe('TikTok', () => {
  const item = (id: string, extra: Record<string, unknown>) => ({
    id,
    createTime: 1_700_000_000,
    author: { uniqueId: 'fern.moves', id: '6000000000000000001' },
    stats: { diggCount: 100, commentCount: 10, playCount: 2000, shareCount: 5 },
    ...extra,
  });

  it('reads desc, textExtra (also under contents), and the ad and branded-content flags', () => {
    const url = 'https://www.tiktok.com/@fern.moves';
    const body = {
      itemList: [
        item('7300000000000000001', {
          desc: 'Shoes by @RunCo #ad #fyp',
          textExtra: [{ hashtagName: 'ad' }, { hashtagName: 'fyp' }, { userUniqueId: 'RunCo', type: 0 }],
          isAd: false,
          brandOrganicType: 1,
        }),
        item('7300000000000000002', { desc: 'Park loop', contents: [{ textExtra: [{ hashtagName: 'running' }] }], isAd: false }),
        item('7300000000000000003', { desc: 'Old one #Ad_free', isAd: true }),
        item('7300000000000000004', { desc: 'No flags at all' }),
      ],
      hasMore: false,
      cursor: '0',
    };
    const snap = read(tiktokReader, page(url, [{ url: 'https://www.tiktok.com/api/post/item_list/?secUid=abc', body }]));
    expect(snap.posts.map((p) => [p.caption, p.mentions, p.hashtags, p.sponsored])).toEqual([
      ['Shoes by @RunCo #ad #fyp', ['runco'], ['ad', 'fyp'], true],
      ['Park loop', [], ['running'], false],
      ['Old one #Ad_free', [], ['Ad_free'], true],
      ['No flags at all', [], [], null],
    ]);
    expect(snap.posts[0]!.takenAt).toBe(1_700_000_000);
  });

  it('reads the 2020 legacy videoData text and capitalised textExtra', () => {
    const url = 'https://www.tiktok.com/@fern.moves/video/6800000000000000001';
    const html = {
      props: {
        pageProps: {
          videoData: {
            itemInfos: { id: '6800000000000000001', text: 'Stretch with me #warmup', diggCount: 10, commentCount: 2, playCount: 100, shareCount: 1, createTime: '1585000000' },
            authorInfos: { uniqueId: 'fern.moves', userId: '1' },
            textExtra: [{ HashtagName: 'warmup', Type: 1 }],
          },
        },
      },
    };
    const snap = read(tiktokReader, pageDataFromJson(html, url));
    expect(snap.posts[0]).toMatchObject({ caption: 'Stretch with me #warmup', hashtags: ['warmup'], sponsored: null, takenAt: 1_585_000_000 });
  });

  it('a video page: the comment lists of this video, replies included, the creator’s marked; another video’s left out', () => {
    const id = '7300000000000000001';
    const url = `https://www.tiktok.com/@fern.moves/video/${id}`;
    const detail = { itemInfo: { itemStruct: item(id, { desc: 'Shoes' }) } };
    const list = {
      comments: [
        { cid: '1', text: 'where did you get these?', aweme_id: id, digg_count: 4, user: { unique_id: 'buyer', nickname: 'B' }, reply_comment: [{ cid: '1r', text: 'link in bio!', aweme_id: id, digg_count: 0, user: { unique_id: 'fern.moves' } }] },
        { cid: '2', text: '😍😍', aweme_id: id, user: { unique_id: 'fan' } },
      ],
      cursor: 20,
      has_more: 1,
      total: 40,
    };
    const replies = { comments: [{ cid: '3', text: 'ordered mine', user: { unique_id: 'later' } }], cursor: 1, has_more: 0 };
    const other = { comments: [{ cid: '9', text: 'other video', aweme_id: '7399999999999999999', user: { unique_id: 'x' } }], cursor: 1, has_more: 0 };
    const snap = read(
      tiktokReader,
      page(url, [
        { url: `https://www.tiktok.com/api/item/detail/?itemId=${id}`, body: detail },
        { url: `https://www.tiktok.com/api/comment/list/?aweme_id=${id}&count=20`, body: list },
        { url: `https://www.tiktok.com/api/comment/list/reply/?item_id=${id}&aweme_id=${id}&comment_id=1`, body: replies },
        { url: 'https://www.tiktok.com/api/comment/list/?aweme_id=7399999999999999999', body: other },
      ]),
    );
    expect(snap.comments).toEqual([
      { text: 'where did you get these?', author: 'buyer', byCreator: false, likes: 4 },
      { text: 'link in bio!', author: 'fern.moves', byCreator: true, likes: 0 },
      { text: '😍😍', author: 'fan', byCreator: false, likes: null },
      { text: 'ordered mine', author: 'later', byCreator: false, likes: null },
    ]);
  });

  it('captures the comment requests of a video page', () => {
    const captured = (u: string) => tiktokCaptures.some((re) => re.test(u));
    expect(captured('https://www.tiktok.com/api/comment/list/?aweme_id=7300000000000000001&count=20')).toBe(true);
    expect(captured('https://www.tiktok.com/api/comment/list/reply/?comment_id=1&item_id=7300000000000000001')).toBe(true);
    expect(captured('https://www.tiktok.com/api/comment/publish/')).toBe(false);
  });
});

describe('X', () => {
  const withEntities = (t: Record<string, unknown>, legacy: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...t,
    legacy: { ...(t.legacy as Record<string, unknown>), ...legacy },
    ...extra,
  });

  it('reads the post text (unescaped), user_mentions and hashtags; a long post’s note_tweet; no flag (unknown)', () => {
    const url = `https://x.com/${maple.handle}`;
    const short = withEntities(tweet('1890000000000000100', maple, { text: 'Oak &amp; ash with @OtterOps #woodwork' }), {
      entities: { user_mentions: [{ screen_name: 'OtterOps', indices: [21, 30] }], hashtags: [{ text: 'woodwork', indices: [31, 40] }] },
    });
    const long = withEntities(
      tweet('1890000000000000090', maple, { text: 'The first 280 characters…' }),
      { entities: { user_mentions: [], hashtags: [] } },
      { note_tweet: { note_tweet_results: { result: { text: 'The whole long post, thanks @quill_and_ink #ad', entity_set: { user_mentions: [{ screen_name: 'quill_and_ink' }], hashtags: [{ text: 'ad' }] } } } } },
    );
    const snap = read(xReader, pageDataFromJson(timelineBody([tweetItem(short), tweetItem(long)]), url));
    expect(snap.posts[0]).toMatchObject({ caption: 'Oak & ash with @OtterOps #woodwork', mentions: ['otterops'], hashtags: ['woodwork'], sponsored: null });
    expect(snap.posts[1]).toMatchObject({ caption: 'The whole long post, thanks @quill_and_ink #ad', mentions: ['quill_and_ink'], hashtags: ['ad'] });
  });

  it('a reply’s leading @handles are not part of its text nor its mentions', () => {
    const url = `https://x.com/${maple.handle}`;
    const reply = withEntities(tweet('1890000000000000080', maple, { text: '@OtterOps @quill_and_ink agreed, see @maple_makes' }), {
      display_text_range: [26, 49],
      entities: { user_mentions: [{ screen_name: 'OtterOps', indices: [0, 9] }, { screen_name: 'quill_and_ink', indices: [10, 24] }, { screen_name: 'maple_makes', indices: [37, 49] }] },
    });
    const snap = read(xReader, pageDataFromJson(timelineBody([tweetItem(reply)]), url));
    expect(snap.posts[0]).toMatchObject({ caption: 'agreed, see @maple_makes', mentions: ['maple_makes'] });
  });

  it('a post page: the replies of its conversation, the author’s marked; another post’s conversation left out', () => {
    const focal = tweet('1890000000000000200', maple, { likes: 50, replies: 3 });
    const r1 = tweet('1890000000000000201', otter, { text: '@maple_makes where can I buy the plane?', likes: 4 });
    const r2 = withEntities(tweet('1890000000000000202', maple, { text: '@OtterOps link in bio', likes: 1 }), { display_text_range: [10, 21] });
    const r3 = tweet('1890000000000000203', quill, { text: '🔥🔥' });
    const otherFocal = tweet('1890000000000000300', maple);
    const url = `https://x.com/${maple.handle}/status/1890000000000000200`;
    const snap = read(
      xReader,
      page(url, [
        { url: gqlUrl('TweetDetail', { focalTweetId: '1890000000000000300' }), body: tweetDetailBody(otherFocal, [tweet('1890000000000000301', otter, { text: 'elsewhere' })]) },
        { url: gqlUrl('TweetDetail', { focalTweetId: '1890000000000000200' }), body: tweetDetailBody(focal, [r1, r2]) },
        { url: gqlUrl('TweetDetail', { focalTweetId: '1890000000000000200', cursor: 'x' }), body: tweetDetailBody(focal, [r2, r3]) },
      ]),
    );
    expect(snap.posts[0]!.id).toBe('1890000000000000200');
    expect(snap.comments).toEqual([
      { text: '@maple_makes where can I buy the plane?', author: otter.handle, byCreator: false, likes: 4 },
      { text: 'link in bio', author: maple.handle, byCreator: true, likes: 1 },
      { text: '🔥🔥', author: quill.handle, byCreator: false, likes: 0 },
    ]);
  });

  it('the capture already copies TweetDetail', () => {
    expect(xCaptures.some((re) => re.test(gqlUrl('TweetDetail', { focalTweetId: '1' })))).toBe(true);
  });
});

describe('YouTube', () => {
  it('channel tiles: the title as the caption, hashtags of the title, no flag', () => {
    const grid = read(youtubeReader, pageDataFromJson(oldChannelBody(MAPLE, c4Header(MAPLE, '1.2K subscribers'), [gridVideo('aaaaaaaaaa1', '10 views', '10 views')]), 'https://www.youtube.com/@MapleForge/videos'));
    expect(grid.posts[0]).toMatchObject({ caption: 'Video aaaaaaaaaa1', mentions: [], hashtags: [], sponsored: null });
    const lockups = read(youtubeReader, pageDataFromJson(richChannelBody(MAPLE, c4Header(MAPLE, '1.2K subscribers'), [lockup('bbbbbbbbbb1', ['5 views'])]), 'https://www.youtube.com/@MapleForge/videos'));
    expect(lockups.posts[0]).toMatchObject({ caption: 'Lockup bbbbbbbbbb1' });
    const shorts = read(youtubeReader, pageDataFromJson(richChannelBody(MAPLE, c4Header(MAPLE, '1.2K subscribers'), [shortsLockup('cccccccccc1', '7 views', 'Short cccccccccc1, 7 views – play Short')], 'shorts'), 'https://www.youtube.com/@MapleForge/shorts'));
    expect(shorts.posts[0]).toMatchObject({ caption: 'Short cccccccccc1' });
  });

  function withDescription(body: ReturnType<typeof watchBody>, description: string, dateText: string): ReturnType<typeof watchBody> {
    const contents = body.contents.twoColumnWatchNextResults.results.results.contents as Array<Record<string, Record<string, unknown>>>;
    contents[0]!.videoPrimaryInfoRenderer!.dateText = { simpleText: dateText };
    contents[0]!.videoPrimaryInfoRenderer!.superTitleLink = { runs: [{ text: '#woodwork' }, { text: ' ' }, { text: '#DIY' }] };
    contents[1]!.videoSecondaryInfoRenderer!.attributedDescription = { content: description };
    return body;
  }

  it('a watch page: title and description as the caption, its @handles and hashtags, the date shown', () => {
    const body = withDescription(watchBody('aaaaaaaaaa1', { views: { simpleText: '1,000 views' } }), 'Thanks to @PlaneCo for sponsoring. Use code MAPLE10 #tools', '19 Jun 2018');
    const snap = read(youtubeReader, pageDataFromJson(body, 'https://www.youtube.com/watch?v=aaaaaaaaaa1'));
    expect(snap.posts[0]).toMatchObject({
      caption: 'Made-up video aaaaaaaaaa1\n\nThanks to @PlaneCo for sponsoring. Use code MAPLE10 #tools',
      mentions: ['planeco'],
      hashtags: ['woodwork', 'DIY', 'tools'],
      takenAt: Date.UTC(2018, 5, 19) / 1000,
      // No player response: whether it declares paid promotion is unknown.
      sponsored: null,
    });
  });

  it('the player’s "Includes paid promotion" overlay marks the video sponsored; a player without it, not', () => {
    const url = 'https://www.youtube.com/watch?v=aaaaaaaaaa1';
    const paid = { ...playerBody('aaaaaaaaaa1', '1000'), paidContentOverlay: { paidContentOverlayRenderer: { text: { runs: [{ text: 'Includes paid promotion' }] }, durationMs: '10000' } } };
    const watch = watchBody('aaaaaaaaaa1', { views: { simpleText: '1,000 views' } });
    const yes = read(youtubeReader, page(url, [{ url: 'https://www.youtube.com/youtubei/v1/next', body: watch }, { url: 'https://www.youtube.com/youtubei/v1/player', body: paid }]));
    expect(yes.posts[0]!.sponsored).toBe(true);
    const no = read(youtubeReader, page(url, [{ url: 'https://www.youtube.com/youtubei/v1/next', body: watch }, { url: 'https://www.youtube.com/youtubei/v1/player', body: playerBody('aaaaaaaaaa1', '1000') }]));
    expect(no.posts[0]!.sponsored).toBe(false);
  });

  it('a watch page: the comments of its continuations — commentRenderer and commentEntityPayload — the creator’s marked', () => {
    const url = 'https://www.youtube.com/watch?v=aaaaaaaaaa1';
    const watch = watchBody('aaaaaaaaaa1', { views: { simpleText: '1,000 views' } });
    const oldStyle = {
      onResponseReceivedEndpoints: [
        {
          reloadContinuationItemsCommand: {
            continuationItems: [
              { commentsHeaderRenderer: { countText: { runs: [{ text: '3' }, { text: ' Comments' }] } } },
              { commentThreadRenderer: { comment: { commentRenderer: { commentId: 'o1', contentText: { runs: [{ text: 'Where can I buy ' }, { text: 'that plane?' }] }, authorText: { simpleText: '@woodfan' }, voteCount: { simpleText: '1.2K' } } } } },
              { commentThreadRenderer: { comment: { commentRenderer: { commentId: 'o2', contentText: { runs: [{ text: 'Link below!' }] }, authorText: { simpleText: '@MapleForge' }, authorIsChannelOwner: true } } } },
            ],
          },
        },
      ],
    };
    const newStyle = {
      onResponseReceivedEndpoints: [
        { appendContinuationItemsAction: { continuationItems: [{ commentThreadRenderer: { commentViewModel: { commentViewModel: { commentKey: 'k1' } } } }, { commentThreadRenderer: { commentViewModel: { commentViewModel: { commentKey: 'k2' } } } }] } },
      ],
      frameworkUpdates: {
        entityBatchUpdate: {
          mutations: [
            { entityKey: 'k2', payload: { commentEntityPayload: { key: 'k2', properties: { commentId: 'n2', content: { content: 'Thanks all' } }, author: { displayName: '@MapleForge', isCreator: true }, toolbar: { likeCountNotliked: '12' } } } },
            { entityKey: 'k1', payload: { commentEntityPayload: { key: 'k1', properties: { commentId: 'n1', content: { content: '👏👏' } }, author: { displayName: '@clapper' }, toolbar: { likeCountNotliked: '3' } } } },
          ],
        },
      },
    };
    const snap = read(
      youtubeReader,
      page(url, [
        { url: 'https://www.youtube.com/youtubei/v1/next', body: watch },
        { url: 'https://www.youtube.com/youtubei/v1/next', body: oldStyle },
        { url: 'https://www.youtube.com/youtubei/v1/next', body: newStyle },
      ]),
    );
    expect(snap.posts[0]!.comments).toBe(3);
    expect(snap.comments).toEqual([
      { text: 'Where can I buy that plane?', author: 'woodfan', byCreator: false, likes: 1200 },
      { text: 'Link below!', author: 'MapleForge', byCreator: true, likes: null },
      { text: '👏👏', author: 'clapper', byCreator: false, likes: 3 },
      { text: 'Thanks all', author: 'MapleForge', byCreator: true, likes: 12 },
    ]);
  });

  it('comments of a previous video are not this one’s; no comment continuation, no comments', () => {
    const url = 'https://www.youtube.com/watch?v=aaaaaaaaaa1';
    const comments = { onResponseReceivedEndpoints: [{ appendContinuationItemsAction: { continuationItems: [{ commentThreadRenderer: { comment: { commentRenderer: { commentId: 'z', contentText: { simpleText: 'old video comment' } } } } }] } }] };
    const snap = read(
      youtubeReader,
      page(url, [
        { url: 'https://www.youtube.com/youtubei/v1/next', body: watchBody('bbbbbbbbbb2') },
        { url: 'https://www.youtube.com/youtubei/v1/next', body: comments },
        { url: 'https://www.youtube.com/youtubei/v1/next', body: watchBody('aaaaaaaaaa1', { views: { simpleText: '1,000 views' } }) },
      ]),
    );
    expect(snap.comments).toBeUndefined();
  });

  it('the capture already copies the comment continuations (/youtubei/v1/next)', () => {
    expect(youtubeCaptures.some((re) => re.test('https://www.youtube.com/youtubei/v1/next?prettyPrint=false'))).toBe(true);
  });
});

describe('limits (fit.ts): cut, never refused', () => {
  it('cuts captions, mentions, hashtags and comments to the schema limits', () => {
    const L = SNAPSHOT_LIMITS;
    const snap = emptySnapshot({
      platform: 'instagram',
      kind: 'post',
      url: 'https://www.instagram.com/p/ABCDEFGHIJK/',
      state: 'ok',
      posts: [
        emptyPost({
          id: 'ABCDEFGHIJK',
          caption: 'c'.repeat(100_000),
          mentions: ['x'.repeat(500), ...Array.from({ length: 100 }, (_, i) => `brand${i}`)],
          hashtags: ['h'.repeat(500), ...Array.from({ length: 100 }, (_, i) => `tag${i}`)],
          sponsored: true,
        }),
      ],
      comments: Array.from({ length: 1000 }, (_, i) => ({ text: `t${i}`.repeat(1000), author: 'a'.repeat(1000), byCreator: false, likes: i === 0 ? Number.POSITIVE_INFINITY : i })),
    });
    expect(SnapshotSchema.safeParse(snap).success).toBe(false);
    const fitted = fitSnapshot(snap);
    expect(SnapshotSchema.safeParse(fitted).success).toBe(true);
    const p = fitted.posts[0]!;
    expect(p.caption).toHaveLength(L.caption);
    expect(p.caption!.endsWith('…')).toBe(true);
    // A 500-character "handle" is no handle: dropped; then the first 30.
    expect(p.mentions).toHaveLength(L.tags);
    expect(p.mentions![0]).toBe('brand0');
    // A 500-character hashtag is cut, not dropped.
    expect(p.hashtags).toHaveLength(L.tags);
    expect(p.hashtags![0]).toHaveLength(L.tag);
    expect(p.sponsored).toBe(true);
    expect(fitted.comments).toHaveLength(L.comments);
    expect(fitted.comments![0]!.text).toHaveLength(L.comment);
    expect(fitted.comments![0]!.author).toHaveLength(L.commentAuthor);
    expect(fitted.comments![0]!.likes).toBeNull();
    expect(fitted.comments![1]!.likes).toBe(1);
  });

  it('leaves absent fields absent', () => {
    const snap = emptySnapshot({ platform: 'x', kind: 'profile', url: 'https://x.com/a', posts: [emptyPost({ id: '1' })] });
    const fitted = fitSnapshot(snap);
    expect(fitted).not.toHaveProperty('comments');
    expect(fitted.posts[0]).not.toHaveProperty('caption');
    expect(fitted.posts[0]).not.toHaveProperty('mentions');
  });

  it('a reader given a huge caption returns it cut', () => {
    const url = `https://www.instagram.com/${FERN.username}/`;
    const grid = postsQuery(timelineNode('DFernHuge001', 10, 1, 1, { caption: { text: `${'word '.repeat(200_000)} #ad` } }));
    const snap = read(instagramReader, page(url, [{ url: 'https://www.instagram.com/graphql/query', body: grid }]));
    expect(snap.posts[0]!.caption!.length).toBe(SNAPSHOT_LIMITS.caption);
    expect(snap.posts[0]!.hashtags).toEqual(['ad']);
  });
});
