import { describe, expect, it, vi } from 'vitest';
import { useDom } from './dom';
import { BudgetView } from '../../../components/BudgetView';
import { CompareView } from '../../../components/CompareView';
import { ImportDialog } from '../../../components/ImportDialog';
import { InvitationsList } from '../../../components/InvitationsList';
import { Leaderboard } from '../../../components/Leaderboard';
import { MarketplaceActions } from '../../../components/MarketplaceActions';
import { MyTier } from '../../../components/MyTier';
import { addressShownAs, draftFromSettings, OptionsForm } from '../../../components/OptionsForm';
import { PopupShortlist } from '../../../components/PopupShortlist';
import { ProfileCard } from '../../../components/ProfileCard';
import { ShortlistTable } from '../../../components/ShortlistTable';
import { FSI, isolate, PDI } from '../../../lib/bidi';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { emptyPost, emptySnapshot, type Snapshot } from '../../../lib/platforms/types';
import { DEFAULT_SETTINGS, tierSchemeOf, type Settings } from '../../../lib/settings';
import { parseImport, planImport } from '../../../lib/store/exchange';
import type { ShortlistRow } from '../../../lib/store/shortlist';

const { root, mount, q } = useDom();

/** U+202E RIGHT-TO-LEFT OVERRIDE: shown unisolated, it reverses everything after it on the line. */
const RLO = '\u202e';
const NAME = `Kim${RLO}gnp.exe`;
const HANDLE = `kim${RLO}evil`;

/**
 * Every text of the rendered tree that carries the override sits in a `<bdi>` holding nothing
 * but `expected` texts: the override cannot reach the words around it. Returns how many were found.
 */
function expectIsolated(expected: readonly string[]): number {
  let found = 0;
  for (const el of Array.from(root().querySelectorAll('*'))) {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== 3 || !(node.textContent ?? '').includes(RLO)) continue;
      found++;
      const bdi = el.closest('bdi');
      expect(bdi, `"${node.textContent}" in <${el.tagName.toLowerCase()}> is not isolated`).not.toBeNull();
      expect(expected).toContain(bdi!.textContent);
    }
  }
  expect(found).toBeGreaterThan(0);
  return found;
}

function snapshot(partial: Partial<Snapshot> = {}): Snapshot {
  return emptySnapshot({
    platform: 'instagram',
    kind: 'profile',
    state: 'ok',
    url: 'https://www.instagram.com/kim/',
    handle: HANDLE,
    displayName: NAME,
    followers: 12_000,
    followersExact: true,
    posts: [emptyPost({ id: 'a', likes: 470, comments: 10 }), emptyPost({ id: 'b', likes: 530, comments: 10 })],
    source: 'test',
    ...partial,
  });
}

const CAMPAIGN = `Spring${RLO} launch`;
const TAG = `tag${RLO}x`;

function row(): ShortlistRow {
  const snap = snapshot();
  return {
    campaignName: CAMPAIGN,
    creator: {
      platform: 'instagram',
      handleKey: HANDLE.toLowerCase(),
      handle: HANDLE,
      displayName: NAME,
      profileUrl: 'https://www.instagram.com/kim/',
      addedAt: 1_750_000_000,
      updatedAt: 1_750_000_000,
      snapshot: snap,
      followers: 12_000,
      er: 4,
      erPerView: null,
      tierRank: 7,
      tierName: `Tier${RLO}name`,
      sizeClass: 'micro',
      pricePoint: 150,
      priceLow: 120,
      priceHigh: 180,
      currency: 'USD',
    },
    entry: {
      campaignId: 'c1',
      platform: 'instagram',
      handleKey: HANDLE.toLowerCase(),
      notes: `note${RLO}x`,
      tags: [TAG, 'plain'],
      status: 'contacted',
      agreedPrice: null,
      couponCode: `CODE${RLO}10`,
      affiliateLink: null,
      results: { orders: null, revenue: null, cost: null },
      addedAt: 1_750_000_000,
      updatedAt: 1_750_000_000,
    },
  };
}

