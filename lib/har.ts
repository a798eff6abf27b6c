/**
 * A page saved as a HAR file (the browser's developer tools, Network panel, "Save all as HAR"),
 * turned into what the extension would have had on that page: the document, and the JSON
 * responses its MAIN-world copier would have copied — those whose URL matches the reader's
 * `captures`, in the order the page received them. Pure: the caller reads the file.
 *
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): `log.entries[]` with
 * `request.url`, `response.content.{mimeType, text, encoding}` and `startedDateTime`; a body
 * the browser stored as base64 (`encoding: "base64"`) is decoded as UTF-8.
 */
import { isObject } from './platforms/page';

export interface HarResponse {
  url: string;
  /** The body as text, as the page received it. */
  text: string;
}

export interface HarPage {
  /** The document's HTML: the entry whose URL is the page URL, else the first HTML response. */
  html: string | null;
  /** Responses whose URL matches a capture, oldest first (the document excluded). */
  responses: HarResponse[];
}

interface Entry {
  url: string;
  mimeType: string;
  text: string | null;
  started: number;
  index: number;
}

/** Whether a parsed JSON value is a HAR log. */
export function isHar(value: unknown): boolean {
  return isObject(value) && isObject(value.log) && Array.isArray(value.log.entries);
}

function decodeBase64(text: string): string | null {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return null;
  }
}

function entryOf(value: unknown, index: number): Entry | null {
  if (!isObject(value) || !isObject(value.request) || !isObject(value.response)) return null;
  const url = value.request.url;
  if (typeof url !== 'string') return null;
  const content = isObject(value.response.content) ? value.response.content : {};
  const raw = typeof content.text === 'string' ? content.text : null;
  const text = raw !== null && content.encoding === 'base64' ? decodeBase64(raw) : raw;
  const started = typeof value.startedDateTime === 'string' ? Date.parse(value.startedDateTime) : NaN;
  return {
    url,
    mimeType: typeof content.mimeType === 'string' ? content.mimeType.toLowerCase() : '',
    text,
    started: Number.isFinite(started) ? started : Number.POSITIVE_INFINITY,
    index,
  };
}

/** A URL without its fragment and trailing slash, for comparing the page URL with entries'. */
function comparable(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/+$/, '');
  } catch {
    return url;
  }
}

/** The page's document and the responses a reader with these captures would have received. */
export function pageFromHar(har: unknown, pageUrl: string, captures: readonly RegExp[]): HarPage {
  const entries = (isHar(har) ? ((har as { log: { entries: unknown[] } }).log.entries) : [])
    .map(entryOf)
    .filter((e): e is Entry => e !== null)
    // Arrival order; entries without a start time keep their place after the dated ones.
    .sort((a, b) => a.started - b.started || a.index - b.index);
  const page = comparable(pageUrl);
  const withText = entries.filter((e) => e.text !== null && e.text.length > 0);
  const document =
    withText.find((e) => comparable(e.url) === page && !/json/.test(e.mimeType)) ?? withText.find((e) => /text\/html/.test(e.mimeType)) ?? null;
  const responses = withText
    .filter((e) => e !== document && captures.some((re) => re.test(e.url)))
    .map((e) => ({ url: e.url, text: e.text! }));
  return { html: document?.text ?? null, responses };
}
