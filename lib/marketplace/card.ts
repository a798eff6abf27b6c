/**
 * What the card (overlay and popup) needs from the settings and the marketplace, kept apart from
 * the draft and image building (./prepare.ts, run by the background) so the overlay frame loads
 * little: the analysis with the user's tier scheme, the services a creator sells with prices, and
 * the marketplace's host-permission pattern.
 */
import { analyzeSnapshot, type Analysis } from '../metrics/analysis';
import { formatRange } from '../metrics/format';
import type { Snapshot } from '../platforms/types';
import { tierSchemeOf, validateBaseUrl, type Settings } from '../settings';
import { servicePrice, servicesFor, type Service } from './services';

/** The analysis with the settings' tier scheme, as the card and the draft show it. */
export function analysisFor(snapshot: Snapshot, settings: Settings, now?: number): Analysis {
  return analyzeSnapshot(snapshot, { scheme: tierSchemeOf(settings), ...(now === undefined ? {} : { now }) });
}

/**
 * The marketplace origin's host-permission pattern, or null when the settings' address is
 * unusable. The address is checked again with the settings' own rule ({@link validateBaseUrl}):
 * a pattern is only ever made for one real host, never for a wildcard or an IP address.
 */
export function marketplaceOriginPattern(settings: Settings): string | null {
  const checked = validateBaseUrl(settings?.marketplace?.baseUrl);
  return checked.ok ? `${new URL(checked.url).origin}/*` : null;
}

/** The services a creator on this snapshot can list, each with its price as text. */
export function servicesWithPrices(snapshot: Snapshot, analysis: Analysis): Array<Service & { priceText: string | null }> {
  return servicesFor(snapshot.platform).map((service) => {
    const price = servicePrice(analysis.price, service);
    return { ...service, priceText: price ? formatRange(price.low, price.high, price.currency) : null };
  });
}

