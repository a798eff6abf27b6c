/**
 * TikTok reader: profile pages (`/@handle`) and video / photo pages (`/@handle/video/<id>`,
 * `/@handle/photo/<id>`).
 *
 * Every TikTok URL form, JSON shape and script marker lives in this file. TikTok has carried its
 * page data in four generations, all still found in saved pages and some still served:
 * - current: `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">` → `__DEFAULT_SCOPE__`
 *   `["webapp.user-detail"].userInfo.{user, stats, statsV2}` and
 *   `["webapp.video-detail"].itemInfo.itemStruct`; `statsV2` holds exact counts as strings,
 *   `stats` may be rounded to what the page displays ("2.6M" → 2600000);
 * - `SIGI_STATE` (2021–2023, `<script id="SIGI_STATE">` or `window['SIGI_STATE']=…`):
 *   `UserModule.users/stats[handle]`, `ItemModule[id]` (author is a bare handle) and
 *   `ItemList["user-post"].list` (ids in page order);
 * - Next.js `__NEXT_DATA__` `props.pageProps`: `userInfo` + `items[]` (profile, 2020–2021),
 *   `itemInfo.itemStruct` (video, 2020-10), `videoData.{itemInfos, authorInfos, authorStats}`
 *   (video, 2020-03) and `userData` (profile, 2019);
 * - the web client's own JSON: `/api/user/detail/` → `{userInfo}`, `/api/item/detail/` →
 *   `{itemInfo:{itemStruct}}`, `/api/post/item_list/` and `/api/creator/item_list/` →
 *   `{itemList:[itemStruct…], hasMore, cursor}`; and the same subtrees kept bare by scrapers
 *   (a `userInfo` object or an `itemStruct`, alone or in an array).
 * Bodies are recognised by their shape, never by the request URL, because a saved file arrives
 * with the page URL as its request URL.
 *
 * TikTok is a single-page app: after in-app navigation the embedded data still describes the
 * first page. So a profile only takes a user whose `uniqueId` is the URL's handle and videos
 * whose author is that user, and a video page only the item whose id is the URL's id; with
 * nothing matching the page is still `loading`.
 */
import * as z from 'zod/mini';
import { parseCountDetailed, preferExact, type ParsedCount } from '../metrics/counts';
import { isObject, jsonAfterMarker, tryParseJson, type JsonObject, lenient } from './page';
import { emptyPost, type PageData, type PageLocation, type PlatformReader, type PostStats, type Snapshot, emptySnapshot } from './types';
import { defineReader } from './fit';
import { pinnedNote } from '../metrics/recent';

const ORIGIN = 'https://www.tiktok.com';

// ---------------------------------------------------------------------------------------------
// URLs

/** TikTok handles are letters, digits, `_` and `.` (at most 24 today; older ones may be longer). */
const HANDLE = /^@([A-Za-z0-9_.]{1,64})$/;
const VIDEO_ID = /^\d{5,25}$/;

export function locateTikTok(url: string): PageLocation {
  const other: PageLocation = { platform: 'tiktok', kind: 'other', handle: null, postId: null, profileUrl: null };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return other;
  }
  if (!/(^|\.)tiktok\.com$/i.test(parsed.hostname)) return other;
  const parts = parsed.pathname.split('/').filter(Boolean).map(safeDecode);
  // Everything that is not under /@handle (/, /foryou, /explore, /search, /tag/…, /music/…,
  // /live, /messages, /upload, /embed/…) is not one account's page.
  const handle = HANDLE.exec(parts[0] ?? '')?.[1];
  if (!handle) return other;
  const located = { ...other, handle, profileUrl: `${ORIGIN}/@${handle}` };
  if (parts.length === 1) return { ...located, kind: 'profile' };
  const [, section = '', id = ''] = parts;
  if (parts.length === 3 && (section === 'video' || section === 'photo') && VIDEO_ID.test(id)) {
    return { ...located, kind: 'post', postId: id };
  }
  // /@handle/live, /@handle/playlist/…, /@handle/collection/… carry no counts we read.
  return other;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function postUrl(handle: string, id: string, photo: boolean): string {
  return `${ORIGIN}/@${handle}/${photo ? 'photo' : 'video'}/${id}`;
}

