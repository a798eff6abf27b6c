/**
 * Read the page as soon as its data script has been parsed, instead of waiting for
 * DOMContentLoaded: on the real pages half a second or more of the page's own scripts runs
 * between its data and that event.
 *
 * While the document is being parsed, the inline scripts the parser has added are looked at
 * every few milliseconds (`document.scripts` is a live list: a new one costs a length check to
 * notice); once the parser has moved past one (a node follows it) and it is big enough to carry
 * a page's data, `onData` is called. A MutationObserver would see the same, but it builds a
 * record for every node the parser adds, which on a large page costs tens of milliseconds.
 * Looking stops at DOMContentLoaded, after which the content script reads the page as usual.
 */

/** Inline scripts shorter than this carry no page data worth reading early. */
const MIN_DATA_CHARS = 2000;
/** How often the scripts are looked at while the document is parsed (ms). */
const EVERY_MS = 8;

export function readWhenDataParsed(onData: () => void, signal: AbortSignal): void {
  if (document.readyState !== 'loading') return;
  const scripts = document.scripts;
  let seen = 0;
  let pending: HTMLScriptElement[] = [];
  const look = () => {
    if (signal.aborted) return;
    for (; seen < scripts.length; seen++) {
      const s = scripts[seen];
      if (s && !s.src) pending.push(s);
    }
    if (pending.length === 0) return;
    let data = false;
    const open: HTMLScriptElement[] = [];
    for (const s of pending) {
      if (s.nextSibling === null && s.isConnected) open.push(s);
      else if (s.isConnected && (s.text.length >= MIN_DATA_CHARS || /json/i.test(s.type))) data = true;
    }
    pending = open;
    if (data) onData();
  };
  const timer = setInterval(look, EVERY_MS);
  const stop = () => clearInterval(timer);
  document.addEventListener('DOMContentLoaded', stop, { once: true });
  signal.addEventListener('abort', stop, { once: true });
}
