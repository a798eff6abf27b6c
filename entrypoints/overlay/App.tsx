import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Overlay } from '@/components/Overlay';
import { analyzeSnapshot } from '@/lib/metrics/analysis';
import type { HostMessage } from '@/lib/schema';
import type { VisitedRates } from '@/lib/store/video-visits';

/** The overlay page's view: the card for what the content script sent, collapsible. */
export function App({
  view,
  visited,
  actions,
  onClose,
}: {
  view: HostMessage;
  visited: VisitedRates | null;
  actions?: ComponentChildren;
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
      collapsed={collapsed}
      onToggle={() => setCollapsed(!collapsed)}
      onClose={onClose}
    />
  );
}
