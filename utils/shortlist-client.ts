import type { ShortlistState } from '@/components/ShortlistButton';
import type { Snapshot } from '@/lib/platforms/types';
import type { SnapshotPoint } from '@/lib/store/history';
import { HistoryAnswerSchema, ShortlistAnswerSchema } from '@/lib/store/answers';
import { sendMessage } from './messaging';

/** Whether a snapshot names a creator that can be shortlisted. */
export function canShortlist(snapshot: Snapshot): boolean {
  return snapshot.handle !== null && (snapshot.state === 'ok' || snapshot.state === 'private' || snapshot.state === 'empty');
}

function toState(answer: unknown): ShortlistState {
  const parsed = ShortlistAnswerSchema.safeParse(answer);
  if (!parsed.success) return { kind: 'error', message: 'The extension gave an answer it does not understand. Reload the page.' };
  const a = parsed.data;
  if (!a.ok) return { kind: 'error', message: a.message };
  return a.campaigns.length > 0 ? { kind: 'on', campaigns: a.campaigns.length } : { kind: 'off' };
}

const UNREACHABLE: ShortlistState = { kind: 'error', message: 'The extension is not answering: reload the page and try again.' };

/** Ask the background (which owns the shortlist) where this creator stands. */
export function shortlistStateOf(snapshot: Snapshot): Promise<ShortlistState> {
  return sendMessage('shortlistStatus', { platform: snapshot.platform, handle: snapshot.handle ?? '' }).then(toState, () => UNREACHABLE);
}

/** Put the creator on the default shortlist. */
export function addToShortlist(snapshot: Snapshot): Promise<ShortlistState> {
  return sendMessage('shortlistAdd', snapshot).then(toState, () => UNREACHABLE);
}

/** The profile's dated numbers (growth history), or [] when none or unavailable. */
export function historyFor(snapshot: Snapshot): Promise<SnapshotPoint[]> {
  if (snapshot.kind === 'post' || !snapshot.handle) return Promise.resolve([]);
  return sendMessage('historyOf', { platform: snapshot.platform, handle: snapshot.handle }).then(
    (answer) => {
      const parsed = HistoryAnswerSchema.safeParse(answer);
      return parsed.success ? parsed.data : [];
    },
    () => [],
  );
}
