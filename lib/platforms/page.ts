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

/**
 * A `<meta>` or `<script …>` open tag longer than this is skipped: real ones are a few hundred
 * characters, and parsing the attributes of a crafted megabyte-long tag would be wasted work.
 */
export const MAX_OPEN_TAG = 64 * 1024;

/**
 * Read meta tags and inline scripts out of an HTML string (a saved page or a fragment of one).
 *
 * Each of the two scans (meta tags, then scripts) reads the text once from left to right: a tag
 * is looked for from where the previous one ended, and the scan stops as soon as a closing token
 * (`>`, `</script>`) appears nowhere after the current position, since no later tag could be
 * closed either. So a page full of unclosed `<meta` or `<script` costs one pass, not one pass
 * per tag.
 */
export function pageDataFromHtml(html: string, url: string): PageData {
  const meta: Record<string, string> = {};
  const metaOpen = /<meta\b/gi;
  for (let m = metaOpen.exec(html); m; m = metaOpen.exec(html)) {
    const end = html.indexOf('>', m.index + 5);
    if (end < 0) break;
    metaOpen.lastIndex = end + 1;
    if (end - m.index > MAX_OPEN_TAG) continue;
    const attrs = parseAttributes(html.slice(m.index, end + 1));
    const key = (attrs.property ?? attrs.name ?? attrs.itemprop)?.toLowerCase();
    if (key && attrs.content !== undefined && !(key in meta)) meta[key] = attrs.content;
  }
  const scripts: InlineScript[] = [];
  const scriptOpen = /<script\b/gi;
  const scriptClose = /<\/script\s*>/gi;
  for (let m = scriptOpen.exec(html); m; m = scriptOpen.exec(html)) {
    const tagEnd = html.indexOf('>', m.index + 7);
    if (tagEnd < 0) break;
    scriptClose.lastIndex = tagEnd + 1;
    const close = scriptClose.exec(html);
    if (!close) break;
    scriptOpen.lastIndex = close.index + close[0].length;
    // A script with an absurd open tag is skipped whole, its text included.
    if (tagEnd - m.index > MAX_OPEN_TAG) continue;
    const attrs = parseAttributes(`<script ${html.slice(m.index + 7, tagEnd)}>`);
    if (attrs.src !== undefined) continue;
    scripts.push({ type: attrs.type ?? null, id: attrs.id ?? null, text: html.slice(tagEnd + 1, close.index) });
  }
  return { url, meta, scripts, responses: [] };
}

/** A saved JSON body as the only data of a page. */
export function pageDataFromJson(body: unknown, url: string, requestUrl = url): PageData {
  return { url, meta: {}, scripts: [], responses: [{ url: requestUrl, body }] };
}

/**
 * The inline scripts a content script has already read, by element: a script that the parser
 * has finished does not change, so a second read of the page (a retry, a soft navigation)
 * reuses the same text — and the JSON parsed from it (see {@link jsonAfterMarker}) — instead of
 * reading and parsing hundreds of kilobytes again.
 */
export type ScriptCache = WeakMap<Element, InlineScript>;

/**
 * Read a live Document's meta tags and inline scripts. Runs in the content script; kept here so
 * that the browser and Node produce the very same {@link PageData}. With a `cache`, scripts the
 * parser has finished are read once.
 */
export function pageDataFromDocument(doc: Document, url: string, responses: CapturedResponse[] = [], cache?: ScriptCache): PageData {
  const meta: Record<string, string> = {};
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.toLowerCase();
    const content = el.getAttribute('content');
    if (key && content !== null && !(key in meta)) meta[key] = content;
  }
  const scripts: InlineScript[] = [];
  const parsing = doc.readyState === 'loading';
  for (const el of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const known = cache?.get(el);
    if (known) {
      scripts.push(known);
      continue;
    }
    const script: InlineScript = { type: el.getAttribute('type'), id: el.getAttribute('id'), text: el.textContent ?? '' };
    // A script the parser is still filling in (no node after it yet) is read again next time.
    if (cache && (!parsing || el.nextSibling !== null)) cache.set(el, script);
    scripts.push(script);
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
  // A failed parse throws, and an exception costs microseconds: many small texts that are not
  // JSON (a crafted page of `x = {a}`, a file of such lines) would cost seconds. Short texts are
  // checked first; a long one that fails costs little beside the reading of its text.
  if (text.length <= SHORT_JSON && !mayBeJson(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Texts up to this length are checked with {@link mayBeJson} before JSON.parse. */
const SHORT_JSON = 4096;

/** Index after the JSON string whose opening quote is at `at` (any escape taken), or -1. */
function afterString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) return i + 1;
    if (c === 92 /* \ */) i++;
  }
  return -1;
}

