/**
 * Choices the extension remembers besides the settings: which columns the shortlist table shows,
 * and how the columns and statuses of imported files were read. Stored in the browser's storage
 * (utils/settings-store.ts `readStored` / `writeStored`), each under its own key, and read back
 * through the zod schemas here: a value that does not parse is dropped on its own (an unknown
 * column id, a field of a newer version), never the whole choice. Pure.
 */
import * as z from 'zod/mini';
import { PlatformSchema } from './schema';
import type { Platform } from './platforms/types';
import { EXPORT_COLUMNS, headerKey, type ImportColumns, type ImportField, type StatusFound } from './store/exchange';
import { ENTRY_STATUSES, type EntryStatus } from './store/shortlist';

// ---------------------------------------------------------------------------------------------
// The shortlist table's columns

export const SHORTLIST_VIEW_KEY = 'shortlistView';

/** The columns that can be shown or hidden; the selection box and the handle are always shown. */
export const SHORTLIST_COLUMN_IDS = [
  'platform',
  'name',
  'campaign',
  'followers',
  'er',
  'erPerView',
  'tier',
  'sizeClass',
  'price',
  'signals',
  'sponsored',
  'brands',
  'status',
  'agreed',
  'tags',
  'notes',
  'coupon',
  'link',
] as const;
export type ShortlistColumnId = (typeof SHORTLIST_COLUMN_IDS)[number];

/** What fits a 1024 px screen beside the handle: the figures a brand decides on, its pipeline, and notes. */
export const DEFAULT_SHORTLIST_COLUMNS: readonly ShortlistColumnId[] = ['campaign', 'followers', 'er', 'tier', 'price', 'status', 'agreed', 'tags', 'notes'];

const ColumnIdSchema = z.enum(SHORTLIST_COLUMN_IDS);
const ShortlistViewSchema = z.object({ columns: z.array(z.unknown()).check(z.maxLength(100)) });

export interface ShortlistView {
  columns: ShortlistColumnId[];
}

/** The stored choice of columns; the defaults when nothing (readable) is stored. Never throws. */
export function loadShortlistView(raw: unknown): ShortlistView {
  const parsed = ShortlistViewSchema.safeParse(raw);
  if (!parsed.success) return { columns: [...DEFAULT_SHORTLIST_COLUMNS] };
  const columns = parsed.data.columns.flatMap((c) => {
    const id = ColumnIdSchema.safeParse(c);
    return id.success ? [id.data] : [];
  });
  return { columns: SHORTLIST_COLUMN_IDS.filter((id) => columns.includes(id)) };
}

// ---------------------------------------------------------------------------------------------
// How imported files were read

export const IMPORT_MEMORY_KEY = 'importMapping';
/** Headers and statuses remembered at most (the most recent are kept). */
export const MAX_REMEMBERED = 300;

const RememberedKeySchema = z.string().check(z.minLength(1), z.maxLength(100));

export interface ImportMemory {
  /** Header (as `headerKey`) → the field its column was read into; null: "not imported". */
  columns: Record<string, ImportField | null>;
  /** Status text (as `statusKey`) → the status it was read as. */
  statuses: Record<string, EntryStatus>;
  /** The platform last given to rows that name none. */
  defaultPlatform: Platform | null;
}

export const EMPTY_IMPORT_MEMORY: ImportMemory = { columns: {}, statuses: {}, defaultPlatform: null };

function entriesOf<T>(raw: unknown, value: z.ZodMiniType<T>): Array<[string, T]> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([k, v]) => {
    const key = RememberedKeySchema.safeParse(k);
    const parsed = value.safeParse(v);
    return key.success && parsed.success ? [[key.data, parsed.data] as [string, T]] : [];
  }).slice(-MAX_REMEMBERED);
}

/** What earlier imports taught; nothing when nothing (readable) is stored. Never throws. */
export function loadImportMemory(raw: unknown): ImportMemory {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return structuredClone(EMPTY_IMPORT_MEMORY);
  const r = raw as Record<string, unknown>;
  const platform = z.nullable(PlatformSchema).safeParse(r.defaultPlatform ?? null);
  return {
    columns: Object.fromEntries(entriesOf(r.columns, z.nullable(z.enum(EXPORT_COLUMNS)))),
    statuses: Object.fromEntries(entriesOf(r.statuses, z.enum(ENTRY_STATUSES))),
    defaultPlatform: platform.success ? platform.data : null,
  };
}

/** The memory after an import was applied with these columns and statuses (the newest choices win). */
export function rememberImport(memory: ImportMemory, columns: ImportColumns | null, statuses: readonly StatusFound[]): ImportMemory {
  const nextColumns = { ...memory.columns };
  if (columns) {
    columns.headers.forEach((header, i) => {
      const key = headerKey(header);
      if (key === '' || key.length > 100) return;
      delete nextColumns[key];
      nextColumns[key] = columns.mapping[i] ?? null;
    });
  }
  const nextStatuses = { ...memory.statuses };
  for (const s of statuses) {
    if (s.key.length > 100) continue;
    delete nextStatuses[s.key];
    nextStatuses[s.key] = s.status;
  }
  const recent = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).slice(-MAX_REMEMBERED));
  return {
    columns: recent(nextColumns),
    statuses: recent(nextStatuses),
    defaultPlatform: columns ? (columns.defaultPlatform ?? memory.defaultPlatform) : memory.defaultPlatform,
  };
}
