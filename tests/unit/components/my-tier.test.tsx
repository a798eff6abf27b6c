import { describe, expect, it, vi } from 'vitest';
import { useDom } from './dom';
import { MyTier, type MyTierProps } from '../../../components/MyTier';
import { servicePrice, servicesFor } from '../../../lib/marketplace/services';
import { analyzeSnapshot, type Analysis } from '../../../lib/metrics/analysis';
import { formatRange } from '../../../lib/metrics/format';
import { DEFAULT_TIER_SCHEME, type TierScheme } from '../../../lib/metrics/tiers';
import { emptyPost, type PostStats, type Snapshot } from '../../../lib/platforms/types';
import { DEFAULT_SETTINGS, tierSchemeOf, type CustomTier, type Settings } from '../../../lib/settings';
import { DAY, type SnapshotPoint } from '../../../lib/store/history';

const { root, mount, q, click, expectClean } = useDom();
const textOf = (id: string) => q(id)?.textContent ?? '';

const NOW = Math.floor(Date.now() / 1000);
const HOSTILE = '<img src=x onerror=alert(1)>';

function snapshot(partial: Partial<Snapshot> = {}): Snapshot {
  return {
    platform: 'instagram',
    kind: 'profile',
    state: 'ok',
    url: 'https://www.instagram.com/cosy.kitchen/',
    handle: 'cosy.kitchen',
    displayName: 'Cosy Kitchen',
    followers: 12_000,
    followersExact: true,
    following: 10,
    postsCount: 3,
    totalLikes: null,
    bio: null,
    isPrivate: false,
    isVerified: false,
    posts: POSTS,
    source: 'test',
    notes: [],
    ...partial,
  };
}

// 12,000 followers; posts at 4 %, 4.5 %, 4.1 % → mean 4.2 %.
const POSTS: PostStats[] = [
  emptyPost({ id: 'a', likes: 470, comments: 10, takenAt: NOW - 2 * DAY }),
  emptyPost({ id: 'b', likes: 530, comments: 10, takenAt: NOW - 6 * DAY }),
  emptyPost({ id: 'c', likes: 482, comments: 10, takenAt: NOW - 10 * DAY }),
];

const CUSTOM_TIERS: CustomTier[] = [
  { name: 'Starter', minFollowers: 0, pricePerPost: 40, benefits: ['Listed in the directory'], expectations: { postsPerMonth: 2, minEr: null } },
  {
    name: 'Rising',
    minFollowers: 10_000,
    pricePerPost: 200,
    benefits: ['Featured in the newsletter', 'Priority support'],
    expectations: { postsPerMonth: 4, minEr: 3 },
  },
  {
    name: 'Star',
    minFollowers: 100_000,
    pricePerPost: 2_000,
    benefits: ['Homepage spotlight'],
    expectations: { postsPerMonth: 8, minEr: 5 },
  },
];

const CUSTOM_SETTINGS: Settings = { ...DEFAULT_SETTINGS, currency: 'EUR', tiers: { kind: 'custom', name: 'Creator Club', tiers: CUSTOM_TIERS } };

function servicesOf(snap: Snapshot, analysis: Analysis) {
  return servicesFor(snap.platform).map((s) => {
    const p = servicePrice(analysis.price, s);
    return { id: s.id, label: s.label, priceText: p ? formatRange(p.low, p.high, p.currency) : null };
  });
}

function point(daysAgo: number, followers: number | null, er: number | null = 4): SnapshotPoint {
  return {
    platform: 'instagram',
    handleKey: 'cosy.kitchen',
    takenAt: NOW - daysAgo * DAY,
    followers,
    followersExact: true,
    following: 10,
    postsCount: 3,
    totalLikes: null,
    er,
    erPerView: null,
    pricePoint: null,
  };
}

function props(snap: Snapshot, scheme: TierScheme = DEFAULT_TIER_SCHEME, over: Partial<MyTierProps> = {}): MyTierProps {
  const analysis = analyzeSnapshot(snap, { scheme, now: NOW });
  return {
    snapshot: snap,
    analysis,
    scheme,
    customTiers: null,
    history: null,
    services: servicesOf(snap, analysis),
    readAt: 'Nov 21, 2026',
    onCreateListing: vi.fn(),
    createState: { kind: 'idle' },
    onCopyInvite: vi.fn(),
    inviteState: { kind: 'idle' },
    onSaveCard: vi.fn(),
    saveState: { kind: 'idle' },
    onForget: vi.fn(),
    ...over,
  };
}

