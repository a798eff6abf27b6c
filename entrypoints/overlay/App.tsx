import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Overlay } from '@/components/Overlay';
import { analyzeSnapshot } from '@/lib/metrics/analysis';
import type { TierScheme } from '@/lib/metrics/tiers';
import type { Settings } from '@/lib/settings';
import type { HostMessage } from '@/lib/schema';
import type { VisitedRates } from '@/lib/store/video-visits';
import type { SnapshotPoint } from '@/lib/store/history';

/** The overlay page's view: the card for what the content script sent, collapsible. */
export function App({
  view,
  scheme,
  basis,
  visited,
  actions,
  footer,
  history,
  onClose,
}: {
  view: HostMessage;
  /** The tier scheme of the user's settings prices the card (the default scheme until read). */
  scheme?: TierScheme;
  /** The settings' default ER basis (the card's second rate). */
  basis?: Settings['erBasis'];
  visited: VisitedRates | null;
  actions?: ComponentChildren;
  footer?: ComponentChildren;
  history?: SnapshotPoint[] | null;
  onClose(): void;
}) {
  const [collapsed, setCollapsed] = useState(false);
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
      history={history}
      collapsed={collapsed}
      onToggle={() => setCollapsed(!collapsed)}
      onClose={onClose}
    />
  );
}
