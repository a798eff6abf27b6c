import type { Page } from '@playwright/test';
import { isolate } from '../../lib/bidi';
import { expect, screenshot, test } from './fixtures';
import { OTHER_TOOL_CSV, thirtyCreators } from './pages/workday';

/**
 * A marketer's working day on a laptop: 30 creators on three campaigns, the table at 1024 and
 * 1440 px, compare, leaderboard and budget across all campaigns, an import from another tool
 * whose columns and statuses are not the shortlist's. Seeded the way a user would: by importing.
 */

async function openShortlist(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/shortlist.html`);
  await expect(page.getByRole('heading', { name: 'Shortlist' })).toBeVisible();
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

const rows = (page: Page) => page.getByTestId('shortlist-row');

const SIX = ['beauty.lee7', 'travel.sam2', 'tech.kim6', 'kitchen.lee1', 'music.kim9', 'crafts.lee4'];

/** Tick (or untick) rows found by searching for them, as a user does in a long list; the search is cleared after. */
async function select(page: Page, handles: readonly string[], on: boolean): Promise<void> {
  for (const h of handles) {
    await page.getByTestId('search').fill(h);
    await page.getByLabel(`Select @${h}`).setChecked(on);
  }
  await page.getByTestId('search').fill('');
}

/** Whether an element's box lies inside the window horizontally. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.right <= window.innerWidth && r.width > 0;
  });
}

test('at 1024 px the table fits with the handle in view; columns are chosen and remembered', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1024, height: 768 });
  await openShortlist(page, extensionId);
  await importFile(page, 'thirty.csv', thirtyCreators());
  await expect(page.getByTestId('import-new')).toHaveText('30 new');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('notice')).toHaveText(/Imported 30 new rows and 0 updated; 2 campaigns created\./);
  await expect(page.getByTestId('count')).toHaveText('30 creators');

  // The default columns fit: nothing cut, no scrolling sideways to reach Status, Tags, Agreed or Notes.
  const table = page.getByTestId('shortlist-table');
  const overflow = await table.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const cls of ['rl-c-status', 'rl-c-tags', 'rl-c-agreed', 'rl-c-notes']) expect(await inView(page, `[data-testid="shortlist-row"] td.${cls}`)).toBe(true);
  // Money is money: an agreed price reads like the guide prices.
  await page.getByTestId('search').fill('kitchen.sam11');
  await expect(page.getByLabel('Agreed price of @kitchen.sam11')).toHaveValue('$8,053');
  await expect(rows(page).getByTestId('guide-price')).toHaveText('$1,500');
  // Typed as people type amounts; shown as money again once saved.
  await page.getByLabel('Agreed price of @kitchen.sam11').fill('8100');
  await page.getByLabel('Agreed price of @kitchen.sam11').press('Enter');
  await expect(page.getByLabel('Agreed price of @kitchen.sam11')).toHaveValue('$8,100');
  await page.getByTestId('search').fill('music.kim9');
  await expect(page.getByLabel('Agreed price of @music.kim9', { exact: true })).toHaveValue('');
  await page.getByTestId('search').fill('');
  // A creator without a display name shows the handle and a details button, not "Details".
  await expect(rows(page).filter({ hasText: '@crafts.lee4' }).getByTestId('open-details')).toHaveAccessibleName('Details of @crafts.lee4');
  await screenshot(page, 'workday-1024-table');

  // More columns: the table scrolls sideways, the selection and the handle stay put.
  await page.getByTestId('columns-button').click();
  await page.getByTestId('columns-menu').getByLabel(/^Affiliate link/).check();
  await page.getByTestId('columns-menu').getByLabel(/^Platform/).check();
  await page.getByTestId('columns-menu').getByLabel(/^Name/).check();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('columns-menu')).toBeHidden();
  await table.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const handleBox = await rows(page).first().locator('td.rl-c-handle').boundingBox();
  expect(handleBox?.x).toBeGreaterThanOrEqual(0);
  expect(handleBox?.x).toBeLessThan(80);
  await screenshot(page, 'workday-1024-table-scrolled');

  // The choice is remembered in the extension's storage.
  await page.reload();
  await expect(rows(page).first().locator('td.rl-c-link')).toBeVisible();
  await page.getByTestId('columns-button').click();
  await page.getByTestId('columns-default').click();
  await expect(rows(page).first().locator('td.rl-c-link')).toHaveCount(0);
});

test('compare, leaderboard and budget agree, for one campaign and for all; screenshots at 1024 and 1440 px', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openShortlist(page, extensionId);
  await importFile(page, 'thirty.csv', thirtyCreators());
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('count')).toHaveText('30 creators');

  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await page.getByTestId('campaign-picker').selectOption('');
    await page.getByTestId('view-table').click();
    await screenshot(page, `workday-${width}-table`);

    // Compare six: one row per measure, the best marked, cost per engagement from the agreed price.
    await select(page, SIX, true);
    await page.getByRole('button', { name: 'Compare 6' }).click();
    const compare = page.getByTestId('compare');
    await expect(compare.getByTestId('compare-card')).toHaveCount(6);
    await expect(compare.getByTestId('compare-row-cpe').locator('th')).toContainText('lower is better');
    await expect(compare.getByTestId('compare-row-er').locator('th')).toContainText('higher is better');
    await expect(compare.locator('[data-testid="compare-er"][data-best="true"]')).toHaveCount(1);
    const beauty = await compare.getByTestId('compare-card').evaluateAll((ths) => ths.findIndex((th) => th.getAttribute('data-handle') === 'beauty.lee7'));
    // $9,020 agreed ÷ (18,825 × 6.1 %) = $7.85.
    await expect(compare.getByTestId('compare-cpe').nth(beauty).locator('.rl-compare-value > bdi')).toHaveText('$7.85');
    await expect(compare.getByTestId('compare-cpe-note').nth(beauty)).toHaveText('from the agreed price');
    await expect(compare.getByTestId('compare-row-tier').locator('th')).toHaveText(/^Tier/);
    await expect(compare.getByTestId('compare-row-sizeClass').locator('th')).toHaveText(/^Size class/);
    await screenshot(page, `workday-${width}-compare`);
    const cpeInCompare = await compare.getByTestId('compare-cpe').nth(beauty).locator('.rl-compare-value > bdi').textContent();
    await compare.getByRole('button', { name: 'Close' }).click();
    await select(page, SIX, false);

    // The leaderboard of all campaigns ranks by the same cost per engagement.
    await page.getByTestId('view-leaderboard').click();
    await page.getByTestId('leaderboard-metric').selectOption('cpe');
    const beautyRow = page.locator('[data-testid="leaderboard-row"][data-handle="beauty.lee7"]');
    await expect(beautyRow.getByTestId('leaderboard-value')).toHaveText(cpeInCompare ?? '');
    await expect(beautyRow).toContainText('agreed price');
    await screenshot(page, `workday-${width}-leaderboard`);

    // Budget of all campaigns, then of one.
    await page.getByTestId('view-budget').click();
    await expect(page.getByRole('heading', { name: 'Budget · All campaigns' })).toBeVisible();
    await expect(page.getByTestId('budget-campaign')).toHaveCount(3);
    await screenshot(page, `workday-${width}-budget-all`);
    await page.getByTestId('campaign-picker').selectOption({ label: `${isolate('Spring launch')} (10)` });
    await expect(page.getByRole('heading', { name: 'Budget · Spring launch' })).toBeVisible();
    await page.getByTestId('budget-input').fill('60000');
    await page.getByTestId('budget-input').press('Enter');
    await page.getByTestId('budget-input').blur();
    await expect(page.getByTestId('budget-input')).toHaveValue('$60,000');
    await screenshot(page, `workday-${width}-budget`);
    await page.getByTestId('campaign-picker').selectOption({ label: `${isolate('No campaign')} (10)` });
    await expect(page.getByRole('heading', { name: 'Budget · Creators on no campaign' })).toBeVisible();
  }
});

test('a sheet from another tool: columns guessed and changed, profile addresses read, statuses mapped, nothing dropped', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1024, height: 900 });
  await openShortlist(page, extensionId);
  await importFile(page, 'other-tool.csv', OTHER_TOOL_CSV);
  const preview = page.getByTestId('import-preview');
  // Guessed: Username → handle, Profile URL, Followers, Engagement rate, Price, Status, Comments → notes, Labels → tags.
  const fields = () => preview.getByTestId('import-column-field').evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value));
  await expect.poll(fields).toEqual(['handle', 'profileUrl', 'followers', 'er', 'pricePoint', 'status', 'notes', 'tags']);
  // Two rows name no platform and no address: invalid until a platform is chosen.
  await expect(preview.getByTestId('import-new')).toHaveText('3 new');
  await expect(preview.getByTestId('import-invalid')).toHaveText('2 invalid (skipped)');
  await preview.getByTestId('import-default-platform').selectOption('instagram');
  await expect(preview.getByTestId('import-new')).toHaveText('5 new');
  await expect(preview.getByTestId('import-invalid')).toHaveText('0 invalid (skipped)');
  // Statuses of the other tool: guessed where the word says, "On hold" waits for a choice.
  const statuses = preview.getByTestId('import-status');
  await expect(statuses).toHaveCount(5);
  await expect(statuses.filter({ hasText: 'Published' }).getByTestId('import-status-choice')).toHaveValue('posted');
  await expect(statuses.filter({ hasText: 'Not interested' }).getByTestId('import-status-choice')).toHaveValue('declined');
  await expect(statuses.filter({ hasText: 'On hold' })).toContainText('no match: choose one');
  await statuses.filter({ hasText: 'On hold' }).getByTestId('import-status-choice').selectOption('contacted');
  await expect(statuses.filter({ hasText: 'On hold' })).toContainText('your choice');
  // "Price" is the creator's own rate here, not a guide price: read it as the agreed price.
  await preview.getByTestId('import-column-field').nth(4).selectOption('agreedPrice');
  await expect(preview.getByTestId('import-new')).toHaveText('5 new');
  await screenshot(page, 'workday-1024-import-mapping');
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'workday-1440-import-mapping');
  await preview.getByTestId('import-apply').click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('count')).toHaveText('5 creators');
  await expect(page.getByLabel('Status of @dance_lee')).toHaveValue('posted');
  await expect(page.getByLabel('Status of @FernCooks')).toHaveValue('contacted');
  await expect(page.getByLabel('Status of @tech_tom')).toHaveValue('declined');
  await expect(page.getByLabel('Agreed price of @dance_lee')).toHaveValue('$2,100');
  await expect(rows(page).filter({ hasText: '@FernCooks' }).getByTestId('handle')).toHaveAttribute('href', 'https://www.youtube.com/@FernCooks');
  await expect(rows(page).filter({ hasText: '@dance_lee' }).getByTestId('followers')).toHaveText('1.2M');

  // The choices are remembered: the same sheet again is read the same way at once.
  await importFile(page, 'other-tool.csv', OTHER_TOOL_CSV);
  await expect(preview.getByTestId('import-column-field').nth(4)).toHaveValue('agreedPrice');
  await expect(preview.getByTestId('import-default-platform')).toHaveValue('instagram');
  await expect(preview.getByTestId('import-updated')).toHaveText('5 updated');
  await expect(statuses.filter({ hasText: 'On hold' }).getByTestId('import-status-choice')).toHaveValue('contacted');
});
