/**
 * The shortlist page's bars above the table: the filters, and what can be done with the selected
 * rows (with the column chooser). They take the state and report changes; the page keeps it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COLUMN_LABELS } from './ShortlistTable';
import { MAX_COMPARE, MIN_COMPARE } from './CompareView';
import { plural } from '@/lib/metrics/format';
import { SIZE_CLASS_LABELS, type SizeClass } from '@/lib/metrics/tiers';
import { PLATFORM_LABELS, type Platform } from '@/lib/platforms/types';
import { DEFAULT_SHORTLIST_COLUMNS, SHORTLIST_COLUMN_IDS, type ShortlistColumnId } from '@/lib/preferences';
import { ENTRY_STATUSES, ENTRY_STATUS_LABELS, type CampaignSummary, type EntryStatus } from '@/lib/store/shortlist';
import { isolate } from '@/lib/bidi';

export interface Filters {
  text: string;
  platform: Platform | '';
  tier: string;
  size: SizeClass | '';
  tag: string;
  status: EntryStatus | '';
  erMin: string;
  erMax: string;
  /** Leave out creators whose recent posts name one of the settings' competitors. */
  hideCompetitors: boolean;
}
export const NO_FILTERS: Filters = { text: '', platform: '', tier: '', size: '', tag: '', status: '', erMin: '', erMax: '', hideCompetitors: false };

export interface FilterBarProps {
  filters: Filters;
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  tiers: number[];
  tags: string[];
  /** How many competitors the settings name (the filter is offered only when there are some). */
  competitors: number;
  /** Rows the other filters keep whose recent posts name a competitor. */
  withCompetitor: number;
  onClear: () => void;
}

export function FilterBar({ filters, setFilter, tiers, tags, competitors, withCompetitor, onClear }: FilterBarProps) {
  return (
    <div class="rl-filters" role="search">
      <input
        type="search"
        placeholder="Search handles, notes, tags"
        title="Search the handle, name, notes and tags"
        aria-label="Search"
        value={filters.text}
        onInput={(e) => setFilter('text', e.currentTarget.value)}
        data-testid="search"
      />
      <select aria-label="Platform" value={filters.platform} onChange={(e) => setFilter('platform', e.currentTarget.value as Filters['platform'])}>
        <option value="">All platforms</option>
        {(Object.keys(PLATFORM_LABELS) as Platform[]).map((p) => (
          <option key={p} value={p}>
            {PLATFORM_LABELS[p]}
          </option>
        ))}
      </select>
      <select aria-label="Tier" value={filters.tier} onChange={(e) => setFilter('tier', e.currentTarget.value)}>
        <option value="">All tiers</option>
        {tiers.map((t) => (
          <option key={t} value={String(t)}>
            Tier {t}
          </option>
        ))}
      </select>
      <select aria-label="Size class" value={filters.size} onChange={(e) => setFilter('size', e.currentTarget.value as Filters['size'])}>
        <option value="">All sizes</option>
        {(Object.keys(SIZE_CLASS_LABELS) as SizeClass[]).map((s) => (
          <option key={s} value={s}>
            {SIZE_CLASS_LABELS[s]}
          </option>
        ))}
      </select>
      <select aria-label="Tag" value={filters.tag} onChange={(e) => setFilter('tag', e.currentTarget.value)}>
        <option value="">All tags</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {isolate(t)}
          </option>
        ))}
      </select>
      <select aria-label="Status" value={filters.status} onChange={(e) => setFilter('status', e.currentTarget.value as Filters['status'])}>
        <option value="">All statuses</option>
        {ENTRY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ENTRY_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <label class="rl-er-range">
        ER
        <input type="number" min="0" step="0.1" aria-label="Minimum ER (%)" placeholder="min" value={filters.erMin} onInput={(e) => setFilter('erMin', e.currentTarget.value)} />
        –
        <input type="number" min="0" step="0.1" aria-label="Maximum ER (%)" placeholder="max" value={filters.erMax} onInput={(e) => setFilter('erMax', e.currentTarget.value)} />%
      </label>
      {competitors > 0 && (
        <label class="rl-check" title="Creators whose recent posts mention or tag a brand listed under Competitors in the settings" data-testid="hide-competitors">
          <input type="checkbox" checked={filters.hideCompetitors} onChange={(e) => setFilter('hideCompetitors', e.currentTarget.checked)} />
          Hide creators who worked with a competitor{withCompetitor > 0 ? ` (${withCompetitor.toLocaleString('en-US')})` : ''}
        </label>
      )}
      <button type="button" class="rl-link" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}

