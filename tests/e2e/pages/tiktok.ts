/**
 * Made-up TikTok accounts and the pages that carry them, in the layouts TikTok has used:
 * - current: `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">` with `webapp.user-detail`
 *   (profile: user, rounded `stats`, exact `statsV2`, empty itemList) or `webapp.video-detail`
 *   (video page: itemStruct with stats/statsV2/authorStats/authorStatsV2). As on the real site,
 *   a profile's videos are not embedded: the page's own script fetches
 *   `/api/post/item_list/?…&secUid=…`, and in-app navigation to another profile does
 *   `history.pushState` + `/api/user/detail/?…&uniqueId=…` + `/api/post/item_list/?…&secUid=…`;
 * - `SIGI_STATE` (2021–2023): `UserModule`, `ItemModule`, `ItemList["user-post"]`;
 * - Next.js `__NEXT_DATA__` (2020–2021): `props.pageProps.userInfo` + `items[]`.
 * Before statsV2, `stats` carried the counts as the page displays them (10K+ rounded to 0.1K,
 * 1M+ to 0.1M), so the old layouts here carry rounded counts, as real saved pages do.
 *
 * Every handle, name, id and number is invented. Used by the e2e tests (and the demo/bench
 * through ./all). The `expected…` helpers recompute the card's numbers with plain arithmetic,
 * independently of lib/, so the tests can catch a wrong reader or card.
 */
import { registerDemoServer, type Served } from './site';

const ORIGIN = 'https://www.tiktok.com';
const DAY = 86_400;
/** Videos are dated relative to when the page is made, as a live profile's recent videos are. */
const NOW = Math.floor(Date.now() / 1000);

export type TikTokLayout = 'universal' | 'sigi' | 'next';

export interface TikTokVideo {
  /** 19 digits; like TikTok's, its top 32 bits are the upload time. */
  id: string;
  desc: string;
  createTime: number;
  plays: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  /** Pinned to the top of the profile grid (TikTok lists pinned videos first). */
  pinned: boolean;
}

export interface TikTokAccount {
  handle: string;
  name: string;
  bio: string;
  userId: string;
  secUid: string;
  followers: number;
  following: number;
  /** Likes received (heartCount). */
  hearts: number;
  /** Likes given (diggCount): never the account's likes. */
  likesGiven: number;
  videoCount: number;
  isPrivate: boolean;
  /** The layout of the page a direct load of the profile gets. */
  layout: TikTokLayout;
  /** Profile grid order: pinned first, then newest first. */
  videos: TikTokVideo[];
}

interface VideoSpec {
  plays: number;
  likes: number;
  comments: number;
  shares: number;
  daysAgo: number;
  desc: string;
  pinned?: boolean;
}

/** A deterministic 19-digit video id whose top 32 bits are the upload time, as TikTok's are. */
function videoId(createTime: number, salt: number): string {
  const low = BigInt((salt * 2_654_435_761) % 4_294_967_296);
  return ((BigInt(createTime) << 32n) | low).toString();
}

/** A made-up secUid in TikTok's shape ("MS4wLjABAAAA" + 64 url-safe base64 characters). */
function secUidFor(handle: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let h = 2_166_136_261;
  let out = '';
  for (let i = 0; out.length < 64; i++) {
    h = Math.imul(h ^ handle.charCodeAt(i % handle.length) ^ i, 16_777_619) >>> 0;
    out += alphabet[h % 64];
  }
  return `MS4wLjABAAAA${out}`;
}

function videos(salt: number, specs: VideoSpec[]): TikTokVideo[] {
  return specs.map((s, i) => {
    // A time of day that varies per video, so uploads are not exactly N days apart.
    const createTime = NOW - s.daysAgo * DAY - ((salt * 7_919 + i * 3_571) % 40_000);
    return {
      id: videoId(createTime, salt * 100 + i + 1),
      desc: s.desc,
      createTime,
      plays: s.plays,
      likes: s.likes,
      comments: s.comments,
      shares: s.shares,
      saves: Math.round(s.likes * 0.07),
      pinned: s.pinned ?? false,
    };
  });
}

/** Recent videos from parallel arrays, newest first, one every `every` days. */
function series(
  plays: number[],
  likes: number[],
  comments: number[],
  shares: number[],
  descs: string[],
  every = 2,
): VideoSpec[] {
  return plays.map((p, i) => ({
    plays: p,
    likes: likes[i] ?? 0,
    comments: comments[i] ?? 0,
    shares: shares[i] ?? 0,
    daysAgo: 1 + i * every + (i % 3 === 2 ? 1 : 0),
    desc: descs[i % descs.length] ?? '',
  }));
}

/** Current layout, Tier 6 (20K–50K): the main profile, its video page and the soft-navigation start. */
export const SOFIA: TikTokAccount = {
  handle: 'saltmarsh.sofia',
  name: 'Sofia Marsh',
  bio: 'Coastal foraging & seaweed recipes 🌊 Maine\nCollabs: sofia@saltmarsh.example',
  userId: '6912874403316565001',
  secUid: secUidFor('saltmarsh.sofia'),
  followers: 38_417,
  following: 182,
  hearts: 1_204_388,
  likesGiven: 9_214,
  videoCount: 214,
  isPrivate: false,
  layout: 'universal',
  videos: videos(
    11,
    series(
      [24_318, 41_902, 18_774, 63_215, 29_480, 22_106, 35_877, 19_342, 52_690, 27_733, 31_054, 20_981, 44_120, 25_617],
      [1_842, 3_115, 1_276, 4_907, 2_233, 1_589, 2_761, 1_318, 3_940, 2_047, 2_385, 1_455, 3_302, 1_911],
      [64, 118, 37, 203, 71, 49, 96, 41, 152, 58, 83, 44, 121, 55],
      [41, 96, 18, 311, 57, 29, 88, 22, 174, 45, 63, 26, 132, 38],
      [
        'Low tide haul: sugar kelp, dulse and a surprise 🦀 #foraging #maine',
        'Dulse chips in 10 minutes #seaweed #snack',
        'Is this sea lettuce safe to eat? #foragingtips',
        'Kelp butter on sourdough. Trust me. #recipe',
        'What I forage in a week of March #coastal',
      ],
    ),
  ),
};

