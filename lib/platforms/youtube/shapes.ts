/**
 * YouTube's JSON shapes (zod/mini). Every field is optional and a field of the wrong type reads as
 * absent, so one odd value never discards the object around it.
 */
import * as z from 'zod/mini';

export function opt<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}
export function list<T extends z.ZodMiniType>(item: T) {
  return opt(z.array(opt(item)));
}
export const str = opt(z.string());
export const flag = opt(z.boolean());
export const countValue = opt(z.union([z.string(), z.number()]));

export const TextSchema = z.looseObject({
  simpleText: str,
  content: str,
  runs: list(z.looseObject({ text: str })),
  accessibility: opt(z.looseObject({ accessibilityData: opt(z.looseObject({ label: str })) })),
});
export type YtText = z.infer<typeof TextSchema>;
export const text = opt(TextSchema);

export const BrowseNav = z.looseObject({ browseEndpoint: opt(z.looseObject({ browseId: str, canonicalBaseUrl: str })) });
export const Badges = list(z.looseObject({ metadataBadgeRenderer: opt(z.looseObject({ style: str })) }));

export const ContentMetadata = z.looseObject({
  metadataRows: list(
    z.looseObject({ metadataParts: list(z.looseObject({ text: opt(z.looseObject({ content: str })), accessibilityLabel: str })) }),
  ),
});

export const C4Header = z.looseObject({
  channelId: str,
  title: str,
  subscriberCountText: text,
  videosCountText: text,
  channelHandleText: text,
  navigationEndpoint: opt(BrowseNav),
  badges: Badges,
});
export const PageHeaderViewModel = z.looseObject({
  title: opt(z.looseObject({ dynamicTextViewModel: opt(z.looseObject({ text: opt(z.looseObject({ content: str })) })) })),
  metadata: opt(z.looseObject({ contentMetadataViewModel: opt(ContentMetadata) })),
});
export const ChannelMetadata = z.looseObject({
  title: str,
  description: str,
  externalId: str,
  vanityChannelUrl: str,
  channelUrl: str,
  ownerUrls: list(z.string()),
});
export const Microformat = z.looseObject({ urlCanonical: str });
export const Tab = z.looseObject({
  selected: flag,
  content: opt(z.unknown()),
  endpoint: opt(z.looseObject({ commandMetadata: opt(z.looseObject({ webCommandMetadata: opt(z.looseObject({ url: str })) })) })),
});

export const VideoTile = z.looseObject({
  videoId: str,
  /** `title` of grid and video renderers; `headline` of a Shorts reel item. */
  title: text,
  headline: text,
  viewCountText: text,
  shortViewCountText: text,
  navigationEndpoint: opt(z.looseObject({ reelWatchEndpoint: opt(z.unknown()) })),
});
export const LockupTile = z.looseObject({
  contentId: str,
  contentType: str,
  metadata: opt(
    z.looseObject({
      lockupMetadataViewModel: opt(
        z.looseObject({
          title: opt(z.looseObject({ content: str })),
          metadata: opt(z.looseObject({ contentMetadataViewModel: opt(ContentMetadata) })),
        }),
      ),
    }),
  ),
});
export const ReelEndpoint = z.looseObject({ reelWatchEndpoint: opt(z.looseObject({ videoId: str })) });
export const ShortsLockupTile = z.looseObject({
  entityId: str,
  accessibilityText: str,
  overlayMetadata: opt(z.looseObject({ primaryText: opt(z.looseObject({ content: str })), secondaryText: opt(z.looseObject({ content: str })) })),
  onTap: opt(z.looseObject({ innertubeCommand: opt(ReelEndpoint) })),
});

