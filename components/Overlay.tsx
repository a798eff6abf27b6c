import { ProfileCard, type ProfileCardProps } from './ProfileCard';

/** The card's own props, plus the frame around it. */
export interface OverlayProps extends ProfileCardProps {
  /** Close the card (back to the tab docked at the page's edge). */
  onClose(): void;
  /** A short message over the card (e.g. a click that was refused), or null. */
  notice?: string | null;
  /** Follow the page's dark theme. */
  dark?: boolean;
}

/** The card opened from the tab docked on the platform's page: the profile card with a close button. */
export function Overlay({ onClose, notice = null, dark = false, ...card }: OverlayProps) {
  return (
    <div class={`rl-root rl-overlay${dark ? ' rl-dark' : ''}`} data-testid="overlay" role="complementary" aria-label="Reloquence Lens">
      <div class="rl-bar">
        <span class="rl-logo" aria-hidden="true">
          R
        </span>
        <span class="rl-bar-title">
          <strong>Reloquence Lens</strong>
        </span>
        <button type="button" class="rl-icon-btn" title="Close (Esc)" aria-label="Close the card" data-harmless data-testid="card-close" onClick={onClose}>
          ✕
        </button>
      </div>
      <ProfileCard {...card} />
      {notice && (
        <p class="rl-notice" role="alert" data-testid="card-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