/** Current layout, Tier 7 (5K–20K), a newer creator with 9 videos: the soft-navigation target. */
export const BAO: TikTokAccount = {
  handle: 'bytesize.bao',
  name: 'Bytesize Bao',
  bio: 'Dumplings, buns & bao for tiny apartments 🥟 NYC',
  userId: '7234011589022831617',
  secUid: secUidFor('bytesize.bao'),
  followers: 8_762,
  following: 311,
  hearts: 96_418,
  likesGiven: 4_077,
  videoCount: 9,
  isPrivate: false,
  layout: 'universal',
  videos: videos(
    23,
    series(
      [6_412, 11_208, 4_950, 8_733, 15_871, 5_604, 7_129, 9_480, 3_977],
      [248, 391, 176, 301, 522, 203, 264, 337, 139],
      [11, 19, 6, 14, 31, 8, 12, 17, 5],
      [4, 9, 2, 6, 15, 3, 5, 8, 1],
      ['Pleating 101: the 18-fold xiaolongbao #dumplings', 'Bao buns without a steamer #cooking', 'Freezer dumplings, sorted #mealprep'],
      3,
    ),
  ),
};

/** `SIGI_STATE` layout (rounded stats), Tier 4 (100K–500K). */
export const LOOM: TikTokAccount = {
  handle: 'loomandlathe',
  name: 'Loom & Lathe',
  bio: 'Woodturning + weaving from a barn in Vermont',
  userId: '6788120450913387526',
  secUid: secUidFor('loomandlathe'),
  followers: 127_340,
  following: 96,
  hearts: 2_871_566,
  likesGiven: 1_305,
  videoCount: 388,
  isPrivate: false,
  layout: 'sigi',
  videos: videos(
    37,
    series(
      [48_312, 71_944, 39_420, 95_108, 56_731, 44_806, 62_339, 38_077, 81_652, 50_219, 47_733, 69_406, 42_918],
      [1_604, 2_412, 1_233, 3_388, 1_871, 1_502, 2_095, 1_187, 2_903, 1_655, 1_560, 2_248, 1_401],
      [38, 61, 27, 95, 44, 33, 52, 24, 77, 40, 36, 58, 31],
      [22, 47, 15, 88, 31, 19, 36, 13, 64, 25, 21, 42, 17],
      ['Turning a walnut bowl from a storm-felled tree #woodturning', 'Warping the floor loom, start to finish #weaving'],
    ),
  ),
};

/** Next.js `__NEXT_DATA__` layout (rounded stats), Tier 6 (20K–50K). */
export const PETAL: TikTokAccount = {
  handle: 'pixelpetal.nails',
  name: 'Pixel Petal Nails',
  bio: 'Nail art you can do at home 💅 tutorials every Tue',
  userId: '6843390017752418310',
  secUid: secUidFor('pixelpetal.nails'),
  followers: 23_456,
  following: 403,
  hearts: 412_287,
  likesGiven: 15_022,
  videoCount: 131,
  isPrivate: false,
  layout: 'next',
  videos: videos(
    41,
    series(
      [12_437, 9_871, 18_322, 7_654, 15_948, 11_206, 8_932, 21_733, 10_615, 13_802],
      [812, 633, 1_204, 488, 1_057, 745, 590, 1_388, 702, 911],
      [27, 19, 44, 12, 38, 23, 16, 51, 21, 30],
      [9, 5, 17, 3, 14, 8, 4, 22, 6, 11],
      ['Cherry blossom gradient, 3 polishes #nailart', 'Chrome powder without a lamp? #nails'],
    ),
  ),
};

/**
 * Current layout, Tier 7, with two pinned older viral videos at the top of its grid (pinned
 * videos are listed first by item_list, as on the real site), then 12 recent ones.
 */
export const THEO: TikTokAccount = {
  handle: 'tidepool.theo',
  name: 'Theo | tide pools',
  bio: 'Marine biology student. Tide pool tours on the Oregon coast 🐙',
  userId: '7102559310447125510',
  secUid: secUidFor('tidepool.theo'),
  followers: 15_930,
  following: 288,
  hearts: 702_145,
  likesGiven: 2_180,
  videoCount: 96,
  isPrivate: false,
  layout: 'universal',
  videos: videos(53, [
    { plays: 2_384_117, likes: 301_552, comments: 4_210, shares: 18_930, daysAgo: 162, desc: 'This octopus opened a jar 🐙 #ocean', pinned: true },
    { plays: 612_408, likes: 58_731, comments: 1_184, shares: 3_977, daysAgo: 75, desc: 'Nudibranch season! #tidepools', pinned: true },
    ...series(
      [9_842, 12_377, 7_915, 15_206, 10_488, 8_731, 11_964, 6_890, 13_512, 9_207, 10_033, 8_146],
      [521, 703, 398, 866, 577, 452, 640, 361, 749, 498, 533, 427],
      [22, 35, 14, 47, 25, 18, 31, 12, 40, 20, 23, 16],
      [7, 12, 4, 19, 8, 5, 10, 3, 15, 6, 7, 5],
      ['Sea star check-in #tidepools', 'What lives under this rock? #marinebiology'],
    ),
  ]),
};

