import { describe, expect, it } from 'vitest';
import { clipText, fitSnapshot, SNAPSHOT_LIMITS } from '../../../lib/platforms/fit';
import { instagramReader } from '../../../lib/platforms/instagram';
import { tiktokReader } from '../../../lib/platforms/tiktok';
import { pageDataFromJson } from '../../../lib/platforms/page';
import { emptyPost, emptySnapshot } from '../../../lib/platforms/types';
import { SnapshotSchema } from '../../../lib/schema';

describe('clipText', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis', () => {
    expect(clipText('abc', 3)).toBe('abc');
    const cut = clipText('a'.repeat(10_000), 500);
    expect(cut).toHaveLength(500);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const cut = clipText('😀'.repeat(10), 6);
    expect(cut).toBe('😀😀…');
    expect(cut.length).toBeLessThanOrEqual(6);
  });
});

describe('fitSnapshot', () => {
  it('makes a snapshot with oversized text and impossible counts pass the schema', () => {
    const snap = emptySnapshot({
      platform: 'instagram',
      kind: 'profile',
      url: 'https://www.instagram.com/longname/',
      state: 'ok',
      handle: 'longname',
      displayName: 'N'.repeat(10_000),
      bio: 'b'.repeat(20_000),
      source: 's'.repeat(900),
      followers: Number.POSITIVE_INFINITY,
      following: -3,
      postsCount: 1e300,
      notes: Array.from({ length: 80 }, (_, i) => `${i} ${'n'.repeat(2000)}`),
      posts: [emptyPost({ id: 'x'.repeat(300), url: `https://www.instagram.com/p/${'y'.repeat(3000)}/`, likes: Number.NaN, comments: 5 })],
    });
    expect(SnapshotSchema.safeParse(snap).success).toBe(false);
    const fitted = fitSnapshot(snap);
    expect(SnapshotSchema.safeParse(fitted).success).toBe(true);
    expect(fitted.displayName).toHaveLength(SNAPSHOT_LIMITS.displayName);
    expect(fitted.displayName!.startsWith('NNNN')).toBe(true);
    expect(fitted.followers).toBeNull();
    expect(fitted.following).toBeNull();
    expect(fitted.postsCount).toBeNull();
    expect(fitted.notes).toHaveLength(SNAPSHOT_LIMITS.notes);
    expect(fitted.posts[0]!.url).toBeNull();
    expect(fitted.posts[0]!.likes).toBeNull();
    expect(fitted.posts[0]!.comments).toBe(5);
  });
});

describe('readers cut what they read to the schema limits', () => {
  it('Instagram: a 10,000-character full name gives a valid snapshot with the name shortened', () => {
    const url = 'https://www.instagram.com/longname/';
    const body = {
      data: {
        user: {
          username: 'longname',
          full_name: '\u202e'.repeat(10) + 'N'.repeat(10_000),
          edge_followed_by: { count: 1200 },
          edge_follow: { count: 3 },
          edge_owner_to_timeline_media: { count: 0, edges: [] },
        },
      },
    };
    const snap = instagramReader.read(pageDataFromJson(body, url, 'https://www.instagram.com/api/v1/users/web_profile_info/?username=longname'));
    expect(snap).not.toBeNull();
    expect(snap!.followers).toBe(1200);
    expect(snap!.displayName!.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.displayName);
    expect(SnapshotSchema.safeParse(snap).success).toBe(true);
  });

  it('TikTok: a 10,000-character nickname gives a valid snapshot', () => {
    const url = 'https://www.tiktok.com/@longname';
    const html = {
      __DEFAULT_SCOPE__: {
        'webapp.user-detail': {
          userInfo: {
            user: { uniqueId: 'longname', nickname: 'T'.repeat(10_000), signature: 's'.repeat(9000) },
            stats: { followerCount: 5000, followingCount: 1, heartCount: 10, videoCount: 0 },
          },
        },
      },
    };
    const snap = tiktokReader.read({ url, meta: {}, scripts: [{ type: 'application/json', id: '__UNIVERSAL_DATA_FOR_REHYDRATION__', text: JSON.stringify(html) }], responses: [] });
    expect(snap).not.toBeNull();
    expect(snap!.followers).toBe(5000);
    expect(snap!.displayName!.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.displayName);
    expect(SnapshotSchema.safeParse(snap).success).toBe(true);
  });
});