/**
 * Whether `text` may be JSON: false only for texts JSON.parse rejects. It follows the grammar
 * (values, objects, arrays, commas, colons, whitespace) but lets through any escape, number-like
 * characters and control characters in strings, which JSON.parse then decides on.
 */
function mayBeJson(text: string): boolean {
  const n = text.length;
  const open: number[] = []; // 123 in an object, 91 in an array
  let expect: 'value' | 'first-value' | 'key' | 'first-key' | 'after' = 'value';
  let i = 0;
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
    if (i >= n) return expect === 'after' && open.length === 0;
    const c = text.charCodeAt(i);
    if (expect === 'after') {
      const inside = open[open.length - 1];
      if (inside === undefined) return false; // something after the value
      if (c === 44 /* , */) expect = inside === 123 ? 'key' : 'value';
      else if (c === inside + 2 /* } or ] */) open.pop();
      else return false;
      i++;
    } else if (expect === 'key' || expect === 'first-key') {
      if (expect === 'first-key' && c === 125 /* } */) {
        open.pop();
        expect = 'after';
        i++;
        continue;
      }
      if (c !== 34) return false;
      i = afterString(text, i);
      if (i < 0) return false;
      while (i < n && /[ \t\n\r]/.test(text[i]!)) i++;
      if (text.charCodeAt(i) !== 58 /* : */) return false;
      i++;
      expect = 'value';
    } else if (expect === 'first-value' && c === 93 /* ] */) {
      open.pop();
      expect = 'after';
      i++;
    } else if (c === 123 || c === 91) {
      open.push(c);
      expect = c === 123 ? 'first-key' : 'first-value';
      i++;
    } else if (c === 34) {
      i = afterString(text, i);
      if (i < 0) return false;
      expect = 'after';
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      i++;
      while (i < n && /[-+.eE0-9]/.test(text[i]!)) i++;
      expect = 'after';
    } else {
      const word = text.startsWith('true', i) ? 4 : text.startsWith('null', i) ? 4 : text.startsWith('false', i) ? 5 : 0;
      if (word === 0) return false;
      i += word;
      expect = 'after';
    }
  }
}

const OUT = 0; // outside a string
const IN = 1; // inside a string
const ESC = 2; // inside a string, the character before was a backslash

/**
 * One reading of the text, as {@link endOfJsonValue} would read it from some start: its string
 * state, its bracket depth (in its own frame), and the values it still has to close, by the depth
 * at which each closes.
 *
 * A value opened at depth d closes when the depth next drops to d, and the depth is higher than
 * that until then: so a value opened later always waits for a greater (or, opened at the same
 * place, the same) depth, and the values that close are always the last ones opened. Until two
 * readings merge they wait on a stack; a merged reading keeps them by depth in a map.
 */
interface Reading {
  mode: number;
  depth: number;
  /** Depths at which the waiting values close, ascending, and their indices in `starts`. */
  depths: number[];
  ids: number[];
  /** Once merged: depth → indices of the values that close when the depth drops to it. */
  byDepth: Map<number, number[]> | null;
  count: number;
}

function newReading(): Reading {
  return { mode: OUT, depth: 0, depths: [], ids: [], byDepth: null, count: 0 };
}

function wait(r: Reading, depth: number, id: number): void {
  if (r.byDepth) {
    const there = r.byDepth.get(depth);
    if (there) there.push(id);
    else r.byDepth.set(depth, [id]);
  } else {
    r.depths.push(depth);
    r.ids.push(id);
  }
  r.count++;
}

/** Whether values wait for the depth to drop to `depth`. */
function closesAt(r: Reading, depth: number): boolean {
  return r.byDepth ? r.byDepth.has(depth) : r.depths.length > 0 && r.depths[r.depths.length - 1] === depth;
}

