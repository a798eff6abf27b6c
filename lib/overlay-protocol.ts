/**
 * Messages between the content script (host) and the card it frames (overlay.html).
 *
 * The card is an extension page in an iframe: it renders with the extension's origin, so the
 * platform's page can neither read it nor script it. They talk over a MessagePort that the
 * content script hands to its own frame (see utils/frame-channel.ts and
 * utils/overlay-channel.ts): no window message carries a view, a size or a click, because any
 * script of the page can read and post window messages. Both sides validate what they receive.
 */
import * as z from 'zod/mini';

/** The one window message: the content script hands its frame the port (transferred with it). */
export const CONNECT = 'reloquence-lens/connect';

/** The frame's key: 32 hex digits, from the frame's own URL (its fragment). */
export const FRAME_KEY_PATTERN = /^[0-9a-f]{32}$/;

export const ConnectMessageSchema = z.object({
  type: z.literal(CONNECT),
  key: z.string().check(z.regex(FRAME_KEY_PATTERN)),
});

// Host → frame messages: ./overlay-host-message.ts (they carry a whole snapshot, whose schema
// the content scripts need not carry: they only send those messages).
export type { HostMessage, ShowMessage } from './overlay-host-message';

/** Frame → host, over the port. */
export const FrameMessageSchema = z.union([
  /** Loaded and listening; `needsVisibility`: the browser cannot tell the frame whether it is seen. */
  z.object({ type: z.literal('ready'), needsVisibility: z.boolean() }),
  /** The card's size changed (px); the host sizes the iframe to it. */
  z.object({
    type: z.literal('size'),
    width: z.number().check(z.gte(0), z.lte(4000)),
    height: z.number().check(z.gte(0), z.lte(4000)),
  }),
  /** The view for `url` is on screen. */
  z.object({ type: z.literal('rendered'), url: z.string().check(z.maxLength(8000)) }),
  /** The user closed the overlay for the page on screen. */
  z.object({ type: z.literal('close'), url: z.string().check(z.maxLength(8000)) }),
]);
export type FrameMessage = z.infer<typeof FrameMessageSchema>;
