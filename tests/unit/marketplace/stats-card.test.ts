import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { drawStatsCard, LISTING_IMAGE, statsCardData, type CardContext, type StatsCardData } from '../../../lib/marketplace/stats-card';
import { emptyPost, emptySnapshot, type Snapshot } from '../../../lib/platforms/types';

interface TextCall {
  text: string;
  x: number;
  y: number;
  maxWidth: number | undefined;
  font: string;
  fillStyle: string;
  /** Width by the fake's own metrics, in the font in force. */
  width: number;
}

/**
 * A 2D context that records what is drawn. Text is 0.6 × the font size per character wide;
 * translate/scale are tracked so every coordinate is checked on the final image.
 */
class RecordingContext implements CardContext {
  fillStyle: string | CanvasGradient | CanvasPattern = '#000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000';
  lineWidth = 1;
  font = '10px sans-serif';
  textAlign: CanvasTextAlign = 'start';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  texts: TextCall[] = [];
  points: Array<[number, number]> = [];
  rects: Array<[number, number, number, number]> = [];
  private t = { dx: 0, dy: 0, k: 1 };
  private stack: Array<{ dx: number; dy: number; k: number }> = [];
  depth = 0;

  save(): void {
    this.stack.push({ ...this.t });
    this.depth++;
  }
  restore(): void {
    this.t = this.stack.pop() ?? { dx: 0, dy: 0, k: 1 };
    this.depth--;
  }
  translate(x: number, y: number): void {
    this.t.dx += x * this.t.k;
    this.t.dy += y * this.t.k;
  }
  scale(x: number): void {
    this.t.k *= x;
  }
  private map(x: number, y: number): [number, number] {
    return [this.t.dx + x * this.t.k, this.t.dy + y * this.t.k];
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    const [a, b] = this.map(x, y);
    this.rects.push([a, b, w * this.t.k, h * this.t.k]);
  }
  beginPath(): void {}
  closePath(): void {}
  moveTo(x: number, y: number): void {
    this.points.push(this.map(x, y));
  }
  lineTo(x: number, y: number): void {
    this.points.push(this.map(x, y));
  }
  arcTo(x1: number, y1: number, x2: number, y2: number): void {
    this.points.push(this.map(x1, y1), this.map(x2, y2));
  }
  fill(): void {}
  stroke(): void {}
  fontPx(): number {
    return Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10);
  }
  measureText(text: string): { width: number } {
    return { width: Array.from(text).length * this.fontPx() * 0.6 };
  }
  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    const [a, b] = this.map(x, y);
    this.texts.push({
      text,
      x: a,
      y: b,
      maxWidth: maxWidth === undefined ? undefined : maxWidth * this.t.k,
      font: this.font,
      fillStyle: String(this.fillStyle),
      width: this.measureText(text).width * this.t.k,
    });
  }
}

const NOW = new Date('2025-03-05T12:00:00Z');

function snapshot(partial: Partial<Snapshot> = {}): Snapshot {
  return emptySnapshot({
    platform: 'instagram',
    kind: 'profile',
    state: 'ok',
    url: 'https://www.instagram.com/cosy.kitchen.lab/',
    handle: 'cosy.kitchen.lab',
    displayName: 'Cosy Kitchen Lab',
    followers: 12_480,
    followersExact: true,
    postsCount: 148,
    posts: Array.from({ length: 12 }, (_, i) => emptyPost({ id: String(i), likes: 500, comments: 25 })),
    source: 'test',
    ...partial,
  });
}

function cardFor(s: Snapshot, opts: Partial<Parameters<typeof statsCardData>[2]> = {}): StatsCardData {
  return statsCardData(s, analyzeSnapshot(s, { now: NOW.getTime() / 1000 }), { marketplaceName: 'Creator Market', now: NOW, ...opts });
}

function draw(data: StatsCardData, size?: { width: number; height: number }): RecordingContext {
  const ctx = new RecordingContext();
  drawStatsCard(ctx, data, size);
  return ctx;
}

