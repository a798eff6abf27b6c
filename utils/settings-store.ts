/**
 * The settings in the browser's storage (`browser.storage.local`, key {@link SETTINGS_KEY}).
 *
 * Reading never throws: whatever is stored goes through {@link loadSettings}, and a storage
 * failure gives the defaults with a note. Writing checks first ({@link checkSettings}) and
 * refuses bad input without touching storage; a storage failure is a message, not a throw.
 */
import { browser } from 'wxt/browser';
import { checkSettings, DEFAULT_SETTINGS, loadSettings, type FieldErrors, type Settings } from '@/lib/settings';
import { SETTINGS_KEY } from './storage-keys';

export type WriteResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } | { ok: false; message: string };

export const READ_FAILED_NOTE = 'Your settings could not be read from the browser’s storage; the defaults are shown. Saving will replace what was stored.';
const WRITE_FAILED = 'Your settings could not be saved: the browser’s storage refused them. Try again; if it keeps failing, restart the browser.';

/** The raw stored value, or a failure (storage unavailable, extension reloaded…). */
async function readRaw(): Promise<{ ok: true; raw: unknown } | { ok: false }> {
  try {
    const got: Record<string, unknown> = await browser.storage.local.get(SETTINGS_KEY);
    return { ok: true, raw: got?.[SETTINGS_KEY] };
  } catch {
    return { ok: false };
  }
}

/** The settings as stored, each unreadable field reset to its default with a note. Never throws. */
export async function readSettings(): Promise<{ settings: Settings; notes: string[] }> {
  return settingsOf(await readRaw());
}

/** Settings from a raw read of the storage (`readSettings` without the read): the defaults with a note when it failed. */
export function settingsOf(read: { ok: true; raw: unknown } | { ok: false }): { settings: Settings; notes: string[] } {
  if (!read.ok) return { settings: structuredClone(DEFAULT_SETTINGS), notes: [READ_FAILED_NOTE] };
  return loadSettings(read.raw);
}

/** Check and store. Bad input is refused with a message per field, and nothing is written. */
export async function writeSettings(input: unknown): Promise<WriteResult> {
  const checked = checkSettings(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  try {
    await browser.storage.local.set({ [SETTINGS_KEY]: checked.settings });
  } catch {
    return { ok: false, message: WRITE_FAILED };
  }
  return { ok: true, settings: checked.settings };
}

/** Updates made from this page run one after another, so none reads what another is about to replace. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Read, change, write (used by "This is me"). When storage cannot be read nothing is written:
 * writing the defaults plus the change would wipe the user's settings. A `change` that throws
 * writes nothing either.
 */
export function updateSettings(change: (s: Settings) => Settings): Promise<WriteResult> {
  const run = async (): Promise<WriteResult> => {
    const read = await readRaw();
    if (!read.ok) return { ok: false, message: 'Your settings could not be read from the browser’s storage, so nothing was changed. Try again.' };
    let next: Settings;
    try {
      next = change(loadSettings(read.raw).settings);
    } catch {
      return { ok: false, message: 'Your settings could not be changed.' };
    }
    return writeSettings(next);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Call `listener` with the new settings (read through {@link loadSettings}, with its notes)
 * whenever they change in storage, from this page or any other. Returns the unsubscribe.
 */
export function watchSettings(listener: (s: Settings, notes: string[]) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'local' || !Object.prototype.hasOwnProperty.call(changes, SETTINGS_KEY)) return;
    const loaded = loadSettings(changes[SETTINGS_KEY]?.newValue);
    listener(loaded.settings, loaded.notes);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

// ---------------------------------------------------------------------------------------------
// Other remembered choices (the shortlist's columns, an import's column mapping): each under its
// own key, read through its zod schema by the `load` given (which never throws: whatever is
// stored that does not parse gives the defaults), written only after the same check.

/** What is stored under `key`, through `load`; `load(undefined)` (the defaults) when storage cannot be read. */
export async function readStored<T>(key: string, load: (raw: unknown) => T): Promise<T> {
  try {
    const got: Record<string, unknown> = await browser.storage.local.get(key);
    return load(got?.[key]);
  } catch {
    return load(undefined);
  }
}

/** Store `value` under `key`; false when storage refused it (the choice then lasts for this page only). */
export async function writeStored(key: string, value: unknown): Promise<boolean> {
  try {
    await browser.storage.local.set({ [key]: value });
    return true;
  } catch {
    return false;
  }
}
