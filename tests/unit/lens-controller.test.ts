import { describe, expect, it } from 'vitest';
import { createLens, MAX_RESPONSES, type LensView } from '../../lib/lens/controller';
import { badgeFor } from '../../lib/lens/badge';
import { pageDataFromHtml } from '../../lib/platforms/page';
import { instagramReader } from '../../lib/platforms/instagram';
import type { CapturedResponse, PlatformReader } from '../../lib/platforms/types';
import type { LensState } from '../../lib/schema';

const IG = 'https://www.instagram.com';

function user(handle: string, followers: number, likes: number[]) {
  return {
    username: handle,
    full_name: handle,
    is_private: false,
    edge_followed_by: { count: followers },
    edge_follow: { count: 10 },
    edge_owner_to_timeline_media: {
      count: likes.length,
      edges: likes.map((l, i) => ({
        node: { shortcode: `${handle.slice(0, 3)}${i}abc`, edge_liked_by: { count: l }, edge_media_to_comment: { count: 1 } },
      })),
    },
  };
}

/** A page as first loaded: alice's profile embedded in _sharedData. */
const ALICE_PAGE = `<html><head></head><body><script>window._sharedData = ${JSON.stringify({
  entry_data: { ProfilePage: [{ graphql: { user: user('alice.bakes', 8000, [300, 320, 280]) } }] },
})};</script></body></html>`;

function setup(reader: PlatformReader = instagramReader) {
  const renders: Array<LensView | null> = [];
  const published: Array<LensState | null> = [];
  let html = ALICE_PAGE;
  const lens = createLens({
    reader,
    collect: (url, responses: CapturedResponse[]) => ({ ...pageDataFromHtml(html, url), responses }),
    render: (view) => renders.push(view),
    publish: (state) => published.push(state),
  });
  return { lens, renders, published, setHtml: (h: string) => (html = h) };
}

describe('lens controller', () => {
  it('reads the profile on screen and publishes it once', () => {
    const { lens, renders, published } = setup();
    lens.refresh(`${IG}/alice.bakes/`);
    lens.refresh(`${IG}/alice.bakes/`);
    expect(renders).toHaveLength(1);
    expect(renders[0]?.snapshot.handle).toBe('alice.bakes');
    expect(renders[0]?.snapshot.followers).toBe(8000);
    expect(published).toHaveLength(1);
    expect(lens.current()?.snapshot?.followers).toBe(8000);
    expect(lens.waiting()).toBe(false);
  });

  it('never shows the previous profile after a soft navigation, then shows the new one when its data arrives', () => {
    const { lens, renders } = setup();
    lens.refresh(`${IG}/alice.bakes/`);
    lens.refresh(`${IG}/bob.runs/`);
    const waiting = renders.at(-1)!;
    expect(waiting.snapshot.handle).toBe('bob.runs');
    expect(waiting.snapshot.state).toBe('loading');
    expect(waiting.snapshot.followers).toBeNull();
    expect(lens.waiting()).toBe(true);

    const accepted = lens.addResponse({
      url: `${IG}/api/v1/users/web_profile_info/?username=bob.runs`,
      body: { data: { user: user('bob.runs', 42000, [900, 1000]) }, status: 'ok' },
    });
    expect(accepted).toBe(true);
    lens.refresh(`${IG}/bob.runs/`);
    expect(renders.at(-1)?.snapshot.followers).toBe(42000);
    expect(lens.waiting()).toBe(false);
  });

  it('removes the view when the user leaves profile and post pages', () => {
    const { lens, renders, published } = setup();
    lens.refresh(`${IG}/alice.bakes/`);
    lens.refresh(`${IG}/explore/`);
    expect(renders.at(-1)).toBeNull();
    expect(published.at(-1)).toBeNull();
    expect(lens.current()).toBeNull();
  });

  it('ignores responses the reader did not ask for and keeps a bounded number', () => {
    const { lens } = setup();
    expect(lens.addResponse({ url: 'https://www.instagram.com/ajax/bz', body: {} })).toBe(false);
    for (let i = 0; i < MAX_RESPONSES + 10; i++) {
      expect(lens.addResponse({ url: `${IG}/graphql/query?i=${i}`, body: { i } })).toBe(true);
    }
    let seen = 0;
    const reader: PlatformReader = {
      ...instagramReader,
      read: (data) => {
        seen = data.responses.length;
        return instagramReader.read(data);
      },
    };
    const second = setup(reader);
    for (let i = 0; i < MAX_RESPONSES + 10; i++) second.lens.addResponse({ url: `${IG}/graphql/query?i=${i}`, body: {} });
    second.lens.refresh(`${IG}/alice.bakes/`);
    expect(seen).toBe(MAX_RESPONSES);
  });

  it('survives a reader that throws, showing nothing rather than breaking the page', () => {
    const reader: PlatformReader = {
      ...instagramReader,
      read: () => {
        throw new Error('boom');
      },
    };
    const { lens, renders } = setup(reader);
    expect(() => lens.refresh(`${IG}/alice.bakes/`)).not.toThrow();
    expect(renders.at(-1)).toBeNull();
  });
});

describe('toolbar badge', () => {
  it('shows the measured rate and nothing when unknown', () => {
    const { lens } = setup();
    lens.refresh(`${IG}/alice.bakes/`);
    const badge = badgeFor(lens.current());
    // (301 + 321 + 281) / 3 / 8000 × 100 = 3.7625 %
    expect(badge.text).toBe('3.8');
    expect(badge.title).toContain('@alice.bakes');
    expect(badgeFor(null).text).toBe('');
    lens.refresh(`${IG}/bob.runs/`);
    expect(badgeFor(lens.current()).text).toBe('');
  });
});
