import { render } from 'preact';
import '@/components/lens.css';
import './overlay.css';
import { FRAME_SOURCE, type FrameMessage } from '@/lib/overlay-protocol';
import { ShortlistButton, type ShortlistState } from '@/components/ShortlistButton';
import { HostMessageSchema, type HostMessage } from '@/lib/schema';
import { VisitedRatesSchema, type VisitedRates } from '@/lib/store/video-visits';
import { sendMessage } from '@/utils/messaging';
import { addToShortlist, canShortlist, historyFor, shortlistStateOf } from '@/utils/shortlist-client';
import type { SnapshotPoint } from '@/lib/store/history';
import { App } from './App';
import type { MarketplacePart } from './marketplace';
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
interface Shown {
  view: HostMessage;
  visited: VisitedRates | null;
  shortlist: ShortlistState | null;
  history: SnapshotPoint[] | null;
}

let shown: Shown | null = null;
/** The settings' tier scheme and the marketplace row, once loaded (the default scheme until then). */
let marketplace: MarketplacePart | null = null;

function draw(): void {
  if (!shown) return;
  const { view, visited, shortlist, history } = shown;
  const actions = shortlist && <ShortlistButton state={shortlist} onAdd={() => add(view)} />;
  const Row = marketplace?.Row;
  const footer = shortlist && marketplace && Row && <Row snapshot={view.snapshot} settings={marketplace.settings} compact />;
  render(
    <App
      view={view}
      scheme={marketplace?.scheme}
      basis={marketplace?.settings.erBasis}
      visited={visited}
      actions={actions}
      footer={footer}
      history={history}
      onClose={() => tellHost({ type: 'close', url: view.snapshot.url })}
    />,
    root,
  );
  // Size first, so the frame never shows a clipped card.
  reportSize();
}

/** Apply a change to what is shown, if the view it was made for is still the one on screen. */
function update(view: HostMessage, change: Partial<Omit<Shown, 'view'>>): void {
  if (shown?.view !== view) return;
  shown = { ...shown, ...change };
  draw();
}

function add(view: HostMessage): void {
  update(view, { shortlist: { kind: 'saving' } });
  void addToShortlist(view.snapshot).then((shortlist) => update(view, { shortlist }));
}

const creatorOf = (v: HostMessage | undefined) => (v?.snapshot.handle ? `${v.snapshot.platform}:${v.snapshot.handle.toLowerCase()}` : null);

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  const parsed = HostMessageSchema.safeParse(event.data);
  if (!parsed.success) return;
  const view = parsed.data;
  const snapshot = view.snapshot;
  const sameCreator = creatorOf(shown?.view) !== null && creatorOf(shown?.view) === creatorOf(view);
  const shortlist = !canShortlist(snapshot) ? null : sameCreator && shown?.shortlist ? shown.shortlist : { kind: 'checking' as const };
  shown = {
    view,
    visited: sameCreator ? (shown?.visited ?? null) : null,
    shortlist,
    history: sameCreator ? (shown?.history ?? null) : null,
  };
  draw();
  tellHost({ type: 'rendered', url: snapshot.url });
  if (shortlist?.kind === 'checking') void shortlistStateOf(snapshot).then((state) => update(view, { shortlist: state }));
  if (!sameCreator && canShortlist(snapshot)) void historyFor(snapshot).then((points) => update(view, { history: points }));
  // A channel page shows views only: add the rates of its videos the user has opened.
  if (snapshot.platform === 'youtube' && snapshot.kind === 'profile') {
    sendMessage('visitedRates', snapshot).then(
      (answer) => {
        const visited = VisitedRatesSchema.safeParse(answer);
        if (visited.success && visited.data) update(view, { visited: visited.data });
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

void import('./marketplace').then(({ startMarketplace }) =>
  startMarketplace((part) => {
    marketplace = part;
    draw();
  }),
);

new ResizeObserver(reportSize).observe(root);
tellHost({ type: 'ready' });
