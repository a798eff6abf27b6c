/**
 * Scans of page text must be linear: a hostile page (or a crafted file given to `analyze`) must
 * not be able to hang the readers. Each crafted input below is about a megabyte, on which the
 * previous, quadratic scans run for half a minute to minutes; the linear ones take milliseconds.
 * The per-test timeout is only a hang guard (no timing is asserted): the assertions are about the
 * results, and the property tests check that the linear scans agree with the previous ones
 * (./reference-scans.ts) wherever those finish.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readerForUrl } from '../../../lib/platforms/index';
import {
  MAX_OPEN_TAG,
  endOfJsonValue,
  endsOfJsonValues,
  jsonAfterMarker,
  pageDataFromHtml,
  parseResponseText,
  tryParseJson,
} from '../../../lib/platforms/page';
import { tiktokMetaCounts } from '../../../lib/platforms/tiktok';
import type { PageData, Snapshot } from '../../../lib/platforms/types';
import { assignedJson } from '../../../lib/platforms/youtube';
import {
  referenceAssignedJson,
  referenceJsonAfterMarker,
  referenceOgTitleName,
  referencePageDataFromHtml,
  referenceTiktokMetaCounts,
} from './reference-scans';

/**
 * Hang guard: far above what the linear scans need (well under a second), far below what the
 * previous, quadratic ones took on these inputs (from about 30 seconds to a few minutes each: big
 * enough to fail, small enough that a regression fails in minutes rather than hanging the run,
 * since a timeout cannot interrupt a synchronous scan).
 */
const GUARD = { timeout: 15_000 };
const MB = 1024 * 1024;
/** Size of a crafted text. */
const SIZE = MB;
/** Length of a run of one kind of character that a backtracking regex retried at every position. */
const RUN = 256 * 1024;

