import { MAX_RESPONSE_CHARS, PAGE_PORT_OFFER, PAGE_PORT_REQUEST, type PageDataMessage } from '@/lib/page-data-message';
import { instagramCaptures, instagramMatches } from '@/lib/platforms/instagram/url';
import { tiktokCaptures, tiktokMatches } from '@/lib/platforms/tiktok/url';
import { xCaptures, xMatches } from '@/lib/platforms/x/url';
import { youtubeCaptures, youtubeMatches } from '@/lib/platforms/youtube/url';

/** Which of the web client's own responses to copy, by the page's host. */
function capturesFor(host: string): readonly RegExp[] {
  if (host.endsWith('instagram.com')) return instagramCaptures;
  if (host.endsWith('youtube.com')) return youtubeCaptures;
  if (host.endsWith('tiktok.com')) return tiktokCaptures;
  if (host === 'x.com' || host.endsWith('.x.com') || host.endsWith('twitter.com')) return xCaptures;
  return [];
}

/** The getter of a built-in accessor property, taken once. */
function getter(proto: object, name: string): (this: unknown) => unknown {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (!get) throw new Error(`no getter ${name}`);
  return get;
}

/**
 * Runs in the page's own JavaScript world, at document_start: before any script of the page.
 * It copies the JSON responses the platform's own web client receives (only those whose URL a
 * reader asked for) and tells the isolated content script when the app navigates. It sends no
 * request of its own, changes no response, and passes text only: the isolated script parses and
 * validates it.
 *
 * Threat: every later script of the page shares this world. So
 * - what it copies goes to the isolated script over a MessagePort handed over synchronously
 *   now, while no page script exists (see utils/page-data-channel.ts); a page script can post
 *   window messages, but cannot reach that port, so it cannot feed the reader anything;
 * - every built-in it uses is taken now (fetch, Response.prototype.clone/text/url, the
 *   XMLHttpRequest members, Promise.prototype.then, JSON.stringify, MessagePort.postMessage,
 *   Reflect.apply): a page that later patches those prototypes cannot make it read an altered
 *   response.
 */
export default defineContentScript({
  matches: [...instagramMatches, ...youtubeMatches, ...tiktokMatches, ...xMatches],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const patterns = capturesFor(window.location.hostname);
    if (patterns.length === 0) return;

    // ---- Own references, before any page script can replace them.
    const apply = Reflect.apply;
    const exec = RegExp.prototype.exec;
    const then = Promise.prototype.then;
    const nativeFetch = window.fetch;
    const fetchSource = Function.prototype.toString.call(nativeFetch);
    const responseClone = Response.prototype.clone;
    const responseText = Response.prototype.text;
    const responseUrl = getter(Response.prototype, 'url');
    const xhrProto = XMLHttpRequest.prototype;
    const xhrOpen = xhrProto.open;
    const xhrUrl = getter(xhrProto, 'responseURL');
    const xhrType = getter(xhrProto, 'responseType');
    const xhrReadyState = getter(xhrProto, 'readyState');
    const xhrText = getter(xhrProto, 'responseText');
    const xhrResponse = getter(xhrProto, 'response');
    const listen = EventTarget.prototype.addEventListener;
    const dispatch = EventTarget.prototype.dispatchEvent;
    const removeListener = EventTarget.prototype.removeEventListener;
    const stringify = JSON.stringify;
    const portPost = MessagePort.prototype.postMessage;
    const pushState = history.pushState;
    const replaceState = history.replaceState;
    const noop = () => {};

    // ---- The private port, handed to the isolated script now (see utils/page-data-channel.ts).
    const channel = new MessageChannel();
    const port = channel.port1;
    let handed = false;
    const offer = () => {
      if (handed) return;
      const event = new MessageEvent(PAGE_PORT_OFFER, { ports: [channel.port2], cancelable: true });
      // The isolated script cancels the event when it took the port.
      handed = !apply(dispatch, window, [event]);
      if (handed) apply(removeListener, window, [PAGE_PORT_REQUEST, offer]);
    };
    apply(listen, window, [PAGE_PORT_REQUEST, offer]);
    offer();

    const post = (message: PageDataMessage) => {
      if (handed) apply(portPost, port, [message]);
    };
    const wanted = (url: unknown): url is string => {
      if (typeof url !== 'string') return false;
      for (let i = 0; i < patterns.length; i++) if (apply(exec, patterns[i]!, [url]) !== null) return true;
      return false;
    };
    const postText = (url: string, text: unknown) => {
      if (typeof text === 'string' && text.length <= MAX_RESPONSE_CHARS) post({ type: 'response', url, text });
    };

    const copyResponse = (response: Response) => {
      try {
        const url = apply(responseUrl, response, []);
        if (!wanted(url)) return;
        const copy = apply(responseClone, response, []) as Response;
        apply(then, apply(responseText, copy, []), [(t: unknown) => postText(url, t), noop]);
      } catch {
        // A body already used or an opaque response: nothing to copy.
      }
    };
    const patchedFetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const result = apply(nativeFetch, this, args) as Promise<Response>;
      apply(then, result, [copyResponse, noop]);
      return result;
    };
    window.fetch = Object.assign(patchedFetch, { toString: () => fetchSource }) as typeof fetch;

    const watch = (xhr: XMLHttpRequest) => {
      const onState = () => {
        try {
          if (apply(xhrReadyState, xhr, []) !== 4) return;
          const url = apply(xhrUrl, xhr, []);
          if (!wanted(url)) return;
          const type = apply(xhrType, xhr, []);
          if (type === '' || type === 'text') postText(url, apply(xhrText, xhr, []));
          else if (type === 'json') postText(url, apply(stringify, JSON, [apply(xhrResponse, xhr, [])]));
        } catch {
          // Never let a copy disturb the page's own request.
        }
      };
      apply(listen, xhr, ['readystatechange', onState]);
    };
    xhrProto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      watch(this);
      return apply(xhrOpen, this, args);
    } as typeof xhrProto.open;

    const navigated = () => post({ type: 'navigated' });
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      const out = apply(pushState, this, args);
      navigated();
      return out;
    };
    history.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
      const out = apply(replaceState, this, args);
      navigated();
      return out;
    };
    apply(listen, window, ['popstate', navigated]);
    // YouTube announces its own in-app navigations.
    apply(listen, window, ['yt-navigate-finish', navigated]);
  },
});
