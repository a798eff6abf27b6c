/**
 * IndexedDB failures, told to the user in plain words.
 *
 * Every store operation runs in one transaction that is aborted on any failure (see
 * {@link inTransaction}), so whatever goes wrong, the records stored before are untouched: the
 * messages can honestly say "nothing was changed".
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { LensDB } from './db';
import { announceStoreChange } from './changes';

export type StoreResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const QUOTA_MESSAGE =
  "Your browser's storage is full: nothing was changed. Free some space or export and remove old campaigns.";
export const VERSION_MESSAGE =
  'Your saved shortlist was written by a newer version of Reloquence Lens: nothing was changed. Update the extension, then try again.';
export const BLOCKED_MESSAGE =
  'Reloquence Lens is being updated and another of its tabs still holds the old version open: nothing was changed. Close or reload the other Reloquence Lens tabs, then try again.';
export const CLOSED_MESSAGE =
  'The saved shortlist was closed, most likely because Reloquence Lens was updated in another tab: nothing was changed. Reload this page, then try again.';

/**
 * A request the store refuses (unknown campaign, a price below zero, …). Its message is meant
 * for the user as it is.
 */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

/** Thrown by `openLensDb` when an older connection in another tab keeps the upgrade waiting. */
export class StoreBlockedError extends Error {
  override name = 'BlockedError';
  constructor() {
    super(BLOCKED_MESSAGE);
  }
}

function errorName(e: unknown): string | null {
  if (typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' && e.name) return e.name;
  return null;
}

/** The user-facing message for a failed store operation. */
export function storeErrorMessage(e: unknown): string {
  if (e instanceof StoreInputError) return e.message;
  switch (errorName(e)) {
    case 'QuotaExceededError':
      return QUOTA_MESSAGE;
    case 'VersionError':
      return VERSION_MESSAGE;
    case 'BlockedError':
      return BLOCKED_MESSAGE;
    // A connection closed under us: `blocking` closed it for another tab's upgrade.
    case 'InvalidStateError':
      return CLOSED_MESSAGE;
    default:
      return `Your browser's storage reported an error (${errorName(e) ?? 'unknown error'}): nothing was changed. Try again, or reload the page.`;
  }
}

/** Run a store operation; any failure becomes a user-facing message instead of a throw. */
export async function withStoreErrors<T>(fn: () => Promise<T>): Promise<StoreResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, message: storeErrorMessage(e) };
  }
}

function causeOf(failure: { error: unknown } | null): unknown {
  const name = failure ? errorName(failure.error) : null;
  return name && name !== 'AbortError' ? failure?.error : null;
}

type Stores = ArrayLike<StoreNames<LensDB>> & Iterable<StoreNames<LensDB>>;

/**
 * Run `work` in one transaction and wait until it is committed; a committed write is announced
 * to the extension's other pages (./changes.ts). If `work` fails part-way, the
 * transaction is aborted explicitly: IndexedDB aborts by itself only on a failed request, not
 * when our own code throws between requests (idb resumes our code in a microtask), and without
 * the abort the writes made before the throw would be committed.
 */
export async function inTransaction<const S extends Stores, M extends 'readonly' | 'readwrite', T>(
  db: IDBPDatabase<LensDB>,
  stores: S,
  mode: M,
  work: (tx: IDBPTransaction<LensDB, S, M>) => Promise<T>,
  options?: IDBTransactionOptions,
): Promise<T> {
  const tx = db.transaction(stores, mode, options);
  // Observed up front so a rejection while `work` runs is never reported as unhandled.
  const done = tx.done.then(
    () => null,
    (e: unknown) => ({ error: e }),
  );
  let value: T;
  try {
    value = await work(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the browser.
    }
    // When the browser aborted the transaction (a full disk), the request we were waiting on
    // fails with a bare AbortError: the transaction's own error says why.
    throw causeOf(await done) ?? e;
  }
  const failure = await done;
  if (failure) throw failure.error;
  if (mode === 'readwrite') announceStoreChange([...stores]);
  return value;
}
