/**
 * The lens on the page: a compact tab docked at the page's right edge, which opens into the full
 * card (the extension page in a frame, see ./frame-channel.ts) beside it.
 *
 * Threat and privacy (see README, "Security"): the tab lives in a *closed* shadow root, so page
 * scripts cannot reach it, and its text is drawn as generated content (CSS `content: attr()`),
 * which the page's text APIs (window.find, selections) do not see either: the tier and price it
 * shows follow the user's own tier scheme. Its size is fixed — the same whatever it says — and
 * where the page leaves no free margin at its edge it shrinks to a thin strip, from the page's
 * own layout alone. Its position and whether it is open are the user's choice, remembered per
 * platform.
 *
 * Beside the page: by default the tab sits in the page's margin and covers none of its content;
 * it can be dragged along the edge; the card opens on click, Enter or Space and closes on Esc.
 */
import type { TabModel } from '@/lib/lens/tab-model';

/** The tab's size (px); fixed so that nothing of what it says shows in its size. */
export const TAB_WIDTH = 46;
export const TAB_HEIGHT = 112;
/** Where the page leaves less free margin than this, the tab is a thin strip until hovered. */
const SLIM_WIDTH = 10;
const EDGE_GAP = 2;

const CSS = `:host{all:initial!important;display:contents!important}:host([hidden]){display:none!important}
.tab{all:initial;box-sizing:border-box;position:fixed;right:0;top:var(--top,30vh);z-index:2147483000;width:${TAB_WIDTH}px;height:${TAB_HEIGHT}px;
display:flex;flex-direction:column;align-items:center;justify-content:center;gap:3px;padding:5px 2px;cursor:pointer;user-select:none;touch-action:none;
font:11px/1.15 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg);
border:1px solid var(--line);border-right:0;border-radius:10px 0 0 10px;box-shadow:-2px 2px 10px rgba(0,0,0,.14);transition:width .12s ease}
.tab:focus-visible{outline:2px solid var(--brand);outline-offset:1px}
.tab.slim{width:${SLIM_WIDTH}px;padding:0;overflow:hidden}.tab.slim>*{visibility:hidden}
.tab.slim:hover,.tab.slim:focus-visible,.tab.slim.open{width:${TAB_WIDTH}px;padding:5px 2px}.tab.slim:hover>*,.tab.slim:focus-visible>*,.tab.slim.open>*{visibility:visible}
.tab.slim::after{content:'';position:absolute;inset:0 auto 0 0;width:4px;background:var(--v,var(--muted))}
.tab.slim:hover::after,.tab.slim:focus-visible::after,.tab.slim.open::after{display:none}
.logo{width:14px;height:14px;border-radius:4px;background:var(--brand);color:#fff;font-weight:700;font-size:9px;display:flex;align-items:center;justify-content:center}
.logo::before{content:'R'}
.fig,.lab,.ver,.tier,.price{max-width:${TAB_WIDTH - 4}px;overflow:hidden;white-space:nowrap;text-overflow:clip;text-align:center}
.fig{font-weight:700;font-size:12.5px;letter-spacing:-.2px}.lab{font-size:9px;color:var(--muted)}
.ver{font-size:9px;font-weight:600;padding:1px 3px;border-radius:4px;color:var(--v,var(--muted));background:var(--vbg,transparent)}
.tier{font-size:9.5px;font-weight:600;color:var(--brand)}.price{font-size:10px}
.fig::before,.lab::before,.ver::before,.tier::before,.price::before{content:attr(data-t)}
.tab[data-v=above]{--v:#0f7b45;--vbg:#e5f6ec}.tab[data-v=typical]{--v:#7a5b00;--vbg:#fdf3d8}.tab[data-v=below]{--v:#b42318;--vbg:#fde8e6}
.tab.dark[data-v=above]{--v:#6fdca0;--vbg:#12301f}.tab.dark[data-v=typical]{--v:#f2cf6b;--vbg:#332a10}.tab.dark[data-v=below]{--v:#ff9b8f;--vbg:#3a1512}
.tab{--ink:#14151a;--muted:#5d6270;--line:#e4e6ec;--bg:#fff;--brand:#5b3df5}
.tab.dark{--ink:#eef0f6;--muted:#a6abba;--line:#33363f;--bg:#1c1d22;--brand:#8f7bff;box-shadow:-2px 2px 10px rgba(0,0,0,.5)}
.tab.open{border-color:var(--brand)}`;

export interface DockState {
  /** Top of the tab, as a share of the window's height (0–1). */
  top: number;
  open: boolean;
}

export interface Dock {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  /** The tab's box on screen (for the card beside it). */
  tabRect(): DOMRect;
  show(model: TabModel): void;
  hide(): void;
  setOpen(open: boolean): void;
  setTheme(dark: boolean): void;
  /** Move the tab (a share of the window's height from the top). */
  moveTo(top: number): void;
  /** Recompute whether the page leaves room for the full tab. */
  fit(): void;
  remove(): void;
}