describe('MyTier', () => {
  it("shows the creator's tier, size class, rate against the typical band, prices and next tier", async () => {
    await mount(<MyTier {...props(snapshot())} />);
    expect(q('my-tier')).not.toBeNull();
    expect(textOf('my-handle')).toBe('@cosy.kitchen');
    expect(root().textContent).toContain('on Instagram');
    expect(root().textContent).toContain('Nov 21, 2026');
    expect(textOf('my-tier-name')).toBe('Tier 7 Hacker Micro Influencers · 5K–20K followers');
    expect(textOf('my-size-class')).toBe('Size class: Micro');
    expect(textOf('my-er')).toContain('4.2 %');
    expect(textOf('my-er')).toContain('mean of 3 recent posts · likes + comments per follower');
    expect(textOf('my-verdict')).toBe('Above typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)');
    const prices = q('my-prices')!;
    const rows = Array.from(prices.querySelectorAll('[data-testid="my-price-row"]')).map((r) => r.textContent);
    // 4.2 % per follower is above the 0.54–2.37 % published for 10K–50K: the tier price raised 19 %.
    expect(rows).toEqual(['Instagram post$160–$190', 'Instagram story$80–$95', 'Instagram reel$190–$230']);
    expect(prices.textContent).toContain("From your tier's price of $150 per post");
    const next = textOf('my-next-tier');
    expect(next).toContain('Tier 6 Engaged Micro Influencers');
    expect(next).toContain('8,000 more followers to go');
    expect(next).toContain('Price there: $300 per post');
    expect(next).toContain('ER typical there: ≈0.5–2.4 % per follower at 20K (HypeAuditor 2026, Markerly 2016)');
    expect(textOf('my-growth')).toContain('Not enough history yet');
    expect(q('my-benefits')).toBeNull();
    expectClean();
  });

  it('fires its callbacks: create listing, copy invite, save card, forget', async () => {
    const p = props(snapshot());
    await mount(<MyTier {...p} />);
    await click(q('create-listing'));
    expect(p.onCreateListing).toHaveBeenCalledWith('instagram-post');
    await click(q('invite-button'));
    expect(p.onCopyInvite).toHaveBeenCalledTimes(1);
    expect(textOf('invite-button')).toBe('Copy invite link');
    await click(q('save-card'));
    expect(p.onSaveCard).toHaveBeenCalledTimes(1);
    expect(textOf('save-card')).toBe('Save stats card (PNG)');
    await click(q('forget-me'));
    expect(p.onForget).toHaveBeenCalledTimes(1);
    expect(textOf('forget-me')).toBe('Not you? Forget this profile');
    expect(q('save-card-state')).toBeNull();
  });

  it('shows the save, invite and create states', async () => {
    const snap = snapshot();
    await mount(
      <MyTier
        {...props(snap, DEFAULT_TIER_SCHEME, {
          saveState: { kind: 'saved', fileName: 'cosy.kitchen-stats.png' },
          inviteState: { kind: 'manual', text: 'Join me: https://www.reloquence.com/signup' },
          createState: { kind: 'error', message: 'The marketplace address is not valid.' },
        })}
      />,
    );
    expect(textOf('save-card-state')).toContain('cosy.kitchen-stats.png');
    expect((q('invite-manual') as HTMLTextAreaElement).value).toBe('Join me: https://www.reloquence.com/signup');
    expect(textOf('create-state')).toBe('The marketplace address is not valid.');
    await mount(<MyTier {...props(snap, DEFAULT_TIER_SCHEME, { saveState: { kind: 'error', message: 'No canvas here.' } })} />);
    expect(textOf('save-card-state')).toBe('No canvas here.');
    expect(q('save-card-state')?.getAttribute('role')).toBe('alert');
  });

  it('says an unknown rate is unknown, with why, and never NaN', async () => {
    const snap = snapshot({ state: 'private', isPrivate: true, posts: [] });
    await mount(<MyTier {...props(snap)} />);
    expect(textOf('my-er')).toBe('— ER unknown: private account: its posts are hidden');
    expect(textOf('my-verdict')).toBe(
      'No verdict: private account: its posts are hidden (typical for 10K–50K on Instagram: ≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)',
    );
    expect(textOf('my-tier-name')).toContain('Tier 7');
    expectClean();
  });

  it('says everything that depends on followers is unknown when followers are unknown', async () => {
    const snap = snapshot({ followers: null, posts: [] });
    const p = props(snap);
    expect(p.services.every((s) => s.priceText === null)).toBe(true);
    await mount(<MyTier {...p} readAt="" />);
    expect(textOf('my-tier-name')).toBe('— tier unknown: followers unknown');
    expect(textOf('my-size-class')).toBe('Size class: — unknown: followers unknown');
    expect(textOf('my-next-tier')).toBe('— unknown: followers unknown');
    expect(textOf('my-verdict')).toMatch(/^No verdict: followers unknown/);
    expect(textOf('my-prices')).toContain('— unknown');
    expect(root().textContent).toContain('— date unknown');
    expectClean();
  });

  it("shows a custom scheme's benefits, what keeps the tier, and the next tier's expectations", async () => {
    const scheme = tierSchemeOf(CUSTOM_SETTINGS);
    await mount(<MyTier {...props(snapshot(), scheme, { customTiers: CUSTOM_TIERS })} />);
    expect(textOf('my-tier-name')).toBe('Tier 2 Rising · 10K–100K followers');
    expect(root().textContent).toContain('Your tier · Creator Club');
    const benefits = Array.from(q('my-benefits')!.querySelectorAll('li')).map((li) => li.textContent);
    expect(benefits).toEqual(['Featured in the newsletter', 'Priority support']);
    expect(textOf('my-keep')).toBe('To keep Rising: 10K+ followers · 4 posts a month · ER of at least 3.0 % (yours meets it)');
    const next = textOf('my-next-tier');
    expect(next).toContain('Tier 1 Star');
    expect(next).toContain('88,000 more followers to go');
    expect(next).toContain('Price there: €2,000 per post');
    expect(next).toContain('Expected: 8 posts a month · ER of at least 5.0 % (yours is 4.2 %)');
    expect(textOf('my-next-benefits')).toContain('Homepage spotlight');
    expect(textOf('my-prices')).toContain('€');
    expectClean();
  });

  it('says when there is no tier below the lowest custom tier, and when the creator is at the top', async () => {
    const scheme = tierSchemeOf({
      ...CUSTOM_SETTINGS,
      tiers: { kind: 'custom', name: 'Pro only', tiers: [{ ...CUSTOM_TIERS[2]!, minFollowers: 50_000 }] },
    });
    await mount(<MyTier {...props(snapshot(), scheme, { customTiers: CUSTOM_TIERS })} />);
    expect(textOf('my-tier-name')).toBe('— no tier yet: Pro only starts at 50K followers');
    expect(textOf('my-next-tier')).toContain('38,000 more followers to go');
    expectClean();

    await mount(<MyTier {...props(snapshot({ followers: 6_000_000 }))} />);
    expect(textOf('my-next-tier')).toBe('You are in the top tier of Default price scheme.');
  });

  it('shows growth since the first reading, and "Not enough history yet" with fewer than two', async () => {
    const snap = snapshot();
    await mount(<MyTier {...props(snap, DEFAULT_TIER_SCHEME, { history: [point(3, 12_000)] })} />);
    expect(textOf('my-growth')).toMatch(/^Not enough history yet: one reading, on /);

    await mount(<MyTier {...props(snap, DEFAULT_TIER_SCHEME, { history: [point(40, null), point(3, 12_000)] })} />);
    expect(textOf('my-growth')).toMatch(/^Not enough history yet/);

    const history = [point(60, 10_000, 4.5), point(30, 11_000, 4.3), point(0, 12_000, 4.2)];
    await mount(<MyTier {...props(snap, DEFAULT_TIER_SCHEME, { history })} />);
    const g = textOf('my-growth');
    expect(g).toContain('+2,000 followers (+20.0 %) since');
    expect(g).toContain('(3 readings)');
    expect(g).toMatch(/a week/);
    expect(g).toMatch(/a month/);
    expect(g).toContain('ER 4.5 % → 4.2 %');
    expectClean();

    await mount(<MyTier {...props(snap, DEFAULT_TIER_SCHEME, { history: [point(20, 12_000), point(0, 11_000)] })} />);
    expect(textOf('my-growth')).toContain('−1,000 followers');
  });

  it('shows what brands see: the audience signals, sponsored posts, brands worked with, disclosures to check', async () => {
    const posts = [
      emptyPost({ id: 'a', likes: 470, comments: 10, takenAt: NOW - 2 * DAY, caption: 'Morning bake with @flourco #ad', mentions: ['flourco'], sponsored: true }),
      emptyPost({ id: 'b', likes: 530, comments: 10, takenAt: NOW - 6 * DAY, caption: 'Loving my @panmakers skillet, code COSY10 for 10 % off', mentions: ['panmakers'] }),
      emptyPost({ id: 'c', likes: 482, comments: 10, takenAt: NOW - 10 * DAY, caption: 'Sunday soup', mentions: [] }),
    ];
    await mount(<MyTier {...props(snapshot({ posts }))} />);
    const section = textOf('my-brands-see');
    expect(section).toMatch(/^What brands seeAudience: \d+ signals? fine/);
    expect(textOf('my-sponsored')).toBe('Brands see 1 of 3 recent posts as sponsored; sponsored posts get 93 % of the engagement of the others (1 sponsored, 2 organic).');
    expect(textOf('my-brands')).toContain('Brands worked with: @flourco (1 of 3), @panmakers (1 of 3).');
    // The skillet post tags a brand and carries a code with no disclosure.
    expect(textOf('my-undisclosed')).toContain('1 recent post tags a brand or carries a code or affiliate link without #ad');
    expectClean();
  });

  it('says what the posts say is unknown when the page carried no captions, and lists a signal to check with its number', async () => {
    // One post carries the whole engagement: the consistency signals are to check.
    const posts = [
      emptyPost({ id: 'a', likes: 9000, comments: 100, takenAt: NOW - 2 * DAY }),
      emptyPost({ id: 'b', likes: 20, comments: 1, takenAt: NOW - 6 * DAY }),
      emptyPost({ id: 'c', likes: 25, comments: 1, takenAt: NOW - 10 * DAY }),
      emptyPost({ id: 'd', likes: 22, comments: 1, takenAt: NOW - 14 * DAY }),
    ];
    await mount(<MyTier {...props(snapshot({ posts, postsCount: 4 }))} />);
    expect(textOf('my-content-unknown')).toBe('What your posts say: unknown — this page did not carry their captions or tags.');
    const toCheck = textOf('my-signals-to-check');
    expect(toCheck).toContain("Top post's share");
    expect(toCheck).toMatch(/\d+ %/);
    expect(q('my-sponsored')).toBeNull();
    expectClean();
  });

  it('renders a hostile handle, name and benefit as text', async () => {
    const tiers: CustomTier[] = CUSTOM_TIERS.map((t) => ({ ...t, name: t.name === 'Rising' ? HOSTILE : t.name, benefits: [HOSTILE] }));
    const scheme = tierSchemeOf({ ...CUSTOM_SETTINGS, tiers: { kind: 'custom', name: HOSTILE, tiers } });
    await mount(
      <MyTier
        {...props(snapshot({ handle: HOSTILE, displayName: HOSTILE }), scheme, {
          customTiers: tiers,
          readAt: HOSTILE,
          services: [{ id: 'instagram-post', label: HOSTILE, priceText: HOSTILE }],
        })}
      />,
    );
    expect(textOf('my-handle')).toBe(`@${HOSTILE}`);
    expect(textOf('my-tier-name')).toContain(HOSTILE);
    expect(textOf('my-benefits')).toContain(HOSTILE);
    expect(root().querySelector('img')).toBeNull();
    expectClean();
  });

  it('handles huge numbers without NaN or Infinity', async () => {
    const huge = 9e12;
    const snap = snapshot({
      followers: huge,
      followersExact: false,
      posts: [emptyPost({ likes: 8e12, comments: 9e11 }), emptyPost({ likes: 1e13, comments: 1e12 })],
    });
    const history = [point(400, 1, 1e9), point(0, huge, 1e9)];
    await mount(<MyTier {...props(snap, DEFAULT_TIER_SCHEME, { history })} />);
    expect(textOf('my-tier-name')).toContain('Tier 1 Icons');
    expect(textOf('my-next-tier')).toBe('You are in the top tier of Default price scheme.');
    expect(textOf('my-growth')).toContain('+9000B followers');
    expect(root().textContent).toContain('about 9000B followers');
    expectClean();
  });
});
