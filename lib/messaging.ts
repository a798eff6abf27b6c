/**
 * The one typed protocol between the extension's parts (popup ⇄ content script ⇄ background).
 * The transport (@webext-core/messaging) is created in entrypoints/; lib only declares the map,
 * so it stays free of browser APIs.
 */
import type { LensState } from './schema';
import type { Snapshot } from './platforms/types';
import type { VisitedRates } from './store/video-visits';
import type { SnapshotPoint } from './store/history';
import type { ActionAnswer, FillDraftMessage, FillReport, MarketplaceStatus, Who } from './marketplace/messages';
import type { Invitation, InvitationStatus } from './marketplace/invites';

/** The background's answer about a creator's place on the shortlist. */
export type ShortlistAnswer = { ok: true; campaigns: string[]; names?: string[] } | { ok: false; message: string };

export interface ProtocolMap {
  /** Popup → content script of the active tab: what is on screen. */
  getLensState(): LensState | null;
  /** Background (the keyboard shortcut) → content script of the active tab: open or close the card. */
  toggleLens(): void;
  /**
   * Content script → background: the page's numbers changed (drives the toolbar badge).
   * `record`: the page is one the user chose to visit (lib/lens/navigation-trust.ts), so its
   * numbers may be stored (growth history, shortlisted creator, my profile).
   */
  lensStateChanged(update: { state: LensState | null; record: boolean }): void;
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

  // ---- The marketplace (the background owns the store and opens the new-listing tab)
  /** Card → background: the creator's linked listing and newest invitation. */
  marketplaceStatus(who: Who): MarketplaceStatus;
  /** Card → background: remember this listing URL for the creator (checked against the settings' marketplace). */
  linkListing(request: { who: Who; url: string }): ActionAnswer;
  unlinkListing(who: Who): ActionAnswer;
  /** Card → background: the user opened the creator's listing (an invitation of theirs becomes "listed"). */
  listingOpened(who: Who): void;
  /**
   * Card → background, after the card obtained the marketplace's host permission: open the
   * new-listing page and fill the draft for this service into it. Answers when the form was
   * filled (or why not).
   */
  createListing(request: { snapshot: Snapshot; serviceId: string }): ActionAnswer;
  /** Fill script → background: the draft for this tab, or null when none is waiting. */
  listingDraft(): FillDraftMessage | null;
  /** Fill script → background: what a fill did. */
  listingFilled(report: FillReport): void;
  /** Card → background: an invite was copied; record it. */
  recordInvite(request: { who: Who; displayName: string | null; campaign: string | null }): ActionAnswer;
  /** Popup → background: every invitation, newest first. */
  invitations(): Invitation[];
  setInvitationStatus(request: { id: string; status: InvitationStatus }): ActionAnswer;
}
