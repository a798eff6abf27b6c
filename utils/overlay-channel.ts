/**
 * The card's end of the frame channel (see utils/frame-channel.ts for the other end).
 *
 * Threat: `window.parent` is the platform's page, whose scripts can post this frame any message,
 * and can frame overlay.html themselves. The card therefore takes exactly one MessagePort: the
 * one that arrives with the key its own address carries in its fragment, which only the content
 * script that created this frame knows (its frame sits in a closed shadow root, so page scripts
 * cannot read the address). The key leaves the address at once. Without that port the card
 * renders nothing and does nothing; with it, it listens to nothing else.
 */
import { ConnectMessageSchema, FRAME_KEY_PATTERN } from '@/lib/overlay-protocol';

/** Wait for the content script's port; `onPort` is called at most once. */
export function connectToHost(onPort: (port: MessagePort) => void): void {
  const key = window.location.hash.slice(1);
  if (window.location.hash) history.replaceState(null, '', window.location.pathname + window.location.search);
  if (!FRAME_KEY_PATTERN.test(key)) return;
  const onMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || event.ports.length !== 1) return;
    const parsed = ConnectMessageSchema.safeParse(event.data);
    if (!parsed.success || parsed.data.key !== key) return;
    window.removeEventListener('message', onMessage);
    onPort(event.ports[0]!);
  };
  window.addEventListener('message', onMessage);
}
