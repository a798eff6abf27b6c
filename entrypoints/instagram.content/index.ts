import { instagramReader } from '@/lib/platforms/instagram';
import { runLens } from '@/utils/lens-runtime';

export default defineContentScript({
  matches: ['https://www.instagram.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runLens(ctx, instagramReader);
  },
});
