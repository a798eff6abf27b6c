/**
 * TikTok reader: profile pages (`/@handle`) and video / photo pages (`/@handle/video/<id>`,
 * `/@handle/photo/<id>`).
 *
 * Every TikTok URL form, JSON shape and script marker lives in this folder (url.ts, shapes.ts,
 * blocks.ts, gather.ts, meta.ts, snapshot.ts, profile.ts, post.ts). TikTok has carried its
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
import { defineReader } from '../fit';
import type { PageData, PlatformReader, Snapshot } from '../types';
import { gather } from './gather';
import { readPost } from './post';
import { readProfile } from './profile';
import { locateTikTok, tiktokCaptures } from './url';

export { locateTikTok, tiktokCaptures, tiktokMatches } from './url';
export { looksRounded } from './blocks';
export { tiktokMetaCounts } from './meta';

export function readTikTok(data: PageData): Snapshot | null {
  const loc = locateTikTok(data.url);
  if (loc.kind === 'other' || loc.handle === null) return null;
  const gathered = gather(data);
  if (loc.kind === 'post' && loc.postId) return readPost(data, loc, loc.postId, gathered);
  return readProfile(data, loc.handle, gathered);
}

export const tiktokReader: PlatformReader = defineReader({
  platform: 'tiktok',
  hosts: ['www.tiktok.com', 'tiktok.com', 'm.tiktok.com'],
  captures: tiktokCaptures,
  locate: locateTikTok,
  read: readTikTok,
});
