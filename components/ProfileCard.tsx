import type { ComponentChildren } from 'preact';
import type { Analysis } from '@/lib/metrics/analysis';
import type { RateResult } from '@/lib/metrics/engagement';
import { formatCompact, formatCount, formatExact, formatMoney, formatPercent, formatRange } from '@/lib/metrics/format';
import { SIZE_CLASS_LABELS } from '@/lib/metrics/tiers';
import { PLATFORM_LABELS, type Snapshot } from '@/lib/platforms/types';
import { creatorLabel } from '@/lib/platforms/profile-url';
import { recentPosts } from '@/lib/metrics/recent';
import { audienceSignals, summarizeSignals, type AudienceSignal } from '@/lib/metrics/signals';
import { competitorHits, competitorNote, sponsoredVsOrganicText, type ContentAnalysis } from '@/lib/metrics/content';
import type { VisitedRates } from '@/lib/store/video-visits';
import { growth, suddenJumps, type Change, type SnapshotPoint } from '@/lib/store/history';
import { GrowthChart } from './GrowthChart';

export interface ProfileCardProps {
  snapshot: Snapshot;
  analysis: Analysis;
  /** The page was re-read several times and its data never came. */
  stalled?: boolean;
  /** Rates of this channel's videos the user has opened (channel pages show views only). */
  visited?: VisitedRates | null;
  /** Buttons for what the user can do with this creator (shown under the name). */
  actions?: ComponentChildren;
  /** More actions, shown under the numbers (the marketplace row): the numbers come first. */
  footer?: ComponentChildren;
  /**
   * The settings' default ER basis. The headline stays per follower (the verdict and the price
   * use the platform's own basis and say which); another basis is the second rate shown, where
   * the page has it.
   */
  basis?: 'followers' | 'views' | 'reach' | 'impressions';
  /** The profile's dated numbers from earlier visits, oldest first (growth history). */
  history?: readonly SnapshotPoint[] | null;
  /** Details open (controlled by the caller when given). */
  detailsOpen?: boolean;
  onDetailsToggle?(open: boolean): void;
  /** The brand's competitors (settings): the card flags a creator who worked with one. */
  competitors?: readonly string[];
}

