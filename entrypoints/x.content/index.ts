import { xMatches, xReader } from '@/lib/platforms/x';
import { runLens } from '@/utils/lens-runtime';

export default defineContentScript({
  matches: xMatches,
  runAt: 'document_start',
  main(ctx) {
    runLens(ctx, xReader);
  },
});
