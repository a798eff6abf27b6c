import type { BrowserContext, Page, Worker } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, overlay, pct, screenshot, SCREENSHOT_DIR, tabIdOf, test } from './fixtures';
import { COSY } from './pages/instagram';
import { GO_ORIGIN, LISTINGS, readForm, WEB_TEMPLATE_ORIGIN } from './pages/marketplace';
import { DEFAULT_SETTINGS, FLAVOUR_DEFAULT_PATHS, type Settings } from '../../lib/settings';
import { roundMoney } from '../../lib/metrics/pricing';

const IG = 'https://www.instagram.com';

// The marketplace origins are optional host permissions; here they are already held, so the
// permission request resolves without the browser's prompt (see fixtures.ts).
test.use({ grantedOrigins: [`${GO_ORIGIN}/*`, `${WEB_TEMPLATE_ORIGIN}/*`] });

const GO: Settings = {
  ...DEFAULT_SETTINGS,
  marketplace: { name: 'Go Market', baseUrl: GO_ORIGIN, flavour: 'go', paths: FLAVOUR_DEFAULT_PATHS.go },
  referralCode: 'COSY-2025',
};
const WEB_TEMPLATE: Settings = {
  ...DEFAULT_SETTINGS,
  marketplace: { name: 'Creator Market', baseUrl: WEB_TEMPLATE_ORIGIN, flavour: 'web-template', paths: FLAVOUR_DEFAULT_PATHS['web-template'] },
  referralCode: 'COSY-2025',
};

async function useSettings(serviceWorker: Worker, settings: Settings): Promise<void> {
  await serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
}

/** The tier's list price the card shows ("~$150/post"): the price an Instagram post is listed at. */
async function cardPrice(page: Page): Promise<string> {
  const tier = await (await overlay(page)).getByTestId('tier').textContent();
  const price = /~\$([\d,]+)\/post/.exec(tier ?? '')?.[1];
  if (!price) throw new Error(`No price on the card: "${tier}"`);
  return price.replace(/,/g, '');
}

/** Click Create listing for a service on the overlay; the new-listing tab the extension opens. */
async function createListing(context: BrowserContext, page: Page, service: string): Promise<Page> {
  const card = await overlay(page);
  // On another creator's card, Create listing sits with "Link or create a listing…".
  await card.getByTestId('link-listing').click();
  await card.getByTestId('create-service').selectOption(service);
  const [opened] = await Promise.all([context.waitForEvent('page'), card.getByTestId('create-listing').click()]);
  return opened;
}

test('Create listing on a Sharetribe Go marketplace opens its new-listing page with the draft filled in', async ({ context, serviceWorker, strayRequests }) => {
  await useSettings(serviceWorker, GO);
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  await expect((await overlay(page)).getByTestId('find-listing')).toHaveAttribute('href', `${GO_ORIGIN}/?q=${COSY.handle}`);
  const price = await cardPrice(page);
  const market = await createListing(context, page, 'instagram-post');
  await market.waitForURL(`${GO_ORIGIN}/listings/new`);

  await expect.poll(async () => (await readForm(market)).title).toContain(`@${COSY.handle}`);
  const form = await readForm(market);
  expect(form.title).toMatch(/^Instagram post by @cosy\.kitchen\.lab/);
  expect(form.description).toContain(`https://www.instagram.com/${COSY.handle}/`);
  expect(form.description).toContain('12,480 followers');
  expect(form.description).toMatch(/engagement/i);
  expect(form.description).toContain('Niche (from the bio): Weeknight recipes for small kitchens');
  expect(form.price).toBe(price);
  expect(form.images).toEqual([`${COSY.handle}-stats.png`]);
  expect(form.submitted).toBe(false);

  const state = (await overlay(page)).getByTestId('create-state');
  await expect(state).toContainText('Opened the new-listing page of Go Market');
  await expect(state).toContainText('submit it yourself');
  await screenshot(market, 'marketplace-go-filled');
  await screenshot(await overlay(page), 'marketplace-overlay-created');
  expect(strayRequests).toEqual([]);
});

test('Create listing on a web-template marketplace fills each wizard step as it appears, and never submits', async ({ context, serviceWorker, strayRequests }) => {
  await useSettings(serviceWorker, WEB_TEMPLATE);
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  const price = await cardPrice(page);
  const market = await createListing(context, page, 'instagram-story');
  await market.waitForURL(`${WEB_TEMPLATE_ORIGIN}/l/new`);

  // Details: in the wizard's own state (what its React form would submit), not only the fields.
  await expect.poll(async () => (await readForm(market)).description).toContain('12,480 followers');
  expect((await readForm(market)).title).toMatch(/^Instagram story by @cosy\.kitchen\.lab/);
  await screenshot(market, 'marketplace-web-template-details');

  await market.getByRole('button', { name: 'Pricing' }).click();
  // A story is listed at half a post's price (lib/marketplace/services.ts), in money steps.
  await expect.poll(async () => (await readForm(market)).price).toBe(String(roundMoney(Number(price) / 2)));
  await market.getByRole('button', { name: 'Photos' }).click();
  await expect.poll(async () => (await readForm(market)).images).toEqual([`${COSY.handle}-stats.png`]);

  const form = await readForm(market);
  expect(form.submitted).toBe(false);
  expect(form.title).toMatch(/^Instagram story/);
  await screenshot(market, 'marketplace-web-template-photos');
  expect(strayRequests).toEqual([]);
});

