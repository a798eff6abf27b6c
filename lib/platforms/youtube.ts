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
 */
import * as z from 'zod/mini';
import { parseCountDetailed, preferExact, type ParsedCount } from '../metrics/counts';
import { endsOfJsonValues, isObject, jsonAfterMarker, tryParseJson, walkJson, type JsonObject } from './page';
import { emptyPost, type PageData, type PageLocation, type PlatformReader, type PostStats, type Snapshot, emptySnapshot } from './types';
import { defineReader } from './fit';
import { isYoutubeChannelId } from './profile-url';

// ---------------------------------------------------------------------------------------------
// URLs

export const youtubeHosts = ['www.youtube.com', 'youtube.com', 'm.youtube.com', 'youtu.be'] as const;

/** Where the extension's content scripts run for YouTube (youtu.be only redirects). */
export const youtubeMatches = ['https://www.youtube.com/*', 'https://m.youtube.com/*'];

/** The web client's own requests whose JSON bodies carry channel and video data. */
export const youtubeCaptures: readonly RegExp[] = [
  /^https:\/\/(?:www|m)\.youtube\.com\/youtubei\/v1\/(?:browse|next|player)(?:[?#]|$)/,
  /^https:\/\/(?:www|m)\.youtube\.com\/youtubei\/v1\/reel\/reel_item_watch(?:[?#]|$)/,
];

const VIDEO_ID = /^[\w-]{11}$/;
const CHANNEL_ID = /^[\w-]{2,64}$/;
/** Handles and legacy custom names: letters of any script, digits, `_`, `-`, `.`, `·`. */
const CHANNEL_NAME = /^[\p{L}\p{M}\p{N}_.\-\u00b7]{1,100}$/u;
const TAB_NAME = /^[a-z]{1,30}$/i;
/** Tabs whose grid is the channel's uploads: an empty grid there means no posts. */
const VIDEO_TABS = new Set(['videos', 'shorts', 'streams']);

type RefKind = 'id' | 'handle' | 'c' | 'user';
/** How a URL or a body names a channel: `/channel/ID`, `/@handle`, `/c/name`, `/user/name`. */
interface ChannelRef {
  kind: RefKind;
  value: string;
}

interface Place {
  location: PageLocation;
  channel: ChannelRef | null;
  tab: string | null;
  short: boolean;
}

const OTHER: Place = {
  location: { platform: 'youtube', kind: 'other', handle: null, postId: null, profileUrl: null },
  channel: null,
  tab: null,
  short: false,
};

const REF_PREFIX: Record<RefKind, string> = { id: 'channel/', handle: '@', c: 'c/', user: 'user/' };

function toUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return null;
  try {
    // Accept "youtube.com/@x" as typed into a box, but only http(s) URLs.
    const parsed = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(url) ? url : `https://${url.replace(/^\/+/, '')}`);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function videoPlace(id: string | null | undefined, short: boolean): Place {
  if (!id || !VIDEO_ID.test(id)) return OTHER;
  return {
    location: { platform: 'youtube', kind: 'post', handle: null, postId: id, profileUrl: null },
    channel: null,
    tab: null,
    short,
  };
}

function channelPlace(ref: ChannelRef, tab: string | undefined): Place {
  const valid = ref.kind === 'id' ? CHANNEL_ID.test(ref.value) : CHANNEL_NAME.test(ref.value);
  if (!valid || (tab !== undefined && !TAB_NAME.test(tab))) return OTHER;
  return {
    location: {
      platform: 'youtube',
      kind: 'profile',
      handle: ref.kind === 'handle' ? ref.value : null,
      postId: null,
      profileUrl: `https://www.youtube.com/${REF_PREFIX[ref.kind]}${ref.value}`,
    },
    channel: ref,
    tab: tab?.toLowerCase() ?? null,
    short: false,
  };
}

function placeOf(url: string): Place {
  const parsed = toUrl(url);
  const host = parsed?.hostname.toLowerCase();
  if (!parsed || !host || !(youtubeHosts as readonly string[]).includes(host)) return OTHER;
  const segments = parsed.pathname.split('/').filter((s) => s.length > 0).map(decodeSegment);
  if (host === 'youtu.be') return segments.length === 1 ? videoPlace(segments[0], false) : OTHER;
  const [first = '', second, third] = segments;
  const head = first.toLowerCase();
  if (head === 'watch') return segments.length === 1 ? videoPlace(parsed.searchParams.get('v'), false) : OTHER;
  if (head === 'shorts' || head === 'live') return segments.length === 2 ? videoPlace(second, head === 'shorts') : OTHER;
  if (head === 'channel' || head === 'c' || head === 'user') {
    if (second === undefined || segments.length > 3) return OTHER;
    return channelPlace({ kind: head === 'channel' ? 'id' : head, value: second }, third);
  }
  if (first.startsWith('@') && segments.length <= 2) return channelPlace({ kind: 'handle', value: first.slice(1) }, second);
  return OTHER;
}

/** Page kind, handle and video id from a YouTube URL; never throws (anything else is `other`). */
export function locateYoutube(url: string): PageLocation {
  return { ...placeOf(url).location };
}

/** A channel reference from a URL or a path ("/@Vsauce", "http://www.youtube.com/c/Name/videos"). */
function refOf(urlOrPath: string | null | undefined): ChannelRef | null {
  if (!urlOrPath) return null;
  return placeOf(urlOrPath.startsWith('/') ? `https://www.youtube.com${urlOrPath}` : urlOrPath).channel;
}

// ---------------------------------------------------------------------------------------------
// Shapes (zod/mini). Every field is optional and a field of the wrong type reads as absent, so
// one odd value never discards the object around it.

function opt<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}
function list<T extends z.ZodMiniType>(item: T) {
  return opt(z.array(opt(item)));
}
const str = opt(z.string());
const flag = opt(z.boolean());
const countValue = opt(z.union([z.string(), z.number()]));

const TextSchema = z.looseObject({
  simpleText: str,
  content: str,
  runs: list(z.looseObject({ text: str })),
  accessibility: opt(z.looseObject({ accessibilityData: opt(z.looseObject({ label: str })) })),
});
type YtText = z.infer<typeof TextSchema>;
const text = opt(TextSchema);

const BrowseNav = z.looseObject({ browseEndpoint: opt(z.looseObject({ browseId: str, canonicalBaseUrl: str })) });
const Badges = list(z.looseObject({ metadataBadgeRenderer: opt(z.looseObject({ style: str })) }));

const ContentMetadata = z.looseObject({
  metadataRows: list(
    z.looseObject({ metadataParts: list(z.looseObject({ text: opt(z.looseObject({ content: str })), accessibilityLabel: str })) }),
  ),
});

const C4Header = z.looseObject({
  channelId: str,
  title: str,
  subscriberCountText: text,
  videosCountText: text,
  channelHandleText: text,
  navigationEndpoint: opt(BrowseNav),
  badges: Badges,
});
const PageHeaderViewModel = z.looseObject({
  title: opt(z.looseObject({ dynamicTextViewModel: opt(z.looseObject({ text: opt(z.looseObject({ content: str })) })) })),
  metadata: opt(z.looseObject({ contentMetadataViewModel: opt(ContentMetadata) })),
});
const ChannelMetadata = z.looseObject({
  title: str,
  description: str,
  externalId: str,
  vanityChannelUrl: str,
  channelUrl: str,
  ownerUrls: list(z.string()),
});
const Microformat = z.looseObject({ urlCanonical: str });
const Tab = z.looseObject({
  selected: flag,
  content: opt(z.unknown()),
  endpoint: opt(z.looseObject({ commandMetadata: opt(z.looseObject({ webCommandMetadata: opt(z.looseObject({ url: str })) })) })),
});

const VideoTile = z.looseObject({
  videoId: str,
  viewCountText: text,
  shortViewCountText: text,
  navigationEndpoint: opt(z.looseObject({ reelWatchEndpoint: opt(z.unknown()) })),
});
const LockupTile = z.looseObject({
  contentId: str,
  contentType: str,
  metadata: opt(
    z.looseObject({
      lockupMetadataViewModel: opt(z.looseObject({ metadata: opt(z.looseObject({ contentMetadataViewModel: opt(ContentMetadata) })) })),
    }),
  ),
});
const ReelEndpoint = z.looseObject({ reelWatchEndpoint: opt(z.looseObject({ videoId: str })) });
const ShortsLockupTile = z.looseObject({
  entityId: str,
  accessibilityText: str,
  overlayMetadata: opt(z.looseObject({ secondaryText: opt(z.looseObject({ content: str })) })),
  onTap: opt(z.looseObject({ innertubeCommand: opt(ReelEndpoint) })),
});

const WatchEndpoint = z.looseObject({
  watchEndpoint: opt(z.looseObject({ videoId: str })),
  reelWatchEndpoint: opt(z.looseObject({ videoId: str })),
});
const PrimaryInfo = z.looseObject({
  updatedMetadataEndpoint: opt(z.looseObject({ updatedMetadataEndpoint: opt(z.looseObject({ videoId: str })) })),
});
const ViewCountRenderer = z.looseObject({ viewCount: text, shortViewCount: text, isLive: flag });
const ToggleButton = z.looseObject({
  isToggled: flag,
  defaultIcon: opt(z.looseObject({ iconType: str })),
  defaultText: text,
  toggledText: text,
  accessibility: opt(z.looseObject({ label: str })),
  accessibilityData: opt(z.looseObject({ accessibilityData: opt(z.looseObject({ label: str })) })),
  toggleButtonSupportedData: opt(z.looseObject({ toggleButtonIdData: opt(z.looseObject({ id: str })) })),
  targetId: str,
});
const ButtonViewModel = z.looseObject({ iconName: str, title: str, accessibilityText: str });
const LikeButtonViewModel = z.looseObject({
  toggleButtonViewModel: opt(
    z.looseObject({
      toggleButtonViewModel: opt(
        z.looseObject({
          defaultButtonViewModel: opt(z.looseObject({ buttonViewModel: opt(ButtonViewModel) })),
          toggledButtonViewModel: opt(z.looseObject({ buttonViewModel: opt(ButtonViewModel) })),
        }),
      ),
    }),
  ),
  likeStatusEntity: opt(z.looseObject({ likeStatus: str })),
});
const LikeCountEntity = z.looseObject({
  likeCountIfIndifferentNumber: countValue,
  likeCountIfLikedNumber: countValue,
  expandedLikeCountIfIndifferent: opt(z.looseObject({ content: str })),
  expandedLikeCountIfLiked: opt(z.looseObject({ content: str })),
  likeCountIfIndifferent: opt(z.looseObject({ content: str })),
  likeCountIfLiked: opt(z.looseObject({ content: str })),
});
const ShortsLikeButton = z.looseObject({
  likeCount: countValue,
  likeStatus: str,
  likeCountText: text,
  likeCountWithLikeText: text,
  likeCountWithUnlikeText: text,
  target: opt(z.looseObject({ videoId: str })),
});
const Owner = z.looseObject({
  title: text,
  subscriberCountText: text,
  navigationEndpoint: opt(BrowseNav),
  badges: Badges,
});
const Infocards = z.looseObject({ sectionTitle: text, sectionSubtitle: text, channelEndpoint: opt(BrowseNav) });
const Factoid = z.looseObject({ value: text, label: text, accessibilityText: str });
const DescriptionHeader = z.looseObject({
  views: text,
  channel: text,
  channelNavigationEndpoint: opt(BrowseNav),
  factoid: list(
    z.looseObject({
      factoidRenderer: opt(Factoid),
      viewCountFactoidRenderer: opt(z.looseObject({ factoid: opt(z.looseObject({ factoidRenderer: opt(Factoid) })) })),
    }),
  ),
});
const EngagementPanel = z.looseObject({
  panelIdentifier: str,
  targetId: str,
  header: opt(z.looseObject({ engagementPanelTitleHeaderRenderer: opt(z.looseObject({ title: text, contextualInfo: text })) })),
});
const CommentsEntry = z.looseObject({ commentCount: text });
const CommentsButton = z.looseObject({ buttonRenderer: opt(z.looseObject({ text, accessibility: opt(z.looseObject({ label: str })) })) });
const Alert = z.looseObject({ text });
const CommentsHeader = z.looseObject({ countText: text, commentsCount: text });
const ChannelBar = z.looseObject({
  channelName: opt(z.looseObject({ content: str })),
  channelTitle: opt(z.looseObject({ content: str })),
});
const Player = z.looseObject({
  videoDetails: opt(
    z.looseObject({ videoId: str, viewCount: countValue, channelId: str, author: str, isUpcoming: flag }),
  ),
  microformat: opt(
    z.looseObject({
      playerMicroformatRenderer: opt(
        z.looseObject({ ownerProfileUrl: str, publishDate: str, uploadDate: str, viewCount: countValue, isUpcoming: flag }),
      ),
    }),
  ),
});

function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

// ---------------------------------------------------------------------------------------------
// Text and counts

function textOf(t: YtText | undefined | null): string | null {
  if (!t) return null;
  if (t.simpleText !== undefined) return t.simpleText;
  if (t.content !== undefined) return t.content;
  if (t.runs) return t.runs.map((r) => r?.text ?? '').join('');
  return null;
}

function labelOf(t: YtText | undefined | null): string | null {
  return t?.accessibility?.accessibilityData?.label ?? null;
}

function count(value: string | number | null | undefined): ParsedCount | null {
  return parseCountDetailed(value ?? null);
}

/** The count in a text's display form and in its accessibility label ("2.2M" / "2.2 million"). */
function textCounts(t: YtText | undefined | null): Array<ParsedCount | null> {
  return [count(textOf(t)), count(labelOf(t))];
}

/*
 * Words that tell a subscriber count, a video count and a view count apart in header and tile
 * texts. YouTube localises them and puts them in no fixed order, so the word decides, not the
 * position. Lists cover the interface languages with the most creators; a text in another
 * language reads as unknown rather than as the wrong number.
 */
const SUBSCRIBERS_WORD =
  /subscri|abonn|suscript|inscrit|iscritt|prenumerant|tilaaj|odběratel|feliratkoz|abonaţi|abonați|pretplatnik|naročnik|pelanggan|người đăng ký|ผู้ติดตาม|συνδρομητ|מנויים|مشترك|सदस्य|подписч|абонент|订阅|訂閱|登録者|구독자|subskryb/i;
const VIDEOS_WORD = /\bvid[eé]os?\b|vídeos?|filmów|filmy|wideo|видео|відео|動画|视频|視頻|동영상|วิดีโอ|βίντεο|סרטונ|فيديو|वीडियो/i;
const VIEWS_WORD =
  /\bviews?\b|aufrufe|vues|visualizaç|visualizacion|visualizzazion|weergaven|wyświetle|просмотр|перегляд|görüntülen|visningar|visninger|katselukert|zhlédnutí|megtekint|vizionări|προβολ|צפיות|مشاهدة|बार देखा|lượt xem|ditonton|tayangan|การดู|回視聴|次观看|次觀看|조회수/i;

// ---------------------------------------------------------------------------------------------
// Gathering the page's JSON bodies

interface Block {
  body: JsonObject;
  /** Human-readable name of where the body came from, for `source`. */
  origin: string;
}

/** Index after the closing quote of the JS string literal opening at `start`, or -1. */
function endOfJsString(text: string, start: number): number {
  const quote = text[start];
  let from = start + 1;
  for (;;) {
    const at = text.indexOf(quote ?? '"', from);
    if (at < 0) return -1;
    let slashes = 0;
    while (text[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return at + 1;
    from = at + 1;
  }
}

/** Decode a JS string literal's escapes (m.youtube.com embeds ytInitialData as '\x7b\x22…'). */
function unescapeJs(body: string): string {
  return body.replace(/\\(x[\da-fA-F]{2}|u\{[\da-fA-F]{1,6}\}|u[\da-fA-F]{4}|\r\n|[\s\S])/g, (_, esc: string) => {
    if (esc[0] === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (esc[0] === 'u' && esc.length > 1) {
      const code = parseInt(esc[1] === '{' ? esc.slice(2, -1) : esc.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };
    if (esc === '\n' || esc === '\r\n' || esc === '\r') return '';
    return simple[esc] ?? esc;
  });
}

/**
 * Values assigned to a page global in a script: `var ytInitialData = {…};`,
 * `window["ytInitialData"] = {…};`, or the mobile site's string form `= '\x7b…'`.
 */
export function assignedJson(script: string, name: 'ytInitialData' | 'ytInitialPlayerResponse'): unknown[] {
  const found: unknown[] = [];
  const re = new RegExp(`${name}['"]?\\]?\\s*=(?!=)\\s*`, 'g');
  // Every assignment first, then where all their objects end in one pass: a script repeating
  // `ytInitialData = {` without closing it costs one read of the text, not one per copy.
  const assignments: Array<{ index: number; at: number }> = [];
  for (let m = re.exec(script); m; m = re.exec(script)) assignments.push({ index: m.index, at: m.index + m[0].length });
  const objectEnds = endsOfJsonValues(script, assignments.map(({ at }) => (script[at] === '{' ? at : -1)));
  let from = 0;
  assignments.forEach(({ index, at }, i) => {
    if (index < from) return; // inside a value already read
    from = at;
    const first = script[at];
    let value: unknown;
    if (first === '{') {
      const end = objectEnds[i]!;
      if (end > 0) {
        value = tryParseJson(script.slice(at, end));
        from = end;
      }
    } else if (first === "'" || first === '"') {
      // Linear as it is: a string left open has no unescaped quote after it, so no later
      // assignment of a string with that quote is tried.
      const end = endOfJsString(script, at);
      if (end > 0) {
        value = tryParseJson(unescapeJs(script.slice(at + 1, end - 1)));
        from = end;
      }
    }
    if (value !== undefined) found.push(value);
  });
  return found;
}

/** Player responses of the pre-2020 page: `ytplayer.config = {args: {player_response: "…"}}`. */
function legacyPlayerResponses(script: string): unknown[] {
  return jsonAfterMarker(script, 'ytplayer.config').flatMap((config) => {
    const args = isObject(config) && isObject(config.args) ? config.args : null;
    const raw = args?.player_response;
    return typeof raw === 'string' ? [tryParseJson(raw)] : [];
  });
}

function originOfRequest(url: string): string {
  const m = /\/youtubei\/v1\/([\w/]+)/.exec(url);
  return m ? `captured /youtubei/v1/${m[1]} response` : 'JSON body (ytInitialData shape)';
}

/** Bodies in one response: the pre-2020 `pbj` form wraps page data and player response. */
function bodiesIn(value: unknown): JsonObject[] {
  const parsed = typeof value === 'string' ? tryParseJson(value) : value;
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const out: JsonObject[] = [];
  for (const item of items) {
    if (!isObject(item)) continue;
    const wrapped = [item.response, item.playerResponse].filter(isObject);
    if (wrapped.length > 0) out.push(...wrapped);
    else out.push(item);
  }
  return out;
}

/** Every JSON body the page carries, oldest first: embedded ones, then captured responses. */
function blocksOf(data: PageData): Block[] {
  const blocks: Block[] = [];
  const scripts = Array.isArray(data.scripts) ? data.scripts : [];
  for (const script of scripts) {
    const source = typeof script?.text === 'string' ? script.text : '';
    if (!source.includes('ytInitial') && !source.includes('ytplayer.config')) continue;
    for (const value of assignedJson(source, 'ytInitialData')) {
      for (const body of bodiesIn(value)) blocks.push({ body, origin: 'ytInitialData' });
    }
    for (const value of assignedJson(source, 'ytInitialPlayerResponse')) {
      for (const body of bodiesIn(value)) blocks.push({ body, origin: 'ytInitialPlayerResponse' });
    }
    for (const value of legacyPlayerResponses(source)) {
      for (const body of bodiesIn(value)) blocks.push({ body, origin: 'ytplayer.config' });
    }
  }
  const responses = Array.isArray(data.responses) ? data.responses : [];
  for (const response of responses) {
    const origin = originOfRequest(typeof response?.url === 'string' ? response.url : '');
    for (const body of bodiesIn(response?.body)) blocks.push({ body, origin });
  }
  return blocks;
}

type BodyKind = 'channel' | 'watch' | 'player' | 'continuation' | 'page' | 'unknown';

/** What a body is, by its shape alone. */
function kindOf(body: JsonObject): BodyKind {
  if ('videoDetails' in body || ('playabilityStatus' in body && !('contents' in body))) return 'player';
  const contents = isObject(body.contents) ? body.contents : null;
  if (contents && ('twoColumnWatchNextResults' in contents || 'singleColumnWatchNextResults' in contents)) return 'watch';
  const overlay = isObject(body.overlay) ? body.overlay : null;
  if (isObject(body.currentVideoEndpoint) || isObject(body.replacementEndpoint) || (overlay && 'reelPlayerOverlayRenderer' in overlay)) {
    return 'watch';
  }
  const metadata = isObject(body.metadata) ? body.metadata : {};
  const header = isObject(body.header) ? body.header : {};
  const channelHeader = 'c4TabbedHeaderRenderer' in header || ('pageHeaderRenderer' in header && !('playlistMetadataRenderer' in metadata));
  if ('channelMetadataRenderer' in metadata || channelHeader) return 'channel';
  // Another YouTube page (home feed, playlist, search): recognised, but not one this reader reads.
  if (contents || isObject(body.header) || isObject(body.metadata)) return 'page';
  if ('onResponseReceivedActions' in body || 'onResponseReceivedEndpoints' in body || 'continuationContents' in body) {
    return 'continuation';
  }
  return 'unknown';
}

/** Objects stored under any of `keys`, in document order; no descent below a `stop` key. */
function collect(root: unknown, keys: ReadonlySet<string>, stop: ReadonlySet<string>): Map<string, JsonObject[]> {
  const found = new Map<string, JsonObject[]>();
  walkJson(
    root,
    (obj, key) => {
      if (key === null) return undefined;
      if (keys.has(key)) {
        const bucket = found.get(key);
        if (bucket) bucket.push(obj);
        else found.set(key, [obj]);
      }
      return stop.has(key) ? true : undefined;
    },
    1_000_000,
  );
  return found;
}

function first(found: Map<string, JsonObject[]>, key: string): JsonObject | undefined {
  return found.get(key)?.[0];
}

function isVerified(badges: z.output<typeof Badges>): boolean {
  return (badges ?? []).some((b) => /VERIFIED/.test(b?.metadataBadgeRenderer?.style ?? ''));
}

// ---------------------------------------------------------------------------------------------
// Channel pages

interface Tile {
  id: string;
  url: string;
  views: ParsedCount | null;
  layout: string;
}

interface ChannelData {
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

const TILE_KEYS = new Set(['gridVideoRenderer', 'videoRenderer', 'reelItemRenderer', 'lockupViewModel', 'shortsLockupViewModel']);
/** Things inside a tab that hold videos that are not the channel's own uploads. */
const NOT_TILES = [
  'channelVideoPlayerRenderer',
  'gridChannelRenderer',
  'channelRenderer',
  'backstagePostThreadRenderer',
  'postRenderer',
  'gridPlaylistRenderer',
  'playlistRenderer',
];
const TILE_STOP = new Set([...TILE_KEYS, ...NOT_TILES, 'continuationItemRenderer']);

function watchUrl(id: string, short: boolean): string {
  return short ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`;
}

/** Channel id of the first browse link inside a tile's byline or metadata, if any. */
function ownerIdOf(node: unknown): string | null {
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

function viewsPart(rows: z.output<typeof ContentMetadata> | undefined): ParsedCount | null {
  for (const row of rows?.metadataRows ?? []) {
    for (const part of row?.metadataParts ?? []) {
      const content = part?.text?.content ?? '';
      if (VIEWS_WORD.test(content)) return count(content);
    }
  }
  return null;
}

function videoTile(node: JsonObject, layout: string): Tile | null {
  const tile = parse(VideoTile, node);
  if (!tile?.videoId || !VIDEO_ID.test(tile.videoId)) return null;
  const short = layout === 'reelItemRenderer' || tile.navigationEndpoint?.reelWatchEndpoint !== undefined;
  return {
    id: tile.videoId,
    url: watchUrl(tile.videoId, short),
    views: preferExact(...textCounts(tile.viewCountText), ...textCounts(tile.shortViewCountText)),
    layout,
  };
}

function lockupTile(node: JsonObject): Tile | null {
  const tile = parse(LockupTile, node);
  const id = tile?.contentId;
  // Playlists, podcasts and channels are lockups too; only videos (and Shorts) are posts.
  if (!tile || !id || !VIDEO_ID.test(id) || (tile.contentType && !/VIDEO|SHORT/.test(tile.contentType))) return null;
  const views = viewsPart(tile.metadata?.lockupMetadataViewModel?.metadata?.contentMetadataViewModel);
  return { id, url: watchUrl(id, /SHORT/.test(tile.contentType ?? '')), views, layout: 'lockupViewModel' };
}

function shortsLockupTile(node: JsonObject): Tile | null {
  const tile = parse(ShortsLockupTile, node);
  if (!tile) return null;
  const fromEntity = /([\w-]{11})$/.exec(tile.entityId ?? '')?.[1];
  const id = tile.onTap?.innertubeCommand?.reelWatchEndpoint?.videoId ?? fromEntity;
  if (!id || !VIDEO_ID.test(id)) return null;
  // "Title, 895 thousand views – play Short": the views are in the last comma-separated part.
  const spoken = (tile.accessibilityText ?? '').split(',').reverse().find((part) => VIEWS_WORD.test(part));
  const views = preferExact(count(tile.overlayMetadata?.secondaryText?.content), count(spoken));
  return { id, url: watchUrl(id, true), views, layout: 'shortsLockupViewModel' };
}

/** Video tiles under `root` in page order, skipping other channels' videos and duplicates. */
function tilesIn(root: unknown, ownIds: ReadonlySet<string>): { tiles: Tile[]; more: boolean } {
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

function selectedTabContent(body: JsonObject): { content: unknown; url: string | null } | null {
  const tabs = collect(body.contents, new Set(['tabRenderer']), new Set(['tabRenderer', 'expandableTabRenderer'])).get('tabRenderer') ?? [];
  const parsed = tabs.map((t) => parse(Tab, t)).filter((t) => t !== null);
  const selected = parsed.find((t) => t.selected === true && t.content !== undefined) ?? parsed.find((t) => t.content !== undefined);
  if (!selected) return null;
  return { content: selected.content, url: selected.endpoint?.commandMetadata?.webCommandMetadata?.url ?? null };
}

function headerParts(model: z.output<typeof PageHeaderViewModel>): { handle: string | null; followers: ParsedCount | null; posts: ParsedCount | null } {
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

function alertText(body: JsonObject): string | null {
  const alerts = collect(body.alerts, new Set(['alertRenderer']), new Set(['alertRenderer'])).get('alertRenderer') ?? [];
  for (const alert of alerts) {
    const t = textOf(parse(Alert, alert)?.text);
    if (t) return t;
  }
  return null;
}

function readChannelBody(body: JsonObject, origin: string): ChannelData {
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
function sameChannel(url: ChannelRef, refs: readonly ChannelRef[]): boolean {
  const sameKind = refs.filter((r) => r.kind === url.kind);
  if (sameKind.length === 0) return true;
  const wanted = url.value.toLowerCase();
  return sameKind.some((r) => r.value.toLowerCase() === wanted);
}

/**
 * Ids of a channel's tiles, kept from one continuation to the next: rebuilding them (and the list)
 * for each continuation made a body of many continuations quadratic.
 */
const tileIds = new WeakMap<ChannelData, Set<string>>();

/** Append or replace tiles from a continuation body (scrolling, or a sort chip reloading the grid). */
function applyContinuation(channel: ChannelData, body: JsonObject): void {
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
function findChannel(blocks: readonly Block[], ref: ChannelRef): { channel: ChannelData | null; stale: boolean; unknown: boolean } {
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

function readProfile(url: string, place: Place, ref: ChannelRef, blocks: readonly Block[]): Snapshot {
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
  snap.posts = channel.tiles.map((t) => emptyPost({ id: t.id, url: t.url, views: t.views?.value ?? null }));

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

// ---------------------------------------------------------------------------------------------
// Watch pages

const WATCH_KEYS = new Set([
  'videoPrimaryInfoRenderer',
  'videoViewCountRenderer',
  'toggleButtonRenderer',
  'likeButtonViewModel',
  'likeCountEntity',
  'likeStatusEntity',
  'likeButtonRenderer',
  'videoOwnerRenderer',
  'videoDescriptionHeaderRenderer',
  'videoDescriptionInfocardsSectionRenderer',
  'commentsEntryPointHeaderRenderer',
  'commentsHeaderRenderer',
  'engagementPanelSectionListRenderer',
  'viewCommentsButton',
  'reelActionBarViewModel',
  'reelChannelBarViewModel',
]);
/** The sidebar, end screens, other videos and comments themselves carry counts of other things. */
const WATCH_STOP = new Set([
  'secondaryResults',
  'playerOverlays',
  'topbar',
  'responseContext',
  'compactVideoRenderer',
  'lockupViewModel',
  'shortsLockupViewModel',
  'reelItemRenderer',
  'videoRenderer',
  'gridVideoRenderer',
  'commentThreadRenderer',
  'commentRenderer',
  'commentViewModel',
  'macroMarkersListRenderer',
]);

interface WatchData {
  views: Array<ParsedCount | null>;
  /** The view-count text when it is not a count ("6 waiting", "1.2K watching", "No views"). */
  viewsText: string | null;
  /** A live stream or a premiere: the count beside the player is of viewers, not views. */
  live: boolean;
  likes: Array<ParsedCount | null>;
  likeButton: boolean;
  comments: Array<ParsedCount | null>;
  followers: Array<ParsedCount | null>;
  handles: Array<string | null | undefined>;
  /** The owner's channel ids (`UC…`), for a video whose page names no @handle. */
  channelIds: Array<string | null | undefined>;
  names: Array<string | null | undefined>;
  isVerified: boolean | null;
  origin: string;
}

function videoIdOf(body: JsonObject, found: Map<string, JsonObject[]>): string | null {
  const current = parse(WatchEndpoint, body.currentVideoEndpoint);
  const replacement = parse(WatchEndpoint, body.replacementEndpoint);
  const primary = parse(PrimaryInfo, first(found, 'videoPrimaryInfoRenderer'));
  const shortsLike = parse(ShortsLikeButton, first(found, 'likeButtonRenderer'));
  return (
    current?.watchEndpoint?.videoId ??
    current?.reelWatchEndpoint?.videoId ??
    replacement?.reelWatchEndpoint?.videoId ??
    primary?.updatedMetadataEndpoint?.updatedMetadataEndpoint?.videoId ??
    shortsLike?.target?.videoId ??
    null
  );
}

function isLikeToggle(button: z.output<typeof ToggleButton>): boolean {
  return (
    button.defaultIcon?.iconType === 'LIKE' ||
    button.toggleButtonSupportedData?.toggleButtonIdData?.id === 'TOGGLE_BUTTON_ID_TYPE_LIKE' ||
    button.targetId === 'watch-like'
  );
}

/** Like counts in the order exact-first sources come: entity numbers, spoken labels, display text. */
function likeCandidates(found: Map<string, JsonObject[]>): { counts: Array<ParsedCount | null>; button: boolean } {
  const counts: Array<ParsedCount | null> = [];
  let button = false;
  const liked = (found.get('likeStatusEntity') ?? []).some((e) => e.likeStatus === 'LIKE');
  for (const node of found.get('likeCountEntity') ?? []) {
    const entity = parse(LikeCountEntity, node);
    if (!entity) continue;
    counts.push(
      liked ? count(entity.likeCountIfLikedNumber) : count(entity.likeCountIfIndifferentNumber),
      count((liked ? entity.expandedLikeCountIfLiked : entity.expandedLikeCountIfIndifferent)?.content),
      count((liked ? entity.likeCountIfLiked : entity.likeCountIfIndifferent)?.content),
    );
  }
  for (const node of found.get('likeButtonViewModel') ?? []) {
    if (isObject(node.likeButtonViewModel)) continue; // the wrapper; its inner model comes next
    const model = parse(LikeButtonViewModel, node);
    const toggle = model?.toggleButtonViewModel?.toggleButtonViewModel;
    if (!toggle) continue;
    button = true;
    const state = model.likeStatusEntity?.likeStatus === 'LIKE' || liked ? toggle.toggledButtonViewModel : toggle.defaultButtonViewModel;
    counts.push(count(state?.buttonViewModel?.accessibilityText), count(state?.buttonViewModel?.title));
  }
  for (const node of found.get('toggleButtonRenderer') ?? []) {
    const toggle = parse(ToggleButton, node);
    if (!toggle || !isLikeToggle(toggle)) continue;
    button = true;
    const shown = toggle.isToggled === true ? toggle.toggledText : toggle.defaultText;
    counts.push(count(labelOf(shown)), count(toggle.accessibility?.label), count(toggle.accessibilityData?.accessibilityData?.label));
    counts.push(count(textOf(shown)));
  }
  for (const node of found.get('likeButtonRenderer') ?? []) {
    const shorts = parse(ShortsLikeButton, node);
    if (!shorts) continue;
    button = true;
    const shown = shorts.likeStatus === 'LIKE' ? shorts.likeCountWithLikeText : (shorts.likeCountWithUnlikeText ?? shorts.likeCountText);
    counts.push(count(shorts.likeCount), ...textCounts(shown));
  }
  return { counts, button };
}

function factoids(header: z.output<typeof DescriptionHeader> | null): Array<z.output<typeof Factoid>> {
  const out: Array<z.output<typeof Factoid>> = [];
  for (const item of header?.factoid ?? []) {
    const f = item?.factoidRenderer ?? item?.viewCountFactoidRenderer?.factoid?.factoidRenderer;
    if (f) out.push(f);
  }
  return out;
}

function commentCandidates(found: Map<string, JsonObject[]>): Array<ParsedCount | null> {
  const counts: Array<ParsedCount | null> = [];
  for (const node of found.get('commentsHeaderRenderer') ?? []) {
    const header = parse(CommentsHeader, node);
    counts.push(...textCounts(header?.countText), ...textCounts(header?.commentsCount));
  }
  for (const node of found.get('commentsEntryPointHeaderRenderer') ?? []) {
    counts.push(...textCounts(parse(CommentsEntry, node)?.commentCount));
  }
  for (const node of found.get('engagementPanelSectionListRenderer') ?? []) {
    const panel = parse(EngagementPanel, node);
    const header = panel?.header?.engagementPanelTitleHeaderRenderer;
    const isComments =
      panel?.panelIdentifier === 'engagement-panel-comments-section' ||
      panel?.targetId === 'engagement-panel-comments-section' ||
      /comment/i.test(textOf(header?.title) ?? '');
    if (isComments) counts.push(...textCounts(header?.contextualInfo));
  }
  for (const node of found.get('viewCommentsButton') ?? []) {
    const button = parse(CommentsButton, node);
    counts.push(count(button?.buttonRenderer?.accessibility?.label), count(textOf(button?.buttonRenderer?.text)));
  }
  for (const node of found.get('reelActionBarViewModel') ?? []) {
    for (const item of Array.isArray(node.buttonViewModels) ? node.buttonViewModels : []) {
      const button = parse(ButtonViewModel, isObject(item) ? item.buttonViewModel : undefined);
      if (button && /comment/i.test(`${button.accessibilityText ?? ''} ${button.iconName ?? ''}`)) {
        counts.push(count(button.accessibilityText), count(button.title));
      }
    }
  }
  return counts;
}

function handleOf(urlOrPath: string | null | undefined): string | null {
  const ref = refOf(urlOrPath);
  return ref?.kind === 'handle' ? ref.value : null;
}

function readWatchBody(body: JsonObject, found: Map<string, JsonObject[]>, origin: string): WatchData {
  const viewRenderer = parse(ViewCountRenderer, first(found, 'videoViewCountRenderer'));
  const description = parse(DescriptionHeader, first(found, 'videoDescriptionHeaderRenderer'));
  const facts = factoids(description);
  const owner = parse(Owner, first(found, 'videoOwnerRenderer'));
  const infocards = parse(Infocards, first(found, 'videoDescriptionInfocardsSectionRenderer'));
  const channelBar = parse(ChannelBar, first(found, 'reelChannelBarViewModel'));
  const likes = likeCandidates(found);

  const viewsText = textOf(viewRenderer?.viewCount);
  const views = [...textCounts(viewRenderer?.viewCount), ...textCounts(viewRenderer?.shortViewCount)];
  for (const f of facts) if (VIEWS_WORD.test(`${textOf(f.label) ?? ''} ${f.accessibilityText ?? ''}`)) views.push(count(textOf(f.value)));
  views.push(count(textOf(description?.views)));
  for (const f of facts) if (/like/i.test(textOf(f.label) ?? '')) likes.counts.push(count(textOf(f.value)));

  const ownerPath = owner?.navigationEndpoint?.browseEndpoint?.canonicalBaseUrl;
  const barName = channelBar?.channelName?.content?.trim();
  return {
    views,
    viewsText: viewsText !== null && count(viewsText) === null ? viewsText.trim() : null,
    live: viewRenderer?.isLive === true,
    likes: likes.counts,
    likeButton: likes.button,
    comments: commentCandidates(found),
    followers: [...textCounts(owner?.subscriberCountText), ...textCounts(infocards?.sectionSubtitle)],
    handles: [
      handleOf(ownerPath),
      handleOf(infocards?.channelEndpoint?.browseEndpoint?.canonicalBaseUrl),
      handleOf(description?.channelNavigationEndpoint?.browseEndpoint?.canonicalBaseUrl),
      barName?.startsWith('@') ? barName.slice(1) : null,
    ],
    channelIds: [
      owner?.navigationEndpoint?.browseEndpoint?.browseId,
      infocards?.channelEndpoint?.browseEndpoint?.browseId,
      description?.channelNavigationEndpoint?.browseEndpoint?.browseId,
    ],
    names: [textOf(owner?.title), textOf(infocards?.sectionTitle), textOf(description?.channel), channelBar?.channelTitle?.content],
    isVerified: owner ? isVerified(owner.badges) : null,
    origin,
  };
}

interface PlayerData {
  views: ParsedCount | null;
  origin: string;
  upcoming: boolean;
  handle: string | null;
  channelId: string | null;
  author: string | null;
  takenAt: number | null;
}

function readPlayer(body: JsonObject, videoId: string, origin: string): PlayerData | null {
  const player = parse(Player, body);
  const details = player?.videoDetails;
  if (!details || details.videoId !== videoId) return null;
  const micro = player.microformat?.playerMicroformatRenderer;
  const upcoming = details.isUpcoming === true || micro?.isUpcoming === true;
  const published = Date.parse(micro?.publishDate ?? micro?.uploadDate ?? '');
  return {
    // Before a premiere the player says "0": no views yet, which is unknown rather than zero.
    views: upcoming ? null : preferExact(count(details.viewCount), count(micro?.viewCount)),
    origin: `${origin} (exact views)`,
    upcoming,
    handle: handleOf(micro?.ownerProfileUrl),
    channelId: details.channelId ?? null,
    author: details.author ?? null,
    takenAt: Number.isFinite(published) ? Math.floor(published / 1000) : null,
  };
}

/** Comment counts from comment continuations that arrived for the current video. */
function continuationComments(body: JsonObject): Array<ParsedCount | null> {
  const found = collect(
    [body.onResponseReceivedEndpoints, body.onResponseReceivedActions, body.continuationContents],
    new Set(['commentsHeaderRenderer']),
    WATCH_STOP,
  );
  return commentCandidates(found);
}

function readPost(url: string, place: Place, blocks: readonly Block[]): Snapshot {
  const videoId = place.location.postId ?? '';
  const snap = baseSnapshot(url, 'post');
  let watch: WatchData | null = null;
  let player: PlayerData | null = null;
  let current = false;
  let stale = false;
  let unknown = false;
  const laterComments: Array<ParsedCount | null> = [];
  for (const block of blocks) {
    const kind = kindOf(block.body);
    if (kind === 'watch') {
      const found = collect(block.body, WATCH_KEYS, WATCH_STOP);
      const id = videoIdOf(block.body, found);
      current = id === null || id === videoId;
      if (current) {
        watch = readWatchBody(block.body, found, block.origin);
        laterComments.length = 0;
      } else stale = true;
    } else if (kind === 'player') {
      const read = readPlayer(block.body, videoId, block.origin);
      if (read) player = read;
      else stale = true;
    } else if (kind === 'continuation') {
      if (current) laterComments.push(...continuationComments(block.body));
    } else if (kind === 'channel' || kind === 'page') {
      current = false;
      stale = true;
    } else {
      unknown = true;
    }
  }
  if (!watch && !player) return noData(snap, stale, unknown, 'video');

  // Before a premiere or during a stream the page shows viewers ("6 waiting"), not views.
  const notYet = player?.upcoming === true || (watch?.live === true && watch.viewsText !== null);
  const views = notYet ? null : preferExact(player?.views, ...(watch?.views ?? []));
  const likes = preferExact(...(watch?.likes ?? []));
  const comments = preferExact(...laterComments, ...(watch?.comments ?? []));
  const followers = preferExact(...(watch?.followers ?? []));
  const handle =
    [...(watch?.handles ?? []), player?.handle].find((h) => !!h) ?? channelIdKey([...(watch?.channelIds ?? []), player?.channelId]);

  snap.handle = handle;
  snap.displayName = [...(watch?.names ?? []), player?.author].find((n) => !!n) ?? null;
  snap.followers = followers?.value ?? null;
  snap.followersExact = followers?.exact ?? false;
  snap.isVerified = watch?.isVerified ?? null;
  const post: PostStats = emptyPost({
    id: videoId,
    url: watchUrl(videoId, place.short),
    views: views?.value ?? null,
    likes: likes?.value ?? null,
    comments: comments?.value ?? null,
    takenAt: player?.takenAt ?? null,
    likesHidden: likes === null && watch?.likeButton === true,
  });
  snap.posts = [post];
  snap.source = [watch?.origin, player?.origin].filter((o) => !!o).join(' + ');
  snap.notes = watchNotes({ views, likes, comments, followers, watch, notYet });
  const anything = views ?? likes ?? comments ?? followers;
  snap.state = anything !== null || notYet ? 'ok' : 'unknown-layout';
  return snap;
}

function watchNotes(r: {
  views: ParsedCount | null;
  likes: ParsedCount | null;
  comments: ParsedCount | null;
  followers: ParsedCount | null;
  watch: WatchData | null;
  notYet: boolean;
}): string[] {
  const notes: string[] = [];
  const shown = r.watch?.viewsText ?? null;
  const quoted = shown ? ` ("${shown}")` : '';
  if (r.views === null) {
    if (r.notYet && shown && /watching/i.test(shown)) notes.push(`Live now: the page shows viewers, not views${quoted}`);
    else if (r.notYet) notes.push(`Premiere or scheduled stream: no views yet${quoted}`);
    else notes.push(shown ? `No view count on this page${quoted}` : 'View count not on this page');
  } else if (!r.views.exact) notes.push('View count is rounded by YouTube');
  if (r.likes === null) notes.push(r.watch?.likeButton ? 'The like count is hidden on this video' : 'Like count not on this page');
  else if (!r.likes.exact) notes.push('Like count is rounded by YouTube');
  if (r.comments === null) notes.push('Comment count not on this page');
  else if (!r.comments.exact) notes.push('Comment count is rounded by YouTube');
  if (r.followers === null) notes.push("Channel's subscriber count not on this page");
  else if (!r.followers.exact) notes.push('Subscriber count is rounded by YouTube');
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Snapshot

/**
 * The key of a channel the page names by no @handle (`/channel/UC…`, `/user/…`, old watch
 * pages): its channel id, the one name YouTube never changes. See `isYoutubeChannelId`.
 */
function channelIdKey(ids: Iterable<string | null | undefined>): string | null {
  for (const id of ids) if (id && isYoutubeChannelId(id)) return id;
  return null;
}

function baseSnapshot(url: string, kind: 'profile' | 'post'): Snapshot {
  return emptySnapshot({ platform: 'youtube', kind, url });
}

/** No body about this page: data for another page (in-app navigation) or none at all yet. */
function noData(snap: Snapshot, stale: boolean, unknown: boolean, what: 'channel' | 'video'): Snapshot {
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
