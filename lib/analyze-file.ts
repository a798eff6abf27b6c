/**
 * Turn the text of a saved page (HTML) or of a JSON body the page carried into a report, with
 * the same readers and metrics the extension runs. Pure: the caller reads the file.
 */
import { analyzeSnapshot } from './metrics/analysis';
import { pageDataFromHtml, pageDataFromJson, tryParseJson } from './platforms/page';
import { readerForUrl } from './platforms/index';
import { toReport, type Report } from './report';
import type { PageData } from './platforms/types';

export type AnalyzeResult = { ok: true; report: Report } | { ok: false; error: string };

/**
 * A JSON body (an object or array), or else HTML: a saved page or a fragment of one, which may
 * begin with text before its first tag.
 */
export function pageDataFromText(text: string, url: string): PageData | null {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const body = tryParseJson(trimmed);
    if (body !== undefined) return pageDataFromJson(body, url);
  }
  return /<[a-zA-Z!]/.test(trimmed) ? pageDataFromHtml(text, url) : null;
}

export function analyzeText(text: string, url: string, now?: number): AnalyzeResult {
  const reader = readerForUrl(url);
  if (!reader) return { ok: false, error: `unsupported page: ${url} is not an Instagram, YouTube, TikTok or X address` };
  const location = reader.locate(url);
  if (location.kind === 'other') {
    return { ok: false, error: `unsupported page: ${url} is not a profile or post page` };
  }
  const data = pageDataFromText(text, url);
  if (!data) return { ok: false, error: 'the file is neither an HTML page nor valid JSON' };
  const snapshot = reader.read(data);
  if (!snapshot) return { ok: false, error: `unsupported page: ${url} is not a profile or post page` };
  if (snapshot.state === 'unknown-layout' || snapshot.state === 'loading') {
    return { ok: false, error: `no ${reader.platform} data for ${url} found in the file (${snapshot.notes[0] ?? snapshot.state})` };
  }
  return { ok: true, report: toReport(snapshot, analyzeSnapshot(snapshot, { now })) };
}
