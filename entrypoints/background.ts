import * as z from 'zod/mini';
import { badgeFor } from '@/lib/lens/badge';
import { LensStateSchema, SnapshotSchema } from '@/lib/schema';
import { createDbProvider } from '@/lib/store/connection';
import { historyPointsOf, rememberVisit, shortlistFromSnapshot, shortlistLink, shortlistStatusOf } from '@/lib/store/service';
import { instagramMatches } from '@/lib/platforms/instagram';
import { tiktokMatches } from '@/lib/platforms/tiktok';
import { xMatches } from '@/lib/platforms/x';
import { youtubeMatches } from '@/lib/platforms/youtube';
import { visitedFor } from '@/lib/store/visited-for';
import { configureZodForExtension } from '@/lib/zod-setup';
import { onMessage, sendMessage } from '@/utils/messaging';
import { FillReportSchema, WhoSchema, type ActionAnswer, type FillDraftMessage } from '@/lib/marketplace/messages';
import { prepareListing } from '@/lib/marketplace/prepare';
import { INVITATION_STATUSES } from '@/lib/marketplace/invites';
import { listingUrl, parseListingUrl } from '@/lib/marketplace/links';
import {
  invitationsOf,
  linkListing,
  listInvitations,
  listingOf,
  noteListingOpened,
  recordInvitation,
  setInvitationStatus,
  unlinkListing,
} from '@/lib/store/marketplace';
import { READ_FAILED_NOTE, readSettings, watchSettings } from '@/utils/settings-store';
import { tierSchemeOf, type Settings } from '@/lib/settings';
import { isMyProfile, saveMyProfile } from '@/utils/my-profile';
import { statsCardDataUrl } from '@/utils/stats-card-png';
import { draftForSender, fillReported, openWithDraft, watchListingTabs } from '@/utils/listing-tabs';

/**
 * The settings, read once per start of the background and kept current by storage.onChanged
 * (watchSettings), instead of a storage read on every page update.
 */
let settingsCache: Promise<Settings> | null = null;
function currentSettings(): Promise<Settings> {
  settingsCache ??= readSettings().then(({ settings, notes }) => {
    // Storage refused the read: the defaults serve this once, and the next call reads again.
    if (notes.includes(READ_FAILED_NOTE)) settingsCache = null;
    return settings;
  });
  return settingsCache;
}

/**
 * The background owns the database (the overlay, framed inside web pages, may be refused
 * IndexedDB). It keeps each tab's toolbar badge in step with the page, remembers visits (video
 * counts, dated profile numbers) and shortlists creators when asked. Listeners are registered
 * synchronously, as MV3 requires; every message is parsed before use.
 */
const MENU_ID = 'reloquence-shortlist-link';

/** Say briefly on the toolbar icon what a right-click did (the page itself is left alone). */
function flashBadge(tabId: number | undefined, text: string, title: string): void {
  if (tabId === undefined) return;
  void browser.action.setBadgeText({ tabId, text });
  void browser.action.setTitle({ tabId, title: `Reloquence Lens · ${title}` });
  setTimeout(() => void browser.action.setBadgeText({ tabId, text: '' }), 2500);
}

/**
 * The part of the settings the content scripts need for the docked tab (the tier scheme), kept
 * in storage.local where they read it: they do not carry the settings' schema.
 */
function publishLensPrefs(settings: Settings): void {
  void browser.storage.local.set({ lensPrefs: { scheme: tierSchemeOf(settings) } }).catch(() => undefined);
}

