/**
 * The content script's state machine, free of browser APIs so it runs (and is tested) in Node.
 *
 * It decides, for the URL on screen, whether there is a profile or post to show, reads it with
 * the platform's reader and hands the result to `render` (the overlay) and `publish` (popup and
 * badge) only when something changed. Exactly one view exists at a time: `render(null)` removes
 * it when the user leaves profile and post pages.
 */
import type { LensState } from '../schema';
import type { CapturedResponse, PageData, PageLocation, PlatformReader, Snapshot } from '../platforms/types';

export interface LensView {
  location: PageLocation;
  snapshot: Snapshot;
}

export interface LensDeps {
  reader: PlatformReader;
  /** Gather the page's inputs (meta, inline scripts) plus the captured responses given. */
  collect(url: string, responses: CapturedResponse[]): PageData;
  render(view: LensView | null): void;
  publish(state: LensState | null): void;
}

/** How many captured responses are kept: enough for a few soft navigations, bounded in memory. */
export const MAX_RESPONSES = 24;

export interface Lens {
  /** Re-read the page for `url` (on start, soft navigation, a new response, a retry timer). */
  refresh(url: string): void;
  /** Record a JSON body the page received; returns true when it matched the reader's captures. */
  addResponse(response: CapturedResponse): boolean;
  current(): LensState | null;
  /** True while the page is a profile/post page whose data has not arrived (worth retrying). */
  waiting(): boolean;
}

export function createLens(deps: LensDeps): Lens {
  const responses: CapturedResponse[] = [];
  let lastUrl: string | null = null;
  let lastKey: string | null = null;
  let state: LensState | null = null;

  function show(url: string, view: LensView | null): void {
    const key = view ? `${url}\n${JSON.stringify(view.snapshot)}` : null;
    if (key === lastKey && url === lastUrl) return;
    lastKey = key;
    lastUrl = url;
    state = view ? { pageUrl: url, platform: deps.reader.platform, snapshot: view.snapshot } : null;
    deps.render(view);
    deps.publish(state);
  }

  return {
    refresh(url) {
      const location = deps.reader.locate(url);
      if (location.kind === 'other') {
        show(url, null);
        return;
      }
      let snapshot: Snapshot | null = null;
      try {
        snapshot = deps.reader.read(deps.collect(url, responses.slice()));
      } catch {
        // Readers are written not to throw; should one still do so, the page must not break.
        snapshot = null;
      }
      show(url, snapshot ? { location, snapshot } : null);
    },
    addResponse(response) {
      if (!deps.reader.captures.some((re) => re.test(response.url))) return false;
      responses.push(response);
      if (responses.length > MAX_RESPONSES) responses.splice(0, responses.length - MAX_RESPONSES);
      return true;
    },
    current: () => state,
    waiting: () => state !== null && state.snapshot !== null && state.snapshot.state === 'loading',
  };
}