describe('text from pages, files and users is shown isolated', () => {
  it('the card: the handle and the display name (ProfileCard)', async () => {
    const snap = snapshot();
    await mount(<ProfileCard snapshot={snap} analysis={analyzeSnapshot(snap)} />);
    expectIsolated([`@${HANDLE}`, NAME]);
    expect(q('handle')?.textContent).toBe(`@${HANDLE}`);
  });

  it('the shortlist table: handle, name, campaign', async () => {
    await mount(
      <ShortlistTable
        rows={[row()]}
        columns={['name', 'campaign', 'tier', 'notes']}
        currency="USD"
        sort={null}
        onSort={vi.fn()}
        selected={new Set()}
        onToggle={vi.fn()}
        onToggleAll={vi.fn()}
        onEdit={vi.fn(async () => null)}
        height={600}
        onOpen={vi.fn()}
      />,
    );
    expectIsolated([`@${HANDLE}`, NAME, CAMPAIGN]);
    expect(root().querySelector('td.rl-c-tier span')?.getAttribute('title')).toBe(isolate(`Tier${RLO}name`));
  });

  it('the popup list: handle, campaign and tags, and the titles', async () => {
    await mount(<PopupShortlist rows={[row()]} currency="USD" complete loadError={null} onStatus={vi.fn(async () => null)} onAddTag={vi.fn(async () => null)} onOpenFull={vi.fn()} />);
    expect(q('popup-row')).not.toBeNull();
    expectIsolated([`@${HANDLE}`, CAMPAIGN, TAG]);
    expect(q('popup-handle')?.getAttribute('title')).toBe(`${FSI}${NAME}${PDI} — open the profile in a new tab`);
  });

  it('compare, leaderboard and budget: handle, name, tier name, campaign, coupon', async () => {
    await mount(<CompareView rows={[row(), { ...row(), campaignName: 'Other' }]} currency="USD" onClose={vi.fn()} />);
    expectIsolated([`@${HANDLE}`, NAME, `Tier${RLO}name`, CAMPAIGN]);
    await mount(<Leaderboard rows={[row()]} growthByCreator={new Map()} currency="USD" showCampaign />);
    expectIsolated([`@${HANDLE}`, NAME, CAMPAIGN]);
    const campaign = { id: 'c1', name: CAMPAIGN, budget: null, archived: false };
    await mount(<BudgetView campaign={campaign} title={<bdi>{CAMPAIGN}</bdi>} campaigns={[campaign]} rows={[row()]} currency="USD" onSetBudget={vi.fn(async () => null)} onSetResults={vi.fn(async () => null)} />);
    expectIsolated([`@${HANDLE}`, CAMPAIGN, `Tier${RLO}name`, `CODE${RLO}10`]);
    // All campaigns: the breakdown names each campaign, isolated.
    await mount(<BudgetView campaign={null} title="All campaigns" campaigns={[campaign]} rows={[row()]} currency="USD" onSetBudget={vi.fn(async () => null)} onSetResults={vi.fn(async () => null)} />);
    expectIsolated([`@${HANDLE}`, CAMPAIGN, `Tier${RLO}name`, `CODE${RLO}10`]);
  });

  it('invitations: handle, campaign tag and marketplace name', async () => {
    const market = `Market${RLO}place`;
    await mount(
      <InvitationsList
        invitations={[{ id: '1', platform: 'instagram', handle: HANDLE, campaign: `spring${RLO}-launch`, invitedAt: Date.now(), status: 'invited', statusAt: Date.now() }]}
        marketplaceName={market}
        now={Date.now()}
        onStatus={vi.fn(async () => null)}
      />,
    );
    expectIsolated([`@${HANDLE}`, `spring${RLO}-launch`, market]);
  });

  it('the marketplace row: the marketplace name from the settings', async () => {
    const market = `Market${RLO}place`;
    await mount(
      <MarketplaceActions
        marketplaceName={market}
        listingUrl={null}
        searchUrl="https://www.reloquence.com/?q=kim"
        onLinkListing={vi.fn(async () => null)}
        services={[]}
        createState={{ kind: 'idle' }}
        onCreateListing={vi.fn()}
        inviteState={{ kind: 'idle' }}
        onInvite={vi.fn()}
        messageUrl={null}
        isMe={false}
      />,
    );
    expectIsolated([market]);
    expect(q('find-listing')?.textContent).toBe(`Find on ${market}`);
  });

  it('my tier: handle, tier scheme and tier names, benefits', async () => {
    const snap = snapshot();
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      tiers: {
        kind: 'custom',
        name: `Club${RLO}x`,
        tiers: [
          { name: `Starter${RLO}x`, minFollowers: 0, pricePerPost: 40, benefits: [`Listed${RLO}x`], expectations: { postsPerMonth: null, minEr: null } },
          { name: 'Star', minFollowers: 100_000, pricePerPost: 900, benefits: [], expectations: { postsPerMonth: null, minEr: null } },
        ],
      },
    };
    const scheme = tierSchemeOf(settings);
    await mount(
      <MyTier
        snapshot={snap}
        analysis={analyzeSnapshot(snap, { scheme })}
        scheme={scheme}
        customTiers={settings.tiers.kind === 'custom' ? settings.tiers.tiers : null}
        history={null}
        services={[]}
        readAt="today"
        onCreateListing={vi.fn()}
        createState={{ kind: 'idle' }}
        onCopyInvite={vi.fn()}
        inviteState={{ kind: 'idle' }}
        onSaveCard={vi.fn()}
        saveState={{ kind: 'idle' }}
        onForget={vi.fn()}
      />,
    );
    expectIsolated([`@${HANDLE}`, `Club${RLO}x`, `Starter${RLO}x`, `Listed${RLO}x`]);
  });

  it('the import preview: the file name and the text a reason quotes from the file', async () => {
    const preview = parseImport(`platform,handle,campaign\r\nmyspace${RLO}x,kim,A`, 'list.csv');
    expect(preview.invalid).toHaveLength(1);
    const fileName = `list${RLO}vsc.exe`;
    await mount(<ImportDialog fileName={fileName} preview={preview} plan={planImport(preview, { keys: new Set() })} applying={false} error={null} onApply={vi.fn()} onCancel={vi.fn()} />);
    expectIsolated([fileName, preview.invalid[0]!.reason]);
    // Inside the reason, the quoted cell is isolated too.
    expect(preview.invalid[0]!.reason).toContain(`“${FSI}myspace${RLO}x${PDI}”`);
    expect(q('import-invalid-row')?.textContent).toMatch(/^Line 2: platform: must be/);
  });
});

