/**
 * What a TikTok video says: its caption (`desc`), the hashtags and mentions TikTok lists for it
 * (`textExtra`, since 2023 also `contents[].textExtra`) completed from the caption, and its
 * commercial flags (`isAd`; `brandOrganicType` / `brandedContentType` above 0 mark branded
 * content). And the comments of a video page, from the web client's `/api/comment/list/`
 * responses.
 */
import { parseCount } from '../../metrics/counts';
import { anyFlag, hashtagsIn, mentionsIn, uniqueHandles, uniqueTags } from '../caption';
import { isObject } from '../page';
import { at, listAt, textAt } from '../pick';
import type { PostComment, PostStats } from '../types';
import type { ItemShape } from './shapes';

type Content = Required<Pick<PostStats, 'caption' | 'mentions' | 'hashtags' | 'sponsored'>>;

/** The `textExtra` entries of an item: its own and those under `contents[]`. */
function textExtras(item: Pick<ItemShape, 'textExtra' | 'contents'>): unknown[] {
  const out: unknown[] = [...(item.textExtra ?? [])];
  for (const c of item.contents ?? []) if (isObject(c) && Array.isArray(c.textExtra)) out.push(...c.textExtra);
  return out;
}

/** A positive number (or digit string) in a commercial type field: branded content. */
function positive(value: string | number | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const n = parseCount(value);
  return n === null ? undefined : n > 0;
}

export function itemContent(item: Pick<ItemShape, 'desc' | 'textExtra' | 'contents' | 'isAd' | 'brandOrganicType' | 'brandedContentType'>): Content {
  const tags: Array<string | undefined> = [];
  const handles: Array<string | undefined> = [];
  // 2020 pages capitalise the keys (`HashtagName`).
  for (const e of textExtras(item)) {
    tags.push(textAt(e, 'hashtagName') ?? textAt(e, 'HashtagName'));
    handles.push(textAt(e, 'userUniqueId') ?? textAt(e, 'UserUniqueId'));
  }
  const caption = item.desc ?? null;
  return {
    caption,
    mentions: uniqueHandles([...handles, ...mentionsIn(caption, 'tiktok')]),
    hashtags: uniqueTags([...tags, ...hashtagsIn(caption)]),
    sponsored: anyFlag(item.isAd, positive(item.brandOrganicType), positive(item.brandedContentType)),
  };
}

export interface TikTokComment extends PostComment {
  id: string | null;
  /** The video it is on, when the comment or its request names it. */
  videoId: string | null;
  /** The commenter's handle, to tell the creator's own replies. */
  handle: string | null;
}

const MAX_COMMENTS = 1000;

/** The comments (and their inline replies) of a `{comments: [...]}` body; empty when it is not one. */
export function commentsOf(body: Record<string, unknown>, requestVideoId: string | null): TikTokComment[] {
  if (!Array.isArray(body.comments)) return [];
  const out: TikTokComment[] = [];
  const idOf = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  const add = (c: unknown, depth: number) => {
    const text = textAt(c, 'text');
    const id = idOf(at(c, 'cid'));
    if (out.length >= MAX_COMMENTS || text === undefined || id === null) return;
    const handle = textAt(c, 'user', 'unique_id') || null;
    const likes = at(c, 'digg_count');
    out.push({
      id,
      videoId: idOf(at(c, 'aweme_id')) ?? requestVideoId,
      handle,
      text,
      author: handle ?? textAt(c, 'user', 'nickname') ?? null,
      byCreator: false,
      likes: typeof likes === 'number' || typeof likes === 'string' ? parseCount(likes) : null,
    });
    if (depth === 0) for (const reply of listAt(c, 'reply_comment')) add(reply, 1);
  };
  for (const raw of body.comments.slice(0, MAX_COMMENTS)) add(raw, 0);
  return out;
}

/** Whether a body is a comment list (`{comments: [...]}` of objects with `cid`), even an empty one. */
export function isCommentList(body: Record<string, unknown>): boolean {
  if (!Array.isArray(body.comments)) return false;
  return body.comments.length === 0 ? 'cursor' in body || 'has_more' in body : body.comments.some((c) => isObject(c) && 'cid' in c);
}
