import { formatPercent } from '@/lib/metrics/format';
import { ProfileCard, type ProfileCardProps } from './ProfileCard';

/** The card's own props, plus the frame around it. */
export interface OverlayProps extends ProfileCardProps {
  collapsed: boolean;
  onToggle(): void;
  onClose(): void;
  /** A short message over the card (e.g. a click that was refused), or null. */
  notice?: string | null;
}

/** The floating card on the platform's page: the profile card with collapse and close. */
export function Overlay({ collapsed, onToggle, onClose, notice = null, ...card }: OverlayProps) {
  const { snapshot, analysis } = card;
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
          data-harmless
          onClick={onToggle}
        >
          {collapsed ? '▾' : '▴'}
        </button>
        <button type="button" class="rl-icon-btn" title="Hide on this page" aria-label="Hide on this page" data-harmless onClick={onClose}>
          ✕
        </button>
      </div>
      {!collapsed && <ProfileCard {...card} />}
      {notice && (
        <p class="rl-notice" role="alert" data-testid="card-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