/** `unit` repeated to about `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

function read(url: string, data: Omit<PageData, 'url'>): Snapshot {
  const reader = readerForUrl(url);
  const snap = reader?.read({ ...data, url });
  if (!snap) throw new Error(`no snapshot for ${url}`);
  return snap;
}

const page = (scripts: string[], meta: Record<string, string> = {}): Omit<PageData, 'url'> => ({
  meta,
  scripts: scripts.map((text) => ({ type: null, id: null, text })),
  responses: [],
});

// All accounts and numbers are made up.
const SHARED = 'window._sharedData';
const IG_PROFILE = 'https://www.instagram.com/pebble.bakes/';
const igUser = { username: 'pebble.bakes', full_name: 'Pebble', edge_followed_by: { count: 4321 }, edge_follow: { count: 10 } };
const igSharedData = JSON.stringify({ entry_data: { ProfilePage: [{ graphql: { user: igUser } }] } });

describe('pageDataFromHtml: crafted tags', () => {
  it('reads the tags before thousands of unclosed <meta', GUARD, () => {
    const html = `<meta name="description" content="first"><script>var a = 1;</script>${fill('<meta ', SIZE)}`;
    const data = pageDataFromHtml(html, 'https://example.com/');
    expect(data.meta).toEqual({ description: 'first' });
    expect(data.scripts.map((s) => s.text)).toEqual(['var a = 1;']);
  });

  it('reads the scripts before thousands of unclosed <script tags, and of <script> without </script>', GUARD, () => {
    const head = '<meta name="a" content="1"><script type="application/json" id="d">{"x":1}</script>';
    for (const junk of [fill('<script ', SIZE), fill('<script>x', 3 * SIZE), fill('<SCRIPT type="x">', SIZE)]) {
      const data = pageDataFromHtml(head + junk, 'https://example.com/');
      expect(data.meta).toEqual({ a: '1' });
      expect(data.scripts).toEqual([{ type: 'application/json', id: 'd', text: '{"x":1}' }]);
    }
  });

  it('reads many well-formed tags, each once', GUARD, () => {
    const unit = '<meta name="k" content="v"><script>s</script>';
    const html = fill(unit, SIZE) + '<meta name="last" content="z">';
    const data = pageDataFromHtml(html, 'https://example.com/');
    expect(data.meta).toEqual({ k: 'v', last: 'z' });
    expect(data.scripts.length).toBe(Math.ceil(SIZE / unit.length));
  });

  it('skips an open tag longer than MAX_OPEN_TAG and reads the tags after it', GUARD, () => {
    const huge = 'a'.repeat(MAX_OPEN_TAG + 10);
    const html =
      `<meta name="big" content="${huge}"><meta name="after" content="ok">` +
      `<script id="big" data-x="${huge}">skipped();</script><script id="next">kept();</script>`;
    const data = pageDataFromHtml(html, 'https://example.com/');
    expect(data.meta).toEqual({ after: 'ok' });
    expect(data.scripts).toEqual([{ type: null, id: 'next', text: 'kept();' }]);
    // Just under the limit, a long value is read whole.
    const long = 'b'.repeat(MAX_OPEN_TAG - 100);
    expect(pageDataFromHtml(`<meta name="long" content="${long}">`, 'u').meta.long).toBe(long);
  });

  it('reads attribute values with long runs of `&` and of entity-like text', GUARD, () => {
    const run = `&${'a'.repeat(50_000)}`;
    const html = `<meta name="e" content="${run} &amp; &#64;">` + fill(`<meta name="e${'x'}" content="${'&'.repeat(1000)}&a">`, SIZE);
    const data = pageDataFromHtml(html, 'https://example.com/');
    expect(data.meta.e).toBe(`${run} & @`);
    expect(data.meta.ex).toBe(`${'&'.repeat(1000)}&a`);
  });

  it('agrees with the previous scan on random tag soup', () => {
    const pieces = ['<meta', '<META ', '<meta ', '<script', '<SCRIPT ', '</script>', '</script >', '</script', '>', ' ', 'name=', 'property="og:x"', "content='c'", 'content="d&amp;"', 'src=x', 'id=i', 'type="application/json"', '"', "'", '/', 'a', '{}', '<'];
    const soup = fc.array(fc.constantFrom(...pieces), { maxLength: 40, size: 'max' }).map((p) => p.join(''));
    fc.assert(
      fc.property(soup, (html) => {
        const { meta, scripts } = pageDataFromHtml(html, 'u');
        expect({ meta, scripts }).toEqual(referencePageDataFromHtml(html));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('endsOfJsonValues', () => {
  it('gives what endOfJsonValue gives for every start', () => {
    const text = fc.array(fc.constantFrom('{', '}', '[', ']', '"', '\\', 'a', '{"', '\\"', '"}'), { minLength: 1, maxLength: 60, size: 'max' }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(70), { maxLength: 12 }), (t, extra) => {
        const brackets = [...t].flatMap((c, i) => (c === '{' || c === '[' ? [i] : []));
        const starts = [...brackets, ...extra];
        const want = starts.map((s) => (t[s] === '{' || t[s] === '[' ? endOfJsonValue(t, s) : -1));
        expect(endsOfJsonValues(t, starts)).toEqual(want);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads hundreds of thousands of nested starts that never close in one pass', GUARD, () => {
    const text = '['.repeat(RUN);
    const starts = Array.from({ length: RUN }, (_, i) => i);
    const ends = endsOfJsonValues(text, starts);
    expect(ends.every((e) => e === -1)).toBe(true);
  });

  it('closes the inner values of a deep nesting and not the outer ones', GUARD, () => {
    const depth = 500_000;
    const text = '['.repeat(depth) + ']'.repeat(depth - 1);
    const ends = endsOfJsonValues(text, [0, 1, depth - 1]);
    expect(ends).toEqual([-1, text.length, depth + 1]);
  });

  it('reads starts inside strings of another value with a reading of their own', GUARD, () => {
    // From the first `{`, everything after the quote is a string; from each later `{`, it is code.
    const text = '{"' + fill('{"a":1}{', MB);
    const starts = [...text].flatMap((c, i) => (c === '{' ? [i] : []));
    const ends = endsOfJsonValues(text, starts);
    expect(ends[0]).toBe(-1);
    expect(ends[1]).toBe(9); // `{"a":1}` right after the opening `{"`
    expect(ends.at(-1)).toBe(-1);
  });
});

describe('jsonAfterMarker: crafted scripts', () => {
  it('skips a megabyte of repeated markers whose objects never close', GUARD, () => {
    expect(jsonAfterMarker(fill(`${SHARED} = {`, SIZE), SHARED)).toEqual([]);
    expect(jsonAfterMarker(fill(`${SHARED} = {"a":[`, SIZE), SHARED)).toEqual([]);
  });

  it('finds a valid object after many broken ones, and one before them', GUARD, () => {
    const broken = fill(`${SHARED} = {`, SIZE);
    expect(jsonAfterMarker(`${broken}${SHARED} = {"ok":1};`, SHARED)).toEqual([{ ok: 1 }]);
    expect(jsonAfterMarker(`${SHARED} = {"first":true};${broken}`, SHARED)).toEqual([{ first: true }]);
    // Broken objects that close but are not JSON are skipped as well.
    expect(jsonAfterMarker(`${fill(`${SHARED} = {a}`, MB)}${SHARED} = {"ok":2}`, SHARED)).toEqual([{ ok: 2 }]);
  });

  it('reads markers inside strings as the text around them says', GUARD, () => {
    const inString = fill(`${SHARED} = {`, SIZE);
    // The first object closes: the markers in its string are its text, not objects.
    expect(jsonAfterMarker(`${SHARED} = {"s":"${inString}"}`, SHARED)).toEqual([{ s: inString }]);
    // The first never closes: the markers in its string start objects of their own.
    expect(jsonAfterMarker(`${SHARED} = {"s":"${inString}`, SHARED)).toEqual([]);
    expect(jsonAfterMarker(`${SHARED} = {"s":"${inString}${SHARED} = {"ok":3}`, SHARED)).toEqual([{ ok: 3 }]);
    // Escaped quotes bring the readings back in step again and again.
    const escaped = fill(`"x ${SHARED} = {\\"`, SIZE);
    expect(jsonAfterMarker(`${SHARED} = {${escaped}`, SHARED)).toEqual([]);
  });

  it('handles deeply nested brackets, open and closed', GUARD, () => {
    expect(jsonAfterMarker(`${SHARED} = ${'{"a":['.repeat(500_000)}`, SHARED)).toEqual([]);
    expect(jsonAfterMarker(`${SHARED} = {"a":${'['.repeat(SIZE)}`, SHARED)).toEqual([]);
    const deep = `{"a":${'['.repeat(2000)}1${']'.repeat(2000)}}`;
    const found = jsonAfterMarker(`${fill(`${SHARED} = {"a":[`, MB)}${SHARED} = ${deep}`, SHARED);
    expect(JSON.stringify(found)).toBe(`[${deep}]`);
  });

  it('agrees with the previous scan on random scripts', () => {
    for (const marker of ['M', 'MM']) {
      const pieces = ['M', 'M {', 'M {"', '{', '}', ']', '[', '"', '\\"', '\\', "'", ' ', '=', '(', ',', 'a', '{"a":1}', '{}', '"M {}"', "('p',"];
      const text = fc.array(fc.constantFrom(...pieces), { maxLength: 50, size: 'max' }).map((p) => p.join(''));
      fc.assert(
        fc.property(text, (t) => {
          expect(jsonAfterMarker(t, marker)).toEqual(referenceJsonAfterMarker(t, marker));
        }),
        { numRuns: 3000 },
      );
    }
  });
});

describe('tryParseJson: many small texts that are not JSON', () => {
  const reference = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };

  it('parses exactly what JSON.parse parses', () => {
    fc.assert(
      fc.property(fc.json(), (t) => {
        expect(tryParseJson(t)).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
    const pieces = ['{', '}', '[', ']', '"', '\\', ':', ',', ' ', '\n', 'a', '1', '-', '.', 'e', '+', 'true', 'nul', 'null', '"k":', '\\"', '\u0001', '\ufeff'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30, size: 'max' }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(tryParseJson(t)).toEqual(reference(t));
      }),
      { numRuns: 20000 },
    );
  });

  it('reads a file of lines that are not JSON, each cheaply', GUARD, () => {
    // Each line used to cost a thrown SyntaxError (microseconds each): seconds per megabyte.
    expect(parseResponseText(fill('{a}\n', SIZE))).toEqual([]);
    expect(parseResponseText(`${fill('{"a" 1}\n[1,]\n', SIZE)}{"ok":true}\n`)).toEqual([{ ok: true }]);
  });
});

describe('readers on crafted inline scripts', () => {
  it('Instagram: repeated _sharedData and __additionalDataLoaded markers, then the real data', GUARD, () => {
    const junk = [fill(`${SHARED} = {`, SIZE), fill("window.__additionalDataLoaded('/pebble.bakes/',{", SIZE)];
    expect(read(IG_PROFILE, page(junk)).followers).toBeNull();
    const snap = read(IG_PROFILE, page([...junk, `${SHARED} = ${igSharedData};`]));
    expect(snap.followers).toBe(4321);
    expect(read(IG_PROFILE, page([`${junk[0]}${SHARED} = ${igSharedData};`])).followers).toBe(4321);
  });

  it('Instagram: a long run of spaces in og:title', GUARD, () => {
    const meta = {
      'og:description': '4,321 Followers, 10 Following, 3 Posts - See Instagram photos and videos from Pebble (@pebble.bakes)',
      'og:title': `Pebble${' '.repeat(RUN)}(@pebble.bakes) • Instagram photos and videos`,
    };
    const snap = read(IG_PROFILE, page([], meta));
    expect(snap.followers).toBe(4321);
    expect(snap.displayName).toBe('Pebble');
    // Spaces not followed by the handle: the previous regex retried the rest of the run from each of them.
    expect(read(IG_PROFILE, page([], { ...meta, 'og:title': `Pebble${' '.repeat(RUN)}x (@someone.else)` })).displayName).toBeNull();
    expect(read(IG_PROFILE, page([], { ...meta, 'og:title': `Pebble${' '.repeat(RUN)}x` })).displayName).toBeNull();
  });

  it('Instagram: the display name from og:title is the previous one', () => {
    const title = fc.array(fc.constantFrom('a', ' ', '\n', '\t', '(@', 'h', ')', '(', '@', '.', 'b c', '(@h)', ' (@h)', '(@x)'), { maxLength: 20, size: 'max' }).map((p) => p.join(''));
    const description = '5 Followers, 1 Following, 2 Posts - See Instagram photos and videos from H (@h)';
    fc.assert(
      fc.property(title, (t) => {
        const snap = read('https://www.instagram.com/h/', page([], { 'og:description': description, 'og:title': t }));
        expect(snap.displayName).toBe(referenceOgTitleName(t, 'h'));
      }),
      { numRuns: 1000 },
    );
  });

  it('YouTube: repeated ytInitialData, ytInitialPlayerResponse and ytplayer.config assignments', GUARD, () => {
    const url = 'https://www.youtube.com/@pebblebakes';
    const junk = [
      fill('var ytInitialData = {', SIZE),
      fill('window["ytInitialPlayerResponse"] = {', SIZE),
      fill('ytplayer.config = {"args":{', SIZE),
      fill('ytInitialData = "\\', MB),
    ];
    expect(read(url, page(junk)).followers).toBeNull();
    const body = {
      metadata: { channelMetadataRenderer: { title: 'Pebble', externalId: 'UCpebblebakes0000000000a', vanityChannelUrl: 'http://www.youtube.com/@pebblebakes' } },
      header: { c4TabbedHeaderRenderer: { channelId: 'UCpebblebakes0000000000a', title: 'Pebble', subscriberCountText: { simpleText: '12.5K subscribers' } } },
    };
    const snap = read(url, page([...junk, `${junk[0]}var ytInitialData = ${JSON.stringify(body)};`]));
    expect(snap.followers).toBe(12500);
    expect(snap.displayName).toBe('Pebble');
  });

  it('YouTube: a body of tens of thousands of grid continuations', GUARD, () => {
    const url = 'https://www.youtube.com/@pebblebakes/videos';
    const videoId = (i: number) => `v${i.toString(36).padStart(10, '0')}`;
    const tile = (i: number) => ({ richItemRenderer: { content: { videoRenderer: { videoId: videoId(i), viewCountText: { simpleText: `${i} views` } } } } });
    const channel = {
      metadata: { channelMetadataRenderer: { title: 'Pebble', externalId: 'UCpebblebakes0000000000a', vanityChannelUrl: 'http://www.youtube.com/@pebblebakes' } },
      header: { c4TabbedHeaderRenderer: { channelId: 'UCpebblebakes0000000000a', title: 'Pebble', subscriberCountText: { simpleText: '12.5K subscribers' } } },
    };
    // Each continuation appends one new video and repeats the one before it.
    const continuations = Array.from({ length: 30_000 }, (_, i) => ({
      onResponseReceivedActions: [{ appendContinuationItemsAction: { continuationItems: [tile(i), ...(i > 0 ? [tile(i - 1)] : [])] } }],
    }));
    const reload = { onResponseReceivedEndpoints: [{ reloadContinuationItemsCommand: { continuationItems: [tile(7), tile(3)] } }] };
    const snap = read(url, { meta: {}, scripts: [], responses: [{ url, body: [channel, ...continuations] }] });
    expect(snap.followers).toBe(12500);
    expect(snap.posts.slice(0, 3).map((p) => p.id)).toEqual([videoId(0), videoId(1), videoId(2)]);
    expect(new Set(snap.posts.map((p) => p.id)).size).toBe(snap.posts.length);
    // A reload replaces the grid.
    const reloaded = read(url, { meta: {}, scripts: [], responses: [{ url, body: [channel, ...continuations, reload, continuations[9]!] }] });
    expect(reloaded.posts.map((p) => p.id)).toEqual([videoId(7), videoId(3), videoId(9), videoId(8)]);
  });

  it('YouTube: assignedJson agrees with the previous scan', () => {
    const pieces = ['ytInitialData', 'ytInitialData = ', "ytInitialData']=", 'ytInitialData == ', '{', '}', '"', "'", '\\', '\\"', ' ', '{"a":1}', '"{}"', "'{\\x22b\\x22:2}'", 'x', ';'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40, size: 'max' }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(assignedJson(t, 'ytInitialData')).toEqual(referenceAssignedJson(t, 'ytInitialData'));
      }),
      { numRuns: 3000 },
    );
  });

  it('TikTok: repeated SIGI_STATE assignments, then the real data', GUARD, () => {
    const url = 'https://www.tiktok.com/@pebble.bakes';
    const junk = [fill("window['SIGI_STATE']={", SIZE), fill('window.SIGI_STATE = {"UserModule":{', SIZE)];
    expect(read(url, page(junk)).followers).toBeNull();
    const sigi = { UserModule: { users: { 'pebble.bakes': { uniqueId: 'pebble.bakes', nickname: 'Pebble' } }, stats: { 'pebble.bakes': { followerCount: 2468 } } } };
    expect(read(url, page([...junk, `window['SIGI_STATE']=${JSON.stringify(sigi)};`])).followers).toBe(2468);
  });

  it('TikTok: a SIGI_STATE listing hundreds of thousands of video ids', GUARD, () => {
    const url = 'https://www.tiktok.com/@pebble.bakes';
    const ids = Array.from({ length: 250_000 }, (_, i) => String(7_000_000_000_000 + i));
    const items = Object.fromEntries(ids.slice(0, 50).map((id) => [id, { id, author: 'pebble.bakes', stats: { diggCount: 1, playCount: 5, commentCount: 0, shareCount: 0 } }]));
    const sigi = {
      UserModule: { users: { 'pebble.bakes': { uniqueId: 'pebble.bakes' } }, stats: { 'pebble.bakes': { followerCount: 100 } } },
      ItemModule: items,
      ItemList: { 'user-post': { list: ids, preloadList: ids.slice(0, 1000) } },
    };
    const snap = read(url, page([`window['SIGI_STATE']=${JSON.stringify(sigi)};`]));
    expect(snap.posts.map((p) => p.id)).toEqual(ids.slice(0, 50));
  });

  it('TikTok: a long run of digits in the description meta', GUARD, () => {
    const digits = '1'.repeat(RUN);
    expect(tiktokMetaCounts(`Pebble (@pebble.bakes) on TikTok | ${digits} x`)).toBeNull();
    expect(tiktokMetaCounts(`Pebble (@pebble.bakes) on TikTok | ${digits} x 44.6M Likes. 2.6M Followers.`)).toEqual({
      handle: 'pebble.bakes',
      followers: { value: 2_600_000, exact: false },
      hearts: { value: 44_600_000, exact: false },
    });
  });

  it('TikTok: description counts agree with the previous scan', () => {
    const pieces = ['1', '2', '.', ',', ' ', 'K', 'M', 'b', 'Followers', 'Fans', 'Likes', 'x', '\n', '(@h)'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30, size: 'max' }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(tiktokMetaCounts(t)).toEqual(referenceTiktokMetaCounts(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('X: repeated __INITIAL_STATE__ assignments, then the real data', GUARD, () => {
    const url = 'https://x.com/pebble_bakes';
    const junk = fill('window.__INITIAL_STATE__={"entities":{', SIZE);
    expect(read(url, page([junk])).followers).toBeNull();
    const state = { entities: { users: { entities: { '42': { id_str: '42', screen_name: 'pebble_bakes', name: 'Pebble', followers_count: 777 } } } } };
    expect(read(url, page([`${junk}window.__INITIAL_STATE__=${JSON.stringify(state)};`])).followers).toBe(777);
  });

  it('analyze-style HTML: a crafted page read end to end', GUARD, () => {
    const html = `<html><head><meta property="og:title" content="x">${fill('<meta ', MB)}</head><body>${fill('<script>window._sharedData = {', MB)}</body></html>`;
    const data = pageDataFromHtml(html, IG_PROFILE);
    expect(data.scripts).toEqual([]);
    expect(read(IG_PROFILE, data).followers).toBeNull();
  });
});
