/**
 * Made-up YouTube channels and the pages that carry them, in the layouts YouTube has served:
 * - channel pages (`/@handle` = Home tab, `/@handle/videos`) with `var ytInitialData = {…};`:
 *   the current `pageHeaderViewModel` header with `richItemRenderer → videoRenderer` tiles
 *   (exact "12,345 views"), the newest `lockupViewModel` tiles (views only abbreviated,
 *   "31K views"), and the older `c4TabbedHeaderRenderer` + `gridVideoRenderer` channel;
 * - watch pages (`/watch?v=<id>`) with `ytInitialPlayerResponse` (exact `videoDetails.viewCount`)
 *   and `ytInitialData` (the `next` response): the 2024+ `segmentedLikeDislikeButtonViewModel`
 *   (exact likes only in its accessibility text) and the 2023 `segmentedLikeDislikeButtonRenderer`
 *   toggle, the comment count in `commentsEntryPointHeaderRenderer`;
 * - the web client's own InnerTube API for in-app navigation: `POST /youtubei/v1/browse`
 *   (channels, the home feed), `/youtubei/v1/next` and `/youtubei/v1/player` (watch pages).
 *
 * Every channel id, handle, title and number here is invented. Used by the e2e tests, the demo
 * and the benchmark; `expected…` helpers compute what the card must show with plain arithmetic,
 * independently of lib/.
 */
import { registerDemoServer, type Served } from './site';

export type ChannelLayout = 'current' | 'lockup' | 'c4';

export interface DemoVideo {
  id: string;
  title: string;
  views: number;
  likes: number;
  comments: number;
  /** Days since upload (pages are dated relative to now, as a live channel's recent uploads are). */
  daysAgo: number;
  /** "12:41" */
  length: string;
}

export interface DemoChannel {
  /** "UC…" channel id (24 characters). */
  id: string;
  handle: string;
  title: string;
  description: string;
  /** The true count; pages show it abbreviated ("12.4K subscribers"). */
  subscribers: number;
  videosCount: number;
  layout: ChannelLayout;
  /** Which watch-page generation this channel's videos are served in. */
  watchLayout: '2025' | '2023';
  /** Newest first, as the Videos tab lists them. */
  videos: DemoVideo[];
}

const DAY_MS = 86_400_000;
const CLIENT_VERSION = '2.20250312.04.00';
/** The tab selectors the web client sends as `params` (protobuf, base64, as in the real pages). */
const TAB_PARAMS = {
  featured: 'EghmZWF0dXJlZPIGBAoCMgA%3D',
  videos: 'EgZ2aWRlb3PyBgQKAjoA',
  shorts: 'EgZzaG9ydHPyBgUKA5oBAA%3D%3D',
  playlists: 'EglwbGF5bGlzdHPyBgQKAkIA',
} as const;
type TabName = keyof typeof TAB_PARAMS;

function videos(prefix: string, rows: Array<[title: string, views: number, likes: number, comments: number, daysAgo: number, length: string]>): DemoVideo[] {
  return rows.map(([title, views, likes, comments, daysAgo, length], i) => ({
    id: `${prefix}${String(i).padStart(2, '0')}${'QxZk'.slice(0, 11 - prefix.length - 2)}`.slice(0, 11),
    title,
    views,
    likes,
    comments,
    daysAgo,
    length,
  }));
}

/** Houseplant care; the current layout (pageHeaderViewModel + videoRenderer, exact views). Tier 7. */
export const FERN: DemoChannel = {
  id: 'UCfernw00dB0tan1csDemo01',
  handle: 'fernwoodbotanics',
  title: 'Fernwood Botanics',
  description: 'Houseplant care, propagation and small-space growing from a Portland apartment. New videos every Tuesday.',
  subscribers: 12_487,
  videosCount: 146,
  layout: 'current',
  watchLayout: '2025',
  videos: videos('Fw0dBt', [
    ['Repotting a root-bound monstera (and what I found)', 14_862, 612, 48, 2, '12:41'],
    ['5 pothos mistakes I made for years', 9_315, 402, 37, 5, '9:08'],
    ['Propagating string of pearls: 30-day results', 11_204, 515, 52, 9, '14:22'],
    ['My $12 grow light setup', 7_988, 298, 21, 12, '8:15'],
    ['Saving a dying fiddle leaf fig', 22_410, 1_035, 96, 16, '17:03'],
    ['Soil mix I use for every aroid', 8_671, 367, 29, 19, '10:47'],
    ['Fungus gnats: what actually worked', 10_093, 455, 61, 23, '11:30'],
    ['Plant shelf tour, autumn edition', 6_742, 280, 18, 26, '15:56'],
    ['Watering by weight, not by calendar', 12_358, 538, 44, 30, '7:49'],
    ['Hoya haul from a local nursery', 9_870, 421, 33, 33, '13:12'],
    ['Bottom watering vs top watering, tested', 15_126, 689, 71, 37, '16:38'],
    ['Cleaning leaves the easy way', 7_405, 301, 17, 40, '6:21'],
    ['Calathea crispy edges, explained', 8_212, 344, 25, 44, '12:05'],
    ['The plant that survived my move', 30_455, 1_402, 118, 47, '9:59'],
  ]),
};

/** Digital painting; the newest layout (lockupViewModel tiles, views only abbreviated). Tier 6. */
export const PIXEL: DemoChannel = {
  id: 'UCp1xelbrushStud1oDemo02',
  handle: 'pixelbrushstudio',
  title: 'Pixel Brush Studio',
  description: 'Digital painting tutorials for beginners: Krita, Procreate and a lot of patience.',
  subscribers: 48_352,
  videosCount: 212,
  layout: 'lockup',
  watchLayout: '2025',
  videos: videos('PxBrSt', [
    ['Painting rain-soaked streets in Krita', 31_540, 1_880, 142, 3, '22:14'],
    ['Colour theory in 10 minutes', 18_902, 1_021, 88, 7, '10:02'],
    ['Why your sketches look stiff', 24_377, 1_410, 120, 10, '13:45'],
    ['I painted the same scene for 30 days', 56_210, 3_905, 301, 14, '19:37'],
    ['Brushes I actually use (free pack)', 21_045, 1_166, 97, 17, '8:58'],
    ['Lighting a portrait from scratch', 19_880, 1_090, 75, 21, '16:20'],
    ['Speedpaint: lighthouse at dusk', 27_631, 1_702, 109, 24, '11:11'],
    ['Layer modes, finally explained', 15_409, 822, 64, 28, '14:03'],
    ['Fixing muddy colours', 22_918, 1_287, 101, 31, '12:26'],
    ['Procreate vs Krita for beginners', 35_066, 2_130, 248, 35, '18:40'],
    ['Painting fabric folds', 17_254, 930, 58, 38, '15:15'],
    ['Thumbnail sketches that work', 20_733, 1_115, 83, 42, '9:47'],
    ['Environment concept art, start to finish', 29_101, 1_764, 132, 45, '25:31'],
    ['Hands are not that hard', 16_480, 871, 90, 49, '13:58'],
  ]),
};

