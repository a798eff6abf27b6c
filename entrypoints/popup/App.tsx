import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type PopupStatus } from '@/components/PopupView';
import { ShortlistButton, type ShortlistState } from '@/components/ShortlistButton';
import { addToShortlist, canShortlist, shortlistStateOf } from '@/utils/shortlist-client';
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
  const [shortlist, setShortlist] = useState<ShortlistState | null>(null);
  useEffect(() => {
    loadStatus().then(
      (loaded) => {
        setStatus(loaded);
        const snapshot = loaded.kind === 'profile' ? loaded.state.snapshot : null;
        if (snapshot && canShortlist(snapshot)) {
          setShortlist({ kind: 'checking' });
          void shortlistStateOf(snapshot).then(setShortlist);
        }
      },
      () => setStatus({ kind: 'unsupported' }),
    );
  }, []);
  const snapshot = status.kind === 'profile' ? status.state.snapshot : null;
  const add = () => {
    if (!snapshot) return;
    setShortlist({ kind: 'saving' });
    void addToShortlist(snapshot).then(setShortlist);
  };
  return (
    <PopupView
      status={status}
      now={Date.now() / 1000}
      actions={shortlist && <ShortlistButton state={shortlist} onAdd={add} />}
      onOpenShortlist={() => {
        void browser.tabs.create({ url: browser.runtime.getURL('/shortlist.html') });
        window.close();
      }}
    />
  );
}
