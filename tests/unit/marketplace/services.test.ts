import { describe, expect, it } from 'vitest';
import { SERVICES, serviceById, servicePrice, servicesFor, type Service } from '../../../lib/marketplace/services';
import { priceGuidance, type PriceGuidance } from '../../../lib/metrics/pricing';

function service(id: string): Service {
  const s = serviceById(id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
}

describe('services', () => {
  it('lists each platform\'s services, the main one first', () => {
    expect(servicesFor('instagram').map((s) => [s.label, s.priceFactor])).toEqual([
      ['Instagram post', 1],
      ['Instagram story', 0.5],
      ['Instagram reel', 1.2],
    ]);
    expect(servicesFor('youtube').map((s) => [s.label, s.priceFactor])).toEqual([
      ['YouTube video', 1],
      ['YouTube Short', 0.5],
      ['YouTube brand mention', 0.6],
    ]);
    expect(servicesFor('tiktok').map((s) => s.label)).toEqual(['TikTok video']);
    expect(servicesFor('x').map((s) => s.label)).toEqual(['X post']);
  });

  it('has unique ids, each on its own platform', () => {
    expect(new Set(SERVICES.map((s) => s.id)).size).toBe(SERVICES.length);
    for (const s of SERVICES) expect(s.id.startsWith(`${s.platform}-`)).toBe(true);
    expect(serviceById('nope')).toBeNull();
  });
});

describe('servicePrice', () => {
  // 12,000 followers: Tier 7, $150 ± 10 % → 135 / 150 / 165.
  const guidance = priceGuidance(12_000, null);

  it('scales the guidance by the service factor, rounded to money steps', () => {
    expect(guidance).toMatchObject({ low: 135, point: 150, high: 165 });
    expect(servicePrice(guidance, service('instagram-post'))).toEqual({ low: 135, point: 150, high: 165, currency: 'USD' });
    expect(servicePrice(guidance, service('instagram-story'))).toEqual({ low: 70, point: 75, high: 85, currency: 'USD' });
    expect(servicePrice(guidance, service('instagram-reel'))).toEqual({ low: 160, point: 180, high: 200, currency: 'USD' });
    expect(servicePrice(guidance, service('youtube-mention'))).toEqual({ low: 80, point: 90, high: 100, currency: 'USD' });
  });

  it('uses the larger money steps for large prices', () => {
    const big = priceGuidance(2_000_000, null);
    expect(big).toMatchObject({ point: 32_400 });
    expect(servicePrice(big, service('instagram-reel'))?.point).toBe(38_900);
    expect(servicePrice(big, service('youtube-short'))?.point).toBe(16_200);
  });

  it('is null without usable guidance', () => {
    expect(servicePrice(null, service('x-post'))).toBeNull();
    const broken = { ...guidance, point: Number.NaN } as PriceGuidance;
    expect(servicePrice(broken, service('x-post'))).toBeNull();
    expect(servicePrice({ ...guidance, high: Infinity } as PriceGuidance, service('x-post'))).toBeNull();
  });

  it('keeps low ≤ point ≤ high', () => {
    for (const followers of [0, 4_999, 5_000, 20_000, 99_999, 750_000, 1e12]) {
      for (const s of SERVICES) {
        const p = servicePrice(priceGuidance(followers, null), s);
        expect(p).not.toBeNull();
        if (!p) continue;
        expect(p.low).toBeLessThanOrEqual(p.point);
        expect(p.point).toBeLessThanOrEqual(p.high);
        expect(Number.isFinite(p.high)).toBe(true);
      }
    }
  });
});
