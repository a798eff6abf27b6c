import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MarketplaceActions, type CreateState, type InviteState } from '@/components/MarketplaceActions';
import { relativeTime } from '@/components/InvitationsList';
import { INVITATION_STATUS_LABELS, inviteMessage, messagePageUrl } from '@/lib/marketplace/invites';
import { searchUrl } from '@/lib/marketplace/links';
import { ActionAnswerSchema, MarketplaceStatusSchema, type MarketplaceStatus } from '@/lib/marketplace/messages';
import { analysisFor, marketplaceOriginPattern, servicesWithPrices } from '@/lib/marketplace/card';
import { DEFAULT_CAMPAIGN_NAME } from '@/lib/store/db';
import { ShortlistAnswerSchema } from '@/lib/store/answers';
import type { Snapshot } from '@/lib/platforms/types';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { copyText } from './clipboard';
import { sendMessage } from './messaging';
import { isMe, saveMyProfile } from './my-profile';
import { updateSettings } from './settings-store';

const UNREACHABLE = 'The extension is not answering: reload the page and try again.';

/**
 * What went wrong with a marketplace action the background answered ({@link ActionAnswerSchema}),
 * in words for the user; null when it was done.
 */
export async function actionProblem(answer: Promise<unknown>, unreachable: string = UNREACHABLE): Promise<string | null> {
  try {
    const parsed = ActionAnswerSchema.safeParse(await answer);
    if (!parsed.success) return unreachable;
    return parsed.data.ok ? null : parsed.data.message;
  } catch {
    return unreachable;
  }
}

/**
 * "Create listing" and "Invite" for the creator on a snapshot, shared by the card's marketplace
 * row and the popup's My tier view. "Create listing" asks for the marketplace's host permission
 * first thing in the click, because the browser grants it only in answer to a user's gesture.
 */
export function useListingAndInvite(snapshot: Snapshot, settings: Settings, campaign: string | null, onInvited?: () => void) {
  const [createState, setCreate] = useState<CreateState>({ kind: 'idle' });
  const [inviteState, setInvite] = useState<InviteState>({ kind: 'idle' });
  const whoKey = snapshot.handle ? `${snapshot.platform}:${snapshot.handle.toLowerCase()}` : '';
  useEffect(() => {
    setCreate({ kind: 'idle' });
    setInvite({ kind: 'idle' });
  }, [whoKey]);

  const createListing = (serviceId: string) => {
    const pattern = marketplaceOriginPattern(settings);
    if (!pattern) {
      setCreate({ kind: 'error', message: 'The marketplace address in the settings cannot be used: fix it in the extension’s options.' });
      return;
    }
    setCreate({ kind: 'working' });
    browser.permissions.request({ origins: [pattern] }).then(
      (granted) => {
        if (!granted) {
          setCreate({
            kind: 'error',
            message: `Without access to ${pattern.slice(0, -2)} the extension cannot fill the form. Nothing was opened; click Create listing again to allow it.`,
          });
          return;
        }
        sendMessage('createListing', { snapshot, serviceId }).then(
          (answer) => {
            const parsed = ActionAnswerSchema.safeParse(answer);
            if (!parsed.success) setCreate({ kind: 'error', message: UNREACHABLE });
            else setCreate(parsed.data.ok ? { kind: 'opened', message: parsed.data.message } : { kind: 'error', message: parsed.data.message });
          },
          () => setCreate({ kind: 'error', message: UNREACHABLE }),
        );
      },
      () => setCreate({ kind: 'error', message: 'The browser did not ask for access to the marketplace. Try again from the toolbar popup.' }),
    );
  };

  const invite = () => {
    const handle = snapshot.handle;
    if (!handle) return;
    let text: string;
    let link: string;
    let hasCode: boolean;
    try {
      ({ text, link, hasCode } = inviteMessage({ platform: snapshot.platform, handle, displayName: snapshot.displayName }, settings, campaign));
    } catch {
      setInvite({ kind: 'error', message: 'The invite link cannot be built from the marketplace settings: fix them in the extension’s options.' });
      return;
    }
    setInvite({ kind: 'copying' });
    void copyText(text).then((copied) => {
      setInvite(copied ? { kind: 'copied', link, hasCode } : { kind: 'manual', text });
      const who = { platform: snapshot.platform, handle };
      void sendMessage('recordInvite', { who, displayName: snapshot.displayName, campaign }).then(() => onInvited?.(), () => undefined);
    });
  };

  return { createState, createListing, inviteState, invite };
}

/**
 * The card's marketplace row (overlay and popup): glue between the pure MarketplaceActions and
 * the background (linked listing, invitations, "Create listing"), the clipboard and the settings.
 */
