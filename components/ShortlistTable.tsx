import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatCount, formatMoney, formatPercent, formatRange, parseAmountText } from '@/lib/metrics/format';
import { SIZE_CLASS_LABELS } from '@/lib/metrics/tiers';
import { PLATFORM_LABELS, type Platform } from '@/lib/platforms/types';
import { isolate } from '@/lib/bidi';
import type { ShortlistColumnId } from '@/lib/preferences';
import { ENTRY_STATUSES, ENTRY_STATUS_HINTS, ENTRY_STATUS_LABELS, type EntryPatch, type ShortlistRow, type SortColumn } from '@/lib/store/shortlist';
import { creatorLabel } from '@/lib/platforms/profile-url';
import { brandsOf, brandsText, brandText, competitorHitsOf, competitorText, signalCounts, signalsDetail, sponsoredText, sponsoredVsOrganicText } from '@/lib/store/creator-insights';

/** No competitors set. */
const NO_COMPETITORS: ReadonlySet<string> = new Set();

/** Fixed so the window of rendered rows is a plain division: row i sits at i × ROW_HEIGHT. */
export const ROW_HEIGHT = 40;
/** Rows rendered above and below the visible ones, so a fast scroll does not show blank space. */
const MARGIN_ROWS = 10;

export type SortState = { column: SortColumn; direction: 'asc' | 'desc' } | null;

/** The identity of a row (an entry): campaign, platform and handle key. */
export function rowId(row: ShortlistRow): string {
  return `${row.entry.campaignId}\u0000${row.entry.platform}\u0000${row.entry.handleKey}`;
}

/** Short platform marks, beside the handle (the full name is the mark's title and the Platform column). */
export const PLATFORM_MARKS: Record<Platform, string> = { instagram: 'IG', youtube: 'YT', tiktok: 'TT', x: 'X' };

export interface ShortlistTableProps {
  rows: readonly ShortlistRow[];
  /** The optional columns shown, in the table's order (lib/preferences.ts). */
  columns: readonly ShortlistColumnId[];
  /** The settings' currency: agreed prices are typed and shown in it. */
  currency: string;
  /** The settings' competitors (lib/store/shortlist.ts `competitorSet`): a creator whose posts name one is marked. */
  competitors?: ReadonlySet<string>;
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
  /** Open a creator's details panel (a click on the row, or its details button). */
  onOpen?: (row: ShortlistRow) => void;
  /** The row whose details are open, to mark it. */
  openId?: string | null;
}

interface CellContext {
  row: ShortlistRow;
  currency: string;
  competitors: ReadonlySet<string>;
  onEdit: (patch: EntryPatch) => Promise<string | null>;
}

interface Column {
  id: ShortlistColumnId;
  label: string;
  /** What the column holds, for the column chooser and the header's title. */
  title?: string;
  sort?: SortColumn;
  className: string;
  /** Width in pixels; the one column without (Notes) takes the room left, at least {@link FLEX_MIN_WIDTH}. */
  width?: number;
  cell: (ctx: CellContext) => ComponentChildren;
}

/** The selection box and the handle, always shown and kept in view. */
const SELECT_WIDTH = 34;
const HANDLE_WIDTH = 170;
/** What the widening column (Notes) is given at least: a few words. */
const FLEX_MIN_WIDTH = 100;

/** A creator's guide prices are in the tier scheme's currency (recorded with them), else the settings'. */
function guideCurrency(row: ShortlistRow, currency: string): string {
  return row.creator.currency ?? currency;
}

