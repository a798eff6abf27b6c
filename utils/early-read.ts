/**
 * Read the page as soon as its data script has been parsed, instead of waiting for
 * DOMContentLoaded: on the real pages half a second or more of the page's own scripts runs
 * between its data and that event.
 *
 * Two watchers, both cheap, run while the document is parsed:
 * - a MutationObserver on the direct children of <head> and <body> (where the platforms put
 *   their data scripts). Its callback runs at the first microtask checkpoint after the parser
 *   added a script — for a script the page runs, right after it has run, before the page's next
 *   script: the data is read before the page goes on. It does not watch the whole subtree: that
 *   builds a record for every node the parser adds (31 ms on a heavy page);
 * - a look at `document.scripts` (a live list) every few dozen milliseconds, for scripts nested
 *   deeper and for scripts the page does not run (JSON), which no checkpoint follows.
 * A script counts once it is big enough to carry a page's data; a script still being filled in
 * simply reads as no data yet, and is looked at again. Both stop at DOMContentLoaded, after
 * which the content script reads the page as usual.
 */

/** Inline scripts shorter than this carry no page data worth reading early. */
const MIN_DATA_CHARS = 2000;
/** How often the scripts are looked at while the document is parsed (ms). */
const EVERY_MS = 40;

export function readWhenDataParsed(onData: () => void, signal: AbortSignal): void {
  if (document.readyState !== 'loading') return;
  const scripts = document.scripts;
  let seen = 0;
  /** Data-sized scripts whose text may still grow (no node after them yet), with the length read. */
  let open: Array<{ script: HTMLScriptElement; length: number }> = [];

  const look = () => {
    if (signal.aborted) return;
    let data = false;
    for (; seen < scripts.length; seen++) {
      const s = scripts[seen];
      if (!s || s.src) continue;
      const length = s.text.length;
      if (length >= MIN_DATA_CHARS || /json/i.test(s.type)) {
        data = true;
        if (s.nextSibling === null) open.push({ script: s, length });
      }
    }
    // A script read while the parser was still filling it in is read again once it grew.
    const still: typeof open = [];
    for (const o of open) {
      const length = o.script.text.length;
      if (length !== o.length) data = true;
      if (o.script.nextSibling === null && o.script.isConnected) still.push({ script: o.script, length });
    }
    open = still;
    if (data) onData();
  };

  const observer = new MutationObserver((records) => {
    let script = false;
    for (const record of records) {
      const added = record.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i]!;
        if (node.nodeName === 'SCRIPT') script = true;
        else if (node === document.head || node === document.body) observer.observe(node, { childList: true });
      }
    }
    if (script) look();
  });
  observer.observe(document.documentElement, { childList: true });
  if (document.head) observer.observe(document.head, { childList: true });
  if (document.body) observer.observe(document.body, { childList: true });
  const timer = setInterval(look, EVERY_MS);
  const stop = () => {
    clearInterval(timer);
    observer.disconnect();
  };
  document.addEventListener('DOMContentLoaded', stop, { once: true });
  signal.addEventListener('abort', stop, { once: true });
}
