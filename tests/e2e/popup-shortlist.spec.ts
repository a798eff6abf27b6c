import type { Page } from '@playwright/test';
import { expect, overlay, screenshot, tabIdOf, test } from './fixtures';
import { COSY } from './pages/instagram';
import { FERN } from './pages/youtube';

const IG = 'https://www.instagram.com';
const YT = 'https://www.youtube.com';
const FERN_KEY = FERN.handle.toLowerCase();

async function shortlistFromOverlay(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const card = await overlay(page);
  await expect(card.getByTestId('shortlist-button')).toBeEnabled();
  await card.getByTestId('shortlist-button').click();
  await expect(card.getByTestId('shortlisted')).toBeVisible();
}

const rows = (popup: Page) => popup.getByTestId('popup-row');
const row = (popup: Page, handleKey: string) => popup.locator(`[data-testid="popup-row"][data-handle="${handleKey}"]`);

test('the popup lists the shortlist: search, status and tags saved, kept when it opens again', async ({ context, serviceWorker, extensionId, strayRequests }) => {
  const page = await context.newPage();
  await shortlistFromOverlay(page, `${IG}/${COSY.handle}/`);
  await shortlistFromOverlay(page, `${YT}/@${FERN.handle}/videos`);
  const creatorTab = await tabIdOf(serviceWorker, page);

  // On a creator's page the popup opens on "This page", unchanged.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${creatorTab}`);
  await expect(popup.getByTestId('profile-card').getByTestId('shortlisted')).toBeVisible();
  await expect(popup.getByTestId('tab-page')).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByTestId('tab-shortlist')).toHaveText('Shortlist (2)');

  await popup.getByTestId('tab-shortlist').click();
  await expect(popup.getByTestId('tab-shortlist')).toHaveAttribute('aria-selected', 'true');
  await expect(rows(popup)).toHaveCount(2);
  // In the store's order: campaign, platform, handle.
  await expect(rows(popup).getByTestId('popup-handle')).toHaveText([`@${COSY.handle}`, `@${FERN.handle}`]);
  const cosyLink = row(popup, COSY.handle).getByTestId('popup-handle');
  await expect(cosyLink).toHaveAttribute('href', `${IG}/${COSY.handle}/`);
  await expect(cosyLink).toHaveAttribute('target', '_blank');
  await expect(row(popup, COSY.handle).getByTestId('popup-followers')).not.toHaveText('—');
  await expect(row(popup, COSY.handle).getByTestId('popup-er')).toHaveText(/^\d+(\.\d)? %$/);
  // Each figure says what it is: "ER 4.3 % · 12.5K followers · $155 guide".
  await expect(row(popup, COSY.handle).getByTestId('popup-figures')).toHaveText(/^ER \d+(\.\d)? % · [\d.,]+K? followers · \$[\d,]+ guide$/);

  // Search and filters narrow the list.
  await popup.getByTestId('popup-search').fill('fern');
  await expect(rows(popup)).toHaveCount(1);
  await expect(row(popup, FERN_KEY)).toBeVisible();
  await expect(popup.getByTestId('popup-count')).toHaveText('1 of 2 creators');
  await popup.getByTestId('popup-search').fill('');
  await popup.getByLabel('Platform').selectOption('instagram');
  await expect(rows(popup).getByTestId('popup-handle')).toHaveText([`@${COSY.handle}`]);
  await popup.getByLabel('Platform').selectOption('');
  await expect(rows(popup)).toHaveCount(2);

  // Status and a tag on one row; a refused tag says why beside the field and keeps what was typed.
  await popup.getByLabel(`Status of @${COSY.handle}`).selectOption('contacted');
  const tagInput = popup.getByLabel(`Add a tag to @${COSY.handle}`);
  await tagInput.fill('knit');
  await tagInput.press('Enter');
  await expect(row(popup, COSY.handle).getByTestId('popup-tags')).toHaveText('knit');
  await expect(tagInput).toHaveValue('');
  await tagInput.fill('a;b');
  await tagInput.press('Enter');
  await expect(row(popup, COSY.handle).getByTestId('popup-field-error')).toHaveText(/must not contain ";"\.$/);
  await expect(tagInput).toHaveValue('a;b');
  await tagInput.fill('');
  await popup.getByLabel('Status', { exact: true }).selectOption('contacted');
  await expect(rows(popup).getByTestId('popup-handle')).toHaveText([`@${COSY.handle}`]);
  await popup.getByLabel('Status', { exact: true }).selectOption('');
  await popup.getByTestId('popup-search').fill('knit');
  await expect(rows(popup).getByTestId('popup-handle')).toHaveText([`@${COSY.handle}`]);
  await popup.getByTestId('popup-search').fill('');

  // An agreed price (set on the full page) replaces the guide price in the row, and says so.
  await serviceWorker.evaluate(`(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('reloquence-lens'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    await new Promise((res, rej) => {
      const tx = db.transaction('creators', 'readwrite');
      const store = tx.objectStore('creators');
      const q = store.get(['youtube', ${JSON.stringify(FERN_KEY)}]);
      q.onsuccess = () => store.put({ ...q.result, entries: q.result.entries.map((e) => (e.campaignId === 'shortlist' ? { ...e, agreedPrice: 1240 } : e)) });
      tx.oncomplete = res; tx.onerror = () => rej(tx.error);
    });
    db.close();
  })()`);

  // Opened again on a tab that is not a creator's page: straight to the shortlist, edits kept.
  const blank = await context.newPage();
  await blank.goto('about:blank');
  const blankTab = await tabIdOf(serviceWorker, blank);
  await popup.bringToFront();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${blankTab}`);
  await expect(popup.getByTestId('tab-shortlist')).toHaveAttribute('aria-selected', 'true');
  await expect(rows(popup)).toHaveCount(2);
  await expect(popup.getByLabel(`Status of @${COSY.handle}`)).toHaveValue('contacted');
  await expect(popup.getByLabel(`Status of @${FERN.handle}`)).toHaveValue('to contact');
  await expect(row(popup, COSY.handle).getByTestId('popup-tags')).toHaveText('knit');
  await expect(row(popup, FERN_KEY).getByTestId('popup-price')).toHaveText('$1,240 agreed');
  await expect(row(popup, COSY.handle).getByTestId('popup-price')).toHaveText(/^\$[\d,]+ guide$/);
  await expect(popup.getByTestId('popup-count')).toHaveText('2 creators on your lists');
  await screenshot(popup, 'popup-shortlist');

  // The edits are in the store the full page reads.
  const stored = await serviceWorker.evaluate(`(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('reloquence-lens'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const creators = await new Promise((res) => { const q = db.transaction('creators').objectStore('creators').getAll(); q.onsuccess = () => res(q.result); });
    const rows = creators.flatMap((c) => c.entries);
    db.close();
    return rows.map((e) => [e.handleKey, e.status, e.tags.join(',')]).sort();
  })()`);
  expect(stored).toEqual([
    [COSY.handle, 'contacted', 'knit'],
    [FERN_KEY, 'to contact', ''],
  ]);

  // "Open full view" opens the full page in a tab.
  const [full] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('open-full-view').click()]);
  await expect(full).toHaveURL(`chrome-extension://${extensionId}/shortlist.html`);
  expect(strayRequests).toEqual([]);
});

test('with nothing shortlisted, a page that is not a creator opens on "This page" with its explanation', async ({ context, serviceWorker, extensionId }) => {
  const blank = await context.newPage();
  await blank.goto('about:blank');
  const tabId = await tabIdOf(serviceWorker, blank);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('lens-message')).toContainText("Not a creator's page");
  await expect(popup.getByTestId('tab-shortlist')).toHaveText('Shortlist (0)');
  await popup.getByTestId('tab-shortlist').click();
  await expect(popup.getByTestId('popup-shortlist-empty')).toBeVisible();
});
