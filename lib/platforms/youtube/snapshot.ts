/** Pieces of a snapshot shared by the channel and the watch readers. */
import { emptySnapshot, type Snapshot } from '../types';
import { isYoutubeChannelId } from '../profile-url';


/**
 * The key of a channel the page names by no @handle (`/channel/UC…`, `/user/…`, old watch
 * pages): its channel id, the one name YouTube never changes. See `isYoutubeChannelId`.
 */
export function channelIdKey(ids: Iterable<string | null | undefined>): string | null {
  for (const id of ids) if (id && isYoutubeChannelId(id)) return id;
  return null;
}

export function baseSnapshot(url: string, kind: 'profile' | 'post'): Snapshot {
  return emptySnapshot({ platform: 'youtube', kind, url });
}

/** No body about this page: data for another page (in-app navigation) or none at all yet. */
export function noData(snap: Snapshot, stale: boolean, unknown: boolean, what: 'channel' | 'video'): Snapshot {
  if (unknown && !stale) {
    snap.state = 'unknown-layout';
    snap.notes.push(`The page carries data in a layout this version does not read; no ${what} counts found`);
  } else {
    snap.state = 'loading';
    snap.notes.push(
      stale
        ? `The page still holds data of the previous page; waiting for this ${what}'s data`
        : `No ${what} data in the page yet`,
    );
  }
  return snap;
}
