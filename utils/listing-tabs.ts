import { browser } from 'wxt/browser';
import type { FillDraftMessage, FillReport } from '@/lib/marketplace/messages';

/**
 * The background's side of "Create listing": the new-listing tab it opened, the draft waiting
 * for that tab, the fill script injected when the page has loaded (again after a reload or a
 * log-in that comes back to the page), and the first report of what the fill did.
 *
 * Drafts are kept in memory and in storage.session (cleared when the browser closes), so a
 * service worker stopped while the user logs in still has the draft for the tab.
 */

interface Waiting {
  draft: FillDraftMessage;
  /** Only pages of this origin get the draft. */
  origin: string;
  expires: number;
}

const KEY = 'listingDrafts';
/** How long a draft waits for its page (a log-in or two on the way). */
const DRAFT_TTL_MS = 30 * 60_000;
/** How long "Create listing" waits for the first report before answering. */
const REPORT_WAIT_MS = 20_000;
const FILL_SCRIPT = '/marketplace-fill.js';

const waiting = new Map<number, Waiting>();
const reporters = new Map<number, (report: FillReport) => void>();

async function saved(): Promise<Record<string, Waiting>> {
  try {
    const stored = (await browser.storage.session.get(KEY))[KEY];
    return stored && typeof stored === 'object' ? (stored as Record<string, Waiting>) : {};
  } catch {
    return {};
  }
}

async function save(): Promise<void> {
  const now = Date.now();
  const live = Object.fromEntries([...waiting].filter(([, w]) => w.expires > now).map(([id, w]) => [String(id), w]));
  await browser.storage.session.set({ [KEY]: live }).catch(() => undefined);
}

async function draftOf(tabId: number): Promise<Waiting | null> {
  const now = Date.now();
  const inMemory = waiting.get(tabId);
  const found = inMemory ?? (await saved())[String(tabId)] ?? null;
  if (!found || found.expires <= now || typeof found.origin !== 'string') return null;
  waiting.set(tabId, found);
  return found;
}

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

async function inject(tabId: number, url: string | undefined): Promise<void> {
  const draft = await draftOf(tabId);
  if (!draft || originOf(url) !== draft.origin) return;
  await browser.scripting.executeScript({ target: { tabId }, files: [FILL_SCRIPT] }).catch(() => undefined);
}

/** Registered once when the background starts. */
export function watchListingTabs(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete') void inject(tabId, tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    if (waiting.delete(tabId)) void save();
    reporters.delete(tabId);
  });
}

/**
 * Open the new-listing page in a new tab with the draft waiting for it; resolves with the first
 * fill report, or null when the page did not report in time (still loading, or a log-in page).
 */
export async function openWithDraft(url: string, draft: FillDraftMessage): Promise<FillReport | null> {
  const origin = originOf(url);
  if (!origin) return null;
  const tab = await browser.tabs.create({ url });
  const tabId = tab.id;
  if (tabId === undefined) return null;
  waiting.set(tabId, { draft, origin, expires: Date.now() + DRAFT_TTL_MS });
  await save();
  return new Promise<FillReport | null>((resolve) => {
    const timer = setTimeout(() => {
      reporters.delete(tabId);
      resolve(null);
    }, REPORT_WAIT_MS);
    reporters.set(tabId, (report) => {
      clearTimeout(timer);
      reporters.delete(tabId);
      resolve(report);
    });
    // The page may have finished loading before the draft was stored.
    void browser.tabs.get(tabId).then((t) => (t.status === 'complete' ? inject(tabId, t.url) : undefined), () => undefined);
  });
}

/** The fill script asks: the draft for its tab, if its page is on the draft's marketplace. */
export async function draftForSender(tabId: number | undefined, url: string | undefined): Promise<FillDraftMessage | null> {
  if (tabId === undefined) return null;
  const found = await draftOf(tabId);
  return found && originOf(url) === found.origin ? found.draft : null;
}

/** The fill script reports. */
export function fillReported(tabId: number | undefined, report: FillReport): void {
  if (tabId !== undefined) reporters.get(tabId)?.(report);
}
