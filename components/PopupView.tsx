import type { ComponentChildren } from 'preact';
import { analyzeSnapshot } from '@/lib/metrics/analysis';
import type { LensState } from '@/lib/schema';
import type { TierScheme } from '@/lib/metrics/tiers';
import type { VisitedRates } from '@/lib/store/video-visits';
import type { SnapshotPoint } from '@/lib/store/history';
import { Message, ProfileCard, type ProfileCardProps } from './ProfileCard';

export type PopupStatus =
  | { kind: 'loading' }
  | { kind: 'unsupported' }
  | { kind: 'not-profile' }
  | { kind: 'profile'; state: LensState; visited: VisitedRates | null; history: SnapshotPoint[] | null };

export type PopupTab = 'page' | 'me' | 'shortlist' | 'invites';

/**
 * Which tab the popup opens on: another creator on screen → that creator's card; else the
 * user's own My tier when they have said which profile is theirs; else the shortlist (if it has
 * anyone on it).
 */
export function initialTab(status: PopupStatus, shortlistSize: number, mine: { onScreen: boolean; set: boolean } = { onScreen: false, set: false }): PopupTab {
  const creatorOnScreen = status.kind === 'profile' && !!status.state.snapshot;
  if (mine.set && (mine.onScreen || !creatorOnScreen)) return 'me';
  if (creatorOnScreen) return 'page';
  return shortlistSize > 0 ? 'shortlist' : 'page';
}

/**
 * The toolbar popup, in two tabs: "This page" (the same profile card as the overlay, or a plain
 * word on why there is none) and "Shortlist" (the brand's list, given as `shortlist`).
 */
export function PopupView({
  status,
  now,
  actions,
  footer,
  tab,
  onTab,
  shortlistSize,
  shortlist,
  scheme,
  basis,
  competitors,
  myTier,
  invites,
  invitesCount = null,
  onOpenSettings,
}: {
  status: PopupStatus;
  now: number;
  /** What the user can do with the creator on screen (the Shortlist button). */
  actions?: ComponentChildren;
  /** Under the numbers: the marketplace row. */
  footer?: ComponentChildren;
  tab: PopupTab;
  onTab(tab: PopupTab): void;
  /** Entries on the shortlist; null while unknown. */
  shortlistSize: number | null;
  shortlist: ComponentChildren;
  /** The tier scheme the card prices with (the settings'); the default scheme when absent. */
  scheme?: TierScheme;
  /** The settings' default ER basis (the card's second rate). */
  basis?: ProfileCardProps['basis'];
  /** The brand's competitors (settings): the card flags a creator who worked with one. */
  competitors?: readonly string[];
  /** The user's own view; absent: no profile marked "This is me", and no tab for it. */
  myTier?: ComponentChildren;
  /** The invitations view, and how many there are (null while unknown). */
  invites?: ComponentChildren;
  invitesCount?: number | null;
  /** Opens the options page (marketplace, referral code, tiers). */
  onOpenSettings?(): void;
}) {
  return (
    <div class="rl-root" data-testid="popup">
      <div class="rl-popup-head">
        <span class="rl-logo" aria-hidden="true">
          R
        </span>
        <span class="rl-popup-title">Reloquence Lens</span>
        {onOpenSettings && (
          <button type="button" class="rl-popup-settings" data-testid="open-settings" onClick={() => onOpenSettings()}>
            Settings
          </button>
        )}
      </div>
      <div class="rl-tabs" role="tablist">
        <TabButton id="page" current={tab} onTab={onTab}>
          This page
        </TabButton>
        {myTier && (
          <TabButton id="me" current={tab} onTab={onTab}>
            My tier
          </TabButton>
        )}
        <TabButton id="shortlist" current={tab} onTab={onTab}>
          Shortlist{shortlistSize === null ? '' : ` (${shortlistSize})`}
        </TabButton>
        {invites && (
          <TabButton id="invites" current={tab} onTab={onTab}>
            Invites{invitesCount === null ? '' : ` (${invitesCount})`}
          </TabButton>
        )}
      </div>
      {tab === 'shortlist' ? (
        <div role="tabpanel" id="rl-panel-shortlist" aria-labelledby="rl-tab-shortlist">
          {shortlist}
        </div>
      ) : tab === 'me' && myTier ? (
        <div role="tabpanel" id="rl-panel-me" aria-labelledby="rl-tab-me">
          {myTier}
        </div>
      ) : tab === 'invites' && invites ? (
        <div role="tabpanel" id="rl-panel-invites" aria-labelledby="rl-tab-invites">
          {invites}
        </div>
      ) : (
        <div role="tabpanel" id="rl-panel-page" aria-labelledby="rl-tab-page">
          <PageStatus status={status} now={now} actions={actions} footer={footer} scheme={scheme} basis={basis} competitors={competitors} />
        </div>
      )}
    </div>
  );
}

function TabButton({ id, current, onTab, children }: { id: PopupTab; current: PopupTab; onTab(tab: PopupTab): void; children: ComponentChildren }) {
  const selected = id === current;
  return (
    <button
      type="button"
      role="tab"
      id={`rl-tab-${id}`}
      class={selected ? 'rl-tab rl-tab-on' : 'rl-tab'}
      aria-selected={selected}
      aria-controls={`rl-panel-${id}`}
      onClick={() => onTab(id)}
      data-testid={`tab-${id}`}
    >
      {children}
    </button>
  );
}

/** "This page": the card of the creator on screen, or why there is none. */
function PageStatus({
  status,
  now,
  actions,
  footer,
  scheme,
  basis,
  competitors,
}: {
  status: PopupStatus;
  now: number;
  actions?: ComponentChildren;
  footer?: ComponentChildren;
  scheme?: TierScheme;
  competitors?: readonly string[];
  basis?: ProfileCardProps['basis'];
}) {
  return (
    <>
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
          analysis={analyzeSnapshot(status.state.snapshot, { now, ...(scheme ? { scheme } : {}) })}
          visited={status.visited}
          actions={actions}
          footer={footer}
          basis={basis}
          history={status.history}
          competitors={competitors}
        />
      )}
    </>
  );
}
