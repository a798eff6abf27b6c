import { render } from 'preact';
import '@/components/lens.css';
import './overlay.css';
import { FRAME_SOURCE, type FrameMessage } from '@/lib/overlay-protocol';
import { HostMessageSchema } from '@/lib/schema';
import { App } from './App';

type Outgoing = FrameMessage extends infer M ? (M extends FrameMessage ? Omit<M, 'source'> : never) : never;

/**
 * Tell the content script of the page that frames us. The page's origin is not ours to know in
 * advance, and nothing private is in these messages (sizes, and that a view is on screen).
 */
function tellHost(message: Outgoing): void {
  window.parent.postMessage({ source: FRAME_SOURCE, ...message }, '*');
}

const root = document.getElementById('app')!;

// Listening starts before anything renders, and the view is rendered the moment it arrives:
// no effect or animation frame stands between the page's data and the card (the frame may be
// hidden, and hidden frames get no animation frames).
window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  const parsed = HostMessageSchema.safeParse(event.data);
  if (!parsed.success) return;
  const view = parsed.data;
  render(<App view={view} onClose={() => tellHost({ type: 'close', url: view.snapshot.url })} />, root);
  // Size first, so the frame never shows a clipped card.
  reportSize();
  tellHost({ type: 'rendered', url: view.snapshot.url });
});

function reportSize(): void {
  tellHost({ type: 'size', width: root.offsetWidth, height: root.offsetHeight });
}

new ResizeObserver(reportSize).observe(root);
tellHost({ type: 'ready' });
