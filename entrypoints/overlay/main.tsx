import { render } from 'preact';
import '@/components/lens.css';
import './overlay.css';
import type { FrameMessage } from '@/lib/overlay-protocol';
import { HostMessageSchema, type ShowMessage } from '@/lib/overlay-host-message';
import { ShortlistButton, type ShortlistState } from '@/components/ShortlistButton';
import { showsVisited } from '@/components/ProfileCard';
import { VisitedRatesSchema, type VisitedRates } from '@/lib/store/video-visits';
import { sendMessage } from '@/utils/messaging';
import { addToShortlist, canShortlist, historyFor, shortlistStateOf } from '@/utils/shortlist-client';
import { guardClicks } from '@/utils/click-guard';
import { connectToHost } from '@/utils/overlay-channel';
import type { SnapshotPoint } from '@/lib/store/history';
import { App, type CardUi } from './App';
import type { MarketplacePart } from './marketplace';
import { configureZodForExtension } from '@/lib/zod-setup';

configureZodForExtension();

const root = document.getElementById('app')!;
/**
 * The same card drawn from the page's public numbers alone (no shortlist, history, opened
 * videos, settings or marketplace state), never shown. The frame takes *its* size, so the size
 * the page can measure says nothing about the user's data; the real card scrolls inside it on
 * the rare occasions it is taller.
 */
const twin = document.getElementById('twin')!;

let port: MessagePort | null = null;
function tellHost(message: FrameMessage): void {
  port?.postMessage(message);
}

interface Shown {
  view: ShowMessage;
  visited: VisitedRates | null;
  shortlist: ShortlistState | null;
  history: SnapshotPoint[] | null;
}

let shown: Shown | null = null;
/** The settings' tier scheme and the marketplace row, once loaded (the default scheme until then). */
let marketplace: MarketplacePart | null = null;
/** What the user opened or closed on the card: the same on the card and its twin. */
let ui: CardUi = { detailsOpen: false };
let refusedAt = 0;

const setUi = (change: Partial<CardUi>) => {
  ui = { ...ui, ...change };
  draw();
};

function draw(): void {
  if (!shown) return;
  const { view, visited, shortlist, history } = shown;
  const snapshot = view.snapshot;
  const actions = shortlist && <ShortlistButton state={shortlist} onAdd={() => add(view)} />;
  const Row = marketplace?.Row;
  const footer = shortlist && marketplace && Row && <Row snapshot={snapshot} settings={marketplace.settings} compact />;
  const notice =
    Date.now() - refusedAt < 6000
      ? 'Nothing was done: the card was covered or not fully in view when you clicked. Click again once it is.'
      : null;
  render(
    <App
      view={view}
      ui={ui}
      onUi={setUi}
      scheme={marketplace?.scheme}
      basis={marketplace?.settings.erBasis}
      competitors={marketplace?.settings.competitors}
      visited={visited}
      actions={actions}
      footer={footer}
      history={history}
      notice={notice}
      onClose={() => tellHost({ type: 'close', url: snapshot.url })}
    />,
    root,
  );
  const PublicRow = marketplace?.PublicRow;
  render(
    <App
      view={view}
      ui={ui}
      onUi={() => undefined}
      visited={null}
      actions={shortlist && <ShortlistButton state={{ kind: 'off' }} onAdd={() => undefined} />}
      footer={shortlist && PublicRow && <PublicRow snapshot={snapshot} />}
      history={null}
      notice={null}
      onClose={() => undefined}
    />,
    twin,
  );
  // Size first, so the frame never shows a clipped card.
  reportSize();
}

let lastSize = '';
function reportSize(): void {
  const width = twin.offsetWidth;
  const height = twin.offsetHeight;
  // A hidden frame lays nothing out: keep its last size (a zero size would keep it from ever
  // laying out again, as a browser leaves an empty frame unrendered).
  if (width === 0 || height === 0) return;
  const size = `${width}x${height}`;
  if (size === lastSize || !port) return;
  lastSize = size;
  tellHost({ type: 'size', width, height });
}

/** Apply a change to what is shown, if the view it was made for is still the one on screen. */
function update(view: ShowMessage, change: Partial<Omit<Shown, 'view'>>): void {
  if (shown?.view !== view) return;
  shown = { ...shown, ...change };
  draw();
}

function add(view: ShowMessage): void {
  update(view, { shortlist: { kind: 'saving' } });
  void addToShortlist(view.snapshot).then((shortlist) => update(view, { shortlist }));
}

const creatorOf = (v: ShowMessage | undefined) => (v?.snapshot.handle ? `${v.snapshot.platform}:${v.snapshot.handle.toLowerCase()}` : null);

function show(view: ShowMessage): void {
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
  // A channel page shows views only, a logged-out Instagram grid no counts: add the rates of the
  // videos or posts of this account the user has opened.
  if (showsVisited(snapshot)) {
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
}

// Nothing starts — no settings read, no view, no click handled — until the content script that
// created this frame has handed over its port.
connectToHost((hostPort) => {
  port = hostPort;
  const guard = guardClicks(root, {
    onRefused: () => {
      refusedAt = Date.now();
      draw();
      setTimeout(draw, 6100);
    },
    // Lets tests see when a click would act, without reaching into the guard.
    onChange: (armed) => (document.body.dataset.armed = String(armed)),
  });
  port.onmessage = (event) => {
    const parsed = HostMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'visibility') guard.report(message.visible);
    else show(message);
  };
  void import('./marketplace').then(({ startMarketplace }) =>
    startMarketplace((part) => {
      marketplace = part;
      draw();
    }),
  );
  new ResizeObserver(reportSize).observe(twin);
  // Esc closes the card (back to the tab), as it does from the page.
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && shown) tellHost({ type: 'close', url: shown.view.snapshot.url });
  });
  tellHost({ type: 'ready', needsVisibility: guard.needsReports });
});
