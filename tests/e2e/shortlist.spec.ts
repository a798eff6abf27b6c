import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { isolate } from '../../lib/bidi';
import { expect, launchWithExtension, screenshot, serviceWorkerOf, test } from './fixtures';

/**
 * The full-page shortlist. The store cannot be reached from the test (the page's code is
 * bundled), so every test seeds it the way a user would: by importing a file.
 */

const CSV = [
  'campaign,platform,handle,displayName,profileUrl,followers,er,erPerView,tierRank,tierName,sizeClass,pricePoint,priceLow,priceHigh,status,agreedPrice,tags,notes',
  'Spring launch,instagram,cosy.crafts,Cosy Crafts,https://www.instagram.com/cosy.crafts/,12480,4.2,,7,Hacker Micro Influencers,micro,150,135,165,contacted,140,knit,Loves wool',
  'Spring launch,instagram,mia.moves,Mia Moves,,48230,2.5,,6,Engaged Micro Influencers,micro,400,360,440,to contact,,,',
  'Spring launch,tiktok,dance_lee,Lee Dances,,250000,8.4,3.1,4,,macro,1200,1000,1400,agreed,1100,,"=HYPERLINK(""x"")"',
  ',tiktok,tiny_tam,Tam,,3100,12,5,,,nano,,,,to contact,,,',
  'Spring launch,youtube,bad handle,,,1,1,,,,,,,,to contact,,,',
].join('\r\n');

