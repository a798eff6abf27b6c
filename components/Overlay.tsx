import type { Analysis } from '@/lib/metrics/analysis';
import { formatPercent } from '@/lib/metrics/format';
import type { Snapshot } from '@/lib/platforms/types';
import type { VisitedRates } from '@/lib/store/video-visits';
import type { ComponentChildren } from 'preact';
import type { SnapshotPoint } from '@/lib/store/history';
import { ProfileCard } from './ProfileCard';

export interface OverlayProps {
  snapshot: Snapshot;
  analysis: Analysis;
  stalled?: boolean;
  visited?: VisitedRates | null;
  actions?: ComponentChildren;
  history?: readonly SnapshotPoint[] | null;
  collapsed: boolean;
  onToggle(): void;
  onClose(): void;
}

/** The floating card on the platform's page: the profile card with collapse and close. */
export function Overlay({ snapshot, analysis, stalled, visited, actions, history, collapsed, onToggle, onClose }: OverlayProps) {
  const er = analysis.engagement.mean;
  return (
    <div class={`rl-root rl-overlay${collapsed ? ' rl-collapsed' : ''}`} data-testid="overlay" role="complementary" aria-label="Reloquence Lens">
      <div class="rl-bar">
        <span class="rl-logo" aria-hidden="true">
          R
        </span>
        <span class="rl-bar-title">
          <strong>Reloquence Lens</strong>
          {collapsed && snapshot.handle ? ` · @${snapshot.handle}${er !== null ? ` · ${formatPercent(er)} ER` : ''}` : ''}
        </span>
        <button
          type="button"
          class="rl-icon-btn"
          title={collapsed ? 'Show the numbers' : 'Collapse'}
          aria-label={collapsed ? 'Show the numbers' : 'Collapse'}
          aria-expanded={!collapsed}
          onClick={onToggle}
        >
          {collapsed ? '▾' : '▴'}
        </button>
        <button type="button" class="rl-icon-btn" title="Hide on this page" aria-label="Hide on this page" onClick={onClose}>
          ✕
        </button>
      </div>
      {!collapsed && <ProfileCard snapshot={snapshot} analysis={analysis} stalled={stalled} visited={visited} actions={actions} history={history} />}
    </div>
  );
}
