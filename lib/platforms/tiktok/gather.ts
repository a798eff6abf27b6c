/** Gathering the page's data blocks: embedded scripts first, then captured responses in arrival order. */
import { jsonAfterMarker, tryParseJson } from '../page';
import type { PageData } from '../types';
import { readTikTokBody, type Facts, type Owner } from './blocks';

export const DATA_SCRIPT_IDS: Readonly<Record<string, string>> = {
  __UNIVERSAL_DATA_FOR_REHYDRATION__: '__UNIVERSAL_DATA_FOR_REHYDRATION__',
  SIGI_STATE: 'SIGI_STATE',
  'sigi-persisted-data': 'SIGI_STATE',
  __NEXT_DATA__: '__NEXT_DATA__',
};
export const SIGI_MARKERS = ["window['SIGI_STATE']", 'window["SIGI_STATE"]', 'window.SIGI_STATE'];

export interface Gathered {
  facts: Facts;
  /** Data blocks seen, and how many had a shape this reader knows. */
  blocks: number;
  known: number;
}

/** Name of a captured response for `source`: its API path, or "saved JSON body". */
export function responseLabel(url: string): { label: string; secUid: string | null; videoId: string | null } {
  try {
    const u = new URL(url);
    if (u.pathname.startsWith('/api/')) {
      const videoId = u.searchParams.get('aweme_id');
      return { label: `${u.pathname} response`, secUid: u.searchParams.get('secUid'), videoId: videoId && /^\d{1,25}$/.test(videoId) ? videoId : null };
    }
  } catch {
    // not a URL: fall through
  }
  return { label: 'saved JSON body', secUid: null, videoId: null };
}

export function gather(data: PageData): Gathered {
  const facts: Facts = { accounts: [], videos: [], refusals: [], comments: [], commentLists: [], seq: 0 };
  const out: Gathered = { facts, blocks: 0, known: 0 };
  const take = (body: unknown, label: string, owner: Owner | null = null, videoId: string | null = null) => {
    out.blocks++;
    if (readTikTokBody(body, { label, facts, owner, videoId })) out.known++;
  };
  // Embedded data first, then responses in arrival order: the newest data comes last.
  for (const script of data.scripts) {
    const known = script.id ? DATA_SCRIPT_IDS[script.id] : undefined;
    const isJson = !!script.type && /json/i.test(script.type) && !/ld\+json/i.test(script.type);
    const label = known ?? (script.id ? `<script id="${script.id}">` : 'inline JSON script');
    const parsed = known || isJson ? tryParseJson(script.text.trim()) : undefined;
    const assigned = parsed === undefined && script.text.includes('SIGI_STATE') ? SIGI_MARKERS.flatMap((m) => jsonAfterMarker(script.text, m)) : [];
    if (parsed !== undefined) take(parsed, label);
    else if (assigned.length > 0) for (const body of assigned) take(body, 'SIGI_STATE');
    // A data script that does not parse still counts: its layout is one we cannot read.
    else if (known || isJson) take(undefined, label);
  }
  for (const response of data.responses) {
    const { label, secUid, videoId } = responseLabel(response.url);
    take(response.body, label, secUid ? { handle: null, id: null, secUid } : null, videoId);
  }
  return out;
}
