import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLens, type LensView } from '@/lib/lens/controller';
import { FRAME_SOURCE, FrameMessageSchema, HOST_SOURCE } from '@/lib/overlay-protocol';
import { PAGE_DATA_SOURCE } from '@/lib/page-data-message';
import { PageDataMessageSchema } from '@/lib/page-data-message-schema';
import { pageDataFromDocument, parseResponseText } from '@/lib/platforms/page';
import type { PlatformReader } from '@/lib/platforms/types';
import type { HostMessage } from '@/lib/schema';
import { configureZodForExtension } from '@/lib/zod-setup';
import { onMessage, sendMessage } from './messaging';

/** Delays (ms) after a navigation at which a page still waiting for its data is read again. */
const RETRY_DELAYS = [250, 750, 1500, 3000];

/** Where the overlay sits on the page, and its size before the card reports its own. */
const FRAME_CSS = `:host{all:initial!important;display:contents!important}:host([hidden]){display:none!important}
iframe{position:fixed;top:64px;right:12px;z-index:2147483000;width:404px;height:120px;max-height:calc(100vh - 76px);
border:0;margin:0;padding:0;background:transparent;color-scheme:normal;display:block;visibility:visible}`;

interface Frame {
  host: HTMLElement;
  iframe: HTMLIFrameElement;
  origin: string;
  ready: boolean;
}

/**
 * The glue every platform's content script shares. It reads the page with the platform's reader,
 * keeps exactly one overlay in step with the URL on screen, answers the popup, and never lets an
 * error of its own reach the page.
 *
 * The overlay itself is the extension page overlay.html in an iframe (inside a shadow root so
 * the page's CSS cannot hide or restyle it): it renders with the extension's origin, which the
 * page can neither read nor script, and keeps Preact and the metrics out of this script.
 */
export function runLens(ctx: ContentScriptContext, reader: PlatformReader): void {
  configureZodForExtension();
  let frame: Frame | null = null;
  let latest: LensView | null = null;
  let dismissedUrl: string | null = null;
  /** The URL whose data never came after every retry. */
  let stalledUrl: string | null = null;

  const createFrame = (): Frame => {
    const host = document.createElement('reloquence-lens');
    host.hidden = true;
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = FRAME_CSS;
    const iframe = document.createElement('iframe');
    const src = browser.runtime.getURL('/overlay.html');
    iframe.src = src;
    iframe.title = 'Reloquence Lens';
    iframe.setAttribute('allowtransparency', 'true');
    // "Invite" copies the invite link from the card (where the page's own policy allows it).
    iframe.allow = 'clipboard-write';
    shadow.append(style, iframe);
    document.documentElement.append(host);
    return { host, iframe, origin: new URL(src).origin, ready: false };
  };

  /** Send the view on screen to the overlay (or hide it when there is none). */
  const paint = () => {
    const view = latest;
    if (!view || dismissedUrl === view.snapshot.url) {
      if (frame) frame.host.hidden = true;
      return;
    }
    frame ??= createFrame();
    if (!frame.ready) return; // sent when the overlay page says it is ready
    const message: HostMessage = {
      source: HOST_SOURCE,
      type: 'show',
      snapshot: view.snapshot,
      stalled: stalledUrl === view.snapshot.url,
    };
    frame.iframe.contentWindow?.postMessage(message, frame.origin);
  };

  const onFrameMessage = (event: MessageEvent) => {
    if (!frame || event.source !== frame.iframe.contentWindow || event.origin !== frame.origin) return;
    const parsed = FrameMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    const { host, iframe } = frame;
    if (message.type === 'ready') {
      frame.ready = true;
      paint();
    } else if (message.type === 'size') {
      iframe.style.width = `${Math.ceil(message.width)}px`;
      iframe.style.height = `${Math.ceil(message.height)}px`;
    } else if (message.type === 'rendered') {
      if (!latest || message.url !== latest.snapshot.url || dismissedUrl === message.url) return;
      host.hidden = false;
      // Lets tests and the benchmark see what is on screen without reaching into the frame.
      host.dataset.state = latest.snapshot.state;
      host.dataset.handle = latest.snapshot.handle ?? '';
    } else {
      dismissedUrl = message.url;
      paint();
    }
  };

  const lens = createLens({
    reader,
    collect: (url, responses) => pageDataFromDocument(document, url, responses),
    render: (view) => {
      latest = view;
      paint();
    },
    publish: (state) => {
      sendMessage('lensStateChanged', state).catch(() => {
        // No background listening (e.g. the extension was reloaded): nothing to update.
      });
    },
  });

  let retryTimers: number[] = [];
  const refresh = () => {
    lens.refresh(window.location.href);
    for (const id of retryTimers) clearTimeout(id);
    retryTimers = [];
    if (!lens.waiting()) return;
    const startedFor = window.location.href;
    RETRY_DELAYS.forEach((delay, i) => {
      retryTimers.push(
        ctx.setTimeout(() => {
          if (window.location.href !== startedFor || !lens.waiting()) return;
          lens.refresh(startedFor);
          if (i === RETRY_DELAYS.length - 1 && lens.waiting()) {
            stalledUrl = startedFor;
            paint();
          }
        }, delay),
      );
    });
  };

  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    const source = (event.data as { source?: unknown } | null)?.source;
    if (source === FRAME_SOURCE) {
      onFrameMessage(event);
      return;
    }
    if (event.source !== window || source !== PAGE_DATA_SOURCE) return;
    const parsed = PageDataMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'response') {
      let added = false;
      for (const body of parseResponseText(message.text)) added = lens.addResponse({ url: message.url, body }) || added;
      if (added) lens.refresh(window.location.href);
    } else {
      // Give the app a tick to render the new route's document title and meta.
      ctx.setTimeout(refresh, 0);
    }
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => refresh());
  ctx.onInvalidated(() => frame?.host.remove());

  onMessage('getLensState', () => lens.current());

  // The overlay page starts loading at once on a profile or post URL, while the page itself is
  // still loading; the page is read as soon as its document is parsed.
  if (reader.locate(window.location.href).kind !== 'other') frame = createFrame();
  if (document.readyState === 'loading') {
    ctx.addEventListener(document, 'DOMContentLoaded', () => refresh(), { once: true });
  } else {
    refresh();
  }
}
