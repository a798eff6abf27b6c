/**
 * The stats card: a picture of a creator's figures for a marketplace listing, drawn on a 2D
 * canvas. Pure: the caller hands in the context (an OffscreenCanvas's, a <canvas>'s, or a
 * recording fake in tests) and turns the canvas into a PNG itself.
 *
 * Text from the page (handle, display name) is only ever drawn with fillText, never parsed as
 * markup. Every string is cleaned (control and bidi-override characters removed, length capped)
 * and fitted to its box with measureText, shrinking the font and then cutting with "…", so no
 * input — huge numbers, empty strings, 5000-character names, RTL text, emoji — makes the card
 * overflow or throw. Unknown values are drawn as "—" with a small "unknown".
 */
import { formatCount, formatExact, formatMoney, formatPercent, UNKNOWN_TEXT } from '../metrics/format';
import type { Analysis } from '../metrics/analysis';
import { SIZE_CLASS_LABELS } from '../metrics/tiers';
import { PLATFORM_LABELS, type Platform, type Snapshot } from '../platforms/types';
import { creatorLabel } from '../platforms/profile-url';

/** The marketplace's preferred listing image size (3:2). */
export const LISTING_IMAGE = { width: 700, height: 467 } as const;

export interface StatsCardData {
  platform: Platform;
  handle: string;
  displayName: string | null;
  followers: number | null;
  followersExact: boolean;
  /** Engagement rate per follower, percent. */
  er: number | null;
  /** Caption under the rate: "mean of 12 posts", or "unknown". */
  erLabel: string;
  tierName: string | null;
  sizeClassLabel: string | null;
  /**
   * The benchmark verdict on the platform's own basis, capitalised ("Above typical for 10K–50K on
   * Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)"); null when none.
   */
  verdict: string | null;
  priceText: string | null;
  serviceLabel: string | null;
  /** When the figures were read, already formatted ("Mar 5, 2025"). */
  date: string;
  marketplaceName: string;
}

export interface StatsCardOptions {
  /** What the listing sells ("Instagram post"); null/absent draws "Price". */
  serviceLabel?: string | null;
  /** The price as shown; absent → the analysis's price point ("~$150 per post"), null → unknown. */
  priceText?: string | null;
  marketplaceName: string;
  /** When the figures were measured; defaults to now. */
  now?: Date;
}

/**
 * The part of CanvasRenderingContext2D the card uses: a real context (on-screen or offscreen)
 * fits it, and so does a small recording fake in Node.
 */
export interface CardContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void;
  fill(): void;
  stroke(): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  measureText(text: string): { width: number };
}

// ---------------------------------------------------------------------------------------------
// Data

/** The card's figures for a snapshot and its analysis. Never throws; unknowns become null. */
export function statsCardData(snapshot: Snapshot, analysis: Analysis, opts: StatsCardOptions): StatsCardData {
  const followers = countOrNull(snapshot?.followers);
  const engagement = analysis?.engagement;
  const er = finiteOrNull(engagement?.mean);
  const tier = analysis?.tier ?? null;
  const sizeClass = analysis?.sizeClass ?? null;
  const benchmark = analysis?.benchmark;
  const price = analysis?.price ?? null;
  const derivedPrice = price && countOrNull(price.point) !== null ? `~${formatMoney(price.point, price.currency)} per post` : null;
  const displayName = typeof snapshot?.displayName === 'string' && snapshot.displayName.trim() !== '' ? snapshot.displayName.trim() : null;
  return {
    platform: snapshot?.platform,
    handle: typeof snapshot?.handle === 'string' ? snapshot.handle.trim().replace(/^@+/, '') : '',
    displayName,
    followers,
    followersExact: snapshot?.followersExact === true,
    er,
    erLabel: er === null ? 'unknown' : rateCaption(engagement?.used, engagement?.sufficient === true),
    tierName: typeof tier?.name === 'string' && tier.name.trim() !== '' ? tier.name.trim() : null,
    sizeClassLabel: sizeClass ? (SIZE_CLASS_LABELS[sizeClass] ?? null) : null,
    verdict: benchmark?.verdict && typeof benchmark.text === 'string' && benchmark.text !== '' ? capitalise(benchmark.text) : null,
    priceText: opts?.priceText === undefined ? derivedPrice : opts.priceText,
    serviceLabel: opts?.serviceLabel ?? null,
    date: formatDate(opts?.now ?? new Date()),
    marketplaceName: typeof opts?.marketplaceName === 'string' ? opts.marketplaceName : '',
  };
}

