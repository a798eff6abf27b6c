/**
 * The popup's reads, begun the moment this module is evaluated (./main.tsx imports it first, so
 * before the views, the schemas and zod are): the store's first screen of rows, the stored
 * settings, and what the active tab shows. Only raw I/O here — IndexedDB, the extension's
 * storage, one message; ./App.tsx `startup` parses the answers. Nothing read here is trusted
 * before that parse.
 */
import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { openLensDb, type LensDB } from '@/lib/store/db';
import { SETTINGS_KEY } from '@/utils/storage-keys';
import { sendMessage } from '@/utils/messaging';

type Db = IDBPDatabase<LensDB>;

/** Enough rows to fill the popup's list, with a margin. */
export const FIRST_SCREEN_ROWS = 12;

/** The first creators in the store's key order (each holding its entries) and the campaigns, as stored (unparsed). */
export interface RawFirstScreen {
  campaigns: unknown[];
  creators: unknown[];
}

export interface Begun {
  /** The open database and its first screen; the first screen is null when it could not be read. */
  store: Promise<{ db: Db; first: RawFirstScreen | null }>;
  /** The stored settings value, or a failure to read the storage. */
  settings: Promise<{ ok: true; raw: unknown } | { ok: false }>;
  /** What the tab's content script answered: no tab, no content script, or its answer. */
  tab: Promise<{ kind: 'no-tab' } | { kind: 'no-script' } | { kind: 'answer'; answer: unknown }>;
}

/**
 * The tab to describe: the active tab when opened from the toolbar; `?tab=<id>` when the popup
 * page is opened in a tab of its own (how the end-to-end tests look at it).
 */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(window.location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function readFirstScreen(db: Db): Promise<RawFirstScreen | null> {
  try {
    const tx = db.transaction(['campaigns', 'creators'], 'readonly');
    // A creator is on one campaign or more: the first screen's creators give at least its rows.
    const [campaigns, creators] = await Promise.all([tx.objectStore('campaigns').getAll(), tx.objectStore('creators').getAll(null, FIRST_SCREEN_ROWS)]);
    return { campaigns, creators };
  } catch {
    return null;
  }
}

let begun: Begun | null = null;

/** Begin the reads (once). */
export function begin(): Begun {
  begun ??= {
    store: openLensDb().then(async (db) => ({ db, first: await readFirstScreen(db) })),
    settings: browser.storage.local.get(SETTINGS_KEY).then(
      (got: Record<string, unknown>) => ({ ok: true as const, raw: got?.[SETTINGS_KEY] }),
      () => ({ ok: false as const }),
    ),
    tab: targetTabId().then(
      async (tabId) => {
        if (tabId === undefined) return { kind: 'no-tab' as const };
        try {
          return { kind: 'answer' as const, answer: await sendMessage('getLensState', undefined, tabId) };
        } catch {
          // No content script in this tab: not a platform page, or it was opened before install.
          return { kind: 'no-script' as const };
        }
      },
      () => ({ kind: 'no-tab' as const }),
    ),
  };
  return begun;
}

// Begun on evaluation (see ./main.tsx).
begin();
