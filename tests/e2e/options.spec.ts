import type { Page, Worker } from '@playwright/test';
import { DEFAULT_SETTINGS, FLAVOUR_DEFAULT_PATHS, SETTINGS_VERSION, type Settings } from '../../lib/settings';
import { expect, screenshot, test } from './fixtures';

async function stored(serviceWorker: Worker): Promise<unknown> {
  return serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
}

async function openOptions(page: Page, extensionId: string): Promise<void> {
  // Nothing here may ask through a browser dialog (window.confirm and the like).
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('options-save')).toBeVisible();
}

const address = (page: Page) => page.getByLabel('Address', { exact: true });
const tierField = (page: Page, n: number, field: string) => page.getByLabel(`Tier ${n} ${field}`, { exact: true });

const SAVED: Settings = {
  version: SETTINGS_VERSION,
  marketplace: { name: 'Cosy Market', baseUrl: 'https://market.example.com', flavour: 'web-template', paths: FLAVOUR_DEFAULT_PATHS['web-template'] },
  referralCode: 'COSY-2025',
  currency: 'EUR',
  tiers: {
    kind: 'custom',
    name: 'Cosy tiers',
    // Stored as they are numbered: Tier 1 is the largest audience, as in the default tiers and on the card.
    tiers: [
      { name: 'Star', minFollowers: 100_000, pricePerPost: 1_500, benefits: ['Feed post'], expectations: { postsPerMonth: 2, minEr: 3 } },
      { name: 'Growing', minFollowers: 10_000, pricePerPost: 250, benefits: ['Story mention', 'Link in bio'], expectations: { postsPerMonth: 4, minEr: 2.5 } },
      { name: 'Starter', minFollowers: 0, pricePerPost: 100, benefits: [], expectations: { postsPerMonth: null, minEr: null } },
    ],
  },
  erBasis: 'views',
  myProfile: null,
  competitors: [],
};