const BAD_TEXT = /NaN|Infinity|undefined|null|\[object/;

function expectClean(ctx: RecordingContext, width: number = LISTING_IMAGE.width, height: number = LISTING_IMAGE.height): void {
  expect(ctx.texts.length).toBeGreaterThan(5);
  for (const t of ctx.texts) {
    expect(t.text, t.text).not.toMatch(BAD_TEXT);
    expect(t.text.trim()).not.toBe('');
    expect(Number.isFinite(t.x) && Number.isFinite(t.y)).toBe(true);
    expect(t.x).toBeGreaterThanOrEqual(0);
    expect(t.y).toBeGreaterThan(0);
    expect(t.y).toBeLessThanOrEqual(height);
    // Fitted by measuring: drawn text ends inside the card, and inside its own box.
    expect(t.x + t.width).toBeLessThanOrEqual(width + 0.001);
    if (t.maxWidth !== undefined) expect(t.width).toBeLessThanOrEqual(t.maxWidth + 0.001);
  }
  for (const [x, y] of ctx.points) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(width);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(height);
  }
  for (const [x, y, w, h] of ctx.rects) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(width);
    expect(y + h).toBeLessThanOrEqual(height);
  }
  expect(ctx.depth).toBe(0);
}

const texts = (ctx: RecordingContext) => ctx.texts.map((t) => t.text);

describe('statsCardData', () => {
  it('takes the figures from the analysis', () => {
    const d = cardFor(snapshot(), { serviceLabel: 'Instagram post' });
    expect(d).toMatchObject({
      platform: 'instagram',
      handle: 'cosy.kitchen.lab',
      displayName: 'Cosy Kitchen Lab',
      followers: 12_480,
      followersExact: true,
      erLabel: 'mean of 12 posts',
      tierName: 'Hacker Micro Influencers',
      sizeClassLabel: 'Micro',
      serviceLabel: 'Instagram post',
      date: 'Mar 5, 2025',
      marketplaceName: 'Creator Market',
    });
    expect(d.er).toBeCloseTo((525 / 12_480) * 100, 6);
    expect(d.verdict).toBe('Above typical for 10K–50K on Instagram (≈0.5–2.4 % per follower, HypeAuditor 2026, Markerly 2016)');
    expect(d.priceText).toMatch(/^~\$\d[\d,]* per post$/);
  });

  it('keeps a price given by the caller, and null as unknown', () => {
    expect(cardFor(snapshot(), { priceText: '$180' }).priceText).toBe('$180');
    expect(cardFor(snapshot(), { priceText: null }).priceText).toBeNull();
  });

  it('leaves unknowns null, never 0 or NaN', () => {
    const d = cardFor(snapshot({ followers: null, posts: [], handle: null, displayName: null }), { now: new Date(NaN) });
    expect(d).toMatchObject({ followers: null, er: null, erLabel: 'unknown', tierName: null, sizeClassLabel: null, verdict: null, priceText: null, handle: '', date: '—' });
  });
});