// ---------------------------------------------------------------------------------------------
// Shapes (loose and all-optional: a field of the wrong type is dropped, never fatal)

const opt = <T extends z.ZodMiniType>(schema: T) => lenient(z.optional(schema));
const text = opt(z.string());
const flag = opt(z.boolean());
/** Counts arrive as numbers or, in statsV2 and some legacy fields, as digit strings. */
const count = opt(z.union([z.number(), z.string()]));
const idLike = opt(z.union([z.string(), z.number()]));

const Stats = z.looseObject({
  followerCount: count,
  followingCount: count,
  /** Likes the account RECEIVED; `heart` is the older (int32, can overflow) twin. */
  heartCount: count,
  heart: count,
  videoCount: count,
  /** On an account: likes it GAVE (ignored). On a video: the video's likes. */
  diggCount: count,
  playCount: count,
  commentCount: count,
  shareCount: count,
});
type StatsShape = z.infer<typeof Stats>;

const User = z.looseObject({
  id: idLike,
  uniqueId: text,
  secUid: text,
  nickname: text,
  signature: text,
  verified: flag,
  privateAccount: flag,
  secret: flag,
});
type UserShape = z.infer<typeof User>;

const UserInfo = z.looseObject({
  user: opt(User),
  stats: opt(Stats),
  statsV2: opt(Stats),
  itemList: opt(z.array(z.unknown())),
});

const ItemStruct = z.looseObject({
  id: idLike,
  /** An object in itemStructs, a bare handle in SIGI_STATE's ItemModule. */
  author: opt(z.union([z.string(), User])),
  stats: opt(Stats),
  statsV2: opt(Stats),
  authorStats: opt(Stats),
  authorStatsV2: opt(Stats),
  createTime: count,
  imagePost: opt(z.looseObject({})),
  /** Pinned to the top of the profile grid: an older highlight, not a recent video. */
  isPinnedItem: opt(z.boolean()),
});

/** `props.pageProps.videoData` of 2020-03 video pages: flat, exact counts. */
const LegacyVideoData = z.looseObject({
  itemInfos: opt(
    z.looseObject({ id: idLike, diggCount: count, playCount: count, commentCount: count, shareCount: count, createTime: count }),
  ),
  authorInfos: opt(
    z.looseObject({ uniqueId: text, userId: idLike, secUid: text, nickName: text, signature: text, verified: flag, isSecret: flag }),
  ),
  authorStats: opt(Stats),
});

/** `props.pageProps.userData` of 2019 profile pages. */
const LegacyUserData = z.looseObject({
  uniqueId: text,
  userId: idLike,
  secUid: text,
  nickName: text,
  signature: text,
  verified: flag,
  isSecret: flag,
  fans: count,
  following: count,
  heart: count,
  video: count,
});

const Dict = opt(z.record(z.string(), z.unknown()));
const SigiState = z.looseObject({
  UserModule: opt(z.looseObject({ users: Dict, stats: Dict })),
  ItemModule: Dict,
  ItemList: Dict,
});
const SigiList = z.looseObject({
  list: opt(z.array(z.unknown())),
  preloadList: opt(z.array(z.unknown())),
});

// ---------------------------------------------------------------------------------------------
// What the blocks say

type Origin = 'user' | 'author' | 'meta';

interface Account {
  /** Lower-case comparisons are done by the caller; this keeps TikTok's spelling. */
  handle: string | null;
  id: string | null;
  secUid: string | null;
  displayName: string | null;
  bio: string | null;
  verified: boolean | null;
  isPrivate: boolean | null;
  followers: ParsedCount | null;
  following: number | null;
  videos: number | null;
  hearts: number | null;
  /** A profile's own user object beats the author stats copied into each of its videos. */
  origin: Origin;
  seq: number;
  source: string;
}

interface Video {
  post: PostStats;
  author: Owner;
  photo: boolean;
  /** Some count came from `stats` and looks rounded to display precision. */
  rounded: boolean;
  authorAccount: Account | null;
  source: string;
}

interface Owner {
  handle: string | null;
  id: string | null;
  secUid: string | null;
}

interface Facts {
  accounts: Account[];
  videos: Video[];
  /** TikTok said a page is unavailable (non-zero statusCode without data). */
  refusals: number[];
  seq: number;
}

