import type { Page } from '@playwright/test';
import { isolate } from '../../lib/bidi';
import { expect, screenshot, test } from './fixtures';

/**
 * The shortlist page's campaign insights: leaderboard, budget and results, campaign archive and
 * delete, and a creator's growth panel. Seeded the way a user would: by importing files.
 */

const CSV = [
  'campaign,platform,handle,displayName,profileUrl,followers,er,erPerView,tierRank,tierName,sizeClass,pricePoint,priceLow,priceHigh,status,agreedPrice,tags,notes,couponCode,affiliateLink',
  'Spring launch,instagram,cosy.crafts,Cosy Crafts,,12480,4.2,,7,Hacker Micro Influencers,micro,150,135,165,agreed,140,,,COSY10,',
  'Spring launch,instagram,mia.moves,Mia Moves,,48230,2.5,,6,Engaged Micro Influencers,micro,400,360,440,to contact,,,,,',
  'Spring launch,tiktok,dance_lee,Lee Dances,,250000,8.4,3.1,4,Micro Influencers,macro,1200,1000,1400,agreed,1100,,,,https://shop.example.com/?ref=lee',
  'Spring launch,tiktok,tiny_tam,Tam,,3100,,,,,nano,,,,to contact,,,,,',
].join('\r\n');

const DAY_MS = 86_400_000;

/** A JSON backup with one creator's visits over 45 days, the last of them a bought-looking jump. */
function backupWithHistory(now: number): string {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const point = (daysAgo: number, followers: number, er: number) => ({
    platform: 'instagram',
    handle: 'kim.knits',
    takenAt: at(daysAgo),
    followers,
    following: 300,
    postsCount: 120,
    totalLikes: null,
    er,
    erPerView: null,
  });
  const creator = (handle: string, followers: number, er: number) => ({
    platform: 'instagram',
    handle,
    displayName: null,
    profileUrl: `https://www.instagram.com/${handle}/`,
    followers,
    er,
    erPerView: null,
    tierRank: 7,
    tierName: 'Hacker Micro Influencers',
    sizeClass: 'micro',
    priceLow: 135,
    pricePoint: 150,
    priceHigh: 165,
    addedAt: at(45),
    updatedAt: at(1),
  });
  const entry = (handle: string) => ({
    campaignId: 'watch',
    platform: 'instagram',
    handle,
    status: 'to contact',
    agreedPrice: null,
    tags: [],
    notes: '',
    couponCode: null,
    affiliateLink: null,
    orders: null,
    revenue: null,
    cost: null,
    addedAt: at(45),
  });
  return JSON.stringify({
    format: 'reloquence-lens-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    creators: [creator('kim.knits', 15_200, 1.3), creator('new.face', 8000, 3)],
    campaigns: [{ id: 'watch', name: 'Growth watch', budget: null, createdAt: at(45) }],
    entries: [entry('kim.knits'), entry('new.face')],
    snapshots: [
      point(45, 10_000, 4.0),
      point(30, 10_400, 4.2),
      point(15, 10_800, 4.0),
      point(6, 11_200, 4.1),
      // +35 % in 3 days while the rate falls from 4.1 % to 1.2 %.
      point(3, 15_120, 1.2),
      point(1, 15_200, 1.3),
      { ...point(2, 8000, 3), handle: 'new.face' },
    ],
  });
}

