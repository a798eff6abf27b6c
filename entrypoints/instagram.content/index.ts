import { instagramMatches, instagramReader } from '@/lib/platforms/instagram';
import { runLens } from '@/utils/lens-runtime';

export default defineContentScript({
  matches: instagramMatches,
  runAt: 'document_start',
  main(ctx) {
    runLens(ctx, instagramReader);
  },
});
