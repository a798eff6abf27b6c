/**
 * What the compact tab docked at the page's edge says: the headline rate on the platform's own
 * basis, the verdict's word and colour against that platform's published figures, the tier and
 * the price. Pure and small, because the content script carries it (not the card's analysis).
 */
import { BENCHMARKS, benchmarkFor, type Verdict } from '../metrics/benchmarks';
import { engagementRate, engagementRateByImpressions, engagementRateByViews, viewsPerFollower } from '../metrics/engagement';
import { formatMoney, formatPercent } from '../metrics/format';
import { priceGuidance } from '../metrics/pricing';
import { recentPosts } from '../metrics/recent';
import { DEFAULT_TIER_SCHEME, tierFor, type TierScheme } from '../metrics/tiers';
import type { Snapshot } from '../platforms/types';

export interface TabModel {
  /** "4.3 %", "0.9×", "…" while reading, "—" when unknown. */
  figure: string;
  /** What the figure is: "ER", "ER/view", "ER/impr.", "views/sub", "reading", "private". */
  label: string;
  verdict: Verdict | null;
  /** "above", "typical", "below", or "no verdict". */
  verdictWord: string;
  /** "Tier 7", or "" when followers are unknown. */
  tier: string;
  /** "~$150", or "". */
  price: string;
  /** The tab's accessible name: the whole line in words. */
  summary: string;
}

const BASIS_LABEL = { followers: 'ER', views: 'ER/view', impressions: 'ER/impr.' } as const;

function loadingModel(snapshot: Snapshot): TabModel {
  return {
    figure: '…',
    label: 'reading',
    verdict: null,
    verdictWord: 'no verdict',
    tier: '',
    price: '',
    summary: `Reloquence Lens: reading ${snapshot.handle ? `@${snapshot.handle}` : 'this page'}…`,
  };
}

/** The tab for a snapshot, with the user's tier scheme for the tier and price. */
export function tabModel(snapshot: Snapshot, scheme: TierScheme = DEFAULT_TIER_SCHEME): TabModel {
  if (snapshot.state === 'loading') return loadingModel(snapshot);
  const posts = recentPosts(snapshot.posts).posts;
  const minPosts = snapshot.kind === 'post' ? 1 : 2;
  const bench = benchmarkFor(snapshot.platform, snapshot.followers, posts, { minPosts });
  const tier = tierFor(snapshot.followers, scheme);
  const price = priceGuidance(snapshot.followers, bench, scheme);
  const basis = BENCHMARKS[snapshot.platform].basis;
  let figure = '—';
  let label: string = BASIS_LABEL[basis];
  // The rate on the platform's basis: the one its benchmark compares, or, where no figure is
  // published to compare it with, the same rate measured all the same.
  const rate =
    bench.rate ??
    (basis === 'views'
      ? engagementRateByViews(posts, { minPosts })
      : basis === 'impressions'
        ? engagementRateByImpressions(posts, { minPosts })
        : engagementRate(snapshot.followers, posts, { minPosts }));
  if (rate.mean !== null) {
    figure = formatPercent(rate.mean);
  } else if (snapshot.platform === 'youtube' && snapshot.kind === 'profile') {
    // A channel page shows views only: lead with what it has.
    const vps = viewsPerFollower(snapshot.followers, posts, { minPosts });
    if (vps.mean !== null) {
      figure = `${(vps.mean / 100).toFixed(vps.mean >= 1000 ? 0 : 1)}×`;
      label = 'views/sub';
    }
  }
  if (snapshot.state === 'private') label = 'private';
  const verdictWord = bench.verdict ?? 'no verdict';
  const tierText = tier ? `Tier ${tier.rank}` : '';
  const priceText = price ? `~${formatMoney(price.point, price.currency)}` : '';
  const who = snapshot.handle ? `@${snapshot.handle}` : 'this page';
  const summary = [
    `Reloquence Lens: ${who}`,
    figure === '—' ? `${label} unknown` : `${label} ${figure}`,
    bench.verdict ? `${bench.verdict} typical` : 'no verdict',
    tier ? `Tier ${tier.rank} ${tier.name}` : 'tier unknown',
    priceText ? `${priceText} a post` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return { figure, label, verdict: bench.verdict, verdictWord, tier: tierText, price: priceText, summary };
}
