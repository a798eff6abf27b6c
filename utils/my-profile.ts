import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import type { Snapshot } from '@/lib/platforms/types';
import { SnapshotSchema } from '@/lib/schema';
import type { Settings } from '@/lib/settings';

/**
 * The latest numbers of the user's own profile ("This is me"), for the popup's My tier view
 * when the profile is not the page on screen. Kept in storage.local, parsed on the way out.
 */
export const MY_PROFILE_KEY = 'myProfileSnapshot';

const StoredSchema = z.object({ snapshot: SnapshotSchema, readAt: z.number().check(z.gte(0)) });
export type MyProfileReading = z.infer<typeof StoredSchema>;

/** Whether the snapshot is the profile the settings name as the user's own. */
export function isMyProfile(settings: Settings, snapshot: Pick<Snapshot, 'platform' | 'handle' | 'kind'>): boolean {
  return snapshot.kind === 'profile' && isMe(settings, snapshot);
}

/** Whether the account (on any of its pages) is the one the settings name as the user's own. */
export function isMe(settings: Settings, who: { platform: Snapshot['platform']; handle: string | null }): boolean {
  const me = settings.myProfile;
  return !!me && who.platform === me.platform && who.handle?.toLowerCase() === me.handle.toLowerCase();
}

/** Keep the numbers of the user's own profile (only a readable public profile replaces them). */
export async function saveMyProfile(snapshot: Snapshot, readAt: number = Math.floor(Date.now() / 1000)): Promise<void> {
  if (snapshot.state !== 'ok') return;
  await browser.storage.local.set({ [MY_PROFILE_KEY]: { snapshot, readAt } }).catch(() => undefined);
}

/** The kept reading for the profile the settings name, or null. Never throws. */
export async function readMyProfile(settings: Settings): Promise<MyProfileReading | null> {
  try {
    const raw: Record<string, unknown> = await browser.storage.local.get(MY_PROFILE_KEY);
    const parsed = StoredSchema.safeParse(raw?.[MY_PROFILE_KEY]);
    return parsed.success && isMyProfile(settings, parsed.data.snapshot) ? parsed.data : null;
  } catch {
    return null;
  }
}