test('Invite copies a personal message with the referral link, records it, and opening the linked listing marks it listed', async ({
  context,
  serviceWorker,
  extensionId,
  strayRequests,
}) => {
  await useSettings(serviceWorker, WEB_TEMPLATE);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: IG });
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  const card = await overlay(page);
  await card.getByTestId('invite-button').click();
  await expect(card.getByTestId('invite-state')).toContainText('copied with your referral link');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Cosy Kitchen Lab');
  expect(copied).toContain(`${WEB_TEMPLATE_ORIGIN}/signup?referral=COSY-2025`);
  expect(copied.length).toBeLessThanOrEqual(600);
  await expect(card.getByTestId('open-messages')).toHaveAttribute('href', `https://ig.me/m/${COSY.handle}`);
  await screenshot(card, 'marketplace-overlay-invited');

  // Link the creator's listing, as the brand found it on the marketplace.
  const listing = LISTINGS[0]!;
  const listingUrl = `${WEB_TEMPLATE_ORIGIN}/l/${listing.slug}/${listing.id}`;
  await card.getByTestId('link-listing').click();
  await card.getByTestId('link-listing-input').fill('https://evil.example/l/x/123');
  await card.getByTestId('link-listing-save').click();
  await expect(card.getByTestId('link-listing-error')).toContainText('not a listing on Creator Market');
  await card.getByTestId('link-listing-input').fill(listingUrl);
  await card.getByTestId('link-listing-save').click();
  await expect(card.getByTestId('open-listing')).toHaveAttribute('href', listingUrl);
  const [listingPage] = await Promise.all([context.waitForEvent('page'), card.getByTestId('open-listing').click()]);
  await listingPage.waitForURL(listingUrl);

  // The popup's Invites tab: the invitation became "listed" when its listing was opened.
  const tabId = await tabIdOf(serviceWorker, page);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('tab-invites').click();
  const row = popup.getByTestId('invitation-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`@${COSY.handle}`);
  await expect(row.getByTestId('invitation-status')).toHaveValue('listed');
  await expect(popup.getByTestId('fee-discounts')).toContainText('1 fee discount');
  await screenshot(popup, 'popup-invites');
  expect(strayRequests).toEqual([]);
});

test('"This is me" makes the popup open on My tier, and the stats card saves as a 700 × 467 PNG', async ({ context, serviceWorker, extensionId, strayRequests }) => {
  await useSettings(serviceWorker, GO);
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  const card = await overlay(page);
  await card.getByTestId('this-is-me').click();
  await expect(card.getByTestId('is-me')).toBeVisible();
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
  expect((stored.settings as Settings).myProfile).toEqual({ platform: 'instagram', handle: COSY.handle });

  // From another tab (no creator on screen), the popup opens on My tier with the kept numbers.
  const blank = await context.newPage();
  await blank.goto('about:blank');
  const tabId = await tabIdOf(serviceWorker, blank);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('tab-me')).toHaveAttribute('aria-selected', 'true');
  const mine = popup.getByTestId('my-tier');
  await expect(mine.getByTestId('my-tier-name')).toContainText('Hacker Micro Influencers');
  await expect(mine.getByTestId('my-size-class')).toContainText('Micro');
  await expect(mine.getByTestId('my-next-tier')).toContainText('Engaged Micro Influencers');
  await expect(mine.getByTestId('my-prices')).toContainText('Instagram post');
  await screenshot(popup, 'popup-my-tier');
  // What brands see: the audience signals of the kept reading, and what the posts say.
  const brandsSee = mine.getByTestId('my-brands-see');
  await expect(brandsSee).toContainText(/Audience: \d+ signals? fine/);
  await brandsSee.scrollIntoViewIfNeeded();
  await screenshot(popup, 'popup-my-tier-brands-see');

  const [download] = await Promise.all([popup.waitForEvent('download'), mine.getByTestId('save-card').click()]);
  const png = readFileSync(await download.path());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(resolve(SCREENSHOT_DIR, 'stats-card.png'), png);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([700, 467]);
  await expect(mine.getByTestId('save-card-state')).toContainText(download.suggestedFilename());
  expect(strayRequests).toEqual([]);
});

test('the settings’ default ER basis is the card’s second rate where the page has it', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  // Per follower only by default on Instagram.
  await expect((await overlay(page)).getByTestId('er-value')).toBeVisible();
  await expect((await overlay(page)).getByTestId('er-alt')).toHaveCount(0);

  await useSettings(serviceWorker, { ...GO, erBasis: 'views' });
  // The overlay follows the settings as they change; COSY's two reels carry views.
  const withViews = COSY.posts.filter((p) => p.views !== undefined);
  const perView = withViews.reduce((sum, p) => sum + (((p.likes ?? 0) + p.comments) / p.views!) * 100, 0) / withViews.length;
  await expect((await overlay(page)).getByTestId('er-alt')).toContainText('ER per view');
  await expect((await overlay(page)).getByTestId('er-alt-value')).toHaveText(pct(perView));
});
