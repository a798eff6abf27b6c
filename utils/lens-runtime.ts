import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLens, type LensView } from '@/lib/lens/controller';
import { createNavigationTrust } from '@/lib/lens/navigation-trust';
import { tabModel } from '@/lib/lens/tab-model';
import { TierSchemeSchema, type TierScheme } from '@/lib/metrics/tier-schema';
import type { FrameMessage, HostMessage } from '@/lib/overlay-protocol';
import { measureFreeMarginRight } from '@/lib/platforms/layout';
import { pageDataFromDocument, parseResponseText, type ScriptCache } from '@/lib/platforms/page';
import type { PlatformReader } from '@/lib/platforms/types';
import type { LensState } from '@/lib/schema';
import { configureZodForExtension } from '@/lib/zod-setup';
import { readWhenDataParsed } from './early-read';
import { createCardFrame, type CardFrame } from './frame-channel';
import { createDock, TAB_WIDTH, type Dock, type DockState } from './lens-dock';
import { onMessage, sendMessage } from './messaging';
import { receivePageData } from './page-data-channel';
import { pageIsDark } from './page-theme';

/** Delays (ms) after a navigation at which a page still waiting for its data is read again. */
const RETRY_DELAYS = [250, 750, 1500, 3000];

/** How long after the user's last click or key press on the page an in-app navigation counts as theirs. */
const USER_ACTIVATION_MS = 5000;

/** How often the address is compared where the browser has no Navigation API. */
const POLL_MS = 1000;

/** At most this long after the page's load event, the background hears what the page shows (see `sendPending`). */
const LOADED_PUBLISH_MS = 2000;
/** …and at most this long after it first had something to say, if the page's load has not ended. */
const LOAD_WAIT_MS = 10_000;

/** Storage keys: the dock's place and state per platform; the user's tier scheme for the tab. */
const DOCK_KEY = 'lensDock';
const PREFS_KEY = 'lensPrefs';

/** Where the tab sits until the user moves it (share of the window's height from the top). */
const DEFAULT_DOCK: DockState = { top: 0.32, open: false };

/**
 * The glue every platform's content script shares. It reads the page with the platform's reader
 * and keeps one lens in step with the URL on screen: a compact tab docked at the page's edge
 * (utils/lens-dock.ts, drawn here from the page's public numbers), which opens into the full card
 * — the extension page overlay.html in a frame only this script can talk to
 * (utils/frame-channel.ts), created when the user first opens it. It answers the popup and
 * never lets an error of its own reach the page.
 *
 * What it trusts (see README, "Security"): the document, and the responses the MAIN-world copier
 * sends over its private port (utils/page-data-channel.ts) — never a window message. Numbers are
 * stored without a click only for a page the user chose to visit (lib/lens/navigation-trust.ts).
 *
 * Call it synchronously at document_start: the page-data port is handed over before the page's
 * first script runs.
 */
