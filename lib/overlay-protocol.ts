/**
 * Messages between the content script (host) and the overlay page it frames.
 *
 * The overlay is an extension page (overlay.html) shown in an iframe: it renders with the
 * extension's own origin, so the host page can neither read nor restyle it, and the content
 * script stays small (it only reads the page). Both sides validate what they receive with zod:
 * host → frame in ./schema.ts (the snapshot schema), frame → host here.
 */
import * as z from 'zod/mini';

export const HOST_SOURCE = 'reloquence-lens/host';
export const FRAME_SOURCE = 'reloquence-lens/frame';

/** What the overlay page reports to the content script. */
export const FrameMessageSchema = z.union([
  /** Loaded and listening. */
  z.object({ source: z.literal(FRAME_SOURCE), type: z.literal('ready') }),
  /** The card's size changed (px); the host sizes the iframe to it. */
  z.object({
    source: z.literal(FRAME_SOURCE),
    type: z.literal('size'),
    width: z.number().check(z.gte(0), z.lte(4000)),
    height: z.number().check(z.gte(0), z.lte(4000)),
  }),
  /** The view for `url` is on screen. */
  z.object({ source: z.literal(FRAME_SOURCE), type: z.literal('rendered'), url: z.string().check(z.maxLength(8000)) }),
  /** The user closed the overlay for the page on screen. */
  z.object({ source: z.literal(FRAME_SOURCE), type: z.literal('close'), url: z.string().check(z.maxLength(8000)) }),
]);
export type FrameMessage = z.infer<typeof FrameMessageSchema>;
