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
import { onMessage } from '@/utils/messaging';

const WhoSchema = z.object({
  platform: z.enum(['instagram', 'youtube', 'tiktok', 'x']),
  handle: z.string().check(z.minLength(1), z.maxLength(200)),
});

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

export default defineBackground(() => {
  configureZodForExtension();
  const db = createDbProvider();
  const invalid = { ok: false as const, message: 'The numbers sent were not valid.' };

  onMessage('visitedRates', ({ data }) => {
    const parsed = SnapshotSchema.safeParse(data);
    return parsed.success ? visitedFor(parsed.data) : null;
  });

  onMessage('shortlistAdd', async ({ data }) => {
    const parsed = SnapshotSchema.safeParse(data);
    if (!parsed.success) return invalid;
    return shortlistFromSnapshot(await db(), parsed.data);
  });

  onMessage('historyOf', async ({ data }) => {
    const parsed = WhoSchema.safeParse(data);
    return parsed.success ? historyPointsOf(await db(), parsed.data.platform, parsed.data.handle) : [];
  });

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
    if (tabId === undefined) return;
    const parsed = z.nullable(LensStateSchema).safeParse(data);
    const state = parsed.success ? parsed.data : null;
    const badge = badgeFor(state);
    void browser.action.setBadgeText({ tabId, text: badge.text });
    void browser.action.setTitle({ tabId, title: badge.title });
    if (badge.text) void browser.action.setBadgeBackgroundColor({ tabId, color: '#5b3df5' });

    if (!state?.snapshot) return;
    const snapshot = state.snapshot;
    db()
      .then((d) => rememberVisit(d, snapshot, Math.floor(Date.now() / 1000)))
      .then(
        (problem) => {
          if (problem) console.warn(`Reloquence Lens: a visit was not kept: ${problem}`);
        },
        (e: unknown) => console.warn('Reloquence Lens: a visit was not kept', e),
      );
  });
});
