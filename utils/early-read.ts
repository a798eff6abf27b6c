/**
 * Read the page as soon as its data script has been parsed, instead of waiting for
 * DOMContentLoaded: on the real pages half a second or more of the page's own scripts runs
 * between its data and that event.
 *
 * While the document is being parsed, a MutationObserver notes the inline scripts the parser
 * adds; once the parser has moved past one (a node follows it) and it is big enough to carry a
 * page's data, `onData` is called (at most once per task). The observer stops at
 * DOMContentLoaded, after which the content script reads the page as usual.
 */

/** Inline scripts shorter than this carry no page data worth reading early. */
const MIN_DATA_CHARS = 2000;

export function readWhenDataParsed(onData: () => void, signal: AbortSignal): void {
  if (document.readyState !== 'loading') return;
  let pending: HTMLScriptElement[] = [];
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (signal.aborted) return;
    const parsed = pending.filter((s) => s.nextSibling !== null || !s.isConnected);
    if (parsed.length === 0) return;
    pending = pending.filter((s) => s.nextSibling === null && s.isConnected);
    if (parsed.some((s) => s.isConnected && !s.src && (s.text.length >= MIN_DATA_CHARS || /json/i.test(s.type)))) onData();
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node instanceof HTMLScriptElement && !node.src) pending.push(node);
      }
    }
    if (pending.length > 0 && !scheduled) {
      scheduled = true;
      setTimeout(check, 0);
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const stop = () => observer.disconnect();
  document.addEventListener('DOMContentLoaded', stop, { once: true });
  signal.addEventListener('abort', stop, { once: true });
}