/** Current layout, private: counts shown, videos hidden. Tier 8. */
export const INKWELL: TikTokAccount = {
  handle: 'inkwell.nan',
  name: 'Nan | inkwell',
  bio: 'Calligraphy practice. Friends only for now.',
  userId: '7301847700261143558',
  secUid: secUidFor('inkwell.nan'),
  followers: 3_204,
  following: 211,
  hearts: 48_902,
  likesGiven: 6_310,
  videoCount: 67,
  isPrivate: true,
  layout: 'universal',
  videos: [],
};

/** A profile URL whose page carries no account data (TikTok served only its app shell). */
export const GHOST_HANDLE = 'velvet.static';

export const TIKTOK_ACCOUNTS: readonly TikTokAccount[] = [SOFIA, BAO, LOOM, PETAL, THEO, INKWELL];

/** The video page fixture: Sofia's best recent video. */
export const SOFIA_VIDEO: TikTokVideo = SOFIA.videos[3]!;

export function profileUrl(a: TikTokAccount): string {
  return `${ORIGIN}/@${a.handle}`;
}

export function videoUrl(a: TikTokAccount, v: TikTokVideo): string {
  return `${ORIGIN}/@${a.handle}/video/${v.id}`;
}

// ---------------------------------------------------------------------------------------------
// Counts as the page carries them

/** What TikTok's `stats` (and pre-2024 pages) carry: the displayed precision (38417 → 38400). */
export function tiktokRounded(n: number): number {
  if (n < 10_000) return n;
  const step = n >= 1e9 ? 1e8 : n >= 1e6 ? 1e5 : 100;
  return Math.round(n / step) * step;
}

/** TikTok's display text: "8762", "38.4K", "1.2M". */
function shortCount(n: number): string {
  if (n < 10_000) return String(n);
  const [div, unit] = n >= 1e9 ? [1e9, 'B'] : n >= 1e6 ? [1e6, 'M'] : [1e3, 'K'];
  return `${(tiktokRounded(n) / div).toFixed(1).replace(/\.0$/, '')}${unit}`;
}

/** Exact counts where the layout carries statsV2, else the rounded `stats`. */
function carried(a: TikTokAccount, n: number): number {
  return a.layout === 'universal' ? n : tiktokRounded(n);
}

function statsOf(v: TikTokVideo) {
  return {
    diggCount: tiktokRounded(v.likes),
    shareCount: tiktokRounded(v.shares),
    commentCount: tiktokRounded(v.comments),
    playCount: tiktokRounded(v.plays),
    collectCount: tiktokRounded(v.saves),
  };
}

function statsV2Of(v: TikTokVideo) {
  return {
    diggCount: String(v.likes),
    shareCount: String(v.shares),
    commentCount: String(v.comments),
    playCount: String(v.plays),
    collectCount: String(v.saves),
    repostCount: '0',
  };
}

function userStats(a: TikTokAccount) {
  return {
    followerCount: tiktokRounded(a.followers),
    followingCount: tiktokRounded(a.following),
    heart: tiktokRounded(a.hearts),
    heartCount: tiktokRounded(a.hearts),
    videoCount: tiktokRounded(a.videoCount),
    diggCount: tiktokRounded(a.likesGiven),
    friendCount: 14,
  };
}

function userStatsV2(a: TikTokAccount) {
  return {
    followerCount: String(a.followers),
    followingCount: String(a.following),
    heart: String(a.hearts),
    heartCount: String(a.hearts),
    videoCount: String(a.videoCount),
    diggCount: String(a.likesGiven),
    friendCount: '14',
  };
}

// ---------------------------------------------------------------------------------------------
// JSON bodies in TikTok's shapes

const AVATAR = 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/demo~c5_720x720.jpeg';

function userObject(a: TikTokAccount) {
  return {
    id: a.userId,
    shortId: '',
    uniqueId: a.handle,
    nickname: a.name,
    avatarLarger: AVATAR,
    avatarMedium: AVATAR,
    avatarThumb: AVATAR,
    signature: a.bio,
    createTime: 0,
    verified: false,
    secUid: a.secUid,
    ftc: false,
    relation: 0,
    openFavorite: false,
    commentSetting: 0,
    duetSetting: 0,
    stitchSetting: 0,
    privateAccount: a.isPrivate,
    secret: a.isPrivate,
    isADVirtual: false,
    roomId: '',
    uniqueIdModifyTime: 0,
    ttSeller: false,
    region: 'US',
    profileTab: { showMusicTab: false, showQuestionTab: true, showPlayListTab: true },
    followingVisibility: 1,
    language: 'en',
  };
}

/** The current `userInfo`: user, rounded stats, exact statsV2; the videos come from item_list. */
function userInfo(a: TikTokAccount) {
  return { user: userObject(a), stats: userStats(a), statsV2: userStatsV2(a), itemList: [] };
}

