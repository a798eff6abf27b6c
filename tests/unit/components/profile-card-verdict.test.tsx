import { describe, expect, it } from 'vitest';
import { useDom } from './dom';
import { ProfileCard } from '../../../components/ProfileCard';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { emptyPost, emptySnapshot, type Platform, type PostStats, type Snapshot } from '../../../lib/platforms/types';

const { mount, q, root, expectClean } = useDom();

function snap(platform: Platform, followers: number, posts: PostStats[], partial: Partial<Snapshot> = {}): Snapshot {
  return emptySnapshot({ platform, kind: 'profile', state: 'ok', url: 'https://example.com/', handle: 'maker', followers, followersExact: true, posts, source: 'test', ...partial });
}

async function card(s: Snapshot): Promise<void> {
  await mount(<ProfileCard snapshot={s} analysis={analyzeSnapshot(s, { now: 1_700_000_000 })} />);
}

const three = (p: Partial<PostStats>) => Array.from({ length: 3 }, (_, i) => emptyPost({ id: String(i), ...p }));

describe('ProfileCard verdict: it names its yardstick', () => {
  it('on Instagram: the band, the platform, the figures per follower and their publishers', async () => {
    await card(snap('instagram', 12_000, three({ likes: 494, comments: 10 }))); // 4.2 %
    expect(q('verdict')?.textContent).toBe('Above typical for 10K–50K on Instagram (≈0.5–2.4 % per follower) · HypeAuditor 2026, Markerly 2016');
    expect(q('verdict')?.className).toContain('rl-verdict-above');
    expect(q('verdict')?.getAttribute('title')).toMatch(/^Compared: 4\.2 % per follower, mean of 3 posts\. HypeAuditor 2026, State of Influencer Marketing 2026/);
    expect(q('details')?.textContent).toContain('ER typical there ≈0.5–2.4 % per follower at 20K (HypeAuditor 2026, Markerly 2016)');
    expect(q('details')?.textContent).toContain('ER 4.2 % per follower is above typical for 10K–50K on Instagram');
    expectClean();
  });

  it('on TikTok: per view, shares counted', async () => {
    await card(snap('tiktok', 7_000, three({ likes: 100, comments: 10, shares: 16, views: 1_000 }))); // 12.6 %
    expect(q('verdict')?.textContent).toBe('Typical for 1K–10K on TikTok (≈12.6 % per view incl. shares) · HypeAuditor 2023');
  });

  it('says why there is no verdict, never borrowing another platform’s figures', async () => {
    await card(snap('youtube', 12_000, three({ likes: 100, comments: 10, views: 1_000 })));
    expect(q('verdict')?.textContent).toBe('No verdict: no published YouTube figure per view by channel size');
    await card(snap('tiktok', 38_417, three({ likes: 100, comments: 10, shares: 16, views: 1_000 })));
    expect(q('verdict')?.textContent).toBe('No verdict: no published TikTok figure per view for 10K–1M accounts');
    await card(snap('instagram', 3_204, [], { state: 'private', isPrivate: true }));
    expect(q('verdict')?.textContent).toBe('No verdict: private account: its posts are hidden');
    expect(root().textContent).not.toMatch(/\b(good|bad)\b/i);
  });
});
