import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, vi } from 'vitest';

/**
 * Components render with Preact into a linkedom document, set as the global `document` for each
 * test of the file that calls {@link useDom}; these helpers find, click and type in it.
 */
export interface Dom {
  root(): HTMLElement;
  mount(vnode: ComponentChild): Promise<void>;
  /** The element with this data-testid, or null. */
  q(id: string): HTMLElement | null;
  qa(id: string): HTMLElement[];
  event(type: string): Event;
  click(el: Element | null): Promise<void>;
  type(el: Element | null, value: string): Promise<void>;
  /** Choose an option (linkedom's select.value has no setter), fire change, let async handlers settle. */
  choose(el: Element | null, value: string): Promise<void>;
  /** The rendered text has no NaN, Infinity, undefined, null or [object …]. */
  expectClean(): void;
}

export function useDom(): Dom {
  let win: Window;
  let root: HTMLElement;
  beforeEach(() => {
    const parsed = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    const doc = parsed.document as unknown as Document;
    win = parsed.window as unknown as Window;
    vi.stubGlobal('document', doc);
    root = doc.getElementById('root') as HTMLElement;
  });
  afterEach(() => {
    render(null, root);
    vi.unstubAllGlobals();
  });
  const event = (type: string): Event => {
    const E = (win as unknown as { Event: typeof Event }).Event;
    return new E(type, { bubbles: true, cancelable: true });
  };
  return {
    root: () => root,
    mount: async (vnode) => {
      await act(() => {
        render(vnode, root);
      });
    },
    q: (id) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null,
    qa: (id) => Array.from(root.querySelectorAll(`[data-testid="${id}"]`)) as HTMLElement[],
    event,
    click: async (el) => {
      expect(el).not.toBeNull();
      await act(() => {
        el!.dispatchEvent(event('click'));
      });
    },
    type: async (el, value) => {
      expect(el).not.toBeNull();
      await act(() => {
        (el as HTMLInputElement).value = value;
        el!.dispatchEvent(event('input'));
      });
    },
    choose: async (el, value) => {
      expect(el).not.toBeNull();
      await act(async () => {
        for (const o of Array.from(el!.querySelectorAll('option'))) {
          if (o.getAttribute('value') === value) o.setAttribute('selected', '');
          else o.removeAttribute('selected');
        }
        expect((el as HTMLSelectElement).value).toBe(value);
        el!.dispatchEvent(event('change'));
        await Promise.resolve();
        await Promise.resolve();
      });
    },
    expectClean: () => {
      const t = root.textContent ?? '';
      expect(t.length).toBeGreaterThan(0);
      expect(t).not.toMatch(/NaN|Infinity|undefined|null|\[object/);
    },
  };
}