/** What each platform calls its counts. */
const WORDS = {
  instagram: { followers: 'Followers', posts: 'Posts', likes: 'likes', comments: 'comments', views: 'views', shares: 'shares' },
  youtube: { followers: 'Subscribers', posts: 'Videos', likes: 'likes', comments: 'comments', views: 'views', shares: 'shares' },
  tiktok: { followers: 'Followers', posts: 'Videos', likes: 'likes', comments: 'comments', views: 'plays', shares: 'shares' },
  x: { followers: 'Followers', posts: 'Posts', likes: 'likes', comments: 'replies', views: 'views', shares: 'reposts' },
} as const;

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The creator's numbers: what was measured, what it means, and where it came from. */
export function ProfileCard({
  snapshot,
  analysis,
  stalled = false,
  visited = null,
  actions,
  footer,
  basis,
  history = null,
  detailsOpen,
  onDetailsToggle,
  competitors = [],
}: ProfileCardProps) {
  if (snapshot.state === 'loading' && stalled) {
    return (
      <Message title={`No numbers for ${snapshot.handle ? `@${snapshot.handle}` : 'this page'} yet`}>
        The page has not loaded this account's counts, so they are unknown. Scroll the page or reload it; the card fills in
        as soon as the counts arrive.
      </Message>
    );
  }
  if (snapshot.state === 'loading') {
    return (
      <Message title={snapshot.handle ? `Reading @${snapshot.handle}…` : 'Reading this page…'}>
        Waiting for the page to load its counts; the numbers appear as soon as the page has them.
        {snapshot.notes.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </Message>
    );
  }
  if (snapshot.state === 'unknown-layout') {
    return (
      <Message title={`Numbers unknown for ${snapshot.handle ? `@${snapshot.handle}` : 'this page'}`}>
        {snapshot.notes.length > 0
          ? snapshot.notes.map((n) => <p key={n}>{n}</p>)
          : 'The page carries data Reloquence Lens does not understand, so nothing is shown rather than a guess.'}
        <p>If the page itself shows counts, its layout may have changed: please report it with the page address.</p>
      </Message>
    );
  }

  const isPost = snapshot.kind === 'post';
  const post = isPost ? snapshot.posts[0] : undefined;
  const w = WORDS[snapshot.platform];
  const signals = audienceSignals(snapshot, analysis, { history, now: Date.now() / 1000 });
  const channel = snapshot.platform === 'youtube' && snapshot.kind === 'profile';
  return (
    <div class="rl-card" data-testid="profile-card">
      <Who snapshot={snapshot} />
      {actions}
      {/* The answer first: the rate, what it is worth against its yardstick, tier and price. */}
      {channel ? <ChannelHeadline snapshot={snapshot} analysis={analysis} /> : <EngagementHeadline snapshot={snapshot} analysis={analysis} />}
      <TierLine analysis={analysis} />
      <Verdict snapshot={snapshot} analysis={analysis} />
      {history && <JumpWarning history={history} />}
      {!channel && <AltRate snapshot={snapshot} analysis={analysis} basis={basis} />}
      {showsVisited(snapshot) && <Visited snapshot={snapshot} visited={visited} />}
      {/* Then the audience and what the posts say, one line each. */}
      <Insights snapshot={snapshot} signals={signals} content={analysis.content} competitors={competitors} />
      <div class="rl-stats">
        <Stat label={w.followers} value={snapshot.followers} exact={snapshot.followersExact} testId="followers" />
        {isPost ? (
          <>
            <Stat label={cap(w.likes)} value={post?.likes ?? null} testId="likes" />
            <Stat label={cap(w.comments)} value={post?.comments ?? null} testId="comments" />
            {post?.views != null && <Stat label={cap(w.views)} value={post.views} testId="views" />}
            {post?.shares != null && <Stat label={cap(w.shares)} value={post.shares} testId="shares" />}
          </>
        ) : (
          <>
            {(snapshot.platform !== 'youtube' || analysis.averages.likes !== null) && (
              <>
                <Stat label={`Avg ${w.likes}`} value={analysis.averages.likes} testId="avg-likes" />
                <Stat label={`Avg ${w.comments}`} value={analysis.averages.comments} testId="avg-comments" />
              </>
            )}
            {analysis.averages.views !== null && <Stat label={`Avg ${w.views}`} value={analysis.averages.views} testId="avg-views" />}
            {analysis.averages.shares !== null && <Stat label={`Avg ${w.shares}`} value={analysis.averages.shares} testId="avg-shares" />}
            {snapshot.totalLikes !== null && <Stat label="Likes received" value={snapshot.totalLikes} testId="total-likes" />}
            <Stat label={w.posts} value={snapshot.postsCount} testId="posts-count" />
            {snapshot.following !== null && <Stat label="Following" value={snapshot.following} testId="following" />}
          </>
        )}
      </div>
      {footer}
      {/* Explained second: formulas, every signal, the posts, the sources and notes. */}
      <Details
        snapshot={snapshot}
        analysis={analysis}
        history={history}
        signals={signals}
        detailsOpen={detailsOpen}
        onDetailsToggle={onDetailsToggle}
      />
    </div>
  );
}

/**
 * A YouTube channel page shows views, not likes or comments: the card leads with what it has —
 * views per subscriber — and says in the same line why the rate of likes and comments is not
 * there (the videos the user opened give it, on the line below).
 */
function ChannelHeadline({ snapshot, analysis }: ProfileCardProps) {
  const vps = analysis.viewsPerFollower;
  if (vps.mean === null) return <EngagementHeadline snapshot={snapshot} analysis={analysis} />;
  const n = vps.used;
  return (
    <div class="rl-er" data-testid="er" title={vps.median !== null && n > 1 ? `median ${formatPercent(vps.median)}` : undefined}>
      <span class="rl-er-value" data-testid="views-per-sub-value">
        {formatPercent(vps.mean)}
      </span>{' '}
      <span class="rl-er-basis">
        views per subscriber · {n} recent video{n === 1 ? '' : 's'} · ER unknown: channel pages show no likes or comments
      </span>
    </div>
  );
}

/**
 * The audience signals and what the posts say, each summed up in one line (Details explains
 * every one): "Audience: 5 signals fine · 1 to check", "Posts: 3 of 12 sponsored · …".
 */
function Insights({
  snapshot,
  signals,
  content,
  competitors,
}: {
  snapshot: Snapshot;
  signals: AudienceSignal[];
  content: ContentAnalysis | null;
  competitors: readonly string[];
}) {
  if (snapshot.kind === 'post' && !content?.comments) return null;
  const summary = summarizeSignals(signals);
  const rival = competitorNote(competitorHits(content, competitors));
  const posts = contentSummary(content);
  return (
    <div class="rl-insights" data-testid="insights">
      {snapshot.kind !== 'post' && (
        <p class="rl-line" data-testid="signals-summary">
          <span class={`rl-dot ${summary.check > 0 ? 'rl-dot-check' : summary.ok > 0 ? 'rl-dot-ok' : 'rl-dot-unknown'}`} aria-hidden="true" />
          {summary.text}
        </p>
      )}
      {posts && (
        <p class="rl-line" data-testid="content-summary">
          <span class={`rl-dot ${content && content.undisclosed > 0 ? 'rl-dot-check' : 'rl-dot-ok'}`} aria-hidden="true" />
          {posts}
        </p>
      )}
      {rival && (
        <p class="rl-line rl-error" data-testid="competitor-flag" role="note">
          ⚠ {rival.charAt(0).toUpperCase() + rival.slice(1)}
        </p>
      )}
    </div>
  );
}

/** "Posts: 3 of 12 sponsored · brands @a, @b · 1 to check for disclosure"; null when the page says nothing of them. */
function contentSummary(content: ContentAnalysis | null): string | null {
  if (!content) return null;
  const parts: string[] = [];
  if (content.posts > 0) parts.push(`${content.sponsored} of ${content.posts} sponsored`);
  if (content.mentions.length > 0) parts.push(`brands ${content.mentions.slice(0, 3).map((m) => `@${m.handle}`).join(', ')}${content.mentions.length > 3 ? ` +${content.mentions.length - 3}` : ''}`);
  if (content.undisclosed > 0) parts.push(`${content.undisclosed} to check for disclosure`);
  const c = content.comments;
  if (c) parts.push(`${c.read} comment${c.read === 1 ? '' : 's'} read${c.purchaseIntent !== null ? ` · ${Math.round(c.purchaseIntent * 100)} % purchase intent` : ''}`);
  return parts.length > 0 ? `Posts: ${parts.join(' · ')}` : null;
}

function Who({ snapshot }: { snapshot: Snapshot }) {
  // A YouTube channel without an @handle is keyed by its channel id and named by its title.
  const label = creatorLabel(snapshot.platform, snapshot.handle, snapshot.displayName);
  return (
    <div class="rl-who">
      {/* The handle and name come from the page: isolated, so direction controls in them cannot reverse the card's text. */}
      <span class="rl-handle" data-testid="handle">
        {label ? <bdi>{label}</bdi> : 'Unknown account'}
      </span>
      {snapshot.displayName && snapshot.displayName !== snapshot.handle && label !== snapshot.displayName && (
        <bdi class="rl-name" data-testid="display-name">
          {snapshot.displayName}
        </bdi>
      )}
      <span class="rl-chip">
        {PLATFORM_LABELS[snapshot.platform]}{' '}
        {snapshot.kind !== 'post'
          ? snapshot.platform === 'youtube'
            ? 'channel'
            : 'profile'
          : snapshot.platform === 'youtube' || snapshot.platform === 'tiktok'
            ? 'video'
            : 'post'}
      </span>
      {snapshot.isVerified && <span class="rl-chip">verified</span>}
    </div>
  );
}

function basisText(snapshot: Snapshot, rate: RateResult, pinnedLeftOut: number): string {
  if (snapshot.kind === 'post') return 'this post · per follower';
  const n = rate.used;
  const pinned = pinnedLeftOut > 0 ? ` · ${pinnedLeftOut} older pinned left out` : '';
  return `${n} recent post${n === 1 ? '' : 's'} · mean${pinned}`;
}

/** An Instagram grid read logged out: its posts are listed, their counts are not on the page. */
export function gridWithoutCounts(snapshot: Snapshot): boolean {
  return (
    snapshot.platform === 'instagram' &&
    snapshot.kind !== 'post' &&
    snapshot.state === 'ok' &&
    snapshot.posts.length > 0 &&
    snapshot.posts.every((p) => p.likes === null && p.comments === null)
  );
}

/** A single video or post whose page shows likes and views but no comment count (YouTube). */
function likesWithoutComments(snapshot: Snapshot, analysis: Analysis): boolean {
  const post = snapshot.posts[0];
  return snapshot.kind === 'post' && !!post && post.comments === null && post.likes !== null && analysis.likeRate.mean !== null;
}

/** Why there is no rate, in the words that fit the account's state. */
function unknownReason(snapshot: Snapshot, rate: RateResult): string {
  if (snapshot.state === 'private') return 'private account: its posts are hidden';
  if (snapshot.state === 'empty') return 'no posts yet';
  if (snapshot.platform === 'youtube' && snapshot.kind === 'profile') return 'channel pages show views, not likes or comments';
  if (gridWithoutCounts(snapshot)) return 'Instagram shows like counts only to logged-in visitors or on the posts themselves';
  if (snapshot.posts.length === 0 && (snapshot.postsCount ?? 0) > 0) return 'the recent posts have not loaded yet';
  return rate.reason ?? 'not enough data';
}

function EngagementHeadline({ snapshot, analysis }: ProfileCardProps) {
  const rate = analysis.engagement;
  if (rate.mean === null && likesWithoutComments(snapshot, analysis)) {
    // Said once, here: the Likes figure beside it is real, only the comments are missing.
    return (
      <div class="rl-er" data-testid="er">
        <span class="rl-er-value" data-testid="like-rate-value">
          {formatPercent(analysis.likeRate.mean)} like rate
        </span>{' '}
        <span class="rl-er-basis">· likes ÷ views · no comment count on this page, so ER is unknown</span>
      </div>
    );
  }
  if (rate.mean === null) {
    return (
      <div class="rl-er rl-er-unknown" data-testid="er">
        <span class="rl-er-value rl-unknown">ER unknown</span>{' '}
        <span class="rl-er-basis">· {unknownReason(snapshot, rate)}</span>
      </div>
    );
  }
  const median = rate.median !== null && snapshot.kind !== 'post' ? `median ${formatPercent(rate.median)}` : undefined;
  return (
    <>
      <div class="rl-er" data-testid="er" title={median}>
        <span class="rl-er-value" data-testid="er-value">
          {formatPercent(rate.mean)} ER
        </span>
        <span class="rl-er-basis">· {basisText(snapshot, rate, analysis.pinnedLeftOut)}</span>
      </div>
      {!rate.sufficient && (
        <p class="rl-line rl-er-basis" data-testid="er-warning">
          <span class="rl-chip">not enough data</span> {rate.reason}
        </p>
      )}
    </>
  );
}

/**
 * The second rate a platform's data supports: per view (YouTube and TikTok), per impression
 * (X), or, on a YouTube channel whose page shows views only, views per subscriber.
 */
function AltRate({ snapshot, analysis, basis }: ProfileCardProps) {
  const w = WORDS[snapshot.platform];
  const per = (rate: RateResult) =>
    snapshot.kind === 'post' || rate.median === null || rate.used < 2 ? '' : ` (median ${formatPercent(rate.median)})`;
  const chosen = basis === 'views' ? analysis.byViews : basis === 'reach' ? analysis.byReach : basis === 'impressions' ? analysis.byImpressions : null;
  let label: string;
  let rate: RateResult;
  if (chosen && chosen.mean !== null) {
    label = basis === 'views' ? `ER per ${w.views.replace(/s$/, '')}` : basis === 'reach' ? 'ER per account reached' : 'ER per impression';
    rate = chosen;
  } else if (snapshot.platform === 'x' && analysis.byImpressions.mean !== null) {
    label = 'ER per impression';
    rate = analysis.byImpressions;
  } else if (analysis.byViews.mean !== null && snapshot.platform !== 'instagram') {
    label = `ER per ${w.views.replace(/s$/, '')}`;
    rate = analysis.byViews;
  } else if (snapshot.platform === 'youtube' && analysis.viewsPerFollower.mean !== null) {
    if (snapshot.kind === 'post') {
      // One video's views against the channel's subscribers: a multiple, not a percentage.
      const times = analysis.viewsPerFollower.mean / 100;
      return (
        <div class="rl-line" data-testid="er-alt">
          <span class="rl-er-basis">Views: </span>
          <strong data-testid="er-alt-value">{times >= 10 ? times.toFixed(0) : times.toFixed(times < 0.1 ? 2 : 1)}× subscribers</strong>
        </div>
      );
    }
    label = 'Views per subscriber';
    rate = analysis.viewsPerFollower;
  } else {
    return null;
  }
  return (
    <div class="rl-line" data-testid="er-alt">
      <span class="rl-er-basis">{label}: </span>
      <strong data-testid="er-alt-value">{formatPercent(rate.mean)}</strong>
      <span class="rl-er-basis">{per(rate)}</span>
    </div>
  );
}

/**
 * The rates of the posts or videos of this account the user opened: on a YouTube channel (whose
 * page shows views only) and on an Instagram grid read logged out (no counts on the grid). Always
 * two lines on such a card, so the card is as tall whether or not the user opened any.
 */
function Visited({ snapshot, visited }: { snapshot: Snapshot; visited: VisitedRates | null }) {
  const noun = snapshot.platform === 'youtube' ? 'video' : 'post';
  const n = visited?.videos ?? 0;
  if (!visited || n === 0) {
    return (
      <div class="rl-line rl-er-basis rl-visited" data-testid="visited">
        ER of {noun}s you opened: none opened yet · open a few of its {noun}s and come back for their ER
      </div>
    );
  }
  const { perSubscriber, perView } = visited;
  return (
    <div class="rl-line rl-visited" data-testid="visited">
      <span class="rl-er-basis">ER </span>
      <strong data-testid="visited-value">{perSubscriber.mean === null ? 'unknown' : formatPercent(perSubscriber.mean)}</strong>
      <span class="rl-er-basis">
        {' '}
        from the {n} {noun}
        {n === 1 ? '' : 's'} you opened
      </span>
      {perView.mean !== null && <span class="rl-er-basis rl-nowrap"> · per view {formatPercent(perView.mean)}</span>}
      {n < 5 && <span class="rl-er-basis"> · open a few more for a steadier figure</span>}
    </div>
  );
}

/** Whether the card carries the opened-posts line (the same on the card and its twin). */
export function showsVisited(snapshot: Snapshot): boolean {
  return (snapshot.platform === 'youtube' && snapshot.kind === 'profile') || gridWithoutCounts(snapshot);
}

function TierLine({ analysis }: { analysis: Analysis }) {
  const { tier, price } = analysis;
  if (!tier) {
    return (
      <div class="rl-tier rl-er-basis" data-testid="tier">
        Tier unknown: followers unknown
      </div>
    );
  }
  return (
    <div class="rl-tier" data-testid="tier">
      <span class="rl-tier-rank">Tier {tier.rank}</span> {tier.name}
      {price && <span class="rl-nowrap"> · ~{formatMoney(price.point, price.currency)}/post</span>}
    </div>
  );
}

/**
 * The verdict names its yardstick: "Typical for 10K–50K on Instagram (≈0.5–2.4 % per follower) ·
 * HypeAuditor 2026, Markerly 2016"; the rate compared and the full citations are in its title.
 */
function Verdict({ snapshot, analysis }: ProfileCardProps) {
  const b = analysis.benchmark;
  const r = b.benchmark;
  const cls = r ? `rl-verdict-${r.verdict}` : 'rl-verdict-unknown';
  let raw: string;
  if (r) {
    raw = `${r.verdict === 'typical' ? '' : `${r.verdict} `}typical for ${r.band} on ${PLATFORM_LABELS[r.platform]} (${r.typicalText} ${r.measure}) · ${r.source}`;
  } else if (b.kind === 'rate-unknown' && b.rate && b.rate.mean === null) {
    // Why the page has no rate (a private account, a logged-out grid…), as the headline says it.
    raw = `no verdict: ${unknownReason(snapshot, b.rate)}`;
  } else {
    raw = b.text;
  }
  const compared = r ? `Compared: ${formatPercent(r.rate)} ${r.measure}, mean of ${b.rate?.used ?? 0} post${b.rate?.used === 1 ? '' : 's'}. ` : '';
  return (
    <div class={`rl-verdict ${cls}`} data-testid="verdict" title={`${compared}${b.sources.join(' ')}`}>
      {raw.charAt(0).toUpperCase() + raw.slice(1)}
    </div>
  );
}

function Stat({ label, value, exact = true, testId }: { label: string; value: number | null; exact?: boolean; testId: string }) {
  // A count the page rounded is shown as the page shows it ("2.31K"), never as a false exact one.
  const shown = value === null ? 'unknown' : exact ? formatCount(value) : formatCompact(value);
  return (
    <div class="rl-stat" data-testid={`stat-${testId}`} title={value === null ? 'unknown' : exact ? formatExact(value) : `about ${formatExact(value)} (rounded by the page)`}>
      <span class="rl-stat-label">{label}</span>
      <span class={value === null ? 'rl-stat-value rl-unknown' : 'rl-stat-value'}>{shown}</span>
    </div>
  );
}

function rateText(rate: RateResult): string {
  if (rate.mean === null) return `unknown${rate.reason ? ` (${rate.reason})` : ''}`;
  const median = rate.used > 1 && rate.median !== null ? `, median ${formatPercent(rate.median)}` : '';
  return `${formatPercent(rate.mean)} mean${median} over ${rate.used} post${rate.used === 1 ? '' : 's'}`;
}

function signed(n: number): string {
  return `${n >= 0 ? '+' : '−'}${formatCount(Math.abs(n))}`;
}

function changeText(change: Change, period: string): string {
  const pct = change.percent === null ? '' : ` (${change.percent >= 0 ? '+' : '−'}${formatPercent(Math.abs(change.percent))})`;
  return `${signed(change.followers)} followers a ${period}${pct}`;
}

function dateText(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
}

/** Growth from the dated numbers of the user's earlier visits (at most one a profile an hour). */
function growthText(history: readonly SnapshotPoint[]): string | null {
  const first = history[0];
  if (!first) return null;
  const g = growth(history, Date.now() / 1000);
  const visits = `${history.length} visit${history.length === 1 ? '' : 's'} since ${dateText(first.takenAt)}`;
  const parts = [g.perWeek && changeText(g.perWeek, 'week'), g.perMonth && changeText(g.perMonth, 'month')].filter(Boolean);
  return parts.length > 0 ? `${parts.join(', ')} · ${visits}` : `not enough history yet: ${visits}`;
}

/** Followers that jump while engagement falls: the pattern of bought followers. */
function JumpWarning({ history }: { history: readonly SnapshotPoint[] }) {
  const jump = suddenJumps(history).at(-1);
  if (!jump) return null;
  const days = Math.max(1, Math.round((jump.to.takenAt - jump.from.takenAt) / 86_400));
  return (
    <p class="rl-line rl-error" data-testid="jump-warning" role="note">
      ⚠ Followers jumped +{formatPercent(jump.followersChange)} in {days} day{days === 1 ? '' : 's'} (to {dateText(jump.to.takenAt)})
      while ER fell from {formatPercent(jump.from.er)} to {formatPercent(jump.to.er)}: check before hiring.
    </p>
  );
}

function Details({ snapshot, analysis, history, signals, detailsOpen, onDetailsToggle }: ProfileCardProps & { signals: AudienceSignal[] }) {
  const er = analysis.engagement;
  const rows: Array<[string, ComponentChildren]> = [
    ['ER per follower', er.mean === null ? `unknown: ${unknownReason(snapshot, er)}` : rateText(er)],
  ];
  // X's views are impressions: one row, not two with the same figure.
  if (analysis.byViews.used > 0 && snapshot.platform !== 'x') rows.push(['ER per view', rateText(analysis.byViews)]);
  if (analysis.byReach.used > 0) rows.push(['ER per reach', rateText(analysis.byReach)]);
  if (analysis.byImpressions.used > 0) rows.push(['ER per impression', rateText(analysis.byImpressions)]);
  if (analysis.perPeriod.perDay !== null) {
    rows.push([
      'ER per day / month',
      `${formatPercent(analysis.perPeriod.perDay, 2)} / ${formatPercent(analysis.perPeriod.perMonth)} over ${analysis.perPeriod.days} days`,
    ]);
  }
  if (er.excluded > 0 && er.used > 0) {
    rows.push(['Left out', `${analysis.engagement.excluded} post(s) with hidden or missing counts`]);
  }
  if (analysis.sizeClass) rows.push(['Size class', SIZE_CLASS_LABELS[analysis.sizeClass]]);
  if (analysis.price) {
    rows.push([
      'Fair price',
      <>
        {formatRange(analysis.price.low, analysis.price.high)} per post. {analysis.price.reason}
      </>,
    ]);
  }
  if (analysis.next) {
    rows.push([
      'Next tier',
      `Tier ${analysis.next.tier.rank} ${analysis.next.tier.name}: ${snapshot.followersExact ? '' : 'about '}${formatExact(analysis.next.followersMissing)} more followers; ER typical there ${analysis.next.typicalText}`,
    ]);
  }
  if (snapshot.totalLikes !== null) rows.push(['Likes received', formatExact(snapshot.totalLikes)]);
  const grown = history ? growthText(history) : null;
  if (grown) rows.push(['Growth', grown]);
  return (
    <details
      class="rl-details"
      open={detailsOpen}
      onToggle={onDetailsToggle && ((e) => onDetailsToggle((e.currentTarget as HTMLDetailsElement).open))}
    >
      <summary data-testid="details-toggle">Details</summary>
      <dl class="rl-dl" data-testid="details">
        {rows.map(([k, v]) => (
          <>
            <dt key={`${k}-t`}>{k}</dt>
            <dd key={`${k}-d`}>{v}</dd>
          </>
        ))}
      </dl>
      {snapshot.kind !== 'post' && signals.length > 0 && (
        <ul class="rl-signals" data-testid="signals">
          {signals.map((sig) => (
            <li key={sig.id} data-testid="signal" data-status={sig.status}>
              <span class={`rl-dot rl-dot-${sig.status}`} aria-hidden="true" />
              <strong>{sig.label}:</strong> {sig.valueText} — {sig.explanation}
            </li>
          ))}
        </ul>
      )}
      <ContentDetails content={analysis.content} />
      {snapshot.kind !== 'post' && snapshot.posts.length > 0 && <PostList snapshot={snapshot} />}
      {history && history.length > 1 && (
        <div class="rl-chart" data-testid="card-growth-chart">
          <GrowthChart points={history} width={340} height={160} />
        </div>
      )}
      <p class="rl-source" data-testid="source">
        Source: {snapshot.source}
        {snapshot.followers !== null && !snapshot.followersExact ? ' · followers as rounded by the page' : ''}
      </p>
      {snapshot.notes.length > 0 && (
        <ul class="rl-notes">
          {snapshot.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** What the posts say, explained: sponsored and how they do, brands, disclosure, comments. */
function ContentDetails({ content }: { content: ContentAnalysis | null }) {
  if (!content) return null;
  const rows: Array<[string, string]> = [];
  rows.push(['Sponsored posts', `${content.sponsored} of ${content.posts} (the platform's paid-partnership flag or a disclosure such as #ad)`]);
  const vs = sponsoredVsOrganicText(content);
  if (vs) rows.push(['Sponsored vs organic', vs]);
  if (content.mentions.length > 0) rows.push(['Brands worked with', content.mentions.map((m) => `@${m.handle} (${m.posts} post${m.posts === 1 ? '' : 's'})`).join(', ')]);
  if (content.undisclosed > 0) {
    const ids = content.details.filter((d) => d.undisclosed).map((d) => d.id ?? 'a post');
    rows.push(['Disclosure to check', `${content.undisclosed} post${content.undisclosed === 1 ? '' : 's'} tag a brand or carry a code or link without #ad or a platform flag: ${ids.join(', ')}`]);
  }
  const c = content.comments;
  if (c) {
    const share = (v: number | null) => (v === null ? 'unknown' : `${Math.round(v * 100)} %`);
    rows.push([
      'Comments read',
      `${c.read} (${c.audience} by others): purchase intent ${share(c.purchaseIntent)}, questions ${share(c.questions)}, generic or emoji-only ${share(c.generic)}; the creator replied ${c.creatorReplies} time${c.creatorReplies === 1 ? '' : 's'}`,
    ]);
  }
  return (
    <dl class="rl-dl" data-testid="content-details">
      {rows.map(([k, v]) => (
        <>
          <dt key={`${k}-t`}>{k}</dt>
          <dd key={`${k}-d`}>
            <bdi>{v}</bdi>
          </dd>
        </>
      ))}
    </dl>
  );
}

/** At most this many posts are listed in the details. */
const LISTED_POSTS = 15;

/**
 * The posts the rates were read from, in page order: each one's counts and own rate, pinned posts
 * marked (and whether the rate counts them), unknown counts shown as unknown.
 */
function PostList({ snapshot }: { snapshot: Snapshot }) {
  const w = WORDS[snapshot.platform];
  const { posts: counted } = recentPosts(snapshot.posts);
  const countedIds = new Set(counted);
  const listed = snapshot.posts.slice(0, LISTED_POSTS);
  const n = (v: number | null) => (v === null ? '—' : formatCount(v));
  return (
    <table class="rl-posts" data-testid="post-list">
      <caption>Recent posts as the page lists them</caption>
      <thead>
        <tr>
          <th scope="col">Post</th>
          <th scope="col">{cap(w.likes)}</th>
          <th scope="col">{cap(w.comments)}</th>
          <th scope="col">ER</th>
        </tr>
      </thead>
      <tbody>
        {listed.map((p, i) => {
          const er = snapshot.followers && p.likes !== null && p.comments !== null ? ((p.likes + p.comments) / snapshot.followers) * 100 : null;
          const left = !countedIds.has(p);
          return (
            <tr key={`${p.id ?? ''}-${i}`} class={left ? 'rl-left-out' : undefined} data-testid="post-row" data-pinned={p.pinned ? 'true' : undefined}>
              <td>
                <bdi>{p.id ?? `#${i + 1}`}</bdi>
                {p.pinned && (
                  <span class="rl-chip" data-testid="pinned-chip" title={left ? 'Pinned, older than the recent posts: left out of the rates' : 'Pinned, and recent: counted'}>
                    pinned{left ? ' · left out' : ''}
                  </span>
                )}
              </td>
              <td title={p.likes === null ? 'unknown' : formatExact(p.likes)}>{p.likesHidden ? 'hidden' : n(p.likes)}</td>
              <td title={p.comments === null ? 'unknown' : formatExact(p.comments)}>{n(p.comments)}</td>
              <td>{er === null ? '—' : formatPercent(er)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function Message({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="rl-message" data-testid="lens-message">
      <div class="rl-message-title">{title}</div>
      <div class="rl-message-body">{children}</div>
    </div>
  );
}
