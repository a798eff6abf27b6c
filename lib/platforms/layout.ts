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

/** The elements whose boxes say where the content is: the platform's own markers, else the generic container. */
export function contentElements(doc: Document, platform: Platform): Element[] {
  const selectors = CONTENT_SELECTORS[platform];
  // Each element once: two selectors may match the same one.
  const found = (list: readonly string[]) => [...new Set(list.flatMap((selector) => Array.from(doc.querySelectorAll(selector)).slice(0, PER_SELECTOR)))];
  const own = found(selectors.slice(0, -1));
  return own.length > 0 ? own : found(selectors.slice(-1));
}

type Box = Pick<DOMRectReadOnly, 'width' | 'height' | 'right'>;

/**
 * The width (px) between the right edge of the content (the boxes of {@link contentElements})
 * and the right edge of a window `view` px wide; 0 when the content reaches the edge or none of
 * it is laid out.
 */
export function freeMarginFrom(boxes: Iterable<Box>, view: number): number {
  let right = -Infinity;
  for (const r of boxes) if (r.width > 0 && r.height > 0) right = Math.max(right, r.right);
  return right === -Infinity ? 0 : Math.max(0, view - right);
}

/**
 * The free margin right of the content, measured without forcing a layout of the page: an
 * IntersectionObserver hands the boxes over once the browser has laid the page out anyway (a
 * `getBoundingClientRect` during the page's load would lay it out there and then, on the
 * page's time). `done` is called once; the returned function cancels.
 */
export function measureFreeMarginRight(doc: Document, platform: Platform, done: (px: number) => void): () => void {
  const elements = contentElements(doc, platform);
  const view = () => doc.documentElement.clientWidth || doc.defaultView?.innerWidth || 0;
  if (elements.length === 0 || typeof IntersectionObserver !== 'function') {
    done(elements.length === 0 ? 0 : freeMarginFrom(elements.map((e) => e.getBoundingClientRect()), view()));
    return () => {};
  }
  const boxes = new Map<Element, Box>();
  let width = 0;
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      boxes.set(e.target, e.boundingClientRect);
      // The viewport without its scroll bar, as the browser laid it out.
      if (e.rootBounds) width = e.rootBounds.width;
    }
    // The first callback reports every observed element.
    if (boxes.size < elements.length) return;
    observer.disconnect();
    done(freeMarginFrom(boxes.values(), width || doc.defaultView?.innerWidth || 0));
  });
  for (const el of elements) observer.observe(el);
  return () => observer.disconnect();
}