/** A current itemStruct (item_list entries and `webapp.video-detail`). */
function itemStruct(a: TikTokAccount, v: TikTokVideo) {
  return {
    id: v.id,
    desc: v.desc,
    createTime: String(v.createTime),
    scheduleTime: 0,
    video: { id: v.id, height: 1024, width: 576, duration: 18 + (v.likes % 40), ratio: '540p', format: 'mp4', videoQuality: 'normal' },
    author: userObject(a),
    music: { id: `72${v.id.slice(2)}`, title: `original sound - ${a.handle}`, authorName: a.name, original: true, duration: 30 },
    challenges: [],
    stats: statsOf(v),
    statsV2: statsV2Of(v),
    authorStats: userStats(a),
    authorStatsV2: userStatsV2(a),
    warnInfo: [],
    originalItem: false,
    officalItem: false,
    secret: false,
    forFriend: false,
    digged: false,
    itemCommentStatus: 0,
    duetEnabled: true,
    stitchEnabled: true,
    shareEnabled: true,
    isAd: false,
    locationCreated: 'US',
    diversificationId: 10_053,
    ...(v.pinned ? { isPinnedItem: true } : {}),
  };
}

function apiEnvelope(body: Record<string, unknown>) {
  return {
    extra: { fatal_item_ids: [], logid: '20250612093127A1B2C3D4E5F60718293A', now: Date.now() },
    log_pb: { impr_id: '20250612093127A1B2C3D4E5F60718293A' },
    ...body,
    statusCode: 0,
    status_code: 0,
    status_msg: '',
  };
}

/** `/api/user/detail/?uniqueId=…` as the web client receives it. */
export function userDetailResponse(a: TikTokAccount): unknown {
  return apiEnvelope({ shareMeta: { title: `${a.name} on TikTok`, desc: shareDesc(a) }, userInfo: { user: userObject(a), stats: userStats(a), statsV2: userStatsV2(a) } });
}

/** `/api/post/item_list/?secUid=…&cursor=0` (first page: pinned first, then newest). */
export function itemListResponse(a: TikTokAccount): unknown {
  if (a.videos.length === 0) return apiEnvelope({ cursor: '0', hasMore: false, hasMorePrevious: false });
  const last = a.videos[a.videos.length - 1]!;
  return apiEnvelope({
    cursor: String(last.createTime * 1000),
    hasMore: a.videoCount > a.videos.length,
    hasMorePrevious: false,
    itemList: a.videos.map((v) => itemStruct(a, v)),
  });
}

function shareDesc(a: TikTokAccount): string {
  return `@${a.handle} ${shortCount(a.followers)} Followers, ${shortCount(a.following)} Following, ${shortCount(a.hearts)} Likes - Watch awesome short videos created by ${a.name}`;
}

function profileDescription(a: TikTokAccount, fans = false): string {
  return `${a.name} (@${a.handle}) on TikTok | ${shortCount(a.hearts)} Likes. ${shortCount(a.followers)} ${fans ? 'Fans' : 'Followers'}. ${a.bio.split('\n')[0]}.Watch the latest video from ${a.name} (@${a.handle}).`;
}

const APP_CONTEXT = {
  language: 'en',
  region: 'US',
  appId: 1988,
  appType: 'm',
  // Logged out: the signed-in viewer would be here, never the profile.
  user: {},
  wid: '7379541168306210337',
  webIdCreatedTime: '1718181887',
  odinId: '7379541097795241989',
  nonce: 'c0ffee17-0a4e-4d61-9a1e-a2f5e1d6b001',
  botType: 'others',
  requestId: '20250612093127A1B2C3D4E5F60718293A',
};

function universal(scope: Record<string, unknown>): unknown {
  return { __DEFAULT_SCOPE__: { 'webapp.app-context': APP_CONTEXT, 'webapp.biz-context': { isGoogleBot: false, isBingBot: false }, ...scope } };
}

// ---------------------------------------------------------------------------------------------
// HTML

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON inside a <script>: "</" must not close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/<\//g, '<\\/');
}

const STYLE = `<style>
  * { box-sizing: border-box; }
  body { font: 15px/1.4 "TikTokFont", -apple-system, system-ui, sans-serif; margin: 0; color: #161823; background: #fff; }
  .top { height: 60px; border-bottom: 1px solid #e3e3e4; display: flex; align-items: center; padding: 0 20px; gap: 16px; }
  .logo { font-weight: 800; font-size: 22px; letter-spacing: -0.5px; }
  .logo i { color: #fe2c55; font-style: normal; }
  .search { flex: 0 1 360px; margin: 0 auto; height: 40px; border-radius: 92px; background: #f1f1f2; color: #8a8b91; display: flex; align-items: center; padding: 0 16px; }
  .layout { display: flex; }
  .side { width: 240px; padding: 16px 12px; border-right: 1px solid #f1f1f2; min-height: calc(100vh - 60px); }
  .side a { display: block; padding: 8px; font-weight: 700; font-size: 17px; color: #161823; text-decoration: none; cursor: pointer; border-radius: 4px; }
  .side a:hover { background: #f8f8f8; }
  .side h4 { margin: 18px 8px 6px; color: #8a8b91; font-size: 13px; font-weight: 600; }
  .side a.acct { font-weight: 600; font-size: 14px; }
  main { flex: 1; padding: 32px 24px; max-width: 1000px; }
  .head { display: flex; gap: 24px; align-items: center; }
  .avatar { width: 116px; height: 116px; border-radius: 50%; background: linear-gradient(135deg, #25f4ee, #fe2c55); flex: none; }
  .head h1 { margin: 0; font-size: 32px; }
  .head h2 { margin: 4px 0 0; font-size: 18px; font-weight: 500; }
  .counts { display: flex; gap: 20px; margin-top: 14px; }
  .counts b { font-weight: 700; margin-right: 4px; }
  .bio { margin-top: 10px; white-space: pre-line; }
  .tabs { margin-top: 24px; border-bottom: 1px solid #e3e3e4; font-weight: 600; padding-bottom: 8px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 16px; margin-top: 16px; }
  .tile { aspect-ratio: 3 / 4; border-radius: 4px; background: linear-gradient(160deg, #3a3f4b, #9aa3b5); color: #fff; position: relative; }
  .tile span { position: absolute; left: 8px; bottom: 6px; font-weight: 600; font-size: 14px; }
  .tile em { position: absolute; left: 8px; top: 6px; background: #fe2c55; border-radius: 2px; padding: 0 4px; font-size: 12px; font-style: normal; }
  .player { display: flex; gap: 24px; }
  .video { width: 360px; aspect-ratio: 9 / 16; border-radius: 8px; background: linear-gradient(180deg, #111, #3b4a5a); flex: none; }
  .actions b { display: block; margin-top: 14px; }
</style>`;

