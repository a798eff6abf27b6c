import { instagramMatches, instagramReader } from '@/lib/platforms/instagram';
import { runLens } from '@/utils/lens-runtime';

export default defineContentScript({
  matches: instagramMatches,
  runAt: 'document_start',
  // WXT's start-up window message would tell every page script the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runLens(ctx, instagramReader);
  },
});
