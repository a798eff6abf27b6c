/**
 * Reading what a post says out of its text: the @mentions and #hashtags of a caption, for the
 * readers that have no list of them from the platform (or to complete one).
 *
 * A hostile page can send a caption of any length before fit.ts cuts it, so every pattern here
 * reads the text once: each match starts at a fixed character (`@`, `#`) and takes a bounded run
 * of characters after it, with only a one-character look behind and ahead.
 */

/** Handle characters and lengths per platform; a longer run is not a mention. */
export type HandleStyle = 'instagram' | 'tiktok' | 'x' | 'youtube';

const MENTION: Record<HandleStyle, RegExp> = {
  // Usernames: letters, digits, `.` and `_`; an `@` inside a word (an e-mail address) is no mention.
  instagram: /(?<![\p{L}\p{N}_.@])@([A-Za-z0-9._]{1,30})(?![A-Za-z0-9_])/gu,
  tiktok: /(?<![\p{L}\p{N}_.@])@([A-Za-z0-9._]{1,64})(?![A-Za-z0-9_])/gu,
  x: /(?<![\p{L}\p{N}_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])/gu,
  youtube: /(?<![\p{L}\p{N}_.@-])@([A-Za-z0-9._-]{3,30})(?![A-Za-z0-9_-])/gu,
};

/** Lower-cased, without a trailing dot (the end of a sentence: "thanks to @brand."), each once, in order. */
export function uniqueHandles(handles: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const raw of handles) {
    if (typeof raw !== 'string') continue;
    let h = raw.trim().replace(/^@/, '').toLowerCase();
    while (h.endsWith('.')) h = h.slice(0, -1);
    if (h.length > 0) seen.add(h);
  }
  return [...seen];
}

/** The accounts @-mentioned in a text, lower-case, without @, each once, in order. */
export function mentionsIn(text: string | null | undefined, style: HandleStyle): string[] {
  if (typeof text !== 'string' || !text.includes('@')) return [];
  return uniqueHandles(Array.from(text.matchAll(MENTION[style]), (m) => m[1]));
}

/**
 * A hashtag: `#` not inside a word (nor an HTML character reference `&#39;`), then letters,
 * marks, digits and `_` — at least one letter ("#15" is a number, not a tag). Longer than 100
 * characters, the tag is cut there.
 */
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#])#([\p{L}\p{M}\p{N}_]{1,100})/gu;
const LETTER = /\p{L}/u;

/** Hashtags without #, each once (compared case-insensitively, first spelling kept), in order. */
export function uniqueTags(tags: Iterable<string | null | undefined>): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    if (typeof raw !== 'string') continue;
    const tag = raw.trim().replace(/^#/, '');
    if (tag.length === 0 || !LETTER.test(tag)) continue;
    const key = tag.toLowerCase();
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()];
}

/** The hashtags of a text, without #, each once, in order. */
export function hashtagsIn(text: string | null | undefined): string[] {
  if (typeof text !== 'string' || !text.includes('#')) return [];
  return uniqueTags(Array.from(text.matchAll(HASHTAG), (m) => m[1]));
}

/**
 * The sponsored flag from several of the platform's flags: true when any says so, false when
 * some are present and none does, null when none is present (the page does not say).
 */
export function anyFlag(...flags: Array<boolean | null | undefined>): boolean | null {
  if (flags.some((f) => f === true)) return true;
  return flags.some((f) => f === false) ? false : null;
}
