/**
 * The zod schema of a tier scheme, for schemes a user edits (settings, imports). Kept out of
 * ./tiers.ts so the content scripts, which only use the default scheme, do not carry it.
 */
import * as z from 'zod/mini';

const nonNegative = z.number().check(z.minimum(0));

export const TierSchema = z.object({
  rank: z.int().check(z.minimum(1)),
  name: z.string().check(z.minLength(1)),
  /** Inclusive lower bound. */
  minFollowers: nonNegative,
  pricePerPost: nonNegative,
});

export const TierSchemeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** ISO 4217 code, e.g. "USD". */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  tiers: z.array(TierSchema).check(
    z.minLength(1),
    // Two tiers starting at the same count would make the band of one of them empty.
    z.refine((tiers) => new Set(tiers.map((t) => t.minFollowers)).size === tiers.length, 'tier lower bounds must differ'),
  ),
});

export type Tier = z.infer<typeof TierSchema>;
export type TierScheme = z.infer<typeof TierSchemeSchema>;
