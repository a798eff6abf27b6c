/**
 * The isolated content script's end of the page-data channel: the MessagePort over which the
 * MAIN-world copier (entrypoints/page-data.content.ts) sends the JSON responses the page's web
 * client received.
 *
 * Threat: the page's own scripts share the window with both scripts. Anything posted on the
 * window (postMessage, a DOM event) later on can come from them, so nothing the reader uses may
 * travel that way. Instead the port is handed over once, synchronously, at document_start — both
 * scripts are injected before the document's first script runs, so no page script exists yet to
 * listen or to offer a port of its own:
 * - the copier offers its port in a cancelable event; the isolated script, if it is already
 *   listening, takes it and cancels the event (so the copier knows it was taken);
 * - if the isolated script starts second, it asks with a request event, and the copier offers
 *   again, synchronously inside that dispatch.
 * Once a port is taken the listener is gone: no later offer — from the page or anyone — is
 * accepted. The copier is declared beside this script for the same pages, so its offer is the
 * first there is: before the document's first script runs.
 */
import { PAGE_PORT_OFFER, PAGE_PORT_REQUEST } from '@/lib/page-data-message';
import { PageDataMessageSchema } from '@/lib/page-data-message-schema';
import type { PageDataMessage } from '@/lib/page-data-message';

/** Take the copier's port now (call at document_start) and pass its valid messages to `use`. */
export function receivePageData(use: (message: PageDataMessage) => void, signal: AbortSignal): void {
  const take = (event: Event) => {
    if (!(event instanceof MessageEvent) || event.ports.length !== 1) return;
    event.preventDefault();
    window.removeEventListener(PAGE_PORT_OFFER, take);
    const port = event.ports[0]!;
    port.onmessage = (message) => {
      const parsed = PageDataMessageSchema.safeParse(message.data);
      if (parsed.success) use(parsed.data);
    };
    signal.addEventListener('abort', () => port.close(), { once: true });
  };
  window.addEventListener(PAGE_PORT_OFFER, take, { signal });
  // When the copier started first, it offers again inside this dispatch.
  window.dispatchEvent(new Event(PAGE_PORT_REQUEST));
}
