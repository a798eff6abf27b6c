import { describe, expect, it } from 'vitest';
import { creatorFromUrl, looksLikeAddress } from '../../../lib/store/creator-url';

describe('creatorFromUrl: a profile address as platform and handle', () => {
  it.each([
    ['https://www.instagram.com/cosy.crafts/', 'instagram', 'cosy.crafts', 'https://www.instagram.com/cosy.crafts/'],
    ['instagram.com/cosy.crafts', 'instagram', 'cosy.crafts', 'https://www.instagram.com/cosy.crafts/'],
    ['https://www.instagram.com/cosy.crafts/reels/', 'instagram', 'cosy.crafts', 'https://www.instagram.com/cosy.crafts/'],
    ['https://www.youtube.com/@FernCooks/videos', 'youtube', 'FernCooks', 'https://www.youtube.com/@FernCooks'],
    ['youtube.com/@FernCooks', 'youtube', 'FernCooks', 'https://www.youtube.com/@FernCooks'],
    ['https://m.youtube.com/@FernCooks', 'youtube', 'FernCooks', 'https://www.youtube.com/@FernCooks'],
    ['https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', 'youtube', 'UCabcdefghijklmnopqrstuv', 'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv'],
    ['https://www.tiktok.com/@dance_lee?lang=en', 'tiktok', 'dance_lee', 'https://www.tiktok.com/@dance_lee'],
    ['tiktok.com/@dance_lee/video/7234567890123456789', 'tiktok', 'dance_lee', 'https://www.tiktok.com/@dance_lee'],
    ['https://x.com/tech_tom', 'x', 'tech_tom', 'https://x.com/tech_tom'],
    ['https://twitter.com/tech_tom/status/1234567890', 'x', 'tech_tom', 'https://x.com/tech_tom'],
    ['http://mobile.twitter.com/tech_tom', 'x', 'tech_tom', 'https://x.com/tech_tom'],
  ])('%s', (url, platform, handle, profileUrl) => {
    expect(creatorFromUrl(url)).toEqual({ platform, handle, profileUrl });
  });

  it.each([
    ['another site', 'https://example.com/cosy.crafts'],
    ["a platform's own page", 'https://www.instagram.com/explore/'],
    ['a page with no creator', 'https://www.tiktok.com/foryou'],
    ['a channel named the old way', 'https://www.youtube.com/c/FernCooks'],
    ['not http', 'ftp://instagram.com/kim'],
    ['a script', 'javascript:alert(1)'],
    ['spaces', 'https://www.instagram.com/co sy/'],
    ['empty', ''],
  ])('names no creator: %s', (_what, url) => {
    expect(creatorFromUrl(url)).toBeNull();
  });

  it('tells an address from a handle', () => {
    for (const text of ['https://x.com/a', 'instagram.com/a', 'www.tiktok.com/@a', 'youtube.com/@a', 'x.com/a', 'a/b']) expect(looksLikeAddress(text)).toBe(true);
    // "x.com.fan" and "tiktok.com.daily" are Instagram handles, not addresses.
    for (const text of ['cosy.crafts', '@cosy.crafts', 'dance_lee', 'x.com.fan', 'tiktok.com.daily']) expect(looksLikeAddress(text)).toBe(false);
  });
});
