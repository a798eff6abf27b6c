import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Overlay } from '@/components/Overlay';
import { analyzeSnapshot } from '@/lib/metrics/analysis';
import type { HostMessage } from '@/lib/schema';
import type { VisitedRates } from '@/lib/store/video-visits';
import type { SnapshotPoint } from '@/lib/store/history';

/** The overlay page's view: the card for what the content script sent, collapsible. */
export function App({
  view,
  visited,
  actions,
  history,
  onClose,
}: {
  view: HostMessage;
  visited: VisitedRates | null;
  actions?: ComponentChildren;
  history?: SnapshotPoint[] | null;
  onClose(): void;
}) {
  const [collapsed, setCollapsed] = useState(false);
  const { snapshot } = view;
  return (
    <Overlay
      snapshot={snapshot}
      analysis={analyzeSnapshot(snapshot, { now: Date.now() / 1000 })}
      stalled={view.stalled}
      visited={visited}
      actions={actions}
      history={history}
      collapsed={collapsed}
      onToggle={() => setCollapsed(!collapsed)}
      onClose={onClose}
    />
  );
}
