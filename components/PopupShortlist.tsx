import { Fragment } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatCount, formatMoney, formatPercent, plural } from '@/lib/metrics/format';
import { PLATFORM_LABELS, type Platform } from '@/lib/platforms/types';
import { isolate } from '@/lib/bidi';
import { DEFAULT_CAMPAIGN_ID } from '@/lib/store/db';
import { ENTRY_STATUSES, ENTRY_STATUS_LABELS, filterAndSort, MAX_TAG_LENGTH, type EntryStatus, type ShortlistRow } from '@/lib/store/shortlist';
import { creatorLabel } from '@/lib/platforms/profile-url';

/** Fixed, so the rows in view are a plain division of the scroll position: row i sits at i × ROW_HEIGHT. */
export const POPUP_ROW_HEIGHT = 76;
/** The list's scrolling area: about five rows and a half, so the popup stays under the browser's 600 px cap. */
export const POPUP_LIST_HEIGHT = 418;
/** Rows rendered above and below those in view, so a fast scroll does not flash blank space. */
const MARGIN_ROWS = 6;

/** Short platform marks: the row has no room for "Instagram". */
const PLATFORM_MARKS: Record<Platform, string> = { instagram: 'IG', youtube: 'YT', tiktok: 'TT', x: 'X' };

/** The identity of a row (an entry): campaign, platform and handle key. */
export function popupRowId(row: ShortlistRow): string {
  return `${row.entry.campaignId}\u0000${row.entry.platform}\u0000${row.entry.handleKey}`;
}

export interface PopupShortlistProps {
  /** Every entry, in the order to show them; null while loading. */
  rows: readonly ShortlistRow[] | null;
  /** The settings' currency: agreed prices are in it. */
  currency: string;
  /** False while `rows` is only the first screen and the rest is being read. */
  complete: boolean;
  /** Why the list could not be read (the store's message), shown instead of the list. */
  loadError: string | null;
  /** Change an entry's status; resolves to the store's refusal message, or null when saved. */
  onStatus: (row: ShortlistRow, status: EntryStatus) => Promise<string | null>;
  /** Add a tag to an entry; resolves to the store's refusal message, or null when saved. */
  onAddTag: (row: ShortlistRow, tag: string) => Promise<string | null>;
  onOpenFull: () => void;
}

/**
 * The popup's compact shortlist: search, platform and status filters, and a windowed list (only
 * the rows in view are in the DOM, so 10,000 creators cost what 20 do on every keystroke).
 */
export function PopupShortlist({ rows, currency, complete, loadError, onStatus, onAddTag, onOpenFull }: PopupShortlistProps) {
  const [text, setText] = useState('');
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [status, setStatus] = useState<EntryStatus | ''>('');
  // No sort: the rows come sorted once, and filtering keeps their order (no sort per keystroke).
  const shown = useMemo(
    () => (rows ? filterAndSort(rows, { text, platforms: platform ? [platform] : [], statuses: status ? [status] : [] }) : []),
    [rows, text, platform, status],
  );
  const total = rows?.length ?? 0;

  return (
    <div class="rl-pshort" data-testid="popup-shortlist">
      <div class="rl-pshort-filters" role="search">
        <input
          type="search"
          placeholder="Search handle, name, notes, tags"
          aria-label="Search the shortlist"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          data-testid="popup-search"
        />
        <select aria-label="Platform" value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform | '')}>
          <option value="">Platform</option>
          {(Object.keys(PLATFORM_LABELS) as Platform[]).map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.currentTarget.value as EntryStatus | '')}>
          <option value="">Status</option>
          {ENTRY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ENTRY_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {loadError ? (
        <p class="rl-pshort-note rl-error" role="alert" data-testid="popup-shortlist-error">
          {loadError}
        </p>
      ) : rows === null ? (
        <p class="rl-pshort-note">Loading the shortlist…</p>
      ) : total === 0 ? (
        <p class="rl-pshort-note" data-testid="popup-shortlist-empty">
          No creators shortlisted yet — open a creator's profile and click Shortlist.
        </p>
      ) : (
        <>
          <p class="rl-pshort-count" data-testid="popup-count">
            {!complete ? 'Reading the whole list…' : shown.length === total ? `${plural(total, 'creator')} on your lists` : `${shown.length.toLocaleString('en-US')} of ${plural(total, 'creator')}`}
          </p>
          {shown.length === 0 ? (
            <p class="rl-pshort-note">No creators match.</p>
          ) : (
            <WindowedList rows={shown} currency={currency} onStatus={onStatus} onAddTag={onAddTag} />
          )}
        </>
      )}
      <div class="rl-pshort-foot">
        <a
          href="/shortlist.html"
          class="rl-link"
          data-testid="open-full-view"
          onClick={(e) => {
            e.preventDefault();
            onOpenFull();
          }}
        >
          Open full view ↗
        </a>
      </div>
    </div>
  );
}

