import { useMemo } from 'preact/hooks';
import { creatorLabel } from '@/lib/platforms/profile-url';
import { bestOf, betterText, COMPARE_MEASURES, MAX_COMPARE, MIN_COMPARE, type CompareContext, type CompareMeasure } from '@/lib/store/compare';
import type { ShortlistRow } from '@/lib/store/shortlist';

export { MAX_COMPARE, MIN_COMPARE };

export interface CompareViewProps {
  rows: readonly ShortlistRow[];
  /** The settings' currency (agreed prices are in it). */
  currency: string;
  /** The settings' competitors (lib/store/shortlist.ts `competitorSet`). */
  competitors?: ReadonlySet<string>;
  /** The measures shown, one row each (lib/store/compare.ts); every measure by default. */
  measures?: readonly CompareMeasure[];
  onClose: () => void;
}

/**
 * 2–6 creators side by side: one column per creator, one row per measure, so each figure lines
 * up with the same figure of the others. Where more (or less) is better the row says which, and
 * the best value is marked in words ("Best"), not by colour alone.
 */
export function CompareView({ rows, currency, competitors, measures = COMPARE_MEASURES, onClose }: CompareViewProps) {
  const ctx: CompareContext = competitors ? { currency, competitors } : { currency };
  const best = useMemo(() => new Map(measures.map((m) => [m.id, bestOf(m, rows)])), [measures, rows]);
  return (
    <section class="rl-compare" aria-labelledby="rl-compare-title" data-testid="compare">
      <header class="rl-compare-head">
        <h2 id="rl-compare-title">Compare {rows.length} creators</h2>
        <button type="button" class="rl-btn" onClick={onClose}>
          Close
        </button>
      </header>
      <div class="rl-compare-scroll">
        <table class="rl-compare-table" style={{ '--rl-compare-cols': String(rows.length) }}>
          <thead>
            <tr>
              <th scope="col" class="rl-compare-measure">
                <span class="rl-visually-hidden">Measure</span>
              </th>
              {rows.map((row) => {
                const c = row.creator;
                return (
                  <th scope="col" key={`${row.entry.campaignId}/${c.platform}/${c.handleKey}`} class="rl-compare-creator" data-testid="compare-card" data-handle={c.handleKey}>
                    <a href={c.profileUrl} target="_blank" rel="noopener noreferrer">
                      <bdi>{creatorLabel(c.platform, c.handle, c.displayName)}</bdi>
                    </a>
                    {c.displayName ? (
                      <span class="rl-compare-sub">
                        <bdi>{c.displayName}</bdi>
                      </span>
                    ) : null}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => {
              const marked = best.get(m.id) ?? new Set<number>();
              return (
                <tr key={m.id} data-testid={`compare-row-${m.id}`}>
                  <th scope="row" class="rl-compare-measure" title={m.hint}>
                    {m.label}
                    {m.better && <span class="rl-compare-better">{betterText(m.better)}</span>}
                  </th>
                  {rows.map((row, i) => {
                    const note = m.note?.(row, ctx) ?? null;
                    const isBest = marked.has(i);
                    const unknown = m.value !== undefined && m.value(row) === null;
                    return (
                      <td key={i} class={`rl-compare-cell${isBest ? ' rl-best' : ''}${unknown ? ' rl-unknown' : ''}`} data-testid={`compare-${m.id}`} data-best={isBest ? 'true' : undefined}>
                        <span class="rl-compare-value">
                          <bdi>{m.text(row, ctx)}</bdi>
                          {isBest && <span class="rl-best-badge">Best</span>}
                        </span>
                        {note !== null && (
                          <span class="rl-compare-note" data-testid={`compare-${m.id}-note`}>
                            <bdi>{note}</bdi>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="rl-muted rl-compare-foot">
        Compare up to {MAX_COMPARE} creators. Best marks the best value of a row where more or less is better; unknown values (—) are not ranked.
      </p>
    </section>
  );
}
