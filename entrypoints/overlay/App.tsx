import type { ComponentChildren } from 'preact';
import { Overlay } from '@/components/Overlay';
import { analyzeSnapshot } from '@/lib/metrics/analysis';
import type { TierScheme } from '@/lib/metrics/tiers';
import type { Settings } from '@/lib/settings';
import type { ShowMessage } from '@/lib/overlay-protocol';
import type { VisitedRates } from '@/lib/store/video-visits';
import type { SnapshotPoint } from '@/lib/store/history';

/** What the user opened or closed on the card (kept by the caller, so the card's twin follows it). */
export interface CardUi {
  detailsOpen: boolean;
}

/** The overlay page's view: the card for what the content script sent. */
export function App({
  view,
  ui,
  onUi,
  scheme,
  basis,
  competitors,
  visited,
  actions,
  footer,
  history,
  notice,
  onClose,
}: {
  view: ShowMessage;
  ui: CardUi;
  onUi(change: Partial<CardUi>): void;
  /** The tier scheme of the user's settings prices the card (the default scheme until read). */
  scheme?: TierScheme;
  /** The settings' default ER basis (the card's second rate). */
  basis?: Settings['erBasis'];
  /** The brand's competitors (settings). */
  competitors?: readonly string[];
  visited: VisitedRates | null;
  actions?: ComponentChildren;
  footer?: ComponentChildren;
  history?: SnapshotPoint[] | null;
  /** A short message over the card (a click that was refused). */
  notice?: string | null;
  onClose(): void;
}) {
  const { snapshot } = view;
  return (
    <Overlay
      snapshot={snapshot}
      analysis={analyzeSnapshot(snapshot, { now: Date.now() / 1000, ...(scheme ? { scheme } : {}) })}
      stalled={view.stalled}
      visited={visited}
      actions={actions}
      footer={footer}
      basis={basis}
      competitors={competitors}
      history={history}
      dark={view.dark === true}
      detailsOpen={ui.detailsOpen}
      onDetailsToggle={(open) => onUi({ detailsOpen: open })}
      notice={notice}
      onClose={onClose}
    />
  );
}