function WindowedList({ rows, currency, onStatus, onAddTag }: { rows: readonly ShortlistRow[]; currency: string } & Pick<PopupShortlistProps, 'onStatus' | 'onAddTag'>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  // A narrower search can leave the scroll position past the end of the shorter list.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && el.scrollTop > rows.length * POPUP_ROW_HEIGHT) {
      el.scrollTop = 0;
      setScrollTop(0);
    }
  }, [rows.length]);

  const first = Math.max(0, Math.floor(scrollTop / POPUP_ROW_HEIGHT) - MARGIN_ROWS);
  const last = Math.min(rows.length, Math.ceil((scrollTop + POPUP_LIST_HEIGHT) / POPUP_ROW_HEIGHT) + MARGIN_ROWS);
  return (
    <div
      class="rl-pshort-scroll"
      ref={scroller}
      style={{ height: `${Math.min(POPUP_LIST_HEIGHT, rows.length * POPUP_ROW_HEIGHT)}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="popup-list"
    >
      <ul class="rl-pshort-list" style={{ height: `${rows.length * POPUP_ROW_HEIGHT}px` }} aria-label="Shortlisted creators">
        {rows.slice(first, last).map((row, i) => (
          <Row key={popupRowId(row)} row={row} currency={currency} top={(first + i) * POPUP_ROW_HEIGHT} onStatus={onStatus} onAddTag={onAddTag} />
        ))}
      </ul>
    </div>
  );
}

interface RowProps extends Pick<PopupShortlistProps, 'onStatus' | 'onAddTag'> {
  row: ShortlistRow;
  currency: string;
  top: number;
}

/** The price a row shows: the agreed price once there is one, else the tier's guide price; and which it is. */
function priceOf(row: ShortlistRow, currency: string): { text: string; label: string; title: string } {
  if (row.entry.agreedPrice !== null) return { text: formatMoney(row.entry.agreedPrice, currency), label: 'agreed', title: 'Agreed price per post' };
  return { text: formatMoney(row.creator.pricePoint, row.creator.currency ?? currency), label: 'guide', title: 'Guide price per post (tier and ER)' };
}

function Row({ row, currency, top, onStatus, onAddTag }: RowProps) {
  const { creator: c, entry: e } = row;
  const [statusError, setStatusError] = useState<string | null>(null);
  const price = priceOf(row, currency);
  return (
    <li class="rl-prow" style={{ top: `${top}px`, height: `${POPUP_ROW_HEIGHT}px` }} data-testid="popup-row" data-handle={c.handleKey}>
      <div class="rl-prow-line">
        <span class="rl-chip rl-prow-platform" title={PLATFORM_LABELS[c.platform]}>
          {PLATFORM_MARKS[c.platform]}
        </span>
        <a
          class="rl-prow-handle"
          href={c.profileUrl}
          target="_blank"
          rel="noopener noreferrer"
          title={c.displayName ? `${isolate(c.displayName)} — open the profile in a new tab` : 'Open the profile in a new tab'}
          data-testid="popup-handle"
        >
          <bdi>{creatorLabel(c.platform, c.handle, c.displayName)}</bdi>
        </a>
        {e.campaignId !== DEFAULT_CAMPAIGN_ID && (
          <bdi class="rl-prow-campaign" title={`Campaign: ${isolate(row.campaignName)}`}>
            {row.campaignName}
          </bdi>
        )}
        <span class="rl-prow-tier" title={c.tierName === null ? 'Tier unknown' : `Tier ${c.tierRank ?? '—'}: ${isolate(c.tierName)}`}>
          {c.tierRank === null ? '' : `Tier ${c.tierRank}`}
        </span>
      </div>
      <div class="rl-prow-figures" data-testid="popup-figures">
        <span title="Engagement rate per follower">
          <span class="rl-prow-label">ER</span> <strong data-testid="popup-er">{formatPercent(c.er)}</strong>
        </span>
        {' · '}
        <span title="Followers">
          <strong data-testid="popup-followers">{formatCount(c.followers)}</strong> <span class="rl-prow-label">followers</span>
        </span>
        {' · '}
        <span title={price.title} data-testid="popup-price">
          <strong>{price.text}</strong> <span class="rl-prow-label">{price.label}</span>
        </span>
      </div>
      <div class="rl-prow-line">
        <select
          aria-label={`Status of @${c.handle}`}
          aria-invalid={statusError ? true : undefined}
          value={e.status}
          onChange={async (ev) => {
            const select = ev.currentTarget;
            const next = select.value as EntryStatus;
            const error = await onStatus(row, next);
            // A refused change shows the stored status again, with the reason beside it.
            if (error) select.value = e.status;
            setStatusError(error);
          }}
        >
          {ENTRY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ENTRY_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        {statusError && <FieldError message={statusError} />}
        <span class="rl-prow-tags" title={e.tags.map(isolate).join('; ')} data-testid="popup-tags">
          {e.tags.map((tag, i) => (
            <Fragment key={i}>
              {i > 0 && ' · '}
              <bdi>{tag}</bdi>
            </Fragment>
          ))}
        </span>
        <TagInput handle={c.handle} onAdd={(tag) => onAddTag(row, tag)} />
      </div>
    </li>
  );
}

/** Type a tag and press Enter. A refusal keeps what was typed and shows why beside it. */
function TagInput({ handle, onAdd }: { handle: string; onAdd: (tag: string) => Promise<string | null> }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    const tag = draft.trim();
    if (!tag || saving) return;
    setSaving(true);
    const refusal = await onAdd(tag);
    setSaving(false);
    setError(refusal);
    if (!refusal) setDraft('');
  }

  return (
    <>
      <input
        type="text"
        class="rl-prow-tag-input"
        aria-label={`Add a tag to @${handle}`}
        aria-invalid={error ? true : undefined}
        placeholder="+ tag"
        // One over the limit, so a too-long tag is refused with the store's message, not cut short unseen.
        maxLength={MAX_TAG_LENGTH + 1}
        value={draft}
        disabled={saving}
        onInput={(ev) => setDraft(ev.currentTarget.value)}
        onKeyDown={(ev) => {
          if (ev.key === 'Enter') void save();
          if (ev.key === 'Escape' && draft) {
            // Escape would otherwise close the popup with the draft in it.
            ev.preventDefault();
            setDraft('');
            setError(null);
          }
        }}
      />
      {error && <FieldError message={error} />}
    </>
  );
}

function FieldError({ message }: { message: string }) {
  return (
    <span class="rl-prow-error" role="alert" title={message} data-testid="popup-field-error">
      {message}
    </span>
  );
}
