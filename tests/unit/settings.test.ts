import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_SCHEME, tierFor } from '../../lib/metrics/tiers';
import {
  checkSettings,
  DEFAULT_SETTINGS,
  FLAVOUR_DEFAULT_PATHS,
  loadSettings,
  migrateV1toV2,
  MIGRATIONS,
  runMigrations,
  sortTiersLargestFirst,
  SETTINGS_VERSION,
  tierCoverageNote,
  tierSchemeOf,
  validateBaseUrl,
  validatePath,
  type CustomTier,
  type Migrations,
  type Settings,
} from '../../lib/settings';

function settings(partial: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...partial };
}

function tier(name: string, minFollowers: number, pricePerPost: number, more: Partial<CustomTier> = {}): CustomTier {
  return { name, minFollowers, pricePerPost, benefits: [], expectations: { postsPerMonth: null, minEr: null }, ...more };
}

describe('validateBaseUrl', () => {
  it('accepts https addresses and normalises them', () => {
    expect(validateBaseUrl('https://www.reloquence.com')).toEqual({ ok: true, url: 'https://www.reloquence.com' });
    expect(validateBaseUrl('  HTTPS://WWW.Reloquence.com/ ')).toEqual({ ok: true, url: 'https://www.reloquence.com' });
    expect(validateBaseUrl('https://example.com/market/')).toEqual({ ok: true, url: 'https://example.com/market' });
    expect(validateBaseUrl('https://example.com:8443/a/b')).toEqual({ ok: true, url: 'https://example.com:8443/a/b' });
  });

  const refused: Array<[text: string, fragment: string]> = [
    ['', 'Enter the marketplace address'],
    ['   ', 'Enter the marketplace address'],
    ['http://www.reloquence.com', 'https://'],
    ['javascript:alert(1)', 'https://'],
    ['javascript://www.reloquence.com/%0Aalert(1)', 'https://'],
    ['data:text/html,<script>alert(1)</script>', 'https://'],
    ['www.reloquence.com', 'https://'],
    ['https://user:pw@x.com', '@'],
    ['https://good.com@evil.com', '@'],
    ['https://evil.com\\@good.com', 'backslash'],
    ['https://evil.com\\good.com', 'backslash'],
    ['https://x.com?x=1', '?'],
    ['https://x.com/#frag', '#'],
    ['https://x.com/a b', 'spaces'],
    ['https://x.com/\u202eevil', 'invisible'],
    ['https://localhost', 'domain'],
    ['https://intranet/', 'domain'],
    ['https://x.com/%2e%2e/admin', '..'],
    ['https://', 'not a valid'],
    ['https://x.com/a/../b', '..'],
    [`https://x.com/${'a'.repeat(2000)}`, 'at most 300'],
  ];
  it.each(refused.map(([text, fragment]) => [text.length > 80 ? `${text.slice(0, 30)}… (${text.length} characters)` : text, text, fragment]))(
    'refuses %j',
    (_label, text, fragment) => {
      const result = validateBaseUrl(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(fragment);
    },
  );

  // The host rules (lib/host-name.ts): one real host name, written as the browser writes it.
  const refusedHosts: Array<[text: string, fragment: string]> = [
    ['https://*.com', 'wildcard'],
    ['https://*.reloquence.com', 'wildcard'],
    ['https://www.*.com/market', 'wildcard'],
    ['https://exa\u3002mple.com', 'not an ordinary full stop'],
    ['https://www.reloquence\u3002com', 'not an ordinary full stop'],
    ['https://exa\uff0emple.com', 'not an ordinary full stop'],
    ['https://exa\uff61mple.com', 'not an ordinary full stop'],
    ['https://exa\u2024mple.com', 'not an ordinary full stop'],
    ['https://exa\ufe52mple.com', 'not an ordinary full stop'],
    ['https://\uff45xample.com', 'changes into others'],
    ['https://ex%61mple.com', 'changes into others'],
    ['https://exa%2emple.com', 'changes into others'],
    ['https://user@host.com', '@'],
    ['https://user:pass@host.com', '@'],
    ['http://host.com', 'https://'],
    ['HTTP://host.com', 'https://'],
    ['https://localhost', 'full domain name'],
    ['https://shop.localhost', 'local network'],
    ['https://printer.local', 'local network'],
    ['https://market.internal', 'local network'],
    ['https://nas.home.arpa', 'local network'],
    ['https://1.2.3.4', 'IP address'],
    ['https://1.2.3.4:8443/market', 'IP address'],
    ['https://127.1', 'IP address'],
    ['https://0x7f.1', 'IP address'],
    ['https://2130706433', 'IP address'],
    ['https://[::1]', 'IP address'],
    ['https://[2001:db8::1]/m', 'IP address'],
    ['https://example.com.', 'dot at the end'],
    ['https://example.com./market', 'dot at the end'],
    ['https://a..com', 'two dots in a row'],
    ['https://a_b.com', 'letters, digits, dots and hyphens'],
    ['https://-shop.com', 'letters, digits, dots and hyphens'],
    ['https://shop-.com', 'letters, digits, dots and hyphens'],
    ['https://ab--cd.com', 'letters, digits, dots and hyphens'],
    ['https://shop.c0m', 'top-level domain'],
    ['https://shop.c', 'top-level domain'],
    [`https://${'a'.repeat(64)}.com`, 'at most 63 characters'],
    [`https://${Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.')}.com`, 'too long'],
    // "a。b" in Punycode: Node refuses it outright; checkHostName refuses it where a parser does not.
    ['https://xn--ab-r13a.com', 'not a valid'],
    ['https://xn--abc-.com', 'letters, digits, dots and hyphens'],
  ];
  it.each(refusedHosts.map(([text, fragment]) => [text.length > 80 ? `${text.slice(0, 30)}… (${text.length} characters)` : text, text, fragment]))(
    'refuses the host of %j',
    (_label, text, fragment) => {
      const result = validateBaseUrl(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(fragment);
    },
  );

  it('accepts an internationalised name only in the form browsers open, and returns that form', () => {
    expect(validateBaseUrl('https://bücher.example')).toEqual({ ok: true, url: 'https://xn--bcher-kva.example' });
    expect(validateBaseUrl('https://BÜCHER.example/Markt/')).toEqual({ ok: true, url: 'https://xn--bcher-kva.example/Markt' });
    expect(validateBaseUrl('https://xn--bcher-kva.example')).toEqual({ ok: true, url: 'https://xn--bcher-kva.example' });
    // A Cyrillic look-alike of "paypal.com" is accepted for what it is, and is shown as such.
    expect(validateBaseUrl('https://раураl.com')).toEqual({ ok: true, url: 'https://xn--l-7sba6dbr.com' });
    // Decomposed accents are the same name.
    expect(validateBaseUrl('https://bu\u0308cher.example')).toEqual({ ok: true, url: 'https://xn--bcher-kva.example' });
    expect(validateBaseUrl('https://shop.xn--p1ai')).toEqual({ ok: true, url: 'https://shop.xn--p1ai' });
  });

  it('accepts long names up to the limits', () => {
    const label63 = 'a'.repeat(63);
    expect(validateBaseUrl(`https://${label63}.com`)).toEqual({ ok: true, url: `https://${label63}.com` });
    const host = `${Array.from({ length: 3 }, () => label63).join('.')}.${'b'.repeat(57)}.com`;
    expect(host).toHaveLength(253);
    expect(validateBaseUrl(`https://${host}`)).toEqual({ ok: true, url: `https://${host}` });
    expect(validateBaseUrl(`https://c${host}`).ok).toBe(false);
  });

  it('keeps the settings from storing a wildcard or a dot look-alike', () => {
    for (const baseUrl of ['https://*.com', 'https://exa\u3002mple.com']) {
      const stored = { ...DEFAULT_SETTINGS, marketplace: { ...DEFAULT_SETTINGS.marketplace, baseUrl } };
      const checked = checkSettings(stored);
      expect(checked.ok).toBe(false);
      const loaded = loadSettings(stored);
      expect(loaded.settings.marketplace.baseUrl).toBe(DEFAULT_SETTINGS.marketplace.baseUrl);
      expect(loaded.notes.join(' ')).toMatch(/marketplace .* reset/);
    }
  });

  it('never throws on non-strings', () => {
    expect(validateBaseUrl(undefined as unknown as string).ok).toBe(false);
    expect(validateBaseUrl(42 as unknown as string).ok).toBe(false);
  });
});

describe('validatePath', () => {
  it('accepts the default paths of both flavours', () => {
    for (const paths of Object.values(FLAVOUR_DEFAULT_PATHS)) {
      expect(validatePath(paths.newListing, []).ok).toBe(true);
      expect(validatePath(paths.listing, ['id'], ['id', 'slug']).ok).toBe(true);
      expect(validatePath(paths.search, ['query']).ok).toBe(true);
      expect(validatePath(paths.signup, ['code']).ok).toBe(true);
    }
  });

  it.each([
    ['', ['id'], 'Enter a path'],
    ['listings/{id}', ['id'], 'start with /'],
    ['https://evil.com/{id}', ['id'], 'start with /'],
    ['//evil.com/{id}', ['id'], '//'],
    ['/\\evil.com/{id}', ['id'], 'backslash'],
    ['/listings/ {id}', ['id'], 'spaces'],
    ['/listings/{id}#x', ['id'], '#'],
    ['/../admin/{id}', ['id'], '..'],
    ['/a/%2E%2E/{id}', ['id'], '..'],
    ['/listings/new', ['id'], 'must contain {id}'],
    ['/listings/{id}/{evil}', ['id'], 'Unknown placeholder {evil}'],
    ['/listings/{id', ['id'], 'Braces'],
    [`/${'a'.repeat(200)}{id}`, ['id'], 'at most 200'],
  ] as const)('refuses %j', (template, required, fragment) => {
    const result = validatePath(template, required);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it('allows optional placeholders only where allowed', () => {
    expect(validatePath('/l/{slug}/{id}', ['id'], ['id', 'slug'])).toEqual({ ok: true, path: '/l/{slug}/{id}' });
    expect(validatePath('/l/{slug}/{id}', ['id']).ok).toBe(false);
    expect(validatePath('/listing?id={id}&ref=lens', ['id'])).toEqual({ ok: true, path: '/listing?id={id}&ref=lens' });
  });
});

describe('checkSettings', () => {
  it('accepts the defaults and normalises input', () => {
    expect(checkSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    const input = settings({
      marketplace: { ...DEFAULT_SETTINGS.marketplace, name: '  My market ', baseUrl: 'https://Example.com/m/' },
      currency: ' eur ',
      referralCode: ' abc_1-2 ',
      myProfile: { platform: 'instagram', handle: '@me' },
    });
    const result = checkSettings(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.marketplace.name).toBe('My market');
    expect(result.settings.marketplace.baseUrl).toBe('https://example.com/m');
    expect(result.settings.currency).toBe('EUR');
    expect(result.settings.referralCode).toBe('abc_1-2');
    expect(result.settings.myProfile).toEqual({ platform: 'instagram', handle: 'me' });
  });

  it('gives a plain message per bad field, keyed by its dotted path', () => {
    const input = {
      ...settings(),
      marketplace: {
        name: '',
        baseUrl: 'http://x.com',
        flavour: 'php',
        paths: { ...FLAVOUR_DEFAULT_PATHS.go, listing: '//evil.com/{id}', search: '/search' },
      },
      referralCode: 'has space',
      currency: 'dollars',
      erBasis: 'likes',
      myProfile: { platform: 'facebook', handle: '' },
    };
    const result = checkSettings(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      'marketplace.name': 'Enter the marketplace name.',
      'marketplace.baseUrl': 'The address must start with https://.',
      'marketplace.flavour': 'Choose the kind of marketplace: Go or web template.',
      'marketplace.paths.listing': 'The path must not start with // (that would lead to another site).',
      'marketplace.paths.search': 'The path must contain {query}.',
      referralCode: 'Use only letters, digits, - and _ in the referral code.',
      currency: 'Use a 3-letter currency code such as USD or EUR.',
      erBasis: 'Choose what the engagement rate is measured against: followers, views, reach or impressions.',
      'myProfile.platform': 'This value is not valid.',
      'myProfile.handle': 'Enter your handle.',
    });
    expect(Object.keys(result.errors)).not.toContain('tiers');
    for (const message of Object.values(result.errors)) expect(message).not.toMatch(/Invalid input|undefined|NaN/);
  });

  it('checks custom tiers field by field', () => {
    const bad = settings({
      tiers: {
        kind: 'custom',
        name: 'Mine',
        tiers: [
          tier('Small', 0, 50),
          tier('', 1.5, -1),
          tier('Big', 10_000, 2e9, { benefits: ['x'.repeat(201)], expectations: { postsPerMonth: 2.5, minEr: 101 } }),
        ],
      },
    });
    const result = checkSettings(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      'tiers.tiers.1.name': 'Enter a tier name.',
      'tiers.tiers.1.minFollowers': 'Enter a whole number of followers.',
      'tiers.tiers.1.pricePerPost': 'Must be 0 or more.',
      'tiers.tiers.2.pricePerPost': 'Must be at most 1,000,000,000.',
      'tiers.tiers.2.benefits.0': 'Each benefit must be at most 200 characters.',
      'tiers.tiers.2.expectations.postsPerMonth': 'Enter a whole number of posts from 0 to 1,000, or leave it empty.',
      'tiers.tiers.2.expectations.minEr': 'Enter a rate from 0 to 100 %, or leave it empty.',
    });
  });

  it('refuses duplicate tier names and bounds, and too many or no tiers', () => {
    const dup = checkSettings(settings({ tiers: { kind: 'custom', name: 'Mine', tiers: [tier('A', 0, 1), tier('a', 0, 2)] } }));
    expect(dup).toEqual({
      ok: false,
      errors: { 'tiers.tiers.1.name': 'Tier 1 already has this name.', 'tiers.tiers.1.minFollowers': 'Tier 1 already starts at this follower count.' },
    });
    const many = checkSettings(settings({ tiers: { kind: 'custom', name: 'Mine', tiers: Array.from({ length: 13 }, (_, i) => tier(`T${i}`, i * 10, 1)) } }));
    expect(many).toEqual({ ok: false, errors: { 'tiers.tiers': 'At most 12 tiers.' } });
    expect(checkSettings(settings({ tiers: { kind: 'custom', name: 'Mine', tiers: [] } }))).toEqual({ ok: false, errors: { 'tiers.tiers': 'Add at least one tier.' } });
    expect(checkSettings({ ...settings(), tiers: { kind: 'fancy' } })).toEqual({
      ok: false,
      errors: { 'tiers.kind': 'Choose a tier scheme: default, size classes or custom.' },
    });
  });

  it('refuses what is not an object', () => {
    expect(checkSettings('x')).toEqual({ ok: false, errors: { '': 'The settings are not valid.' } });
    expect(checkSettings(null)).toEqual({ ok: false, errors: { '': 'The settings are not valid.' } });
    expect(checkSettings({}).ok).toBe(false);
  });
});

describe('loadSettings', () => {
  it('gives the defaults on first run, without a note', () => {
    expect(loadSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, notes: [] });
    expect(loadSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, notes: [] });
  });

  it('returns a copy of the defaults, not the shared object', () => {
    const { settings: loaded } = loadSettings(undefined);
    loaded.marketplace.paths.listing = '/changed/{id}';
    expect(DEFAULT_SETTINGS.marketplace.paths.listing).toBe('/listings/{id}');
  });

  it.each([['a string'], [[1, 2, 3]], [42], [true]])('resets garbage (%j) to the defaults with a note', (raw) => {
    const { settings: loaded, notes } = loadSettings(raw);
    expect(loaded).toEqual(DEFAULT_SETTINGS);
    expect(notes).toEqual(['Your settings could not be read and were reset to the defaults.']);
  });

  it('reads an object with an unreadable version as version 1', () => {
    const { settings: loaded, notes } = loadSettings({ version: 'x', currency: 'EUR' });
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, currency: 'EUR' });
    expect(notes).toEqual(['Your settings did not say which version wrote them; they were read as version 1.']);
  });

  it('keeps valid stored settings as they are', () => {
    const stored = settings({
      marketplace: { name: 'Market', baseUrl: 'https://market.example', flavour: 'web-template', paths: { ...FLAVOUR_DEFAULT_PATHS['web-template'] } },
      referralCode: 'ME-1',
      currency: 'EUR',
      tiers: { kind: 'size-classes' },
      erBasis: 'views',
      myProfile: { platform: 'tiktok', handle: 'me' },
    });
    expect(loadSettings(JSON.parse(JSON.stringify(stored)))).toEqual({ settings: stored, notes: [] });
  });

  it('resets only the field that does not parse, with a note naming it', () => {
    const stored = { ...settings({ referralCode: 'KEEP', currency: 'GBP' }), marketplace: { name: 'X', baseUrl: 'javascript:alert(1)' } };
    const { settings: loaded, notes } = loadSettings(stored);
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, referralCode: 'KEEP', currency: 'GBP' });
    expect(notes).toEqual(['Your marketplace (name, address and paths) could not be read and was reset to the default.']);

    const several = loadSettings({ version: 1, tiers: { kind: 'custom', name: 'x', tiers: [] }, erBasis: 7, myProfile: 'me', currency: 'EUR' });
    expect(several.settings).toEqual({ ...DEFAULT_SETTINGS, currency: 'EUR' });
    expect(several.notes).toEqual([
      'Your price tiers could not be read and were reset to the default tiers.',
      'Your choice of engagement rate could not be read and was reset to engagement per follower.',
      'Your "This is me" profile could not be read and was cleared.',
    ]);
  });

  it('drops unknown fields', () => {
    const { settings: loaded } = loadSettings({ ...settings(), extra: 'x', __proto__: { polluted: true } });
    expect(loaded).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(loaded)).not.toContain('extra');
  });

  it('reads settings written by a newer version field by field, and says so', () => {
    const { settings: loaded, notes } = loadSettings({ version: SETTINGS_VERSION + 1, currency: 'JPY', tiers: { kind: 'quantum' }, newThing: 1 });
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, currency: 'JPY' });
    expect(loaded.version).toBe(SETTINGS_VERSION);
    expect(notes).toEqual([
      'Your settings were saved by a newer version of Reloquence Lens; settings this version cannot read were reset to the defaults.',
      'Your price tiers could not be read and were reset to the default tiers.',
    ]);
  });

  it('has one migration: version 1 → 2 orders custom tiers largest audience first', () => {
    expect(SETTINGS_VERSION).toBe(2);
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
  });

  it('migrates stored custom tiers so each keeps its meaning and gets the number the card gives it', () => {
    // As version 1 stored them: in the order typed, smallest first ("Tier 1 Seed" in the settings, "Tier 3 Seed" on the card).
    const typed = [tier('Seed', 0, 50, { benefits: ['Shout-out'] }), tier('Sprout', 10_000, 200), tier('Tree', 100_000, 900)];
    const v1 = { version: 1, currency: 'EUR', tiers: { kind: 'custom', name: 'Garden', tiers: typed } };
    const before = tierSchemeOf({ ...DEFAULT_SETTINGS, currency: 'EUR', tiers: { kind: 'custom', name: 'Garden', tiers: typed } });
    const { settings: loaded, notes } = loadSettings(v1);
    expect(notes).toEqual([]);
    expect(loaded.version).toBe(2);
    const stored = loaded.tiers.kind === 'custom' ? loaded.tiers.tiers : [];
    // The list now reads as the card numbers it: position n is Tier n, Tier 1 the largest audience.
    expect(stored.map((t) => t.name)).toEqual(['Tree', 'Sprout', 'Seed']);
    const after = tierSchemeOf(loaded);
    expect(after.tiers.map((t) => [t.rank, t.name])).toEqual(stored.map((t, i) => [i + 1, t.name]));
    // Every tier keeps its bound, price, benefits and rank on the card.
    expect(after.tiers).toEqual(before.tiers);
    expect(stored.find((t) => t.name === 'Seed')).toEqual(typed[0]);
    for (const count of [0, 9_999, 10_000, 250_000]) expect(tierFor(count, after)).toEqual(tierFor(count, before));
    // Anything but custom tiers passes through; a broken list is left for the field check.
    expect(migrateV1toV2({ version: 1, tiers: { kind: 'default' } })).toEqual({ version: 2, tiers: { kind: 'default' } });
    expect(migrateV1toV2({ version: 1, tiers: { kind: 'custom', tiers: 'x' } })).toEqual({ version: 2, tiers: { kind: 'custom', tiers: 'x' } });
  });

  it('keeps saved custom tiers largest audience first, whatever order they are given in', () => {
    const checked = checkSettings({ ...DEFAULT_SETTINGS, tiers: { kind: 'custom', name: 'x', tiers: [tier('Small', 0, 1), tier('Big', 1_000, 2), tier('Mid', 500, 3)] } });
    expect(checked.ok && checked.settings.tiers.kind === 'custom' && checked.settings.tiers.tiers.map((t) => t.name)).toEqual(['Big', 'Mid', 'Small']);
    expect(sortTiersLargestFirst([{ minFollowers: 1 }, { minFollowers: 5 }, { minFollowers: 1, n: 2 }])).toEqual([{ minFollowers: 5 }, { minFollowers: 1 }, { minFollowers: 1, n: 2 }]);
  });

  // Shapes of a made-up history: v1 stored the address flat, v2 grouped it, v3 is today's layout.
  const V1 = { version: 1, shopUrl: 'https://shop.example/', code: 'ABC', money: 'eur' };
  const CHAIN: Migrations = {
    1: (old) => {
      const v1 = old as typeof V1;
      return { version: 2, shop: { url: v1.shopUrl, name: 'Shop' }, code: v1.code, money: v1.money };
    },
    2: (old) => {
      const v2 = old as { shop: { url: string; name: string }; code: string; money: string };
      return {
        version: 3,
        marketplace: { name: v2.shop.name, baseUrl: v2.shop.url, flavour: 'go', paths: FLAVOUR_DEFAULT_PATHS.go },
        referralCode: v2.code,
        currency: v2.money.toUpperCase(),
      };
    },
  };

  it('runs a chain of migrations one version at a time', () => {
    const result = runMigrations(V1, CHAIN, 3);
    expect(result.version).toBe(3);
    expect(result.notes).toEqual([]);
    expect(result.value).toMatchObject({ version: 3, marketplace: { name: 'Shop', baseUrl: 'https://shop.example/' }, referralCode: 'ABC', currency: 'EUR' });
    expect(runMigrations({ version: 2, shop: { url: 'https://a.example', name: 'A' }, code: '', money: 'usd' }, CHAIN, 3).value).toMatchObject({
      version: 3,
      marketplace: { baseUrl: 'https://a.example' },
    });
  });

  it('loads settings through a 2-step chain passed in as a parameter', () => {
    const { settings: loaded, notes } = loadSettings(V1, CHAIN, 3);
    expect(notes).toEqual([]);
    expect(loaded).toEqual({
      ...DEFAULT_SETTINGS,
      marketplace: { name: 'Shop', baseUrl: 'https://shop.example', flavour: 'go', paths: FLAVOUR_DEFAULT_PATHS.go },
      referralCode: 'ABC',
      currency: 'EUR',
    });
  });

  it('stops at a missing or failing step with a note, keeping what it can read', () => {
    const missing = loadSettings(V1, { 1: CHAIN[1]! }, 3);
    expect(missing.notes).toEqual(['Your settings could not be upgraded from version 2; settings that could not be read were reset to the defaults.']);
    expect(missing.settings).toEqual(DEFAULT_SETTINGS);
    const throwing = loadSettings({ ...V1, currency: 'CHF' }, { 1: () => { throw new Error('boom'); } }, 3);
    expect(throwing.notes).toEqual(['Your settings could not be upgraded from version 1; settings that could not be read were reset to the defaults.']);
    expect(throwing.settings).toEqual({ ...DEFAULT_SETTINGS, currency: 'CHF' });
    const notObject = runMigrations(V1, { 1: () => 'nope' }, 2);
    expect(notObject.version).toBe(1);
  });
});