export function runLens(ctx: ContentScriptContext, reader: PlatformReader): void {
  configureZodForExtension();
  const platform = reader.platform;
  let dock: Dock | null = null;
  let frame: CardFrame | null = null;
  let latest: LensView | null = null;
  let dockState: DockState = { ...DEFAULT_DOCK };
  let scheme: TierScheme | undefined;
  /** The URL whose data never came after every retry. */
  let stalledUrl: string | null = null;
  const scripts: ScriptCache = new WeakMap();

  const keyOf = (url: string) => {
    const at = reader.locate(url);
    return at.kind === 'other' ? null : `${at.kind}:${(at.handle ?? '').toLowerCase()}:${at.postId ?? ''}`;
  };
  // User activation counts only when it comes from input on the page itself: a click on the card
  // (in its own frame) activates this window too, and must not let the page navigate as the user.
  let lastPageInput = -Infinity;
  const noteInput = (event: Event) => {
    if (event.isTrusted) lastPageInput = performance.now();
  };
  for (const type of ['pointerdown', 'keydown', 'touchstart']) ctx.addEventListener(window, type, noteInput, { capture: true, passive: true });
  const userActive = () => navigator.userActivation?.isActive === true && performance.now() - lastPageInput < USER_ACTIVATION_MS;
  const trust = createNavigationTrust(keyOf, window.location.href, userActive);

  // Timers of our own (not ctx.setTimeout, which adds an abort listener per call), all cleared
  // when the extension is reloaded or removed.
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (fn: () => void, ms: number) => {
    const id = setTimeout(() => {
      timers.delete(id);
      if (ctx.isValid) fn();
    }, ms);
    timers.add(id);
    return id;
  };
  const cancel = (id: ReturnType<typeof setTimeout>) => {
    clearTimeout(id);
    timers.delete(id);
  };

  const saveDock = () => {
    void browser.storage.local
      .get(DOCK_KEY)
      .then((got) => {
        const all = (got?.[DOCK_KEY] && typeof got[DOCK_KEY] === 'object' ? got[DOCK_KEY] : {}) as Record<string, unknown>;
        return browser.storage.local.set({ [DOCK_KEY]: { ...all, [platform]: dockState } });
      })
      .catch(() => undefined);
  };

  /** The card's frame, created when the user first opens the card (or left it open). */
  const ensureFrame = (): CardFrame => {
    const d = ensureDock();
    frame ??= createCardFrame(d.host, d.root, onFrameMessage);
    return frame;
  };

  const placeFrame = () => {
    if (!frame || !dock) return;
    const tab = dock.tabRect();
    frame.place(TAB_WIDTH + 6, Math.max(8, Math.min(tab.top - 24, window.innerHeight * 0.2)));
  };

  const setOpen = (open: boolean) => {
    dockState = { ...dockState, open };
    dock?.setOpen(open);
    if (open) {
      const f = ensureFrame();
      placeFrame();
      sendView();
      f.setShown(f.ready && latest !== null);
    } else {
      frame?.setShown(false);
    }
    saveDock();
  };

  function ensureDock(): Dock {
    dock ??= createDock({
      state: dockState,
      onToggle: (open) => setOpen(open),
      onMoved: (top) => {
        dockState = { ...dockState, top };
        placeFrame();
        saveDock();
      },
      measureFreeMargin: (done) => measureFreeMarginRight(document, platform, done),
      // The card's frame starts as the pointer reaches the tab, so it is ready by the click.
      onIntent: () => {
        if (latest) ensureFrame();
      },
    });
    return dock;
  }

  /** Send the view on screen to the card (dropped until it is ready; 'ready' sends it again). */
  const sendView = () => {
    const view = latest;
    if (!frame || !view) return;
    const message: HostMessage = { type: 'show', snapshot: view.snapshot, stalled: stalledUrl === view.snapshot.url, dark };
    frame.send(message);
  };

  // The page's theme, read in the next frame (when its styles are computed anyway), and followed
  // by the tab and the card.
  let dark = false;
  let themeQueued = false;
  const followTheme = () => {
    if (themeQueued) return;
    themeQueued = true;
    requestAnimationFrame(() => {
      themeQueued = false;
      if (!ctx.isValid) return;
      const now = pageIsDark();
      dock?.setTheme(now);
      if (now !== dark) {
        dark = now;
        sendView();
      }
    });
  };

  /** Show the view on screen: the tab at once, the card when it is open. */
  const paint = () => {
    const view = latest;
    if (!view) {
      dock?.hide();
      frame?.setShown(false);
      return;
    }
    const d = ensureDock();
    d.show(tabModel(view.snapshot, scheme));
    followTheme();
    d.setOpen(dockState.open);
    // Lets tests and the benchmark see what is on screen: the page's own public numbers' state
    // and handle, nothing of the user's.
    d.host.dataset.state = view.snapshot.state;
    d.host.dataset.handle = view.snapshot.handle ?? '';
    if (dockState.open) ensureFrame();
    sendView();
  };

  function onFrameMessage(message: FrameMessage): void {
    if (!frame) return;
    if (message.type === 'ready') {
      sendView();
    } else if (message.type === 'rendered') {
      if (dockState.open && latest && message.url === latest.snapshot.url) {
        placeFrame();
        frame.setShown(true);
      }
    } else if (message.type === 'close') {
      setOpen(false);
    }
  }

  /**
   * What the background hears (the toolbar badge, the visit recorded): the latest state, sent
   * once the page has loaded and its main thread is idle. Sent at once it would wake the
   * background while the page loads, and its start-up would compete with the page for the CPU.
   */
  let pending: { state: LensState | null; record: boolean } | null = null;
  let waitingForLoad = false;
  function sendPending(): void {
    if (!pending || !ctx.isValid) return;
    const message = pending;
    pending = null;
    sendMessage('lensStateChanged', message).catch(() => {
      // No background listening (e.g. the extension was reloaded): nothing to update.
    });
  }
  function waitForLoad(): void {
    if (waitingForLoad) return;
    waitingForLoad = true;
    // A page whose load never ends (a resource that hangs) is still told after a while.
    later(sendPending, LOAD_WAIT_MS);
    ctx.addEventListener(
      window,
      'load',
      () => {
        waitingForLoad = false;
        if (typeof requestIdleCallback === 'function') requestIdleCallback(sendPending, { timeout: LOADED_PUBLISH_MS });
        else later(sendPending, 0);
      },
      { once: true },
    );
  }

  const lens = createLens({
    reader,
    collect: (url, responses) => pageDataFromDocument(document, url, responses, scripts),
    render: (view) => {
      latest = view;
      paint();
    },
    publish: (state) => {
      // Trust is decided now, for the navigation that showed this state.
      pending = { state, record: state !== null && trust.trusted(state.pageUrl) };
      if (document.readyState === 'complete') sendPending();
      else waitForLoad();
    },
  });

  let retryTimers: Array<ReturnType<typeof setTimeout>> = [];
  const refresh = () => {
    const url = window.location.href;
    trust.arrived(url);
    lens.refresh(url);
    for (const id of retryTimers) cancel(id);
    retryTimers = [];
    if (!lens.waiting() || document.readyState === 'loading') return;
    RETRY_DELAYS.forEach((delay, i) => {
      retryTimers.push(
        later(() => {
          if (window.location.href !== url || !lens.waiting()) return;
          lens.refresh(url);
          if (i === RETRY_DELAYS.length - 1 && lens.waiting()) {
            stalledUrl = url;
            paint();
          }
        }, delay),
      );
    });
  };

  // The copier's port: responses of the page's web client, and word of in-app navigations.
  receivePageData((message) => {
    if (message.type === 'response') {
      let added = false;
      for (const body of parseResponseText(message.text)) added = lens.addResponse({ url: message.url, body }) || added;
      if (added) {
        trust.arrived(window.location.href);
        lens.refresh(window.location.href);
      }
    } else {
      // Give the app a tick to render the new route's document title and meta.
      later(refresh, 0);
    }
  }, ctx.signal);

  // In-app navigations: the Navigation API tells who started them; elsewhere the address is polled.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) {
    ctx.addEventListener(navigation, 'navigate', (event: Event) => {
      const e = event as Event & { destination?: { url?: string }; userInitiated?: boolean };
      if (typeof e.destination?.url === 'string') trust.navigating(e.destination.url, e.userInitiated === true);
      later(refresh, 0);
    });
  } else {
    let lastUrl = window.location.href;
    const poll = () => {
      if (window.location.href !== lastUrl) {
        lastUrl = window.location.href;
        refresh();
      }
      later(poll, POLL_MS);
    };
    later(poll, POLL_MS);
  }

  // Esc closes the card from the page too (when focus is on the page, not in the card).
  ctx.addEventListener(window, 'keydown', (event: Event) => {
    const e = event as KeyboardEvent;
    if (e.isTrusted && e.key === 'Escape' && dockState.open) setOpen(false);
  });

  ctx.onInvalidated(() => {
    for (const id of timers) clearTimeout(id);
    timers.clear();
    frame?.remove();
    dock?.remove();
  });

  onMessage('getLensState', () => lens.current());
  // The keyboard shortcut (the commands API, relayed by the background).
  onMessage('toggleLens', () => {
    if (latest) setOpen(!dockState.open);
  });

  // The user's place for the tab and their tier scheme (written by the background from the settings).
  void browser.storage.local
    .get([DOCK_KEY, PREFS_KEY])
    .then((got) => {
      const saved = (got?.[DOCK_KEY] as Record<string, Partial<DockState>> | undefined)?.[platform];
      if (saved && typeof saved.top === 'number' && Number.isFinite(saved.top)) dockState = { top: saved.top, open: saved.open === true };
      const prefs = TierSchemeSchema.safeParse((got?.[PREFS_KEY] as { scheme?: unknown } | undefined)?.scheme);
      if (prefs.success) scheme = prefs.data;
      dock?.moveTo(dockState.top);
      if (latest) paint();
    })
    .catch(() => undefined);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes[PREFS_KEY] || !ctx.isValid) return;
    const prefs = TierSchemeSchema.safeParse((changes[PREFS_KEY].newValue as { scheme?: unknown } | undefined)?.scheme);
    scheme = prefs.success ? prefs.data : undefined;
    if (latest) paint();
  });

  // Read the page as soon as its data has been parsed, and again when the document is complete.
  if (document.readyState === 'loading') {
    readWhenDataParsed(() => lens.refresh(window.location.href), ctx.signal);
    ctx.addEventListener(document, 'DOMContentLoaded', () => refresh(), { once: true });
  } else {
    refresh();
  }
  // The card's frame is created when the user reaches for the tab (pointer over it, or focus) or
  // finds the card open: never during the page's load, where its start-up would compete with the
  // page for the CPU.
}