/** Bike repair; an older channel page (c4TabbedHeaderRenderer + gridVideoRenderer). Tier 8. */
export const KITE: DemoChannel = {
  id: 'UCk1teH1llCyclesDemo0003',
  handle: 'KiteHillCycles',
  title: 'Kite Hill Cycles',
  description: 'Fixing old bikes in a one-car garage in Leeds.',
  subscribers: 2_318,
  videosCount: 9,
  layout: 'c4',
  watchLayout: '2023',
  videos: videos('KtHlCy', [
    ['Rebuilding a 1987 Raleigh hub', 1_204, 96, 14, 4, '21:05'],
    ['Truing a wheel without a stand', 2_876, 181, 27, 11, '12:40'],
    ['Cheap chain checker, tested', 960, 58, 9, 18, '6:32'],
    ['Bottom bracket creak: found it', 1_533, 104, 19, 25, '15:17'],
    ['Single-speed conversion on a budget', 3_902, 262, 41, 32, '24:48'],
    ['Cable routing that does not rattle', 1_118, 71, 8, 39, '9:26'],
    ['Tubeless on old rims?', 845, 49, 12, 46, '11:54'],
    ['Brake pads: which ones last', 2_240, 150, 22, 53, '13:21'],
    ['Garage workshop tour', 1_377, 98, 31, 60, '18:09'],
  ]),
};

export const CHANNELS: readonly DemoChannel[] = [FERN, PIXEL, KITE];

/** A channel URL whose page carries no data (a consent wall, or a layout not known). */
export const GHOST_HANDLE = 'lanternfishaudio';

/** The watch-page fixtures: one video in each watch layout. */
export const FERN_VIDEO = FERN.videos[0]!;
export const KITE_VIDEO = KITE.videos[1]!;

// ---------------------------------------------------------------------------------------------
// How YouTube writes counts (independent of lib/: the tests compare the card with these)

const UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** Cut (never round) `value` to `digits` decimals, as YouTube does ("12,487" → "12.4K"). */
function cut(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.floor(value * f + 1e-9) / f;
}

/** Subscriber counts: three significant digits, cut ("2.31K", "12.4K", "48.3K", "1.05M"). */
export function subscriberShort(n: number): { text: string; value: number } {
  const unit = UNITS.find(([size]) => n >= size);
  if (!unit) return { text: String(n), value: n };
  const [size, suffix] = unit;
  const scaled = n / size;
  const shown = cut(scaled, Math.max(0, 3 - String(Math.floor(scaled)).length));
  return { text: `${shown}${suffix}`, value: Math.round(shown * size) };
}

/** View counts in short form: one decimal under 10 of a unit, none above ("8.6K", "31K", "1M"). */
export function viewsShort(n: number): { text: string; value: number } {
  const unit = UNITS.find(([size]) => n >= size);
  if (!unit) return { text: String(n), value: n };
  const [size, suffix] = unit;
  const scaled = n / size;
  const shown = cut(scaled, scaled < 10 ? 1 : 0);
  return { text: `${shown}${suffix}`, value: Math.round(shown * size) };
}

/** "12,487" */
function exact(n: number): string {
  return n.toLocaleString('en-US');
}

/** "12.4 thousand", as the accessibility labels spell abbreviated counts. */
function spokenShort(text: string): string {
  return text.replace(/K$/, ' thousand').replace(/M$/, ' million').replace(/B$/, ' billion');
}

function ago(days: number): string {
  if (days < 7) return `${days} day${days === 1 ? '' : 's'} ago`;
  if (days < 30) return `${Math.floor(days / 7)} week${days < 14 ? '' : 's'} ago`;
  return `${Math.floor(days / 30)} month${days < 60 ? '' : 's'} ago`;
}

function uploadedAt(v: DemoVideo): Date {
  return new Date(Date.now() - v.daysAgo * DAY_MS - 3 * 3_600_000);
}

function lengthSpoken(length: string): string {
  const [m = '0', s = '0'] = length.split(':');
  return `${Number(m)} minutes, ${Number(s)} seconds`;
}

function lengthSeconds(length: string): number {
  const [m = '0', s = '0'] = length.split(':');
  return Number(m) * 60 + Number(s);
}

/** The subscriber count the page shows, as a number (what the card can know). */
export function shownSubscribers(ch: DemoChannel): number {
  return subscriberShort(ch.subscribers).value;
}

/** The view count a channel tile shows, as a number (abbreviated in the lockup layout). */
export function shownTileViews(ch: DemoChannel, v: DemoVideo): number {
  return ch.layout === 'lockup' ? viewsShort(v.views).value : v.views;
}

