import { xMatches, xReader } from '@/lib/platforms/x';
import { runLens } from '@/utils/lens-runtime';

export default defineContentScript({
  matches: xMatches,
  runAt: 'document_start',
  // WXT's start-up window message would tell every page script the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runLens(ctx, xReader);
  },
});
