import { render } from 'preact';
import '@/components/lens.css';
import './overlay.css';
import { FRAME_SOURCE, type FrameMessage } from '@/lib/overlay-protocol';
import { HostMessageSchema, type HostMessage } from '@/lib/schema';
import { VisitedRatesSchema, type VisitedRates } from '@/lib/store/video-visits';
import { sendMessage } from '@/utils/messaging';
import { App } from './App';
import { configureZodForExtension } from '@/lib/zod-setup';

type Outgoing = FrameMessage extends infer M ? (M extends FrameMessage ? Omit<M, 'source'> : never) : never;

/**
 * Tell the content script of the page that frames us. The page's origin is not ours to know in
 * advance, and nothing private is in these messages (sizes, and that a view is on screen).
 */
function tellHost(message: Outgoing): void {
  window.parent.postMessage({ source: FRAME_SOURCE, ...message }, '*');
}

configureZodForExtension();

const root = document.getElementById('app')!;

// Listening starts before anything renders, and the view is rendered the moment it arrives:
// no effect or animation frame stands between the page's data and the card (the frame may be
// hidden, and hidden frames get no animation frames).
let current: HostMessage | null = null;

function show(view: HostMessage, visited: VisitedRates | null): void {
  render(<App view={view} visited={visited} onClose={() => tellHost({ type: 'close', url: view.snapshot.url })} />, root);
  // Size first, so the frame never shows a clipped card.
  reportSize();
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  const parsed = HostMessageSchema.safeParse(event.data);
  if (!parsed.success) return;
  const view = parsed.data;
  current = view;
  show(view, null);
  tellHost({ type: 'rendered', url: view.snapshot.url });
  // A channel page shows views only: add the rates of its videos the user has opened.
  if (view.snapshot.platform === 'youtube' && view.snapshot.kind === 'profile') {
    sendMessage('visitedRates', view.snapshot).then(
      (answer) => {
        const visited = VisitedRatesSchema.safeParse(answer);
        if (visited.success && visited.data && current === view) show(view, visited.data);
      },
      () => {
        // No background answering (the extension is reloading): the card stays as it is.
      },
    );
  }
});

function reportSize(): void {
  tellHost({ type: 'size', width: root.offsetWidth, height: root.offsetHeight });
}

new ResizeObserver(reportSize).observe(root);
tellHost({ type: 'ready' });
