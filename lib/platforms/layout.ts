/**
 * Where each platform's own content sits on its pages, so the lens's tab can stay in the free
 * margin beside it (see utils/lens-dock.ts). The selectors name the platform's profile header,
 * post grid and main column, the current markup beside older variants; the last entry of each
 * list is the generic fallback.
 */
import type { Platform } from './types';

export const CONTENT_SELECTORS: Readonly<Record<Platform, readonly string[]>> = {
  instagram: ['main header', 'main a[href*="/p/"]', 'main a[href*="/reel/"]', 'main article', 'main section', 'main'],
  youtube: ['#page-header', 'ytd-browse #contents', 'ytd-watch-flexy #primary', 'ytd-watch-flexy #secondary', '#content', 'main'],
  tiktok: ['[data-e2e="user-page"]', '[data-e2e="user-post-item-list"]', '[data-e2e="browse-video"]', 'main'],
  x: ['[data-testid="primaryColumn"]', '[data-testid="sidebarColumn"]', 'main'],
};

/** At most this many elements per selector are measured (a post grid repeats its tiles). */
const PER_SELECTOR = 24;

/**
 * The width (px) between the right edge of the platform's content and the right edge of the
 * window; 0 when the content reaches the edge or nothing of it is found.
 */
export function freeMarginRight(doc: Document, platform: Platform): number {
  const view = doc.documentElement.clientWidth || doc.defaultView?.innerWidth || 0;
  const selectors = CONTENT_SELECTORS[platform];
  const rightOf = (list: readonly string[]) => {
    let right = -Infinity;
    for (const selector of list) {
      for (const el of Array.from(doc.querySelectorAll(selector)).slice(0, PER_SELECTOR)) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) right = Math.max(right, r.right);
      }
    }
    return right;
  };
  // The platform's own markers first; the generic container only when none of them is on the page.
  let right = rightOf(selectors.slice(0, -1));
  if (right === -Infinity) right = rightOf(selectors.slice(-1));
  return right === -Infinity ? 0 : Math.max(0, view - right);
}
