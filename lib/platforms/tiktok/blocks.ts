/**
 * What the blocks say: one data block (a parsed script or a response body) read into accounts
 * and videos, whatever generation of TikTok's data it is.
 */
import { parseCountDetailed, preferExact, type ParsedCount } from '../../metrics/counts';
import { isObject, type JsonObject } from '../page';
import { emptyPost, type PostStats } from '../types';
import { commentsOf, isCommentList, itemContent, type TikTokComment } from './content';
import { ItemStruct, LegacyUserData, LegacyVideoData, SigiList, SigiState, Stats, User, UserInfo, type StatsShape, type UserShape } from './shapes';
import { postUrl } from './url';

export type Origin = 'user' | 'author' | 'meta';

export interface Account {
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

export interface Video {
  post: PostStats;
  author: Owner;
  photo: boolean;
  /** Some count came from `stats` and looks rounded to display precision. */
  rounded: boolean;
  authorAccount: Account | null;
  source: string;
}

export interface Owner {
  handle: string | null;
  id: string | null;
  secUid: string | null;
}

export interface Facts {
  accounts: Account[];
  videos: Video[];
  /** TikTok said a page is unavailable (non-zero statusCode without data). */
  refusals: number[];
  /** Comments of comment-list responses, in arrival order. */
  comments: TikTokComment[];
  /** The video of every comment list that arrived (null: it names none), even an empty one. */
  commentLists: Array<string | null>;
  seq: number;
}

export interface Ctx {
  label: string;
  facts: Facts;
  /** Who owns items that carry no author (a userInfo's itemList; item_list?secUid=…). */
  owner: Owner | null;
  /** The video a request was about (`aweme_id` of a comment list request), when it names one. */
  videoId?: string | null;
}

export const NO_OWNER: Owner = { handle: null, id: null, secUid: null };

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
export function statCount(exact: string | number | undefined, shown: string | number | undefined): ParsedCount | null {
  const v1 = parseCountDetailed(shown);
  return preferExact(parseCountDetailed(exact), v1 && { value: v1.value, exact: v1.exact && !looksRounded(v1.value) });
}

export function cleanId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  return typeof value === 'string' && /^\d{1,25}$/.test(value) ? value : null;
}

export function cleanHandle(value: string | undefined): string | null {
  return value !== undefined && /^[A-Za-z0-9_.]{1,64}$/.test(value) ? value : null;
}

export function sameHandle(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

export function account(
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

export function addUserInfo(raw: unknown, ctx: Ctx, shape: string): void {
  const parsed = UserInfo.safeParse(raw);
  if (!parsed.success) return;
  const { user, stats, statsV2, itemList } = parsed.data;
  const acc = account(ctx, 'user', shape, user, stats, statsV2);
  if (acc.handle !== null) ctx.facts.accounts.push(acc);
  const owner = { handle: acc.handle, id: acc.id, secUid: acc.secUid };
  for (const item of itemList ?? []) addItem(item, { ...ctx, owner }, `${shape}.itemList`);
}

export function addItem(raw: unknown, ctx: Ctx, shape: string): void {
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
      ...itemContent(item),
    }),
    author,
    photo,
    rounded: Object.values(counts).some((c) => c !== null && !c.exact),
    authorAccount,
    source: `${ctx.label} ${shape}`,
  });
}

export function addLegacyVideoData(raw: unknown, ctx: Ctx): void {
  const parsed = LegacyVideoData.safeParse(raw);
  if (!parsed.success) return;
  const { itemInfos, authorInfos, authorStats, textExtra } = parsed.data;
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
    addItem({ id: itemInfos.id, author, stats: itemInfos, authorStats, createTime: itemInfos.createTime, desc: itemInfos.text, textExtra }, ctx, 'videoData');
  } else if (authorStats) {
    ctx.facts.accounts.push(account(ctx, 'author', 'videoData.authorStats', author, authorStats, undefined));
  }
}

export function addLegacyUserData(raw: unknown, ctx: Ctx): void {
  const parsed = LegacyUserData.safeParse(raw);
  if (!parsed.success) return;
  const u = parsed.data;
  const user = { uniqueId: u.uniqueId, id: u.userId, secUid: u.secUid, nickname: u.nickName, signature: u.signature, verified: u.verified, secret: u.isSecret };
  const stats = { followerCount: u.fans, followingCount: u.following, heartCount: u.heart, videoCount: u.video };
  const acc = account(ctx, 'user', 'userData', user, stats, undefined);
  if (acc.handle !== null) ctx.facts.accounts.push(acc);
}

export function addSigi(raw: JsonObject, ctx: Ctx): void {
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

export function addUniversal(scope: JsonObject, ctx: Ctx): void {
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

export function addPageProps(props: JsonObject, ctx: Ctx): void {
  if (isObject(props.userInfo)) addUserInfo(props.userInfo, ctx, 'pageProps.userInfo');
  const user = User.safeParse(isObject(props.userInfo) ? props.userInfo.user : undefined);
  const owner = user.success ? { handle: cleanHandle(user.data.uniqueId), id: cleanId(user.data.id), secUid: user.data.secUid ?? null } : null;
  if (Array.isArray(props.items)) for (const item of props.items) addItem(item, { ...ctx, owner }, 'pageProps.items');
  if (isObject(props.itemInfo)) addItem(props.itemInfo.itemStruct, ctx, 'pageProps.itemInfo.itemStruct');
  if (isObject(props.videoData)) addLegacyVideoData(props.videoData, ctx);
  if (isObject(props.userData)) addLegacyUserData(props.userData, ctx);
}

/** Items in an array of at most this many are read; TikTok pages carry a few dozen. */
export const MAX_ITEMS = 1000;

/**
 * Read one data block (a parsed script or response body) into `ctx.facts`. Returns false when
 * its shape is not one TikTok has used, so the caller can tell "new layout" from "not yet".
 */
export function readTikTokBody(value: unknown, ctx: Ctx, depth = 0): boolean {
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
  // /api/comment/list/ and /api/comment/list/reply/ responses.
  if (isCommentList(value)) {
    const comments = commentsOf(value, ctx.videoId ?? null);
    ctx.facts.comments.push(...comments);
    ctx.facts.commentLists.push(comments[0]?.videoId ?? ctx.videoId ?? null);
    known = true;
  }
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
