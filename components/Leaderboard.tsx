import { useMemo, useState } from 'preact/hooks';
import { formatCost, formatPercent } from '@/lib/metrics/format';
import { PLATFORM_LABELS } from '@/lib/platforms/types';
import { leaderboard, plannedCost, type LeaderboardMetric } from '@/lib/store/campaign-stats';
import { guideCurrency } from '@/lib/store/compare';
import type { ShortlistRow } from '@/lib/store/shortlist';
import { creatorLabel } from '@/lib/platforms/profile-url';

/** "+2.5 %" / "-1.0 %": growth reads better with its sign. */
export function formatSignedPercent(n: number | null, digits = 1): string {
  if (n === null || !Number.isFinite(n)) return '—';
  const text = formatPercent(n, digits);
  return n > 0 && !text.startsWith('0.0') ? `+${text}` : text;
}

interface MetricInfo {
  label: string;
  /** What the figure is and which way is better, under the table. */
  explain: string;
  /** Why a creator has no value. */
  unknown: string;
  format: (value: number, row: ShortlistRow, currency: string) => string;
  /** Where a creator's figure came from, beside it; null for nothing to add. */
  note?: (row: ShortlistRow) => string | null;
}

const METRICS: Record<LeaderboardMetric, MetricInfo> = {
  er: {
    label: 'Engagement rate',
    explain: 'Engagement per follower on recent posts; higher is better.',
    unknown: 'Unknown: rate not read',
    format: (v) => formatPercent(v),
  },
  growth: {
    label: 'Growth (followers per month)',
    explain: 'Followers gained per month, from the profile visits of the last month or more; higher is better.',
    unknown: 'Unknown: less than a month of history',
    format: (v) => formatSignedPercent(v),
  },
  cpe: {
    label: 'Cost per engagement',
    explain: 'Agreed price (else the guide price) ÷ expected engagements per post (followers × ER); lower is better. The same figure as in Compare.',
    unknown: 'Unknown: no price, followers or rate',
    format: (v, row, currency) => formatCost(v, plannedCost(row).price?.source === 'agreed' ? currency : guideCurrency(row, { currency })),
    note: (row) => (plannedCost(row).price?.source === 'agreed' ? 'agreed price' : 'guide price'),
  },
};

export interface LeaderboardProps {
  rows: readonly ShortlistRow[];
  /** Followers % per month by creator key; null while the histories are still being read. */
  growthByCreator: ReadonlyMap<string, number | null> | null;
  /** The settings' currency (agreed prices are in it). */
  currency: string;
  /** Show each row's campaign (the view of all campaigns, where a creator can be on several). */
  showCampaign?: boolean;
}

/** A campaign's creators (or every campaign's) ranked on one metric, best first, unknown values last. */
export function Leaderboard({ rows, growthByCreator, currency, showCampaign = false }: LeaderboardProps) {
  const [metric, setMetric] = useState<LeaderboardMetric>('er');
  const info = METRICS[metric];
  const ranked = useMemo(() => leaderboard(rows, metric, growthByCreator ?? new Map()), [rows, metric, growthByCreator]);
  const loading = metric === 'growth' && growthByCreator === null;

  return (
    <section class="rl-insight" aria-labelledby="rl-leaderboard-title" data-testid="leaderboard">
      <header class="rl-insight-head">
        <h2 id="rl-leaderboard-title">Leaderboard</h2>
        <label>
          Rank by{' '}
          <select value={metric} onChange={(e) => setMetric(e.currentTarget.value as LeaderboardMetric)} data-testid="leaderboard-metric">
            {(Object.keys(METRICS) as LeaderboardMetric[]).map((m) => (
              <option key={m} value={m}>
                {METRICS[m].label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <p class="rl-muted">{info.explain}</p>
      {rows.length === 0 ? (
        <p class="rl-empty">No creators here yet.</p>
      ) : loading ? (
        <p class="rl-muted">Reading the growth history…</p>
      ) : (
        <table class="rl-table rl-rank-table">
          <thead>
            <tr>
              <th class="rl-c-rank">Rank</th>
              <th>Creator</th>
              <th>Platform</th>
              {showCampaign && <th>Campaign</th>}
              <th class="rl-c-num">{info.label}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map(({ row, rank, value }) => (
              <tr key={`${row.entry.campaignId}/${row.creator.platform}/${row.creator.handleKey}`} data-testid="leaderboard-row" data-handle={row.creator.handleKey}>
                <td class="rl-c-rank" data-testid="leaderboard-rank">
                  {rank === null ? '—' : `#${rank}`}
                </td>
                <td>
                  <a href={row.creator.profileUrl} target="_blank" rel="noopener noreferrer">
                    <bdi>{creatorLabel(row.creator.platform, row.creator.handle, row.creator.displayName)}</bdi>
                  </a>
                  {row.creator.displayName && (
                    <span class="rl-muted">
                      {' '}
                      <bdi>{row.creator.displayName}</bdi>
                    </span>
                  )}
                </td>
                <td>{PLATFORM_LABELS[row.creator.platform]}</td>
                {showCampaign && (
                  <td>
                    <bdi>{row.campaignName}</bdi>
                  </td>
                )}
                <td class={value === null ? 'rl-c-num rl-muted' : 'rl-c-num'}>
                  <span data-testid="leaderboard-value">{value === null ? info.unknown : info.format(value, row, currency)}</span>
                  {value !== null && info.note?.(row) && <span class="rl-value-note"> · {info.note(row)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
