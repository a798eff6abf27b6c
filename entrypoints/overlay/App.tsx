import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Overlay } from '@/components/Overlay';
import { analysisFor } from '@/lib/marketplace/card';
import type { Settings } from '@/lib/settings';
import type { HostMessage } from '@/lib/schema';
import type { VisitedRates } from '@/lib/store/video-visits';
import type { SnapshotPoint } from '@/lib/store/history';

/** The overlay page's view: the card for what the content script sent, collapsible. */
export function App({
  view,
  settings,
  visited,
  actions,
  footer,
  history,
  onClose,
}: {
  view: HostMessage;
  /** The tier scheme of the user's settings prices the card. */
  settings: Settings;
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
      analysis={analysisFor(snapshot, settings, Date.now() / 1000)}
      stalled={view.stalled}
      visited={visited}
      actions={actions}
      footer={footer}
      history={history}
      collapsed={collapsed}
      onToggle={() => setCollapsed(!collapsed)}
      onClose={onClose}
    />
  );
}
