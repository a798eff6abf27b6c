import { useEffect, useRef } from 'preact/hooks';
import { GrowthChart } from '@/components/GrowthChart';
import { formatSignedPercent } from '@/components/Leaderboard';
import { formatCount, formatMoney, formatPercent } from '@/lib/metrics/format';
import { PLATFORM_LABELS } from '@/lib/platforms/types';
import { DAY, growth, suddenJumps, type Change, type SnapshotPoint, type SuddenJump } from '@/lib/store/history';
import type { ShortlistRow } from '@/lib/store/shortlist';
import { creatorLabel } from '@/lib/platforms/profile-url';

/** "followers jumped +35 % in 3 days while ER fell from 4.1 % to 1.2 %" */
export function jumpText(jump: SuddenJump): string {
  const days = Math.max(1, Math.round((jump.to.takenAt - jump.from.takenAt) / DAY));
  return `followers jumped ${formatSignedPercent(jump.followersChange, 0)} in ${days} ${days === 1 ? 'day' : 'days'} while ER fell from ${formatPercent(jump.from.er)} to ${formatPercent(jump.to.er)}`;
}

/** "+1,240 followers (+4.2 %)"; "—" when the history does not reach back that far. */
function changeText(change: Change | null): string {
  if (!change) return '— (not enough history yet)';
  const sign = change.followers > 0 ? '+' : change.followers < 0 ? '−' : '';
  const count = `${sign}${formatCount(Math.abs(change.followers))} followers`;
  return change.percent === null ? count : `${count} (${formatSignedPercent(change.percent)})`;
}

const DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export interface CreatorDetailsProps {
  row: ShortlistRow;
  /** The creator's growth history, oldest first; null while it is read. */
  history: SnapshotPoint[] | null;
  error: string | null;
  /** The settings' currency (guide prices recorded without one are in it). */
  currency: string;
  onClose: () => void;
}

/** One creator's growth: per week and month, follower jumps engagement did not follow, and the chart. */
export function CreatorDetails({ row, history, error, currency, onClose }: CreatorDetailsProps) {
  const { creator } = row;
  const close = useRef<HTMLButtonElement>(null);
  // Focus moves into the panel so keyboard users land where the content is; Escape closes it.
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const now = Math.floor(Date.now() / 1000);
  const g = history ? growth(history, now) : null;
  const jumps = history ? suddenJumps(history) : [];

  return (
    <aside class="rl-details" role="dialog" aria-labelledby="rl-details-title" data-testid="creator-details">
      <header class="rl-insight-head">
        <h2 id="rl-details-title">
          <a href={creator.profileUrl} target="_blank" rel="noopener noreferrer">
            <bdi>{creatorLabel(creator.platform, creator.handle, creator.displayName)}</bdi>
          </a>
        </h2>
        <button type="button" class="rl-btn" ref={close} onClick={onClose}>
          Close
        </button>
      </header>
      <p class="rl-muted">
        {PLATFORM_LABELS[creator.platform]}
        {creator.displayName ? (
          <>
            {' · '}
            <bdi>{creator.displayName}</bdi>
          </>
        ) : null}{' '}
        · {formatCount(creator.followers)} followers · ER {formatPercent(creator.er)} · guide price {formatMoney(creator.pricePoint, creator.currency ?? currency)}
        {row.entry.agreedPrice !== null && ` · agreed ${formatMoney(row.entry.agreedPrice, currency)}`}
      </p>
      {error ? (
        <p class="rl-notice rl-error" role="alert">
          {error}
        </p>
      ) : history === null ? (
        <p class="rl-muted">Reading the history…</p>
      ) : (
        <>
          <dl class="rl-growth-figures">
            <div>
              <dt>Growth per week</dt>
              <dd data-testid="growth-week">{changeText(g?.perWeek ?? null)}</dd>
            </div>
            <div>
              <dt>Growth per month</dt>
              <dd data-testid="growth-month">{changeText(g?.perMonth ?? null)}</dd>
            </div>
          </dl>
          {jumps.map((j) => (
            <p key={j.to.takenAt} class="rl-notice rl-warning" role="alert" data-testid="growth-jump">
              ⚠ {DATE.format(new Date(j.to.takenAt * 1000))}: {jumpText(j)}. New followers who do not engage can be bought or from a giveaway.
            </p>
          ))}
          <GrowthChart points={history} />
        </>
      )}
    </aside>
  );
}
