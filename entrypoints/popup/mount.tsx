import { render } from 'preact';
import { configureZodForExtension } from '@/lib/zod-setup';
import { App, startup, type Initial } from './App';

/** How long the first render waits for the reads begun by ./begin.ts (they are usually in already). */
const WAIT_MS = 60;

/**
 * Render the popup into `root` (loaded by ./main.tsx once the reads are under way). When the
 * reads are in within {@link WAIT_MS}, the first render already shows them: one paint with the
 * list, instead of an empty popup, then the list a frame later.
 */
export async function mount(root: HTMLElement): Promise<void> {
  configureZodForExtension();
  const { shortlist, status, settings } = startup();
  const initial = await Promise.race<Initial | undefined>([
    Promise.all([shortlist, status, settings]).then(
      ([s, st, se]) => ({ shortlist: s, status: st, settings: se }),
      () => undefined,
    ),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), WAIT_MS)),
  ]);
  render(<App initial={initial} />, root);
}