const SIDE_LINKS = `<a data-nav="/foryou" href="/foryou">For You</a><a data-nav="/explore" href="/explore">Explore</a><a data-nav="/following" href="/following">Following</a>`;

function suggested(current: string | null): string {
  const links = [SOFIA, BAO, THEO]
    .filter((a) => a.handle !== current)
    .map((a) => `<a class="acct" data-nav="/@${a.handle}" href="/@${a.handle}">@${a.handle}</a>`)
    .join('');
  return `<h4>Suggested accounts</h4>${links}`;
}

function shell(title: string, head: string, main: string, tail: string, current: string | null = null): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${head}
${STYLE}
</head><body>
<div id="app">
<div class="top"><span class="logo"><i>♪</i> TikTok <small>(demo)</small></span><span class="search">Search</span></div>
<div class="layout"><nav class="side">${SIDE_LINKS}${suggested(current)}</nav>
<main>${main}</main></div>
</div>
${tail}
</body></html>`;
}

function profileMain(a: TikTokAccount, withGrid: boolean): string {
  const grid = a.isPrivate
    ? '<p><b>This account is private</b><br>Follow this account to see their content and likes</p>'
    : withGrid
      ? a.videos.map((v) => `<div class="tile">${v.pinned ? '<em>Pinned</em>' : ''}<span>▷ ${shortCount(v.plays)}</span></div>`).join('')
      : '';
  return `<div class="head"><div class="avatar"></div><div><h1 data-e2e="user-title">${esc(a.handle)}</h1><h2 data-e2e="user-subtitle">${esc(a.name)}</h2>
