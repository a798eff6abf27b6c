import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

/** A stand-in for browser.storage: one area, failures on demand, change events like the browser's. */
const fake = vi.hoisted(() => {
  const state = {
    data: new Map<string, unknown>(),
    failGet: false,
    failSet: false,
    sets: 0,
    listeners: new Set<Listener>(),
  };
  const storage = {
    local: {
      async get(key: string) {
        if (state.failGet) throw new Error('storage is gone');
        return state.data.has(key) ? { [key]: structuredClone(state.data.get(key)) } : {};
      },
      async set(items: Record<string, unknown>) {
        if (state.failSet) throw new Error('QUOTA_BYTES quota exceeded');
        state.sets += 1;
        for (const [key, value] of Object.entries(items)) {
          const oldValue = state.data.get(key);
          state.data.set(key, structuredClone(value));
          for (const l of state.listeners) l({ [key]: { oldValue, newValue: structuredClone(value) } }, 'local');
        }
      },
    },
    onChanged: {
      addListener: (l: Listener) => state.listeners.add(l),
      removeListener: (l: Listener) => state.listeners.delete(l),
    },
  };
  return { state, browser: { storage } };
});

vi.mock('wxt/browser', () => ({ browser: fake.browser }));

import { readSettings, updateSettings, watchSettings, writeSettings } from '../../utils/settings-store';
import { SETTINGS_KEY } from '../../utils/storage-keys';

function settings(partial: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...partial };
}

const MARKET: Settings['marketplace'] = {
  name: 'Market',
  baseUrl: 'https://market.example.com',
  flavour: 'web-template',
  paths: { newListing: '/l/new', listing: '/l/{slug}/{id}', search: '/s?keywords={query}', signup: '/signup?referral={code}' },
};

beforeEach(() => {
  fake.state.data.clear();
  fake.state.failGet = false;
  fake.state.failSet = false;
  fake.state.sets = 0;
  fake.state.listeners.clear();
});

describe('readSettings', () => {
  it('gives the defaults without a note on first run', async () => {
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, notes: [] });
  });

  it('reads garbage as the defaults, with a note, and never throws', async () => {
    for (const garbage of ['hello', 42, [1, 2], true]) {
      fake.state.data.set(SETTINGS_KEY, garbage);
      const read = await readSettings();
      expect(read.settings).toEqual(DEFAULT_SETTINGS);
      expect(read.notes.length).toBeGreaterThan(0);
    }
  });

  it('resets only the fields that cannot be read', async () => {
    fake.state.data.set(SETTINGS_KEY, { version: 1, marketplace: { ...MARKET, baseUrl: 'javascript:alert(1)' }, referralCode: 'COSY-2025', erBasis: 'views' });
    const read = await readSettings();
    expect(read.settings.marketplace).toEqual(DEFAULT_SETTINGS.marketplace);
    expect(read.settings.referralCode).toBe('COSY-2025');
    expect(read.settings.erBasis).toBe('views');
    expect(read.notes).toEqual([expect.stringContaining('marketplace')]);
  });

  it('gives the defaults and a note when storage fails', async () => {
    fake.state.failGet = true;
    const read = await readSettings();
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.notes).toEqual([expect.stringContaining('could not be read')]);
  });
});

