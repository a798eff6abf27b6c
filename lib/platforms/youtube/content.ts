/**
 * What a YouTube video says, and what its comments say.
 *
 * - A channel tile: the video's title (`title`, `headline`, a lockup's `title.content`, a Short's
 *   `primaryText`). Tiles carry no paid-promotion flag: `sponsored` is null there.
 * - A watch page: the title (`videoPrimaryInfoRenderer.title`, the player's `videoDetails.title`)
 *   and the description (`videoSecondaryInfoRenderer.attributedDescription` / `description`, the
 *   description panel's `attributedDescriptionBodyText`, the player's `shortDescription`), read as
 *   one caption; the upload date (`dateText`, English forms); and the player's
 *   `paidContentOverlay` ("Includes paid promotion"): true when present, false when the page
 *   carries this video's player response without it, null without a player response.
 * - Comments: comment continuations (`/youtubei/v1/next`) list threads as `commentThreadRenderer`
 *   holding an old `commentRenderer` (text, author, votes, `authorIsChannelOwner`) or a
 *   `commentViewModel` whose `commentKey` names a `commentEntityPayload` in
 *   `frameworkUpdates.entityBatchUpdate.mutations` (text, author, `isCreator`, like count).
 */
import { parseCount } from '../../metrics/counts';
import { hashtagsIn, mentionsIn, uniqueTags } from '../caption';
import { walkJson, type JsonObject } from '../page';
import { at, textAt } from '../pick';
import type { PostComment, PostStats } from '../types';

type Content = Required<Pick<PostStats, 'caption' | 'mentions' | 'hashtags' | 'sponsored'>>;

function contentOf(caption: string | null, sponsored: boolean | null): Content {
  return { caption, mentions: mentionsIn(caption, 'youtube'), hashtags: hashtagsIn(caption), sponsored };
}

/** A channel tile's title as the post's caption. */
export function titleContent(title: string | null): Content {
  return contentOf(title, null);
}

/** A watch page's title and description, read as one caption (and the hashtags shown above the title). */
export function watchContent(title: string | null, description: string | null, paid: boolean | null, superTitle: string | null = null): Content {
  const parts = [title, description].filter((p): p is string => typeof p === 'string' && p.trim().length > 0);
  const content = contentOf(parts.length > 0 ? parts.join('\n\n') : null, paid);
  return superTitle ? { ...content, hashtags: uniqueTags([...hashtagsIn(superTitle), ...content.hashtags]) } : content;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "19 Jun 2018" (en-GB) or "Jun 19, 2018" (en-US), anywhere in the text ("Premiered …", "Streamed live on …"). */
const DAY_MONTH_YEAR = /\b(\d{1,2}) ([A-Za-z]{3})[a-z]{0,6}\.? (\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3})[a-z]{0,6}\.? (\d{1,2}), (\d{4})\b/;

/** Unix seconds (UTC midnight) of an English date text; null for any other text. */
export function dateTextTime(text: string | null | undefined): number | null {
  if (typeof text !== 'string' || text.length > 200) return null;
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(text);
  const [day, month, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : mdy ? [mdy[2], mdy[1], mdy[3]] : [];
  const m = MONTHS.indexOf((month ?? '').toLowerCase());
  if (m < 0 || day === undefined || year === undefined) return null;
  const d = Number(day);
  if (d < 1 || d > 31) return null;
  return Date.UTC(Number(year), m, d) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Comments

export interface YoutubeComment extends PostComment {
  id: string | null;
}

/** A text object's text (`simpleText`, `content` or `runs`), or null. */
function textIn(value: unknown): string | null {
  const simple = textAt(value, 'simpleText') ?? textAt(value, 'content');
  if (simple !== undefined) return simple;
  const runs = at(value, 'runs');
  return Array.isArray(runs) ? runs.map((r) => textAt(r, 'text') ?? '').join('') : null;
}

/** "@woodfan" → "woodfan"; null when empty. */
function authorName(name: string | null | undefined): string | null {
  return name?.trim().replace(/^@/, '') || null;
}

function commentFromRenderer(node: JsonObject): YoutubeComment | null {
  const text = textIn(node.contentText);
  if (text === null) return null;
  const votes = textIn(node.voteCount);
  return {
    id: textAt(node, 'commentId') ?? null,
    text,
    author: authorName(textIn(node.authorText)),
    byCreator: node.authorIsChannelOwner === true,
    likes: votes === null ? null : parseCount(votes),
  };
}

function commentFromEntity(node: unknown): YoutubeComment | null {
  const text = textAt(node, 'properties', 'content', 'content');
  if (text === undefined) return null;
  const shown = textAt(node, 'toolbar', 'likeCountNotliked');
  return {
    id: textAt(node, 'properties', 'commentId') ?? textAt(node, 'key') ?? null,
    text,
    author: authorName(textAt(node, 'author', 'displayName')),
    byCreator: at(node, 'author', 'isCreator') === true,
    likes: shown === undefined ? null : parseCount(shown),
  };
}

/**
 * The comments of one body (a comment continuation, first page or replies), in page order. A view
 * model names its comment by key; comments whose payload no view model names come after.
 */
export function commentsOfBody(body: JsonObject): YoutubeComment[] {
  const payloads = new Map<string, unknown>();
  const order: Array<{ renderer: JsonObject } | { key: string }> = [];
  walkJson(
    body,
    (obj, key) => {
      if (key === 'commentRenderer') {
        order.push({ renderer: obj });
        return true;
      }
      if (key === 'commentViewModel' && typeof obj.commentKey === 'string') order.push({ key: obj.commentKey });
      if (key === 'commentEntityPayload') {
        const k = typeof obj.key === 'string' ? obj.key : `#${payloads.size}`;
        if (!payloads.has(k)) payloads.set(k, obj);
        return true;
      }
      return undefined;
    },
    1_000_000,
  );
  const out: YoutubeComment[] = [];
  const used = new Set<string>();
  for (const item of order) {
    if ('renderer' in item) {
      const c = commentFromRenderer(item.renderer);
      if (c) out.push(c);
    } else if (payloads.has(item.key) && !used.has(item.key)) {
      used.add(item.key);
      const c = commentFromEntity(payloads.get(item.key));
      if (c) out.push(c);
    }
  }
  for (const [key, payload] of payloads) {
    if (used.has(key)) continue;
    const c = commentFromEntity(payload);
    if (c) out.push(c);
  }
  return out;
}

/** Whether a continuation body is about comments (a comment list, even an empty one, or its header). */
export function isCommentBody(body: JsonObject): boolean {
  let found = false;
  walkJson(
    [body.onResponseReceivedEndpoints, body.onResponseReceivedActions, body.continuationContents, body.frameworkUpdates],
    (_obj, key) => {
      if (found) return true;
      if (key === 'commentThreadRenderer' || key === 'commentsHeaderRenderer' || key === 'commentEntityPayload' || key === 'commentRenderer') {
        found = true;
        return true;
      }
      return undefined;
    },
    1_000_000,
  );
  return found;
}