interface Ctx {
  label: string;
  facts: Facts;
  /** Who owns items that carry no author (a userInfo's itemList; item_list?secUid=…). */
  owner: Owner | null;
}

const NO_OWNER: Owner = { handle: null, id: null, secUid: null };

/**
 * TikTok's `stats` carry what the page displays: 10K+ counts rounded to 0.1K, 1M+ to 0.1M,
 * 1B+ to 0.1B (e.g. 50100000 for "50.1M"). A value on such a step is most likely rounded
 * (an exact count lands on it by chance 1 time in 100 or less).
 */
export function looksRounded(n: number): boolean {
  const step = n >= 1e9 ? 1e8 : n >= 1e6 ? 1e5 : n >= 1e4 ? 1e2 : 0;
  return step > 0 && n % step === 0;
}

/** An exact statsV2 string wins over a `stats` number that looks rounded. */
function statCount(exact: string | number | undefined, shown: string | number | undefined): ParsedCount | null {
  const v1 = parseCountDetailed(shown);
  return preferExact(parseCountDetailed(exact), v1 && { value: v1.value, exact: v1.exact && !looksRounded(v1.value) });
}

function cleanId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  return typeof value === 'string' && /^\d{1,25}$/.test(value) ? value : null;
}

function cleanHandle(value: string | undefined): string | null {
  return value !== undefined && /^[A-Za-z0-9_.]{1,64}$/.test(value) ? value : null;
}