test('the options page saves the marketplace, referral code, custom tiers and ER basis, and reads them back', async ({ context, serviceWorker, extensionId, strayRequests }) => {
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await expect(page).toHaveTitle('Reloquence Lens — Settings');
  // First run: the defaults, nothing stored yet.
  expect(await stored(serviceWorker)).toBeUndefined();
  await expect(address(page)).toHaveValue(DEFAULT_SETTINGS.marketplace.baseUrl);
  await expect(page.getByTestId('default-tiers').locator('tbody tr')).toHaveCount(8);
  // One numbering: Tier 1 is the largest audience.
  await expect(page.getByTestId('default-tiers').locator('tbody tr').first()).toContainText('Tier 1 (largest audience)Icons');
  await expect(page.getByTestId('default-tiers').locator('tbody tr').last()).toContainText('Tier 8 (smallest audience)Newbie Micro Influencers');
  await page.getByTestId('section-tiers').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'options-default-tiers');
  await page.getByRole('radio', { name: /Size classes/ }).check();
  await expect(page.getByTestId('size-class-tiers').locator('tbody tr')).toHaveCount(5);
  await page.getByRole('radio', { name: /Default tiers/ }).check();
  await expect(page.getByTestId('my-profile')).toHaveText('Not set — open your own profile and click “This is me” on the card.');

  // Marketplace: the web template's paths follow the flavour, the preview follows both.
  await page.getByLabel('Name', { exact: true }).fill('Cosy Market');
  await address(page).fill('https://market.example.com');
  await page.getByRole('radio', { name: /Sharetribe web template/ }).check();
  await expect(page.getByLabel('Listing page', { exact: true })).toHaveValue('/l/{slug}/{id}');
  await expect(page.getByLabel('New listing page', { exact: true })).toHaveValue('/l/new');
  await expect(page.getByTestId('preview-search')).toHaveText('https://market.example.com/s?keywords=cosy.crafts');
  await expect(page.getByTestId('preview-listing')).toHaveText(/^https:\/\/market\.example\.com\/l\/cosy-crafts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('use-flavour-paths')).toHaveCount(0);

  await page.getByLabel('Referral code', { exact: true }).fill('COSY-2025');
  await expect(page.getByTestId('preview-invite')).toHaveText('https://market.example.com/signup?referral=COSY-2025');
  await page.getByLabel('Currency code').fill('eur');
  await expect(page.getByLabel('Currency code')).toHaveValue('EUR');

  // Custom tiers: three rows, numbers typed as people type them.
  await page.getByRole('radio', { name: /Custom tiers/ }).check();
  await expect(page.getByTestId('custom-tier')).toHaveCount(1);
  await page.getByLabel('Name of your tiers').fill('Cosy tiers');
  await tierField(page, 1, 'name').fill('Starter');
  await tierField(page, 1, 'minimum followers').fill('0');
  await tierField(page, 1, 'price per post').fill('100');
  await page.getByTestId('add-tier').click();
  await tierField(page, 2, 'name').fill('Growing');
  await tierField(page, 2, 'minimum followers').fill('10k');
  await tierField(page, 2, 'price per post').fill('250');
  await tierField(page, 2, 'benefits (one per line)').fill('Story mention\n\nLink in bio\n');
  await tierField(page, 2, 'posts per month').fill('4');
  await tierField(page, 2, 'minimum ER %').fill('2,5');
  await page.getByTestId('add-tier').click();
  await tierField(page, 3, 'name').fill('Star');
  await tierField(page, 3, 'minimum followers').fill('100,000');
  await tierField(page, 3, 'price per post').fill('1.5K');
  await tierField(page, 3, 'benefits (one per line)').fill('Feed post');
  await tierField(page, 3, 'posts per month').fill('2');
  await tierField(page, 3, 'minimum ER %').fill('3 %');
  await expect(page.getByTestId('custom-tier')).toHaveCount(3);
  await expect(page.getByTestId('tier-coverage')).toHaveCount(0);
  await expect(page.getByTestId('tier-order-hint')).toContainText('Tier 1 is the largest audience');

  await page.getByRole('radio', { name: /^Views/ }).check();
  await expect(page.getByTestId('options-unsaved')).toBeVisible();
  await page.getByTestId('options-save').click();
  await expect(page.getByTestId('options-saved')).toHaveText(/^Saved ✓ \S/);
  await expect(page.getByTestId('options-error-summary')).toHaveCount(0);
  expect(await stored(serviceWorker)).toEqual(SAVED);
  // Typed smallest first, shown as saved and numbered: Tier 1 is the largest audience, as on the card.
  await expect(page.getByTestId('custom-tier-number')).toHaveText(['1largest audience', '2', '3smallest audience']);
  await expect(tierField(page, 1, 'name')).toHaveValue('Star');
  await expect(tierField(page, 2, 'minimum followers')).toHaveValue('10000');
  await expect(tierField(page, 1, 'price per post')).toHaveValue('1500');
  await expect(tierField(page, 3, 'name')).toHaveValue('Starter');
  // What the user sees (the save bar stays at the bottom of the window): the top, then the tiers.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'options-saved-top');
  await page.getByTestId('section-tiers').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'options-saved');

  await page.reload();
  await expect(address(page)).toHaveValue('https://market.example.com');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Cosy Market');
  await expect(page.getByRole('radio', { name: /Sharetribe web template/ })).toBeChecked();
  await expect(page.getByLabel('Sign-up page', { exact: true })).toHaveValue('/signup?referral={code}');
  await expect(page.getByLabel('Referral code', { exact: true })).toHaveValue('COSY-2025');
  await expect(page.getByLabel('Currency code')).toHaveValue('EUR');
  await expect(page.getByRole('radio', { name: /Custom tiers/ })).toBeChecked();
  await expect(page.getByTestId('custom-tier')).toHaveCount(3);
  await expect(tierField(page, 1, 'name')).toHaveValue('Star');
  await expect(tierField(page, 2, 'benefits (one per line)')).toHaveValue('Story mention\nLink in bio');
  await expect(tierField(page, 2, 'minimum ER %')).toHaveValue('2.5');
  await expect(tierField(page, 1, 'minimum followers')).toHaveValue('100000');
  await expect(page.getByRole('radio', { name: /^Views/ })).toBeChecked();
  await expect(page.getByTestId('options-notes')).toHaveCount(0);

  // A narrow window: the tier table scrolls inside its box, nothing spills out of the page.
  await page.setViewportSize({ width: 560, height: 860 });
  await page.getByTestId('custom-tier').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'options-narrow');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(560);
  expect(strayRequests).toEqual([]);
});

