import { describe, expect, it } from 'vitest';
import { tabModel } from '../../../lib/lens/tab-model';
import { emptyPost, emptySnapshot, type Snapshot } from '../../../lib/platforms/types';
import { DEFAULT_TIER_SCHEME } from '../../../lib/metrics/tiers';

const DAY = 86_400;
function snap(over: Partial<Snapshot>): Snapshot {
  return emptySnapshot({ platform: 'instagram', kind: 'profile', url: 'https://www.instagram.com/a/', state: 'ok', handle: 'a', followersExact: true, ...over });
}

describe('the docked tab', () => {
  it('Instagram: ER per follower against Instagram’s figures, tier and price', () => {
    const posts = [0, 1, 2, 3].map((i) => emptyPost({ id: `p${i}`, likes: 500, comments: 20, takenAt: 1_700_000_000 - i * DAY }));
    const m = tabModel(snap({ followers: 12_000, posts }), DEFAULT_TIER_SCHEME);
    expect(m.figure).toBe('4.3 %');
    expect(m.label).toBe('ER');
    expect(m.verdict).toBe('above');
    expect(m.tier).toBe('Tier 7');
    expect(m.price).toMatch(/^~\$\d/);
    expect(m.summary).toContain('@a');
  });

  it('X: the rate per impression, shown although no published figure gives it a verdict', () => {
    const posts = [0, 1, 2].map((i) => emptyPost({ id: `t${i}`, likes: 90, comments: 10, views: 10_000, impressions: 10_000, takenAt: 1_700_000_000 - i * DAY }));
    const m = tabModel(snap({ platform: 'x', url: 'https://x.com/a', followers: 9_000, posts }), DEFAULT_TIER_SCHEME);
    expect(m.label).toBe('ER/impr.');
    expect(m.figure).toBe('1.0 %');
    expect(m.verdict).toBeNull();
    expect(m.verdictWord).toBe('no verdict');
  });

  it('a YouTube channel leads with views per subscriber; a page still loading says so', () => {
    const posts = [0, 1].map((i) => emptyPost({ id: `v${i}`, views: 18_000 }));
    const m = tabModel(snap({ platform: 'youtube', url: 'https://www.youtube.com/@a', followers: 12_000, posts }), DEFAULT_TIER_SCHEME);
    expect(m.label).toBe('views/sub');
    expect(m.figure).toBe('1.5×');
    expect(tabModel(snap({ state: 'loading' })).label).toBe('reading');
  });

  it('unknown stays unknown: no followers, no tier, no price, no rate', () => {
    const m = tabModel(snap({ followers: null, posts: [] }));
    expect(m.figure).toBe('—');
    expect(m.tier).toBe('');
    expect(m.price).toBe('');
  });
});
