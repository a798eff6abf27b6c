import { MAX_RESPONSE_CHARS, PAGE_DATA_SOURCE } from '@/lib/page-data-message';
import { instagramCaptures, instagramMatches } from '@/lib/platforms/instagram';
import { tiktokCaptures, tiktokMatches } from '@/lib/platforms/tiktok';
import { xCaptures, xMatches } from '@/lib/platforms/x';
import { youtubeCaptures, youtubeMatches } from '@/lib/platforms/youtube';

/** Which of the web client's own responses to copy, by the page's host. */
function capturesFor(host: string): readonly RegExp[] {
  if (host.endsWith('instagram.com')) return instagramCaptures;
  if (host.endsWith('youtube.com')) return youtubeCaptures;
  if (host.endsWith('tiktok.com')) return tiktokCaptures;
  if (host === 'x.com' || host.endsWith('.x.com') || host.endsWith('twitter.com')) return xCaptures;
  return [];
}

/**
 * Runs in the page's own JavaScript world. It copies the JSON responses the platform's own web
 * client receives (only those whose URL a reader asked for) and tells the isolated content
 * script when the app navigates. It sends no request of its own, changes no response, and
 * passes text only: the isolated script parses and validates it.
 */
export default defineContentScript({
  matches: [...instagramMatches, ...youtubeMatches, ...tiktokMatches, ...xMatches],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const patterns = capturesFor(window.location.hostname);
    if (patterns.length === 0) return;
    const wanted = (url: string) => patterns.some((re) => re.test(url));
    const post = (message: object) => window.postMessage({ source: PAGE_DATA_SOURCE, ...message }, window.location.origin);
    const postText = (url: string, text: unknown) => {
      if (typeof text === 'string' && text.length <= MAX_RESPONSE_CHARS) post({ type: 'response', url, text });
    };

    const nativeFetch = window.fetch;
    const patchedFetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const result = nativeFetch.apply(this, args);
      result.then(
        (response) => {
          try {
            if (wanted(response.url)) response.clone().text().then((t) => postText(response.url, t), () => {});
          } catch {
            // A body already used or an opaque response: nothing to copy.
          }
        },
        () => {},
      );
      return result;
    };
    window.fetch = Object.assign(patchedFetch, { toString: () => nativeFetch.toString() }) as typeof fetch;

    const nativeOpen = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      this.addEventListener('load', () => {
        try {
          const url = this.responseURL;
          if (!wanted(url)) return;
          if (this.responseType === '' || this.responseType === 'text') postText(url, this.responseText);
          else if (this.responseType === 'json') postText(url, JSON.stringify(this.response));
        } catch {
          // Never let a copy disturb the page's own request.
        }
      });
      return (nativeOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof XMLHttpRequest.prototype.open;

    for (const method of ['pushState', 'replaceState'] as const) {
      const native = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        const out = native.apply(this, args);
        post({ type: 'navigated' });
        return out;
      };
    }
    window.addEventListener('popstate', () => post({ type: 'navigated' }));
    // YouTube announces its own in-app navigations.
    window.addEventListener('yt-navigate-finish', () => post({ type: 'navigated' }));
  },
});
