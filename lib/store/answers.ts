/**
 * The shapes of the background's answers about the store (shortlist status, growth history),
 * for the pages that ask: the popup, the overlay, the marketplace row. Kept apart from
 * ./service.ts, which answers them and carries the readers of all four platforms, so a page that
 * only asks does not load (and parse, before it can paint) every reader.
 */
import * as z from 'zod/mini';
import { SnapshotPointSchema } from './history';

export const ShortlistAnswerSchema = z.union([
  z.object({
    ok: z.literal(true),
    campaigns: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(1000)),
    /** The campaigns' names, in the same order (an invite carries one as its campaign tag). */
    names: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(1000))),
  }),
  z.object({ ok: z.literal(false), message: z.string().check(z.maxLength(1000)) }),
]);

/** At most this many points go to the card (the newest): enough for a year of weekly visits. */
export const HISTORY_POINTS = 500;

export const HistoryAnswerSchema = z.array(SnapshotPointSchema).check(z.maxLength(HISTORY_POINTS));