/** The depth just dropped to `depth` on the bracket at `at`: the values waiting for it end there. */
function settle(r: Reading, depth: number, at: number, ends: number[]): void {
  if (r.byDepth) {
    const done = r.byDepth.get(depth);
    if (!done) return;
    r.byDepth.delete(depth);
    for (const id of done) ends[id] = at + 1;
    r.count -= done.length;
    return;
  }
  while (r.depths.length > 0 && r.depths[r.depths.length - 1] === depth) {
    r.depths.pop();
    ends[r.ids.pop()!] = at + 1;
    r.count--;
  }
}

/** Every waiting value of `from`, with the depth it waits for shifted by `shift`, into `to` (by depth). */
function moveWaiting(from: Reading, to: Reading, shift: number): void {
  if (!to.byDepth) {
    // `to` keeps its values by depth from now on.
    to.byDepth = new Map();
    to.count = 0;
    const { depths, ids } = to;
    to.depths = [];
    to.ids = [];
    for (let i = 0; i < depths.length; i++) wait(to, depths[i]!, ids[i]!);
  }
  if (from.byDepth) {
    for (const [depth, ids] of from.byDepth) for (const id of ids) wait(to, depth + shift, id);
  } else {
    for (let i = 0; i < from.depths.length; i++) wait(to, from.depths[i]! + shift, from.ids[i]!);
  }
}

function step(r: Reading, c: number, at: number, ends: number[]): void {
  if (r.mode === IN) {
    if (c === 92 /* \ */) r.mode = ESC;
    else if (c === 34 /* " */) r.mode = OUT;
  } else if (r.mode === ESC) {
    r.mode = IN;
  } else if (c === 34) {
    r.mode = IN;
  } else if (c === 123 /* { */ || c === 91 /* [ */) {
    r.depth++;
  } else if (c === 125 /* } */ || c === 93 /* ] */) {
    r.depth--;
    if (r.count > 0) settle(r, r.depth, at, ends);
  }
}

/** The starts still to open, in text order, and the ends found so far. */
interface Starts {
  text: string;
  /** Positions of the starts, ascending. */
  at: number[];
  /** Their indices in the caller's `starts`. */
  ids: number[];
  /** The next start to open. */
  k: number;
  ends: number[];
}

/** Index of the next `c` at or after `from`, or `n` when there is none. */
function nextOf(text: string, c: string, from: number, n: number): number {
  const at = text.indexOf(c, from);
  return at < 0 ? n : at;
}

/**
 * The one reading alone from `from`, opening the starts it meets outside a string: returns where
 * it stopped — the end of the text, just after its last value closed, or a start it meets inside
 * a string (which needs a reading of its own). Inside a string it jumps from quote to backslash
 * with indexOf; outside it reads character by character.
 */
function runAlone(r: Reading, from: number, s: Starts): number {
  const { text, at, ids, ends } = s;
  const n = text.length;
  let { mode, depth } = r;
  let next = s.k < at.length ? at[s.k]! : n;
  let quote = -1; // the next `"` at or after i, once looked up
  let slash = -1; // the next `\`, once looked up
  let i = from;
  while (i < n) {
    if (i === next) {
      if (mode !== OUT) break; // a start inside a string
      while (s.k < at.length && at[s.k] === i) wait(r, depth, ids[s.k++]!);
      next = s.k < at.length ? at[s.k]! : n;
    }
    if (mode === ESC) {
      mode = IN;
      i++;
    } else if (mode === IN) {
      if (quote < i) quote = nextOf(text, '"', i, n);
      if (slash < i) slash = nextOf(text, '\\', i, n);
      const j = Math.min(quote, slash, next);
      if (j >= n) {
        i = n;
      } else if (j === next) {
        i = j; // a start inside this string: stop there (above)
      } else {
        mode = j === quote ? OUT : ESC;
        i = j + 1;
      }
    } else {
      const c = text.charCodeAt(i++);
      if (c === 34) {
        mode = IN;
      } else if (c === 123 || c === 91) {
        depth++;
      } else if (c === 125 || c === 93) {
        depth--;
        if (closesAt(r, depth)) {
          settle(r, depth, i - 1, ends);
          if (r.count === 0) break;
        }
      }
    }
  }
  r.mode = mode;
  r.depth = depth;
  return i;
}

