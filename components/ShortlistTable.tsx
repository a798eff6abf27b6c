import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatCount, formatMoney, formatPercent, formatRange } from '@/lib/metrics/format';
import { SIZE_CLASS_LABELS } from '@/lib/metrics/tiers';
import { PLATFORM_LABELS } from '@/lib/platforms/types';
import { isolate } from '@/lib/bidi';
import { ENTRY_STATUSES, ENTRY_STATUS_LABELS, type EntryPatch, type ShortlistRow, type SortColumn } from '@/lib/store/shortlist';
import { creatorLabel } from '@/lib/platforms/profile-url';

/** Fixed so the window of rendered rows is a plain division: row i sits at i × ROW_HEIGHT. */
export const ROW_HEIGHT = 40;
/** Rows rendered above and below the visible ones, so a fast scroll does not show blank space. */
const MARGIN_ROWS = 10;

export type SortState = { column: SortColumn; direction: 'asc' | 'desc' } | null;

/** The identity of a row (an entry): campaign, platform and handle key. */
export function rowId(row: ShortlistRow): string {
  return `${row.entry.campaignId}\u0000${row.entry.platform}\u0000${row.entry.handleKey}`;
}

export interface ShortlistTableProps {
  rows: readonly ShortlistRow[];
  /** Show the campaign column (the "All" view). */
  showCampaign: boolean;
  sort: SortState;
  onSort: (column: SortColumn) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Select every row shown, or clear the selection when all are selected. */
  onToggleAll: () => void;
  /** Save one field; resolves to the store's refusal message, or null when saved. */
  onEdit: (row: ShortlistRow, patch: EntryPatch) => Promise<string | null>;
  /** Height of the scrolling area in pixels. */
  height: number;
  /** Open a creator's details panel (a click on the row, or its name button). */
  onOpen?: (row: ShortlistRow) => void;
  /** The row whose details are open, to mark it. */
  openId?: string | null;
}

interface Column {
  label: string;
  sort?: SortColumn;
  className: string;
}

const COLUMNS: Column[] = [
  { label: 'Platform', sort: 'platform', className: 'rl-c-platform' },
  { label: 'Handle', sort: 'handle', className: 'rl-c-handle' },
  { label: 'Name', sort: 'displayName', className: 'rl-c-name' },
  { label: 'Campaign', sort: 'campaign', className: 'rl-c-campaign' },
  { label: 'Followers', sort: 'followers', className: 'rl-c-num' },
  { label: 'ER', sort: 'er', className: 'rl-c-num' },
  { label: 'ER / view', sort: 'erPerView', className: 'rl-c-num' },
  { label: 'Tier', sort: 'tier', className: 'rl-c-tier' },
  { label: 'Size', sort: 'sizeClass', className: 'rl-c-size' },
  { label: 'Price', sort: 'pricePoint', className: 'rl-c-price' },
  { label: 'Status', sort: 'status', className: 'rl-c-status' },
  { label: 'Tags', className: 'rl-c-tags' },
  { label: 'Agreed', sort: 'agreedPrice', className: 'rl-c-agreed' },
  { label: 'Notes', className: 'rl-c-notes' },
  { label: 'Coupon', className: 'rl-c-coupon' },
  { label: 'Affiliate link', className: 'rl-c-link' },
];

