import { youtubeMatches, youtubeReader } from '@/lib/platforms/youtube';
import { runLens } from '@/utils/lens-runtime';

export default defineContentScript({
  matches: youtubeMatches,
  runAt: 'document_start',
  // WXT's start-up window message would tell every page script the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runLens(ctx, youtubeReader);
  },
});