export const WatchEndpoint = z.looseObject({
  watchEndpoint: opt(z.looseObject({ videoId: str })),
  reelWatchEndpoint: opt(z.looseObject({ videoId: str })),
});
export const PrimaryInfo = z.looseObject({
  updatedMetadataEndpoint: opt(z.looseObject({ updatedMetadataEndpoint: opt(z.looseObject({ videoId: str })) })),
  title: text,
  /** "19 Jun 2018", "Premiered 7 Jul 2023", "Jun 19, 2018". */
  dateText: text,
  /** Hashtags shown above the title. */
  superTitleLink: text,
});
/** The description under the player: `attributedDescription` (2023 on) or `description` runs (before). */
export const SecondaryInfo = z.looseObject({
  attributedDescription: opt(z.looseObject({ content: str })),
  description: text,
});
export const DescriptionBody = z.looseObject({ attributedDescriptionBodyText: opt(z.looseObject({ content: str })) });
/** The player's "Includes paid promotion" overlay: the creator declared paid promotion. */
export const PaidOverlay = z.looseObject({ text, durationMs: countValue });
export const ViewCountRenderer = z.looseObject({ viewCount: text, shortViewCount: text, isLive: flag });
export const ToggleButton = z.looseObject({
  isToggled: flag,
  defaultIcon: opt(z.looseObject({ iconType: str })),
  defaultText: text,
  toggledText: text,
  accessibility: opt(z.looseObject({ label: str })),
  accessibilityData: opt(z.looseObject({ accessibilityData: opt(z.looseObject({ label: str })) })),
  toggleButtonSupportedData: opt(z.looseObject({ toggleButtonIdData: opt(z.looseObject({ id: str })) })),
  targetId: str,
});
export const ButtonViewModel = z.looseObject({ iconName: str, title: str, accessibilityText: str });
export const LikeButtonViewModel = z.looseObject({
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
export const LikeCountEntity = z.looseObject({
  likeCountIfIndifferentNumber: countValue,
  likeCountIfLikedNumber: countValue,
  expandedLikeCountIfIndifferent: opt(z.looseObject({ content: str })),
  expandedLikeCountIfLiked: opt(z.looseObject({ content: str })),
  likeCountIfIndifferent: opt(z.looseObject({ content: str })),
  likeCountIfLiked: opt(z.looseObject({ content: str })),
});
export const ShortsLikeButton = z.looseObject({
  likeCount: countValue,
  likeStatus: str,
  likeCountText: text,
  likeCountWithLikeText: text,
  likeCountWithUnlikeText: text,
  target: opt(z.looseObject({ videoId: str })),
});
export const Owner = z.looseObject({
  title: text,
  subscriberCountText: text,
  navigationEndpoint: opt(BrowseNav),
  badges: Badges,
});
export const Infocards = z.looseObject({ sectionTitle: text, sectionSubtitle: text, channelEndpoint: opt(BrowseNav) });
export const Factoid = z.looseObject({ value: text, label: text, accessibilityText: str });
export const DescriptionHeader = z.looseObject({
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
export const EngagementPanel = z.looseObject({
  panelIdentifier: str,
  targetId: str,
  header: opt(z.looseObject({ engagementPanelTitleHeaderRenderer: opt(z.looseObject({ title: text, contextualInfo: text })) })),
});
export const CommentsEntry = z.looseObject({ commentCount: text });
export const CommentsButton = z.looseObject({ buttonRenderer: opt(z.looseObject({ text, accessibility: opt(z.looseObject({ label: str })) })) });
export const Alert = z.looseObject({ text });
export const CommentsHeader = z.looseObject({ countText: text, commentsCount: text });
export const ChannelBar = z.looseObject({
  channelName: opt(z.looseObject({ content: str })),
  channelTitle: opt(z.looseObject({ content: str })),
});
export const Player = z.looseObject({
  videoDetails: opt(
    z.looseObject({ videoId: str, viewCount: countValue, channelId: str, author: str, isUpcoming: flag, title: str, shortDescription: str }),
  ),
  paidContentOverlay: opt(z.looseObject({ paidContentOverlayRenderer: opt(PaidOverlay) })),
  microformat: opt(
    z.looseObject({
      playerMicroformatRenderer: opt(
        z.looseObject({ ownerProfileUrl: str, publishDate: str, uploadDate: str, viewCount: countValue, isUpcoming: flag }),
      ),
    }),
  ),
});

export function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}