export interface SelectionBarProps {
  count: number;
  shown: number;
  total: number;
  campaigns: CampaignSummary[];
  columns: readonly ShortlistColumnId[];
  onColumns: (columns: ShortlistColumnId[]) => void;
  onCompare: () => void;
  onMove: (campaignId: string) => Promise<boolean>;
  onTag: (tag: string, add: boolean) => Promise<boolean>;
  onRemove: () => Promise<boolean>;
}

/** What can be done with the selected rows, and which columns the table shows. */
export function SelectionBar({ count, shown, total, campaigns, columns, onColumns, onCompare, onMove, onTag, onRemove }: SelectionBarProps) {
  const [tag, setTag] = useState('');
  const none = count === 0;
  const canCompare = count >= MIN_COMPARE && count <= MAX_COMPARE;
  return (
    <div class="rl-selection" data-testid="selection-bar">
      <span class="rl-count" data-testid="count">
        {shown === total ? plural(total, 'creator') : `${shown.toLocaleString('en-US')} of ${plural(total, 'creator')}`}
        {count > 0 && ` · ${count.toLocaleString('en-US')} selected`}
      </span>
      <button
        type="button"
        class="rl-btn"
        disabled={!canCompare}
        onClick={onCompare}
        title={count > MAX_COMPARE ? `Compare takes at most ${MAX_COMPARE} creators` : `Select ${MIN_COMPARE}–${MAX_COMPARE} rows to compare`}
      >
        Compare{count >= MIN_COMPARE && count <= MAX_COMPARE ? ` ${count}` : ''}
      </button>
      <select
        aria-label="Move selected to campaign"
        disabled={none}
        value=""
        onChange={(e) => {
          const to = e.currentTarget.value;
          if (to) void onMove(to);
        }}
      >
        <option value="">Move to…</option>
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {isolate(c.name)}
          </option>
        ))}
      </select>
      <input type="text" aria-label="Tag for selected" placeholder="tag" value={tag} maxLength={40} onInput={(e) => setTag(e.currentTarget.value)} />
      <button type="button" class="rl-btn" disabled={none || !tag.trim()} onClick={() => void onTag(tag.trim(), true)}>
        Add tag
      </button>
      <button type="button" class="rl-btn" disabled={none || !tag.trim()} onClick={() => void onTag(tag.trim(), false)}>
        Remove tag
      </button>
      <button type="button" class="rl-btn rl-danger" disabled={none} onClick={() => void onRemove()}>
        Remove
      </button>
      <span class="rl-spacer-flex" />
      <ColumnChooser columns={columns} onChange={onColumns} />
    </div>
  );
}

/**
 * Which columns the table shows beside the handle (remembered in the browser's storage). A menu
 * of checkboxes; "Default columns" puts back the set that fits a 1024 px screen.
 */
function ColumnChooser({ columns, onChange }: { columns: readonly ShortlistColumnId[]; onChange: (columns: ShortlistColumnId[]) => void }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div class="rl-columns-chooser" ref={box}>
      <button type="button" class="rl-btn" aria-expanded={open} aria-controls="rl-columns-menu" onClick={() => setOpen((o) => !o)} data-testid="columns-button">
        Columns ({columns.length + 1}) ▾
      </button>
      {open && (
        <div class="rl-columns-menu" id="rl-columns-menu" role="group" aria-label="Columns shown" data-testid="columns-menu">
          <p class="rl-muted">The creator's handle is always shown.</p>
          {SHORTLIST_COLUMN_IDS.map((id) => (
            <label key={id} class="rl-columns-item">
              <input
                type="checkbox"
                checked={columns.includes(id)}
                onChange={(e) => onChange(e.currentTarget.checked ? [...columns, id] : columns.filter((c) => c !== id))}
              />
              {COLUMN_LABELS[id]}
            </label>
          ))}
          <button type="button" class="rl-link" onClick={() => onChange([...DEFAULT_SHORTLIST_COLUMNS])} data-testid="columns-default">
            Default columns
          </button>
        </div>
      )}
    </div>
  );
}
