import { useState } from 'preact/hooks';
import { feeDiscounts, INVITATION_STATUSES, INVITATION_STATUS_LABELS, type Invitation, type InvitationStatus } from '@/lib/marketplace/invites';
import { PLATFORM_LABELS } from '@/lib/platforms/types';
import './marketplace.css';
import { creatorLabel } from '@/lib/platforms/profile-url';

export interface InvitationsListProps {
  invitations: Invitation[];
  marketplaceName: string;
  /** Unix milliseconds. */
  now: number;
  /** Resolves to an error message, or null when saved. */
  onStatus(id: string, status: InvitationStatus): Promise<string | null>;
  onDelete?(id: string): void;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "just now", "5 minutes ago", "yesterday", "3 days ago", "2 weeks ago", "4 months ago", "2 years ago". */
export function relativeTime(then: number, now: number): string {
  if (typeof then !== 'number' || !Number.isFinite(then) || typeof now !== 'number' || !Number.isFinite(now)) return 'at an unknown time';
  const ago = now - then;
  // A clock set wrong can date an invitation ahead of now: it was sent just now as far as we know.
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${plural(Math.floor(ago / MINUTE), 'minute')} ago`;
  if (ago < DAY) return `${plural(Math.floor(ago / HOUR), 'hour')} ago`;
  const days = Math.floor(ago / DAY);
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${plural(Math.floor(days / 7), 'week')} ago`;
  if (days < 730) return `${plural(Math.floor(days / 30.4375), 'month')} ago`;
  return `${plural(Math.floor(days / 365.25), 'year')} ago`;
}

function exactDate(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return 'date unknown';
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : 'date unknown';
}

/** The popup's list of invitations, with the fee discounts they earned. */
export function InvitationsList({ invitations, marketplaceName, now, onStatus, onDelete }: InvitationsListProps) {
  const list = Array.isArray(invitations) ? invitations.filter((inv) => inv && typeof inv.id === 'string') : [];
  const name = typeof marketplaceName === 'string' && marketplaceName.trim() !== '' ? marketplaceName.trim() : 'the marketplace';
  const { earned, pending } = feeDiscounts(list);
  const sorted = [...list].sort((a, b) => (b.invitedAt ?? 0) - (a.invitedAt ?? 0));
  return (
    <div class="rl-inv" data-testid="invitations">
      <div class="rl-inv-summary">
        <p class="rl-inv-count" data-testid="fee-discounts">
          <strong>{plural(earned, 'fee discount')} earned</strong> · {pending} pending
        </p>
        <p class="rl-mk-note">
          Half off your transaction fees on <bdi>{name}</bdi> for each creator you invite who posts a listing.
        </p>
      </div>
      {sorted.length === 0 ? (
        <p class="rl-inv-empty" data-testid="invitations-empty">
          No invitations yet. Use “Invite” on a creator's card to send one.
        </p>
      ) : (
        <ul class="rl-inv-list">
          {sorted.map((inv) => (
            <InvitationRow key={inv.id} invitation={inv} now={now} onStatus={onStatus} onDelete={onDelete} />
          ))}
        </ul>
      )}
    </div>
  );
}

function isStatus(value: string): value is InvitationStatus {
  return (INVITATION_STATUSES as readonly string[]).includes(value);
}

function InvitationRow({
  invitation,
  now,
  onStatus,
  onDelete,
}: {
  invitation: Invitation;
  now: number;
  onStatus: InvitationsListProps['onStatus'];
  onDelete?: InvitationsListProps['onDelete'];
}) {
  const [saving, setSaving] = useState<InvitationStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handle = typeof invitation.handle === 'string' ? invitation.handle.replace(/^@+/, '') : '';
  const platform = PLATFORM_LABELS[invitation.platform] ?? 'Unknown platform';
  const campaign = typeof invitation.campaign === 'string' && invitation.campaign.trim() !== '' ? invitation.campaign.trim() : null;
  const current: InvitationStatus = isStatus(invitation.status) ? invitation.status : 'invited';

  const change = async (value: string) => {
    if (!isStatus(value) || value === current || saving) return;
    setSaving(value);
    setError(null);
    let problem: string | null;
    try {
      problem = await onStatus(invitation.id, value);
    } catch (err) {
      problem = `The status could not be saved${err instanceof Error && err.message ? `: ${err.message}` : '.'}`;
    }
    setSaving(null);
    setError(problem || null);
  };

  return (
    <li class="rl-inv-row" data-testid="invitation-row">
      <div class="rl-inv-who">
        <span class="rl-inv-handle">{handle ? <bdi>{creatorLabel(invitation.platform, handle)}</bdi> : 'Unknown account'}</span>
        <span class="rl-er-basis">
          {' '}
          · {platform}
          {campaign && (
            <>
              {' '}
              · <bdi>{campaign}</bdi>
            </>
          )}
        </span>
      </div>
      <div class="rl-inv-meta">
        <span class="rl-er-basis" title={exactDate(invitation.invitedAt)}>
          Invited {relativeTime(invitation.invitedAt, now)}
        </span>
        <select
          class="rl-mk-select rl-inv-select"
          aria-label={`Status of ${handle ? creatorLabel(invitation.platform, handle) : 'this invitation'}`}
          data-testid="invitation-status"
          value={saving ?? current}
          disabled={saving !== null}
          onChange={(e) => void change(e.currentTarget.value)}
        >
          {INVITATION_STATUSES.map((s) => (
            <option key={s} value={s} selected={s === (saving ?? current)}>
              {INVITATION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        {onDelete && (
          <button type="button" class="rl-mk-small-btn" data-testid="invitation-delete" onClick={() => onDelete(invitation.id)}>
            Remove
          </button>
        )}
      </div>
      {error && (
        <p class="rl-mk-status rl-error" role="alert" data-testid="invitation-error">
          {error}
        </p>
      )}
    </li>
  );
}
