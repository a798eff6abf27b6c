import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCount, formatPercent } from '@/lib/metrics/format';
import type { SnapshotPoint } from '@/lib/store/history';

/** Only what the chart draws, so the overlay card can pass points it did not read from storage. */
export type ChartPoint = Pick<SnapshotPoint, 'takenAt' | 'followers' | 'er'>;

export interface GrowthChartProps {
  points: readonly ChartPoint[];
  /** Width in pixels; defaults to the width of the element the chart is placed in. */
  width?: number;
  height?: number;
}

const FOLLOWERS_COLOR = '#3b5bdb';
const ER_COLOR = '#e8590c';
const DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

function dateOf(seconds: number): string {
  return DATE.format(new Date(seconds * 1000));
}

function finiteOrNull(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

/** Points that have something to draw, oldest first. */
function drawable(points: readonly ChartPoint[]): ChartPoint[] {
  return points
    .filter((p) => Number.isFinite(p.takenAt) && (finiteOrNull(p.followers) !== null || finiteOrNull(p.er) !== null))
    .sort((a, b) => a.takenAt - b.takenAt);
}

/** The first and last known value of one figure, for the summary sentence. */
function ends(points: readonly ChartPoint[], pick: (p: ChartPoint) => number | null): [ChartPoint, ChartPoint] | null {
  const known = points.filter((p) => finiteOrNull(pick(p)) !== null);
  const first = known[0];
  const last = known.at(-1);
  return first && last && first !== last ? [first, last] : null;
}

/**
 * The chart in words, for screen readers and for anyone who would rather read than look:
 * "12 visits from Mar 1, 2025 to Apr 2, 2025. Followers 10K → 15K; ER 4.1 % → 3.5 %."
 */
export function growthSummary(points: readonly ChartPoint[]): string {
  const usable = drawable(points);
  const first = usable[0];
  const last = usable.at(-1);
  if (!first || !last || usable.length < 2) return 'Not enough history yet.';
  const parts = [`${usable.length} visits from ${dateOf(first.takenAt)} to ${dateOf(last.takenAt)}.`];
  const followers = ends(usable, (p) => p.followers);
  if (followers) parts.push(`Followers ${formatCount(followers[0].followers)} → ${formatCount(followers[1].followers)}.`);
  const er = ends(usable, (p) => p.er);
  if (er) parts.push(`ER ${formatPercent(er[0].er)} → ${formatPercent(er[1].er)}.`);
  return parts.join(' ');
}

function chartOptions(width: number, height: number): uPlot.Options {
  return {
    width,
    height,
    // Not live: at rest a live legend shows "—" for every series; the summary below carries the numbers.
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, followers: { auto: true }, er: { auto: true } },
    series: [
      { value: (_u, v) => (v === null ? '—' : dateOf(v)) },
      {
        label: 'Followers',
        scale: 'followers',
        stroke: FOLLOWERS_COLOR,
        width: 2,
        points: { show: true },
        spanGaps: true,
        value: (_u, v) => formatCount(v),
      },
      {
        label: 'ER',
        scale: 'er',
        stroke: ER_COLOR,
        width: 2,
        dash: [6, 4],
        points: { show: true },
        spanGaps: true,
        value: (_u, v) => formatPercent(v),
      },
    ],
    axes: [
      {},
      { scale: 'followers', stroke: FOLLOWERS_COLOR, values: (_u, ticks) => ticks.map((t) => formatCount(t)), size: 56 },
      { scale: 'er', side: 1, stroke: ER_COLOR, grid: { show: false }, values: (_u, ticks) => ticks.map((t) => formatPercent(t)), size: 64 },
    ],
  };
}

/**
 * Followers (left axis) and engagement rate (right axis) over time. Takes points and draws
 * them: no storage here, so the shortlist page and the overlay card can both use it. With
 * fewer than two points there is no line to draw, and it says so instead.
 */
export function GrowthChart({ points, width, height = 220 }: GrowthChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const usable = drawable(points);
  const enough = usable.length >= 2;

  useEffect(() => {
    const el = host.current;
    if (!el || !enough) return;
    const data: uPlot.AlignedData = [usable.map((p) => p.takenAt), usable.map((p) => finiteOrNull(p.followers)), usable.map((p) => finiteOrNull(p.er))];
    let chart: uPlot | null = null;
    let gone = false;
    // uPlot (about 50 KB) is loaded when a chart is first drawn, not with every card: the popup
    // and the overlay open without it.
    void import('uplot').then(({ default: UPlot }) => {
      if (!gone) chart = new UPlot(chartOptions(width ?? Math.max(240, el.clientWidth), height), data, el);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
    // `usable` is derived from `points`: redraw when the points change, not on every render.
  }, [points, width, height, enough]);

  const summary = growthSummary(points);
  if (!enough) {
    return (
      <p class="rl-chart-empty rl-muted" data-testid="growth-chart-empty">
        Not enough history yet: each visit to the profile adds a point (at most one an hour).
      </p>
    );
  }
  return (
    <figure class="rl-growth-chart" data-testid="growth-chart">
      <div ref={host} aria-hidden="true" />
      <figcaption class="rl-chart-summary" data-testid="growth-chart-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
