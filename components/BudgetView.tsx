import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatMoney, formatPercent, formatCost, parseAmountText, plural } from '@/lib/metrics/format';
import { budgetSummary, campaignBudgets, creatorResults, resultsTotals, totalBudget, type CreatorResults, type TierCount } from '@/lib/store/campaign-stats';
import { DEFAULT_CAMPAIGN_ID } from '@/lib/store/db';
import type { Campaign, Results, ShortlistRow } from '@/lib/store/shortlist';

export interface BudgetViewProps {
  /** The campaign shown; null for all campaigns together (each budget is then set on its campaign). */
  campaign: Pick<Campaign, 'id' | 'name' | 'budget'> | null;
  /** How the heading names what is shown ("Spring launch", "All campaigns"). */
  title: ComponentChildren;
  /** Every campaign, for the breakdown of all campaigns. */
  campaigns: ReadonlyArray<Pick<Campaign, 'id' | 'name' | 'budget' | 'archived'>>;
  rows: readonly ShortlistRow[];
  /** The settings' currency: budgets, agreed prices and results are in it. */
  currency: string;
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
  if (/^\s*-/.test(text.replace(/^\s*(?:[$€£¥₹]|[A-Za-z]{3})\s*/, ''))) return { error: `${label} must be 0 or more.` };
  const n = parseAmountText(text);
  if (n === null) return { value: null };
  if (n === undefined) return { error: `${label} must be a number, e.g. ${whole ? '12' : '1200'}.` };
  if (whole && !Number.isInteger(n)) return { error: `${label} must be a whole number.` };
  return { value: n };
}

/**
 * Whether the guide prices of the rows are all in `currency` (the settings', which budgets and
 * agreed prices are in): when not, the sums add amounts of different currencies, and say so.
 */
