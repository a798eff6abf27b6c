/**
 * Word that the store changed, between the extension's pages and its background: after a write
 * transaction commits, its store names are posted on a BroadcastChannel of the extension's
 * origin (every extension page and the service worker share it). A page that keeps a copy of
 * the list — the full shortlist page — reads again when another context wrote, and knows when
 * its copy is still the stored data.
 *
 * Nothing leaves the browser: a BroadcastChannel only reaches the same origin in the same
 * browser profile. Where BroadcastChannel does not exist (old test runtimes), nothing is posted
 * and nobody listens.
 */
import type { StoreNames } from 'idb';
import type { LensDB } from './db';

export const STORE_CHANNEL = 'reloquence-lens-store';

export type StoreName = StoreNames<LensDB>;

function channel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(STORE_CHANNEL) : null;
}

let sender: BroadcastChannel | null | undefined;
/**
 * This context's mark on what it posts: a BroadcastChannel delivers to every other channel
 * object of the name, this context's own listeners included, and those have heard it already.
 */
const FROM = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

type Listener = (changed: readonly string[], local: boolean) => void;
/** Listeners in this context: a BroadcastChannel does not deliver to its own sender. */
const localListeners = new Set<Listener>();

/** Tell this context's listeners and the other contexts which stores a committed transaction wrote. */
export function announceStoreChange(stores: readonly StoreName[]): void {
  for (const listener of localListeners) listener(stores, true);
  sender ??= channel();
  try {
    sender?.postMessage({ from: FROM, stores: [...stores] });
  } catch {
    // A closed channel (the context is going away): nobody is left to tell.
  }
}

function storesOf(data: unknown): string[] | null {
  if (typeof data !== 'object' || data === null) return null;
  const { stores } = data as { stores?: unknown };
  return Array.isArray(stores) && stores.every((s) => typeof s === 'string') ? stores : null;
}

/**
 * Call `listener` when a write to any of `stores` commits: `local` is true when this context
 * wrote it (it usually knows and has already read again), false for another page, the
 * background, or a message too malformed to tell. Returns the function that stops listening.
 */
export function onStoreChange(stores: readonly StoreName[], listener: (local: boolean) => void): () => void {
  const watched = new Set<string>(stores);
  const local: Listener = (changed) => {
    if (changed.some((s) => watched.has(s))) listener(true);
  };
  localListeners.add(local);
  const receiver = channel();
  if (receiver) {
    receiver.onmessage = (event: MessageEvent) => {
      if ((event.data as { from?: unknown } | null)?.from === FROM) return;
      const changed = storesOf(event.data);
      // A message we cannot read still means something changed: read again rather than miss it.
      if (changed === null || changed.some((s) => watched.has(s))) listener(false);
    };
  }
  return () => {
    localListeners.delete(local);
    receiver?.close();
  };
}
