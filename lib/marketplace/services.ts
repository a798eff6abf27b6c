/**
 * What a creator sells on each platform, and what each is worth next to the tier's price for
 * one post.
 *
 * The price factors are rules of thumb for orientation, not market data: a main feed post,
 * a YouTube video, a TikTok video and an X post are the tier's price (× 1); an Instagram story
 * disappears after a day, so about half (× 0.5); a reel takes more work to make and reaches
 * beyond the followers, so a little more (× 1.2); a YouTube Short is about half a video (× 0.5);
 * a brand mention inside a video (an integration of a minute or so) is a bit more than half
 * of a dedicated video (× 0.6). Creators set their own price; these only suggest a start.
 */
import { roundMoney, type PriceGuidance } from '../metrics/pricing';
import type { Platform } from '../platforms/types';

export const SERVICE_IDS = [
  'instagram-post',
  'instagram-story',
  'instagram-reel',
  'youtube-video',
  'youtube-short',
  'youtube-mention',
  'tiktok-video',
  'x-post',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export interface Service {
  id: ServiceId;
  platform: Platform;
  /** "Instagram post". */
  label: string;
  /** Multiplies the tier's price per post (a rule of thumb, see above). */
  priceFactor: number;
}

export const SERVICES: readonly Service[] = [
  { id: 'instagram-post', platform: 'instagram', label: 'Instagram post', priceFactor: 1 },
  { id: 'instagram-story', platform: 'instagram', label: 'Instagram story', priceFactor: 0.5 },
  { id: 'instagram-reel', platform: 'instagram', label: 'Instagram reel', priceFactor: 1.2 },
  { id: 'youtube-video', platform: 'youtube', label: 'YouTube video', priceFactor: 1 },
  { id: 'youtube-short', platform: 'youtube', label: 'YouTube Short', priceFactor: 0.5 },
  { id: 'youtube-mention', platform: 'youtube', label: 'YouTube brand mention', priceFactor: 0.6 },
  { id: 'tiktok-video', platform: 'tiktok', label: 'TikTok video', priceFactor: 1 },
  { id: 'x-post', platform: 'x', label: 'X post', priceFactor: 1 },
];

/** The platform's services, the main one first. */
export function servicesFor(platform: Platform): Service[] {
  return SERVICES.filter((s) => s.platform === platform);
}

export function serviceById(id: string): Service | null {
  return SERVICES.find((s) => s.id === id) ?? null;
}

export interface ServicePrice {
  low: number;
  point: number;
  high: number;
  currency: string;
}

function isAmount(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/**
 * The price guidance for one post scaled by the service's factor and rounded to money steps
 * (roundMoney). Null when there is no guidance or its figures are not usable.
 */
export function servicePrice(guidance: PriceGuidance | null, service: Service): ServicePrice | null {
  if (!guidance || !service) return null;
  const factor = service.priceFactor;
  const { low, point, high } = guidance;
  if (!isAmount(factor) || !isAmount(low) || !isAmount(point) || !isAmount(high)) return null;
  const scaled = (n: number) => roundMoney(n * factor);
  const p = scaled(point);
  return { low: Math.min(scaled(low), p), point: p, high: Math.max(scaled(high), p), currency: guidance.currency };
}
