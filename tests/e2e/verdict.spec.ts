/**
 * What a brand installs the extension for: the signals and what the posts say, on the card.
 * A creator who worked with a competitor the brand set in the settings is flagged; a post page
 * whose comments the page has loaded says how many read as purchase intent.
 */
import { expect, overlay, test } from './fixtures';
import { COSY, COSY_POST, COSY_POST_COMMENTS, MIA } from './pages/instagram';

const IG = 'https://www.instagram.com';

test('a creator who worked with one of the brand’s competitors is flagged, with the posts that say so', async ({ context, extensionId }) => {
  // The brand names its competitors in the settings.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Competitors’ handles').fill('@ridgeline.gear, https://www.instagram.com/othertrail.co/');
  await options.getByTestId('options-save').click();
  await expect(options.getByTestId('options-saved')).toBeVisible();

  const page = await context.newPage();
  await page.goto(`${IG}/${MIA.handle}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${MIA.handle}`);
  // Two of her twelve recent posts tag @ridgeline.gear (both disclosed: #ad, #sponsored).
  await expect(card.getByTestId('competitor-flag')).toHaveText('⚠ Worked with a competitor: @ridgeline.gear (2 of 12 posts)');
  await expect(card.getByTestId('content-summary')).toContainText('Posts: 2 of 12 sponsored');
  await expect(card.getByTestId('content-summary')).toContainText('@ridgeline.gear');
  await expect(card.getByTestId('content-summary')).toContainText('1 to check for disclosure');
  await expect(card.getByTestId('signals-summary')).toContainText(/^Audience: \d+ signals? fine/);
  await card.getByTestId('details-toggle').click();
  await expect(card.getByTestId('content-details')).toContainText('Brands worked with');
  await expect(card.getByTestId('content-details')).toContainText('@summit.socks (1 post)');
  await expect(card.getByTestId('content-details')).toContainText('Disclosure to check');
  // Every signal is explained with its number.
  await expect(card.getByTestId('signal').first()).toContainText(':');
  expect(await card.getByTestId('signal').count()).toBeGreaterThanOrEqual(6);

  // A creator who worked with none of them is not flagged.
  await page.goto(`${IG}/${COSY.handle}/`);
  const other = await overlay(page);
  await expect(other.getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await expect(other.getByTestId('competitor-flag')).toHaveCount(0);
});

test('a post whose comments the page loaded: comments read, purchase intent, and the creator’s replies', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/p/${COSY_POST.code}/`);
  const card = await overlay(page);
  const read = COSY_POST_COMMENTS.length + COSY_POST_COMMENTS.reduce((n, c) => n + (c.replies?.length ?? 0), 0);
  await expect(card.getByTestId('content-summary')).toContainText(`${read} comments read`);
  await expect(card.getByTestId('content-summary')).toContainText('% purchase intent');
  await card.getByTestId('details-toggle').click();
  await expect(card.getByTestId('content-details')).toContainText(`Comments read${read} (${read - 1} by others)`);
  await expect(card.getByTestId('content-details')).toContainText('the creator replied 1 time');
});
