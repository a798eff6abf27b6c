import { analyzeSnapshot } from '../metrics/analysis';
import { creatorLabel } from '../platforms/profile-url';
import type { LensState } from '../schema';

/** The toolbar badge for a tab: the ER when measured ("4.2"), else nothing. */
export function badgeFor(state: LensState | null): { text: string; title: string } {
  const snapshot = state?.snapshot;
  if (!snapshot) return { text: '', title: 'Reloquence Lens' };
  const who = creatorLabel(snapshot.platform, snapshot.handle, snapshot.displayName) ?? 'this page';
  const er = analyzeSnapshot(snapshot).engagement.mean;
  if (er === null) return { text: '', title: `Reloquence Lens · ${who}: engagement rate unknown` };
  const text = er >= 100 ? '99+' : er >= 10 ? er.toFixed(0) : er.toFixed(1);
  return { text, title: `Reloquence Lens · ${who}: ${er.toFixed(2)} % engagement rate` };
}
