import { useEffect, useMemo, useState } from 'preact/hooks';
import { MyTier, type SaveCardState } from '@/components/MyTier';
import type { InviteState } from '@/components/MarketplaceActions';
import { signupUrl } from '@/lib/marketplace/links';
import { isolate } from '@/lib/bidi';
import { emptySnapshot } from '@/lib/platforms/types';
import { copyText } from '@/utils/clipboard';
import { analysisFor, servicesWithPrices } from '@/lib/marketplace/card';
import { statsCardData } from '@/lib/marketplace/stats-card';
import type { Snapshot } from '@/lib/platforms/types';
import type { SnapshotPoint } from '@/lib/store/history';
import { tierSchemeOf, type Settings } from '@/lib/settings';
import { useListingAndInvite } from '@/utils/marketplace-row';
import { readMyProfile } from '@/utils/my-profile';
import { updateSettings } from '@/utils/settings-store';
import { downloadBlob, statsCardPng } from '@/utils/stats-card-png';
import { historyFor } from '@/utils/shortlist-client';
import { Message } from '@/components/ProfileCard';

/** Stands in while there is no reading: the hooks run on every render, with or without one. */
const EMPTY = emptySnapshot({ platform: 'instagram', kind: 'profile', url: '', source: 'none' });

const DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });

/**
 * The popup's My tier tab: the user's own profile — read from the tab when it is on screen,
 * else the latest reading kept from their last visit — with its growth history, listing and
 * invite buttons, and the shareable stats card.
 */
export function MyTierPanel({ settings, onScreen }: { settings: Settings; onScreen: Snapshot | null }) {
  const [kept, setKept] = useState<{ snapshot: Snapshot; readAt: number } | null | undefined>(undefined);
  const [history, setHistory] = useState<SnapshotPoint[] | null>(null);
  const [saveState, setSave] = useState<SaveCardState>({ kind: 'idle' });

  useEffect(() => {
    if (onScreen) return;
    void readMyProfile(settings).then(setKept);
  }, [onScreen, settings]);

  const reading = onScreen ? { snapshot: onScreen, readAt: Math.floor(Date.now() / 1000) } : kept;
  const snapshot = reading?.snapshot ?? null;
  useEffect(() => {
    if (snapshot) void historyFor(snapshot).then(setHistory);
  }, [snapshot?.platform, snapshot?.handle]);

  const me = settings.myProfile;
  const forget = () => void updateSettings((s) => ({ ...s, myProfile: null }));
  const analysis = useMemo(() => (snapshot ? analysisFor(snapshot, settings) : null), [snapshot, settings]);
  // Listings for one's own profile; the invite here is one's own link to share, not a message to
  // a creator, so it is not recorded as an invitation.
  const actions = useListingAndInvite(snapshot ?? EMPTY, settings, null);
  const [inviteState, setInvite] = useState<InviteState>({ kind: 'idle' });
  const copyInvite = () => {
    let link: string;
    try {
      link = signupUrl(settings.marketplace, settings.referralCode);
    } catch {
      setInvite({ kind: 'error', message: 'The invite link cannot be built from the marketplace settings: fix them in the extension’s options.' });
      return;
    }
    setInvite({ kind: 'copying' });
    void copyText(link).then((copied) => setInvite(copied ? { kind: 'copied', link, hasCode: settings.referralCode !== '' } : { kind: 'manual', text: link }));
  };

  if (reading === undefined) return <Message title="Reading your numbers…" />;
  if (!reading || !snapshot || !analysis || !me) {
    return (
      <Message title={me ? `No numbers kept for ${isolate(`@${me.handle}`)} yet` : 'No profile marked as yours'}>
        Open your own profile once with the extension installed: its numbers are kept for this view and updated on each
        visit.
      </Message>
    );
  }
  const custom = settings.tiers.kind === 'custom' ? settings.tiers.tiers : null;
  const services = servicesWithPrices(snapshot, analysis).map(({ id, label, priceText }) => ({ id, label, priceText }));
  const saveCard = () => {
    const data = statsCardData(snapshot, analysis, { marketplaceName: settings.marketplace.name, now: new Date(reading.readAt * 1000) });
    const fileName = `${snapshot.handle ?? 'my'}-stats-${new Date().toISOString().slice(0, 10)}.png`;
    statsCardPng(data).then(
      (blob) => {
        downloadBlob(blob, fileName);
        setSave({ kind: 'saved', fileName });
      },
      (e: unknown) => setSave({ kind: 'error', message: e instanceof Error ? e.message : 'The stats card could not be drawn.' }),
    );
  };
  return (
    <MyTier
      snapshot={snapshot}
      analysis={analysis}
      scheme={tierSchemeOf(settings)}
      customTiers={custom}
      history={history}
      services={services}
      readAt={DATE.format(new Date(reading.readAt * 1000))}
      onCreateListing={actions.createListing}
      createState={actions.createState}
      onCopyInvite={copyInvite}
      inviteState={inviteState}
      onSaveCard={saveCard}
      saveState={saveState}
      onForget={forget}
    />
  );
}