export default defineBackground(() => {
  configureZodForExtension();
  watchSettings((settings) => {
    settingsCache = Promise.resolve(settings);
    publishLensPrefs(settings);
  });
  void currentSettings().then(publishLensPrefs);

  // The keyboard shortcut (manifest "commands"): open or close the card on the active tab.
  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'toggle-lens') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void sendMessage('toggleLens', undefined, { tabId: tab.id, frameId: 0 }).catch(() => undefined);
    });
  });
  const db = createDbProvider();
  const invalid = { ok: false as const, message: 'The numbers sent were not valid.' };

  onMessage('visitedRates', ({ data }) => {
    const parsed = SnapshotSchema.safeParse(data);
    return parsed.success ? visitedFor(parsed.data) : null;
  });

  onMessage('shortlistAdd', async ({ data }) => {
    const parsed = SnapshotSchema.safeParse(data);
    if (!parsed.success) return invalid;
    const settings = await currentSettings();
    return shortlistFromSnapshot(await db(), parsed.data, undefined, tierSchemeOf(settings));
  });

  onMessage('historyOf', async ({ data }) => {
    const parsed = WhoSchema.safeParse(data);
    return parsed.success ? historyPointsOf(await db(), parsed.data.platform, parsed.data.handle) : [];
  });

  registerMarketplace(db);

  onMessage('shortlistStatus', async ({ data }) => {
    const parsed = WhoSchema.safeParse(data);
    if (!parsed.success) return invalid;
    return shortlistStatusOf(await db(), parsed.data.platform, parsed.data.handle);
  });

  // Right-click a profile link: shortlist the creator without opening the page.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: 'Add this creator to the Reloquence shortlist',
        contexts: ['link'],
        targetUrlPatterns: [...instagramMatches, ...youtubeMatches, ...tiktokMatches, ...xMatches],
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.linkUrl) return;
    const linkUrl = info.linkUrl;
    void db()
      .then((d) => shortlistLink(d, linkUrl))
      .then(
        (answer) => flashBadge(tab?.id, answer.ok ? '✓' : '!', answer.ok ? 'Added to your shortlist' : answer.message),
        () => flashBadge(tab?.id, '!', 'The shortlist could not be opened.'),
      );
  });

  onMessage('lensStateChanged', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only a platform page's own content script (the top frame of a tab) reports its page.
    if (tabId === undefined || sender.frameId !== 0 || sender.id !== browser.runtime.id) return;
    const parsed = LensUpdateSchema.safeParse(data);
    const state = parsed.success ? parsed.data.state : null;
    const badge = badgeFor(state);
    void browser.action.setBadgeText({ tabId, text: badge.text });
    void browser.action.setTitle({ tabId, title: badge.title });
    if (badge.text) void browser.action.setBadgeBackgroundColor({ tabId, color: '#5b3df5' });

    // Numbers are stored only for a page the user chose to visit (see lib/lens/navigation-trust.ts).
    if (!state?.snapshot || !parsed.success || !parsed.data.record) return;
    const snapshot = state.snapshot;
    const settingsRead = currentSettings();
    // The user's own profile: keep its latest numbers for the popup's My tier view.
    void settingsRead.then((settings) => (isMyProfile(settings, snapshot) ? saveMyProfile(snapshot) : undefined));
    Promise.all([db(), settingsRead])
      .then(([d, settings]) => rememberVisit(d, snapshot, Math.floor(Date.now() / 1000), tierSchemeOf(settings)))
      .then(
        (problem) => {
          if (problem) console.warn(`Reloquence Lens: a visit was not kept: ${problem}`);
        },
        (e: unknown) => console.warn('Reloquence Lens: a visit was not kept', e),
      );
  });
});

type DbProvider = ReturnType<typeof createDbProvider>;

const CreateListingSchema = z.object({ snapshot: SnapshotSchema, serviceId: z.string().check(z.maxLength(100)) });
const LinkListingSchema = z.object({ who: WhoSchema, url: z.string().check(z.maxLength(2000)) });
const LensUpdateSchema = z.object({ state: z.nullable(LensStateSchema), record: z.boolean() });
const RecordInviteSchema = z.object({
  who: WhoSchema,
  displayName: z.nullable(z.string().check(z.maxLength(500))),
  campaign: z.nullable(z.string().check(z.maxLength(100))),
});
const InvitationStatusSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)), status: z.enum(INVITATION_STATUSES) });

