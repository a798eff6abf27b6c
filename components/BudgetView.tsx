import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { formatMoney, formatPercent, formatCost } from '@/lib/metrics/format';
import { budgetSummary, creatorResults, resultsTotals, type CreatorResults, type TierCount } from '@/lib/store/campaign-stats';
import type { Campaign, Results, ShortlistRow } from '@/lib/store/shortlist';

export interface BudgetViewProps {
  campaign: Pick<Campaign, 'id' | 'name' | 'budget'>;
  rows: readonly ShortlistRow[];
  /** Save the budget (null clears it); resolves to the store's refusal, or null when saved. */
  onSetBudget: (budget: number | null) => Promise<string | null>;
  /** Save some of an entry's results; same contract. */
  onSetResults: (row: ShortlistRow, results: Partial<Results>) => Promise<string | null>;
}

/**
 * An amount typed by hand: "" is "not entered" (null); "1,200", "$1200" and "1 200" read as 1200.
 * Returns the reason as text when it is not a number, so the field can say so.
 */
export function parseAmount(text: string, label: string, whole = false): { value: number | null } | { error: string } {
  const cleaned = text.replace(/[\s,$€£]/g, '');
  if (cleaned === '') return { value: null };
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return { error: `${label} must be a number, e.g. ${whole ? '12' : '1200'}.` };
  if (n < 0) return { error: `${label} must be 0 or more.` };
  if (whole && !Number.isInteger(n)) return { error: `${label} must be a whole number.` };
  return { value: n };
}

/** The currency shared by every row; "USD" when none says; null when they differ (sums would mix). */
function commonCurrency(rows: readonly ShortlistRow[]): string | null {
  const currencies = new Set(rows.map((r) => r.creator.currency ?? 'USD'));
  if (currencies.size > 1) return null;
  return [...currencies][0] ?? 'USD';
}

/** A tier's name comes from the user's settings or an imported file: isolated, as every such text. */
function tierLabel(t: TierCount): ComponentChildren {
  if (t.tierRank === null) return 'Tier unknown';
  return (
    <>
      Tier {t.tierRank}
      {t.tierName ? (
        <>
          {' '}
          <bdi>{t.tierName}</bdi>
        </>
      ) : null}
    </>
  );
}

function formatRoi(roi: number | null): string {
  if (roi === null) return '—';
  const text = formatPercent(roi * 100, 0);
  return roi > 0 ? `+${text}` : text;
}

