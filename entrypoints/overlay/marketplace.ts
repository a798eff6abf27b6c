/**
 * The overlay's marketplace part, loaded after the card has rendered (a dynamic import from
 * ./main.tsx): the user's settings (tier scheme, marketplace) and the marketplace row. The card's
 * first render waits for neither.
 */
import { tierSchemeOf, type Settings } from '@/lib/settings';
import type { TierScheme } from '@/lib/metrics/tiers';
import { MarketplaceRow, PublicMarketplaceRow } from '@/utils/marketplace-row';
import { readSettings, watchSettings } from '@/utils/settings-store';

export interface MarketplacePart {
  settings: Settings;
  scheme: TierScheme;
  Row: typeof MarketplaceRow;
  /** The row as the card's public twin draws it (no settings, nothing stored). */
  PublicRow: typeof PublicMarketplaceRow;
}

/** Read the settings, call `use` with them, and again whenever they change. */
export function startMarketplace(use: (part: MarketplacePart) => void): void {
  const apply = (settings: Settings) => use({ settings, scheme: tierSchemeOf(settings), Row: MarketplaceRow, PublicRow: PublicMarketplaceRow });
  void readSettings().then(({ settings }) => apply(settings));
  watchSettings(apply);
}
