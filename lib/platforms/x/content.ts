/**
 * What an X post says: its text (`note_tweet` for a long post, else `legacy.full_text`, unescaped,
 * without the @handles a reply starts with), the accounts it mentions (`entities.user_mentions`,
 * completed from the text) and its hashtags (`entities.hashtags`). X carries no paid-partnership
 * flag in these bodies: `sponsored` is null (unknown), and disclosure tags in the text are read by
 * lib/metrics/content.ts.
 */
import * as z from 'zod/mini';
import { hashtagsIn, mentionsIn, uniqueHandles, uniqueTags } from '../caption';
import { decodeEntities } from '../page';
import type { PostStats } from '../types';
import { HashtagEntity, MentionEntity, type Entities, type TweetLegacy } from './shapes';

type Content = Required<Pick<PostStats, 'caption' | 'mentions' | 'hashtags' | 'sponsored'>>;
type EntitySet = z.output<typeof Entities>;

/** The @handles a reply starts with (X shows them apart, not as text). At most 50, read once. */
const LEADING_REPLY_HANDLES = /^(?:@[A-Za-z0-9_]{1,15}\s{1,10}){1,50}/;

function entityMentions(entities: EntitySet | undefined, from: number): string[] {
  const out: string[] = [];
  for (const raw of entities?.user_mentions ?? []) {
    const m = MentionEntity.safeParse(raw);
    if (!m.success || !m.data.screen_name) continue;
    // Mentions before the shown text are the accounts a reply answers, not mentions of the post.
    const start = m.data.indices?.[0];
    if (typeof start === 'number' && start < from) continue;
    out.push(m.data.screen_name);
  }
  return out;
}

function entityHashtags(entities: EntitySet | undefined): string[] {
  const out: string[] = [];
  for (const raw of entities?.hashtags ?? []) {
    const h = HashtagEntity.safeParse(raw);
    if (h.success && h.data.text) out.push(h.data.text);
  }
  return out;
}

export function tweetContent(
  legacy: z.output<typeof TweetLegacy>,
  note: { text?: string | undefined; entity_set?: EntitySet | undefined } | undefined,
): Content {
  const shownFrom = legacy.display_text_range?.[0] ?? 0;
  const raw = note?.text ?? legacy.full_text;
  let caption: string | null = null;
  if (raw !== undefined) {
    const text = decodeEntities(raw);
    caption = shownFrom > 0 && note?.text === undefined ? text.replace(LEADING_REPLY_HANDLES, '') : text;
  }
  const entities = note?.entity_set ?? legacy.entities;
  return {
    caption,
    mentions: uniqueHandles([...entityMentions(entities, note?.entity_set ? 0 : shownFrom), ...mentionsIn(caption, 'x')]),
    hashtags: uniqueTags([...entityHashtags(entities), ...hashtagsIn(caption)]),
    sponsored: null,
  };
}