<div class="counts"><span><b data-e2e="following-count">${shortCount(a.following)}</b>Following</span><span><b data-e2e="followers-count">${shortCount(a.followers)}</b>Followers</span><span><b data-e2e="likes-count">${shortCount(a.hearts)}</b>Likes</span></div>
<div class="bio" data-e2e="user-bio">${esc(a.bio)}</div></div></div>
<div class="tabs">Videos</div><div class="grid" data-e2e="user-post-item-list">${grid}</div>`;
}

/**
 * The current web client, reduced to what matters here: on a profile it fetches the video list
 * (item_list by secUid) after the page loads; links navigate in-app with pushState and fetch the
 * new profile (user/detail by uniqueId, then item_list by its secUid). Responses are cached, so
 * back/forward shows a profile again without new requests. A short wait stands for network time.
 * The embedded data is never updated: it keeps describing the first page, as on TikTok.
 */
const ROUTER = `<script>
(function () {
  var COMMON = 'WebIdLastTime=1718181887&aid=1988&app_language=en&app_name=tiktok_web&browser_language=en-US&browser_name=Mozilla&browser_online=true&browser_platform=Linux%20x86_64&channel=tiktok_web&cookie_enabled=true&device_id=7379541168306210337&device_platform=web_pc&focus_state=true&history_len=2&is_fullscreen=false&is_page_visible=true&language=en&os=linux&priority_region=&referer=&region=US&screen_height=860&screen_width=1280&tz_name=America%2FNew_York&webcast_language=en';
  var LATENCY = 300;
  var users = {};
  var lists = {};
  var main = document.querySelector('main');
  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function short(n) {
    n = Number(n);
    if (n < 10000) return String(n);
    var u = n >= 1e6 ? [1e6, 'M'] : [1e3, 'K'];
    return (n / u[0]).toFixed(1).replace(/\\.0$/, '') + u[1];
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function renderProfile(info) {
    var u = info.user, s = info.statsV2 || info.stats;
    document.title = u.nickname + ' (@' + u.uniqueId + ') | TikTok';
    main.replaceChildren();
    var head = el('div', 'head');
    head.append(el('div', 'avatar'));
    var box = el('div');
    box.append(el('h1', null, u.uniqueId), el('h2', null, u.nickname));
    var counts = el('div', 'counts');
    [['followingCount', 'Following'], ['followerCount', 'Followers'], ['heartCount', 'Likes']].forEach(function (c) {
      var span = el('span');
      span.append(el('b', null, short(s[c[0]])), c[1]);
      counts.append(span);
    });
    box.append(counts, el('div', 'bio', u.signature));
    head.append(box);
    main.append(head, el('div', 'tabs', 'Videos'), el('div', 'grid'));
  }
  function renderGrid(list) {
    var grid = main.querySelector('.grid');
    if (!grid) return;
    grid.replaceChildren();
    (list.itemList || []).forEach(function (item) {
      var tile = el('div', 'tile');
      if (item.isPinnedItem) tile.append(el('em', null, 'Pinned'));
      tile.append(el('span', null, '▷ ' + short(item.statsV2 ? item.statsV2.playCount : item.stats.playCount)));
      grid.append(tile);
    });
  }
  function loadVideos(user) {
    if (user.privateAccount) return Promise.resolve();
    if (lists[user.secUid]) { renderGrid(lists[user.secUid]); return Promise.resolve(); }
    var url = '/api/post/item_list/?' + COMMON + '&count=35&coverFormat=2&cursor=0&from_page=user&post_item_list_request_type=0&secUid=' + encodeURIComponent(user.secUid);
    return wait(LATENCY).then(function () { return fetch(url, { credentials: 'include' }); })
      .then(function (r) { return r.json(); })
      .then(function (j) { lists[user.secUid] = j; if (location.pathname === '/@' + user.uniqueId) renderGrid(j); });
  }
  function showProfile(handle) {
    if (users[handle]) { renderProfile(users[handle]); return loadVideos(users[handle].user); }
    main.replaceChildren(el('p', null, 'Loading…'));
    var url = '/api/user/detail/?' + COMMON + '&from_page=user&secUid=&uniqueId=' + encodeURIComponent(handle);
    return wait(LATENCY).then(function () { return fetch(url, { credentials: 'include' }); })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (!j.userInfo) return;
        users[handle] = j.userInfo;
        if (location.pathname !== '/@' + handle) return;
        renderProfile(j.userInfo);
        return loadVideos(j.userInfo.user);
      });
  }
  function route() {
    var m = /^\\/@([^/]+)$/.exec(location.pathname);
    if (m) { showProfile(decodeURIComponent(m[1])); return; }
    document.title = 'TikTok - Make Your Day';
    main.replaceChildren(el('h1', null, location.pathname === '/explore' ? 'Explore' : 'For You'), el('div', 'grid'));
  }
  document.querySelectorAll('[data-nav]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      history.pushState({}, '', a.getAttribute('data-nav'));
      route();
    });
  });
  window.addEventListener('popstate', route);
  // First load: the profile's user came embedded; its videos are fetched, as TikTok does.
  var data = document.getElementById('__UNIVERSAL_DATA_FOR_REHYDRATION__');
  var scope = data && JSON.parse(data.textContent).__DEFAULT_SCOPE__;
  var detail = scope && scope['webapp.user-detail'];
  if (detail && detail.userInfo && detail.userInfo.user) {
    users[detail.userInfo.user.uniqueId] = detail.userInfo;
    loadVideos(detail.userInfo.user);
  }
})();
</script>`;

function universalScript(value: unknown): string {
  return `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${scriptJson(value)}</script>`;
}

function profileHead(a: TikTokAccount, fans = false): string {
  const d = esc(profileDescription(a, fans));
  return `<meta name="description" content="${d}">
<meta property="og:title" content="${esc(`${a.name} on TikTok`)}">
<meta property="og:description" content="${d}">
<meta property="og:url" content="${ORIGIN}/@${a.handle}">
<link rel="canonical" href="${ORIGIN}/@${a.handle}">`;
}

/** Current profile page: user-detail embedded, the video grid fetched by the page. */
export function universalProfilePage(a: TikTokAccount): string {
  const data = universal({
    'seo.abtest': { canonical: `${ORIGIN}/@${a.handle}`, pageId: a.userId, vidList: [], parameters: {} },
    'webapp.user-detail': { userInfo: userInfo(a), shareMeta: { title: `${a.name} on TikTok`, desc: shareDesc(a) }, statusCode: 0, statusMsg: '', needFix: true },
  });
  return shell(`${a.name} (@${a.handle}) | TikTok`, profileHead(a), profileMain(a, false), `${universalScript(data)}\n${ROUTER}`, a.handle);
}

/** Current video page: `webapp.video-detail` with the item and its author's counts. */
export function universalVideoPage(a: TikTokAccount, v: TikTokVideo): string {
  const data = universal({
    'seo.abtest': { canonical: videoUrl(a, v), pageId: v.id, vidList: [], parameters: {} },
    'webapp.video-detail': {
      itemInfo: { itemStruct: itemStruct(a, v) },
      shareMeta: { title: `${a.name} on TikTok`, desc: `${shortCount(v.likes)} Likes, ${shortCount(v.comments)} Comments. TikTok video from ${a.name} (@${a.handle}): "${v.desc}"` },
      statusCode: 0,
      statusMsg: '',
    },
  });
  const d = esc(`${shortCount(v.likes)} Likes, ${shortCount(v.comments)} Comments. TikTok video from ${a.name} (@${a.handle}): "${v.desc}".`);
  const head = `<meta name="description" content="${d}">
<meta property="og:description" content="${d}">
<meta property="og:url" content="${videoUrl(a, v)}">
<link rel="canonical" href="${videoUrl(a, v)}">`;
  const main = `<div class="player"><div class="video"></div><div><h2><a data-nav="/@${a.handle}" href="/@${a.handle}">${esc(a.handle)}</a> · ${esc(a.name)}</h2>
