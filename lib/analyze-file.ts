/**
 * Turn what a page received — its document (HTML), the JSON bodies its web client fetched, or a
 * HAR file of the whole page — into a report, with the same readers and metrics the extension
 * runs. Pure: the caller reads the files.
 *
 * Several files are one page, as the browser had them all at once (e.g. the logged-in Instagram
 * client's profile query and posts query): the HTML is the document, each JSON file a response
 * the page received (in the order given), and a HAR file gives both (see ./har.ts).
 */
import { analyzeSnapshot } from './metrics/analysis';
import { isHar, pageFromHar } from './har';
import { pageDataFromHtml, parseResponseText, tryParseJson } from './platforms/page';
import { readerForUrl } from './platforms/index';
import { toReport, type Report } from './report';
import type { CapturedResponse, PageData } from './platforms/types';

export type AnalyzeResult = { ok: true; report: Report } | { ok: false; error: string };

/** One file given to `analyze`: its name (for messages) and its text. */
export interface InputFile {
  name: string;
  text: string;
}

type Part = { kind: 'html'; html: string } | { kind: 'json'; bodies: unknown[] } | { kind: 'har'; har: unknown };

/**
 * What a file is: a HAR log, a JSON body (an object or array, possibly behind an anti-hijacking
 * prefix or streamed one document per line), or else HTML — a saved page or a fragment of one,
 * which may begin with text before its first tag.
 */
function partOf(text: string): Part | null {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const body = tryParseJson(trimmed);
    if (body !== undefined) return isHar(body) ? { kind: 'har', har: body } : { kind: 'json', bodies: [body] };
  }
  if (/<[a-zA-Z!]/.test(trimmed)) return { kind: 'html', html: text };
  const bodies = parseResponseText(trimmed);
  return bodies.length > 0 ? { kind: 'json', bodies } : null;
}

/** A saved page (HTML) or a JSON body as the only data of a page. */
export function pageDataFromText(text: string, url: string): PageData | null {
  const part = partOf(text);
  return part && pageDataFromParts([part], url, []);
}

/** The document's meta and scripts (the first document's meta wins), then every response in order. */
function pageDataFromParts(parts: Part[], url: string, captures: readonly RegExp[]): PageData {
  const data: PageData = { url, meta: {}, scripts: [], responses: [] };
  const addHtml = (html: string) => {
    const doc = pageDataFromHtml(html, url);
    for (const [key, value] of Object.entries(doc.meta)) if (!(key in data.meta)) data.meta[key] = value;
    data.scripts.push(...doc.scripts);
  };
  const responses: CapturedResponse[] = [];
  for (const part of parts) {
    if (part.kind === 'html') addHtml(part.html);
    // A saved body arrives with the page URL as its request URL (the readers tell bodies by shape).
    else if (part.kind === 'json') responses.push(...part.bodies.map((body) => ({ url, body })));
    else {
      const page = pageFromHar(part.har, url, captures);
      if (page.html !== null) addHtml(page.html);
      for (const r of page.responses) responses.push(...parseResponseText(r.text).map((body) => ({ url: r.url, body })));
    }
  }
  data.responses = responses;
  return data;
}

/** Analyse one file: a saved page, a JSON body or a HAR file. */
export function analyzeText(text: string, url: string, now?: number): AnalyzeResult {
  return analyzeFiles([{ name: 'the file', text }], url, now);
}

/** Analyse one page given as several files (document, JSON bodies, HAR), in any order. */
export function analyzeFiles(files: readonly InputFile[], url: string, now?: number): AnalyzeResult {
  const reader = readerForUrl(url);
  if (!reader) return { ok: false, error: `unsupported page: ${url} is not an Instagram, YouTube, TikTok or X address` };
  const location = reader.locate(url);
  if (location.kind === 'other') {
    return { ok: false, error: `unsupported page: ${url} is not a profile or post page` };
  }
  const parts: Part[] = [];
  for (const file of files) {
    const part = partOf(file.text);
    if (!part) return { ok: false, error: `${file.name} is neither an HTML page nor valid JSON` };
    parts.push(part);
  }
  // The document first, whatever the order given: its embedded data arrived before any response.
  const ordered = [...parts.filter((p) => p.kind === 'html'), ...parts.filter((p) => p.kind !== 'html')];
  const data = pageDataFromParts(ordered, url, reader.captures);
  const snapshot = reader.read(data);
  if (!snapshot) return { ok: false, error: `unsupported page: ${url} is not a profile or post page` };
  if (snapshot.state === 'unknown-layout' || snapshot.state === 'loading') {
    const where = files.length === 1 ? 'the file' : 'the files';
    return { ok: false, error: `no ${reader.platform} data for ${url} found in ${where} (${snapshot.notes[0] ?? snapshot.state})` };
  }
  return { ok: true, report: toReport(snapshot, analyzeSnapshot(snapshot, { now })) };
}
