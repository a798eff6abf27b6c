/**
 * The one typed protocol between the extension's parts (popup ⇄ content script ⇄ background).
 * The transport (@webext-core/messaging) is created in entrypoints/; lib only declares the map,
 * so it stays free of browser APIs.
 */
import type { LensState } from './schema';
import type { Snapshot } from './platforms/types';
import type { VisitedRates } from './store/video-visits';
import type { SnapshotPoint } from './store/history';

/** The background's answer about a creator's place on the shortlist. */
export type ShortlistAnswer = { ok: true; campaigns: string[] } | { ok: false; message: string };

export interface ProtocolMap {
  /** Popup → content script of the active tab: what is on screen. */
  getLensState(): LensState | null;
  /** Content script → background: the page's numbers changed (drives the toolbar badge). */
  lensStateChanged(state: LensState | null): void;
  /**
   * Overlay page or popup → background, which owns the database: the rates of the videos of
   * this channel the user has opened. (An extension frame inside a web page is a third-party
   * context: the browser may refuse it IndexedDB, so it asks.)
   */
  visitedRates(snapshot: Snapshot): VisitedRates | null;
  /** Overlay page or popup → background: put this creator on the default shortlist. */
  shortlistAdd(snapshot: Snapshot): ShortlistAnswer;
  /** Overlay page or popup → background: the campaigns this creator is on (empty: not shortlisted). */
  shortlistStatus(who: { platform: Snapshot['platform']; handle: string }): ShortlistAnswer;
  /** Overlay page or popup → background: the profile's dated numbers, oldest first. */
  historyOf(who: { platform: Snapshot['platform']; handle: string }): SnapshotPoint[];
}