export const COLUMNS: readonly Column[] = [
  { id: 'platform', width: 80, label: 'Platform', sort: 'platform', className: 'rl-c-platform', cell: ({ row }) => PLATFORM_LABELS[row.creator.platform] },
  {
    id: 'name',
    width: 130,
    label: 'Name',
    title: 'Display name',
    sort: 'displayName',
    className: 'rl-c-name',
    cell: ({ row }) => (row.creator.displayName === null ? <span class="rl-muted">—</span> : <bdi title={isolate(row.creator.displayName)}>{row.creator.displayName}</bdi>),
  },
  {
    id: 'campaign',
    width: 104,
    label: 'Campaign',
    sort: 'campaign',
    className: 'rl-c-campaign',
    cell: ({ row }) => <bdi title={isolate(row.campaignName)}>{row.campaignName}</bdi>,
  },
  { id: 'followers', width: 84, label: 'Followers', sort: 'followers', className: 'rl-c-num rl-c-followers', cell: ({ row }) => <span data-testid="followers">{formatCount(row.creator.followers)}</span> },
  { id: 'er', width: 54, label: 'ER', title: 'Engagement rate per follower', sort: 'er', className: 'rl-c-num rl-c-er', cell: ({ row }) => <span data-testid="er">{formatPercent(row.creator.er)}</span> },
  { id: 'erPerView', width: 70, label: 'ER / view', title: 'Engagement per view', sort: 'erPerView', className: 'rl-c-num rl-c-er', cell: ({ row }) => formatPercent(row.creator.erPerView) },
  {
    id: 'tier',
    width: 54,
    label: 'Tier',
    title: 'Tier 1 is the largest audience',
    sort: 'tier',
    className: 'rl-c-tier',
    cell: ({ row }) =>
      row.creator.tierRank === null ? (
        <span class="rl-muted">—</span>
      ) : (
        <span title={row.creator.tierName === null ? undefined : isolate(row.creator.tierName)}>Tier {row.creator.tierRank}</span>
      ),
  },
  { id: 'sizeClass', width: 56, label: 'Size', title: 'Size class', sort: 'sizeClass', className: 'rl-c-size', cell: ({ row }) => (row.creator.sizeClass ? SIZE_CLASS_LABELS[row.creator.sizeClass] : '—') },
  {
    id: 'price',
    width: 86,
    label: 'Guide price',
    title: 'Fair price per post for the tier and rate (its range on hover)',
    sort: 'pricePoint',
    className: 'rl-c-num rl-c-price',
    cell: ({ row, currency }) => {
      const c = row.creator;
      const money = guideCurrency(row, currency);
      return (
        <span title={c.priceLow !== null && c.priceHigh !== null ? `Range ${formatRange(c.priceLow, c.priceHigh, money)}` : undefined} data-testid="guide-price">
          {formatMoney(c.pricePoint, money)}
        </span>
      );
    },
  },
  {
    id: 'signals',
    width: 118,
    label: 'Audience',
    title: 'Audience signals fine and to check, as of the last reading (sorted by those to check)',
    sort: 'signalsToCheck',
    className: 'rl-c-signals',
    cell: ({ row }) => {
      const counts = signalCounts(row.creator);
      return (
        <span title={signalsDetail(row.creator)} data-testid="signals">
          {counts === null ? (
            <span class="rl-muted">unknown</span>
          ) : counts.toCheck > 0 ? (
            <>
              {counts.fine} fine · <strong class="rl-check-count">{counts.toCheck} to check</strong>
            </>
          ) : (
            `${counts.fine} fine`
          )}
        </span>
      );
    },
  },
  {
    id: 'sponsored',
    width: 124,
    label: 'Sponsored',
    title: "Sponsored posts of those read, and their engagement against the others' (sorted by that)",
    sort: 'sponsoredVsOrganic',
    className: 'rl-c-num rl-c-sponsored',
    cell: ({ row }) => {
      const of = sponsoredText(row.creator);
      const vs = sponsoredVsOrganicText(row.creator);
      if (of === null) return <span class="rl-muted">unknown</span>;
      return (
        <span title={vs === null ? `${of} recent posts sponsored` : `${of} recent posts sponsored; they get ${vs} of the engagement of the others`} data-testid="sponsored">
          {vs === null ? of : `${of} · ${vs}`}
        </span>
      );
    },
  },
  {
    id: 'brands',
    width: 150,
    label: 'Brands',
    title: 'Accounts the recent posts mention or tag, with how many posts (competitors marked)',
    className: 'rl-c-brands',
    cell: ({ row, competitors }) => {
      const brands = brandsOf(row.creator);
      if (brands === null) return <span class="rl-muted">unknown</span>;
      if (brands.length === 0) return <span class="rl-muted">none</span>;
      return (
        <span class="rl-brands" title={isolate(brandsText(row.creator) ?? '')} data-testid="brands">
          {brands.slice(0, 3).map((b, i) => (
            <>
              {i > 0 && ', '}
              <bdi class={competitors.has(b.handle) ? 'rl-competitor' : undefined}>{brandText(b)}</bdi>
            </>
          ))}
          {brands.length > 3 && ` +${brands.length - 3}`}
        </span>
      );
    },
  },
  { id: 'status', width: 116, label: 'Status', sort: 'status', className: 'rl-c-status', cell: ({ row, onEdit }) => <StatusField value={row.entry.status} handle={row.creator.handle} onEdit={onEdit} /> },
  {
    id: 'agreed',
    width: 74,
    label: 'Agreed',
    title: 'Agreed price per post',
    sort: 'agreedPrice',
    className: 'rl-c-agreed',
    cell: ({ row, currency, onEdit }) => (
      <TextField
        label="Agreed price"
        handle={row.creator.handle}
        // Shown as money, like every amount; typed "1200", "$1,200" or "1 200" alike.
        value={row.entry.agreedPrice === null ? '' : formatMoney(row.entry.agreedPrice, currency)}
        placeholder="add"
        inputMode="decimal"
        align="right"
        onSave={(text) => saveMoney(text, onEdit)}
      />
    ),
  },
  {
    id: 'tags',
    width: 96,
    label: 'Tags',
    className: 'rl-c-tags',
    cell: ({ row, onEdit }) => (
      <TextField
        label="Tags"
        handle={row.creator.handle}
        value={row.entry.tags.join('; ')}
        placeholder="tag; tag"
        onSave={(text) => onEdit({ tags: text.split(';').map((t) => t.trim()).filter(Boolean) })}
      />
    ),
  },
  {
    id: 'notes',
    label: 'Notes',
    className: 'rl-c-notes',
    cell: ({ row, onEdit }) => <TextField label="Notes" handle={row.creator.handle} value={row.entry.notes} placeholder="add a note" onSave={(text) => onEdit({ notes: text })} />,
  },
  {
    id: 'coupon',
    width: 92,
    label: 'Coupon',
    title: 'Coupon code',
    className: 'rl-c-coupon',
    cell: ({ row, onEdit }) => <TextField label="Coupon code" handle={row.creator.handle} value={row.entry.couponCode ?? ''} onSave={(text) => onEdit({ couponCode: text })} />,
  },
  {
    id: 'link',
    width: 150,
    label: 'Affiliate link',
    className: 'rl-c-link',
    cell: ({ row, onEdit }) => (
      <TextField label="Affiliate link" handle={row.creator.handle} value={row.entry.affiliateLink ?? ''} placeholder="https://" onSave={(text) => onEdit({ affiliateLink: text })} />
    ),
  },
];

