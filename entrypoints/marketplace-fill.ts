import { fillListingForm, type FillDraft, type FillResult } from '@/lib/marketplace/form-fill';
import { bytesOfDataUrl, FillDraftMessageSchema } from '@/lib/marketplace/messages';
import { configureZodForExtension } from '@/lib/zod-setup';
import { sendMessage } from '@/utils/messaging';

/**
 * Injected by the background into the marketplace's new-listing page the user asked it to open
 * ("Create listing"), and only there: it asks for the draft waiting for this tab, fills it into
 * the form, and reports what it did. It never submits: the user reviews and posts the listing.
 *
 * The web template's wizard shows one step at a time (details, then price, then photos): fields
 * that appear later are filled when they appear. A field is filled once; after that it is the
 * user's, and a later step never overwrites an edit.
 */
export default defineUnlistedScript(() => {
  configureZodForExtension();
  // The background injects again after each load of the tab; one filler per document. (The
  // mark is in the extension's isolated world: the page cannot see or set it.)
  const world = globalThis as { reloquenceFill?: true };
  if (world.reloquenceFill) return;
  world.reloquenceFill = true;
  void start();
});

/** The wizard's later steps are awaited this long; then the page is left alone. */
const WATCH_MS = 30 * 60_000;

async function start(): Promise<void> {
  const answer = await sendMessage('listingDraft', undefined).catch(() => null);
  if (answer === null) return;
  const parsed = FillDraftMessageSchema.safeParse(answer);
  if (!parsed.success) return;
  const message = parsed.data;
  const bytes = message.image ? bytesOfDataUrl(message.image.dataUrl) : null;
  let remaining: FillDraft = {
    title: message.title,
    description: message.description,
    price: message.price,
    image: message.image && bytes ? { name: message.image.name, type: 'image/png', bytes } : null,
  };
  const left = () => remaining.title !== '' || remaining.description !== '' || remaining.price !== null || !!remaining.image;

  const fill = (): FillResult => {
    const result = fillListingForm(document, message.flavour, remaining);
    const done = new Set(result.filled);
    remaining = {
      title: done.has('title') ? '' : remaining.title,
      description: done.has('description') ? '' : remaining.description,
      price: done.has('price') ? null : remaining.price,
      image: done.has('image') ? null : remaining.image,
    };
    return result;
  };
  const report = (result: FillResult) => void sendMessage('listingFilled', result).catch(() => undefined);

  report(fill());
  if (!left()) return;
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    // After the page's own rendering of the step, not in the middle of it.
    setTimeout(() => {
      queued = false;
      const result = fill();
      if (result.filled.length > 0) report(result);
      if (!left()) observer.disconnect();
    }, 50);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WATCH_MS);
}