function sameHandle(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

function account(
  ctx: Ctx,
  origin: Origin,
  shape: string,
  user: UserShape | undefined,
  stats: StatsShape | undefined,
  statsV2: StatsShape | undefined,
  fallbackHandle: string | null = null,
): Account {
  const s1 = stats ?? {};
  const s2 = statsV2 ?? {};
  const privacy = [user?.privateAccount, user?.secret].filter((b) => b !== undefined);
  return {
    handle: cleanHandle(user?.uniqueId) ?? fallbackHandle,
    id: cleanId(user?.id),
    secUid: user?.secUid || null,
    displayName: user?.nickname || null,
    bio: user?.signature ?? null,
    verified: user?.verified ?? null,
    isPrivate: privacy.length > 0 ? privacy.includes(true) : null,
    followers: statCount(s2.followerCount, s1.followerCount),
    following: statCount(s2.followingCount, s1.followingCount)?.value ?? null,
    videos: statCount(s2.videoCount, s1.videoCount)?.value ?? null,
    hearts: statCount(s2.heartCount ?? s2.heart, s1.heartCount ?? s1.heart)?.value ?? null,
    origin,
    seq: ctx.facts.seq++,
    source: `${ctx.label} ${shape}`,
  };
}

function addUserInfo(raw: unknown, ctx: Ctx, shape: string): void {
  const parsed = UserInfo.safeParse(raw);
  if (!parsed.success) return;
  const { user, stats, statsV2, itemList } = parsed.data;
  const acc = account(ctx, 'user', shape, user, stats, statsV2);
  if (acc.handle !== null) ctx.facts.accounts.push(acc);
  const owner = { handle: acc.handle, id: acc.id, secUid: acc.secUid };
  for (const item of itemList ?? []) addItem(item, { ...ctx, owner }, `${shape}.itemList`);
}

function addItem(raw: unknown, ctx: Ctx, shape: string): void {
  const parsed = ItemStruct.safeParse(raw);
  if (!parsed.success) return;
  const item = parsed.data;
  const id = cleanId(item.id);
  if (id === null) return;
  const authorUser: UserShape | undefined = typeof item.author === 'string' ? { uniqueId: item.author } : item.author;
  const own: Owner = {
    handle: cleanHandle(authorUser?.uniqueId),
    id: cleanId(authorUser?.id),
    secUid: authorUser?.secUid || null,
  };
  const author = own.handle || own.id || own.secUid ? own : (ctx.owner ?? NO_OWNER);
  const s1 = item.stats ?? {};
  const s2 = item.statsV2 ?? {};
  const counts = {
    likes: statCount(s2.diggCount, s1.diggCount),
    comments: statCount(s2.commentCount, s1.commentCount),
    views: statCount(s2.playCount, s1.playCount),
    shares: statCount(s2.shareCount, s1.shareCount),
  };
  const photo = item.imagePost !== undefined;
  // The author object (name, verified) and, in video pages, the author's counts.
  const authorAccount =
    authorUser || item.authorStats || item.authorStatsV2
      ? account(ctx, 'author', `${shape}.authorStats`, authorUser, item.authorStats, item.authorStatsV2, author.handle)
      : null;
  if (authorAccount?.handle) ctx.facts.accounts.push(authorAccount);
  ctx.facts.videos.push({
    post: emptyPost({
      id,
      url: author.handle ? postUrl(author.handle, id, photo) : null,
      likes: counts.likes?.value ?? null,
      comments: counts.comments?.value ?? null,
      views: counts.views?.value ?? null,
      shares: counts.shares?.value ?? null,
      takenAt: parseCountDetailed(item.createTime)?.value || null,
      ...(item.isPinnedItem === true ? { pinned: true } : {}),
    }),
    author,
    photo,
    rounded: Object.values(counts).some((c) => c !== null && !c.exact),
    authorAccount,
    source: `${ctx.label} ${shape}`,
  });
}

function addLegacyVideoData(raw: unknown, ctx: Ctx): void {
  const parsed = LegacyVideoData.safeParse(raw);
  if (!parsed.success) return;
  const { itemInfos, authorInfos, authorStats } = parsed.data;
  const author = authorInfos && {
    uniqueId: authorInfos.uniqueId,
    id: authorInfos.userId,
    secUid: authorInfos.secUid,
    nickname: authorInfos.nickName,
    signature: authorInfos.signature,
    verified: authorInfos.verified,
    secret: authorInfos.isSecret,
  };
  if (itemInfos) {
    addItem({ id: itemInfos.id, author, stats: itemInfos, authorStats, createTime: itemInfos.createTime }, ctx, 'videoData');
  } else if (authorStats) {
    ctx.facts.accounts.push(account(ctx, 'author', 'videoData.authorStats', author, authorStats, undefined));
  }
}

function addLegacyUserData(raw: unknown, ctx: Ctx): void {
  const parsed = LegacyUserData.safeParse(raw);
  if (!parsed.success) return;
  const u = parsed.data;
  const user = { uniqueId: u.uniqueId, id: u.userId, secUid: u.secUid, nickname: u.nickName, signature: u.signature, verified: u.verified, secret: u.isSecret };
  const stats = { followerCount: u.fans, followingCount: u.following, heartCount: u.heart, videoCount: u.video };
  const acc = account(ctx, 'user', 'userData', user, stats, undefined);
  if (acc.handle !== null) ctx.facts.accounts.push(acc);
}

function addSigi(raw: JsonObject, ctx: Ctx): void {
  const parsed = SigiState.safeParse(raw);
  if (!parsed.success) return;
  const { UserModule, ItemModule = {}, ItemList = {} } = parsed.data;
  for (const [key, user] of Object.entries(UserModule?.users ?? {})) {
    const u = User.safeParse(user);
    const s = Stats.safeParse(UserModule?.stats?.[key]);
    const acc = account(ctx, 'user', 'UserModule', u.success ? u.data : undefined, s.success ? s.data : undefined, undefined, cleanHandle(key));
    if (acc.handle !== null) ctx.facts.accounts.push(acc);
  }
  // Page order comes from the ItemList lists ("user-post" on a profile); ItemModule's own key
  // order is only the order the items were fetched in.
  // A Set keeps first-seen order and finds duplicates in constant time (an array's includes made
  // a crafted list of many ids quadratic).
  const ordered = new Set<string>();
  for (const value of Object.values(ItemList)) {
    const list = SigiList.safeParse(value);
    if (!list.success) continue;
    for (const entry of [...(list.data.list ?? []), ...(list.data.preloadList ?? [])]) {
      const id = isObject(entry) ? entry.id : entry;
      if (typeof id === 'string') ordered.add(id);
    }
  }
  for (const id of Object.keys(ItemModule)) ordered.add(id);
  for (const id of [...ordered].slice(0, MAX_ITEMS)) if (ItemModule[id] !== undefined) addItem(ItemModule[id], ctx, 'ItemModule');
}

function addUniversal(scope: JsonObject, ctx: Ctx): void {
  // Only the detail entries: others (e.g. "webapp.app-context") describe the signed-in viewer.
  for (const [key, entry] of Object.entries(scope)) {
    if (!isObject(entry)) continue;
    const before = ctx.facts.accounts.length + ctx.facts.videos.length;
    if (isObject(entry.userInfo)) addUserInfo(entry.userInfo, ctx, `${key} userInfo`);
    if (isObject(entry.itemInfo)) addItem(entry.itemInfo.itemStruct, ctx, `${key} itemStruct`);
    const code = entry.statusCode;
    const found = ctx.facts.accounts.length + ctx.facts.videos.length > before;
    if (/detail/.test(key) && !found && typeof code === 'number' && code !== 0) ctx.facts.refusals.push(code);
  }
}

function addPageProps(props: JsonObject, ctx: Ctx): void {
  if (isObject(props.userInfo)) addUserInfo(props.userInfo, ctx, 'pageProps.userInfo');
  const user = User.safeParse(isObject(props.userInfo) ? props.userInfo.user : undefined);
  const owner = user.success ? { handle: cleanHandle(user.data.uniqueId), id: cleanId(user.data.id), secUid: user.data.secUid ?? null } : null;
  if (Array.isArray(props.items)) for (const item of props.items) addItem(item, { ...ctx, owner }, 'pageProps.items');
  if (isObject(props.itemInfo)) addItem(props.itemInfo.itemStruct, ctx, 'pageProps.itemInfo.itemStruct');
  if (isObject(props.videoData)) addLegacyVideoData(props.videoData, ctx);
  if (isObject(props.userData)) addLegacyUserData(props.userData, ctx);
}

/** Items in an array of at most this many are read; TikTok pages carry a few dozen. */
const MAX_ITEMS = 1000;

/**
 * Read one data block (a parsed script or response body) into `ctx.facts`. Returns false when
 * its shape is not one TikTok has used, so the caller can tell "new layout" from "not yet".
 */
function readTikTokBody(value: unknown, ctx: Ctx, depth = 0): boolean {
  if (depth > 3) return false;
  if (Array.isArray(value)) {
    let known = false;
    for (const element of value.slice(0, MAX_ITEMS)) known = readTikTokBody(element, ctx, depth + 1) || known;
    return known;
  }
  if (!isObject(value)) return false;
  // A bare userInfo {user, stats, itemList} kept by a scraper: its itemList is the user's videos.
  if (isObject(value.user) && (isObject(value.stats) || isObject(value.statsV2))) {
    addUserInfo(value, ctx, 'userInfo');
    return true;
  }
  let known = false;
  if (isObject(value.__DEFAULT_SCOPE__)) {
    addUniversal(value.__DEFAULT_SCOPE__, ctx);
    known = true;
  }
  if (isObject(value.UserModule) || isObject(value.ItemModule) || isObject(value.ItemList)) {
    addSigi(value, ctx);
    known = true;
  }
  const props = isObject(value.props) ? value.props.pageProps : undefined;
  if (isObject(props)) {
    addPageProps(props, ctx);
    known = true;
  }
  // /api/user/detail/ and /api/item/detail/ responses.
  if (isObject(value.userInfo)) {
    addUserInfo(value.userInfo, ctx, 'userInfo');
    known = true;
  }
  if (isObject(value.itemInfo)) {
    addItem(value.itemInfo.itemStruct, ctx, 'itemInfo.itemStruct');
    known = true;
  }
  // item_list responses; an account without videos gets {hasMore:false, cursor} and no itemList.
  if (Array.isArray(value.itemList) || ('hasMore' in value && 'cursor' in value)) {
    const list = Array.isArray(value.itemList) ? value.itemList.slice(0, MAX_ITEMS) : [];
    for (const item of list) addItem(item, ctx, 'itemList');
    known = true;
  }
  if (known) return true;
  // A bare itemStruct {id, stats…} kept by a scraper.
  if (cleanId(value.id) !== null && (isObject(value.stats) || isObject(value.statsV2))) {
    addItem(value, ctx, 'itemStruct');
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Gathering the blocks

const DATA_SCRIPT_IDS: Readonly<Record<string, string>> = {
  __UNIVERSAL_DATA_FOR_REHYDRATION__: '__UNIVERSAL_DATA_FOR_REHYDRATION__',
  SIGI_STATE: 'SIGI_STATE',
  'sigi-persisted-data': 'SIGI_STATE',
  __NEXT_DATA__: '__NEXT_DATA__',
};
const SIGI_MARKERS = ["window['SIGI_STATE']", 'window["SIGI_STATE"]', 'window.SIGI_STATE'];

interface Gathered {
  facts: Facts;
  /** Data blocks seen, and how many had a shape this reader knows. */
  blocks: number;
  known: number;
}

/** Name of a captured response for `source`: its API path, or "saved JSON body". */
function responseLabel(url: string): { label: string; secUid: string | null } {
  try {
    const u = new URL(url);
    if (u.pathname.startsWith('/api/')) return { label: `${u.pathname} response`, secUid: u.searchParams.get('secUid') };
  } catch {
    // not a URL: fall through
  }
  return { label: 'saved JSON body', secUid: null };
}

function gather(data: PageData): Gathered {
  const facts: Facts = { accounts: [], videos: [], refusals: [], seq: 0 };
  const out: Gathered = { facts, blocks: 0, known: 0 };
  const take = (body: unknown, label: string, owner: Owner | null = null) => {
    out.blocks++;
    if (readTikTokBody(body, { label, facts, owner })) out.known++;
  };
  // Embedded data first, then responses in arrival order: the newest data comes last.
  for (const script of data.scripts) {
    const known = script.id ? DATA_SCRIPT_IDS[script.id] : undefined;
    const isJson = !!script.type && /json/i.test(script.type) && !/ld\+json/i.test(script.type);
    const label = known ?? (script.id ? `<script id="${script.id}">` : 'inline JSON script');
    const parsed = known || isJson ? tryParseJson(script.text.trim()) : undefined;
    const assigned = parsed === undefined && script.text.includes('SIGI_STATE') ? SIGI_MARKERS.flatMap((m) => jsonAfterMarker(script.text, m)) : [];
    if (parsed !== undefined) take(parsed, label);
    else if (assigned.length > 0) for (const body of assigned) take(body, 'SIGI_STATE');
    // A data script that does not parse still counts: its layout is one we cannot read.
    else if (known || isJson) take(undefined, label);
  }
  for (const response of data.responses) {
    const { label, secUid } = responseLabel(response.url);
    take(response.body, label, secUid ? { handle: null, id: null, secUid } : null);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The profile's description meta, a rounded last resort:
// "Name (@handle) on TikTok | 44.6M Likes. 2.6M Followers. Bio… Watch the latest video from…"
// (older pages said "Fans" for followers).

export function tiktokMetaCounts(description: string): { handle: string; followers: ParsedCount; hearts: ParsedCount | null } | null {
  const handle = /\(@([A-Za-z0-9_.]{1,64})\)/.exec(description)?.[1];
  if (!handle) return null;
  const number = (word: string) => {
    // A number starts where a run of digits starts: a start inside the run matches exactly when the
    // run's start does, and retrying every one of them made a long run of digits quadratic.
    const m = new RegExp(`(?<![\\d.,])([\\d.,]+\\s?[KMB]?)\\s+${word}\\b`, 'i').exec(description);
    return m ? parseCountDetailed(m[1]) : null;
  };
  // Without a follower count this is not a profile description (a video's says "N Likes, N
  // Comments", and its likes are not the account's total).
  const followers = number('Followers') ?? number('Fans');
  return followers ? { handle, followers, hearts: number('Likes') } : null;
}

function metaAccount(data: PageData, handle: string): Account | null {
  const description = data.meta['og:description'] ?? data.meta.description ?? '';
  const found = tiktokMetaCounts(description);
  if (!found || !sameHandle(found.handle, handle)) return null;
  return {
    handle: found.handle,
    id: null,
    secUid: null,
    displayName: null,
    bio: null,
    verified: null,
    isPrivate: null,
    followers: found.followers,
    following: null,
    videos: null,
    hearts: found.hearts?.value ?? null,
    origin: 'meta',
    seq: -1,
    source: 'description meta',
  };
}

// ---------------------------------------------------------------------------------------------
// Snapshots

const ORIGIN_RANK: Record<Origin, number> = { user: 2, author: 1, meta: 0 };

/**
 * The account to show: a user object over author stats copied into videos, exact over rounded
 * followers, then the newest. Missing fields are filled from the other candidates.
 */
function bestAccount(candidates: Account[]): Account | null {
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(b.followers !== null) - Number(a.followers !== null) ||
      ORIGIN_RANK[b.origin] - ORIGIN_RANK[a.origin] ||
      Number(b.followers?.exact ?? false) - Number(a.followers?.exact ?? false) ||
      b.seq - a.seq,
  );
  const [best, ...rest] = ranked;
  if (!best) return null;
  const filled = { ...best };
  for (const other of rest) {
    filled.displayName ??= other.displayName;
    filled.bio ??= other.bio;
    filled.verified ??= other.verified;
    filled.isPrivate ??= other.isPrivate;
    if (other.origin === best.origin) {
      filled.following ??= other.following;
      filled.videos ??= other.videos;
      filled.hearts ??= other.hearts;
    }
  }
  return filled;
}

/** Posts by id in first-seen (page) order; newer data overwrites counts it knows. */
function mergePosts(videos: Video[]): PostStats[] {
  const byId = new Map<string, PostStats>();
  for (const { post } of videos) {
    const id = post.id ?? '';
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, { ...post });
      continue;
    }
    for (const key of ['url', 'likes', 'comments', 'views', 'shares', 'takenAt'] as const) {
      if (post[key] !== null) Object.assign(seen, { [key]: post[key] });
    }
    if (post.pinned === true) seen.pinned = true;
  }
  return [...byId.values()];
}

function baseSnapshot(data: PageData, kind: 'profile' | 'post', handle: string | null): Snapshot {
  return emptySnapshot({ platform: 'tiktok', kind, url: data.url, handle });
}

function withAccount(snap: Snapshot, acc: Account | null): Snapshot {
  if (!acc) return snap;
  return {
    ...snap,
    handle: acc.handle ?? snap.handle,
    displayName: acc.displayName,
    followers: acc.followers?.value ?? null,
    followersExact: acc.followers?.exact ?? false,
    following: acc.following,
    postsCount: acc.videos,
    totalLikes: acc.hearts,
    bio: acc.bio,
    isPrivate: acc.isPrivate,
    isVerified: acc.verified,
  };
}

function countsSource(acc: Account): string {
  if (!acc.followers) return acc.source;
  return `${acc.source} (${acc.followers.exact ? 'exact counts' : 'rounded counts'})`;
}

/** Why nothing matched: TikTok refused, a layout we do not know, or data not loaded yet. */
function notFound(snap: Snapshot, g: Gathered, what: string): Snapshot {
  if (g.blocks > 0 && g.known === 0) {
    return { ...snap, state: 'unknown-layout', notes: ['This page carries TikTok data in a layout this version does not read.'] };
  }
  const notes = [`No data for ${what} in the page yet; it appears once TikTok loads it.`];
  if (g.facts.refusals.length > 0) notes.push(`TikTok answered status ${g.facts.refusals.join(', ')}: ${what} may not exist or be unavailable.`);
  return { ...snap, state: 'loading', notes };
}

function readProfile(data: PageData, handle: string, g: Gathered): Snapshot {
  const snap = baseSnapshot(data, 'profile', handle);
  const accounts = g.facts.accounts.filter((a) => sameHandle(a.handle, handle));
  const meta = metaAccount(data, handle);
  const acc = bestAccount(meta ? [...accounts, meta] : accounts);
  const owns = (owner: Owner) =>
    owner.handle !== null
      ? sameHandle(owner.handle, handle)
      : acc !== null && ((owner.id !== null && owner.id === acc.id) || (owner.secUid !== null && owner.secUid === acc.secUid));
  // Pinned videos sit first in the grid, marked `pinned`: listed, and left out of the rates
  // when older than the recent videos (../metrics/recent.ts).
  const videos = g.facts.videos.filter((v) => owns(v.author));
  const posts = mergePosts(videos).map((p) => (p.url || !p.id ? p : { ...p, url: postUrl(handle, p.id, false) }));
  if (!acc?.followers && posts.length === 0) return notFound(snap, g, `the account @${handle}`);

  const notes: string[] = [];
  const filled = withAccount({ ...snap, posts }, acc);
  const sources = new Set(videos.map((v) => v.source));
  let source = acc ? countsSource(acc) : 'none';
  if (sources.size > 0) source += `; videos from ${[...sources].join(', ')}`;
  const pinned = pinnedNote(posts, 'video');
  if (pinned) notes.push(pinned);
  if (!acc?.followers) notes.push('The profile counts (followers) are not in the page yet.');
  else if (!acc.followers.exact) notes.push('Follower count is rounded by TikTok.');
  if (acc?.origin === 'meta') notes.push("Followers and likes come from the page's description (rounded).");
  if (videos.some((v) => v.rounded)) notes.push('Some video counts are rounded by TikTok (e.g. 1.5M).');

  let state: Snapshot['state'] = 'ok';
  if (posts.length === 0 && filled.isPrivate) {
    state = 'private';
    notes.push('Private account: its videos are not visible.');
  } else if (posts.length === 0 && filled.postsCount === 0) {
    state = 'empty';
  } else if (posts.length === 0) {
    notes.push("The videos' counts are not in the page yet; they load as the profile's video grid loads.");
  } else if (!acc?.followers) {
    state = 'loading';
  }
  return { ...filled, state, source, notes };
}

function readPost(data: PageData, loc: PageLocation, postId: string, g: Gathered): Snapshot {
  const snap = baseSnapshot(data, 'post', loc.handle);
  const matches = g.facts.videos.filter((v) => v.post.id === postId);
  const newest = matches[matches.length - 1];
  if (!newest) return notFound(snap, g, `the video ${postId}`);
  const author = [...matches].reverse().find((v) => v.author.handle !== null)?.author.handle ?? loc.handle;
  const [post = emptyPost({ id: postId })] = mergePosts(matches);
  const photo = matches.some((v) => v.photo) || /\/photo\//.test(data.url);
  if (author) post.url = postUrl(author, postId, photo);
  const candidates = [
    ...g.facts.accounts.filter((a) => sameHandle(a.handle, author)),
    ...matches.flatMap((v) => (v.authorAccount && v.authorAccount.handle === null ? [v.authorAccount] : [])),
  ];
  const acc = bestAccount(candidates);
  const notes: string[] = [];
  if (!acc?.followers) notes.push("The author's follower count is not in this page's data.");
  else if (!acc.followers.exact) notes.push("The author's follower count is rounded by TikTok.");
  if (matches.some((v) => v.rounded)) notes.push('Some of the video counts are rounded by TikTok (e.g. 1.5M).');
  if (post.comments === null) notes.push('Comment count not on this page.');
  const source = newest.source + (acc?.followers ? `; followers from ${countsSource(acc)}` : '');
  const filled = withAccount({ ...snap, handle: author }, acc);
  return { ...filled, handle: author ?? filled.handle, state: 'ok', posts: [post], source, notes };
}

export function readTikTok(data: PageData): Snapshot | null {
  const loc = locateTikTok(data.url);
  if (loc.kind === 'other' || loc.handle === null) return null;
  const gathered = gather(data);
  if (loc.kind === 'post' && loc.postId) return readPost(data, loc, loc.postId, gathered);
  return readProfile(data, loc.handle, gathered);
}

/** Where the extension's content scripts run for TikTok (manifest match patterns). */
export const tiktokMatches = ['https://www.tiktok.com/*'];

/** The web client's own requests whose JSON carries profile, video-list and video counts. */
export const tiktokCaptures: readonly RegExp[] = [
    /^https:\/\/(?:[\w-]+\.)*tiktok\.com\/api\/post\/item_list\/?(?:[?#]|$)/,
    /^https:\/\/(?:[\w-]+\.)*tiktok\.com\/api\/creator\/item_list\/?(?:[?#]|$)/,
    /^https:\/\/(?:[\w-]+\.)*tiktok\.com\/api\/user\/detail\/?(?:[?#]|$)/,
    /^https:\/\/(?:[\w-]+\.)*tiktok\.com\/api\/item\/detail\/?(?:[?#]|$)/,
  ];

export const tiktokReader: PlatformReader = defineReader({
  platform: 'tiktok',
  hosts: ['www.tiktok.com', 'tiktok.com', 'm.tiktok.com'],
  captures: tiktokCaptures,
  locate: locateTikTok,
  read: readTikTok,
});
