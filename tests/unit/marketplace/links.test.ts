import { describe, expect, it } from 'vitest';
import { isOnMarketplace, listingUrl, marketplaceAddress, newListingUrl, parseListingUrl, searchUrl, signupUrl, slugify, type Marketplace } from '../../../lib/marketplace/links';
import { marketplaceOriginPattern } from '../../../lib/marketplace/card';
import { DEFAULT_SETTINGS, FLAVOUR_DEFAULT_PATHS } from '../../../lib/settings';

const GO: Marketplace = structuredClone(DEFAULT_SETTINGS.marketplace);
const WEB: Marketplace = { name: 'Web', baseUrl: 'https://market.example.com', flavour: 'web-template', paths: { ...FLAVOUR_DEFAULT_PATHS['web-template'] } };
const PREFIXED: Marketplace = { ...GO, baseUrl: 'https://example.com/market' };
const UUID = '5f1e2d3c-4b5a-4697-8899-aabbccddeeff';

const ODD_HANDLES = ['a.b_c', '@x', 'naïve', 'a/b?c#d&e=f', '..', '.', 'two words', ' padded ', '%2e%2e', '../../admin', 'q=1&utm_source=evil', '😀', 'a\\b', 'javascript:alert(1)', '//evil.com'];

describe('searchUrl', () => {
  it('builds the search of each flavour', () => {
    expect(searchUrl(GO, 'kim.cooks')).toBe('https://www.reloquence.com/?q=kim.cooks');
    expect(searchUrl(WEB, 'kim.cooks')).toBe('https://market.example.com/s?keywords=kim.cooks');
    expect(searchUrl(PREFIXED, 'kim')).toBe('https://example.com/market/?q=kim');
  });

  it.each(ODD_HANDLES)('encodes %j as one value that stays on the marketplace', (handle) => {
    for (const m of [GO, WEB, PREFIXED]) {
      const url = new URL(searchUrl(m, handle));
      expect(url.origin).toBe(new URL(m.baseUrl).origin);
      expect(url.hash).toBe('');
      const key = m.flavour === 'go' ? 'q' : 'keywords';
      expect([...url.searchParams.keys()]).toEqual([key]);
      expect(url.searchParams.get(key)).toBe(handle.trim());
      expect(url.pathname).toBe(m === PREFIXED ? '/market/' : m.flavour === 'go' ? '/' : '/s');
    }
  });

  it('encodes spaces and unicode as percent escapes', () => {
    expect(searchUrl(GO, 'naïve cook')).toBe('https://www.reloquence.com/?q=na%C3%AFve%20cook');
    expect(searchUrl(GO, 'a/b?c#d&e=f')).toBe('https://www.reloquence.com/?q=a%2Fb%3Fc%23d%26e%3Df');
  });

  it('takes a search template with the query in the path, refusing . and ..', () => {
    const m: Marketplace = { ...GO, paths: { ...GO.paths, search: '/search/{query}' } };
    expect(searchUrl(m, 'a/b?c')).toBe('https://www.reloquence.com/search/a%2Fb%3Fc');
    expect(() => searchUrl(m, '..')).toThrow(/cannot be used/);
    expect(() => searchUrl(m, '.')).toThrow(/cannot be used/);
    expect(() => searchUrl(m, '')).toThrow(/cannot be used/);
  });
});