test('hostile addresses and unreadable numbers are refused beside the field, and nothing is stored', async ({ context, serviceWorker, extensionId }) => {
  await serviceWorker.evaluate(async (settings) => chrome.storage.local.set({ settings }), SAVED);
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await expect(address(page)).toHaveValue('https://market.example.com');

  for (const hostile of ['javascript:alert(1)', 'http://market.example.com']) {
    await address(page).fill(hostile);
    await expect(page.getByTestId('preview-listing')).toHaveText('—');
    await page.getByTestId('options-save').click();
    const error = page.getByTestId('error-marketplace.baseUrl');
    await expect(error).toHaveText('The address must start with https://.');
    await expect(address(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(address(page)).toHaveAttribute('aria-describedby', new RegExp(`\\b${await error.getAttribute('id')}\\b`));
    await expect(page.getByTestId('options-error-summary')).toContainText('Marketplace address');
    await expect(page.getByTestId('options-saved')).toHaveCount(0);
    expect(await stored(serviceWorker)).toEqual(SAVED);
  }
  // The summary took the focus, so the window shows it and the address with its message.
  await expect(page.getByTestId('options-error-summary')).toBeFocused();
  await screenshot(page, 'options-errors');

  // The summary's link takes the user to the field.
  await page.getByTestId('options-error-summary').getByRole('button', { name: 'Marketplace address' }).click();
  await expect(address(page)).toBeFocused();

  await page.reload();
  await expect(address(page)).toHaveValue('https://market.example.com');

  // A blank price, and a word for a follower count: messages, never NaN.
  await tierField(page, 2, 'price per post').fill('');
  await tierField(page, 3, 'minimum followers').fill('lots');
  await tierField(page, 3, 'minimum ER %').fill('150');
  await page.getByTestId('options-save').click();
  await expect(page.getByTestId('error-tiers.tiers.1.pricePerPost')).toHaveText('Enter a price.');
  await expect(page.getByTestId('error-tiers.tiers.2.minFollowers')).toHaveText('Enter a whole number of followers, e.g. 12000 or 12K.');
  await expect(page.getByTestId('error-tiers.tiers.2.expectations.minEr')).toHaveText('Enter a rate from 0 to 100 %, or leave it empty.');
  await expect(page.getByTestId('options-error-summary')).toContainText('Tier 2 price per post');
  await expect(page.locator('body')).not.toContainText('NaN');
  expect(await stored(serviceWorker)).toEqual(SAVED);
  await expect(tierField(page, 2, 'price per post')).toHaveAttribute('aria-describedby', /error/);
  await page.getByTestId('custom-tier').nth(1).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'options-tier-errors');

  // Fixed, it saves.
  await tierField(page, 2, 'price per post').fill('300');
  await tierField(page, 3, 'minimum followers').fill('0');
  await tierField(page, 3, 'minimum ER %').fill('');
  await page.getByTestId('options-save').click();
  await expect(page.getByTestId('options-saved')).toBeVisible();
  const after = (await stored(serviceWorker)) as Settings;
  expect(after.tiers.kind === 'custom' && after.tiers.tiers.map((t) => [t.pricePerPost, t.minFollowers, t.expectations.minEr])).toEqual([
    [1_500, 100_000, 3],
    [300, 10_000, 2.5],
    [100, 0, null],
  ]);

  // A new tier typed at the end with the largest audience becomes Tier 1 when saved, and says so.
  await page.getByTestId('add-tier').click();
  await tierField(page, 4, 'name').fill('Legend');
  await tierField(page, 4, 'minimum followers').fill('1M');
  await tierField(page, 4, 'price per post').fill('9000');
  await page.getByTestId('options-save').click();
  await expect(page.getByTestId('options-saved')).toBeVisible();
  await expect(tierField(page, 1, 'name')).toHaveValue('Legend');
  await expect(page.getByTestId('custom-tier-number').first()).toHaveText('1largest audience');
});

test('custom tiers saved by the first version, smallest first, keep their meaning and read Tier 1 = the top', async ({ context, serviceWorker, extensionId }) => {
  // Version 1 kept the order typed: the settings said "Tier 1 Seed", the card "Tier 3 Seed".
  const v1 = {
    ...SAVED,
    version: 1,
    tiers: {
      kind: 'custom',
      name: 'Garden',
      tiers: [
        { name: 'Seed', minFollowers: 0, pricePerPost: 50, benefits: ['Shout-out'], expectations: { postsPerMonth: null, minEr: null } },
        { name: 'Sprout', minFollowers: 10_000, pricePerPost: 200, benefits: [], expectations: { postsPerMonth: 2, minEr: null } },
        { name: 'Tree', minFollowers: 100_000, pricePerPost: 900, benefits: [], expectations: { postsPerMonth: null, minEr: 2 } },
      ],
    },
  };
  await serviceWorker.evaluate(async (settings) => chrome.storage.local.set({ settings }), v1);
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await expect(page.getByTestId('options-notes')).toHaveCount(0);
  await expect(tierField(page, 1, 'name')).toHaveValue('Tree');
  await expect(tierField(page, 3, 'name')).toHaveValue('Seed');
  await expect(tierField(page, 3, 'benefits (one per line)')).toHaveValue('Shout-out');
  await expect(tierField(page, 3, 'price per post')).toHaveValue('50');
  await page.getByTestId('section-tiers').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'options-migrated-tiers');
});

