import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { Overlay } from '@/components/Overlay';
import { analyzeSnapshot } from '@/lib/metrics/analysis';
import { FRAME_SOURCE, type FrameMessage } from '@/lib/overlay-protocol';
import { HostMessageSchema, type HostMessage } from '@/lib/schema';

/** Tell the content script of the page that frames us. The page's origin is not ours to know in
 * advance, and nothing private is in these messages (sizes, and that a view is on screen). */
type Outgoing = FrameMessage extends infer M ? (M extends FrameMessage ? Omit<M, 'source'> : never) : never;

function tellHost(message: Outgoing): void {
  window.parent.postMessage({ source: FRAME_SOURCE, ...message }, '*');
}

/**
 * The overlay page: it renders what the content script sends (validated), reports its size so
 * the frame fits the card, and says when a view is on screen.
 */
export function App() {
  const [view, setView] = useState<HostMessage | null>(null);
  const [collapsed, setCollapsed] = useState(false);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const parsed = HostMessageSchema.safeParse(event.data);
      if (parsed.success) setView(parsed.data);
    };
    window.addEventListener('message', onMessage);
    const root = document.getElementById('app')!;
    const observer = new ResizeObserver(() => {
      tellHost({ type: 'size', width: root.offsetWidth, height: root.offsetHeight });
    });
    observer.observe(root);
    tellHost({ type: 'ready' });
    return () => {
      window.removeEventListener('message', onMessage);
      observer.disconnect();
    };
  }, []);

  useLayoutEffect(() => {
    if (view) tellHost({ type: 'rendered', url: view.snapshot.url });
  }, [view]);

  if (!view) return null;
  const { snapshot } = view;
  return (
    <Overlay
      snapshot={snapshot}
      analysis={analyzeSnapshot(snapshot, { now: Date.now() / 1000 })}
      stalled={view.stalled}
      collapsed={collapsed}
      onToggle={() => setCollapsed(!collapsed)}
      onClose={() => tellHost({ type: 'close', url: snapshot.url })}
    />
  );
}