<p>${esc(v.desc)}</p><div class="actions"><b>♥ ${shortCount(v.likes)}</b><b>💬 ${shortCount(v.comments)}</b><b>🔖 ${shortCount(v.saves)}</b><b>↪ ${shortCount(v.shares)}</b></div></div></div>`;
  return shell(`${v.desc.slice(0, 40)} | TikTok`, head, main, `${universalScript(data)}\n${ROUTER}`, a.handle);
}

/** The `SIGI_STATE` profile (2021–2023): users, stats and the first videos embedded. */
export function sigiProfilePage(a: TikTokAccount): string {
  const items: Record<string, unknown> = {};
  for (const v of a.videos) {
    items[v.id] = {
      id: v.id,
      desc: v.desc,
      createTime: String(v.createTime),
      video: { id: v.id, height: 1024, width: 576, duration: 24, ratio: '720p' },
      author: a.handle,
      music: { id: `69${v.id.slice(2)}`, title: `original sound - ${a.handle}`, original: true },
      challenges: [],
      stats: statsOf(v),
      isActivityItem: false,
      duetInfo: { duetFromId: '0' },
      warnInfo: [],
      originalItem: false,
      officalItem: false,
      secret: false,
      forFriend: false,
      digged: false,
      itemCommentStatus: 0,
      showNotPass: false,
      vl1: false,
      takeDown: 0,
      itemMute: false,
      authorId: a.userId,
      authorSecId: a.secUid,
      avatarThumb: AVATAR,
      nickname: a.name,
      privateItem: false,
      duetEnabled: true,
      stitchEnabled: true,
      shareEnabled: true,
      isAd: false,
      ...(v.pinned ? { isPinnedItem: true } : {}),
    };
  }
  const ids = a.videos.map((v) => v.id);
  const sigi = {
    AppContext: { appContext: { language: 'en', region: 'US', appId: 1233, appType: 'm', user: {}, wid: '7161290412233557510' } },
    SEO: { metaParams: { title: `${a.name} (@${a.handle}) TikTok | Watch ${a.name}'s Newest TikTok Videos`, canonicalHref: `${ORIGIN}/@${a.handle}` } },
    UserPage: { uniqueId: a.handle, statusCode: 0, secUid: a.secUid },
    UserModule: {
      users: { [a.handle]: { ...userObject(a), extraInfo: { statusCode: 0 } } },
      stats: { [a.handle]: userStats(a) },
    },
    ItemModule: items,
    ItemList: { 'user-post': { list: ids, browserList: ids, loaded: true, statusCode: 0, cursor: '0', hasMore: a.videoCount > ids.length } },
  };
  return shell(
    `${a.name} (@${a.handle}) TikTok | Watch ${a.name}'s Newest TikTok Videos`,
    profileHead(a),
    profileMain(a, true),
    `<script id="SIGI_STATE" type="application/json">${scriptJson(sigi)}</script>
<script id="SIGI_RETRY" type="application/json">{"UserModule":{}}</script>`,
    a.handle,
  );
}

/** The Next.js profile (2020–2021): pageProps.userInfo (rounded stats) and items[]. */
export function nextDataProfilePage(a: TikTokAccount): string {
  const user = userObject(a);
  const next = {
    props: {
      initialProps: { statusCode: 0, $host: 'www.tiktok.com', $pageUrl: `/@${a.handle}`, $fullUrl: `${ORIGIN}/@${a.handle}`, $language: 'en', $region: 'US', $appId: 1233 },
      pageProps: {
        serverCode: 200,
        uniqueId: a.handle,
        statusCode: 0,
        statusMsg: '',
        userInfo: { user, stats: userStats(a), itemList: [] },
        metaParams: { title: `${a.name} (@${a.handle}) on TikTok`, description: a.bio, canonicalHref: `${ORIGIN}/@${a.handle}` },
        itemList: [],
        feedConfig: { pageType: 1, secUid: a.secUid, id: a.userId, showAvatar: false, emptyTip: 'No videos yet' },
        isSSR: true,
        items: a.videos.map((v) => ({
          id: v.id,
          desc: v.desc,
          createTime: v.createTime,
          video: { id: v.id, height: 960, width: 540, duration: 21, ratio: '720p' },
          author: user,
          music: { id: `68${v.id.slice(2)}`, title: `original sound - ${a.handle}`, original: true },
          challenges: [],
          stats: { diggCount: statsOf(v).diggCount, shareCount: statsOf(v).shareCount, commentCount: statsOf(v).commentCount, playCount: statsOf(v).playCount },
          duetInfo: { duetFromId: '0' },
          originalItem: false,
          officalItem: false,
          secret: false,
          forFriend: false,
          digged: false,
          itemCommentStatus: 0,
          authorStats: { followerCount: tiktokRounded(a.followers), followingCount: a.following, heart: tiktokRounded(a.hearts), heartCount: tiktokRounded(a.hearts), videoCount: a.videoCount, diggCount: tiktokRounded(a.likesGiven) },
          privateItem: false,
          duetEnabled: true,
          stitchEnabled: true,
          isAd: false,
          shareEnabled: true,
        })),
        videoListHasMore: true,
        videoListMaxCursor: (a.videos[a.videos.length - 1]?.createTime ?? NOW) * 1000,
        videoListMinCursor: (a.videos[0]?.createTime ?? NOW) * 1000,
        videoListStatusCode: 0,
      },
      pathname: '/share/user',
    },
    page: '/share/user',
    query: { uniqueId: a.handle },
    buildId: '1.0.3.1161',
    isFallback: false,
    customServer: true,
    gip: true,
    appGip: true,
  };
  return shell(
    `${a.name} (@${a.handle}) on TikTok`,
    profileHead(a, true),
    profileMain(a, true),
    `<script id="__NEXT_DATA__" type="application/json" crossorigin="anonymous">${scriptJson(next)}</script>`,
    a.handle,
  );
}

