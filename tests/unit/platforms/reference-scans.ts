/**
 * The page-text scans as they were before they were made linear (lib/platforms/page.ts,
 * youtube.ts, tiktok.ts and instagram as of commit 87b2099), kept as the reference the linear
 * ones must agree with on small inputs (linear-scans.test.ts). Quadratic on crafted input: only
 * ever call them on short texts.
 */
import { decodeEntities, endOfJsonValue, tryParseJson } from '../../../lib/platforms/page';
import { parseCountDetailed } from '../../../lib/metrics/counts';
import type { InlineScript } from '../../../lib/platforms/types';

function parseAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const body = tag.replace(/^<\s*[a-zA-Z0-9]+/, '').replace(/\/?>$/, '');
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const name = m[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

export function referencePageDataFromHtml(html: string): { meta: Record<string, string>; scripts: InlineScript[] } {
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
  return { meta, scripts };
}

export function referenceJsonAfterMarker(text: string, marker: string): unknown[] {
  const found: unknown[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(marker, from);
    if (at < 0) break;
    from = at + marker.length;
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

function endOfJsString(text: string, start: number): number {
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

function unescapeJs(body: string): string {
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

export function referenceAssignedJson(script: string, name: 'ytInitialData' | 'ytInitialPlayerResponse'): unknown[] {
  const found: unknown[] = [];
  const re = new RegExp(`${name}['"]?\\]?\\s*=(?!=)\\s*`, 'g');
  let match: RegExpExecArray | null;
  while ((match = re.exec(script))) {
    const at = match.index + match[0].length;
    const first = script[at];
    let value: unknown;
    if (first === '{') {
      const end = endOfJsonValue(script, at);
      if (end > 0) {
        value = tryParseJson(script.slice(at, end));
        re.lastIndex = end;
      }
    } else if (first === "'" || first === '"') {
      const end = endOfJsString(script, at);
      if (end > 0) {
        value = tryParseJson(unescapeJs(script.slice(at + 1, end - 1)));
        re.lastIndex = end;
      }
    }
    if (value !== undefined) found.push(value);
  }
  return found;
}

export function referenceTiktokMetaCounts(description: string): { handle: string; followers: unknown; hearts: unknown } | null {
  const handle = /\(@([A-Za-z0-9_.]{1,64})\)/.exec(description)?.[1];
  if (!handle) return null;
  const number = (word: string) => {
    const m = new RegExp(`([\\d.,]+\\s?[KMB]?)\\s+${word}\\b`, 'i').exec(description);
    return m ? parseCountDetailed(m[1]) : null;
  };
  const followers = number('Followers') ?? number('Fans');
  return followers ? { handle, followers, hearts: number('Likes') } : null;
}

/** The display name Instagram's og:title gave for a handle. */
export function referenceOgTitleName(title: string, handle: string): string | null {
  const m = /^(.+?)\s*\(@([A-Za-z0-9._]{1,30})\)/.exec(title);
  return m && m[2]!.toLowerCase() === handle.toLowerCase() ? m[1]!.trim() : null;
}