export interface DockOptions {
  state: DockState;
  /** The user asked to open or close the card (click, Enter, Space, Esc). */
  onToggle(open: boolean): void;
  /** The user moved the tab (remember it). */
  onMoved(top: number): void;
  /** The pointer is over the tab or it has focus: the user may be about to open the card. */
  onIntent(): void;
  /**
   * Measure the page's free margin at the right edge, px (platform-specific; see
   * lib/platforms/layout.ts), and call `done` with it once the browser has laid the page out;
   * returns a function that cancels the measure.
   */
  measureFreeMargin(done: (px: number) => void): () => void;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

export function createDock(options: DockOptions): Dock {
  const host = document.createElement('reloquence-lens');
  host.hidden = true;
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const tab = document.createElement('div');
  tab.className = 'tab';
  tab.setAttribute('role', 'button');
  tab.tabIndex = 0;
  tab.setAttribute('aria-expanded', 'false');
  tab.dataset.testid = 'lens-tab';
  const part = (cls: string) => {
    const el = document.createElement('span');
    el.className = cls;
    el.setAttribute('aria-hidden', 'true');
    tab.append(el);
    return el;
  };
  part('logo');
  const fig = part('fig');
  const lab = part('lab');
  const ver = part('ver');
  const tier = part('tier');
  const price = part('price');
  root.append(style, tab);
  document.documentElement.append(host);

  let top = clamp(options.state.top, 0, 1);
  let open = options.state.open;
  const place = () => {
    const max = Math.max(0, window.innerHeight - TAB_HEIGHT - EDGE_GAP);
    tab.style.setProperty('--top', `${Math.round(clamp(top * window.innerHeight, EDGE_GAP, max))}px`);
  };
  place();

  tab.addEventListener('pointerenter', () => options.onIntent());
  tab.addEventListener('focus', () => options.onIntent());

  // Drag along the edge; a press that does not move is a click.
  let drag: { startY: number; startTop: number; moved: boolean; id: number } | null = null;
  tab.addEventListener('pointerdown', (e) => {
    if (!e.isTrusted || e.button !== 0) return;
    drag = { startY: e.clientY, startTop: tab.getBoundingClientRect().top, moved: false, id: e.pointerId };
    tab.setPointerCapture(e.pointerId);
  });
  tab.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dy = e.clientY - drag.startY;
    if (!drag.moved && Math.abs(dy) < 5) return;
    drag.moved = true;
    top = clamp((drag.startTop + dy) / Math.max(1, window.innerHeight), 0, 1);
    place();
  });
  const endDrag = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const moved = drag.moved;
    drag = null;
    if (moved) options.onMoved(top);
    else if (e.type === 'pointerup' && e.isTrusted) options.onToggle(!open);
  };
  tab.addEventListener('pointerup', endDrag);
  tab.addEventListener('pointercancel', endDrag);
  tab.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      options.onToggle(!open);
    } else if (e.key === 'Escape' && open) {
      options.onToggle(false);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      top = clamp(top + (e.key === 'ArrowUp' ? -0.03 : 0.03), 0, 1);
      place();
      options.onMoved(top);
    }
  });

  let measuring: (() => void) | null = null;
  const fit = () => {
    measuring?.();
    measuring = options.measureFreeMargin((margin) => {
      measuring = null;
      tab.classList.toggle('slim', margin < TAB_WIDTH + EDGE_GAP);
      place();
    });
  };
  window.addEventListener('resize', fit, { passive: true });

  return {
    host,
    root,
    tabRect: () => tab.getBoundingClientRect(),
    show(model) {
      fig.dataset.t = model.figure;
      lab.dataset.t = model.label;
      ver.dataset.t = model.verdictWord === 'no verdict' ? '—' : model.verdictWord;
      tier.dataset.t = model.tier;
      price.dataset.t = model.price;
      if (model.verdict) tab.dataset.v = model.verdict;
      else delete tab.dataset.v;
      tab.setAttribute('aria-label', `${model.summary}. ${open ? 'Close' : 'Open'} the card.`);
      tab.title = 'Reloquence Lens — click to open the card; drag to move along the edge';
      if (host.hidden) {
        host.hidden = false;
        // Measured when the browser lays the page out anyway (measuring now, mid-parse, would
        // force a layout of its own); until then the tab is the thin strip.
        tab.classList.add('slim');
        fit();
      }
    },
    hide() {
      host.hidden = true;
    },
    setOpen(next) {
      open = next;
      tab.classList.toggle('open', open);
      tab.setAttribute('aria-expanded', String(open));
    },
    setTheme(dark) {
      tab.classList.toggle('dark', dark);
    },
    moveTo(next) {
      top = clamp(next, 0, 1);
      place();
    },
    fit,
    remove() {
      measuring?.();
      window.removeEventListener('resize', fit);
      host.remove();
    },
  };
}
