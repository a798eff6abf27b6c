import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLens, type LensView } from '@/lib/lens/controller';
import { createNavigationTrust } from '@/lib/lens/navigation-trust';
import type { FrameMessage, HostMessage } from '@/lib/overlay-protocol';
import { pageDataFromDocument, parseResponseText } from '@/lib/platforms/page';
import type { PlatformReader } from '@/lib/platforms/types';
import { configureZodForExtension } from '@/lib/zod-setup';
import { createCardFrame, type CardFrame } from './frame-channel';
import { onMessage, sendMessage } from './messaging';
import { receivePageData } from './page-data-channel';

/** Delays (ms) after a navigation at which a page still waiting for its data is read again. */
const RETRY_DELAYS = [250, 750, 1500, 3000];

/** How long after the user's last click or key press on the page an in-app navigation counts as theirs. */
const USER_ACTIVATION_MS = 5000;

/** How often the address is compared where the browser has no Navigation API. */
const POLL_MS = 1000;

/**
 * The glue every platform's content script shares. It reads the page with the platform's reader,
 * keeps exactly one card in step with the URL on screen, answers the popup, and never lets an
 * error of its own reach the page.
 *
 * What it trusts (see README, "What a hostile page can and cannot do"): the document, and the
 * responses the MAIN-world copier sends over its private port (utils/page-data-channel.ts) —
 * never a window message. The card is the extension page overlay.html in a frame that only this
 * script can talk to (utils/frame-channel.ts). Numbers are stored without a click only for a
 * page the user chose to visit (lib/lens/navigation-trust.ts).
 *
 * Call it synchronously at document_start: the page-data port is handed over before the page's
 * first script runs.
 */
export function runLens(ctx: ContentScriptContext, reader: PlatformReader): void {
  configureZodForExtension();
  let frame: CardFrame | null = null;
  let latest: LensView | null = null;
  let dismissedUrl: string | null = null;
  /** The URL whose data never came after every retry. */
  let stalledUrl: string | null = null;

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

  /** Send the view on screen to the card (or hide it when there is none). */
  const paint = () => {
    const view = latest;
    if (!view || dismissedUrl === view.snapshot.url) {
      if (frame) frame.host.hidden = true;
      return;
    }
    frame ??= createCardFrame(onFrameMessage);
    const message: HostMessage = { type: 'show', snapshot: view.snapshot, stalled: stalledUrl === view.snapshot.url };
    frame.send(message); // dropped until the card is ready; 'ready' paints again
  };

  function onFrameMessage(message: FrameMessage): void {
    if (!frame) return;
    if (message.type === 'ready') {
      paint();
    } else if (message.type === 'rendered') {
      if (!latest || message.url !== latest.snapshot.url || dismissedUrl === message.url) return;
      frame.host.hidden = false;
      // Lets tests and the benchmark see what is on screen without reaching into the frame: the
      // page's own public numbers' state and handle, nothing of the user's.
      frame.host.dataset.state = latest.snapshot.state;
      frame.host.dataset.handle = latest.snapshot.handle ?? '';
    } else if (message.type === 'close') {
      dismissedUrl = message.url;
      paint();
    }
  }

  const lens = createLens({
    reader,
    collect: (url, responses) => pageDataFromDocument(document, url, responses),
    render: (view) => {
      latest = view;
      paint();
    },
    publish: (state) => {
      const record = state !== null && trust.trusted(state.pageUrl);
      sendMessage('lensStateChanged', { state, record }).catch(() => {
        // No background listening (e.g. the extension was reloaded): nothing to update.
      });
    },
  });

  let retryTimers: Array<ReturnType<typeof setTimeout>> = [];
  const refresh = () => {
    const url = window.location.href;
    trust.arrived(url);
    lens.refresh(url);
    for (const id of retryTimers) cancel(id);
    retryTimers = [];
    if (!lens.waiting()) return;
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
  ctx.onInvalidated(() => {
    for (const id of timers) clearTimeout(id);
    timers.clear();
    frame?.remove();
  });

  onMessage('getLensState', () => lens.current());

  // The card's page starts loading at once on a profile or post URL, while the page itself is
  // still loading; the page is read as soon as its document is parsed.
  if (reader.locate(window.location.href).kind !== 'other') frame = createCardFrame(onFrameMessage);
  if (document.readyState === 'loading') {
    ctx.addEventListener(document, 'DOMContentLoaded', () => refresh(), { once: true });
  } else {
    refresh();
  }
}