/** Whether two readings have come to the same string state, or one has nothing left to close. */
function mergeable(readings: Reading[]): boolean {
  for (let i = 0; i < readings.length; i++) {
    if (readings[i]!.count === 0) return true;
    for (let j = i + 1; j < readings.length; j++) if (readings[i]!.mode === readings[j]!.mode) return true;
  }
  return false;
}

/**
 * Several readings together over [from, to): returns where they stopped (`to`, or just after the
 * character that made two of them meet or one of them finish).
 */
function runTogether(text: string, readings: Reading[], from: number, to: number, ends: number[]): number {
  let escaped = readings.some((r) => r.mode === ESC);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Only quotes, backslashes and brackets change a reading, and any character after a backslash.
    if (!escaped && c !== 34 && c !== 92 && c !== 123 && c !== 125 && c !== 91 && c !== 93) continue;
    escaped = false;
    for (const r of readings) {
      step(r, c, i, ends);
      if (r.mode === ESC) escaped = true;
    }
    if (mergeable(readings)) return i + 1;
  }
  return to;
}

/**
 * Readings in the same string state read the rest of the text alike (their depths differ by a
 * constant): keep one of them, moving the smaller one's waiting values into the larger one, and
 * drop readings with nothing left to close. At most three readings remain (one per state).
 */
function mergeReadings(readings: Reading[]): Reading[] {
  const out: Reading[] = [];
  for (const r of readings) {
    if (r.count === 0) continue;
    const i = out.findIndex((o) => o.mode === r.mode);
    if (i < 0) {
      out.push(r);
      continue;
    }
    const [big, small] = out[i]!.count >= r.count ? [out[i]!, r] : [r, out[i]!];
    moveWaiting(small, big, big.depth - small.depth);
    out[i] = big;
  }
  return out;
}

/**
 * The end of the JSON value that starts at each of `starts` (the index of its `{` or `[`), as
 * {@link endOfJsonValue} returns it (-1 when the value never closes, or when a start is not a
 * bracket), in one pass over the text however many starts there are.
 *
 * Calling endOfJsonValue for each start costs a scan to the end of the text for every value that
 * never closes: a crafted page repeating `window._sharedData = {` would cost quadratic time. Here
 * the text is read once. Values opened while another is open (outside a string) are read along
 * with it: they close when the depth returns to where it was at their start. A value that starts
 * where an earlier reading is inside a string gets a reading of its own; readings that come to
 * the same string state are merged, so at most three read each character.
 */
export function endsOfJsonValues(text: string, starts: readonly number[]): number[] {
  const ends = new Array<number>(starts.length).fill(-1);
  // The starts that are brackets, in text order (they usually come in it already).
  let ids: number[] = [];
  let sorted = true;
  for (let i = 0; i < starts.length; i++) {
    const c = text.charCodeAt(starts[i]!);
    if (c !== 123 && c !== 91) continue;
    if (ids.length > 0 && starts[ids[ids.length - 1]!]! > starts[i]!) sorted = false;
    ids.push(i);
  }
  if (!sorted) ids = ids.sort((a, b) => starts[a]! - starts[b]!);
  const s: Starts = { text, at: ids.map((i) => starts[i]!), ids, k: 0, ends };
  const n = text.length;
  let readings: Reading[] = [];
  let p = 0;
  while (s.k < s.at.length || readings.length > 0) {
    if (readings.length === 0) p = s.at[s.k]!; // nothing open: go to the next start
    // Open the values starting here, in the reading outside a string (a new one if none is).
    while (s.k < s.at.length && s.at[s.k] === p) {
      let r: Reading | undefined;
      for (const o of readings) if (o.mode === OUT) r = o;
      if (!r) readings.push((r = newReading()));
      wait(r, r.depth, s.ids[s.k++]!);
    }
    if (p >= n) break;
    if (readings.length === 1) {
      p = runAlone(readings[0]!, p, s);
      if (readings[0]!.count === 0) readings = [];
    } else {
      p = runTogether(text, readings, p, s.k < s.at.length ? s.at[s.k]! : n, ends);
      if (mergeable(readings)) readings = mergeReadings(readings);
    }
    if (p >= n) break;
  }
  return ends;
}