/** The 12 most recent uploads: what a channel page's rates rest on. */
export function recentVideos(ch: DemoChannel): DemoVideo[] {
  return ch.videos.slice(0, 12);
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Channel pages: views per subscriber (%) over the recent uploads, mean and median. */
export function expectedViewsPerSubscriber(ch: DemoChannel): { mean: number; median: number } {
  const rates = recentVideos(ch).map((v) => (shownTileViews(ch, v) / shownSubscribers(ch)) * 100);
  return { mean: mean(rates), median: median(rates) };
}

/** Channel pages: the average views of the recent uploads, as the tiles show them. */
export function expectedAvgViews(ch: DemoChannel): number {
  return mean(recentVideos(ch).map((v) => shownTileViews(ch, v)));
}

/** Watch pages: (likes + comments) per subscriber shown beside the video, in %. */
export function expectedEr(ch: DemoChannel, v: DemoVideo): number {
  return ((v.likes + v.comments) / shownSubscribers(ch)) * 100;
}

/** Watch pages: (likes + comments) per view, in %. */
export function expectedErPerView(v: DemoVideo): number {
  return ((v.likes + v.comments) / v.views) * 100;
}

// ---------------------------------------------------------------------------------------------
// InnerTube JSON: shared pieces

const run = (text: string) => ({ text });
const tracking = (seed: string) => `CB${Buffer.from(seed).toString('base64').replace(/=+$/, '').slice(0, 20)}EJ`;

function thumbnails(id: string) {
  return {
    thumbnails: [
      { url: `https://i.ytimg.com/vi/${id}/hqdefault.jpg?sqp=-oaymwEbCKgBEF5IVfKriqkDDggBFQAAiEIYAXABwAEG`, width: 168, height: 94 },
      { url: `https://i.ytimg.com/vi/${id}/hqdefault.jpg?sqp=-oaymwEcCNACELwBSFXyq4qpAw4IARUAAIhCGAFwAcABBg==`, width: 336, height: 188 },
    ],
  };
}

function avatar(ch: DemoChannel, size = 88) {
  return { thumbnails: [{ url: `https://yt3.ggpht.com/demo-${ch.handle.toLowerCase()}=s${size}-c-k-c0x00ffffff-no-rj`, width: size, height: size }] };
}

function responseContext(route: string, browseId?: string) {
  return {
    serviceTrackingParams: [
      { service: 'GFEEDBACK', params: [{ key: 'route', value: route }, ...(browseId ? [{ key: 'browse_id', value: browseId }] : []), { key: 'logged_in', value: '0' }] },
      { service: 'CSI', params: [{ key: 'c', value: 'WEB' }, { key: 'cver', value: CLIENT_VERSION }, { key: 'yt_li', value: '0' }] },
    ],
    maxAgeSeconds: 300,
    mainAppWebResponseContext: { loggedOut: true },
    webResponseContextExtensionData: { hasDecorated: true },
  };
}

function topbar() {
  return {
    desktopTopbarRenderer: {
      logo: { topbarLogoRenderer: { iconImage: { iconType: 'YOUTUBE_LOGO' }, tooltipText: { runs: [run('YouTube Home')] } } },
      searchbox: { fusionSearchboxRenderer: { placeholderText: { runs: [run('Search')] } } },
      countryCode: 'US',
    },
  };
}

function watchEndpoint(id: string) {
  return {
    clickTrackingParams: tracking(`watch-${id}`),
    commandMetadata: { webCommandMetadata: { url: `/watch?v=${id}`, webPageType: 'WEB_PAGE_TYPE_WATCH', rootVe: 3832 } },
    watchEndpoint: { videoId: id },
  };
}

function channelEndpoint(ch: DemoChannel, tab?: TabName) {
  return {
    clickTrackingParams: tracking(`browse-${ch.id}-${tab ?? ''}`),
    commandMetadata: { webCommandMetadata: { url: `/@${ch.handle}${tab ? `/${tab}` : ''}`, webPageType: 'WEB_PAGE_TYPE_CHANNEL', rootVe: 3611, apiUrl: '/youtubei/v1/browse' } },
    browseEndpoint: { browseId: ch.id, ...(tab ? { params: TAB_PARAMS[tab] } : {}), canonicalBaseUrl: `/@${ch.handle}` },
  };
}

// --- channel tiles ----------------------------------------------------------------------------

/** `richItemRenderer → videoRenderer` (2022–2025): exact views in `viewCountText`. */
function videoRenderer(ch: DemoChannel, v: DemoVideo) {
  const short = viewsShort(v.views).text;
  return {
    videoId: v.id,
    thumbnail: thumbnails(v.id),
    title: { runs: [run(v.title)], accessibility: { accessibilityData: { label: `${v.title} by ${ch.title} ${exact(v.views)} views ${ago(v.daysAgo)} ${lengthSpoken(v.length)}` } } },
    descriptionSnippet: { runs: [run(`${v.title}. ${ch.description}`)] },
    publishedTimeText: { simpleText: ago(v.daysAgo) },
    lengthText: { accessibility: { accessibilityData: { label: lengthSpoken(v.length) } }, simpleText: v.length },
    viewCountText: { simpleText: `${exact(v.views)} views` },
    navigationEndpoint: watchEndpoint(v.id),
    trackingParams: tracking(`tile-${v.id}`),
    showActionMenu: false,
    shortViewCountText: { accessibility: { accessibilityData: { label: `${spokenShort(short)} views` } }, simpleText: `${short} views` },
    thumbnailOverlays: [{ thumbnailOverlayTimeStatusRenderer: { text: { simpleText: v.length }, style: 'DEFAULT' } }],
  };
}

/** `gridVideoRenderer` (to 2022, and on Home-tab shelves to 2024). */
function gridVideoRenderer(ch: DemoChannel, v: DemoVideo) {
  const short = viewsShort(v.views).text;
  return {
    gridVideoRenderer: {
      videoId: v.id,
      thumbnail: thumbnails(v.id),
      title: { runs: [run(v.title)], accessibility: { accessibilityData: { label: `${v.title} by ${ch.title} ${ago(v.daysAgo)} ${lengthSpoken(v.length)} ${exact(v.views)} views` } } },
      publishedTimeText: { simpleText: ago(v.daysAgo) },
      viewCountText: { simpleText: `${exact(v.views)} views` },
      navigationEndpoint: watchEndpoint(v.id),
      trackingParams: tracking(`grid-${v.id}`),
      shortViewCountText: { accessibility: { accessibilityData: { label: `${spokenShort(short)} views` } }, simpleText: `${short} views` },
      thumbnailOverlays: [{ thumbnailOverlayTimeStatusRenderer: { text: { simpleText: v.length }, style: 'DEFAULT' } }],
    },
  };
}

/** `lockupViewModel` (2025 on): the views only as abbreviated text in a metadata row. */
function lockupViewModel(v: DemoVideo) {
  return {
    lockupViewModel: {
      contentImage: {
        thumbnailViewModel: {
          image: { sources: thumbnails(v.id).thumbnails },
          overlays: [{ thumbnailBottomOverlayViewModel: { badges: [{ thumbnailBadgeViewModel: { text: v.length, badgeStyle: 'THUMBNAIL_OVERLAY_BADGE_STYLE_DEFAULT' } }] } }],
        },
      },
      metadata: {
        lockupMetadataViewModel: {
          title: { content: v.title },
          metadata: {
            contentMetadataViewModel: {
              metadataRows: [{ metadataParts: [{ text: { content: `${viewsShort(v.views).text} views` } }, { text: { content: ago(v.daysAgo) } }] }],
              delimiter: ' • ',
            },
          },
          menuButton: { buttonViewModel: { iconName: 'MORE_VERT', accessibilityText: 'More actions' } },
        },
      },
      contentId: v.id,
      contentType: 'LOCKUP_CONTENT_TYPE_VIDEO',
      rendererContext: { commandContext: { onTap: { innertubeCommand: watchEndpoint(v.id) } } },
    },
  };
}

function continuationItem(ch: DemoChannel) {
  return {
    continuationItemRenderer: {
      trigger: 'CONTINUATION_TRIGGER_ON_ITEM_SHOWN',
      continuationEndpoint: {
        commandMetadata: { webCommandMetadata: { sendPost: true, apiUrl: '/youtubei/v1/browse' } },
        continuationCommand: { token: `4qmFsgK${Buffer.from(`${ch.id}-videos-page-2`).toString('base64')}`, request: 'CONTINUATION_REQUEST_TYPE_BROWSE' },
      },
    },
  };
}

// --- channel headers --------------------------------------------------------------------------

function pageHeader(ch: DemoChannel) {
  const subs = subscriberShort(ch.subscribers).text;
  return {
    pageHeaderRenderer: {
      pageTitle: ch.title,
      content: {
        pageHeaderViewModel: {
          title: { dynamicTextViewModel: { text: { content: ch.title }, maxLines: 2, rendererContext: { accessibilityContext: { label: ch.title } } } },
          image: { decoratedAvatarViewModel: { avatar: { avatarViewModel: { image: { sources: avatar(ch, 160).thumbnails }, avatarImageSize: 'AVATAR_SIZE_XL' } } } },
          metadata: {
            contentMetadataViewModel: {
              metadataRows: [
                { metadataParts: [{ text: { content: `@${ch.handle}` }, enableTruncation: true }] },
                {
                  metadataParts: [
                    { text: { content: `${subs} subscribers` }, accessibilityLabel: `${spokenShort(subs)} subscribers` },
                    { text: { content: `${exact(ch.videosCount)} videos` } },
                  ],
                },
              ],
              delimiter: '•',
            },
          },
          description: { descriptionPreviewViewModel: { description: { content: ch.description }, maxLines: 2, truncationText: { content: '...more' }, alwaysShowTruncationText: true } },
          actions: { flexibleActionsViewModel: { actionsRows: [{ actions: [{ buttonViewModel: { title: 'Subscribe', style: 'BUTTON_VIEW_MODEL_STYLE_MONO', type: 'BUTTON_VIEW_MODEL_TYPE_FILLED' } }] }] } },
          banner: { imageBannerViewModel: { image: { sources: [{ url: `https://yt3.googleusercontent.com/demo-banner-${ch.handle}=w1060`, width: 1060, height: 175 }] } } },
        },
      },
    },
  };
}

function c4Header(ch: DemoChannel) {
  const subs = subscriberShort(ch.subscribers).text;
  return {
    c4TabbedHeaderRenderer: {
      channelId: ch.id,
      title: ch.title,
      navigationEndpoint: channelEndpoint(ch),
      avatar: avatar(ch),
      banner: { thumbnails: [{ url: `https://yt3.ggpht.com/demo-banner-${ch.handle}=w1060-fcrop64=1`, width: 1060, height: 175 }] },
      subscribeButton: { buttonRenderer: { style: 'STYLE_DESTRUCTIVE', text: { runs: [run('Subscribe')] } } },
      subscriberCountText: { accessibility: { accessibilityData: { label: `${spokenShort(subs)} subscribers` } }, simpleText: `${subs} subscribers` },
      trackingParams: tracking(`c4-${ch.id}`),
      channelHandleText: { runs: [run(`@${ch.handle}`)] },
      style: 'C4_TABBED_HEADER_RENDERER_STYLE_PAGE_HEADER',
      videosCountText: { runs: [run(exact(ch.videosCount)), run(' videos')] },
      tagline: { channelTaglineRenderer: { content: ch.description, maxLines: 1 } },
    },
  };
}

// --- channel bodies ---------------------------------------------------------------------------

/** The tiles of the selected tab, in the channel's layout. */
function videosTabContent(ch: DemoChannel) {
  const more = ch.videos.length < ch.videosCount ? [continuationItem(ch)] : [];
  if (ch.layout === 'c4') {
    return {
      sectionListRenderer: {
        contents: [{ itemSectionRenderer: { contents: [{ gridRenderer: { items: [...ch.videos.map((v) => gridVideoRenderer(ch, v)), ...more] } }] } }],
        targetId: `browse-feed${ch.id}videos`,
      },
    };
  }
  const chips = ['Latest', 'Popular', 'Oldest'].map((text, i) => ({ chipViewModel: { text, selected: i === 0 } }));
  return {
    richGridRenderer: {
      contents: [
        ...ch.videos.map((v) => ({ richItemRenderer: { content: ch.layout === 'lockup' ? lockupViewModel(v) : { videoRenderer: videoRenderer(ch, v) } } })),
        ...more,
      ],
      header: { chipBarViewModel: { chips } },
      targetId: `browse-feed${ch.id}videos`,
      style: 'RICH_GRID_RENDERER_STYLE_TAB',
    },
  };
}

/** The Home tab: the channel trailer, a "Videos" shelf of recent uploads, featured channels. */
function homeTabContent(ch: DemoChannel) {
  const trailer = ch.videos.reduce((a, b) => (b.views > a.views ? b : a));
  const shelfItems = ch.videos.slice(0, 12).map((v) => (ch.layout === 'lockup' ? lockupViewModel(v) : gridVideoRenderer(ch, v)));
  const others = CHANNELS.filter((c) => c !== ch);
  return {
    sectionListRenderer: {
      contents: [
        {
          itemSectionRenderer: {
            contents: [
              {
                channelVideoPlayerRenderer: {
                  videoId: trailer.id,
                  title: { runs: [run(trailer.title)] },
                  viewCountText: { simpleText: `${exact(trailer.views)} views` },
                  publishedTimeText: { runs: [run(ago(trailer.daysAgo))] },
                },
              },
            ],
          },
        },
        {
          itemSectionRenderer: {
            contents: [
              {
                shelfRenderer: {
                  title: { runs: [{ text: 'Videos', navigationEndpoint: channelEndpoint(ch, 'videos') }] },
                  endpoint: channelEndpoint(ch, 'videos'),
                  content: { horizontalListRenderer: { items: shelfItems, visibleItemCount: 4 } },
                },
              },
            ],
          },
        },
        {
          itemSectionRenderer: {
            contents: [
              {
                shelfRenderer: {
                  title: { runs: [run('Channels we like')] },
                  content: {
                    horizontalListRenderer: {
                      items: others.map((o) => ({
                        gridChannelRenderer: {
                          channelId: o.id,
                          title: { simpleText: o.title },
                          subscriberCountText: { simpleText: `${subscriberShort(o.subscribers).text} subscribers` },
                          videoCountText: { runs: [run(exact(o.videosCount)), run(' videos')] },
                          navigationEndpoint: channelEndpoint(o),
                        },
                      })),
                    },
                  },
                },
              },
            ],
          },
        },
      ],
      targetId: `browse-feed${ch.id}featured`,
    },
  };
}

const TAB_TITLES: ReadonlyArray<readonly [TabName, string]> = [
  ['featured', 'Home'],
  ['videos', 'Videos'],
  ['shorts', 'Shorts'],
  ['playlists', 'Playlists'],
];

/** `ytInitialData` of a channel page, which is also the body of its `/youtubei/v1/browse` response. */
export function channelBody(ch: DemoChannel, tab: 'featured' | 'videos'): unknown {
  const tabs = TAB_TITLES.map(([name, title]) => ({
    tabRenderer: {
      endpoint: channelEndpoint(ch, name),
      title,
      ...(name === tab ? { selected: true, content: tab === 'videos' ? videosTabContent(ch) : homeTabContent(ch) } : {}),
      trackingParams: tracking(`tab-${name}`),
    },
  }));
  const vanity = `http://www.youtube.com/@${ch.handle}`;
  return {
    responseContext: responseContext(tab === 'videos' ? 'channel.videos' : 'channel.featured', ch.id),
    contents: { twoColumnBrowseResultsRenderer: { tabs: [...tabs, { expandableTabRenderer: { endpoint: channelEndpoint(ch), title: 'Search', selected: false } }] } },
    header: ch.layout === 'c4' ? c4Header(ch) : pageHeader(ch),
    metadata: {
      channelMetadataRenderer: {
        title: ch.title,
        description: ch.description,
        rssUrl: `https://www.youtube.com/feeds/videos.xml?channel_id=${ch.id}`,
        externalId: ch.id,
        keywords: '',
        ownerUrls: [vanity],
        avatar: avatar(ch, 900),
        channelUrl: `https://www.youtube.com/channel/${ch.id}`,
        isFamilySafe: true,
        vanityChannelUrl: vanity,
      },
    },
    trackingParams: tracking(`page-${ch.id}`),
    topbar: topbar(),
    microformat: {
      microformatDataRenderer: {
        urlCanonical: `https://www.youtube.com/channel/${ch.id}`,
        title: ch.title,
        description: ch.description,
        siteName: 'YouTube',
        appName: 'YouTube',
        ogType: 'yt-fb-app:channel',
        noindex: false,
        unlisted: false,
      },
    },
  };
}

/** The home feed (`browseId: FEwhat_to_watch`): a page the reader recognises and leaves alone. */
export function homeFeedBody(): unknown {
  const items = CHANNELS.flatMap((ch) => ch.videos.slice(0, 2).map((v) => ({ richItemRenderer: { content: lockupViewModel(v) } })));
  return {
    responseContext: responseContext('home', 'FEwhat_to_watch'),
    contents: {
      twoColumnBrowseResultsRenderer: {
        tabs: [{ tabRenderer: { selected: true, content: { richGridRenderer: { contents: items, targetId: 'browse-feedFEwhat_to_watch' } }, tabIdentifier: 'FEwhat_to_watch' } }],
      },
    },
    trackingParams: tracking('home'),
    topbar: topbar(),
  };
}

// --- watch bodies -----------------------------------------------------------------------------

function owner(ch: DemoChannel) {
  const subs = subscriberShort(ch.subscribers).text;
  return {
    videoOwnerRenderer: {
      thumbnail: avatar(ch, 48),
      title: { runs: [{ text: ch.title, navigationEndpoint: channelEndpoint(ch) }] },
      subscriptionButton: { type: 'FREE' },
      navigationEndpoint: channelEndpoint(ch),
      subscriberCountText: { accessibility: { accessibilityData: { label: `${spokenShort(subs)} subscribers` } }, simpleText: `${subs} subscribers` },
      trackingParams: tracking(`owner-${ch.id}`),
    },
  };
}

/** 2024+: the exact like count only in the button's accessibility text. */
function likeViewModel(v: DemoVideo) {
  const button = (tooltip: string) => ({
    buttonViewModel: {
      iconName: 'LIKE',
      title: viewsShort(v.likes).text,
      accessibilityText: `like this video along with ${exact(v.likes)} other people`,
      style: 'BUTTON_VIEW_MODEL_STYLE_MONO',
      type: 'BUTTON_VIEW_MODEL_TYPE_TONAL',
      accessibilityId: 'id.video.like.button',
      tooltip,
    },
  });
  const dislike = { buttonViewModel: { iconName: 'DISLIKE', title: 'Dislike', accessibilityText: 'Dislike this video', accessibilityId: 'id.video.dislike.button', tooltip: 'I dislike this' } };
  return {
    segmentedLikeDislikeButtonViewModel: {
      likeButtonViewModel: {
        likeButtonViewModel: {
          toggleButtonViewModel: {
            toggleButtonViewModel: { defaultButtonViewModel: button('I like this'), toggledButtonViewModel: button('Unlike'), identifier: 'watch-like', isTogglingDisabled: true },
          },
          likeStatusEntityKey: `Egt${v.id}IC4oAQ%3D%3D`,
          likeStatusEntity: { key: `Egt${v.id}IC4oAQ%3D%3D`, likeStatus: 'INDIFFERENT' },
        },
      },
      dislikeButtonViewModel: { dislikeButtonViewModel: { toggleButtonViewModel: { toggleButtonViewModel: { defaultButtonViewModel: dislike, toggledButtonViewModel: dislike, isTogglingDisabled: true } } } },
      iconType: 'LIKE_ICON_TYPE_UNKNOWN',
      likeCountEntity: { key: 'unset_like_count_entity_key' },
      dynamicLikeCountUpdateData: { updateStatusKey: 'like_count_update_status_key', updateDelaySec: 5 },
    },
  };
}

/** 2023: a toggle button inside `segmentedLikeDislikeButtonRenderer`; the exact count in its label. */
function likeToggleRenderer(v: DemoVideo) {
  const shown = viewsShort(v.likes).text;
  const label = `like this video along with ${exact(v.likes)} other people`;
  return {
    segmentedLikeDislikeButtonRenderer: {
      likeButton: {
        toggleButtonRenderer: {
          style: { styleType: 'STYLE_TEXT' },
          isToggled: false,
          isDisabled: false,
          defaultIcon: { iconType: 'LIKE' },
          defaultText: { accessibility: { accessibilityData: { label: `${exact(v.likes)} likes` } }, simpleText: shown },
          toggledText: { accessibility: { accessibilityData: { label: `${exact(v.likes + 1)} likes` } }, simpleText: viewsShort(v.likes + 1).text },
          accessibility: { label },
          accessibilityData: { accessibilityData: { label } },
          toggleButtonSupportedData: { toggleButtonIdData: { id: 'TOGGLE_BUTTON_ID_TYPE_LIKE' } },
          targetId: 'watch-like',
        },
      },
      dislikeButton: {
        toggleButtonRenderer: {
          isToggled: false,
          defaultIcon: { iconType: 'DISLIKE' },
          accessibilityData: { accessibilityData: { label: 'Dislike this video' } },
          toggleButtonSupportedData: { toggleButtonIdData: { id: 'TOGGLE_BUTTON_ID_TYPE_DISLIKE' } },
          targetId: 'watch-dislike',
        },
      },
    },
  };
}

/** Other channels' videos in the sidebar: their counts must never be read as this video's. */
function sidebar(ch: DemoChannel, v: DemoVideo) {
  const items = CHANNELS.flatMap((c) => c.videos.slice(1, 4).map((o) => ({ channel: c, video: o }))).filter((x) => x.video.id !== v.id);
  return items.map(({ channel, video }) =>
    ch.watchLayout === '2025'
      ? lockupViewModel(video)
      : {
          compactVideoRenderer: {
            videoId: video.id,
            title: { simpleText: video.title },
            longBylineText: { runs: [{ text: channel.title, navigationEndpoint: channelEndpoint(channel) }] },
            viewCountText: { simpleText: `${exact(video.views)} views` },
            shortViewCountText: { simpleText: `${viewsShort(video.views).text} views` },
            navigationEndpoint: watchEndpoint(video.id),
          },
        },
  );
}

function channelOf(v: DemoVideo): DemoChannel | undefined {
  return CHANNELS.find((c) => c.videos.includes(v));
}

/** `ytInitialData` of a watch page, which is also the body of its `/youtubei/v1/next` response. */
export function nextBody(ch: DemoChannel, v: DemoVideo): unknown {
  const date = uploadedAt(v).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
  const primary = {
    videoPrimaryInfoRenderer: {
      title: { runs: [run(v.title)] },
      viewCount: { videoViewCountRenderer: { viewCount: { simpleText: `${exact(v.views)} views` }, shortViewCount: { simpleText: `${viewsShort(v.views).text} views` }, originalViewCount: '0' } },
      videoActions: {
        menuRenderer: {
          items: [{ menuNavigationItemRenderer: { text: { runs: [run('Report')] }, icon: { iconType: 'FLAG' } } }],
          topLevelButtons: [
            ch.watchLayout === '2025' ? likeViewModel(v) : likeToggleRenderer(v),
            { buttonViewModel: { iconName: 'SHARE', title: 'Share', accessibilityText: 'Share', tooltip: 'Share' } },
          ],
          accessibility: { accessibilityData: { label: 'More actions' } },
        },
      },
      trackingParams: tracking(`primary-${v.id}`),
      dateText: { simpleText: date },
      relativeDateText: { accessibility: { accessibilityData: { label: ago(v.daysAgo) } }, simpleText: ago(v.daysAgo) },
    },
  };
  const secondary = {
    videoSecondaryInfoRenderer: {
      owner: owner(ch),
      attributedDescription: { content: `${v.title}\n\n${ch.description}` },
      showMoreText: { simpleText: '...more' },
      showLessText: { simpleText: 'Show less' },
    },
  };
  const commentsEntry = {
    itemSectionRenderer: {
      contents: [
        {
          commentsEntryPointHeaderRenderer: {
            headerText: { runs: [run('Comments')] },
            commentCount: { simpleText: exact(v.comments) },
            targetId: 'comments-entry-point-header-identifier',
          },
        },
      ],
      sectionIdentifier: 'comments-entry-point',
    },
  };
  const commentsSection = {
    itemSectionRenderer: {
      contents: [
        {
          continuationItemRenderer: {
            trigger: 'CONTINUATION_TRIGGER_ON_ITEM_SHOWN',
            continuationEndpoint: { continuationCommand: { token: `Eg0SC${v.id}GAYyJSIRIgs`, request: 'CONTINUATION_REQUEST_TYPE_WATCH_NEXT' } },
          },
        },
      ],
      sectionIdentifier: 'comment-item-section',
      targetId: 'comments-section',
    },
  };
  const descriptionPanel = {
    engagementPanelSectionListRenderer: {
      panelIdentifier: 'engagement-panel-structured-description',
      header: { engagementPanelTitleHeaderRenderer: { title: { simpleText: 'Description' } } },
      content: {
        structuredDescriptionContentRenderer: {
          items: [
            {
              videoDescriptionHeaderRenderer: {
                title: { runs: [run(v.title)] },
                channel: { simpleText: ch.title },
                views: { simpleText: `${exact(v.views)} views` },
                publishDate: { simpleText: date },
                factoid: [
                  { factoidRenderer: { value: { simpleText: exact(v.likes) }, label: { simpleText: 'Likes' }, accessibilityText: `${exact(v.likes)} likes` } },
                  {
                    viewCountFactoidRenderer: {
                      factoid: { factoidRenderer: { value: { simpleText: exact(v.views) }, label: { simpleText: 'Views' }, accessibilityText: `${exact(v.views)} views` } },
                      viewCountType: 'VIEW_COUNT_FACTOID_TYPE_TOTAL_VIEWS',
                    },
                  },
                  { factoidRenderer: { value: { simpleText: date.replace(/, \d{4}$/, '') }, label: { simpleText: String(uploadedAt(v).getFullYear()) } } },
                ],
                channelNavigationEndpoint: channelEndpoint(ch),
              },
            },
          ],
        },
      },
    },
  };
  const commentsPanel = {
    engagementPanelSectionListRenderer: {
      panelIdentifier: 'engagement-panel-comments-section',
      header: { engagementPanelTitleHeaderRenderer: { title: { runs: [run('Comments')] }, contextualInfo: { runs: [run(exact(v.comments))] } } },
    },
  };
  return {
    responseContext: responseContext('watch'),
    contents: {
      twoColumnWatchNextResults: {
        results: { results: { contents: [primary, secondary, commentsEntry, commentsSection], trackingParams: tracking(`results-${v.id}`) } },
        secondaryResults: { secondaryResults: { results: sidebar(ch, v), trackingParams: tracking(`sidebar-${v.id}`) } },
        autoplay: { autoplay: { sets: [] } },
      },
    },
    currentVideoEndpoint: watchEndpoint(v.id),
    trackingParams: tracking(`next-${v.id}`),
    playerOverlays: {
      playerOverlayRenderer: {
        endScreen: { watchNextEndScreenRenderer: { results: sidebar(ch, v).slice(0, 2), title: { simpleText: 'You may also like...' } } },
      },
    },
    engagementPanels: [commentsPanel, descriptionPanel],
    topbar: topbar(),
  };
}

/** `ytInitialPlayerResponse` of a watch page, also the body of `/youtubei/v1/player`: exact views. */
export function playerBody(ch: DemoChannel, v: DemoVideo): unknown {
  const published = uploadedAt(v).toISOString();
  return {
    responseContext: responseContext('watch'),
    playabilityStatus: { status: 'OK', playableInEmbed: true },
    videoDetails: {
      videoId: v.id,
      title: v.title,
      lengthSeconds: String(lengthSeconds(v.length)),
      channelId: ch.id,
      isOwnerViewing: false,
      shortDescription: ch.description,
      isCrawlable: true,
      thumbnail: thumbnails(v.id),
      allowRatings: true,
      viewCount: String(v.views),
      author: ch.title,
      isPrivate: false,
      isUnpluggedCorpus: false,
      isLiveContent: false,
    },
    microformat: {
      playerMicroformatRenderer: {
        title: { simpleText: v.title },
        lengthSeconds: String(lengthSeconds(v.length)),
        ownerProfileUrl: `http://www.youtube.com/@${ch.handle}`,
        externalChannelId: ch.id,
        isFamilySafe: true,
        viewCount: String(v.views),
        category: 'Howto & Style',
        publishDate: published,
        ownerChannelName: ch.title,
        uploadDate: published,
      },
    },
    trackingParams: tracking(`player-${v.id}`),
  };
}

// ---------------------------------------------------------------------------------------------
// HTML

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON inside a <script>, written as YouTube writes it: `<` escaped so nothing closes the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The demo web client's router. Like YouTube's, a click on an in-app link asks InnerTube for the
 * next page's data (`/youtubei/v1/browse`, or `/next` + `/player` for a video), then updates the
 * URL with `history.pushState`, renders, and fires `yt-navigate-finish`. Back and forward use
 * the responses it already has, as YouTube's page cache does.
 */
const ROUTER = `
(function () {
  var CLIENT = { clientName: 'WEB', clientVersion: '${CLIENT_VERSION}', hl: 'en', gl: 'US' };
  var cache = {};
  cache[location.pathname + location.search] = { data: window.ytInitialData || null };
  function api(endpoint, payload) {
    payload.context = { client: CLIENT };
    return fetch('/youtubei/v1/' + endpoint + '?prettyPrint=false', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-youtube-client-name': '1', 'x-youtube-client-version': CLIENT.clientVersion },
      body: JSON.stringify(payload)
    }).then(function (r) { return r.json(); });
  }
  function titleOf(data) {
    try {
      if (data.metadata && data.metadata.channelMetadataRenderer) return data.metadata.channelMetadataRenderer.title;
      return primaryOf(data).title.runs[0].text;
    } catch (e) { return 'Home'; }
  }
  function primaryOf(data) {
    var results = data.contents.twoColumnWatchNextResults.results.results.contents;
    return results[0].videoPrimaryInfoRenderer;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function link(href, text, attrs) {
    var a = el('a', null, text);
    a.setAttribute('href', href);
    a.setAttribute('data-nav', '');
    Object.keys(attrs).forEach(function (k) { a.setAttribute(k, attrs[k]); });
    return a;
  }
  /** The video tiles of a channel body, whatever their layout (only the main contents). */
  function tilesOf(node, out) {
    if (!node || typeof node !== 'object') return out;
    if (Array.isArray(node)) { node.forEach(function (x) { tilesOf(x, out); }); return out; }
    Object.keys(node).forEach(function (k) {
      var v = node[k];
      if (k === 'videoRenderer' || k === 'gridVideoRenderer') out.push({ id: v.videoId, title: v.title.runs[0].text, views: (v.viewCountText || {}).simpleText || '' });
      else if (k === 'lockupViewModel') out.push({ id: v.contentId, title: v.metadata.lockupMetadataViewModel.title.content, views: v.metadata.lockupMetadataViewModel.metadata.contentMetadataViewModel.metadataRows[0].metadataParts[0].text.content });
      else if (k !== 'header' && k !== 'channelVideoPlayerRenderer') tilesOf(v, out);
    });
    return out;
  }
  function renderChannel(content, data) {
    var grid = el('div', 'grid');
    tilesOf(data.contents, []).forEach(function (t) {
      var a = link('/watch?v=' + t.id, '', { 'data-video-id': t.id, 'class': 'tile' });
      a.appendChild(el('div', 'thumb'));
      a.appendChild(el('h3', null, t.title));
      a.appendChild(el('p', null, t.views));
      grid.appendChild(a);
    });
    content.appendChild(grid);
  }
  function renderWatch(content, data) {
    var owner = data.contents.twoColumnWatchNextResults.results.results.contents[1].videoSecondaryInfoRenderer.owner.videoOwnerRenderer;
    var browse = owner.navigationEndpoint.browseEndpoint;
    var views = primaryOf(data).viewCount.videoViewCountRenderer.viewCount.simpleText;
    content.insertBefore(el('div', 'player'), content.firstChild);
    var row = el('div', 'owner');
    row.appendChild(link(browse.canonicalBaseUrl, owner.title.runs[0].text, { 'data-browse-id': browse.browseId }));
    row.appendChild(el('span', 'meta', ' ' + owner.subscriberCountText.simpleText));
    content.appendChild(row);
    content.appendChild(el('div', 'description', views));
  }
  function render(entry) {
    var data = entry.data || {};
    var title = titleOf(data);
    document.title = (title === 'Home' ? '' : title + ' - ') + 'YouTube';
    var content = document.getElementById('content');
    while (content.firstChild) content.removeChild(content.firstChild);
    content.appendChild(el('h1', null, title));
    try {
      if (data.metadata && data.metadata.channelMetadataRenderer) renderChannel(content, data);
      else if (data.contents && data.contents.twoColumnWatchNextResults) renderWatch(content, data);
      else renderChannel(content, data);
    } catch (e) { /* a page the demo client cannot draw: the title is enough */ }
    window.dispatchEvent(new Event('yt-navigate-finish'));
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-nav]');
    if (!a) return;
    e.preventDefault();
    var href = a.getAttribute('href');
    window.dispatchEvent(new Event('yt-navigate-start'));
    var videoId = a.getAttribute('data-video-id');
    var loaded = videoId
      ? Promise.all([api('player', { videoId: videoId }), api('next', { videoId: videoId })]).then(function (r) { return { data: r[1], player: r[0] }; })
      : api('browse', a.getAttribute('data-params') ? { browseId: a.getAttribute('data-browse-id'), params: a.getAttribute('data-params') } : { browseId: a.getAttribute('data-browse-id') })
          .then(function (data) { return { data: data }; });
    loaded.then(function (entry) {
      cache[href] = entry;
      window.__ytNavigatedAt = Date.now();
      history.pushState({ href: href }, '', href);
      render(entry);
    });
  });
  window.addEventListener('popstate', function () {
    var entry = cache[location.pathname + location.search];
    if (entry) render(entry);
  });
})();
`;

const STYLE = `
  html { font-size: 10px; font-family: Roboto, Arial, sans-serif; }
  body { margin: 0; background: #fff; color: #0f0f0f; font-size: 1.4rem; }
  #masthead { height: 56px; display: flex; align-items: center; gap: 16px; padding: 0 16px; position: sticky; top: 0; background: #fff; }
  #logo { font-weight: 700; font-size: 2rem; letter-spacing: -0.5px; } #logo b { background: #f00; color: #fff; border-radius: 6px; padding: 0 6px; margin-right: 4px; }
  #search { flex: 0 1 560px; margin: 0 auto; height: 38px; border: 1px solid #ccc; border-radius: 20px; padding: 0 16px; display: flex; align-items: center; color: #888; }
  #guide { position: fixed; top: 56px; left: 0; width: 220px; padding: 12px; box-sizing: border-box; }
  #guide a { display: block; padding: 10px 12px; border-radius: 10px; color: inherit; text-decoration: none; } #guide a:hover { background: #f2f2f2; }
  #content { margin-left: 220px; padding: 0 24px 40px; max-width: 1280px; }
  .banner { height: 160px; border-radius: 16px; background: linear-gradient(120deg, #2f6b3a, #9cc48a); margin: 12px 0 16px; }
  .channel-header { display: flex; gap: 24px; align-items: center; }
  .avatar { width: 160px; height: 160px; border-radius: 50%; background: #c9d8c5; flex: none; }
  .channel-header h1 { font-size: 3.6rem; margin: 0 0 8px; } .meta { color: #606060; }
  .subscribe { display: inline-block; margin-top: 12px; background: #0f0f0f; color: #fff; border-radius: 18px; padding: 9px 16px; font-weight: 500; }
  .tabs { display: flex; gap: 24px; border-bottom: 1px solid #e5e5e5; margin: 16px 0; }
  .tabs a { padding: 12px 0; color: #606060; text-decoration: none; font-weight: 500; } .tabs a.selected { color: #0f0f0f; border-bottom: 2px solid #0f0f0f; }
  .grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; }
  .tile { color: inherit; text-decoration: none; } .thumb { aspect-ratio: 16/9; border-radius: 12px; background: #dcdcdc; position: relative; }
  .thumb span { position: absolute; right: 6px; bottom: 6px; background: rgba(0,0,0,.8); color: #fff; font-size: 1.2rem; padding: 1px 4px; border-radius: 4px; }
  .tile h3 { font-size: 1.4rem; margin: 8px 0 4px; } .tile p { margin: 0; color: #606060; font-size: 1.2rem; }
  .player { aspect-ratio: 16/9; background: #000; border-radius: 12px; max-width: 860px; }
  .watch { display: flex; gap: 24px; } .primary { flex: 1; } .secondary { width: 360px; }
  .owner { display: flex; gap: 12px; align-items: center; } .owner .avatar { width: 40px; height: 40px; }
  .pill { background: #f2f2f2; border-radius: 18px; padding: 8px 14px; display: inline-block; margin-right: 8px; }
  .description { background: #f2f2f2; border-radius: 12px; padding: 12px; margin-top: 12px; }
`;

function shell(title: string, body: string, scripts: string[]): string {
  const guide = [
    `<a href="/" data-nav data-browse-id="FEwhat_to_watch">Home</a>`,
    ...CHANNELS.map((c) => `<a href="/@${c.handle}" data-nav data-browse-id="${c.id}">${esc(c.title)}</a>`),
  ].join('');
  return `<!DOCTYPE html>
<html style="font-size: 10px;font-family: Roboto, Arial, sans-serif;" lang="en" darker-dark-theme-deprecate system-icons typography typography-spacing>
<head><meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="theme-color" content="rgba(255, 255, 255, 0.98)">
<style>${STYLE}</style>
</head>
<body dir="ltr">
<ytd-app>
<div id="masthead"><span id="logo"><b>▶</b>YouTube <small>(demo)</small></span><div id="search">Search</div></div>
<nav id="guide">${guide}</nav>
<div id="content">${body}</div>
</ytd-app>
${scripts.map((s) => `<script nonce="dGVzdC1ub25jZQ">${s}</script>`).join('\n')}
<script nonce="dGVzdC1ub25jZQ">${ROUTER}</script>
</body></html>`;
}

function tileHtml(ch: DemoChannel, v: DemoVideo): string {
  const views = ch.layout === 'lockup' ? `${viewsShort(v.views).text} views` : `${exact(v.views)} views`;
  return `<a class="tile" href="/watch?v=${v.id}" data-nav data-video-id="${v.id}"><div class="thumb"><span>${v.length}</span></div><h3>${esc(v.title)}</h3><p>${views} • ${ago(v.daysAgo)}</p></a>`;
}

/** A channel page (Home or Videos tab) in the channel's layout. */
export function channelPage(ch: DemoChannel, tab: 'featured' | 'videos'): string {
  const subs = subscriberShort(ch.subscribers).text;
  const shown = tab === 'videos' ? ch.videos : ch.videos.slice(0, 8);
  const tabLinks = TAB_TITLES.map(
    ([name, title]) =>
      `<a class="${name === tab ? 'selected' : ''}" href="/@${ch.handle}${name === 'featured' ? '' : `/${name}`}" data-nav data-browse-id="${ch.id}"${name === 'featured' ? '' : ` data-params="${TAB_PARAMS[name]}"`}>${title}</a>`,
  ).join('');
  const others = CHANNELS.filter((c) => c !== ch)
    .map((c) => `<a class="tile" href="/@${c.handle}" data-nav data-browse-id="${c.id}"><h3>${esc(c.title)}</h3><p>@${c.handle} • ${subscriberShort(c.subscribers).text} subscribers</p></a>`)
    .join('');
  const body = `<div class="banner"></div>
<div class="channel-header"><div class="avatar"></div><div>
<h1>${esc(ch.title)}</h1>
<div class="meta"><b>@${ch.handle}</b> • ${subs} subscribers • ${exact(ch.videosCount)} videos</div>
<div class="meta">${esc(ch.description)}</div>
<span class="subscribe">Subscribe</span></div></div>
<div class="tabs">${tabLinks}</div>
<div class="grid">${shown.map((v) => tileHtml(ch, v)).join('')}</div>
${tab === 'featured' ? `<h2>Channels we like</h2><div class="grid">${others}</div>` : ''}`;
  return shell(`${ch.title} - YouTube`, body, [`var ytInitialData = ${scriptJson(channelBody(ch, tab))};`]);
}

/** A watch page: `ytInitialPlayerResponse` then `ytInitialData`, as YouTube orders them. */
export function watchPage(ch: DemoChannel, v: DemoVideo): string {
  const related = CHANNELS.flatMap((c) => c.videos.slice(1, 4).map((o) => ({ c, o })))
    .filter((x) => x.o.id !== v.id)
    .map(({ c, o }) => tileHtml(c, o))
    .join('');
  const body = `<div class="watch"><div class="primary">
<div class="player"></div>
<h1>${esc(v.title)}</h1>
<div class="owner"><div class="avatar"></div><div><a href="/@${ch.handle}" data-nav data-browse-id="${ch.id}"><b>${esc(ch.title)}</b></a><div class="meta">${subscriberShort(ch.subscribers).text} subscribers</div></div>
<span class="subscribe">Subscribe</span>
<span class="pill">👍 ${viewsShort(v.likes).text}</span><span class="pill">Share</span></div>
<div class="description"><b>${exact(v.views)} views • ${ago(v.daysAgo)}</b><br>${esc(ch.description)}</div>
<h2>${exact(v.comments)} Comments</h2>
</div><div class="secondary">${related}</div></div>`;
  return shell(`${v.title} - YouTube`, body, [
    `var ytInitialPlayerResponse = ${scriptJson(playerBody(ch, v))};var meta = document.createElement('meta'); meta.name = 'referrer'; meta.content = 'origin-when-cross-origin'; document.getElementsByTagName('head')[0].appendChild(meta);`,
    `var ytInitialData = ${scriptJson(nextBody(ch, v))};`,
  ]);
}

/** The home feed: not a channel or a video, so no overlay. */
export function homePage(): string {
  const tiles = CHANNELS.flatMap((c) => c.videos.slice(0, 2).map((v) => tileHtml(c, v))).join('');
  return shell('YouTube', `<h1>Home</h1><div class="grid">${tiles}</div>`, [`var ytInitialData = ${scriptJson(homeFeedBody())};`]);
}

/** A channel URL whose page carries no data: the cookie consent wall some visitors get first. */
export function noDataPage(handle: string): string {
  return shell(
    'Before you continue to YouTube',
    `<h1>Before you continue to YouTube</h1><p>We use cookies and data to deliver and maintain services (requested: @${esc(handle)}).</p><span class="subscribe">Accept all</span>`,
    [`var ytcfg = { set: function () {} }; ytcfg.set({ "INNERTUBE_CLIENT_VERSION": "${CLIENT_VERSION}" });`],
  );
}

// ---------------------------------------------------------------------------------------------
// Server

const html = (body: string): Served => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
const json = (body: unknown, status = 200): Served => ({ status, contentType: 'application/json; charset=UTF-8', body: JSON.stringify(body) });

function findVideo(id: string | null | undefined): { ch: DemoChannel; v: DemoVideo } | null {
  for (const ch of CHANNELS) {
    const v = ch.videos.find((x) => x.id === id);
    if (v) return { ch, v };
  }
  return null;
}

function requestBody(body: string | null): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body ?? '');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const NOT_FOUND = { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } };

/** InnerTube: the web client's own API (POST with a JSON body). */
function serveInnertube(endpoint: string, body: Record<string, unknown>): Served {
  if (endpoint === 'browse') {
    const browseId = body.browseId;
    if (browseId === 'FEwhat_to_watch') return json(homeFeedBody());
    const ch = CHANNELS.find((c) => c.id === browseId);
    if (!ch) return json(NOT_FOUND, 404);
    const params = typeof body.params === 'string' ? decodeURIComponent(body.params) : '';
    return json(channelBody(ch, params === decodeURIComponent(TAB_PARAMS.videos) ? 'videos' : 'featured'));
  }
  if (endpoint === 'next' || endpoint === 'player') {
    const found = findVideo(typeof body.videoId === 'string' ? body.videoId : null);
    if (!found) return json(NOT_FOUND, 404);
    return json(endpoint === 'next' ? nextBody(found.ch, found.v) : playerBody(found.ch, found.v));
  }
  return json(NOT_FOUND, 404);
}

/** The response for a www.youtube.com URL, or null when the demo site has no such page. */
export function serveYoutube(url: string, method: string, body: string | null): Served | null {
  const u = new URL(url);
  if (u.hostname !== 'www.youtube.com') return null;
  const api = /^\/youtubei\/v1\/(browse|next|player)$/.exec(u.pathname);
  if (api) return method === 'POST' ? serveInnertube(api[1]!, requestBody(body)) : json(NOT_FOUND, 404);
  if (method !== 'GET') return null;
  if (u.pathname === '/favicon.ico') return { status: 404, contentType: 'text/plain', body: '' };
  if (u.pathname === '/') return html(homePage());
  if (u.pathname === '/watch') {
    const found = findVideo(u.searchParams.get('v'));
    return found ? html(watchPage(found.ch, found.v)) : null;
  }
  const channel = /^\/@([^/]+)(?:\/(videos|featured))?\/?$/.exec(u.pathname);
  if (!channel) return null;
  const handle = decodeURIComponent(channel[1]!);
  if (handle === GHOST_HANDLE) return html(noDataPage(handle));
  const ch = CHANNELS.find((c) => c.handle.toLowerCase() === handle.toLowerCase());
  return ch ? html(channelPage(ch, channel[2] === 'videos' ? 'videos' : 'featured')) : null;
}

registerDemoServer(serveYoutube);

/** Channel of a demo video (for tests that start from a video). */
export function channelOfVideo(v: DemoVideo): DemoChannel {
  const ch = channelOf(v);
  if (!ch) throw new Error(`No demo channel uploaded ${v.id}`);
  return ch;
}
