import { describe, expect, it } from 'vitest';
import { createNavigationTrust } from '../../../lib/lens/navigation-trust';
import { instagramReader } from '../../../lib/platforms/instagram';

const IG = 'https://www.instagram.com';
const keyOf = (url: string) => {
  const at = instagramReader.locate(url);
  return at.kind === 'other' ? null : `${at.kind}:${at.handle ?? ''}:${at.postId ?? ''}`;
};

function setup(initial = `${IG}/alpha/`) {
  let active = false;
  const trust = createNavigationTrust(keyOf, initial, () => active);
  return { trust, setActive: (v: boolean) => (active = v) };
}

describe('navigation trust', () => {
  it('trusts the document the browser loaded', () => {
    const { trust } = setup();
    expect(trust.trusted(`${IG}/alpha/`)).toBe(true);
    expect(trust.trusted(`${IG}/beta/`)).toBe(false);
  });

  it('a script-only pushState to another creator ends the trust, and nothing brings it back but the user', () => {
    const { trust, setActive } = setup();
    trust.navigating(`${IG}/beta/`, false);
    trust.arrived(`${IG}/beta/`);
    expect(trust.trusted(`${IG}/beta/`)).toBe(false);
    // Back to the first creator by script: still not the user's visit.
    trust.arrived(`${IG}/alpha/`);
    expect(trust.trusted(`${IG}/alpha/`)).toBe(false);
    // The user clicks a link to beta.
    setActive(true);
    trust.navigating(`${IG}/beta/`, false);
    setActive(false);
    trust.arrived(`${IG}/beta/`);
    expect(trust.trusted(`${IG}/beta/`)).toBe(true);
  });

  it('an in-app navigation with user activation is the user’s, also when only noticed later (no Navigation API)', () => {
    const { trust, setActive } = setup();
    setActive(true);
    trust.arrived(`${IG}/gamma/`);
    expect(trust.trusted(`${IG}/gamma/`)).toBe(true);
  });

  it('back and forward (userInitiated) count as the user’s', () => {
    const { trust } = setup();
    trust.navigating(`${IG}/delta/`, true);
    trust.arrived(`${IG}/delta/`);
    expect(trust.trusted(`${IG}/delta/`)).toBe(true);
  });

  it('an app tidying its own address on the same creator keeps the trust; leaving for a non-creator page ends it', () => {
    const { trust } = setup();
    trust.arrived(`${IG}/alpha/?igsh=abc`);
    expect(trust.trusted(`${IG}/alpha/?igsh=abc`)).toBe(true);
    trust.arrived(`${IG}/explore/`);
    expect(trust.trusted(`${IG}/explore/`)).toBe(false);
    trust.arrived(`${IG}/alpha/`);
    expect(trust.trusted(`${IG}/alpha/`)).toBe(false);
  });

  it('only the address on screen is trusted', () => {
    const { trust } = setup();
    expect(trust.trusted(`${IG}/alpha/?other=1`)).toBe(false);
  });
});