/** Whitespace, `=`, `(`, commas and one quoted argument (such as a path) between a marker and its object. */
const LEAD = /[\s=(,]{0,501}(?:(['"])[^'"]{0,400}\1[\s,]{0,500})?/y;
const LEAD_IN_WINDOW = /^[\s=(,]*(?:(['"])[^'"]{0,400}\1[\s,]*)?/;

/** Where the object after a marker ending at `from` opens: the lead is read within 500 characters. */
function afterLead(text: string, from: number): number {
  LEAD.lastIndex = from;
  const end = from + (LEAD.exec(text)?.[0].length ?? 0);
  if (end <= from + 500) return end;
  // A lead running past the window: read it as it reads within the window alone.
  return from + (LEAD_IN_WINDOW.exec(text.slice(from, from + 500))?.[0].length ?? 0);
}

/**
 * Every JSON object that follows `marker` in `text` (e.g. `window._sharedData =` or
 * `__additionalDataLoaded(`): the first `{` after the marker (skipping a quoted argument such as
 * a path) starts the object. Objects that do not parse are skipped, and so are markers inside an
 * object already read.
 *
 * Linear in the text: every occurrence of the marker is found first, then the ends of all their
 * objects in one pass ({@link endsOfJsonValues}), so repeated markers whose objects never close
 * do not each cost a scan to the end.
 */
export function jsonAfterMarker(text: string, marker: string): unknown[] {
  if (marker.length === 0) return [];
  for (const m of markerMemo) if (m.text === text && m.marker === marker) return m.found;
  const found = findAfterMarker(text, marker);
  // Only big texts are worth remembering (the page's data scripts); a few of them at a time.
  if (text.length >= MEMO_MIN_CHARS) {
    markerMemo.unshift({ text, marker, found });
    if (markerMemo.length > MEMO_SIZE) markerMemo.pop();
  }
  return found;
}

/** The last few big texts searched for a marker, and what was found (see {@link jsonAfterMarker}). */
const markerMemo: Array<{ text: string; marker: string; found: unknown[] }> = [];
const MEMO_MIN_CHARS = 4096;
const MEMO_SIZE = 8;

/**
 * The usual data script holds one object that ends at the script's last "}" (`var ytInitialData
 * = {…};`): JSON.parse of the span from `open` to there finds it without scanning the text
 * character by character. A JSON text is one value, so when the span parses, the object that
 * starts at `open` ends exactly there — what {@link endsOfJsonValues} would find. Undefined when
 * the span is no JSON (code with braces follows it, or the object is cut short): the caller then
 * scans. For big texts only, tried once for a text: linear.
 */
export function objectToLastBrace(text: string, open: number): unknown {
  if (open < 0 || text.length <= SHORT_JSON || text.charCodeAt(open) !== 123 /* { */) return undefined;
  const last = text.lastIndexOf('}');
  return last > open ? tryParseJson(text.slice(open, last + 1)) : undefined;
}

function findAfterMarker(text: string, marker: string): unknown[] {
  const at: number[] = [];
  const open: number[] = [];
  for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
    const o = afterLead(text, i + marker.length);
    at.push(i);
    open.push(text.charCodeAt(o) === 123 /* { */ ? o : -1);
  }
  if (at.length === 1) {
    const value = objectToLastBrace(text, open[0]!);
    if (value !== undefined) return [value];
  }
  const ends = endsOfJsonValues(text, open);
  const found: unknown[] = [];
  let from = 0;
  for (let i = 0; i < at.length; i++) {
    if (at[i]! < from) continue;
    from = at[i]! + marker.length;
    const end = ends[i]!;
    if (end < 0) continue;
    const value = tryParseJson(text.slice(open[i], end));
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
    let value = parsedScripts.get(s);
    if (value === undefined && !parsedScripts.has(s)) {
      value = tryParseJson(s.text.trim());
      parsedScripts.set(s, value);
    }
    if (value !== undefined) out.push(value);
  }
  return out;
}

/**
 * JSON parsed from each script object: a content script hands the same objects again for
 * scripts it has read before (see {@link ScriptCache}), and their JSON is not parsed twice. The
 * parsed values are shared: readers only read them.
 */
const parsedScripts = new WeakMap<InlineScript, unknown>();

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