export function MarketplaceRow({ snapshot, settings, compact = false }: { snapshot: Snapshot; settings: Settings; compact?: boolean }) {
  const handle = snapshot.handle;
  const who = handle ? { platform: snapshot.platform, handle } : null;
  const whoKey = who ? `${who.platform}:${who.handle.toLowerCase()}` : '';
  const [status, setStatus] = useState<MarketplaceStatus | null>(null);
  const [campaign, setCampaign] = useState<string | null>(null);

  const refresh = () => {
    if (!who) return;
    void sendMessage('marketplaceStatus', who).then(
      (answer) => {
        const parsed = MarketplaceStatusSchema.safeParse(answer);
        if (parsed.success) setStatus(parsed.data);
      },
      () => undefined,
    );
  };

  useEffect(() => {
    setStatus(null);
    setCampaign(null);
    if (!who) return;
    refresh();
    // The invite's campaign tag: the first campaign the creator is on other than the default list.
    void sendMessage('shortlistStatus', who).then(
      (answer) => {
        const parsed = ShortlistAnswerSchema.safeParse(answer);
        const names = parsed.success && parsed.data.ok ? (parsed.data.names ?? []) : [];
        setCampaign(names.find((n) => n !== DEFAULT_CAMPAIGN_NAME) ?? null);
      },
      () => undefined,
    );
    // One read per creator shown (whoKey names it).
  }, [whoKey]);

  const { createState, createListing, inviteState, invite } = useListingAndInvite(snapshot, settings, campaign, refresh);
  const analysis = useMemo(() => analysisFor(snapshot, settings), [snapshot, settings]);
  const services = useMemo(
    () => (snapshot.state === 'ok' ? servicesWithPrices(snapshot, analysis).map(({ id, label, priceText }) => ({ id, label, priceText })) : []),
    [snapshot, analysis],
  );
  if (!who) return null;

  let search: string | null = null;
  try {
    search = searchUrl(settings.marketplace, who.handle);
  } catch {
    search = null;
  }

  const linkListing = async (url: string): Promise<string | null> => {
    const problem = await actionProblem(sendMessage('linkListing', { who, url }));
    if (problem === null) refresh();
    return problem;
  };

  const invitation = status?.invitation;
  return (
    <MarketplaceActions
      marketplaceName={settings.marketplace.name}
      listingUrl={status?.listingUrl ?? null}
      searchUrl={search}
      onOpenListing={() => void sendMessage('listingOpened', who).then(refresh, () => undefined)}
      onLinkListing={linkListing}
      onUnlinkListing={() => void sendMessage('unlinkListing', who).then(refresh, () => undefined)}
      services={services}
      createState={createState}
      onCreateListing={createListing}
      inviteState={inviteState}
      onInvite={invite}
      messageUrl={messagePageUrl(who.platform, who.handle)}
      invitationStatus={
        invitation
          ? invitation.status === 'invited'
            ? `Invited ${relativeTime(invitation.invitedAt, Date.now())}`
            : `${INVITATION_STATUS_LABELS[invitation.status]} · invited ${relativeTime(invitation.invitedAt, Date.now())}`
          : null
      }
      isMe={isMe(settings, who)}
      onThisIsMe={
        snapshot.kind === 'profile'
          ? () => {
              void saveMyProfile(snapshot);
              void updateSettings((s) => ({ ...s, myProfile: { platform: who.platform, handle: who.handle } }));
            }
          : undefined
      }
      compact={compact}
    />
  );
}

/**
 * The marketplace row as it looks for someone with the default settings and nothing stored
 * about this creator: the card's public twin draws it to size the frame (see
 * entrypoints/overlay/main.tsx). Pure: it asks nothing of the background.
 */
export function PublicMarketplaceRow({ snapshot }: { snapshot: Snapshot }) {
  const handle = snapshot.handle;
  const services = useMemo(
    () =>
      snapshot.state === 'ok'
        ? servicesWithPrices(snapshot, analysisFor(snapshot, DEFAULT_SETTINGS)).map(({ id, label, priceText }) => ({ id, label, priceText }))
        : [],
    [snapshot],
  );
  if (!handle) return null;
  let search: string | null = null;
  try {
    search = searchUrl(DEFAULT_SETTINGS.marketplace, handle);
  } catch {
    search = null;
  }
  const nothing = () => undefined;
  return (
    <MarketplaceActions
      marketplaceName={DEFAULT_SETTINGS.marketplace.name}
      listingUrl={null}
      searchUrl={search}
      onLinkListing={() => Promise.resolve(null)}
      services={services}
      createState={{ kind: 'idle' }}
      onCreateListing={nothing}
      inviteState={{ kind: 'idle' }}
      onInvite={nothing}
      messageUrl={messagePageUrl(snapshot.platform, handle)}
      invitationStatus={null}
      isMe={false}
      onThisIsMe={snapshot.kind === 'profile' ? nothing : undefined}
      compact
    />
  );
}
