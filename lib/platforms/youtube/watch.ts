/** Watch pages (`/watch?v=`, `/shorts/`, `/live/`, `youtu.be/`). */
import type * as z from 'zod/mini';
import { preferExact, type ParsedCount } from '../../metrics/counts';
import { isObject, type JsonObject } from '../page';
import { emptyPost, type PostComment, type PostStats, type Snapshot } from '../types';
import { collect, first, isVerified, kindOf, type Block } from './blocks';
import { watchUrl } from './channel';
import {
  ButtonViewModel,
  ChannelBar,
  CommentsButton,
  CommentsEntry,
  CommentsHeader,
  DescriptionHeader,
  EngagementPanel,
  Factoid,
  Infocards,
  LikeButtonViewModel,
  LikeCountEntity,
  Owner,
  parse,
  Player,
  PrimaryInfo,
  DescriptionBody,
  SecondaryInfo,
  ShortsLikeButton,
  ToggleButton,
  ViewCountRenderer,
  WatchEndpoint,
} from './shapes';
import { commentsOfBody, dateTextTime, isCommentBody, watchContent, type YoutubeComment } from './content';
import { baseSnapshot, channelIdKey, noData } from './snapshot';
import { count, labelOf, textCounts, textOf, VIEWS_WORD } from './text';
import { refOf, type Place } from './url';