describe('the options form shows the marketplace address as browsers write it', () => {
  it('shows an internationalised name in its xn-- form while it is typed', async () => {
    expect(addressShownAs('https://bücher.example')).toBe('https://xn--bcher-kva.example');
    expect(addressShownAs('https://www.reloquence.com/')).toBeNull();
    expect(addressShownAs('HTTPS://WWW.Reloquence.com')).toBeNull();
    expect(addressShownAs('https://*.com')).toBeNull();
    const draft = draftFromSettings(DEFAULT_SETTINGS);
    const form = (baseUrl: string) => (
      <OptionsForm
        value={{ ...draft, marketplace: { ...draft.marketplace, baseUrl }, myProfile: { platform: 'instagram', handle: HANDLE } }}
        errors={{}}
        notes={[]}
        saving={false}
        savedAt={null}
        onChange={vi.fn()}
        onSave={vi.fn()}
        onReset={vi.fn()}
      />
    );
    await mount(form('https://раураl.com'));
    expect(q('address-shown-as')?.textContent).toContain('https://xn--l-7sba6dbr.com');
    expect(q('preview-search')?.textContent).toBe('https://xn--l-7sba6dbr.com/?q=cosy.crafts');
    expectIsolated([`@${HANDLE}`]);
    await mount(form('https://www.reloquence.com'));
    expect(q('address-shown-as')).toBeNull();
  });
});