test('changes made elsewhere show up, or wait behind a notice while there are unsaved edits; reset asks twice', async ({ context, serviceWorker, extensionId }) => {
  // Something unreadable stored: the page says what was reset.
  await serviceWorker.evaluate(async () => chrome.storage.local.set({ settings: { version: 1, marketplace: { baseUrl: 'javascript:alert(1)' }, referralCode: 'OK_1' } }));
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await expect(page.getByTestId('options-notes')).toContainText('Your marketplace (name, address and paths) could not be read and was reset to the default.');
  await expect(address(page)).toHaveValue(DEFAULT_SETTINGS.marketplace.baseUrl);
  await expect(page.getByLabel('Referral code', { exact: true })).toHaveValue('OK_1');

  // Edited paths stay when the flavour changes; a button brings the flavour's own.
  await page.getByLabel('Search', { exact: true }).fill('/search?q={query}');
  await page.getByRole('radio', { name: /Sharetribe web template/ }).check();
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue('/search?q={query}');
  await expect(page.getByLabel('Listing page', { exact: true })).toHaveValue('/listings/{id}');
  await page.getByTestId('use-flavour-paths').click();
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue('/s?keywords={query}');
  await expect(page.getByLabel('Listing page', { exact: true })).toHaveValue('/l/{slug}/{id}');
  await expect(page.getByTestId('use-flavour-paths')).toHaveCount(0);
  await page.getByRole('radio', { name: /Sharetribe Go/ }).check();
  await expect(page.getByLabel('Listing page', { exact: true })).toHaveValue('/listings/{id}');
  await page.getByTestId('options-reset').click();
  await page.getByTestId('options-reset-confirm').click();
  await expect(page.getByTestId('options-saved')).toBeVisible();
  await expect(page.getByTestId('options-notes')).toHaveCount(0);

  const me = { ...structuredClone(DEFAULT_SETTINGS), myProfile: { platform: 'instagram', handle: 'cosy.crafts' } };

  // No unsaved edits: "This is me" from a card shows at once.
  await serviceWorker.evaluate(async (settings) => chrome.storage.local.set({ settings }), me);
  await expect(page.getByTestId('my-profile')).toHaveText('@cosy.crafts on Instagram');

  // Unsaved edits: a notice, and the edits stay until the user reloads.
  await page.getByLabel('Referral code', { exact: true }).fill('MINE');
  await serviceWorker.evaluate(async (settings) => chrome.storage.local.set({ settings }), { ...me, referralCode: 'OTHER' });
  await expect(page.getByTestId('options-elsewhere')).toContainText('Changed in another window');
  await expect(page.getByLabel('Referral code', { exact: true })).toHaveValue('MINE');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'options-elsewhere');
  await page.getByTestId('options-reload').click();
  await expect(page.getByLabel('Referral code', { exact: true })).toHaveValue('OTHER');
  await expect(page.getByTestId('options-elsewhere')).toHaveCount(0);

  // Forget the profile.
  await page.getByTestId('forget-profile').click();
  await page.getByTestId('options-save').click();
  await expect(page.getByTestId('options-saved')).toBeVisible();
  await expect(page.getByTestId('my-profile')).toContainText('Not set');
  expect(((await stored(serviceWorker)) as Settings).myProfile).toBeNull();

  // Reset: the first click only asks.
  await page.getByTestId('options-reset').click();
  expect(((await stored(serviceWorker)) as Settings).referralCode).toBe('OTHER');
  await page.getByTestId('options-reset-confirm').click();
  await expect(page.getByLabel('Referral code', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('options-saved')).toBeVisible();
  expect(await stored(serviceWorker)).toEqual(DEFAULT_SETTINGS);
});