async function openShortlist(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/shortlist.html`);
  await expect(page.getByRole('heading', { name: 'Shortlist' })).toBeVisible();
}

async function importFile(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

const rows = (page: Page) => page.getByTestId('shortlist-row');
const handles = async (page: Page) => (await rows(page).getByTestId('handle').allTextContents()).sort();

test('import, search, filter, tag, compare and export; the export imports into a fresh browser', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openShortlist(page, extensionId);
  await expect(page.getByTestId('empty')).toHaveText("No creators shortlisted yet — open a creator's profile and click Shortlist, or import a list (CSV from a spreadsheet or another tool).");

  // Import with a preview: four good rows, one invalid with its reason.
  await importFile(page, 'creators.csv', CSV);
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-new')).toHaveText('4 new');
  await expect(preview.getByTestId('import-updated')).toHaveText('0 updated');
  await expect(preview.getByTestId('import-invalid')).toHaveText('1 invalid (skipped)');
  await expect(preview.getByTestId('import-invalid-rows')).toContainText('Line 6');
  await expect(preview.getByTestId('import-invalid-rows')).toContainText('handle: must be letters, digits');
  await screenshot(page, 'shortlist-import-preview');
  await preview.getByTestId('import-apply').click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('Imported 4 new rows and 0 updated; 1 campaign created.');
  await expect(page.getByTestId('count')).toHaveText('4 creators');
  await expect(rows(page)).toHaveCount(4);
  expect(await handles(page)).toEqual(['@cosy.crafts', '@dance_lee', '@mia.moves', '@tiny_tam']);
  const cosyLink = rows(page).filter({ hasText: '@cosy.crafts' }).getByTestId('handle');
  await expect(cosyLink).toHaveAttribute('href', 'https://www.instagram.com/cosy.crafts/');
  await expect(cosyLink).toHaveAttribute('target', '_blank');
  await expect(cosyLink).toHaveAttribute('rel', 'noopener noreferrer');
  // A formula-looking note is only text.
  await expect(page.getByLabel('Notes of @dance_lee')).toHaveValue('=HYPERLINK("x")');

  // Sort by ER, highest first; unknown would go last.
  await page.getByRole('button', { name: /^ER$/ }).click();
  await expect(rows(page).getByTestId('handle')).toHaveText(['@tiny_tam', '@dance_lee', '@cosy.crafts', '@mia.moves']);
  await page.getByRole('button', { name: /^ER/ }).first().click();
  await expect(rows(page).getByTestId('handle').first()).toHaveText('@mia.moves');

  // Search and filters narrow the table.
  await page.getByTestId('search').fill('mia');
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId('count')).toHaveText('1 of 4 creators');
  await page.getByTestId('search').fill('');
  await page.getByLabel('Platform').selectOption('tiktok');
  expect(await handles(page)).toEqual(['@dance_lee', '@tiny_tam']);
  await page.getByLabel('Minimum ER (%)').fill('10');
  expect(await handles(page)).toEqual(['@tiny_tam']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(page)).toHaveCount(4);
  await page.getByLabel('Size class').selectOption('micro');
  expect(await handles(page)).toEqual(['@cosy.crafts', '@mia.moves']);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Inline edit: a tag on one row, then filter by it; a refused value shows the store's message.
  const tags = page.getByLabel('Tags of @mia.moves');
  await tags.fill('fitness');
  await tags.press('Enter');
  await page.getByLabel('Tag', { exact: true }).selectOption('fitness');
  expect(await handles(page)).toEqual(['@mia.moves']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  // The affiliate link is not among the default columns: the column chooser shows it.
  await expect(page.getByLabel('Affiliate link of @mia.moves')).toHaveCount(0);
  await page.getByTestId('columns-button').click();
  await page.getByTestId('columns-menu').getByLabel(/^Affiliate link/).check();
  await page.getByTestId('columns-button').click();
  const link = page.getByLabel('Affiliate link of @mia.moves');
  await link.fill('javascript:alert(1)');
  await link.press('Enter');
  await expect(rows(page).filter({ hasText: '@mia.moves' }).getByTestId('field-error')).toHaveText(
    'Affiliate link must be a web address starting with https://.',
  );
  await link.press('Escape');
  await page.getByLabel('Status of @mia.moves').selectOption('contacted');

  // Compare two: from the agreed prices, as the leaderboard ranks them.
  await page.getByLabel('Select @cosy.crafts').check();
  await page.getByLabel('Select @dance_lee').check();
  await page.getByRole('button', { name: 'Compare 2' }).click();
  const cards = page.getByTestId('compare-card');
  await expect(cards).toHaveCount(2);
  expect(await cards.evaluateAll((ths) => ths.map((th) => th.getAttribute('data-handle')))).toEqual(['cosy.crafts', 'dance_lee']);
  // $140 agreed ÷ (12,480 × 4.2 %) = $0.267…; $1,100 agreed ÷ (250,000 × 8.4 %) = $0.0523…
  await expect(page.getByTestId('compare-cpe').locator('.rl-compare-value > bdi')).toHaveText(['$0.27', '$0.052']);
  await expect(page.getByTestId('compare-cpe-note')).toHaveText(['from the agreed price', 'from the agreed price']);
  await expect(page.locator('[data-testid="compare-cpe"][data-best="true"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="compare-cpe"]').nth(1)).toHaveAttribute('data-best', 'true');
  await screenshot(page, 'shortlist-compare');
  await page.getByRole('button', { name: 'Close' }).click();
  await screenshot(page, 'shortlist-page');

  // Export CSV, then import it into a browser that has never seen these creators.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^reloquence-shortlist-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = await readFile(await download.path());
  expect(exported.toString('utf8')).toContain("'=HYPERLINK");
  // The same columns as the fresh browser shows.
  await page.getByTestId('columns-button').click();
  await page.getByTestId('columns-default').click();
  await page.getByTestId('columns-button').click();
  const before = await rows(page).evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText).sort());

  const fresh = await launchWithExtension();
  try {
    const freshId = new URL((await serviceWorkerOf(fresh)).url()).host;
    const other = await fresh.newPage();
    await openShortlist(other, freshId);
    await importFile(other, download.suggestedFilename(), exported);
    await expect(other.getByTestId('import-new')).toHaveText('4 new');
    await expect(other.getByTestId('import-invalid')).toHaveText('0 invalid (skipped)');
    await other.getByTestId('import-apply').click();
    await expect(rows(other)).toHaveCount(4);
    await expect(other.getByLabel('Tags of @mia.moves')).toHaveValue('fitness');
    await expect(other.getByLabel('Status of @mia.moves')).toHaveValue('contacted');
    const after = await rows(other).evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText).sort());
    expect(after).toEqual(before);
  } finally {
    await fresh.close();
  }
});

test('importing the same file again counts updates; a JSON backup restores everything', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openShortlist(page, extensionId);
  await importFile(page, 'creators.csv', CSV);
  await page.getByTestId('import-apply').click();
  await expect(rows(page)).toHaveCount(4);

  await importFile(page, 'creators.csv', CSV.replace('Loves wool', 'Replied Monday'));
  await expect(page.getByTestId('import-new')).toHaveText('0 new');
  await expect(page.getByTestId('import-updated')).toHaveText('4 updated');
  await page.getByTestId('import-apply').click();
  await expect(page.getByLabel('Notes of @cosy.crafts')).toHaveValue('Replied Monday');

  // A file that is not a shortlist: the reason, and nothing to apply.
  await importFile(page, 'notes.csv', 'name,email\nAnn,ann@example.com\n');
  await expect(page.getByTestId('import-file-error')).toContainText('No column of this file is read as the creators’ handles or profile addresses');
  await expect(page.getByTestId('import-apply')).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^reloquence-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = await readFile(await download.path());

  const fresh = await launchWithExtension();
  try {
    const other = await fresh.newPage();
    await openShortlist(other, new URL((await serviceWorkerOf(fresh)).url()).host);
    await importFile(other, 'backup.json', backup);
    await expect(other.getByTestId('import-new')).toHaveText('4 new');
    await other.getByTestId('import-apply').click();
    await expect(rows(other)).toHaveCount(4);
    await other.getByTestId('campaign-picker').selectOption({ label: `${isolate('Spring launch')} (3)` });
    await expect(rows(other)).toHaveCount(3);
    await expect(other.getByLabel('Notes of @cosy.crafts')).toHaveValue('Replied Monday');
  } finally {
    await fresh.close();
  }
});