describe('writeSettings', () => {
  it('stores checked, normalised settings', async () => {
    const result = await writeSettings(settings({ marketplace: { ...MARKET, baseUrl: ' https://Market.Example.com/ ' }, currency: 'eur' }));
    expect(result.ok).toBe(true);
    const stored = fake.state.data.get(SETTINGS_KEY) as Settings;
    expect(stored.marketplace.baseUrl).toBe('https://market.example.com');
    expect(stored.currency).toBe('EUR');
    expect(result).toEqual({ ok: true, settings: stored });
  });

  it('refuses bad input with a message per field and writes nothing', async () => {
    await writeSettings(settings({ marketplace: MARKET }));
    const before = structuredClone(fake.state.data.get(SETTINGS_KEY));
    const sets = fake.state.sets;
    for (const baseUrl of ['javascript:alert(1)', 'http://market.example.com']) {
      const result = await writeSettings(settings({ marketplace: { ...MARKET, baseUrl } }));
      expect(result.ok).toBe(false);
      expect(result).toHaveProperty(['errors', 'marketplace.baseUrl'], expect.stringContaining('https://'));
    }
    const tiers = { kind: 'custom' as const, name: 'Mine', tiers: [{ name: 'A', minFollowers: 0, pricePerPost: Number.NaN, benefits: [], expectations: { postsPerMonth: null, minEr: null } }] };
    expect(await writeSettings(settings({ tiers }))).toHaveProperty(['errors', 'tiers.tiers.0.pricePerPost']);
    expect(await writeSettings('nonsense')).toEqual({ ok: false, errors: { '': expect.any(String) } });
    expect(fake.state.sets).toBe(sets);
    expect(fake.state.data.get(SETTINGS_KEY)).toEqual(before);
  });

  it('reports a storage failure as a message', async () => {
    fake.state.failSet = true;
    const result = await writeSettings(settings());
    expect(result).toEqual({ ok: false, message: expect.stringContaining('could not be saved') });
  });
});

describe('updateSettings', () => {
  it('reads, changes and writes', async () => {
    await writeSettings(settings({ referralCode: 'KEEP' }));
    const result = await updateSettings((s) => ({ ...s, myProfile: { platform: 'instagram', handle: '@cosy.crafts' } }));
    expect(result.ok).toBe(true);
    const stored = fake.state.data.get(SETTINGS_KEY) as Settings;
    expect(stored.referralCode).toBe('KEEP');
    expect(stored.myProfile).toEqual({ platform: 'instagram', handle: 'cosy.crafts' });
  });

  it('runs updates one after another, so none is lost', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, referralCode: 'A1' })),
      updateSettings((s) => ({ ...s, currency: 'EUR' })),
      updateSettings((s) => ({ ...s, erBasis: 'reach' })),
    ]);
    const stored = fake.state.data.get(SETTINGS_KEY) as Settings;
    expect([stored.referralCode, stored.currency, stored.erBasis]).toEqual(['A1', 'EUR', 'reach']);
  });

  it('writes nothing when storage cannot be read, or the change is refused', async () => {
    await writeSettings(settings({ referralCode: 'KEEP' }));
    const sets = fake.state.sets;
    fake.state.failGet = true;
    expect(await updateSettings((s) => ({ ...s, currency: 'EUR' }))).toEqual({ ok: false, message: expect.any(String) });
    fake.state.failGet = false;
    expect(await updateSettings((s) => ({ ...s, currency: 'euro' }))).toHaveProperty(['errors', 'currency']);
    expect(
      await updateSettings(() => {
        throw new Error('boom');
      }),
    ).toEqual({ ok: false, message: expect.any(String) });
    expect(fake.state.sets).toBe(sets);
    expect((fake.state.data.get(SETTINGS_KEY) as Settings).currency).toBe('USD');
  });
});

describe('watchSettings', () => {
  it('reports changes of the settings key, parsed, until stopped', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await writeSettings(settings({ referralCode: 'ONE' }));
    for (const l of fake.state.listeners) l({ other: { newValue: 1 } }, 'local');
    for (const l of fake.state.listeners) l({ [SETTINGS_KEY]: { newValue: 'garbage' } }, 'sync');
    for (const l of fake.state.listeners) l({ [SETTINGS_KEY]: { newValue: 'garbage' } }, 'local');
    stop();
    await writeSettings(settings({ referralCode: 'TWO' }));
    expect(seen.map((s) => s.referralCode)).toEqual(['ONE', '']);
    expect(seen[1]).toEqual(DEFAULT_SETTINGS);
  });
});
