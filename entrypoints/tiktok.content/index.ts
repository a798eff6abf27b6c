import { tiktokMatches, tiktokReader } from '@/lib/platforms/tiktok';
import { runLens } from '@/utils/lens-runtime';

export default defineContentScript({
  matches: tiktokMatches,
  runAt: 'document_start',
  main(ctx) {
    runLens(ctx, tiktokReader);
  },
});