function guidesIn(rows: readonly ShortlistRow[], currency: string): boolean {
  return rows.every((r) => r.entry.agreedPrice !== null || r.creator.pricePoint === null || (r.creator.currency ?? currency) === currency);
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

/** A campaign's budget (or every campaign's) against its planned spending, and the results the brand enters. */
export function BudgetView({ campaign, title, campaigns, rows, currency, onSetBudget, onSetResults }: BudgetViewProps) {
  const money = (n: number | null) => formatMoney(n, currency);
  const all = campaign === null;
  const budget = all ? totalBudget(campaigns) : campaign.budget;
  const summary = useMemo(() => budgetSummary(rows, budget), [rows, budget]);
  const breakdown = useMemo(() => (all ? campaignBudgets(rows, campaigns) : []), [all, rows, campaigns]);
  const results = useMemo(() => rows.map(creatorResults), [rows]);
  const totals = useMemo(() => resultsTotals(results), [results]);
  const over = summary.remaining !== null && summary.remaining < 0;
  const mixed = !guidesIn(rows, currency);

  return (
    <section class="rl-insight" aria-labelledby="rl-budget-title" data-testid="budget-view">
      <header class="rl-insight-head">
        <h2 id="rl-budget-title">Budget · {title}</h2>
      </header>
      {mixed && (
        <p class="rl-notice rl-warning" role="status">
          Some guide prices are in another currency than {currency} (the tier scheme's): the sums below add them as they are.
        </p>
      )}
      {all ? (
        <p class="rl-muted">Every campaign together. Choose a campaign above to set its budget.</p>
      ) : (
        <AmountField
          label={`Campaign budget (${currency})`}
          testId="budget-input"
          value={campaign.budget}
          shown={campaign.budget === null ? '' : money(campaign.budget)}
          onSave={(text) => {
            const parsed = parseAmount(text, 'Budget');
            return 'error' in parsed ? Promise.resolve(parsed.error) : onSetBudget(parsed.value);
          }}
        />
      )}
      <dl class="rl-budget-figures">
        <div>
          <dt>{all ? 'Budgets set' : 'Budget'}</dt>
          <dd data-testid="budget-total">{budget === null ? 'Not set' : money(budget)}</dd>
        </div>
        <div>
          <dt title="Agreed prices, and the guide price where nothing is agreed yet">Planned spending</dt>
          <dd data-testid="budget-planned">{money(summary.planned)}</dd>
          <dd class="rl-muted" data-testid="budget-breakdown">
            {money(summary.agreed)} agreed + {money(summary.guided)} guide prices
          </dd>
        </div>
        <div class={over ? 'rl-over' : summary.remaining === null ? undefined : 'rl-under'}>
          <dt>{over ? 'Over budget by' : 'Remaining'}</dt>
          <dd data-testid="budget-remaining">
            {summary.remaining === null ? (all ? 'No budget set yet' : 'Set a budget to compare') : money(Math.abs(summary.remaining))}
          </dd>
        </div>
      </dl>
      {summary.unpriced > 0 && (
        <p class="rl-muted" data-testid="budget-unpriced">
          {plural(summary.unpriced, 'creator has', 'creators have')} no agreed or guide price and {summary.unpriced === 1 ? 'is' : 'are'} not counted.
        </p>
      )}
      {all && (
        <>
          <h3>By campaign</h3>
          <table class="rl-table rl-campaign-budgets" data-testid="budget-campaigns">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col" class="rl-c-num">Creators</th>
                <th scope="col" class="rl-c-num">Budget</th>
                <th scope="col" class="rl-c-num">Planned</th>
                <th scope="col" class="rl-c-num">Remaining</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.map((b) => {
                const behind = b.summary.remaining !== null && b.summary.remaining < 0;
                return (
                  <tr key={b.id} data-testid="budget-campaign" data-campaign={b.id}>
                    <td>{b.id === DEFAULT_CAMPAIGN_ID ? <span class="rl-muted">No campaign</span> : <bdi>{b.name}</bdi>}</td>
                    <td class="rl-c-num">{b.creators.toLocaleString('en-US')}</td>
                    <td class="rl-c-num">{b.budget === null ? <span class="rl-muted">—</span> : money(b.budget)}</td>
                    <td class="rl-c-num">{money(b.summary.planned)}</td>
                    <td class={behind ? 'rl-c-num rl-over-text' : 'rl-c-num'}>
                      {b.summary.remaining === null ? <span class="rl-muted">—</span> : behind ? `${money(-b.summary.remaining)} over` : money(b.summary.remaining)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <h3>Creators by tier</h3>
      {summary.tiers.length === 0 ? (
        <p class="rl-muted">No creators here yet.</p>
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
              {all && <th>Campaign</th>}
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
              <ResultsRow key={`${r.row.entry.campaignId}/${r.row.creator.platform}/${r.row.creator.handleKey}`} result={r} showCampaign={all} currency={currency} onSetResults={onSetResults} />
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="results-total">
              <th scope="row" colSpan={all ? 3 : 2}>
                Total
              </th>
              <td class="rl-c-num" data-testid="total-orders">{totals.orders === null ? '—' : totals.orders.toLocaleString('en-US')}</td>
              <td class="rl-c-num" data-testid="total-revenue">{money(totals.revenue)}</td>
              <td class="rl-c-num" data-testid="total-cost">{money(totals.cost)}</td>
              <td class="rl-c-num" data-testid="total-roi">{formatRoi(totals.roi)}</td>
              <td class="rl-c-num" data-testid="total-cpe">{formatCost(totals.costPerEngagement, currency)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

interface ResultsRowProps {
  result: CreatorResults;
  showCampaign: boolean;
  currency: string;
  onSetResults: BudgetViewProps['onSetResults'];
}

function ResultsRow({ result, showCampaign, currency, onSetResults }: ResultsRowProps) {
  const { row } = result;
  const { creator, entry } = row;
  const field = (key: keyof Results, label: string, whole = false) => (
    <AmountField
      label={
        <>
          {label} of <bdi>@{creator.handle}</bdi>
        </>
      }
      hideLabel
      value={entry.results[key]}
      shown={entry.results[key] === null ? '' : whole ? entry.results[key].toLocaleString('en-US') : formatMoney(entry.results[key], currency)}
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
      {showCampaign && (
        <td>
          <bdi>{row.campaignName}</bdi>
        </td>
      )}
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
  /** The value as shown when not being typed ("$1,500"); the plain number when absent. */
  shown?: string;
  onSave: (text: string) => Promise<string | null>;
}

/**
 * A number edited in place: saved on Enter or when focus leaves, put back on Escape. A refusal
 * keeps what was typed and shows why beside it.
 */
function AmountField({ label, hideLabel, testId, value, shown, onSave }: AmountFieldProps) {
  // Amounts read as money ("$1,500"), like every amount on the page; typing replaces them.
  const stored = shown ?? (value === null ? '' : String(value));
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useLayoutEffect(() => {
    setDraft(stored);
    setError(null);
  }, [stored]);

  // The latest stored value: a save that stores what was stored already ("1500" for "$1,500")
  // changes nothing the effect above would see, so the field is put back to it here.
  const latest = useRef(stored);
  latest.current = stored;

  async function save() {
    if (draft === stored || saving) return;
    setSaving(true);
    const refusal = await onSave(draft);
    setError(refusal);
    if (refusal === null) setDraft(latest.current);
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
