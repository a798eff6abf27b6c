/**
 * The content script's side of the card's frame: it creates the frame, hands it a private
 * MessagePort, and sends it the views over that port.
 *
 * Threat: the page's own scripts share this window. They can post any window message to the
 * frame (they see it in `window.frames`), frame overlay.html themselves, restyle or cover what
 * they can reach, and read what is posted with the target '*'. So:
 * - the frame's host element has a *closed* shadow root: page scripts cannot reach the iframe,
 *   its address or its styles (the `:host` rules are !important, which the page's cannot beat);
 * - the frame's address carries a random key in its fragment, and the one window message sent to
 *   it — posted to the frame's window with the extension's origin as target, so nobody else
 *   receives it — carries the same key and transfers a MessagePort. The card accepts only that
 *   port (utils/overlay-channel.ts); a page that frames overlay.html itself, or posts it a forged
 *   "show", gets a blank frame;
 * - everything else (views, sizes, clicks, closing) travels over that port, which no page
 *   script can read or write. The size the card reports is the size of the card drawn from the
 *   page's public numbers alone, so the frame's size tells the page nothing of the user's data;
 * - in Chrome, overlay.html is web-accessible only through a per-session address
 *   (`use_dynamic_url`), so a page that knows the extension's id still cannot load it.
 */
import { browser } from 'wxt/browser';
import { CONNECT, FrameMessageSchema, type FrameMessage, type HostMessage } from '@/lib/overlay-protocol';

/** Where the card sits: beside the docked tab, at most as tall as the window; its size before it reports its own. */
const FRAME_CSS = `iframe{all:initial!important;position:fixed!important;top:var(--top,12px)!important;right:var(--right,52px)!important;
z-index:2147483000!important;width:var(--w,420px)!important;height:var(--h,140px)!important;max-height:calc(100vh - 24px)!important;border:0!important;
margin:0!important;padding:0!important;background:transparent!important;color-scheme:normal!important;display:block!important;
visibility:visible!important;opacity:1!important;pointer-events:auto!important}iframe[hidden]{display:none!important}`;

/** How often the content script looks whether the frame is in full view, where the card cannot. */
const VISIBILITY_EVERY_MS = 250;

export interface CardFrame {
  /** The card has connected and can be sent views. */
  readonly ready: boolean;
  readonly iframe: HTMLIFrameElement;
  send(message: HostMessage): void;
  /** Show or hide the frame (a hidden frame keeps its channel). */
  setShown(shown: boolean): void;
  /** Put the card beside the tab: `right` px from the window's right edge, `top` px from its top. */
  place(right: number, top: number): void;
  remove(): void;
}

/** The origin the frame's document really has (Chrome maps the per-session address to it). */
function extensionOrigin(): string {
  return import.meta.env.FIREFOX ? new URL(browser.runtime.getURL('/')).origin : `chrome-extension://${browser.runtime.id}`;
}

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether the frame is in full view as far as the page's document can tell: shown, inside the
 * window, no transparency, filter, transform or clip on it or its ancestors, and nothing of the
 * page's on top of it where it can be hit. (A layer with `pointer-events: none` cannot be seen
 * from here: browsers with IntersectionObserver v2 see it, and the card asks them instead.)
 */
export function frameInFullView(host: HTMLElement, iframe: HTMLIFrameElement): boolean {
  if (!host.isConnected || host.hidden || iframe.hidden || document.visibilityState !== 'visible') return false;
  const r = iframe.getBoundingClientRect();
  if (r.width < 1 || r.height < 1 || r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) return false;
  for (const el of [iframe, host, document.documentElement]) {
    const s = getComputedStyle(el);
    if (s.visibility !== 'visible' || Number(s.opacity) < 1 || s.filter !== 'none' || s.transform !== 'none') return false;
    if (s.clipPath !== 'none' || (s.getPropertyValue('mask-image') || 'none') !== 'none' || s.mixBlendMode !== 'normal') return false;
  }
  const points: Array<[number, number]> = [
    [r.left + r.width / 2, r.top + r.height / 2],
    [r.left + 4, r.top + 4],
    [r.right - 4, r.top + 4],
    [r.left + 4, r.bottom - 4],
    [r.right - 4, r.bottom - 4],
  ];
  return points.every(([x, y]) => document.elementFromPoint(x, y) === host);
}

/**
 * Create the card's frame (hidden) inside the dock's closed shadow root and connect to it.
 * `onMessage` gets what the card says, validated; `ready` switches `ready` on first.
 */
export function createCardFrame(host: HTMLElement, root: ShadowRoot, onMessage: (message: FrameMessage) => void): CardFrame {
  const style = document.createElement('style');
  style.textContent = FRAME_CSS;
  const iframe = document.createElement('iframe');
  iframe.hidden = true;
  const key = randomKey();
  iframe.src = `${browser.runtime.getURL('/overlay.html')}#${key}`;
  iframe.title = 'Reloquence Lens';
  iframe.setAttribute('allowtransparency', 'true');
  // "Invite" copies the invite link from the card (where the page's own policy allows it).
  iframe.allow = 'clipboard-write';
  root.append(style, iframe);

  let port: MessagePort | null = null;
  let ready = false;
  let visibilityTimer: ReturnType<typeof setInterval> | null = null;
  let lastVisible: boolean | null = null;

  const stopVisibilityReports = () => {
    if (visibilityTimer !== null) clearInterval(visibilityTimer);
    visibilityTimer = null;
  };
  const reportVisibility = () => {
    const visible = frameInFullView(host, iframe);
    if (visible !== lastVisible) port?.postMessage({ type: 'visibility', visible } satisfies HostMessage);
    lastVisible = visible;
  };

  const onPortMessage = (event: MessageEvent) => {
    const parsed = FrameMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'ready') {
      ready = true;
      if (message.needsVisibility && visibilityTimer === null) {
        visibilityTimer = setInterval(() => {
          if (!host.hidden && !iframe.hidden) reportVisibility();
          else lastVisible = null;
        }, VISIBILITY_EVERY_MS);
      }
    } else if (message.type === 'size') {
      iframe.style.setProperty('--w', `${Math.ceil(message.width)}px`);
      iframe.style.setProperty('--h', `${Math.ceil(message.height)}px`);
    }
    onMessage(message);
  };

  // Each load of the frame (the first, or a reload) gets a fresh channel; a document that is not
  // the extension's never receives it (the target origin is the extension's).
  iframe.addEventListener('load', () => {
    port?.close();
    ready = false;
    lastVisible = null;
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = onPortMessage;
    iframe.contentWindow?.postMessage({ type: CONNECT, key }, extensionOrigin(), [channel.port2]);
  });

  return {
    get ready() {
      return ready;
    },
    iframe,
    send(message) {
      if (ready) port?.postMessage(message);
    },
    setShown(shown) {
      iframe.hidden = !shown;
    },
    place(right, top) {
      iframe.style.setProperty('--right', `${Math.round(right)}px`);
      iframe.style.setProperty('--top', `${Math.round(top)}px`);
    },
    remove() {
      stopVisibilityReports();
      port?.close();
      style.remove();
      iframe.remove();
    },
  };
}
