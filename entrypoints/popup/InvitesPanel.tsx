import { useEffect, useState } from 'preact/hooks';
import { InvitationsList } from '@/components/InvitationsList';
import { Message } from '@/components/ProfileCard';
import { InvitationSchema, type Invitation, type InvitationStatus } from '@/lib/marketplace/invites';
import { actionProblem } from '@/utils/marketplace-row';
import { sendMessage } from '@/utils/messaging';

const UNREACHABLE = 'The extension is not answering: close the popup and open it again.';

/** The invitations the user sent, read from the background (which owns the store). */
export async function loadInvitations(): Promise<Invitation[] | null> {
  try {
    const answer = await sendMessage('invitations', undefined);
    if (!Array.isArray(answer)) return null;
    return answer.flatMap((a) => {
      const parsed = InvitationSchema.safeParse(a);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return null;
  }
}

/** The popup's Invites tab. */
export function InvitesPanel({ invitations, marketplaceName, onChanged }: { invitations: Invitation[] | null; marketplaceName: string; onChanged(): void }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => setNow(Date.now()), [invitations]);
  if (invitations === null) return <Message title="Invitations could not be read">{UNREACHABLE}</Message>;
  const setStatus = async (id: string, status: InvitationStatus): Promise<string | null> => {
    const problem = await actionProblem(sendMessage('setInvitationStatus', { id, status }), UNREACHABLE);
    if (problem === null) onChanged();
    return problem;
  };
  return <InvitationsList invitations={invitations} marketplaceName={marketplaceName} now={now} onStatus={setStatus} />;
}
