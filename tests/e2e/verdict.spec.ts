/**
 * What a brand installs the extension for: the signals and what the posts say, on the card.
 * A creator who worked with a competitor the brand set in the settings is flagged; a post page
 * whose comments the page has loaded says how many read as purchase intent.
 */
import { readFile } from 'node:fs/promises';
import { expect, overlay, screenshot, test } from './fixtures';
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

test('the signals go with the creator: shortlisted from the card, the shortlist marks the competitor, hides them on request, sorts and compares by signals, and exports them', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Competitors’ handles').fill('@ridgeline.gear');
  await options.getByTestId('options-save').click();
  await expect(options.getByTestId('options-saved')).toBeVisible();

  const page = await context.newPage();
  for (const handle of [MIA.handle, COSY.handle]) {
    await page.goto(`${IG}/${handle}/`);
    const card = await overlay(page);
    await expect(card.getByTestId('handle')).toHaveText(`@${handle}`);
    await card.getByTestId('shortlist-button').click();
    await expect(card.getByTestId('shortlisted')).toBeVisible();
  }

  const list = await context.newPage();
  await list.setViewportSize({ width: 1440, height: 800 });
  await list.goto(`chrome-extension://${extensionId}/shortlist.html`);
  const rowOf = (h: string) => list.locator(`[data-testid="shortlist-row"][data-handle="${h}"]`);
  await expect(rowOf(MIA.handle)).toBeVisible();
  await expect(rowOf(MIA.handle).getByTestId('competitor-mark')).toHaveAttribute('title', /Worked with a competitor: @ridgeline\.gear \(2 of 12 posts\)/);
  await expect(rowOf(COSY.handle).getByTestId('competitor-mark')).toHaveCount(0);

  // The signal columns, chosen in the column chooser.
  await list.getByTestId('columns-button').click();
  for (const label of [/^Audience/, /^Sponsored/, /^Brands/]) await list.getByTestId('columns-menu').getByLabel(label).check();
  await list.keyboard.press('Escape');
  await expect(rowOf(MIA.handle).getByTestId('sponsored')).toHaveText(/^2 of 12/);
  await expect(rowOf(MIA.handle).getByTestId('brands')).toContainText('@ridgeline.gear (2)');
  await expect(rowOf(MIA.handle).getByTestId('signals')).toHaveText(/^\d+ fine/);
  await screenshot(list, 'shortlist-signals-1440');
  await list.getByRole('button', { name: /^Audience/ }).click();
  await expect(list.getByRole('columnheader', { name: /Audience/ })).toHaveAttribute('aria-sort', 'descending');

  // Hide those who worked with a competitor.
  const hide = list.getByTestId('hide-competitors');
  await expect(hide).toContainText('Hide creators who worked with a competitor (1)');
  await hide.locator('input').check();
  await expect(rowOf(MIA.handle)).toHaveCount(0);
  await expect(rowOf(COSY.handle)).toBeVisible();
  await expect(list.getByTestId('count')).toHaveText('1 of 2 creators');
  await hide.locator('input').uncheck();

  // Compare: the signals are rows, the competitor named.
  await list.getByLabel(`Select @${MIA.handle}`).check();
  await list.getByLabel(`Select @${COSY.handle}`).check();
  await list.getByRole('button', { name: 'Compare 2' }).click();
  const compare = list.getByTestId('compare');
  await expect(compare.getByTestId('compare-row-signals').locator('th')).toContainText('lower is better');
  await expect(compare.getByTestId('compare-row-brands')).toContainText('competitor: @ridgeline.gear (2 of 12 posts)');
  await expect(compare.getByTestId('compare-row-sponsored')).toContainText('2 of 12');
  await screenshot(list, 'compare-signals-1440');
  await compare.getByRole('button', { name: 'Close' }).click();

  // The CSV export carries them.
  const [download] = await Promise.all([list.waitForEvent('download'), list.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  const [header, ...lines] = csv.replace(/^\uFEFF/, '').split(/\r\n/);
  const cols = header!.split(',');
  for (const c of ['signalsFine', 'signalsToCheck', 'sponsoredPosts', 'sponsoredVsOrganic', 'brands', 'undisclosedPosts']) expect(cols).toContain(c);
  const mia = lines.find((l) => l.includes(`,${MIA.handle},`))!;
  expect(mia).toContain('ridgeline.gear (2)');
});
