/** Channel pages (`/@handle`, `/channel/ID`, `/c/…`, `/user/…` and their tabs). */
import type * as z from 'zod/mini';
import { preferExact, type ParsedCount } from '../../metrics/counts';
import { isObject, walkJson, type JsonObject } from '../page';
import { emptyPost, type Snapshot } from '../types';
import { collect, first, isVerified, kindOf, type Block } from './blocks';
import { Alert, C4Header, ChannelMetadata, ContentMetadata, LockupTile, Microformat, PageHeaderViewModel, parse, ShortsLockupTile, Tab, VideoTile } from './shapes';
import { titleContent } from './content';
import { baseSnapshot, channelIdKey, noData } from './snapshot';
import { count, SUBSCRIBERS_WORD, textCounts, textOf, VIDEOS_WORD, VIEWS_WORD } from './text';
import { CHANNEL_NAME, refOf, VIDEO_ID, VIDEO_TABS, type ChannelRef, type Place } from './url';

export interface Tile {
  id: string;
  url: string;
  views: ParsedCount | null;
  layout: string;
  /** The video's title as the tile shows it. */
  title: string | null;
}

export interface ChannelData {
  refs: ChannelRef[];
  /** Channel ids the body names, to drop tiles of other channels on the Home tab. */
  ids: Set<string>;
  handle: string | null;
  displayName: string | null;
  followers: ParsedCount | null;
  postsCount: ParsedCount | null;
  bio: string | null;
  isVerified: boolean | null;
  header: string | null;
  tiles: Tile[];
  /** The tab's grid says more tiles follow (a continuation item). */
  more: boolean;
  alert: string | null;
  origin: string;
}

export const TILE_KEYS = new Set(['gridVideoRenderer', 'videoRenderer', 'reelItemRenderer', 'lockupViewModel', 'shortsLockupViewModel']);
/** Things inside a tab that hold videos that are not the channel's own uploads. */
export const NOT_TILES = [
  'channelVideoPlayerRenderer',
  'gridChannelRenderer',
  'channelRenderer',
  'backstagePostThreadRenderer',
  'postRenderer',
  'gridPlaylistRenderer',
  'playlistRenderer',
];
export const TILE_STOP = new Set([...TILE_KEYS, ...NOT_TILES, 'continuationItemRenderer']);

