import type { ComponentChildren } from 'preact';
import type { Analysis } from '@/lib/metrics/analysis';
import { typicalPhrase } from '@/lib/metrics/benchmarks';
import { sponsoredVsOrganicText } from '@/lib/metrics/content';
import { audienceSignals, summarizeSignals } from '@/lib/metrics/signals';
import type { RateResult } from '@/lib/metrics/engagement';
import { formatCompact, formatCount, formatExact, formatMoney, formatPercent, UNKNOWN_TEXT } from '@/lib/metrics/format';
import { formatBand, SIZE_CLASS_LABELS, type TierBand, type TierScheme } from '@/lib/metrics/tiers';
import { PLATFORM_LABELS, type Snapshot } from '@/lib/platforms/types';
import type { CustomTier } from '@/lib/settings';
import { growth, type SnapshotPoint } from '@/lib/store/history';
import { CreateListingControl, InviteButton, InviteStatus, type CreateState, type InviteState, type ServiceOption } from './MarketplaceActions';
import './marketplace.css';
import { creatorLabel } from '@/lib/platforms/profile-url';

export type SaveCardState = { kind: 'idle' } | { kind: 'saved'; fileName: string } | { kind: 'error'; message: string };

export interface MyTierProps {
  snapshot: Snapshot;
  /** Computed with the settings' scheme. */
  analysis: Analysis;
  scheme: TierScheme;
  /** The custom tiers (with benefits and expectations) when the settings use custom tiers. */
  customTiers: CustomTier[] | null;
  history: readonly SnapshotPoint[] | null;
  services: ServiceOption[];
  /** When the numbers were read ("Nov 21, 2026"). */
  readAt: string;
  onCreateListing(serviceId: string): void;
  createState: CreateState;
  onCopyInvite(): void;
  inviteState: InviteState;
  onSaveCard(): void;
  saveState: SaveCardState;
  /** "Not you? Forget this profile". */
  onForget(): void;
}

const RATE_PER: Record<RateResult['basis'], string> = {
  followers: 'per follower',
  views: 'per view',
  reach: 'per account reached',
  impressions: 'per impression',
};

function isNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function isCount(n: unknown): n is number {
  return isNumber(n) && n >= 0;
}

