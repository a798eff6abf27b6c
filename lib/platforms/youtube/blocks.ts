/** Gathering the page's JSON bodies (embedded and captured) and telling what each is by its shape. */
import type * as z from 'zod/mini';
import { endsOfJsonValues, isObject, jsonAfterMarker, objectToLastBrace, tryParseJson, walkJson, type JsonObject } from '../page';
import type { PageData } from '../types';
import type { Badges } from './shapes';

export interface Block {
  body: JsonObject;
  /** Human-readable name of where the body came from, for `source`. */
  origin: string;
}

/** Index after the closing quote of the JS string literal opening at `start`, or -1. */
export function endOfJsString(text: string, start: number): number {
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
export function unescapeJs(body: string): string {
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
  if (assignments.length === 1) {
    const value = objectToLastBrace(script, assignments[0]!.at);
    if (value !== undefined) return [value];
  }
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
export function legacyPlayerResponses(script: string): unknown[] {
  return jsonAfterMarker(script, 'ytplayer.config').flatMap((config) => {
    const args = isObject(config) && isObject(config.args) ? config.args : null;
    const raw = args?.player_response;
    return typeof raw === 'string' ? [tryParseJson(raw)] : [];
  });
}

export function originOfRequest(url: string): string {
  const m = /\/youtubei\/v1\/([\w/]+)/.exec(url);
  return m ? `captured /youtubei/v1/${m[1]} response` : 'JSON body (ytInitialData shape)';
}

/** Bodies in one response: the pre-2020 `pbj` form wraps page data and player response. */
export function bodiesIn(value: unknown): JsonObject[] {
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
export function blocksOf(data: PageData): Block[] {
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

export type BodyKind = 'channel' | 'watch' | 'player' | 'continuation' | 'page' | 'unknown';

/** What a body is, by its shape alone. */
export function kindOf(body: JsonObject): BodyKind {
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
export function collect(root: unknown, keys: ReadonlySet<string>, stop: ReadonlySet<string>): Map<string, JsonObject[]> {
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

export function first(found: Map<string, JsonObject[]>, key: string): JsonObject | undefined {
  return found.get(key)?.[0];
}

export function isVerified(badges: z.output<typeof Badges>): boolean {
  return (badges ?? []).some((b) => /VERIFIED/.test(b?.metadataBadgeRenderer?.style ?? ''));
}
