import * as z from 'zod/mini';
import { LensStateSchema } from '@/lib/schema';
import { badgeFor } from '@/lib/lens/badge';
import { onMessage } from '@/utils/messaging';

/**
 * Keeps the toolbar badge of each tab in step with the page on screen: the engagement rate when
 * it is known, nothing otherwise. Listeners are registered synchronously, as MV3 requires.
 */
export default defineBackground(() => {
  onMessage('lensStateChanged', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const parsed = z.nullable(LensStateSchema).safeParse(data);
    const badge = badgeFor(parsed.success ? parsed.data : null);
    void browser.action.setBadgeText({ tabId, text: badge.text });
    void browser.action.setTitle({ tabId, title: badge.title });
    if (badge.text) void browser.action.setBadgeBackgroundColor({ tabId, color: '#5b3df5' });
  });
});