function ariaSort(column: Column, sort: SortState): 'ascending' | 'descending' | 'none' | undefined {
  if (!column.sort) return undefined;
  if (sort?.column !== column.sort) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

/**
 * The shortlist as a table, rendering only the rows in view (± a margin): 10,000 rows would
 * otherwise be 10,000 × 16 cells of DOM on every keystroke in the search box.
 */
export function ShortlistTable(props: ShortlistTableProps) {
  const { rows, showCampaign, sort, onSort, selected, onToggle, onToggleAll, onEdit, height, onOpen, openId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  // A new filter can leave the scroll position past the end of a shorter list.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && el.scrollTop > rows.length * ROW_HEIGHT) {
      el.scrollTop = 0;
      setScrollTop(0);
    }
  }, [rows.length]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - MARGIN_ROWS);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + MARGIN_ROWS);
  const columns = showCampaign ? COLUMNS : COLUMNS.filter((c) => c.sort !== 'campaign');
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(rowId(r)));

  return (
    <div
      class="rl-table-scroll"
      ref={scroller}
      style={{ height: `${height}px` }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      data-testid="shortlist-table"
    >
      <table class="rl-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            <th class="rl-c-select">
              <input type="checkbox" aria-label="Select all shown" checked={allSelected} onChange={onToggleAll} />
            </th>
            {columns.map((c) => (
              <th key={c.label} class={c.className} aria-sort={ariaSort(c, sort)}>
                {c.sort ? (
                  <button type="button" class="rl-sort" onClick={() => c.sort && onSort(c.sort)}>
                    {c.label}
                    <span aria-hidden="true">{sort?.column === c.sort ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr class="rl-spacer" style={{ height: `${first * ROW_HEIGHT}px` }} aria-hidden="true" />}
          {rows.slice(first, last).map((row) => {
            const id = rowId(row);
            return (
              <Row
                key={id}
                row={row}
                showCampaign={showCampaign}
                isSelected={selected.has(id)}
                isOpen={openId === id}
                onToggle={() => onToggle(id)}
                onEdit={(patch) => onEdit(row, patch)}
                onOpen={onOpen ? () => onOpen(row) : undefined}
              />
            );
          })}
          {last < rows.length && <tr class="rl-spacer" style={{ height: `${(rows.length - last) * ROW_HEIGHT}px` }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: ShortlistRow;
  showCampaign: boolean;
  isSelected: boolean;
  isOpen: boolean;
  onToggle: () => void;
  onEdit: (patch: EntryPatch) => Promise<string | null>;
  onOpen: (() => void) | undefined;
}

/** Clicks on the row's own controls edit or follow them; only a click elsewhere opens the details. */
const INTERACTIVE = 'a, button, input, select, textarea, label';

function Row({ row, showCampaign, isSelected, isOpen, onToggle, onEdit, onOpen }: RowProps) {
  const { creator: c, entry: e } = row;
  const currency = c.currency ?? 'USD';
  const classes = [isSelected ? 'rl-selected' : '', isOpen ? 'rl-open' : '', onOpen ? 'rl-openable' : ''].filter(Boolean).join(' ');
  return (
    <tr
      class={classes || undefined}
      style={{ height: `${ROW_HEIGHT}px` }}
      data-testid="shortlist-row"
      data-handle={c.handleKey}
      onClick={(ev) => {
        if (onOpen && !(ev.target as Element).closest(INTERACTIVE)) onOpen();
      }}
    >
      <td class="rl-c-select">
        <input type="checkbox" aria-label={`Select @${c.handle}`} checked={isSelected} onChange={onToggle} />
      </td>
      <td class="rl-c-platform">{PLATFORM_LABELS[c.platform]}</td>
      <td class="rl-c-handle">
        <a href={c.profileUrl} target="_blank" rel="noopener noreferrer" data-testid="handle">
          <bdi>{creatorLabel(c.platform, c.handle, c.displayName)}</bdi>
        </a>
      </td>
      <td class="rl-c-name" title={c.displayName === null ? undefined : isolate(c.displayName)}>
        {onOpen ? (
          // The keyboard's way to the details panel (a row click is the mouse's).
          <button type="button" class="rl-link rl-name-button" aria-label={`Details of @${c.handle}`} aria-expanded={isOpen} onClick={onOpen} data-testid="open-details">
            {c.displayName === null ? 'Details' : <bdi>{c.displayName}</bdi>}
          </button>
        ) : c.displayName === null ? (
          '—'
        ) : (
          <bdi>{c.displayName}</bdi>
        )}
      </td>
      {showCampaign && (
        <td class="rl-c-campaign">
          <bdi>{row.campaignName}</bdi>
        </td>
      )}
      <td class="rl-c-num" data-testid="followers">{formatCount(c.followers)}</td>
      <td class="rl-c-num" data-testid="er">{formatPercent(c.er)}</td>
      <td class="rl-c-num">{formatPercent(c.erPerView)}</td>
      <td class="rl-c-tier" title={c.tierName === null ? undefined : isolate(c.tierName)}>
        {c.tierRank === null ? '—' : `Tier ${c.tierRank}`}
      </td>
      <td class="rl-c-size">{c.sizeClass ? SIZE_CLASS_LABELS[c.sizeClass] : '—'}</td>
      <td class="rl-c-price" title={`Range ${formatRange(c.priceLow, c.priceHigh, currency)}`}>
        {formatMoney(c.pricePoint, currency)}
        {c.priceLow !== null && c.priceHigh !== null && <span class="rl-range"> {formatRange(c.priceLow, c.priceHigh, currency)}</span>}
      </td>
      <td class="rl-c-status">
        <StatusField value={e.status} handle={c.handle} onEdit={onEdit} />
      </td>
      <td class="rl-c-tags">
        <TextField
          label="Tags"
          handle={c.handle}
          value={e.tags.join('; ')}
          placeholder="tag; tag"
          onSave={(text) => onEdit({ tags: text.split(';').map((t) => t.trim()).filter(Boolean) })}
        />
      </td>
      <td class="rl-c-agreed">
        <TextField label="Agreed price" handle={c.handle} value={e.agreedPrice === null ? '' : String(e.agreedPrice)} inputMode="decimal" onSave={(text) => saveMoney(text, onEdit)} />
      </td>
      <td class="rl-c-notes">
        <TextField label="Notes" handle={c.handle} value={e.notes} onSave={(text) => onEdit({ notes: text })} />
      </td>
      <td class="rl-c-coupon">
        <TextField label="Coupon code" handle={c.handle} value={e.couponCode ?? ''} onSave={(text) => onEdit({ couponCode: text })} />
      </td>
      <td class="rl-c-link">
        <TextField label="Affiliate link" handle={c.handle} value={e.affiliateLink ?? ''} placeholder="https://" onSave={(text) => onEdit({ affiliateLink: text })} />
      </td>
    </tr>
  );
}

/** A price typed by hand: empty clears it; "1,200" and "$1200" are read as 1200. */
function saveMoney(text: string, onEdit: (patch: EntryPatch) => Promise<string | null>): Promise<string | null> {
  const cleaned = text.replace(/[\s,$€£]/g, '');
  if (cleaned === '') return onEdit({ agreedPrice: null });
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return Promise.resolve('Agreed price must be a number, e.g. 1200.');
  return onEdit({ agreedPrice: n });
}

function StatusField({ value, handle, onEdit }: { value: ShortlistRow['entry']['status']; handle: string; onEdit: RowProps['onEdit'] }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span class="rl-field">
      <select
        aria-label={`Status of @${handle}`}
        value={value}
        onChange={async (ev) => {
          const next = (ev.currentTarget as HTMLSelectElement).value as typeof value;
          setError(await onEdit({ status: next }));
        }}
      >
        {ENTRY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ENTRY_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      {error && <FieldError message={error} />}
    </span>
  );
}

interface TextFieldProps {
  label: string;
  handle: string;
  value: string;
  placeholder?: string;
  inputMode?: 'decimal';
  onSave: (text: string) => Promise<string | null>;
}

/**
 * A cell edited in place: saved on Enter or when focus leaves, put back on Escape. A refusal
 * keeps what was typed and shows the store's message beside it, so nothing typed is lost.
 */
function TextField({ label, handle, value, placeholder, inputMode, onSave }: TextFieldProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A new stored value (saved here, or changed by a bulk action) replaces the draft.
  useLayoutEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  async function save() {
    if (draft === value || saving) return;
    setSaving(true);
    setError(await onSave(draft));
    setSaving(false);
  }

  return (
    <span class="rl-field">
      <input
        type="text"
        aria-label={`${label} of @${handle}`}
        aria-invalid={error ? true : undefined}
        value={draft}
        placeholder={placeholder}
        inputMode={inputMode}
        title={draft || undefined}
        onInput={(ev) => setDraft((ev.currentTarget as HTMLInputElement).value)}
        onBlur={save}
        onKeyDown={(ev) => {
          if (ev.key === 'Enter') void save();
          if (ev.key === 'Escape') {
            setDraft(value);
            setError(null);
          }
        }}
      />
      {error && <FieldError message={error} />}
    </span>
  );
}

function FieldError({ message }: { message: string }) {
  return (
    <span class="rl-field-error" role="alert" title={message} data-testid="field-error">
      {message}
    </span>
  );
}
