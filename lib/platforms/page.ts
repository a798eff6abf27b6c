/**
 * Gathering a reader's inputs ({@link PageData}) from a saved HTML page, a JSON body or a live
 * Document, and pulling embedded JSON objects out of inline scripts.
 *
 * Nothing here knows any platform: platform paths and shapes live in their reader.
 */
import * as z from 'zod/mini';
import type { CapturedResponse, InlineScript, PageData } from './types';

/**
 * A field of a page-data shape that reads as absent (undefined) when the page carries a value of
 * another type, so one odd field never sinks the whole record. (The same as `z.catch(schema,
 * undefined)`, at a fraction of its bundle size: catch pulls in zod's error formatting.)
 */
export function lenient<T extends z.ZodMiniType>(schema: T) {
  return z.union([schema, z.transform((): undefined => undefined)]);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decode the HTML character references that appear in attribute values. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function parseAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  // Skip the tag name itself.
  const body = tag.replace(/^<\s*[a-zA-Z0-9]+/, '').replace(/\/?>$/, '');
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const name = m[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Read meta tags and inline scripts out of an HTML string (a saved page or a fragment of one). */
export function pageDataFromHtml(html: string, url: string): PageData {
  const meta: Record<string, string> = {};
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = parseAttributes(m[0]);
    const key = (attrs.property ?? attrs.name ?? attrs.itemprop)?.toLowerCase();
    if (key && attrs.content !== undefined && !(key in meta)) meta[key] = attrs.content;
  }
  const scripts: InlineScript[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = parseAttributes(`<script ${m[1] ?? ''}>`);
    if (attrs.src !== undefined) continue;
    scripts.push({ type: attrs.type ?? null, id: attrs.id ?? null, text: m[2] ?? '' });
  }
  return { url, meta, scripts, responses: [] };
}

/** A saved JSON body as the only data of a page. */
export function pageDataFromJson(body: unknown, url: string, requestUrl = url): PageData {
  return { url, meta: {}, scripts: [], responses: [{ url: requestUrl, body }] };
}

/**
 * Read a live Document's meta tags and inline scripts. Runs in the content script; kept here so
 * that the browser and Node produce the very same {@link PageData}.
 */
export function pageDataFromDocument(doc: Document, url: string, responses: CapturedResponse[] = []): PageData {
  const meta: Record<string, string> = {};
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.toLowerCase();
    const content = el.getAttribute('content');
    if (key && content !== null && !(key in meta)) meta[key] = content;
  }
  const scripts: InlineScript[] = [];
  for (const el of Array.from(doc.querySelectorAll('script:not([src])'))) {
    scripts.push({ type: el.getAttribute('type'), id: el.getAttribute('id'), text: el.textContent ?? '' });
  }
  return { url, meta, scripts, responses };
}

/**
 * Find the end of the JSON object or array that starts at `start` (which must be `{` or `[`),
 * honouring strings and escapes. Returns the index after the closing bracket, or -1.
 */
export function endOfJsonValue(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Parse JSON without throwing: undefined when the text is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Every JSON object that follows `marker` in `text` (e.g. `window._sharedData =` or
 * `__additionalDataLoaded(`): the first `{` after the marker (skipping a quoted argument such as
 * a path) starts the object. Objects that do not parse are skipped.
 */
export function jsonAfterMarker(text: string, marker: string): unknown[] {
  const found: unknown[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(marker, from);
    if (at < 0) break;
    from = at + marker.length;
    // Only whitespace, `=`, `(`, commas and one quoted argument (such as a path) may stand
    // between the marker and the object.
    const lead = /^[\s=(,]*(?:(['"])[^'"]{0,400}\1[\s,]*)?/.exec(text.slice(from, from + 500));
    const open = from + (lead ? lead[0].length : 0);
    if (text[open] !== '{') continue;
    const end = endOfJsonValue(text, open);
    if (end < 0) continue;
    const value = tryParseJson(text.slice(open, end));
    if (value !== undefined) found.push(value);
    from = end;
  }
  return found;
}

/** JSON bodies of `<script type="application/json">` (and ld+json) blocks, parsed; unparseable ones skipped. */
export function jsonScripts(data: PageData, filter?: (s: InlineScript) => boolean): unknown[] {
  const out: unknown[] = [];
  for (const s of data.scripts) {
    if (!s.type || !/json/i.test(s.type)) continue;
    if (filter && !filter(s)) continue;
    const value = tryParseJson(s.text.trim());
    if (value !== undefined) out.push(value);
  }
  return out;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Depth-first walk over a JSON value, calling `visit` on every object. `visit` returns true to
 * stop descending into that object. Bounded by `maxNodes` so a huge or hostile body cannot hang
 * the page.
 */
export function walkJson(value: unknown, visit: (obj: JsonObject, key: string | null) => boolean | void, maxNodes = 2_000_000): void {
  const stack: Array<[unknown, string | null]> = [[value, null]];
  let seen = 0;
  while (stack.length > 0 && seen < maxNodes) {
    const [node, key] = stack.pop()!;
    seen++;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], key]);
    } else if (isObject(node)) {
      if (visit(node, key) === true) continue;
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) stack.push([node[keys[i]!], keys[i]!]);
    }
  }
}

/** Every object (depth-first, document order) stored under the property `name`. */
export function findAllByKey(value: unknown, name: string): unknown[] {
  const out: unknown[] = [];
  walkJson(value, (obj) => {
    if (name in obj) out.push(obj[name]);
  });
  return out;
}

/**
 * Parse the text of a JSON response as a web client receives it: plain JSON, JSON behind an
 * anti-hijacking prefix (`for (;;);`, `)]}'`), or several JSON documents one per line (streamed
 * GraphQL). Returns every document that parses, in order; never throws.
 */
export function parseResponseText(text: string): unknown[] {
  const body = text.replace(/^\uFEFF/, '').replace(/^\s*(?:for\s*\(;;\);|\)\]\}'?,?)/, '').trim();
  if (!body) return [];
  const whole = tryParseJson(body);
  if (whole !== undefined) return [whole];
  const out: unknown[] = [];
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const value = tryParseJson(trimmed);
    if (value !== undefined) out.push(value);
  }
  return out;
}