describe('drawStatsCard', () => {
  it('draws the card within 700 × 467 with the header, the three figures, the verdict, the price and the footer', () => {
    const ctx = draw(cardFor(snapshot(), { serviceLabel: 'Instagram post', priceText: '$180' }));
    expectClean(ctx);
    const all = texts(ctx);
    expect(all).toContain('INSTAGRAM');
    expect(all).toContain('@cosy.kitchen.lab');
    expect(all).toContain('Cosy Kitchen Lab');
    expect(all).toContain('FOLLOWERS');
    expect(all).toContain('12.5K');
    expect(all).toContain('12,480 exact');
    expect(all).toContain('4.2 %');
    expect(all).toContain('TIER');
    expect(all).toContain('Micro creator');
    expect(all.some((t) => t.startsWith('Above typical for 10K–50K on Instagram'))).toBe(true);
    expect(all).toContain('Instagram post');
    expect(all).toContain('$180');
    expect(all).toContain('Measured Mar 5, 2025 · Reloquence Lens');
    expect(all).toContain('Creator Market');
    // The header band is the brand colour of the overlay card.
    expect(ctx.rects.some(([x, y, w]) => x === 0 && y === 0 && w === 700)).toBe(true);
    expect(ctx.texts.find((t) => t.text === '$180')?.fillStyle).toBe('#5b3df5');
  });

  it('draws unknown values as "—" with a small "unknown"', () => {
    const ctx = draw(cardFor(snapshot({ followers: null, posts: [] }), { priceText: null }));
    expectClean(ctx);
    const all = texts(ctx);
    // followers, ER, tier, verdict and price
    expect(all.filter((t) => t === '—').length).toBeGreaterThanOrEqual(5);
    expect(all.filter((t) => t === 'unknown').length).toBeGreaterThanOrEqual(5);
    for (const dash of ctx.texts.filter((t) => t.text === '—')) {
      const small = ctx.texts.find((t) => t.text === 'unknown' && Math.abs(t.y - dash.y) < 60);
      expect(small).toBeDefined();
    }
  });

  it('cuts long handles and names with "…" to fit', () => {
    const long = 'a'.repeat(5000);
    const ctx = draw(cardFor(snapshot({ handle: `h${'x'.repeat(200)}`, displayName: long }), { serviceLabel: 'S'.repeat(5000), marketplaceName: 'M'.repeat(5000) }));
    expectClean(ctx);
    const handle = ctx.texts.find((t) => t.text.startsWith('@h'))!;
    expect(handle.text.endsWith('…')).toBe(true);
    expect(handle.text.length).toBeLessThan(80);
    const name = ctx.texts.find((t) => t.text.startsWith('aaa'))!;
    expect(name.text.endsWith('…')).toBe(true);
    expect(name.text.length).toBeLessThan(100);
    expect(ctx.texts.find((t) => t.text.startsWith('SSS'))!.text.endsWith('…')).toBe(true);
  });

  it('survives huge numbers, empty strings, RTL text, emoji and control characters', () => {
    const cases: StatsCardData[] = [
      { ...cardFor(snapshot()), followers: 1e300, er: 1e200, tierName: '', verdict: '', priceText: '', handle: '', displayName: '' },
      { ...cardFor(snapshot()), handle: 'مرحبا_بالعالم', displayName: 'שלום עולם 🌍👩‍👩‍👧‍👦🏳️‍🌈'.repeat(40), tierName: 'Engaged Micro Influencers With A Very Long Tier Name Indeed' },
      { ...cardFor(snapshot()), handle: 'evil\u202e\u0000\n<b>x</b>', displayName: '<img src=x onerror=alert(1)>', verdict: 'below typical\u0007 for sure' },
      { ...cardFor(snapshot()), followers: -5, er: NaN, date: '' },
      { ...cardFor(snapshot()), followers: Infinity, er: -Infinity },
    ];
    for (const data of cases) expectClean(draw(data));
    const rtl = draw(cases[1]!);
    expect(texts(rtl)).toContain('@مرحبا_بالعالم');
    const hostile = draw(cases[2]!);
    const handle = hostile.texts.find((t) => t.text.startsWith('@evil'))!;
    // Drawn as text, with the control and bidi-override characters gone.
    expect(handle.text).toBe('@evil <b>x</b>');
    expect(texts(hostile)).toContain('<img src=x onerror=alert(1)>');
  });

  it('does not throw for data that is not card data at all', () => {
    const junk = [null, undefined, {}, { handle: 42, followers: '12', er: {}, date: [] }] as unknown as StatsCardData[];
    for (const data of junk) {
      const ctx = new RecordingContext();
      expect(() => drawStatsCard(ctx, data)).not.toThrow();
      for (const t of ctx.texts) expect(t.text).not.toMatch(BAD_TEXT);
    }
  });

  it('does not throw when the context itself fails', () => {
    const ctx = new RecordingContext();
    ctx.measureText = () => {
      throw new Error('lost');
    };
    expect(() => drawStatsCard(ctx, cardFor(snapshot()))).not.toThrow();
    const broken = new RecordingContext();
    broken.fillText = () => {
      throw new Error('lost');
    };
    expect(() => drawStatsCard(broken, cardFor(snapshot()))).not.toThrow();
    expect(broken.depth).toBe(0);
  });

  it('scales the layout to another size', () => {
    const ctx = draw(cardFor(snapshot()), { width: 1400, height: 934 });
    expectClean(ctx, 1400, 934);
    expect(ctx.rects[0]).toEqual([0, 0, 1400, 934]);
    const bad = draw(cardFor(snapshot()), { width: NaN, height: -1 });
    expectClean(bad);
  });
});