/** "—" and a word: how every unknown reads. */
function Unknown({ what = 'unknown' }: { what?: ComponentChildren }) {
  return (
    <span class="rl-unknown">
      {UNKNOWN_TEXT} {what}
    </span>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dateOf(seconds: number): string {
  if (!isNumber(seconds)) return UNKNOWN_TEXT;
  const d = new Date(seconds * 1000);
  if (!Number.isFinite(d.getTime())) return UNKNOWN_TEXT;
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
}

function signed(n: number): string {
  return `${n >= 0 ? '+' : '−'}${formatCount(Math.abs(n))}`;
}

function signedPercent(p: number | null): string {
  return p === null || !isNumber(p) ? '' : ` (${p >= 0 ? '+' : '−'}${formatPercent(Math.abs(p))})`;
}

/** The custom tier behind a band of the scheme (tierSchemeOf keeps names and bounds). */
function customTierOf(band: Pick<TierBand, 'name' | 'minFollowers'> | null | undefined, tiers: CustomTier[] | null): CustomTier | null {
  if (!band || !tiers) return null;
  const key = band.name.trim().toLowerCase();
  const same = tiers.filter((t) => typeof t?.name === 'string' && t.name.trim().toLowerCase() === key);
  return same.find((t) => t.minFollowers === band.minFollowers) ?? same[0] ?? null;
}

/** The creator's own view: their tier, rate, prices, what the next tier takes, and their growth. */
export function MyTier(props: MyTierProps) {
  const { snapshot, analysis, scheme, history, services } = props;
  // Benefits and expectations belong to the custom scheme only.
  const customTiers = scheme.id === 'custom' ? props.customTiers : null;
  const handle = creatorLabel(snapshot.platform, snapshot.handle, snapshot.displayName) ?? 'Your account';
  const platform = PLATFORM_LABELS[snapshot.platform] ?? 'your platform';
  const readAt = typeof props.readAt === 'string' && props.readAt.trim() !== '' ? props.readAt.trim() : null;
  return (
    <div class="rl-card rl-my" data-testid="my-tier">
      <div class="rl-who">
        <span class="rl-handle" data-testid="my-handle">
          <bdi>{handle}</bdi>
        </span>
        <span class="rl-chip">on {platform}</span>
      </div>
      <p class="rl-my-read">
        Your numbers, read {readAt ?? <Unknown what="date unknown" />}
        {isCount(snapshot.followers) && (
          <>
            {' '}
            · {snapshot.followersExact ? formatExact(snapshot.followers) : `about ${formatCount(snapshot.followers)}`} followers
          </>
        )}
      </p>
      <TierSection snapshot={snapshot} analysis={analysis} scheme={scheme} customTiers={customTiers} />
      <RateSection snapshot={snapshot} analysis={analysis} />
      <Section title="Price guidance">
        <PriceTable services={services} analysis={analysis} scheme={scheme} />
        <CreateListingControl services={services} state={props.createState} onCreate={props.onCreateListing} />
      </Section>
      <NextSection snapshot={snapshot} analysis={analysis} scheme={scheme} customTiers={customTiers} />
      <GrowthSection history={history} />
      <BrandsSee snapshot={snapshot} analysis={analysis} history={history} />
      <Section title="Share">
        <div class="rl-mk-row">
          <InviteButton label="Copy invite link" state={props.inviteState} onInvite={props.onCopyInvite} />
          <button type="button" class="rl-btn" data-testid="save-card" onClick={() => props.onSaveCard()}>
            Save stats card (PNG)
          </button>
        </div>
        <InviteStatus state={props.inviteState} messageUrl={null} />
        <SaveState state={props.saveState} />
      </Section>
      <p class="rl-my-forget">
        <button type="button" class="rl-mk-small-btn" data-testid="forget-me" onClick={() => props.onForget()}>
          Not you? Forget this profile
        </button>
      </p>
    </div>
  );
}

function Section({ title, children, testId }: { title: ComponentChildren; children: ComponentChildren; testId?: string }) {
  return (
    <section class="rl-my-section" data-testid={testId}>
      <h3 class="rl-my-title">{title}</h3>
      {children}
    </section>
  );
}

function TierSection({ snapshot, analysis, scheme, customTiers }: Pick<MyTierProps, 'snapshot' | 'analysis' | 'scheme' | 'customTiers'>) {
  const tier = analysis.tier;
  const size = analysis.sizeClass ? SIZE_CLASS_LABELS[analysis.sizeClass] : null;
  const custom = customTierOf(tier, customTiers);
  return (
    <Section
      title={
        <>
          Your tier · <bdi>{scheme.name}</bdi>
        </>
      }
    >
      <div class="rl-tier" data-testid="my-tier-name">
        {tier ? (
          <>
            <span class="rl-tier-rank">Tier {tier.rank}</span> <bdi>{tier.name}</bdi>
            <span class="rl-my-band"> · {formatBand(tier.minFollowers, tier.maxFollowers)}</span>
          </>
        ) : (
          <Unknown what={noTierReason(snapshot, scheme)} />
        )}
      </div>
      <p class="rl-my-line" data-testid="my-size-class">
        Size class: {size ? <strong>{size}</strong> : <Unknown what="unknown: followers unknown" />}
      </p>
      {custom && <Benefits tier={custom} testId="my-benefits" />}
      {tier && custom && <KeepLine analysis={analysis} tier={tier} custom={custom} />}
    </Section>
  );
}

function noTierReason(snapshot: Snapshot, scheme: TierScheme): ComponentChildren {
  if (!isCount(snapshot.followers)) return 'tier unknown: followers unknown';
  const lowest = Math.min(...scheme.tiers.map((t) => t.minFollowers).filter(isCount));
  if (Number.isFinite(lowest) && snapshot.followers < lowest) {
    return (
      <>
        no tier yet: <bdi>{scheme.name}</bdi> starts at {formatCompact(lowest)} followers
      </>
    );
  }
  return 'tier unknown';
}

/** What keeps the current custom tier: its follower floor and its expectations. */
function KeepLine({ analysis, tier, custom }: { analysis: Analysis; tier: TierBand; custom: CustomTier }) {
  const parts = [`${formatCompact(tier.minFollowers)}+ followers`, ...expectationParts(custom, analysis.engagement)];
  return (
    <p class="rl-my-line" data-testid="my-keep">
      <span class="rl-er-basis">
        To keep <bdi>{tier.name}</bdi>:
      </span>{' '}
      {parts.join(' · ')}
    </p>
  );
}

/** A custom tier's expectations in words, each minimum ER compared with the creator's rate. */
function expectationParts(custom: CustomTier, rate: RateResult): string[] {
  const parts: string[] = [];
  const posts = custom.expectations?.postsPerMonth;
  if (isCount(posts)) parts.push(`${formatExact(posts)} post${posts === 1 ? '' : 's'} a month`);
  const minEr = custom.expectations?.minEr;
  if (isCount(minEr)) {
    const mine = rate.mean;
    const compare = isNumber(mine) ? (Math.round(mine * 10) / 10 >= minEr ? ' (yours meets it)' : ` (yours is ${formatPercent(mine)})`) : ' (yours is unknown)';
    parts.push(`ER of at least ${formatPercent(minEr)}${compare}`);
  }
  return parts;
}

function unknownRateReason(snapshot: Snapshot, rate: RateResult): string {
  if (snapshot.state === 'private') return 'private account: its posts are hidden';
  if (snapshot.state === 'empty') return 'no posts yet';
  if (snapshot.state === 'loading') return 'the page has not loaded its counts';
  if (snapshot.platform === 'youtube' && snapshot.kind === 'profile') return 'channel pages show views, not likes or comments';
  if (snapshot.posts.length === 0 && (snapshot.postsCount ?? 0) > 0) return 'the recent posts have not loaded yet';
  return rate.reason ?? 'not enough data';
}

function RateSection({ snapshot, analysis }: Pick<MyTierProps, 'snapshot' | 'analysis'>) {
  const rate = analysis.engagement;
  const b = analysis.benchmark;
  const basis =
    snapshot.kind === 'post'
      ? `this post · likes + comments ${RATE_PER[rate.basis]}`
      : `mean of ${rate.used} recent post${rate.used === 1 ? '' : 's'} · likes + comments ${RATE_PER[rate.basis]}`;
  const verdictClass = b.verdict ? `rl-verdict rl-verdict-${b.verdict}` : 'rl-verdict rl-verdict-unknown';
  return (
    <Section title="Engagement rate">
      <div class="rl-my-er" data-testid="my-er">
        {isNumber(rate.mean) ? (
          <>
            <strong class="rl-my-er-value">{formatPercent(rate.mean)}</strong> <span class="rl-er-basis">{basis}</span>
            {!rate.sufficient && (
              <span class="rl-my-line rl-er-basis">
                {' '}
                <span class="rl-chip">not enough data</span> {rate.reason ?? ''}
              </span>
            )}
          </>
        ) : (
          <>
            <strong class="rl-my-er-value rl-unknown">{UNKNOWN_TEXT}</strong>{' '}
            <span class="rl-er-basis">ER unknown: {unknownRateReason(snapshot, rate)}</span>
          </>
        )}
      </div>
      <div class={verdictClass} data-testid="my-verdict">
        {/* The verdict on the platform's own basis, or "No verdict: …" with why and, when known, what is typical. */}
        {capitalise(
          b.kind === 'rate-unknown' && b.rate && b.rate.mean === null
            ? `no verdict: ${unknownRateReason(snapshot, b.rate)}${b.yardstick ? ` (${typicalPhrase(b.yardstick)})` : ''}`
            : b.text,
        )}
      </div>
    </Section>
  );
}

function PriceTable({ services, analysis, scheme }: { services: ServiceOption[]; analysis: Analysis; scheme: TierScheme }) {
  const tier = analysis.tier;
  return (
    <div data-testid="my-prices">
      {services.length === 0 ? (
        <p class="rl-my-line">
          <Unknown what="no services to price on this platform" />
        </p>
      ) : (
        <table class="rl-my-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Suggested price</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id} data-testid="my-price-row">
                <td>{s.label}</td>
                <td>{s.priceText ? s.priceText : <Unknown />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="rl-my-note">
        {tier && isCount(tier.pricePerPost)
          ? `From your tier's price of ${formatMoney(tier.pricePerPost, scheme.currency)} per post, moved by how your ER compares. A starting point: you set your own price.`
          : 'Unknown until your tier is known. You set your own price.'}
      </p>
    </div>
  );
}

function NextSection({ snapshot, analysis, scheme, customTiers }: Pick<MyTierProps, 'snapshot' | 'analysis' | 'scheme' | 'customTiers'>) {
  const next = analysis.next;
  let body: ComponentChildren;
  if (!isCount(snapshot.followers)) {
    body = <Unknown what="unknown: followers unknown" />;
  } else if (!next) {
    body = analysis.tier ? (
      <>
        You are in the top tier of <bdi>{scheme.name}</bdi>.
      </>
    ) : (
      <Unknown what="no higher tier" />
    );
  } else {
    const t = next.tier;
    const custom = customTierOf(t, customTiers);
    const expectations = custom ? expectationParts(custom, analysis.engagement) : [];
    const missing = isCount(next.followersMissing) ? formatExact(next.followersMissing) : null;
    body = (
      <>
        <div class="rl-tier">
          <span class="rl-tier-rank">Tier {t.rank}</span> <bdi>{t.name}</bdi>
          <span class="rl-my-band"> · {formatBand(t.minFollowers, t.maxFollowers)}</span>
        </div>
        <ul class="rl-my-list">
          <li>
            {missing === null ? (
              <Unknown what="followers to go: unknown" />
            ) : (
              `${snapshot.followersExact ? '' : 'about '}${missing} more follower${next.followersMissing === 1 ? '' : 's'} to go`
            )}
          </li>
          <li>
            Price there: {isCount(t.pricePerPost) ? `${formatMoney(t.pricePerPost, scheme.currency)} per post` : <Unknown />}
          </li>
          <li>ER typical there: {next.typicalText || UNKNOWN_TEXT}</li>
          {expectations.length > 0 && <li>Expected: {expectations.join(' · ')}</li>}
        </ul>
        {custom && <Benefits tier={custom} testId="my-next-benefits" />}
      </>
    );
  }
  return (
    <Section title="Next tier">
      <div data-testid="my-next-tier">{body}</div>
    </Section>
  );
}

type Counted = SnapshotPoint & { followers: number };

function GrowthSection({ history }: { history: readonly SnapshotPoint[] | null }) {
  const now = Date.now() / 1000;
  const points = (history ?? [])
    .filter((p): p is Counted => !!p && isCount(p.followers) && isNumber(p.takenAt) && p.takenAt <= now)
    .sort((a, b) => a.takenAt - b.takenAt);
  const first = points[0];
  const last = points.at(-1);
  let body: ComponentChildren;
  if (!first || !last || points.length < 2 || last.takenAt <= first.takenAt) {
    body = (
      <p class="rl-my-line">
        Not enough history yet{first ? `: one reading, on ${dateOf(first.takenAt)}` : ''}. Growth shows once you have opened your
        profile on two different days.
      </p>
    );
  } else {
    const diff = last.followers - first.followers;
    const pct = first.followers > 0 ? (diff / first.followers) * 100 : null;
    const g = growth(points, now);
    const rates = [
      g.perWeek && `${signed(g.perWeek.followers)} a week${signedPercent(g.perWeek.percent)}`,
      g.perMonth && `${signed(g.perMonth.followers)} a month${signedPercent(g.perMonth.percent)}`,
    ].filter((s): s is string => typeof s === 'string');
    const er = isNumber(first.er) && isNumber(last.er) ? `ER ${formatPercent(first.er)} → ${formatPercent(last.er)}` : null;
    body = (
      <>
        <p class="rl-my-line">
          <strong>
            {signed(diff)} follower{Math.abs(diff) === 1 ? '' : 's'}
            {signedPercent(pct)}
          </strong>{' '}
          since {dateOf(first.takenAt)} ({points.length} readings)
        </p>
        {rates.length > 0 && <p class="rl-my-line rl-er-basis">{rates.join(' · ')}</p>}
        {er && <p class="rl-my-line rl-er-basis">{er}</p>}
      </>
    );
  }
  return (
    <Section title="Growth">
      <div data-testid="my-growth">{body}</div>
    </Section>
  );
}

/**
 * What a brand's card says about this profile beyond the numbers — the audience signals and what
 * the posts say, computed the same way (lib/metrics/signals.ts, content.ts) — so a creator sees
 * what brands see, and what to fix (a disclosure missing, a signal to check).
 */
function BrandsSee({ snapshot, analysis, history }: Pick<MyTierProps, 'snapshot' | 'analysis' | 'history'>) {
  if (snapshot.kind === 'post' || snapshot.state !== 'ok') return null;
  const signals = audienceSignals(snapshot, analysis, { history: history ?? null, now: Date.now() / 1000 });
  const summary = summarizeSignals(signals);
  const toCheck = signals.filter((x) => x.status === 'check');
  const content = analysis.content;
  const brands = content ? content.mentions.slice(0, 5) : [];
  const sponsoredVs = sponsoredVsOrganicText(content);
  return (
    <Section title="What brands see" testId="my-brands-see">
      <p class="rl-my-line">
        <strong>{summary.text}</strong>
      </p>
      {toCheck.length > 0 && (
        <ul class="rl-my-list" data-testid="my-signals-to-check">
          {toCheck.map((x) => (
            <li key={x.id}>
              <strong>{x.label}</strong>: {x.explanation}
            </li>
          ))}
        </ul>
      )}
      {content && content.posts > 0 ? (
        <>
          <p class="rl-my-line" data-testid="my-sponsored">
            Brands see {content.sponsored} of {content.posts} recent posts as sponsored{sponsoredVs ? `; ${sponsoredVs}` : ''}.
          </p>
          <p class="rl-my-line" data-testid="my-brands">
            {brands.length === 0 ? (
              'Brands worked with: none named in your recent posts.'
            ) : (
              <>
                Brands worked with:{' '}
                {brands.map((m, i) => (
                  <span key={m.handle}>
                    {i > 0 && ', '}
                    <bdi>@{m.handle}</bdi> ({m.posts} of {content.posts})
                  </span>
                ))}
                {content.mentions.length > brands.length && ` +${content.mentions.length - brands.length}`}. Brands that compete with them may pass on you.
              </>
            )}
          </p>
          {content.undisclosed > 0 && (
            <p class="rl-my-line rl-error" data-testid="my-undisclosed">
              {content.undisclosed === 1 ? '1 recent post tags' : `${content.undisclosed} recent posts tag`} a brand or {content.undisclosed === 1 ? 'carries' : 'carry'} a code or affiliate link without #ad
              or a paid-partnership label: brands and platforms expect a disclosure.
            </p>
          )}
        </>
      ) : (
        <p class="rl-my-line rl-unknown" data-testid="my-content-unknown">
          What your posts say: unknown — this page did not carry their captions or tags.
        </p>
      )}
    </Section>
  );
}

function SaveState({ state }: { state: SaveCardState }) {
  if (state.kind === 'saved') {
    return (
      <p class="rl-mk-status rl-mk-ok" data-testid="save-card-state" role="status">
        Saved <bdi>{state.fileName || 'the stats card'}</bdi> to your downloads.
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <p class="rl-mk-status rl-error" data-testid="save-card-state" role="alert">
        {state.message}
      </p>
    );
  }
  return null;
}

/** A custom tier's benefits, as the brand wrote them (nothing when it lists none). */
function Benefits({ tier, testId }: { tier: CustomTier; testId: string }) {
  if (tier.benefits.length === 0) return null;
  return (
    <div class="rl-my-line" data-testid={testId}>
      <span class="rl-er-basis">
        Benefits of <bdi>{tier.name}</bdi>:
      </span>
      <ul class="rl-my-list">
        {tier.benefits.map((b, i) => (
          <li key={`${i}-${b}`}>
            <bdi>{b}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}