async function openShortlist(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/shortlist.html`);
  await expect(page.getByRole('heading', { name: 'Shortlist' })).toBeVisible();
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-preview')).toBeHidden();
}

const ranking = (page: Page) =>
  page.getByTestId('leaderboard-row').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('[data-testid="leaderboard-rank"]')?.textContent, tr.getAttribute('data-handle'), tr.querySelector('[data-testid="leaderboard-value"]')?.textContent]),
  );

/** Type into an amount field and leave it, as a user would (saved on blur). */
async function enter(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

test('leaderboard and budget of a campaign; results give ROI and cost per engagement', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openShortlist(page, extensionId);
  await importFile(page, 'creators.csv', CSV);

  // All campaigns have a leaderboard and a budget too.
  await page.getByTestId('view-leaderboard').click();
  await expect(page.getByTestId('leaderboard-row')).toHaveCount(4);
  await page.getByTestId('view-budget').click();
  await expect(page.getByRole('heading', { name: 'Budget · All campaigns' })).toBeVisible();
  await expect(page.getByTestId('budget-planned')).toHaveText('$1,640');
  await expect(page.getByTestId('budget-campaign')).toHaveCount(2);
  await page.getByTestId('view-table').click();

  await page.getByTestId('campaign-picker').selectOption({ label: `${isolate('Spring launch')} (4)` });

  // Leaderboard by ER, then by cost per engagement (lower is better), unknown last.
  await page.getByRole('button', { name: 'Leaderboard' }).click();
  await expect(page.getByTestId('leaderboard')).toBeVisible();
  expect(await ranking(page)).toEqual([
    ['#1', 'dance_lee', '8.4 %'],
    ['#2', 'cosy.crafts', '4.2 %'],
    ['#3', 'mia.moves', '2.5 %'],
    ['—', 'tiny_tam', 'Unknown: rate not read'],
  ]);
  await page.getByTestId('leaderboard-metric').selectOption('cpe');
  // $1,100 agreed ÷ 21,000 = $0.052; $140 agreed ÷ 524 = $0.27; $400 guided ÷ 1,206 = $0.33.
  expect(await ranking(page)).toEqual([
    ['#1', 'dance_lee', '$0.052'],
    ['#2', 'cosy.crafts', '$0.27'],
    ['#3', 'mia.moves', '$0.33'],
    ['—', 'tiny_tam', 'Unknown: no price, followers or rate'],
  ]);
  await screenshot(page, 'shortlist-leaderboard');
  await page.getByTestId('leaderboard-metric').selectOption('growth');
  await expect(page.getByTestId('leaderboard-value').first()).toHaveText('Unknown: less than a month of history');

  // Budget: agreed $140 + $1,100, guided $400; Tam has no price.
  await page.getByRole('button', { name: 'Budget & results' }).click();
  const budget = page.getByTestId('budget-view');
  await expect(budget.getByTestId('budget-total')).toHaveText('Not set');
  await expect(budget.getByTestId('budget-planned')).toHaveText('$1,640');
  await expect(budget.getByTestId('budget-breakdown')).toHaveText('$1,240 agreed + $400 guide prices');
  await expect(budget.getByTestId('budget-unpriced')).toHaveText('1 creator has no agreed or guide price and is not counted.');
  await expect(budget.getByTestId('budget-tiers')).toHaveText(
    'Tier 4 Micro Influencers: 1Tier 6 Engaged Micro Influencers: 1Tier 7 Hacker Micro Influencers: 1Tier unknown: 1',
  );
  await enter(page, 'Campaign budget (USD)', '2,000');
  await expect(page.getByLabel('Campaign budget (USD)')).toHaveValue('$2,000');
  await expect(budget.getByTestId('budget-total')).toHaveText('$2,000');
  await expect(budget.getByText('Remaining')).toBeVisible();
  await expect(budget.getByTestId('budget-remaining')).toHaveText('$360');
  await enter(page, 'Campaign budget (USD)', '1500');
  await expect(budget.getByText('Over budget by')).toBeVisible();
  await expect(budget.getByTestId('budget-remaining')).toHaveText('$140');
  // A budget that is not a number is refused with the reason, nothing stored.
  await enter(page, 'Campaign budget (USD)', 'lots');
  await expect(budget.getByTestId('field-error')).toHaveText('Budget must be a number, e.g. 1200.');
  await page.getByLabel('Campaign budget (USD)').press('Escape');

  // Results for one creator: $600 revenue on $200 cost is +200 %; $200 ÷ 524 engagements = $0.38.
  const cosy = budget.locator('[data-testid="results-row"][data-handle="cosy.crafts"]');
  await expect(cosy).toContainText('COSY10');
  await expect(budget.locator('[data-testid="results-row"][data-handle="dance_lee"] a')).toHaveAttribute('href', 'https://shop.example.com/?ref=lee');
  await enter(page, 'Orders of @cosy.crafts', '12');
  await enter(page, 'Revenue of @cosy.crafts', '600');
  await enter(page, 'Cost of @cosy.crafts', '200');
  await expect(cosy.getByTestId('roi')).toHaveText('+200 %');
  await expect(cosy.getByTestId('cpe')).toHaveText('$0.38');
  const total = budget.getByTestId('results-total');
  await expect(total.getByTestId('total-orders')).toHaveText('12');
  await expect(total.getByTestId('total-revenue')).toHaveText('$600');
  await expect(total.getByTestId('total-cost')).toHaveText('$200');
  await expect(total.getByTestId('total-roi')).toHaveText('+200 %');
  await expect(total.getByTestId('total-cpe')).toHaveText('$0.38');
  await enter(page, 'Orders of @mia.moves', '2.5');
  await expect(budget.locator('[data-testid="results-row"][data-handle="mia.moves"]').getByTestId('field-error')).toHaveText('Orders must be a whole number.');
  await page.getByLabel('Orders of @mia.moves', { exact: true }).press('Escape');
  await screenshot(page, 'shortlist-budget');

  // Everything entered was stored: it is there after a reload.
  await page.reload();
  await page.getByTestId('campaign-picker').selectOption({ label: `${isolate('Spring launch')} (4)` });
  await page.getByRole('button', { name: 'Budget & results' }).click();
  await expect(page.getByLabel('Campaign budget (USD)')).toHaveValue('$1,500');
  await expect(page.getByLabel('Revenue of @cosy.crafts', { exact: true })).toHaveValue('$600');
  await expect(page.getByTestId('total-roi')).toHaveText('+200 %');
});

test('archive and delete a campaign; the default "No campaign" can be neither, nor renamed', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openShortlist(page, extensionId);
  await importFile(page, 'creators.csv', CSV);
  const picker = page.getByTestId('campaign-picker');

  await picker.selectOption({ label: `${isolate('No campaign')} (0)` });
  await expect(page.getByRole('button', { name: 'Leaderboard' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archive' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rename' })).toHaveCount(0);

  await picker.selectOption({ label: `${isolate('Spring launch')} (4)` });
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByTestId('notice')).toContainText('Campaign "Spring launch" archived.');
  await expect(picker.locator('option:checked')).toHaveText(`${isolate('Spring launch')} (4) · archived`);
  await page.getByRole('button', { name: 'Unarchive' }).click();
  await expect(picker.locator('option:checked')).toHaveText(`${isolate('Spring launch')} (4)`);

  // Deleting asks first; "Keep it" keeps it.
  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByTestId('confirm-delete')).toContainText('Delete "Spring launch" and its 4 entries? This cannot be undone.');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(picker.locator('option:checked')).toHaveText(`${isolate('Spring launch')} (4)`);
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete campaign' }).click();
  await expect(page.getByTestId('notice')).toContainText('Campaign "Spring launch" deleted with its 4 entries.');
  await expect(picker).toHaveValue('');
  await expect(picker.locator('option')).toHaveText(['All campaigns', `${isolate('No campaign')} (0)`]);
  await expect(page.getByTestId('empty')).toBeVisible();
});

test("a creator's panel shows growth, flags a follower jump and draws the chart", async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openShortlist(page, extensionId);
  await importFile(page, 'backup.json', backupWithHistory(Date.now()));
  await expect(page.getByTestId('notice')).toContainText('Imported 2 new');

  // A click on the row (not on its fields) opens the panel.
  await page.locator('[data-testid="shortlist-row"][data-handle="kim.knits"] td.rl-c-num').first().click();
  const panel = page.getByTestId('creator-details');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading')).toHaveText('@kim.knits');
  await expect(panel.getByTestId('growth-jump')).toHaveCount(1);
  await expect(panel.getByTestId('growth-jump')).toContainText('followers jumped +35 % in 3 days while ER fell from 4.1 % to 1.2 %');
  // From the newest point at least a month back (10,000, 44 days before the newest) to 15,200,
  // scaled to an average month: 5,200 × 30.44 / 44; a week: 10,800 → 15,200 over 14 days, halved.
  await expect(panel.getByTestId('growth-month')).toHaveText('+3,597 followers (+36.0 %)');
  await expect(panel.getByTestId('growth-week')).toHaveText('+2,200 followers (+20.4 %)');

  const chart = panel.getByTestId('growth-chart');
  const canvas = chart.locator('canvas');
  await expect(canvas).toBeVisible();
  const size = await canvas.boundingBox();
  expect(size?.width).toBeGreaterThan(200);
  expect(size?.height).toBeGreaterThan(100);
  // The canvas has been drawn on: some pixels are not blank.
  const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(500);
  await expect(chart.getByTestId('growth-chart-summary')).toContainText('6 visits from');
  await expect(chart.getByTestId('growth-chart-summary')).toContainText('Followers 10K → 15.2K. ER 4.0 % → 1.3 %.');
  await screenshot(page, 'shortlist-growth-chart');

  // One visit is not a line: the panel says so; Escape closes it; the keyboard can open it too.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.getByRole('button', { name: 'Details of @new.face' }).click();
  await expect(panel.getByRole('heading')).toHaveText('@new.face');
  await expect(panel.getByTestId('growth-chart-empty')).toContainText('Not enough history yet');
  await expect(panel.locator('canvas')).toHaveCount(0);
  await expect(panel.getByTestId('growth-month')).toHaveText('— (not enough history yet)');
});
