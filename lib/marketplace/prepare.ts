/**
 * Everything "Create listing" needs before a tab opens, from what the card shows: the draft for
 * the chosen service, the stats card's data, and the marketplace's new-listing address and
 * origin (the origin is the host permission asked for). Pure; the background runs it, draws the
 * card and opens the tab.
 */
import { formatRange } from '../metrics/format';
import type { Snapshot } from '../platforms/types';
import type { Settings } from '../settings';
import { analysisFor, marketplaceOriginPattern } from './card';
import { buildListingDraft, type ListingDraft } from './drafts';
import { newListingUrl } from './links';
import { serviceById, servicePrice } from './services';
import { statsCardData, type StatsCardData } from './stats-card';

export interface PreparedListing {
  draft: ListingDraft;
  card: StatsCardData;
  /** The marketplace's new-listing page. */
  url: string;
  /** The pattern of the optional host permission the fill needs, e.g. "https://market.example/*". */
  originPattern: string;
}

export type Prepared = { ok: true; value: PreparedListing } | { ok: false; message: string };

export function prepareListing(snapshot: Snapshot, serviceId: string, settings: Settings, now: number = Math.floor(Date.now() / 1000)): Prepared {
  if (snapshot.state !== 'ok' || !snapshot.handle) {
    return { ok: false, message: 'A listing needs the numbers of a public profile: open the creator’s profile and try again.' };
  }
  const service = serviceById(serviceId);
  if (!service || service.platform !== snapshot.platform) {
    return { ok: false, message: 'That service is not one this platform’s creators sell: pick one from the list.' };
  }
  const originPattern = marketplaceOriginPattern(settings);
  let url: string;
  try {
    url = newListingUrl(settings.marketplace);
  } catch {
    url = '';
  }
  if (!originPattern || !url) {
    return { ok: false, message: 'The marketplace address in the settings cannot be used: fix it in the extension’s options.' };
  }
  const analysis = analysisFor(snapshot, settings, now);
  const draft = buildListingDraft(snapshot, analysis, service, settings, { readAt: now });
  const price = servicePrice(analysis.price, service);
  const card = statsCardData(snapshot, analysis, {
    serviceLabel: service.label,
    priceText: price ? formatRange(price.low, price.high, price.currency) : null,
    marketplaceName: settings.marketplace.name,
    now: new Date(now * 1000),
  });
  return { ok: true, value: { draft, card, url, originPattern } };
}
