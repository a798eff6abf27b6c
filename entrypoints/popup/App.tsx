import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type PopupStatus } from '@/components/PopupView';
import { LensStateSchema } from '@/lib/schema';
import { visitedFor } from '@/lib/store/visited-for';
import { sendMessage } from '@/utils/messaging';

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

/** Asks the active tab's content script what is on screen; the view only renders the answer. */
async function loadStatus(): Promise<PopupStatus> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { kind: 'unsupported' };
  let answer: unknown;
  try {
    answer = await sendMessage('getLensState', undefined, tabId);
  } catch {
    // No content script in this tab: not a platform page, or it was opened before install.
    return { kind: 'unsupported' };
  }
  if (answer === null) return { kind: 'not-profile' };
  const parsed = LensStateSchema.safeParse(answer);
  if (!parsed.success || !parsed.data.snapshot) return { kind: 'not-profile' };
  return { kind: 'profile', state: parsed.data, visited: await visitedFor(parsed.data.snapshot) };
}

export function App() {
  const [status, setStatus] = useState<PopupStatus>({ kind: 'loading' });
  useEffect(() => {
    loadStatus().then(setStatus, () => setStatus({ kind: 'unsupported' }));
  }, []);
  return <PopupView status={status} now={Date.now() / 1000} />;
}
