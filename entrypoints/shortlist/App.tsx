import type { IDBPDatabase } from 'idb';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CompareView } from '@/components/CompareView';
import { BudgetView } from '@/components/BudgetView';
import { ImportDialog, type MappingChange } from '@/components/ImportDialog';
import { Leaderboard } from '@/components/Leaderboard';
import { ROW_HEIGHT, rowId, ShortlistTable, type SortState } from '@/components/ShortlistTable';
import { FilterBar, NO_FILTERS, SelectionBar, type Filters } from '@/components/ShortlistToolbar';
import { ALL_CAMPAIGNS, CampaignActions, CampaignPicker } from '@/components/CampaignBar';
import { plural } from '@/lib/metrics/format';
import {
  DEFAULT_SHORTLIST_COLUMNS,
  EMPTY_IMPORT_MEMORY,
  IMPORT_MEMORY_KEY,
  loadImportMemory,
  loadShortlistView,
  rememberImport,
  SHORTLIST_COLUMN_IDS,
  SHORTLIST_VIEW_KEY,
  type ImportMemory,
  type ShortlistColumnId,
} from '@/lib/preferences';
import { creatorKeyOf, monthlyGrowthPercent } from '@/lib/store/campaign-stats';
import { DEFAULT_CAMPAIGN_ID, openLensDb, type LensDB } from '@/lib/store/db';
import { storeErrorMessage } from '@/lib/store/errors';
import { exportRows, parseImport, planImport, toCsv, toJson, type ImportOptions, type ImportPlan, type ImportPreview } from '@/lib/store/exchange';
import { historyOf, type SnapshotPoint } from '@/lib/store/history';
import { onStoreChange } from '@/lib/store/changes';
import { applyImport, existingRowKeys, exportRowsOfList, readBackup, type LeftOut } from '@/lib/store/import-apply';
import { readSettings, readStored, watchSettings, writeStored } from '@/utils/settings-store';
import {
  createCampaign,
  deleteCampaign,
  entryKeyOf,
  competitorSet,
  shortlistView,
  listShortlist,
  moveEntries,
  removeFromCampaign,
  renameCampaign,
  tagEntries,
  updateCampaign,
  updateEntry,
  type CampaignSummary,
  type EntryPatch,
  type Results,
  type ShortlistQuery,
  type ShortlistRow,
  type SortColumn,
} from '@/lib/store/shortlist';
import { CreatorDetails } from './CreatorDetails';

type Db = IDBPDatabase<LensDB>;



/** The choices an import preview is read with: the user changes them in the preview. */
type ReadingChoices = Pick<ImportOptions, 'columns' | 'defaultPlatform' | 'statusMap' | 'remembered'>;

interface PendingImport {
  fileName: string;
  /** The file's text, read again when the user changes how its columns or statuses are read. */
  text: string;
  choices: ReadingChoices;
  preview: ImportPreview;
  plan: ImportPlan;
  /** The stored rows' keys, for the plan of a preview read again. */
  existing: ReadonlySet<string>;
  error: string | null;
  applying: boolean;
  /** A preview is being read again after a change. */
  reading: boolean;
}

/**
 * A message above the list. `text` may hold names (campaigns, files) in `<bdi>`; `details` are
 * one sentence each (what an export left out, what an import kept), shown as a list.
 */
type Notice = { kind: 'info' | 'error'; text: ComponentChildren; details?: string[] } | null;

/** Details listed in full up to this many; the rest are counted. */
const MAX_DETAILS = 50;

/** The notice of an export that had to leave stored records out (they no longer validate). */
function leftOutNotice(leftOut: readonly LeftOut[], what: string): Notice {
  return {
    kind: 'error',
    text: `${what} was saved without ${plural(leftOut.length, 'stored record that can', 'stored records that can')} no longer be read:`,
    details: leftOut.map((l) => `${l.record}: ${l.reason}.`),
  };
}

/** What the page shows of the campaign chosen (or of all of them): its creators, its leaderboard, or its budget and results. */
type View = 'table' | 'leaderboard' | 'budget';
const VIEW_LABELS: Record<View, string> = { table: 'Creators', leaderboard: 'Leaderboard', budget: 'Budget & results' };

interface Details {
  /** The entry's {@link rowId}: the row itself is looked up again, so edits show at once. */
  id: string;
  history: SnapshotPoint[] | null;
  error: string | null;
}

