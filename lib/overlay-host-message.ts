/**
 * What the content script sends the card over their private port (see ./overlay-protocol.ts):
 * validated by the card with the snapshot schema.
 */
import * as z from 'zod/mini';
import { SnapshotSchema } from './schema';

/** Host → frame, over the port. */
export const HostMessageSchema = z.union([
  /** The view on screen. */
  z.object({
    type: z.literal('show'),
    snapshot: SnapshotSchema,
    /** The page was read again and again and the data never came. */
    stalled: z.boolean(),
    /** The page is dark (its own dark mode, or the system's): the card follows it. */
    dark: z.optional(z.boolean()),
  }),
  /**
   * Whether the frame is in full view, as far as the content script can tell (sent only to a
   * frame whose browser lacks IntersectionObserver v2, which tells it better itself).
   */
  z.object({ type: z.literal('visibility'), visible: z.boolean() }),
]);
export type HostMessage = z.infer<typeof HostMessageSchema>;
export type ShowMessage = Extract<HostMessage, { type: 'show' }>;