describe('tierSchemeOf', () => {
  it('uses the default scheme by default', () => {
    const scheme = tierSchemeOf(settings());
    expect(scheme).toBe(DEFAULT_TIER_SCHEME);
    expect(tierFor(12_000, scheme)?.name).toBe('Hacker Micro Influencers');
  });

  it('builds size classes priced from the default scheme', () => {
    const scheme = tierSchemeOf(settings({ tiers: { kind: 'size-classes' } }));
    expect(scheme.currency).toBe('USD');
    expect(scheme.tiers.map((t) => [t.rank, t.name, t.minFollowers, t.pricePerPost])).toEqual([
      [1, 'Mega', 1_000_000, 32_400],
      [2, 'Macro', 500_000, 25_700],
      [3, 'Midi', 50_000, 8_400],
      [4, 'Micro', 1_000, 150],
      [5, 'Nano', 0, 50],
    ]);
    expect(tierFor(0, scheme)?.name).toBe('Nano');
    expect(tierFor(999, scheme)?.name).toBe('Nano');
    expect(tierFor(1_000, scheme)?.name).toBe('Micro');
    expect(tierFor(100_000, scheme)).toMatchObject({ name: 'Midi', maxFollowers: 500_000 });
    expect(tierFor(700_000, scheme)?.name).toBe('Macro');
    expect(tierFor(3e9, scheme)).toMatchObject({ name: 'Mega', maxFollowers: null });
    // Each class's price is what the default scheme charges somewhere inside the class.
    for (const [count, name] of [[500, 'Nano'], [7_071, 'Micro'], [158_114, 'Midi'], [707_107, 'Macro'], [2_000_000, 'Mega']] as const) {
      expect(tierFor(count, scheme)?.name).toBe(name);
      expect(tierFor(count, scheme)?.pricePerPost).toBe(tierFor(count)?.pricePerPost);
    }
  });

  it('builds custom tiers sorted, ranked from the largest, in the settings currency', () => {
    const scheme = tierSchemeOf(
      settings({
        currency: 'EUR',
        tiers: { kind: 'custom', name: 'Mine', tiers: [tier('Middle', 10_000, 200), tier('Top', 100_000, 900), tier('Start', 1_000, 40)] },
      }),
    );
    expect(scheme).toMatchObject({ id: 'custom', name: 'Mine', currency: 'EUR' });
    expect(scheme.tiers.map((t) => [t.rank, t.name])).toEqual([
      [1, 'Top'],
      [2, 'Middle'],
      [3, 'Start'],
    ]);
    expect(tierFor(999, scheme)).toBeNull();
    expect(tierFor(1_000, scheme)?.name).toBe('Start');
    expect(tierFor(50_000, scheme)).toMatchObject({ name: 'Middle', pricePerPost: 200, maxFollowers: 100_000 });
    expect(tierFor(5e6, scheme)?.name).toBe('Top');
  });

  it('says when custom tiers leave small accounts without a tier', () => {
    expect(tierCoverageNote({ kind: 'custom', name: 'x', tiers: [tier('A', 1_000, 1)] })).toBe('Accounts with fewer than 1K followers get no tier and no price.');
    expect(tierCoverageNote({ kind: 'custom', name: 'x', tiers: [tier('A', 0, 1)] })).toBeNull();
    expect(tierCoverageNote({ kind: 'default' })).toBeNull();
  });
});
