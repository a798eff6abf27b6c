import { youtubeMatches, youtubeReader } from '@/lib/platforms/youtube';
import { runLens } from '@/utils/lens-runtime';

export default defineContentScript({
  matches: youtubeMatches,
  runAt: 'document_start',
  main(ctx) {
    runLens(ctx, youtubeReader);
  },
});