describe('listingUrl and parseListingUrl', () => {
  it('builds listing links of both flavours', () => {
    expect(listingUrl(GO, { id: '123-some-title' })).toBe('https://www.reloquence.com/listings/123-some-title');
    expect(listingUrl(WEB, { id: UUID, slug: 'reel-by-kim' })).toBe(`https://market.example.com/l/reel-by-kim/${UUID}`);
    expect(listingUrl(WEB, { id: UUID })).toBe(`https://market.example.com/l/no-slug/${UUID}`);
    expect(listingUrl(PREFIXED, { id: '7' })).toBe('https://example.com/market/listings/7');
  });

  it('round-trips through parseListingUrl', () => {
    const cases: Array<[Marketplace, { id: string; slug: string | null }]> = [
      [GO, { id: '123-some-title', slug: null }],
      [GO, { id: '42', slug: null }],
      [PREFIXED, { id: '9-café', slug: null }],
      [WEB, { id: UUID, slug: 'reel-by-kim' }],
      [WEB, { id: UUID.toUpperCase(), slug: 'naïve-title' }],
    ];
    for (const [m, listing] of cases) expect(parseListingUrl(m, listingUrl(m, listing))).toEqual(listing);
  });

  it('recognises pasted links with a trailing slash, utm tags or a fragment', () => {
    expect(parseListingUrl(GO, ' https://www.reloquence.com/listings/123-some-title/?utm_source=x#reviews ')).toEqual({ id: '123-some-title', slug: null });
    expect(parseListingUrl(WEB, `https://market.example.com/l/my-slug/${UUID}?foo=1`)).toEqual({ id: UUID, slug: 'my-slug' });
  });

  it('reads ids from a template that puts them in the query', () => {
    const m: Marketplace = { ...GO, paths: { ...GO.paths, listing: '/listing?id={id}&view=full' } };
    const url = listingUrl(m, { id: '55-x' });
    expect(url).toBe('https://www.reloquence.com/listing?id=55-x&view=full');
    expect(parseListingUrl(m, url)).toEqual({ id: '55-x', slug: null });
    expect(parseListingUrl(m, 'https://www.reloquence.com/listing?view=full&id=55-x&utm=1')).toEqual({ id: '55-x', slug: null });
    expect(parseListingUrl(m, 'https://www.reloquence.com/listing?id=55-x')).toBeNull();
  });

  it.each([
    ['another site', 'https://evil.com/listings/123-x'],
    ['a look-alike host', 'https://www.reloquence.com.evil.com/listings/123-x'],
    ['http', 'http://www.reloquence.com/listings/123-x'],
    ['credentials', 'https://user:pw@www.reloquence.com/listings/123-x'],
    ['another port', 'https://www.reloquence.com:444/listings/123-x'],
    ['another page', 'https://www.reloquence.com/users/123-x'],
    ['a deeper path', 'https://www.reloquence.com/listings/123-x/edit'],
    ['no id', 'https://www.reloquence.com/listings/'],
    ['an id that is not a Go id', 'https://www.reloquence.com/listings/new'],
    ['bad escapes', 'https://www.reloquence.com/listings/123-%E0%A4%A'],
    ['javascript', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_, url) => {
    expect(parseListingUrl(GO, url)).toBeNull();
  });

  it('refuses web-template links without a UUID and links outside the base path', () => {
    expect(parseListingUrl(WEB, 'https://market.example.com/l/slug/123-some-title')).toBeNull();
    expect(parseListingUrl(WEB, `https://market.example.com/l/${UUID}`)).toBeNull();
    expect(parseListingUrl(PREFIXED, 'https://example.com/listings/7')).toBeNull();
    expect(parseListingUrl(PREFIXED, 'https://example.com/market/listings/7')).toEqual({ id: '7', slug: null });
  });

  it('refuses ids that would not name a listing', () => {
    expect(() => listingUrl(GO, { id: '' })).toThrow(/no id/);
    expect(() => listingUrl(GO, { id: '..' })).toThrow(/cannot be used/);
    expect(listingUrl(GO, { id: 'a/b?c#d' })).toBe('https://www.reloquence.com/listings/a%2Fb%3Fc%23d');
    expect(() => listingUrl(WEB, { id: UUID, slug: '..' })).toThrow(/cannot be used/);
  });
});

describe('newListingUrl and signupUrl', () => {
  it('builds the new-listing page', () => {
    expect(newListingUrl(GO)).toBe('https://www.reloquence.com/listings/new');
    expect(newListingUrl(WEB)).toBe('https://market.example.com/l/new');
    expect(newListingUrl(PREFIXED)).toBe('https://example.com/market/listings/new');
  });

  it('puts the referral code and campaign tag in the query', () => {
    expect(signupUrl(GO, 'KIM-1')).toBe('https://www.reloquence.com/signup?code=KIM-1');
    expect(signupUrl(WEB, 'KIM_1')).toBe('https://market.example.com/signup?referral=KIM_1');
    expect(signupUrl(GO, 'KIM', 'Summer sale & more')).toBe('https://www.reloquence.com/signup?code=KIM&utm_campaign=Summer%20sale%20%26%20more');
    expect(signupUrl(GO, 'KIM', '  ')).toBe('https://www.reloquence.com/signup?code=KIM');
    expect(signupUrl(GO, 'KIM', null)).toBe('https://www.reloquence.com/signup?code=KIM');
  });

  it('leaves the code out when there is none', () => {
    expect(signupUrl(GO, '')).toBe('https://www.reloquence.com/signup');
    expect(signupUrl(GO, '', 'spring')).toBe('https://www.reloquence.com/signup?utm_campaign=spring');
    const kept: Marketplace = { ...GO, paths: { ...GO.paths, signup: '/join?src=lens&code={code}' } };
    expect(signupUrl(kept, '')).toBe('https://www.reloquence.com/join?src=lens');
    expect(signupUrl(kept, '', 'x')).toBe('https://www.reloquence.com/join?src=lens&utm_campaign=x');
    const inPath: Marketplace = { ...GO, paths: { ...GO.paths, signup: '/invite/{code}' } };
    expect(signupUrl(inPath, 'ABC')).toBe('https://www.reloquence.com/invite/ABC');
    expect(signupUrl(inPath, '')).toBe('https://www.reloquence.com/');
    expect(signupUrl(inPath, 'ABC', 'c')).toBe('https://www.reloquence.com/invite/ABC?utm_campaign=c');
  });

  it('refuses codes that could change the link and campaign tags that are too long', () => {
    expect(() => signupUrl(GO, 'a&admin=1')).toThrow(/referral code/);
    expect(() => signupUrl(GO, '../x')).toThrow(/referral code/);
    expect(() => signupUrl(GO, 'A', 'x'.repeat(101))).toThrow(/at most 100/);
  });
});

describe('hostile marketplace settings', () => {
  const hostile = [
    'http://www.reloquence.com',
    'javascript:alert(1)',
    'data:text/html,hi',
    'https://user:pw@x.com',
    'https://x.com?x=1',
    '',
    `https://x.com/${'a'.repeat(2000)}`,
    'https://evil.com\\@good.com',
    'https://*.com',
    'https://*.reloquence.com',
    'https://www.reloquence\u3002com',
    'https://1.2.3.4',
    'https://localhost',
  ];

  it.each(hostile.map((h) => [h.length > 60 ? `${h.slice(0, 30)}…` : h, h]))('refuses to build links on %j', (_, baseUrl) => {
    const m: Marketplace = { ...GO, baseUrl };
    expect(() => searchUrl(m, 'kim')).toThrow(/marketplace address/);
    expect(() => listingUrl(m, { id: '1' })).toThrow(/marketplace address/);
    expect(() => newListingUrl(m)).toThrow(/marketplace address/);
    expect(() => signupUrl(m, 'A')).toThrow(/marketplace address/);
    expect(parseListingUrl(m, 'https://x.com/listings/1')).toBeNull();
  });

  it('refuses path templates that would leave the marketplace', () => {
    for (const search of ['//evil.com/?q={query}', '/\\evil.com?q={query}', 'https://evil.com/?q={query}', '/../?q={query}', '/s?q={query}#x']) {
      const m: Marketplace = { ...GO, paths: { ...GO.paths, search } };
      expect(() => searchUrl(m, 'kim')).toThrow(/search path/);
    }
  });

  it('never throws from parseListingUrl on odd input', () => {
    expect(parseListingUrl(GO, undefined as unknown as string)).toBeNull();
    expect(parseListingUrl({} as Marketplace, 'https://www.reloquence.com/listings/1')).toBeNull();
    expect(parseListingUrl(GO, `https://www.reloquence.com/listings/${'1'.repeat(5000)}`)).toBeNull();
  });
});

describe('isOnMarketplace and the host permission', () => {
  it('accepts https links on the marketplace origin, under its path prefix', () => {
    expect(isOnMarketplace(GO, 'https://www.reloquence.com/listings/1-kim')).toBe(true);
    expect(isOnMarketplace(PREFIXED, 'https://example.com/market/listings/1')).toBe(true);
    expect(isOnMarketplace(PREFIXED, 'https://example.com/other/listings/1')).toBe(false);
  });

  it.each([
    'https://evil.example/listings/1',
    'https://www.reloquence.com.evil.example/listings/1',
    'https://evil.example/https://www.reloquence.com/listings/1',
    'http://www.reloquence.com/listings/1',
    'https://user@www.reloquence.com/listings/1',
    'https://www.reloquence.com:8443/listings/1',
    'javascript:alert(1)',
    'https://www.reloquence.com/ listings',
    '',
  ])('refuses %j', (url) => {
    expect(isOnMarketplace(GO, url)).toBe(false);
  });

  it('is false for every link when the marketplace address is unusable', () => {
    expect(isOnMarketplace({ ...GO, baseUrl: 'https://*.com' }, 'https://www.reloquence.com/listings/1')).toBe(false);
    expect(marketplaceAddress({ ...GO, baseUrl: 'https://*.com' })).toBeNull();
    expect(marketplaceAddress({ ...GO, baseUrl: 'https://bücher.example/m/' })).toBe('https://xn--bcher-kva.example/m');
  });

  it('asks a host permission for one real host only', () => {
    const settings = (baseUrl: string) => ({ ...DEFAULT_SETTINGS, marketplace: { ...GO, baseUrl } });
    expect(marketplaceOriginPattern(settings('https://www.reloquence.com'))).toBe('https://www.reloquence.com/*');
    expect(marketplaceOriginPattern(settings('https://example.com/market'))).toBe('https://example.com/*');
    expect(marketplaceOriginPattern(settings('https://bücher.example'))).toBe('https://xn--bcher-kva.example/*');
    for (const bad of ['https://*.com', 'https://exa\u3002mple.com', 'https://\uff45xample.com', 'https://1.2.3.4', 'https://localhost', 'http://x.com', 'https://a.com.']) {
      expect(marketplaceOriginPattern(settings(bad)), bad).toBeNull();
    }
  });
});

describe('slugify', () => {
  it.each([
    ['Instagram reel by @kim · 12.3K followers', 'instagram-reel-by-kim-12-3k-followers'],
    ['Café Crème', 'cafe-creme'],
    ['Straße Øre Łódź', 'strasse-ore-lodz'],
    ['  --Hello,   World!-- ', 'hello-world'],
    ['日本語', 'no-slug'],
    ['', 'no-slug'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('keeps slugs at most 80 characters, cut at a dash', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)*$/);
    expect(slugify('x'.repeat(200))).toHaveLength(80);
  });
});
