import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentElements, freeMarginFrom, measureFreeMarginRight } from '../../../lib/platforms/layout';

const box = (right: number, width = 100, height = 100) => ({ right, width, height });

describe('the free margin beside the platform content', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the room right of the rightmost laid-out box, 0 when the content reaches the edge or none is laid out', () => {
    expect(freeMarginFrom([box(700), box(935)], 1280)).toBe(345);
    expect(freeMarginFrom([box(1300)], 1280)).toBe(0);
    // Boxes of no size (hidden) do not count; nothing laid out: no margin known, 0.
    expect(freeMarginFrom([box(100, 0, 0)], 1280)).toBe(0);
    expect(freeMarginFrom([], 1280)).toBe(0);
  });

  it("takes the platform's own markers, each element once, and the generic container only when none is there", () => {
    // The last link matches both the post and the reel selector: it is measured once.
    const { document } = parseHTML('<main><header></header><article><a href="/p/x/"></a><a href="/reel/y/"></a><a href="/p/z/reel/"></a></article></main>');
    const found = contentElements(document as unknown as Document, 'instagram');
    expect(found.map((e) => e.localName).sort()).toEqual(['a', 'a', 'a', 'article', 'header']);
    expect(new Set(found).size).toBe(found.length);
    const bare = parseHTML('<main><div></div></main>').document as unknown as Document;
    expect(contentElements(bare, 'instagram').map((e) => e.localName)).toEqual(['main']);
  });

  it('measures from the boxes an IntersectionObserver hands over, once, without asking the page for a layout', () => {
    const { document } = parseHTML('<main><header></header><section></section></main>');
    const doc = document as unknown as Document;
    const rects = new Map<Element, ReturnType<typeof box>>();
    for (const el of contentElements(doc, 'instagram')) {
      rects.set(el, box(el.localName === 'header' ? 900 : 1000));
      // A forced layout would be a getBoundingClientRect call: none may happen.
      (el as unknown as { getBoundingClientRect: () => never }).getBoundingClientRect = () => {
        throw new Error('layout forced');
      };
    }
    let callback: ((entries: unknown[]) => void) | null = null;
    const observed: Element[] = [];
    const disconnect = vi.fn();
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: (entries: unknown[]) => void) {
          callback = cb;
        }
        observe(el: Element) {
          observed.push(el);
        }
        disconnect = disconnect;
      },
    );
    const done = vi.fn();
    measureFreeMarginRight(doc, 'instagram', done);
    expect(done).not.toHaveBeenCalled();
    callback!(observed.map((target) => ({ target, boundingClientRect: rects.get(target), rootBounds: { width: 1265 } })));
    expect(done).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledWith(265);
    expect(disconnect).toHaveBeenCalled();
  });
});
