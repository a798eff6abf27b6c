/**
 * The shapes of the marketplace messages between the card (overlay or popup), the background and
 * the fill script on the marketplace's new-listing page, parsed with zod on arrival.
 */
import * as z from 'zod/mini';
import { PlatformSchema } from '../schema';
import { FLAVOURS } from '../settings';

export const WhoSchema = z.object({
  platform: PlatformSchema,
  handle: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type Who = z.infer<typeof WhoSchema>;

/** What the fill script receives: the draft, with the stats card as a PNG data URL. */
export const FillDraftMessageSchema = z.object({
  flavour: z.enum(FLAVOURS),
  marketplaceName: z.string().check(z.maxLength(200)),
  title: z.string().check(z.maxLength(1000)),
  description: z.string().check(z.maxLength(10_000)),
  price: z.nullable(z.number().check(z.gte(0), z.lte(1e12))),
  image: z.nullable(
    z.object({
      name: z.string().check(z.minLength(1), z.maxLength(200)),
      dataUrl: z.string().check(z.maxLength(5_000_000), z.startsWith('data:image/png;base64,')),
    }),
  ),
});
export type FillDraftMessage = z.infer<typeof FillDraftMessageSchema>;

const FIELDS = z.enum(['title', 'description', 'price', 'image']);

/** What the fill script reports after each fill. */
export const FillReportSchema = z.object({
  filled: z.array(FIELDS).check(z.maxLength(4)),
  missing: z.array(FIELDS).check(z.maxLength(4)),
  message: z.string().check(z.maxLength(2000)),
});
export type FillReport = z.infer<typeof FillReportSchema>;

/** The answer to "Create listing", "Link listing" and the other marketplace actions. */
export const ActionAnswerSchema = z.union([
  z.object({ ok: z.literal(true), message: z.string().check(z.maxLength(2000)) }),
  z.object({ ok: z.literal(false), message: z.string().check(z.maxLength(2000)) }),
]);
export type ActionAnswer = z.infer<typeof ActionAnswerSchema>;

/** What the card shows about a creator and the marketplace. */
export const MarketplaceStatusSchema = z.object({
  listingUrl: z.nullable(z.string().check(z.maxLength(2000))),
  /** The newest invitation to this creator. */
  invitation: z.nullable(
    z.object({
      status: z.enum(['invited', 'joined', 'listed']),
      invitedAt: z.number().check(z.gte(0)),
      campaign: z.nullable(z.string().check(z.maxLength(200))),
    }),
  ),
});
export type MarketplaceStatus = z.infer<typeof MarketplaceStatusSchema>;

/** Bytes of a data URL's base64 payload (the fill script turns the card back into a file). */
export function bytesOfDataUrl(dataUrl: string): Uint8Array | null {
  const comma = dataUrl.indexOf(',');
  if (comma < 0) return null;
  try {
    const binary = atob(dataUrl.slice(comma + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
