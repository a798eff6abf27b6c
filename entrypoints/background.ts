import * as z from 'zod/mini';
import { badgeFor } from '@/lib/lens/badge';
import { LensStateSchema, SnapshotSchema } from '@/lib/schema';
import { visitedFor } from '@/lib/store/visited-for';
import { openLensDb } from '@/lib/store/db';
import { recordVisit, visitFromSnapshot } from '@/lib/store/video-visits';
import { onMessage } from '@/utils/messaging';
import { configureZodForExtension } from '@/lib/zod-setup';

/**
 * Keeps the toolbar badge of each tab in step with the page on screen (the engagement rate when
 * it is known), and remembers the videos the user opens so their channel's card can rate them.
 * Listeners are registered synchronously, as MV3 requires.
 */
export default defineBackground(() => {
  configureZodForExtension();
  let db: ReturnType<typeof openLensDb> | null = null;

  onMessage('visitedRates', ({ data }) => {
    const parsed = SnapshotSchema.safeParse(data);
    return parsed.success ? visitedFor(parsed.data) : null;
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

    const visit = state?.snapshot ? visitFromSnapshot(state.snapshot, Math.floor(Date.now() / 1000)) : null;
    if (visit && visit.platform === 'youtube') {
      db ??= openLensDb();
      db.then((d) => recordVisit(d, visit)).catch((e: unknown) => {
        // Remembering a visit is a convenience: a full disk must not break anything else.
        console.warn('Reloquence Lens: could not remember a visited video', e);
      });
    }
  });
});