/** The label of each optional column, for the column chooser. */
export const COLUMN_LABELS: Record<ShortlistColumnId, string> = Object.fromEntries(COLUMNS.map((c) => [c.id, c.title ? `${c.label} (${c.title.toLowerCase()})` : c.label])) as Record<
  ShortlistColumnId,
  string
>;

function ariaSort(sortColumn: SortColumn | undefined, sort: SortState): 'ascending' | 'descending' | 'none' | undefined {
  if (!sortColumn) return undefined;
  if (sort?.column !== sortColumn) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

function SortHeader({ label, title, sortColumn, sort, onSort, className }: { label: string; title?: string; sortColumn?: SortColumn; sort: SortState; onSort: (c: SortColumn) => void; className: string }) {
  return (
    <th class={className} aria-sort={ariaSort(sortColumn, sort)} title={title} scope="col">
      {sortColumn ? (
        <button type="button" class="rl-sort" onClick={() => onSort(sortColumn)}>
          {label}
          <span aria-hidden="true">{sort?.column === sortColumn ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}

/**
 * What a roomy window gives beyond the least widths, in this order, each only when the room left
 * (after the widening column's least) holds it whole: a long handle, campaign names, tags, brands.
 */
const ROOMY: ReadonlyArray<readonly [ShortlistColumnId | 'handle', number]> = [
  ['handle', 50],
  ['campaign', 26],
  ['tags', 54],
  ['brands', 50],
  ['sponsored', 20],
  ['agreed', 14],
  ['followers', 4],
];

/** The extra width of each column, from the room the window has beyond the table's least width. */
function roomyWidths(columns: readonly Column[], room: number): Map<string, number> {
  const extra = new Map<string, number>();
  let left = room;
  for (const [id, add] of ROOMY) {
    if (id !== 'handle' && !columns.some((c) => c.id === id)) continue;
    if (left < add) break;
    extra.set(id, add);
    left -= add;
  }
  return extra;
}

/** The element's inner width, followed as the window resizes (0 until it is laid out). */
function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The shortlist as a table, rendering only the rows in view (± a margin): 10,000 rows would
 * otherwise be 10,000 × 16 cells of DOM on every keystroke in the search box. The selection box
 * and the handle stay in view when the table scrolls sideways.
 */
export function ShortlistTable(props: ShortlistTableProps) {
  const { rows, columns: shownIds, currency, competitors = NO_COMPETITORS, sort, onSort, selected, onToggle, onToggleAll, onEdit, height, onOpen, openId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const available = useWidth(scroller);

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
  const columns = COLUMNS.filter((c) => shownIds.includes(c.id));
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(rowId(r)));
  // Fixed widths keep every cell whole; more columns than the window holds scroll sideways.
  const minWidth = SELECT_WIDTH + HANDLE_WIDTH + columns.reduce((sum, c) => sum + (c.width ?? FLEX_MIN_WIDTH), 0);
  const bonus = roomyWidths(columns, available - minWidth);

  return (
    <div
      class="rl-table-scroll"
      ref={scroller}
      style={{ height: `${height}px` }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      data-testid="shortlist-table"
    >
      <table class="rl-table rl-shortlist-table" aria-rowcount={rows.length + 1} style={{ minWidth: `${minWidth}px` }}>
        <colgroup>
          <col style={{ width: `${SELECT_WIDTH}px` }} />
          <col class="rl-col-handle" style={{ width: `${HANDLE_WIDTH + (bonus.get('handle') ?? 0)}px` }} />
          {columns.map((c) => (
            // Wider screens give some columns more room (roomyWidths); these are the least they get.
            <col key={c.id} class={`rl-col-${c.id}`} style={c.width ? { width: `${c.width + (bonus.get(c.id) ?? 0)}px` } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th class="rl-c-select rl-sticky" scope="col">
              <input type="checkbox" aria-label="Select all shown" checked={allSelected} onChange={onToggleAll} />
            </th>
            <SortHeader label="Creator" title="Handle (and platform)" sortColumn="handle" sort={sort} onSort={onSort} className="rl-c-handle rl-sticky rl-sticky-2" />
            {columns.map((c) => (
              <SortHeader key={c.id} label={c.label} title={c.title} sortColumn={c.sort} sort={sort} onSort={onSort} className={c.className} />
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
                columns={columns}
                currency={currency}
                competitors={competitors}
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
  columns: readonly Column[];
  currency: string;
  competitors: ReadonlySet<string>;
  isSelected: boolean;
  isOpen: boolean;
  onToggle: () => void;
  onEdit: (patch: EntryPatch) => Promise<string | null>;
  onOpen: (() => void) | undefined;
}

/** Clicks on the row's own controls edit or follow them; only a click elsewhere opens the details. */
const INTERACTIVE = 'a, button, input, select, textarea, label';

function Row({ row, columns, currency, competitors, isSelected, isOpen, onToggle, onEdit, onOpen }: RowProps) {
  const { creator: c } = row;
  const classes = [isSelected ? 'rl-selected' : '', isOpen ? 'rl-open' : '', onOpen ? 'rl-openable' : ''].filter(Boolean).join(' ');
  const label = creatorLabel(c.platform, c.handle, c.displayName);
  const rivals = competitors.size > 0 ? competitorHitsOf(c, competitors) : null;
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
      <td class="rl-c-select rl-sticky">
        <input type="checkbox" aria-label={`Select @${c.handle}`} checked={isSelected} onChange={onToggle} />
      </td>
      <td class="rl-c-handle rl-sticky rl-sticky-2">
        <span class="rl-handle-cell">
          <span class="rl-pmark" title={PLATFORM_LABELS[c.platform]} aria-label={PLATFORM_LABELS[c.platform]}>
            {PLATFORM_MARKS[c.platform]}
          </span>
          <a href={c.profileUrl} target="_blank" rel="noopener noreferrer" data-testid="handle" title={c.displayName ? isolate(c.displayName) : undefined}>
            <bdi>{label}</bdi>
          </a>
          {rivals && rivals.length > 0 && (
            <span class="rl-competitor-mark" title={isolate(`Worked with a competitor: ${competitorText(rivals)}`)} data-testid="competitor-mark" role="img" aria-label="Worked with a competitor">
              ⚑
            </span>
          )}
          {onOpen && (
            // The keyboard's way to the details panel (a row click is the mouse's).
            <button type="button" class="rl-details-button" aria-label={`Details of @${c.handle}`} title="Growth and details" aria-expanded={isOpen} onClick={onOpen} data-testid="open-details">
              ›
            </button>
          )}
        </span>
      </td>
      {columns.map((col) => (
        <td key={col.id} class={col.className}>
          {col.cell({ row, currency, competitors, onEdit })}
        </td>
      ))}
    </tr>
  );
}

/** A price typed by hand: empty clears it; "1,200", "$1,200" and "1 200 €" are read as 1200. */
function saveMoney(text: string, onEdit: (patch: EntryPatch) => Promise<string | null>): Promise<string | null> {
  const amount = parseAmountText(text);
  if (amount === undefined) return Promise.resolve('Agreed price must be an amount, e.g. 1200.');
  return onEdit({ agreedPrice: amount });
}

function StatusField({ value, handle, onEdit }: { value: ShortlistRow['entry']['status']; handle: string; onEdit: RowProps['onEdit'] }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span class="rl-field">
      <select
        aria-label={`Status of @${handle}`}
        value={value}
        title={ENTRY_STATUS_HINTS[value]}
        class={`rl-status rl-status-${value.replace(' ', '-')}`}
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
  align?: 'right';
  onSave: (text: string) => Promise<string | null>;
}

/**
 * A cell edited in place: saved on Enter or when focus leaves, put back on Escape. A refusal
 * keeps what was typed and shows the store's message beside it, so nothing typed is lost.
 */
function TextField({ label, handle, value, placeholder, inputMode, align, onSave }: TextFieldProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A new stored value (saved here, or changed by a bulk action) replaces the draft.
  useLayoutEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  // The latest stored value: a save that stores what was stored already ("1200" for "$1,200")
  // changes nothing the effect above would see, so the field is put back to it here.
  const latest = useRef(value);
  latest.current = value;

  async function save() {
    if (draft === value || saving) return;
    setSaving(true);
    const refusal = await onSave(draft);
    setError(refusal);
    if (refusal === null) setDraft(latest.current);
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
        class={align === 'right' ? 'rl-right' : undefined}
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
