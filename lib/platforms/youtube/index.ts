/**
 * YouTube reader: channel pages (`/@handle`, `/channel/ID`, `/c/…`, `/user/…` and their tabs)
 * and watch pages (`/watch?v=`, `/shorts/`, `/live/`, `youtu.be/`, on www. and m.).
 *
 * YouTube is a single-page app whose data is one JSON tree per page: `ytInitialData` in an inline
 * script on the first load, then the body of the web client's own `/youtubei/v1/browse` (channel)
 * or `/youtubei/v1/next` (watch) request after in-app navigation. Both have the same shape, so a
 * saved JSON body reads like an embedded one; bodies are recognised by shape, never by request
 * URL. `ytInitialPlayerResponse` (and `/youtubei/v1/player`) adds the exact view count.
 *
 * Layouts known, kept side by side because YouTube serves old ones to some clients for years:
 * - channel header: `c4TabbedHeaderRenderer` (to 2024) and `pageHeaderViewModel` (2024 on, the
 *   counts only as display text in `metadataRows[].metadataParts[]`);
 * - channel tiles: `gridVideoRenderer` (to 2022), `richItemRenderer.videoRenderer` (2022–2025),
 *   `lockupViewModel` (2025 on, views only abbreviated), `reelItemRenderer` and
 *   `shortsLockupViewModel` (Shorts tab);
 * - watch likes: `toggleButtonRenderer` (to 2023), `segmentedLikeDislikeButtonRenderer`
 *   (2023), `segmentedLikeDislikeButtonViewModel` (2024 on; exact count only in its
 *   accessibility text), `likeCountEntity` (exact, in `frameworkUpdates`), Shorts'
 *   `likeButtonRenderer` / `reelActionBarViewModel`;
 * - watch comments: `commentsEntryPointHeaderRenderer`, the comments engagement panel, the
 *   comments continuation's `commentsHeaderRenderer`; often none at all (then unknown, not 0).
 *
 * Files: url.ts (addresses), shapes.ts (JSON shapes), text.ts (text and count words), blocks.ts
 * (the page's bodies), channel.ts, watch.ts, snapshot.ts.
 */
import { defineReader } from '../fit';
import type { PageData, PlatformReader, Snapshot } from '../types';
import { blocksOf } from './blocks';
import { readProfile } from './channel';
import { baseSnapshot } from './snapshot';
import { readPost } from './watch';
import { locateYoutube, placeOf, youtubeCaptures, youtubeHosts } from './url';

export { locateYoutube, youtubeCaptures, youtubeHosts, youtubeMatches } from './url';
export { assignedJson } from './blocks';

/** Read a snapshot of a YouTube channel or watch page; null for other pages. Never throws. */
export function readYoutube(data: PageData): Snapshot | null {
  const url = typeof data?.url === 'string' ? data.url : '';
  const place = placeOf(url);
  const kind = place.location.kind;
  if (kind !== 'profile' && kind !== 'post') return null;
  try {
    const blocks = blocksOf(data);
    return place.channel ? readProfile(url, place, place.channel, blocks) : readPost(url, place, blocks);
  } catch {
    // A reader must never take the page's overlay down: a shape no guard foresaw reads as unknown.
    const snap = baseSnapshot(url, kind);
    snap.state = 'unknown-layout';
    snap.notes.push('The page data could not be read');
    return snap;
  }
}

export const youtubeReader: PlatformReader = defineReader({
  platform: 'youtube',
  hosts: youtubeHosts,
  captures: youtubeCaptures,
  locate: locateYoutube,
  read: readYoutube,
});