/** A campaign's budget against its planned spending, and the results the brand enters. */
export function BudgetView({ campaign, rows, onSetBudget, onSetResults }: BudgetViewProps) {
  const currency = commonCurrency(rows);
  const money = (n: number | null) => formatMoney(n, currency ?? 'USD');
  const summary = useMemo(() => budgetSummary(rows, campaign.budget), [rows, campaign.budget]);
  const results = useMemo(() => rows.map(creatorResults), [rows]);
  const totals = useMemo(() => resultsTotals(results), [results]);
  const over = summary.remaining !== null && summary.remaining < 0;

  return (
    <section class="rl-insight" aria-labelledby="rl-budget-title" data-testid="budget-view">
      <header class="rl-insight-head">
        <h2 id="rl-budget-title">
          Budget · <bdi>{campaign.name}</bdi>
        </h2>
      </header>
      {currency === null && (
        <p class="rl-notice rl-error" role="alert">
          The creators' prices are in different currencies: the sums below add them as they are.
        </p>
      )}
      <AmountField
        label="Campaign budget"
        testId="budget-input"
        value={campaign.budget}
        onSave={(text) => {
          const parsed = parseAmount(text, 'Budget');
          return 'error' in parsed ? Promise.resolve(parsed.error) : onSetBudget(parsed.value);
        }}
      />
      <dl class="rl-budget-figures">
        <div>
          <dt>Budget</dt>
          <dd data-testid="budget-total">{campaign.budget === null ? 'Not set' : money(campaign.budget)}</dd>
        </div>
        <div>
          <dt title="Agreed prices, and the guided price where nothing is agreed yet">Planned spending</dt>
          <dd data-testid="budget-planned">{money(summary.planned)}</dd>
          <dd class="rl-muted" data-testid="budget-breakdown">
            {money(summary.agreed)} agreed + {money(summary.guided)} guided
          </dd>
        </div>
        <div class={over ? 'rl-over' : summary.remaining === null ? undefined : 'rl-under'}>
          <dt>{over ? 'Over budget by' : 'Remaining'}</dt>
          <dd data-testid="budget-remaining">
            {summary.remaining === null ? 'Set a budget to compare' : money(Math.abs(summary.remaining))}
          </dd>
        </div>
      </dl>
      {summary.unpriced > 0 && (
        <p class="rl-muted" data-testid="budget-unpriced">
          {summary.unpriced} {summary.unpriced === 1 ? 'creator has' : 'creators have'} no agreed or guided price and {summary.unpriced === 1 ? 'is' : 'are'} not counted.
        </p>
      )}
      <h3>Creators by tier</h3>
      {summary.tiers.length === 0 ? (
        <p class="rl-muted">No creators on this campaign yet.</p>
      ) : (
        <ul class="rl-tier-counts" data-testid="budget-tiers">
          {summary.tiers.map((t) => (
            <li key={t.tierRank ?? 'unknown'}>
              {tierLabel(t)}: <strong>{t.count}</strong>
            </li>
          ))}
        </ul>
      )}

      <h3>Results</h3>
      <p class="rl-muted">Enter orders, revenue and cost when the campaign has run. ROI = (revenue − cost) ÷ cost; cost per engagement = cost ÷ (followers × ER).</p>
      <div class="rl-results-scroll">
        <table class="rl-table rl-results-table">
          <thead>
            <tr>
              <th>Creator</th>
              <th>Coupon / affiliate link</th>
              <th class="rl-c-num">Orders</th>
              <th class="rl-c-num">Revenue</th>
              <th class="rl-c-num">Cost</th>
              <th class="rl-c-num">ROI</th>
              <th class="rl-c-num">Cost per engagement</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <ResultsRow key={`${r.row.creator.platform}/${r.row.creator.handleKey}`} result={r} onSetResults={onSetResults} />
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="results-total">
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td class="rl-c-num" data-testid="total-orders">{totals.orders === null ? '—' : totals.orders.toLocaleString('en-US')}</td>
              <td class="rl-c-num" data-testid="total-revenue">{money(totals.revenue)}</td>
              <td class="rl-c-num" data-testid="total-cost">{money(totals.cost)}</td>
              <td class="rl-c-num" data-testid="total-roi">{formatRoi(totals.roi)}</td>
              <td class="rl-c-num" data-testid="total-cpe">{formatCost(totals.costPerEngagement, currency ?? 'USD')}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

interface ResultsRowProps {
  result: CreatorResults;
  onSetResults: BudgetViewProps['onSetResults'];
}

function ResultsRow({ result, onSetResults }: ResultsRowProps) {
  const { row } = result;
  const { creator, entry } = row;
  const currency = creator.currency ?? 'USD';
  const field = (key: keyof Results, label: string, whole = false) => (
    <AmountField
      label={
        <>
          {label} of <bdi>@{creator.handle}</bdi>
        </>
      }
      hideLabel
      value={entry.results[key]}
      onSave={(text) => {
        const parsed = parseAmount(text, label, whole);
        return 'error' in parsed ? Promise.resolve(parsed.error) : onSetResults(row, { [key]: parsed.value });
      }}
    />
  );
  return (
    <tr data-testid="results-row" data-handle={creator.handleKey}>
      <td>
        <bdi>@{creator.handle}</bdi>
      </td>
      <td class="rl-c-ref">
        {entry.couponCode && (
          <code>
            <bdi>{entry.couponCode}</bdi>
          </code>
        )}
        {entry.affiliateLink && (
          <a href={entry.affiliateLink} target="_blank" rel="noopener noreferrer" title={entry.affiliateLink}>
            {entry.couponCode ? ' link' : 'Affiliate link'}
          </a>
        )}
        {!entry.couponCode && !entry.affiliateLink && <span class="rl-muted">—</span>}
      </td>
      <td class="rl-c-num">{field('orders', 'Orders', true)}</td>
      <td class="rl-c-num">{field('revenue', 'Revenue')}</td>
      <td class="rl-c-num">{field('cost', 'Cost')}</td>
      <td class="rl-c-num" data-testid="roi">{formatRoi(result.roi)}</td>
      <td class="rl-c-num" data-testid="cpe">{formatCost(result.costPerEngagement, currency)}</td>
    </tr>
  );
}

interface AmountFieldProps {
  label: ComponentChildren;
  /** Label read by screen readers only (inside a table whose header names the column). */
  hideLabel?: boolean;
  testId?: string;
  value: number | null;
  onSave: (text: string) => Promise<string | null>;
}

/**
 * A number edited in place: saved on Enter or when focus leaves, put back on Escape. A refusal
 * keeps what was typed and shows why beside it.
 */
function AmountField({ label, hideLabel, testId, value, onSave }: AmountFieldProps) {
  const stored = value === null ? '' : String(value);
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useLayoutEffect(() => {
    setDraft(stored);
    setError(null);
  }, [stored]);

  async function save() {
    if (draft === stored || saving) return;
    setSaving(true);
    setError(await onSave(draft));
    setSaving(false);
  }

  // The error sits outside the label, so the field's name stays its label alone.
  return (
    <span class="rl-amount">
      <label>
        <span class={hideLabel ? 'rl-visually-hidden' : undefined}>{label}</span>{' '}
        <input
          type="text"
          inputMode="decimal"
          value={draft}
          aria-invalid={error ? true : undefined}
          data-testid={testId}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') {
              setDraft(stored);
              setError(null);
            }
          }}
        />
      </label>
      {error && (
        <span class="rl-field-error" role="alert" data-testid="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
