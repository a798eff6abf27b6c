import { expect, overlay, screenshot, test } from './fixtures';
import { COSY } from './pages/instagram';

const DAY_MS = 86_400_000;

/** A backup holding earlier visits of @cosy.kitchen.lab: steady growth, then a jump ER does not follow. */
function backup(now: number): string {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const point = (daysAgo: number, followers: number, er: number) => ({
    platform: 'instagram',
    handle: COSY.handle,
    takenAt: at(daysAgo),
    followers,
    following: 300,
    postsCount: 140,
    totalLikes: null,
    er,
    erPerView: null,
  });
  return JSON.stringify({
    format: 'reloquence-lens-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    creators: [
      {
        platform: 'instagram',
        handle: COSY.handle,
        displayName: COSY.name,
        profileUrl: `https://www.instagram.com/${COSY.handle}/`,
        followers: 9000,
        er: 4.2,
        erPerView: null,
        tierRank: 7,
        tierName: 'Hacker Micro Influencers',
        sizeClass: 'micro',
        priceLow: 135,
        pricePoint: 150,
        priceHigh: 165,
        addedAt: at(45),
        updatedAt: at(3),
      },
    ],
    campaigns: [],
    entries: [],
    snapshots: [point(45, 8000, 4.3), point(30, 8400, 4.3), point(15, 8800, 4.2), point(6, 9000, 4.2), point(3, 12_300, 1.4)],
  });
}

test('the card shows growth since the first visit, a chart, and warns of a jump ER does not follow', async ({ context, extensionId, strayRequests }) => {
  const shortlist = await context.newPage();
  await shortlist.goto(`chrome-extension://${extensionId}/shortlist.html`);
  await shortlist.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup(Date.now())) });
  await shortlist.getByTestId('import-apply').click();
  await expect(shortlist.getByTestId('import-preview')).toBeHidden();

  const page = await context.newPage();
  await page.goto(`https://www.instagram.com/${COSY.handle}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('jump-warning')).toContainText('Followers jumped +36.7 % in 3 days');
  await expect(card.getByTestId('jump-warning')).toContainText('ER fell from 4.2 % to 1.4 %');
  await card.getByTestId('details-toggle').click();
  await expect(card.getByTestId('details')).toContainText('followers a week');
  await expect(card.getByTestId('details')).toContainText('visits since');
  await expect(card.getByTestId('card-growth-chart').locator('canvas')).toBeVisible();
  await screenshot(card, 'card-growth-chart');
  expect(strayRequests).toEqual([]);
});
