import type { ComponentChildren } from 'preact';
import { analyzeSnapshot } from '@/lib/metrics/analysis';
import type { LensState } from '@/lib/schema';
import type { VisitedRates } from '@/lib/store/video-visits';
import { Message, ProfileCard } from './ProfileCard';

export type PopupStatus =
  | { kind: 'loading' }
  | { kind: 'unsupported' }
  | { kind: 'not-profile' }
  | { kind: 'profile'; state: LensState; visited: VisitedRates | null };

/** The toolbar popup: the same profile card as the overlay, or a plain word on why there is none. */
export function PopupView({
  status,
  now,
  actions,
  onOpenShortlist,
}: {
  status: PopupStatus;
  now: number;
  /** What the user can do with the creator on screen (the Shortlist button). */
  actions?: ComponentChildren;
  onOpenShortlist(): void;
}) {
  return (
    <div class="rl-root" data-testid="popup">
      <div class="rl-popup-head">
        <span class="rl-logo" aria-hidden="true">
          R
        </span>
        <span class="rl-popup-title">Reloquence Lens</span>
        <button type="button" class="rl-btn" data-testid="open-shortlist" onClick={onOpenShortlist}>
          Shortlist ↗
        </button>
      </div>
      {status.kind === 'loading' && <Message title="Reading this tab…" />}
      {status.kind === 'unsupported' && (
        <Message title="Not a creator's page">
          Open a creator's profile or post on Instagram, YouTube, TikTok or X to see their engagement rate, tier and fair
          price. If the page was already open before you installed the extension, reload it.
        </Message>
      )}
      {status.kind === 'not-profile' && (
        <Message title="Not a profile or post page">
          This page is not a creator's profile or a single post. Open a profile or a post (a video on YouTube and TikTok)
          to see its numbers.
        </Message>
      )}
      {status.kind === 'profile' && status.state.snapshot && (
        <ProfileCard
          snapshot={status.state.snapshot}
          analysis={analyzeSnapshot(status.state.snapshot, { now })}
          visited={status.visited}
          actions={actions}
        />
      )}
    </div>
  );
}