/** The marketplace: linked listings, invitations, and "Create listing" (see utils/listing-tabs.ts). */
function registerMarketplace(db: DbProvider): void {
  const refused = (message: string): ActionAnswer => ({ ok: false, message });
  watchListingTabs();

  onMessage('marketplaceStatus', async ({ data }) => {
    const who = WhoSchema.safeParse(data);
    if (!who.success) return { listingUrl: null, invitation: null };
    const [listing, invitations] = await Promise.all([listingOf(await db(), who.data), invitationsOf(await db(), who.data)]);
    const newest = invitations.ok ? invitations.value[0] : undefined;
    return {
      listingUrl: listing.ok && listing.value ? listing.value.url : null,
      invitation: newest ? { status: newest.status, invitedAt: newest.invitedAt, campaign: newest.campaign } : null,
    };
  });

  onMessage('linkListing', async ({ data }) => {
    const request = LinkListingSchema.safeParse(data);
    if (!request.success) return refused('That listing address could not be read.');
    const settings = await currentSettings();
    const market = settings.marketplace;
    const parsed = parseListingUrl(market, request.data.url.trim());
    if (!parsed) {
      return refused(`That is not a listing on ${market.name} (${market.baseUrl}): paste the address of the listing page.`);
    }
    let url: string;
    try {
      url = listingUrl(market, parsed);
    } catch {
      return refused('That listing address could not be used.');
    }
    const linked = await linkListing(await db(), request.data.who, { url, id: parsed.id, slug: parsed.slug });
    return linked.ok ? { ok: true, message: 'Listing linked.' } : refused(linked.message);
  });

  onMessage('unlinkListing', async ({ data }) => {
    const who = WhoSchema.safeParse(data);
    if (!who.success) return refused('Which creator was not clear.');
    const done = await unlinkListing(await db(), who.data);
    return done.ok ? { ok: true, message: 'Listing unlinked.' } : refused(done.message);
  });

  onMessage('listingOpened', async ({ data }) => {
    const who = WhoSchema.safeParse(data);
    if (who.success) await noteListingOpened(await db(), who.data);
  });

  onMessage('createListing', async ({ data }) => {
    const request = CreateListingSchema.safeParse(data);
    if (!request.success) return refused('The numbers sent were not valid.');
    const settings = await currentSettings();
    const prepared = prepareListing(request.data.snapshot, request.data.serviceId, settings);
    if (!prepared.ok) return prepared;
    const { draft, card, url, originPattern } = prepared.value;
    const origin = originPattern.slice(0, -2);
    if (!(await browser.permissions.contains({ origins: [originPattern] }))) {
      return refused(`Reloquence Lens needs your permission to fill the form on ${origin}: click Create listing again and allow it.`);
    }
    const image = await statsCardDataUrl(card).catch(() => null);
    const message: FillDraftMessage = {
      flavour: settings.marketplace.flavour,
      marketplaceName: settings.marketplace.name,
      title: draft.title,
      description: draft.description,
      price: draft.price,
      image: image ? { name: `${draft.handle ?? 'creator'}-stats.png`, dataUrl: image } : null,
    };
    const report = await openWithDraft(url, message);
    const opened = `Opened the new-listing page of ${settings.marketplace.name} in a new tab.`;
    if (!report) {
      return { ok: true, message: `${opened} The form had not loaded yet (log in if asked): the draft is filled in as soon as it appears. Review it and post it yourself.` };
    }
    return { ok: true, message: `${opened} ${report.message}` };
  });

  onMessage('listingDraft', ({ sender }) => draftForSender(sender.tab?.id, sender.url));

  onMessage('listingFilled', ({ data, sender }) => {
    const report = FillReportSchema.safeParse(data);
    if (report.success) fillReported(sender.tab?.id, report.data);
  });

  onMessage('recordInvite', async ({ data }) => {
    const request = RecordInviteSchema.safeParse(data);
    if (!request.success) return refused('The invitation could not be recorded.');
    const { who, displayName, campaign } = request.data;
    const recorded = await recordInvitation(await db(), { ...who, displayName }, campaign);
    return recorded.ok ? { ok: true, message: 'Invitation recorded.' } : refused(recorded.message);
  });

  onMessage('invitations', async () => {
    const listed = await listInvitations(await db());
    return listed.ok ? listed.value.items : [];
  });

  onMessage('setInvitationStatus', async ({ data }) => {
    const request = InvitationStatusSchema.safeParse(data);
    if (!request.success) return refused('That status is not one an invitation can have.');
    const done = await setInvitationStatus(await db(), request.data.id, request.data.status);
    return done.ok ? { ok: true, message: 'Status saved.' } : refused(done.message);
  });
}