export function watchUrl(id: string, short: boolean): string {
  return short ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`;
}

/** Channel id of the first browse link inside a tile's byline or metadata, if any. */
export function ownerIdOf(node: unknown): string | null {
  let owner: string | null = null;
  walkJson(
    node,
    (obj, key) => {
      if (owner !== null) return true;
      if (key === 'browseEndpoint' && typeof obj.browseId === 'string' && obj.browseId.startsWith('UC')) owner = obj.browseId;
      return undefined;
    },
    2_000,
  );
  return owner;
}

export function viewsPart(rows: z.output<typeof ContentMetadata> | undefined): ParsedCount | null {
  for (const row of rows?.metadataRows ?? []) {
    for (const part of row?.metadataParts ?? []) {
      const content = part?.text?.content ?? '';
      if (VIEWS_WORD.test(content)) return count(content);
    }
  }
  return null;
}

export function videoTile(node: JsonObject, layout: string): Tile | null {
  const tile = parse(VideoTile, node);
  if (!tile?.videoId || !VIDEO_ID.test(tile.videoId)) return null;
  const short = layout === 'reelItemRenderer' || tile.navigationEndpoint?.reelWatchEndpoint !== undefined;
  return {
    id: tile.videoId,
    url: watchUrl(tile.videoId, short),
    views: preferExact(...textCounts(tile.viewCountText), ...textCounts(tile.shortViewCountText)),
    layout,
    title: textOf(tile.title) ?? textOf(tile.headline),
  };
}

export function lockupTile(node: JsonObject): Tile | null {
  const tile = parse(LockupTile, node);
  const id = tile?.contentId;
  // Playlists, podcasts and channels are lockups too; only videos (and Shorts) are posts.
  if (!tile || !id || !VIDEO_ID.test(id) || (tile.contentType && !/VIDEO|SHORT/.test(tile.contentType))) return null;
  const views = viewsPart(tile.metadata?.lockupMetadataViewModel?.metadata?.contentMetadataViewModel);
  const title = tile.metadata?.lockupMetadataViewModel?.title?.content ?? null;
  return { id, url: watchUrl(id, /SHORT/.test(tile.contentType ?? '')), views, layout: 'lockupViewModel', title };
}

export function shortsLockupTile(node: JsonObject): Tile | null {
  const tile = parse(ShortsLockupTile, node);
  if (!tile) return null;
  const fromEntity = /([\w-]{11})$/.exec(tile.entityId ?? '')?.[1];
  const id = tile.onTap?.innertubeCommand?.reelWatchEndpoint?.videoId ?? fromEntity;
  if (!id || !VIDEO_ID.test(id)) return null;
  // "Title, 895 thousand views – play Short": the views are in the last comma-separated part.
  const spoken = (tile.accessibilityText ?? '').split(',').reverse().find((part) => VIEWS_WORD.test(part));
  const views = preferExact(count(tile.overlayMetadata?.secondaryText?.content), count(spoken));
  return { id, url: watchUrl(id, true), views, layout: 'shortsLockupViewModel', title: tile.overlayMetadata?.primaryText?.content ?? null };
}

/** Video tiles under `root` in page order, skipping other channels' videos and duplicates. */
export function tilesIn(root: unknown, ownIds: ReadonlySet<string>): { tiles: Tile[]; more: boolean } {
  const ordered: Array<[string, JsonObject]> = [];
  let more = false;
  walkJson(
    root,
    (obj, key) => {
      if (key === null) return undefined;
      if (TILE_KEYS.has(key)) ordered.push([key, obj]);
      else if (key === 'continuationItemRenderer') more = true;
      return TILE_STOP.has(key) ? true : undefined;
    },
    1_000_000,
  );
  const tiles: Tile[] = [];
  const seen = new Set<string>();
  for (const [layout, node] of ordered) {
    const tile =
      layout === 'lockupViewModel' ? lockupTile(node) : layout === 'shortsLockupViewModel' ? shortsLockupTile(node) : videoTile(node, layout);
    if (!tile || seen.has(tile.id)) continue;
    const owner = ownerIdOf(layout === 'lockupViewModel' ? node.metadata : [node.shortBylineText, node.longBylineText, node.ownerText]);
    if (owner !== null && ownIds.size > 0 && !ownIds.has(owner)) continue;
    seen.add(tile.id);
    tiles.push(tile);
  }
  return { tiles, more };
}

export function selectedTabContent(body: JsonObject): { content: unknown; url: string | null } | null {
  const tabs = collect(body.contents, new Set(['tabRenderer']), new Set(['tabRenderer', 'expandableTabRenderer'])).get('tabRenderer') ?? [];
  const parsed = tabs.map((t) => parse(Tab, t)).filter((t) => t !== null);
  const selected = parsed.find((t) => t.selected === true && t.content !== undefined) ?? parsed.find((t) => t.content !== undefined);
  if (!selected) return null;
  return { content: selected.content, url: selected.endpoint?.commandMetadata?.webCommandMetadata?.url ?? null };
}

export function headerParts(model: z.output<typeof PageHeaderViewModel>): { handle: string | null; followers: ParsedCount | null; posts: ParsedCount | null } {
  let handle: string | null = null;
  let followers: ParsedCount | null = null;
  let posts: ParsedCount | null = null;
  for (const row of model.metadata?.contentMetadataViewModel?.metadataRows ?? []) {
    for (const part of row?.metadataParts ?? []) {
      const content = (part?.text?.content ?? '').trim();
      const spoken = part?.accessibilityLabel ?? '';
      if (handle === null && /^@\S+$/.test(content)) handle = content.slice(1);
      else if (followers === null && (SUBSCRIBERS_WORD.test(content) || SUBSCRIBERS_WORD.test(spoken))) {
        followers = preferExact(count(content), count(spoken));
      } else if (posts === null && VIDEOS_WORD.test(content)) posts = preferExact(count(content), count(spoken));
    }
  }
  return { handle, followers, posts };
}

export function alertText(body: JsonObject): string | null {
  const alerts = collect(body.alerts, new Set(['alertRenderer']), new Set(['alertRenderer'])).get('alertRenderer') ?? [];
  for (const alert of alerts) {
    const t = textOf(parse(Alert, alert)?.text);
    if (t) return t;
  }
  return null;
}

export function readChannelBody(body: JsonObject, origin: string): ChannelData {
  const meta = parse(ChannelMetadata, isObject(body.metadata) ? body.metadata.channelMetadataRenderer : undefined);
  const micro = parse(Microformat, isObject(body.microformat) ? body.microformat.microformatDataRenderer : undefined);
  const headers = collect(
    body.header,
    new Set(['c4TabbedHeaderRenderer', 'pageHeaderRenderer', 'pageHeaderViewModel']),
    new Set(['c4TabbedHeaderRenderer', 'pageHeaderViewModel']),
  );
  const c4 = parse(C4Header, first(headers, 'c4TabbedHeaderRenderer'));
  const pageHeaderNode = first(headers, 'pageHeaderViewModel');
  const pageHeader = parse(PageHeaderViewModel, pageHeaderNode);
  const parts = pageHeader ? headerParts(pageHeader) : null;
  const tab = selectedTabContent(body);

  const ids = new Set([meta?.externalId, c4?.channelId].filter((id): id is string => !!id));
  const urls: Array<string | null | undefined> = [meta?.vanityChannelUrl, meta?.channelUrl, ...(meta?.ownerUrls ?? [])];
  urls.push(micro?.urlCanonical, c4?.navigationEndpoint?.browseEndpoint?.canonicalBaseUrl, tab?.url);
  const refs = urls.map(refOf).filter((r) => r !== null);
  for (const id of ids) refs.push({ kind: 'id', value: id });
  const headerHandle = parts?.handle ?? textOf(c4?.channelHandleText)?.trim().replace(/^@/, '') ?? null;
  if (headerHandle && CHANNEL_NAME.test(headerHandle)) refs.push({ kind: 'handle', value: headerHandle });
  for (const ref of refs) if (ref.kind === 'id') ids.add(ref.value);

  const { tiles, more } = tab ? tilesIn(tab.content, ids) : tilesIn(body.contents, ids);
  const pageTitle = first(headers, 'pageHeaderRenderer')?.pageTitle;
  return {
    refs,
    ids,
    handle: refs.find((r) => r.kind === 'handle')?.value ?? null,
    displayName: meta?.title ?? c4?.title ?? (typeof pageTitle === 'string' ? pageTitle : null) ?? pageHeader?.title?.dynamicTextViewModel?.text?.content ?? null,
    followers: c4 ? preferExact(...textCounts(c4.subscriberCountText)) : (parts?.followers ?? null),
    postsCount: c4 ? preferExact(...textCounts(c4.videosCountText)) : (parts?.posts ?? null),
    bio: meta?.description ?? null,
    isVerified: c4 ? isVerified(c4.badges) : pageHeaderNode ? JSON.stringify(pageHeaderNode.title ?? null).includes('CHECK_CIRCLE') : null,
    header: c4 ? 'c4TabbedHeaderRenderer' : pageHeader ? 'pageHeaderViewModel' : null,
    tiles,
    more,
    alert: alertText(body),
    origin,
  };
}

/**
 * Whether a body is about the channel the URL names. True when it names it; false when it names
 * channels the same way (ids, handles, custom names) but not this one; true when it cannot tell
 * (old bodies carry no handle), as the newest such body is the best the page has.
 */
export function sameChannel(url: ChannelRef, refs: readonly ChannelRef[]): boolean {
  const sameKind = refs.filter((r) => r.kind === url.kind);
  if (sameKind.length === 0) return true;
  const wanted = url.value.toLowerCase();
  return sameKind.some((r) => r.value.toLowerCase() === wanted);
}

/**
 * Ids of a channel's tiles, kept from one continuation to the next: rebuilding them (and the list)
 * for each continuation made a body of many continuations quadratic.
 */
export const tileIds = new WeakMap<ChannelData, Set<string>>();

/** Append or replace tiles from a continuation body (scrolling, or a sort chip reloading the grid). */
export function applyContinuation(channel: ChannelData, body: JsonObject): void {
  const actions = [body.onResponseReceivedActions, body.onResponseReceivedEndpoints].flatMap((a) => (Array.isArray(a) ? a : []));
  const oldStyle = isObject(body.continuationContents) ? [body.continuationContents] : [];
  const add = (found: { tiles: Tile[]; more: boolean }, replace: boolean) => {
    if (found.tiles.length === 0) return;
    if (replace) channel.tiles = [];
    let seen = replace ? undefined : tileIds.get(channel);
    if (!seen) tileIds.set(channel, (seen = new Set(channel.tiles.map((t) => t.id))));
    for (const tile of found.tiles) {
      if (seen.has(tile.id)) continue;
      seen.add(tile.id);
      channel.tiles.push(tile);
    }
    channel.more = found.more;
  };
  for (const action of actions) {
    if (!isObject(action)) continue;
    if (isObject(action.appendContinuationItemsAction)) add(tilesIn(action.appendContinuationItemsAction, channel.ids), false);
    if (isObject(action.reloadContinuationItemsCommand)) add(tilesIn(action.reloadContinuationItemsCommand, channel.ids), true);
  }
  for (const contents of oldStyle) add(tilesIn(contents, channel.ids), false);
}

/** The newest body about the URL's channel, with the continuations that arrived after it. */
export function findChannel(blocks: readonly Block[], ref: ChannelRef): { channel: ChannelData | null; stale: boolean; unknown: boolean } {
  let current: ChannelData | null = null;
  let best: ChannelData | null = null;
  let stale = false;
  let unknown = false;
  for (const block of blocks) {
    const kind = kindOf(block.body);
    if (kind === 'channel') {
      const data = readChannelBody(block.body, block.origin);
      current = sameChannel(ref, data.refs) ? data : null;
      if (current) best = current;
      else stale = true;
    } else if (kind === 'continuation') {
      if (current) applyContinuation(current, block.body);
    } else if (kind === 'watch' || kind === 'page') {
      current = null;
      stale = true;
    } else if (kind === 'unknown') {
      unknown = true;
    }
  }
  return { channel: best, stale, unknown };
}

export function readProfile(url: string, place: Place, ref: ChannelRef, blocks: readonly Block[]): Snapshot {
  const { channel, stale, unknown } = findChannel(blocks, ref);
  const snap = baseSnapshot(url, 'profile');
  snap.handle = place.location.handle ?? channelIdKey([ref.kind === 'id' ? ref.value : null]);
  if (!channel) return noData(snap, stale, unknown, 'channel');

  const allViewsExact = channel.tiles.every((t) => t.views === null || t.views.exact);
  // A channel without an @handle is a creator like any other, keyed by its channel id.
  snap.handle = channel.handle ?? place.location.handle ?? channelIdKey([ref.kind === 'id' ? ref.value : null, ...channel.ids]);
  snap.displayName = channel.displayName;
  snap.followers = channel.followers?.value ?? null;
  snap.followersExact = channel.followers?.exact ?? false;
  snap.postsCount = channel.postsCount?.value ?? null;
  snap.bio = channel.bio;
  snap.isVerified = channel.isVerified;
  snap.isPrivate = false;
  snap.posts = channel.tiles.map((t) => emptyPost({ id: t.id, url: t.url, views: t.views?.value ?? null, ...titleContent(t.title) }));

  const layouts = [...new Set(channel.tiles.map((t) => t.layout))];
  snap.source = `${channel.origin}: ${channel.header ?? 'unrecognised header'}${layouts.length ? ` + ${layouts.join(', ')} tiles` : ''}`;
  const notes = snap.notes;
  if (channel.alert) notes.push(`YouTube says: ${channel.alert}`);
  if (channel.followers === null) notes.push(channel.header ? 'Subscriber count is hidden on this channel' : 'Channel header not recognised: subscriber count unknown');
  else if (!channel.followers.exact) notes.push('Subscriber count is rounded by YouTube');
  if (channel.postsCount && !channel.postsCount.exact) notes.push('Video count is rounded by YouTube');
  if (snap.posts.length > 0) {
    notes.push('Likes and comments are not shown on channel pages; views only');
    if (!allViewsExact) notes.push('View counts on this tab are rounded by YouTube');
    if (snap.posts.some((p) => p.views === null)) notes.push('Some tiles show no view count (e.g. premieres, live streams, members-only videos)');
  }

  const videoTab = place.tab !== null && VIDEO_TABS.has(place.tab);
  if (channel.postsCount?.value === 0 || (videoTab && snap.posts.length === 0 && !channel.more && channel.header !== null)) {
    snap.state = 'empty';
    notes.push('No videos on this tab');
  } else if (channel.header === null && snap.posts.length === 0) {
    snap.state = 'unknown-layout';
  } else {
    snap.state = 'ok';
    if (snap.posts.length === 0) notes.push('This tab shows no videos; open the Videos or Shorts tab for per-video views');
  }
  return snap;
}
