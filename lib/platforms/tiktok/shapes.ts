/** TikTok's JSON shapes (loose and all-optional: a field of the wrong type is dropped, never fatal). */
import * as z from 'zod/mini';
import { lenient } from '../page';

export const opt = <T extends z.ZodMiniType>(schema: T) => lenient(z.optional(schema));
export const text = opt(z.string());
export const flag = opt(z.boolean());
/** Counts arrive as numbers or, in statsV2 and some legacy fields, as digit strings. */
export const count = opt(z.union([z.number(), z.string()]));
export const idLike = opt(z.union([z.string(), z.number()]));

export const Stats = z.looseObject({
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
export type StatsShape = z.infer<typeof Stats>;

export const User = z.looseObject({
  id: idLike,
  uniqueId: text,
  secUid: text,
  nickname: text,
  signature: text,
  verified: flag,
  privateAccount: flag,
  secret: flag,
});
export type UserShape = z.infer<typeof User>;

export const UserInfo = z.looseObject({
  user: opt(User),
  stats: opt(Stats),
  statsV2: opt(Stats),
  itemList: opt(z.array(z.unknown())),
});

export const ItemStruct = z.looseObject({
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
  /** The caption, and TikTok's own list of its hashtags and mentions (also under `contents[]` since 2023). */
  desc: text,
  textExtra: opt(z.array(z.unknown())),
  contents: opt(z.array(z.unknown())),
  /** Commercial flags: an ad, branded content (`brandOrganicType` / `brandedContentType` above 0). */
  isAd: flag,
  brandOrganicType: count,
  brandedContentType: count,
});
export type ItemShape = z.infer<typeof ItemStruct>;



/** `props.pageProps.videoData` of 2020-03 video pages: flat, exact counts. */
export const LegacyVideoData = z.looseObject({
  itemInfos: opt(
    z.looseObject({ id: idLike, text, diggCount: count, playCount: count, commentCount: count, shareCount: count, createTime: count }),
  ),
  textExtra: opt(z.array(z.unknown())),
  authorInfos: opt(
    z.looseObject({ uniqueId: text, userId: idLike, secUid: text, nickName: text, signature: text, verified: flag, isSecret: flag }),
  ),
  authorStats: opt(Stats),
});

/** `props.pageProps.userData` of 2019 profile pages. */
export const LegacyUserData = z.looseObject({
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

export const Dict = opt(z.record(z.string(), z.unknown()));
export const SigiState = z.looseObject({
  UserModule: opt(z.looseObject({ users: Dict, stats: Dict })),
  ItemModule: Dict,
  ItemList: Dict,
});
export const SigiList = z.looseObject({
  list: opt(z.array(z.unknown())),
  preloadList: opt(z.array(z.unknown())),
});