/** A profile URL served as the bare app shell: no user-detail, no meta counts (e.g. a bot check). */
export function noDataProfilePage(handle: string): string {
  const data = universal({ 'seo.abtest': { canonical: `${ORIGIN}/@${handle}`, pageId: '', vidList: [], parameters: {} } });
  return shell(`@${handle} | TikTok`, '', `<div class="head"><div class="avatar"></div><div><h1>${esc(handle)}</h1><p>Something went wrong. Refresh</p></div></div>`, universalScript(data));
}

/** For You / Explore / Following: not one account's page. */
export function feedPage(path: string): string {
  const data = universal({ 'seo.abtest': { canonical: `${ORIGIN}${path}`, pageId: '', vidList: [], parameters: {} } });
  return shell('TikTok - Make Your Day', '', `<h1>${path === '/explore' ? 'Explore' : 'For You'}</h1><div class="grid"></div>`, `${universalScript(data)}\n${ROUTER}`);
}

export function profilePage(a: TikTokAccount): string {
  if (a.layout === 'sigi') return sigiProfilePage(a);
  if (a.layout === 'next') return nextDataProfilePage(a);
  return universalProfilePage(a);
}

// ---------------------------------------------------------------------------------------------
// The demo server

const html = (body: string): Served => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
const json = (body: unknown, status = 200): Served => ({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

function byHandle(handle: string | null | undefined): TikTokAccount | undefined {
  return TIKTOK_ACCOUNTS.find((a) => a.handle.toLowerCase() === (handle ?? '').toLowerCase());
}

/** The response for a www.tiktok.com URL, or null when the demo site has no such page. */
export function serveTiktok(url: string): Served | null {
  const u = new URL(url);
  if (u.hostname !== 'www.tiktok.com') return null;
  const path = u.pathname;
  if (path === '/api/user/detail/') {
    const a = byHandle(u.searchParams.get('uniqueId'));
    // TikTok answers an unknown user with status 200 and a non-zero statusCode.
    return a ? json(userDetailResponse(a)) : json({ statusCode: 10221, status_code: 10221, status_msg: '', userInfo: {} });
  }
  if (path === '/api/post/item_list/') {
    const a = TIKTOK_ACCOUNTS.find((x) => x.secUid === u.searchParams.get('secUid'));
    return a ? json(itemListResponse(a)) : json({ statusCode: 10201, status_code: 10201, status_msg: '' });
  }
  if (path === '/favicon.ico') return { status: 404, contentType: 'text/plain', body: '' };
  if (path === '/foryou' || path === '/explore' || path === '/following' || path === '/') return html(feedPage(path));
  if (path === `/@${GHOST_HANDLE}`) return html(noDataProfilePage(GHOST_HANDLE));
  const m = /^\/@([A-Za-z0-9_.]+)(?:\/video\/(\d{19}))?$/.exec(path);
  const a = byHandle(m?.[1]);
  if (!m || !a) return null;
  if (m[2] === undefined) return html(profilePage(a));
  const v = a.videos.find((x) => x.id === m[2]);
  return v && a.layout === 'universal' ? html(universalVideoPage(a, v)) : null;
}

registerDemoServer(serveTiktok);

// ---------------------------------------------------------------------------------------------
// Independent expectations (plain arithmetic on the fixture numbers, nothing from lib/)

/** The followers the page carries for the account (exact in the current layout, else rounded). */
export function expectedFollowers(a: TikTokAccount): number {
  return carried(a, a.followers);
}

/**
 * The videos a "recent posts" rate should use: the 12 newest, pinned ones left out (a pinned
 * video is an old favourite the creator chose, not a recent post).
 */
export function recentVideos(a: TikTokAccount): TikTokVideo[] {
  return a.videos.filter((v) => !v.pinned).slice(0, 12);
}

function mean(values: number[]): number {
  return values.reduce((s, x) => s + x, 0) / values.length;
}

/** Mean per-video ER (%) per follower: (likes + comments) / followers, counts as carried. */
export function expectedEr(a: TikTokAccount): number {
  const f = expectedFollowers(a);
  return mean(recentVideos(a).map((v) => ((carried(a, v.likes) + carried(a, v.comments)) / f) * 100));
}

/** Mean per-video ER (%) per play: (likes + comments) / plays. */
export function expectedErPerPlay(a: TikTokAccount): number {
  return mean(recentVideos(a).map((v) => ((carried(a, v.likes) + carried(a, v.comments)) / carried(a, v.plays)) * 100));
}

/** ER per play as TikTok's publishers define it: (likes + comments + shares) ÷ plays, mean over the recent videos, %. */
export function expectedErPerPlayWithShares(a: TikTokAccount): number {
  return mean(recentVideos(a).map((v) => ((carried(a, v.likes) + carried(a, v.comments) + carried(a, v.shares)) / carried(a, v.plays)) * 100));
}

/** Mean of one count over the recent videos, as carried by the page. */
export function expectedAverage(a: TikTokAccount, key: 'plays' | 'likes' | 'comments' | 'shares'): number {
  return mean(recentVideos(a).map((v) => carried(a, v[key])));
}

/** A single video's ER (%) per follower, against the author's exact followers (video pages carry statsV2). */
export function expectedVideoEr(a: TikTokAccount, v: TikTokVideo): number {
  return ((v.likes + v.comments) / a.followers) * 100;
}

export function expectedVideoErPerPlay(v: TikTokVideo): number {
  return ((v.likes + v.comments) / v.plays) * 100;
}