function rateCaption(used: unknown, sufficient: boolean): string {
  const n = typeof used === 'number' && Number.isFinite(used) && used >= 0 ? Math.round(used) : null;
  if (n === null) return sufficient ? 'per follower' : 'per follower · too few posts';
  const posts = `${n} post${n === 1 ? '' : 's'}`;
  return sufficient ? `mean of ${posts}` : `${posts} · too few to trust`;
}

function formatDate(d: Date): string {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) return UNKNOWN_TEXT;
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function finiteOrNull(n: unknown): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function countOrNull(n: unknown): number | null {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Drawing

/** Brand colours of the overlay card (components/lens.css). */
const C = {
  ink: '#14151a',
  muted: '#5d6270',
  line: '#e4e6ec',
  bg: '#ffffff',
  soft: '#f5f6f9',
  brand: '#5b3df5',
  up: '#0f7b45',
  upBg: '#e5f6ec',
  mid: '#7a5b00',
  midBg: '#fdf3d8',
  down: '#b42318',
  downBg: '#fde8e6',
  onBrand: '#ffffff',
  onBrandSoft: 'rgba(255, 255, 255, 0.82)',
} as const;

const FONT_FAMILY = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;

/** The card is laid out on this grid and scaled to the requested size. */
const W = LISTING_IMAGE.width;
const H = LISTING_IMAGE.height;
const PAD = 36;
const HEADER_H = 120;
const COL_GAP = 20;
const COL_TOP = 144;
const COL_H = 138;
/** Followers and rate are short figures; the tier's name gets the widest column. */
const COL_WIDTHS = [178, 178, W - 2 * PAD - 2 * COL_GAP - 2 * 178] as const;
const COL_PAD = 16;
/** Font size of the three big figures. */
const VALUE_PX = 42;

/** Longest text ever measured: far more than a line of the card holds. */
const MAX_GRAPHEMES = 300;

/**
 * Draw the card filling `size` (the listing image size by default). Never throws: a context
 * method that fails (a broken fake, a lost canvas) ends the drawing quietly.
 */
export function drawStatsCard(ctx: CardContext, data: StatsCardData, size: { width: number; height: number } = LISTING_IMAGE): void {
  let saved = false;
  try {
    const width = positive(size?.width, W);
    const height = positive(size?.height, H);
    ctx.save();
    saved = true;
    ctx.fillStyle = C.bg;
    ctx.fillRect(0, 0, width, height);
    // Same proportions at any size: scale the 700 × 467 layout to fit and centre it.
    const k = Math.min(width / W, height / H);
    ctx.translate((width - W * k) / 2, (height - H * k) / 2);
    ctx.scale(k, k);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    const d = normalise(data);
    const pen = new Pen(ctx);
    drawHeader(pen, d);
    drawFigures(pen, d);
    drawVerdict(pen, d);
    drawPrice(pen, d);
    drawFooter(pen, d);
  } catch {
    // A card half drawn beats an exception in the caller's click handler.
  } finally {
    if (saved) {
      try {
        ctx.restore();
      } catch {
        // nothing left to undo
      }
    }
  }
}

/** Card data with every field checked: strings cleaned, numbers finite or null. */
interface CleanData {
  platformLabel: string;
  handle: string;
  /** How the creator is named: "@handle", or a keyless YouTube channel's title. */
  who: string;
  displayName: string;
  followers: number | null;
  followersExact: boolean;
  er: number | null;
  erLabel: string;
  tierName: string;
  sizeClassLabel: string;
  verdict: string;
  priceText: string;
  serviceLabel: string;
  date: string;
  marketplaceName: string;
}

function normalise(data: StatsCardData): CleanData {
  const platform = data?.platform;
  const label = typeof platform === 'string' && Object.hasOwn(PLATFORM_LABELS, platform) ? PLATFORM_LABELS[platform] : '';
  const handle = clean(data?.handle).replace(/^@+/, '');
  const displayName = clean(data?.displayName);
  const known = typeof platform === 'string' && Object.hasOwn(PLATFORM_LABELS, platform);
  return {
    platformLabel: label,
    handle,
    who: handle === '' ? '' : known ? (creatorLabel(platform, handle, displayName) ?? `@${handle}`) : `@${handle}`,
    displayName,
    followers: countOrNull(data?.followers),
    followersExact: data?.followersExact === true,
    er: finiteOrNull(data?.er),
    erLabel: clean(data?.erLabel),
    tierName: clean(data?.tierName),
    sizeClassLabel: clean(data?.sizeClassLabel),
    verdict: clean(data?.verdict),
    priceText: clean(data?.priceText),
    serviceLabel: clean(data?.serviceLabel),
    date: clean(data?.date),
    marketplaceName: clean(data?.marketplaceName),
  };
}

/**
 * One line of plain text: control characters become spaces, bidi overrides and isolates are
 * dropped (so a name cannot reorder the text drawn after it), runs of space collapse, and the
 * length is capped. Anything that is not a string is empty.
 */
function clean(value: unknown): string {
  if (typeof value !== 'string') return '';
  const capped = value.length > MAX_GRAPHEMES * 8 ? value.slice(0, MAX_GRAPHEMES * 8) : value;
  const text = capped
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = graphemes(text);
  return parts.length > MAX_GRAPHEMES ? parts.slice(0, MAX_GRAPHEMES).join('') : text;
}

function graphemes(text: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    return Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

function positive(n: unknown, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.min(n, 16_384) : fallback;
}

type Weight = 400 | 600 | 700 | 800;

/** Text drawing with a known font size, so widths can be estimated when measureText fails. */
class Pen {
  private px = 16;

  constructor(readonly ctx: CardContext) {}

  font(px: number, weight: Weight = 400): void {
    this.px = px;
    this.ctx.font = `${weight} ${px}px ${FONT_FAMILY}`;
  }

  width(text: string): number {
    let w: unknown;
    try {
      w = this.ctx.measureText(text)?.width;
    } catch {
      w = undefined;
    }
    return typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : text.length * this.px * 0.6;
  }

  /** The text, cut with "…" so it fits maxWidth in the current font ("" when nothing fits). */
  fit(text: string, maxWidth: number): string {
    if (maxWidth <= 0 || text === '') return '';
    if (this.width(text) <= maxWidth) return text;
    const parts = graphemes(text);
    let lo = 0;
    let hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.width(`${parts.slice(0, mid).join('').trimEnd()}…`) <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    if (lo === 0) return this.width('…') <= maxWidth ? '…' : '';
    return `${parts.slice(0, lo).join('').trimEnd()}…`;
  }

  /**
   * The largest font size from maxPx down to minPx at which the text fits; at minPx it is cut.
   * Leaves that font set; returns the text to draw.
   */
  shrink(text: string, maxWidth: number, maxPx: number, minPx: number, weight: Weight): string {
    this.font(maxPx, weight);
    const w = this.width(text);
    if (w > maxWidth) {
      const px = Math.max(minPx, Math.min(maxPx, Math.floor((maxPx * maxWidth) / w)));
      this.font(px, weight);
    }
    return this.fit(text, maxWidth);
  }

  /** Draw text at (x, y) (left, alphabetic baseline), already fitted to maxWidth. Returns its width. */
  text(text: string, x: number, y: number, maxWidth: number, color: string): number {
    const shown = this.fit(text, maxWidth);
    if (shown === '') return 0;
    this.ctx.fillStyle = color;
    this.ctx.fillText(shown, x, y, maxWidth);
    return Math.min(this.width(shown), maxWidth);
  }

  /** Text ending at x + maxWidth (right-aligned by measuring, so the fake sees plain left text). */
  textRight(text: string, right: number, y: number, maxWidth: number, color: string): number {
    const shown = this.fit(text, maxWidth);
    if (shown === '') return 0;
    const w = Math.min(this.width(shown), maxWidth);
    this.ctx.fillStyle = color;
    this.ctx.fillText(shown, right - w, y, maxWidth);
    return w;
  }

  roundRect(x: number, y: number, w: number, h: number, r: number, fill: string, stroke?: string): void {
    const ctx = this.ctx;
    const rr = Math.max(0, Math.min(r, w / 2, h / 2));
    ctx.beginPath();
    ctx.moveTo(x + rr, y);
    ctx.lineTo(x + w - rr, y);
    ctx.arcTo(x + w, y, x + w, y + rr, rr);
    ctx.lineTo(x + w, y + h - rr);
    ctx.arcTo(x + w, y + h, x + w - rr, y + h, rr);
    ctx.lineTo(x + rr, y + h);
    ctx.arcTo(x, y + h, x, y + h - rr, rr);
    ctx.lineTo(x, y + rr);
    ctx.arcTo(x, y, x + rr, y, rr);
    ctx.closePath();
    ctx.fillStyle = fill;
    ctx.fill();
    if (stroke) {
      ctx.strokeStyle = stroke;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }
}

function drawHeader(pen: Pen, d: CleanData): void {
  const ctx = pen.ctx;
  ctx.fillStyle = C.brand;
  ctx.fillRect(0, 0, W, HEADER_H);

  // The logo of the overlay's title bar, inverted: a white tile with the brand "R".
  const logo = 48;
  const logoY = (HEADER_H - logo) / 2;
  pen.roundRect(PAD, logoY, logo, logo, 12, C.onBrand);
  pen.font(28, 800);
  const rWidth = pen.width('R');
  pen.text('R', PAD + (logo - rWidth) / 2, logoY + 34, logo, C.brand);

  const x = PAD + logo + 18;
  const maxWidth = W - PAD - x;
  pen.font(14, 700);
  pen.text(d.platformLabel ? d.platformLabel.toUpperCase() : 'CREATOR', x, 40, maxWidth, C.onBrandSoft);

  const name = d.displayName !== '' && d.displayName.replace(/^@+/, '') !== d.handle && d.displayName !== d.who ? d.displayName : '';
  if (d.handle !== '') {
    const handle = pen.shrink(d.who, maxWidth, 32, 22, 800);
    pen.text(handle, x, 76, maxWidth, C.onBrand);
    if (name !== '') {
      pen.font(17, 400);
      pen.text(name, x, 102, maxWidth, C.onBrandSoft);
    }
  } else if (name !== '') {
    const shown = pen.shrink(name, maxWidth, 32, 22, 800);
    pen.text(shown, x, 76, maxWidth, C.onBrand);
  } else {
    pen.font(32, 800);
    const w = pen.text(UNKNOWN_TEXT, x, 76, maxWidth, C.onBrand);
    pen.font(14, 400);
    pen.text('account unknown', x + w + 8, 76, maxWidth - w - 8, C.onBrandSoft);
  }
}

interface Figure {
  label: string;
  /** null → "—" with "unknown". */
  value: string | null;
  caption: string;
  /** Long words (tier names) may take two smaller lines. */
  wrap?: boolean;
}

function drawFigures(pen: Pen, d: CleanData): void {
  const figures: Figure[] = [
    {
      label: 'FOLLOWERS',
      value: d.followers === null ? null : formatCount(d.followers),
      caption: followersCaption(d),
    },
    {
      label: 'ENGAGEMENT RATE',
      value: d.er === null ? null : formatPercent(d.er),
      caption: d.er === null ? 'unknown' : d.erLabel || 'per follower',
    },
    {
      label: 'TIER',
      value: d.tierName === '' ? null : d.tierName,
      caption: d.tierName === '' ? 'unknown' : d.sizeClassLabel ? `${d.sizeClassLabel} creator` : 'size class unknown',
      wrap: true,
    },
  ];
  let x = PAD;
  figures.forEach((f, i) => {
    const w = COL_WIDTHS[i] ?? COL_WIDTHS[0];
    drawFigure(pen, f, x, w);
    x += w + COL_GAP;
  });
}

function followersCaption(d: CleanData): string {
  if (d.followers === null) return 'unknown';
  if (!d.followersExact) return d.platformLabel ? `as ${d.platformLabel} shows it` : 'as shown (rounded)';
  return d.followers >= 10_000 ? `${formatExact(d.followers)} exact` : 'exact count';
}

function drawFigure(pen: Pen, f: Figure, x: number, width: number): void {
  pen.roundRect(x, COL_TOP, width, COL_H, 12, C.soft, C.line);
  const inner = width - 2 * COL_PAD;
  const tx = x + COL_PAD;
  pen.font(12, 700);
  pen.text(f.label, tx, COL_TOP + 28, inner, C.muted);

  const baseline = COL_TOP + 84;
  if (f.value === null || f.value === UNKNOWN_TEXT) {
    pen.font(VALUE_PX, 700);
    pen.text(UNKNOWN_TEXT, tx, baseline, inner, C.muted);
  } else if (f.wrap) {
    drawWrapped(pen, f.value, tx, baseline, inner);
  } else {
    const shown = pen.shrink(f.value, inner, VALUE_PX, 22, 700);
    pen.text(shown, tx, baseline, inner, C.ink);
  }

  pen.font(13, 400);
  pen.text(f.caption, tx, COL_TOP + COL_H - 20, inner, C.muted);
}

/** A value on one line if it fits at 26 px or more, else on two 20 px lines (the second cut). */
function drawWrapped(pen: Pen, value: string, x: number, baseline: number, maxWidth: number): void {
  pen.font(VALUE_PX, 700);
  const full = pen.width(value);
  const onePx = full <= maxWidth ? VALUE_PX : Math.floor((VALUE_PX * maxWidth) / full);
  if (onePx >= 26 || !value.includes(' ')) {
    const shown = pen.shrink(value, maxWidth, VALUE_PX, 20, 700);
    pen.text(shown, x, baseline, maxWidth, C.ink);
    return;
  }
  pen.font(20, 700);
  const words = value.split(' ');
  let first = '';
  let rest = 0;
  for (; rest < words.length; rest++) {
    const next = first === '' ? words[rest]! : `${first} ${words[rest]}`;
    if (first !== '' && pen.width(next) > maxWidth) break;
    first = next;
  }
  const second = words.slice(rest).join(' ');
  pen.text(first, x, baseline - 25, maxWidth, C.ink);
  if (second !== '') pen.text(second, x, baseline, maxWidth, C.ink);
}

function verdictColours(text: string): { fg: string; bg: string } {
  if (/^above\b/i.test(text)) return { fg: C.up, bg: C.upBg };
  if (/^below\b/i.test(text)) return { fg: C.down, bg: C.downBg };
  if (/^typical\b/i.test(text)) return { fg: C.mid, bg: C.midBg };
  return { fg: C.muted, bg: C.soft };
}

function drawVerdict(pen: Pen, d: CleanData): void {
  const top = COL_TOP + COL_H + 18;
  const h = 36;
  const maxWidth = W - 2 * PAD;
  const innerPad = 14;
  const baseline = top + 24;
  if (d.verdict === '') {
    pen.font(15, 600);
    const label = 'Verdict';
    const labelW = pen.width(label);
    pen.font(18, 700);
    const dashW = pen.width(UNKNOWN_TEXT);
    pen.font(12, 400);
    const unknownW = pen.width('unknown');
    const boxW = Math.min(maxWidth, innerPad * 2 + labelW + 8 + dashW + 6 + unknownW);
    pen.roundRect(PAD, top, boxW, h, 8, C.soft);
    pen.font(15, 600);
    let x = PAD + innerPad;
    x += pen.text(label, x, baseline, maxWidth - 2 * innerPad, C.muted) + 8;
    pen.font(18, 700);
    x += pen.text(UNKNOWN_TEXT, x, baseline, PAD + maxWidth - innerPad - x, C.muted) + 6;
    pen.font(12, 400);
    pen.text('unknown', x, baseline, PAD + maxWidth - innerPad - x, C.muted);
    return;
  }
  const { fg, bg } = verdictColours(d.verdict);
  pen.font(15, 600);
  const shown = pen.fit(d.verdict, maxWidth - 2 * innerPad);
  const boxW = Math.min(maxWidth, pen.width(shown) + 2 * innerPad);
  pen.roundRect(PAD, top, boxW, h, 8, bg);
  pen.font(15, 600);
  pen.text(shown, PAD + innerPad, baseline, maxWidth - 2 * innerPad, fg);
}

function drawPrice(pen: Pen, d: CleanData): void {
  const lineY = 362;
  const ctx = pen.ctx;
  ctx.strokeStyle = C.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(PAD, lineY);
  ctx.lineTo(W - PAD, lineY);
  ctx.stroke();

  const baseline = lineY + 38;
  const right = W - PAD;
  const full = W - 2 * PAD;
  let priceW: number;
  if (d.priceText === '' || d.priceText === UNKNOWN_TEXT) {
    pen.font(12, 400);
    const unknownW = pen.textRight('unknown', right, baseline, full / 2, C.muted);
    pen.font(30, 800);
    priceW = pen.textRight(UNKNOWN_TEXT, right - unknownW - 6, baseline, full / 2 - unknownW - 6, C.muted) + unknownW + 6;
  } else {
    const shown = pen.shrink(d.priceText, full * 0.6, 30, 18, 800);
    priceW = pen.textRight(shown, right, baseline, full * 0.6, C.brand);
  }
  pen.font(18, 700);
  pen.text(d.serviceLabel || 'Price', PAD, baseline - 2, full - priceW - 20, C.ink);
}

function drawFooter(pen: Pen, d: CleanData): void {
  const baseline = H - 20;
  const full = W - 2 * PAD;
  pen.font(13, 400);
  const footer = `Measured ${d.date || UNKNOWN_TEXT} · Reloquence Lens`;
  const used = pen.text(footer, PAD, baseline, full, C.muted);
  if (d.marketplaceName !== '') {
    pen.font(13, 700);
    pen.textRight(d.marketplaceName, W - PAD, baseline, full - used - 24, C.muted);
  }
}
