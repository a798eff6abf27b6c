import { describe, expect, it } from 'vitest';
import { endOfJsonValue, findAllByKey, jsonAfterMarker, pageDataFromHtml } from '../../lib/platforms/page';

describe('pageDataFromHtml', () => {
  it('reads meta tags (decoded) and inline scripts, skipping external ones', () => {
    const html = `<html><head>
      <meta property="og:description" content="1,234 Followers &amp; more &#064;x">
      <meta name="description" content='second'>
      <script src="/app.js"></script>
      <script type="text/javascript">window._sharedData = {"a":1};</script>
      <script type="application/json" id="blob">{"b":"</div>"}</script>
    </head></html>`;
    const data = pageDataFromHtml(html, 'https://example.com/');
    expect(data.meta['og:description']).toBe('1,234 Followers & more @x');
    expect(data.meta.description).toBe('second');
    expect(data.scripts).toHaveLength(2);
    expect(data.scripts[1]).toEqual({ type: 'application/json', id: 'blob', text: '{"b":"</div>"}' });
  });
});

describe('jsonAfterMarker', () => {
  it('finds a big data object the same way whether it ends the script or code with braces follows it', () => {
    const data = { contents: Array.from({ length: 300 }, (_, i) => ({ id: `v${i}`, title: `Video } { ${i}`, views: i })) };
    const json = JSON.stringify(data);
    // Ends at the script's last "}": read by one JSON.parse.
    expect(jsonAfterMarker(`var ytInitialData = ${json};`, 'var ytInitialData =')).toEqual([data]);
    // Code with braces after it: the span to the last "}" is no JSON, so the text is scanned.
    expect(jsonAfterMarker(`var ytInitialData = ${json}; if (window.ytcsi) { ytcsi.tick("pdr", null, ''); }`, 'var ytInitialData =')).toEqual([data]);
    // An object cut short is found in neither way.
    expect(jsonAfterMarker(`var ytInitialData = ${json.slice(0, -1)};`, 'var ytInitialData =')).toEqual([]);
  });

  it('finds assigned objects and call arguments, with braces inside strings', () => {
    const text = `window._sharedData = {"s":"a } { b","n":{"x":[1,2]}};
      window.__additionalDataLoaded('/p/{x}/',{"graphql":{"user":{"id":"1"}}});`;
    expect(jsonAfterMarker(text, 'window._sharedData')).toEqual([{ s: 'a } { b', n: { x: [1, 2] } }]);
    expect(jsonAfterMarker(text, '__additionalDataLoaded(')).toEqual([{ graphql: { user: { id: '1' } } }]);
  });

  it('skips truncated or invalid objects without throwing', () => {
    expect(jsonAfterMarker('x = {"a": 1', 'x')).toEqual([]);
    expect(jsonAfterMarker('x = {a: 1}', 'x')).toEqual([]);
    expect(endOfJsonValue('{"a":"\\"}"}', 0)).toBe(11);
  });
});

describe('findAllByKey', () => {
  it('returns values in document order', () => {
    expect(findAllByKey({ a: { k: 1, b: [{ k: 2 }] }, c: { k: 3 } }, 'k')).toEqual([1, 2, 3]);
  });
});
