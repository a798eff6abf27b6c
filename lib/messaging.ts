/**
 * The one typed protocol between the extension's parts (popup ⇄ content script ⇄ background).
 * The transport (@webext-core/messaging) is created in entrypoints/; lib only declares the map,
 * so it stays free of browser APIs.
 */
import type { LensState } from './schema';

export interface ProtocolMap {
  /** Popup → content script of the active tab: what is on screen. */
  getLensState(): LensState | null;
  /** Content script → background: the page's numbers changed (drives the toolbar badge). */
  lensStateChanged(state: LensState | null): void;
}