export const WATCH_KEYS = new Set([
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
  'videoSecondaryInfoRenderer',
  'expandableVideoDescriptionBodyRenderer',
]);
/** The sidebar, end screens, other videos and comments themselves carry counts of other things. */
export const WATCH_STOP = new Set([
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

export interface WatchData {
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
  title: string | null;
  description: string | null;
  /** Hashtags shown above the title. */
  superTitle: string | null;
  /** The upload date shown under the player (English forms), Unix seconds. */
  dateTime: number | null;
}

export function videoIdOf(body: JsonObject, found: Map<string, JsonObject[]>): string | null {
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

export function isLikeToggle(button: z.output<typeof ToggleButton>): boolean {
  return (
    button.defaultIcon?.iconType === 'LIKE' ||
    button.toggleButtonSupportedData?.toggleButtonIdData?.id === 'TOGGLE_BUTTON_ID_TYPE_LIKE' ||
    button.targetId === 'watch-like'
  );
}

/** Like counts in the order exact-first sources come: entity numbers, spoken labels, display text. */
export function likeCandidates(found: Map<string, JsonObject[]>): { counts: Array<ParsedCount | null>; button: boolean } {
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

export function factoids(header: z.output<typeof DescriptionHeader> | null): Array<z.output<typeof Factoid>> {
  const out: Array<z.output<typeof Factoid>> = [];
  for (const item of header?.factoid ?? []) {
    const f = item?.factoidRenderer ?? item?.viewCountFactoidRenderer?.factoid?.factoidRenderer;
    if (f) out.push(f);
  }
  return out;
}

export function commentCandidates(found: Map<string, JsonObject[]>): Array<ParsedCount | null> {
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

export function handleOf(urlOrPath: string | null | undefined): string | null {
  const ref = refOf(urlOrPath);
  return ref?.kind === 'handle' ? ref.value : null;
}

export function readWatchBody(body: JsonObject, found: Map<string, JsonObject[]>, origin: string): WatchData {
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
  const primary = parse(PrimaryInfo, first(found, 'videoPrimaryInfoRenderer'));
  const secondary = parse(SecondaryInfo, first(found, 'videoSecondaryInfoRenderer'));
  const panel = parse(DescriptionBody, first(found, 'expandableVideoDescriptionBodyRenderer'));
  const dateText = textOf(primary?.dateText);
  return {
    title: textOf(primary?.title),
    description: secondary?.attributedDescription?.content ?? textOf(secondary?.description) ?? panel?.attributedDescriptionBodyText?.content ?? null,
    superTitle: textOf(primary?.superTitleLink),
    // A premiere's "Scheduled for …" is not when it was posted.
    dateTime: dateText !== null && !/^\s*scheduled/i.test(dateText) ? dateTextTime(dateText) : null,
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

export interface PlayerData {
  views: ParsedCount | null;
  origin: string;
  upcoming: boolean;
  handle: string | null;
  channelId: string | null;
  author: string | null;
  takenAt: number | null;
  title: string | null;
  description: string | null;
  /** The player's "Includes paid promotion" overlay is present (the player response always says). */
  paid: boolean;
}

export function readPlayer(body: JsonObject, videoId: string, origin: string): PlayerData | null {
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
    title: details.title ?? null,
    description: details.shortDescription ?? null,
    paid: textOf(player.paidContentOverlay?.paidContentOverlayRenderer?.text) !== null,
  };
}

/** Comment counts from comment continuations that arrived for the current video. */
export function continuationComments(body: JsonObject): Array<ParsedCount | null> {
  const found = collect(
    [body.onResponseReceivedEndpoints, body.onResponseReceivedActions, body.continuationContents],
    new Set(['commentsHeaderRenderer']),
    WATCH_STOP,
  );
  return commentCandidates(found);
}

export function readPost(url: string, place: Place, blocks: readonly Block[]): Snapshot {
  const videoId = place.location.postId ?? '';
  const snap = baseSnapshot(url, 'post');
  let watch: WatchData | null = null;
  let player: PlayerData | null = null;
  let current = false;
  let stale = false;
  let unknown = false;
  const laterComments: Array<ParsedCount | null> = [];
  // The comments themselves, from the comment continuations of the current video (null: none arrived).
  let commentList: YoutubeComment[] | null = null;
  for (const block of blocks) {
    const kind = kindOf(block.body);
    if (kind === 'watch') {
      const found = collect(block.body, WATCH_KEYS, WATCH_STOP);
      const id = videoIdOf(block.body, found);
      current = id === null || id === videoId;
      if (current) {
        watch = readWatchBody(block.body, found, block.origin);
        laterComments.length = 0;
        commentList = null;
      } else stale = true;
    } else if (kind === 'player') {
      const read = readPlayer(block.body, videoId, block.origin);
      if (read) player = read;
      else stale = true;
    } else if (kind === 'continuation') {
      if (current) laterComments.push(...continuationComments(block.body));
      if (current && isCommentBody(block.body)) (commentList ??= []).push(...commentsOfBody(block.body));
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
    takenAt: player?.takenAt ?? watch?.dateTime ?? null,
    likesHidden: likes === null && watch?.likeButton === true,
    ...watchContent(watch?.title ?? player?.title ?? null, watch?.description ?? player?.description ?? null, player ? player.paid : null, watch?.superTitle ?? null),
  });
  snap.posts = [post];
  if (commentList) snap.comments = videoComments(commentList, handle);
  snap.source = [watch?.origin, player?.origin].filter((o) => !!o).join(' + ');
  snap.notes = watchNotes({ views, likes, comments, followers, watch, notYet });
  const anything = views ?? likes ?? comments ?? followers;
  snap.state = anything !== null || notYet ? 'ok' : 'unknown-layout';
  return snap;
}

export function watchNotes(r: {
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

/** Each comment once (by id), in arrival order; a comment by the channel (its @handle) is the creator's. */
function videoComments(list: readonly YoutubeComment[], handle: string | null): PostComment[] {
  const seen = new Set<string>();
  const out: PostComment[] = [];
  const own = handle?.toLowerCase() ?? null;
  for (const c of list) {
    if (c.id !== null && seen.has(c.id)) continue;
    if (c.id !== null) seen.add(c.id);
    out.push({ text: c.text, author: c.author, byCreator: c.byCreator || (own !== null && c.author?.toLowerCase() === own), likes: c.likes });
  }
  return out;
}
