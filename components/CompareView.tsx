import type { ComponentChildren } from 'preact';
import { formatCost, formatCount, formatMoney, formatPercent, formatRange } from '@/lib/metrics/format';
import { costPerEngagement } from '@/lib/store/campaign-stats';
import { SIZE_CLASS_LABELS } from '@/lib/metrics/tiers';
import { PLATFORM_LABELS } from '@/lib/platforms/types';
import { ENTRY_STATUS_LABELS, type CreatorRecord, type ShortlistRow } from '@/lib/store/shortlist';
import { creatorLabel } from '@/lib/platforms/profile-url';

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;

/** What one engagement costs at the suggested price (see lib/store/campaign-stats.ts). */
function costOf(c: Pick<CreatorRecord, 'pricePoint' | 'followers' | 'er'>): number | null {
  return costPerEngagement(c.pricePoint, c.followers, c.er);
}

/** The tier and size class in words (a tier's name isolated); the shortlist does not keep the benchmark verdict. */
function standing(c: CreatorRecord): ComponentChildren {
  const size = c.sizeClass ? SIZE_CLASS_LABELS[c.sizeClass] : null;
  if (c.tierRank === null) return size ?? 'Tier unknown';
  return (
    <>
      Tier {c.tierRank}
      {c.tierName ? (
        <>
          {' '}
          <bdi>{c.tierName}</bdi>
        </>
      ) : null}
      {size ? ` · ${size}` : null}
    </>
  );
}

export interface CompareViewProps {
  rows: readonly ShortlistRow[];
  onClose: () => void;
}

/** 2–6 creators side by side, one card each, the same figures in the same order. */
export function CompareView({ rows, onClose }: CompareViewProps) {
  const best = bestCost(rows);
  return (
    <section class="rl-compare" aria-label="Compare creators" data-testid="compare">
      <header class="rl-compare-head">
        <h2>Compare {rows.length} creators</h2>
        <button type="button" class="rl-btn" onClick={onClose}>
          Close
        </button>
      </header>
      <div class="rl-compare-cards">
        {rows.map((row) => {
          const c = row.creator;
          const currency = c.currency ?? 'USD';
          const cpe = costOf(c);
          return (
            <article class="rl-compare-card" key={`${row.entry.campaignId}/${c.platform}/${c.handleKey}`} data-testid="compare-card">
              <h3>
                <a href={c.profileUrl} target="_blank" rel="noopener noreferrer">
                  <bdi>{creatorLabel(c.platform, c.handle, c.displayName)}</bdi>
                </a>
              </h3>
              <p class="rl-compare-sub">
                {PLATFORM_LABELS[c.platform]}
                {c.displayName ? (
                  <>
                    {' · '}
                    <bdi>{c.displayName}</bdi>
                  </>
                ) : null}
              </p>
              <dl>
                <dt>Followers</dt>
                <dd data-testid="compare-followers">{formatCount(c.followers)}</dd>
                <dt>ER</dt>
                <dd data-testid="compare-er">{formatPercent(c.er)}</dd>
                <dt>ER per view</dt>
                <dd>{formatPercent(c.erPerView)}</dd>
                <dt>Price</dt>
                <dd>
                  {formatMoney(c.pricePoint, currency)}
                  <span class="rl-range"> {formatRange(c.priceLow, c.priceHigh, currency)}</span>
                </dd>
                <dt title="Price ÷ (followers × ER)">Cost per engagement</dt>
                <dd data-testid="compare-cpe" class={cpe !== null && cpe === best ? 'rl-best' : undefined}>
                  {formatCost(cpe, currency)}
                </dd>
                <dt>Standing</dt>
                <dd>{standing(c)}</dd>
                <dt>Status</dt>
                <dd>{ENTRY_STATUS_LABELS[row.entry.status]}</dd>
              </dl>
            </article>
          );
        })}
      </div>
    </section>
  );
}

/** The lowest known cost per engagement, to mark it; null when none is known. */
function bestCost(rows: readonly ShortlistRow[]): number | null {
  const costs = rows.map((r) => costOf(r.creator)).filter((n): n is number => n !== null);
  return costs.length > 1 ? Math.min(...costs) : null;
}