/** A typed ER bound; blank or not a number = no bound. */
function bound(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function queryOf(f: Filters, sort: SortState, competitors: readonly string[]): ShortlistQuery {
  return {
    text: f.text,
    platforms: f.platform ? [f.platform] : [],
    tierRanks: f.tier ? [Number(f.tier)] : [],
    sizeClasses: f.size ? [f.size] : [],
    tags: f.tag ? [f.tag] : [],
    statuses: f.status ? [f.status] : [],
    erMin: bound(f.erMin),
    erMax: bound(f.erMax),
    ...(f.hideCompetitors && competitors.length > 0 ? { hideCompetitors: competitors } : {}),
    ...(sort ? { sort } : {}),
  };
}

/** Sorting the same column again flips it; a new column starts with the largest first for numbers. */
const TEXT_COLUMNS = new Set<SortColumn>(['handle', 'displayName', 'platform', 'campaign', 'status']);
function nextSort(current: SortState, column: SortColumn): SortState {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: TEXT_COLUMNS.has(column) ? 'asc' : 'desc' };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Save text as a file through the browser's download: a Blob URL and a clicked `<a download>`. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; revoking later frees the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The height left below an element's top in the window, followed as the window and the element move. */
function useHeightBelow(element: { current: HTMLElement | null }, deps: readonly unknown[]): number {
  const [height, setHeight] = useState(() => window.innerHeight - 240);
  useLayoutEffect(() => {
    const measure = () => {
      const top = element.current?.getBoundingClientRect().top ?? 240;
      setHeight(Math.round(window.innerHeight - top - 12));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, deps);
  return height;
}

/** How a campaign is named in headings: the default one holds the creators on no campaign. */
function scopeName(campaign: CampaignSummary | undefined): ComponentChildren {
  if (!campaign) return 'All campaigns';
  if (campaign.id === DEFAULT_CAMPAIGN_ID) return 'Creators on no campaign';
  return <bdi>{campaign.name}</bdi>;
}

/** Let the browser paint (a "Reading…" state) before a long synchronous step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function App() {
  const [db, setDb] = useState<Db | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  const [campaign, setCampaign] = useState<string>(ALL_CAMPAIGNS);
  const [rows, setRows] = useState<ShortlistRow[] | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [comparing, setComparing] = useState<ShortlistRow[] | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [view, setView] = useState<View>('table');
  const [details, setDetails] = useState<Details | null>(null);
  const [growthByCreator, setGrowthByCreator] = useState<ReadonlyMap<string, number | null> | null>(null);
  const [currency, setCurrency] = useState('USD');
  /** The settings' competitors: a creator whose posts name one is marked, and can be hidden. */
  const [competitors, setCompetitors] = useState<readonly string[]>([]);
  const [columns, setColumns] = useState<ShortlistColumnId[]>([...DEFAULT_SHORTLIST_COLUMNS]);
  const memory = useRef<ImportMemory>(EMPTY_IMPORT_MEMORY);

  /** The database being opened: a file chosen in the first moments waits for it rather than being ignored. */
  const opening = useRef<Promise<Db | null> | null>(null);
  useEffect(() => {
    opening.current = openLensDb().then(
      (opened) => {
        setDb(opened);
        return opened;
      },
      (e: unknown) => {
        setNotice({ kind: 'error', text: storeErrorMessage(e) });
        return null;
      },
    );
    // Amounts are in the settings' currency; the columns shown and how files were read are remembered.
    const useSettings = (settings: { currency: string; competitors: readonly string[] }) => {
      setCurrency(settings.currency);
      setCompetitors(settings.competitors);
    };
    void readSettings().then(({ settings }) => useSettings(settings));
    void readStored(SHORTLIST_VIEW_KEY, loadShortlistView).then((v) => setColumns(v.columns));
    void readStored(IMPORT_MEMORY_KEY, loadImportMemory).then((m) => (memory.current = m));
    return watchSettings(useSettings);
  }, []);

  const chooseColumns = (next: ShortlistColumnId[]) => {
    const ordered = SHORTLIST_COLUMN_IDS.filter((id) => next.includes(id));
    setColumns(ordered);
    void writeStored(SHORTLIST_VIEW_KEY, { columns: ordered });
  };

  /**
   * Whether `rows` is the stored data: `changes` counts the writes announced (./changes.ts, by
   * this page, other pages or the background), `readAt` the count when `rows` was read.
   */
  const changes = useRef(0);
  const readAt = useRef(-1);

  /** Read the campaigns and the chosen campaign's rows again (after any write). */
  const reload = useCallback(async () => {
    if (!db) return;
    const before = changes.current;
    const read = await listShortlist(db, campaign === ALL_CAMPAIGNS ? undefined : campaign);
    if (!read.ok) return setNotice({ kind: 'error', text: read.message });
    const { campaigns: listed, rows: entries } = read.value;
    setCampaigns(listed.items);
    setRows(entries.items);
    readAt.current = campaign === ALL_CAMPAIGNS && entries.skipped === 0 ? before : -1;
    if (entries.skipped > 0) {
      setNotice({ kind: 'error', text: `${plural(entries.skipped, 'stored entry', 'stored entries')} could not be read and ${entries.skipped === 1 ? 'is' : 'are'} not shown.` });
    }
    // A selected row that is gone (moved, removed, other tab) must not stay selected unseen.
    const present = new Set(entries.items.map(rowId));
    setSelected((s) => new Set([...s].filter((id) => present.has(id))));
  }, [db, campaign]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Writes from other tabs, the popup and the background (a creator shortlisted from a profile,
  // numbers read on a visit) show here without a manual refresh. This page's own writes are
  // followed by their own reload or in-place update.
  useEffect(() => {
    let reading: Promise<void> | null = null;
    let again = false;
    const readAgain = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = reload().finally(() => {
        reading = null;
        if (again) {
          again = false;
          readAgain();
        }
      });
    };
    return onStoreChange(['campaigns', 'creators'], (local) => {
      changes.current++;
      if (!local) readAgain();
    });
  }, [reload]);

  // The leaderboard's growth needs every creator's history: read it when the leaderboard opens
  // (not for the table, which does not show it), once per creator however many campaigns they are on.
  useEffect(() => {
    setGrowthByCreator(null);
    if (!db || !rows || view !== 'leaderboard') return;
    let stale = false;
    const now = Math.floor(Date.now() / 1000);
    const creators = new Map(rows.map((r) => [creatorKeyOf(r), r.creator] as const));
    void Promise.all(
      [...creators].map(async ([key, c]) => {
        const history = await historyOf(db, c.platform, c.handleKey);
        return [key, history.ok ? monthlyGrowthPercent(history.value.items, now) : null] as const;
      }),
    ).then((pairs) => {
      if (!stale) setGrowthByCreator(new Map(pairs));
    });
    return () => {
      stale = true;
    };
  }, [db, rows, view]);

  async function openDetails(row: ShortlistRow) {
    if (!db) return;
    const id = rowId(row);
    setDetails({ id, history: null, error: null });
    const history = await historyOf(db, row.creator.platform, row.creator.handleKey);
    // Another row may have been opened meanwhile: only fill in the panel still showing this one.
    setDetails((d) => (d?.id !== id ? d : history.ok ? { id, history: history.value.items, error: null } : { id, history: null, error: history.message }));
  }
  const closeDetails = useCallback(() => setDetails(null), []);
  const detailsRow = details ? (rows ?? []).find((r) => rowId(r) === details.id) : undefined;

  const listed = useMemo(() => shortlistView(rows ?? [], queryOf(filters, sort, competitors), competitors), [rows, filters, sort, competitors]);
  const shown = listed.rows;
  const competitorKeys = useMemo(() => competitorSet(competitors), [competitors]);
  const tierOptions = useMemo(() => [...new Set((rows ?? []).map((r) => r.creator.tierRank).filter((t): t is number => t !== null))].sort((a, b) => a - b), [rows]);
  const tagOptions = useMemo(() => {
    const tags = new Map<string, string>();
    for (const r of rows ?? []) for (const t of r.entry.tags) if (!tags.has(t.toLowerCase())) tags.set(t.toLowerCase(), t);
    return [...tags.values()].sort((a, b) => a.localeCompare(b));
  }, [rows]);
  const selectedRows = useMemo(() => (rows ?? []).filter((r) => selected.has(rowId(r))), [rows, selected]);

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  /** Run a store write, report its outcome, and show the stored state again. */
  async function act<T>(run: (db: Db) => Promise<{ ok: true; value: T } | { ok: false; message: string }>, done: (value: T) => ComponentChildren): Promise<boolean> {
    if (!db) return false;
    const result = await run(db);
    setNotice(result.ok ? { kind: 'info', text: done(result.value) } : { kind: 'error', text: result.message });
    await reload();
    return result.ok;
  }

  async function editEntry(row: ShortlistRow, patch: EntryPatch): Promise<string | null> {
    if (!db) return 'The shortlist is not open.';
    const before = changes.current;
    const result = await updateEntry(db, entryKeyOf(row), patch);
    if (!result.ok) return result.message;
    // Only this row changed: replace it in place rather than reading 10,000 rows again. The
    // rows are still the stored data if this write was the only one since they were.
    const id = rowId(row);
    setRows((all) => all?.map((r) => (rowId(r) === id ? { ...r, entry: result.value } : r)) ?? null);
    if (readAt.current === before && changes.current === before + 1) readAt.current = changes.current;
    return null;
  }

  const keys = () => selectedRows.map(entryKeyOf);

  async function setBudget(id: string, budget: number | null): Promise<string | null> {
    if (!db) return 'The shortlist is not open.';
    const result = await updateCampaign(db, id, { budget });
    if (!result.ok) return result.message;
    await reload();
    return null;
  }

  function setResults(row: ShortlistRow, results: Partial<Results>): Promise<string | null> {
    return editEntry(row, { results });
  }

  async function removeCampaign(c: CampaignSummary): Promise<boolean> {
    const done = await act(
      (d) => deleteCampaign(d, c.id),
      (o) => (
        <>
          Campaign "<bdi>{c.name}</bdi>" deleted with its {plural(o.removedEntries, 'entry', 'entries')}.
        </>
      ),
    );
    if (done) setCampaign(ALL_CAMPAIGNS);
    return done;
  }

  async function exportCsv() {
    if (!db) return;
    let exported;
    // The whole list on screen, unchanged since it was read: no need to read 20,000 records again.
    if (rows && readAt.current === changes.current) exported = exportRowsOfList(rows);
    else {
      const data = await readBackup(db);
      if (!data.ok) return setNotice({ kind: 'error', text: data.message });
      exported = exportRows(data.value);
    }
    download(toCsv(exported), `reloquence-shortlist-${today()}.csv`, 'text/csv;charset=utf-8');
  }

  async function exportJson() {
    if (!db) return;
    const data = await readBackup(db);
    if (!data.ok) return setNotice({ kind: 'error', text: data.message });
    download(toJson(data.value), `reloquence-backup-${today()}.json`, 'application/json');
    // Records that no longer validate cannot go in the file: say which, rather than drop them unseen.
    if (data.value.leftOut.length > 0) setNotice(leftOutNotice(data.value.leftOut, 'The backup'));
  }

  async function chooseFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    // The same file chosen again must fire `change` again.
    input.value = '';
    const db = await opening.current;
    if (!file || !db) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setNotice({
        kind: 'error',
        text: (
          <>
            The file <bdi>{file.name}</bdi> could not be read.
          </>
        ),
      });
    }
    // Listing links in a backup are imported only for the marketplace of the settings now.
    const [{ settings }, existing] = await Promise.all([readSettings(), existingRowKeys(db)]);
    if (!existing.ok) return setNotice({ kind: 'error', text: existing.message });
    const choices: ReadingChoices = { remembered: memory.current.columns, statusMap: memory.current.statuses, defaultPlatform: memory.current.defaultPlatform };
    const preview = parseImport(text, file.name, { marketplace: settings.marketplace, ...choices });
    setPending({ fileName: file.name, text, choices, preview, plan: planImport(preview, { keys: existing.value }), existing: existing.value, error: null, applying: false, reading: false });
  }

  /** Read the file again with the columns, platform or statuses the user chose in the preview. */
  async function changeReading(change: MappingChange) {
    if (!pending) return;
    const before = pending;
    const choices: ReadingChoices = {
      ...before.choices,
      columns: change.columns ?? before.preview.columns?.mapping ?? before.choices.columns,
      defaultPlatform: change.defaultPlatform !== undefined ? change.defaultPlatform : (before.preview.columns?.defaultPlatform ?? before.choices.defaultPlatform),
      statusMap: { ...before.choices.statusMap, ...change.statuses },
    };
    setPending({ ...before, choices, reading: true, error: null });
    await nextFrame();
    const { settings } = await readSettings();
    const preview = parseImport(before.text, before.fileName, { marketplace: settings.marketplace, ...choices });
    setPending((p) => (p?.text !== before.text ? p : { ...p, choices, preview, plan: planImport(preview, { keys: before.existing }), reading: false }));
  }

  async function applyPending() {
    if (!db || !pending) return;
    setPending({ ...pending, applying: true, error: null });
    const result = await applyImport(db, pending.preview);
    if (!result.ok) return setPending({ ...pending, applying: false, error: result.message });
    // The next file with these headers and statuses is read the same way.
    memory.current = rememberImport(memory.current, pending.preview.columns, pending.preview.statuses);
    void writeStored(IMPORT_MEMORY_KEY, memory.current);
    setPending(null);
    const { added, updated, campaignsCreated, listings, invitations, kept } = result.value;
    const marketplace = [listings ? plural(listings, 'listing link') : '', invitations ? plural(invitations, 'invitation') : ''].filter(Boolean).join(' and ');
    setNotice({
      kind: 'info',
      text:
        `Imported ${plural(added, 'new row')} and ${updated} updated${campaignsCreated ? `; ${plural(campaignsCreated, 'campaign')} created` : ''}.` +
        (marketplace ? ` ${marketplace} imported.` : '') +
        (kept.length > 0 ? ` ${plural(kept.length, 'record of the file was', 'records of the file were')} not imported because what is stored is newer:` : ''),
      ...(kept.length > 0 ? { details: kept } : {}),
    });
    await reload();
  }

  const current = campaigns.find((c) => c.id === campaign);
  const empty = rows !== null && rows.length === 0 && campaign === ALL_CAMPAIGNS;
  const tableArea = useRef<HTMLDivElement>(null);
  const tableHeight = Math.max(ROW_HEIGHT * 6, useHeightBelow(tableArea, [view, notice, rows === null, empty, campaign]));

  return (
    <div class="rl-root rl-page">
      <header class="rl-page-head">
        <span class="rl-logo" aria-hidden="true">
          R
        </span>
        <h1>Shortlist</h1>
        <CampaignPicker
          campaigns={campaigns}
          value={campaign}
          onChange={(id) => {
            setCampaign(id);
            setSelected(new Set());
          }}
          onCreate={(name) =>
            act(
              (d) => createCampaign(d, name),
              (c) => (
                <>
                  Campaign "<bdi>{c.name}</bdi>" created.
                </>
              ),
            )
          }
          onRename={
            current && current.id !== DEFAULT_CAMPAIGN_ID
              ? (name) =>
                  act(
                    (d) => renameCampaign(d, current.id, name),
                    (c) => (
                      <>
                        Campaign renamed to "<bdi>{c.name}</bdi>".
                      </>
                    ),
                  )
              : null
          }
        />
        {current && (
          <CampaignActions
            key={current.id}
            campaign={current}
            onArchive={(archived) =>
              act(
                (d) => updateCampaign(d, current.id, { archived }),
                (c) => (
                  <>
                    Campaign "<bdi>{c.name}</bdi>" {c.archived ? 'archived' : 'restored'}.
                  </>
                ),
              )
            }
            onDelete={() => removeCampaign(current)}
          />
        )}
        <span class="rl-spacer-flex" />
        <label class="rl-btn" data-testid="import-button">
          Import…
          <input type="file" accept=".csv,.json,text/csv,application/json" class="rl-file" data-testid="import-file" onChange={(e) => void chooseFile(e.currentTarget)} />
        </label>
        <button type="button" class="rl-btn" onClick={() => void exportCsv()} disabled={!db}>
          Export CSV
        </button>
        <button type="button" class="rl-btn" onClick={() => void exportJson()} disabled={!db} title="Everything, to keep or to move to another browser (JSON)">
          Export backup
        </button>
      </header>

      {notice && (
        <p class={notice.kind === 'error' ? 'rl-notice rl-error' : 'rl-notice'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.text}</span>
          <button type="button" class="rl-link" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      {notice?.details && notice.details.length > 0 && (
        <ul class="rl-notice-details" data-testid="notice-details">
          {notice.details.slice(0, MAX_DETAILS).map((d, i) => (
            <li key={i}>
              <bdi>{d}</bdi>
            </li>
          ))}
          {notice.details.length > MAX_DETAILS && <li>…and {notice.details.length - MAX_DETAILS} more.</li>}
        </ul>
      )}

      {!empty && (
        <nav class="rl-views" aria-label="Views">
          {(Object.keys(VIEW_LABELS) as View[]).map((v) => (
            <button key={v} type="button" class={v === view ? 'rl-tab rl-tab-active' : 'rl-tab'} aria-pressed={v === view} onClick={() => setView(v)} data-testid={`view-${v}`}>
              {VIEW_LABELS[v]}
            </button>
          ))}
          <span class="rl-views-scope" data-testid="view-scope">
            Showing: <strong>{scopeName(current)}</strong>
          </span>
          {current?.archived && <span class="rl-archived-badge">Archived</span>}
        </nav>
      )}

      {empty ? (
        <p class="rl-empty" data-testid="empty">
          No creators shortlisted yet — open a creator's profile and click Shortlist, or import a list (CSV from a spreadsheet or another tool).
        </p>
      ) : view === 'leaderboard' ? (
        <Leaderboard rows={rows ?? []} growthByCreator={growthByCreator} currency={currency} showCampaign={campaign === ALL_CAMPAIGNS} />
      ) : view === 'budget' ? (
        <BudgetView
          campaign={current ?? null}
          title={scopeName(current)}
          campaigns={campaigns}
          rows={rows ?? []}
          currency={currency}
          onSetBudget={(b) => (current ? setBudget(current.id, b) : Promise.resolve('Choose a campaign to set its budget.'))}
          onSetResults={setResults}
        />
      ) : (
        <>
          <FilterBar
            filters={filters}
            setFilter={setFilter}
            tiers={tierOptions}
            tags={tagOptions}
            competitors={competitors.length}
            withCompetitor={listed.withCompetitor}
            onClear={() => setFilters(NO_FILTERS)}
          />
          <SelectionBar
            count={selected.size}
            shown={shown.length}
            total={rows?.length ?? 0}
            campaigns={campaigns}
            columns={columns}
            onColumns={chooseColumns}
            onCompare={() => setComparing(selectedRows)}
            onMove={(to) => act((d) => moveEntries(d, keys(), to), (o) => `${plural(o.moved, 'creator')} moved${o.alreadyThere ? `, ${o.alreadyThere} already there` : ''}.`)}
            onTag={(tag, add) => act((d) => tagEntries(d, keys(), add ? { add: [tag] } : { remove: [tag] }), (o) => `${add ? 'Tagged' : 'Untagged'} ${plural(o.updated, 'row')}.`)}
            onRemove={() => act((d) => removeFromCampaign(d, keys()), (o) => `${plural(o.removed, 'creator')} removed from ${o.removed === 1 ? 'its' : 'their'} campaign.`)}
          />
          <div ref={tableArea}>
            {rows === null ? (
              <p class="rl-muted rl-loading">Loading…</p>
            ) : (
              <ShortlistTable
                rows={shown}
                columns={campaign === ALL_CAMPAIGNS ? columns : columns.filter((c) => c !== 'campaign')}
                currency={currency}
                competitors={competitorKeys}
                sort={sort}
                onSort={(column) => setSort((s) => nextSort(s, column))}
                selected={selected}
                onToggle={(id) =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (!next.delete(id)) next.add(id);
                    return next;
                  })
                }
                onToggleAll={() => setSelected((s) => (shown.length > 0 && shown.every((r) => s.has(rowId(r))) ? new Set() : new Set(shown.map(rowId))))}
                onEdit={editEntry}
                height={tableHeight}
                onOpen={(row) => void openDetails(row)}
                openId={details?.id ?? null}
              />
            )}
          </div>
          {rows !== null && rows.length > 0 && shown.length === 0 && <p class="rl-empty">No creators match these filters.</p>}
        </>
      )}

      {details && detailsRow && <CreatorDetails row={detailsRow} history={details.history} error={details.error} currency={currency} onClose={closeDetails} />}
      {comparing && (
        <div class="rl-modal-backdrop">
          <div class="rl-modal rl-modal-wide" role="dialog" aria-modal="true" aria-labelledby="rl-compare-title">
            <CompareView rows={comparing} currency={currency} competitors={competitorKeys} onClose={() => setComparing(null)} />
          </div>
        </div>
      )}
      {pending && (
        <ImportDialog
          fileName={pending.fileName}
          preview={pending.preview}
          plan={pending.plan}
          applying={pending.applying}
          reading={pending.reading}
          error={pending.error}
          onChange={(change) => void changeReading(change)}
          onApply={() => void applyPending()}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}
