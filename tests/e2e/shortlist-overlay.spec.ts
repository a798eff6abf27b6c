import { expect, overlay, screenshot, tabIdOf, test } from './fixtures';
import { COSY } from './pages/instagram';
import { FERN } from './pages/youtube';

const IG = 'https://www.instagram.com';
const YT = 'https://www.youtube.com';

test('shortlist from the overlay on two platforms; the card and the popup remember it', async ({ context, serviceWorker, extensionId, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  let card = await overlay(page);
  await card.getByTestId('shortlist-button').click();
  await expect(card.getByTestId('shortlisted')).toHaveText('★ On your shortlist');
  await screenshot(card, 'shortlist-overlay-instagram');

  await page.goto(`${YT}/@${FERN.handle}/videos`);
  card = await overlay(page);
  await expect(card.getByTestId('shortlist-button')).toBeEnabled();
  await card.getByTestId('shortlist-button').click();
  await expect(card.getByTestId('shortlisted')).toBeVisible();

  // Coming back, the card already knows.
  await page.goto(`${IG}/${COSY.handle}/`);
  await expect((await overlay(page)).getByTestId('shortlisted')).toBeVisible();
  await expect((await overlay(page)).getByTestId('shortlist-button')).toHaveCount(0);

  // The popup shows the same state for the tab.
  const tabId = await tabIdOf(serviceWorker, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('profile-card').getByTestId('shortlisted')).toBeVisible();

  // Both creators are in the store the shortlist page reads.
  const stored = await serviceWorker.evaluate(`(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('reloquence-lens'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const creators = await new Promise((res) => { const q = db.transaction('creators').objectStore('creators').getAll(); q.onsuccess = () => res(q.result); });
    const rows = creators.flatMap((c) => c.entries);
    db.close();
    return rows.map((e) => e.platform + ':' + e.handleKey).sort();
  })()`);
  expect(stored).toEqual([`instagram:${COSY.handle}`, `youtube:${FERN.handle.toLowerCase()}`]);
  expect(strayRequests).toEqual([]);
});

test('the open shortlist page shows a creator shortlisted in another tab without a reload', async ({ context, extensionId, strayRequests }) => {
  const list = await context.newPage();
  await list.goto(`chrome-extension://${extensionId}/shortlist.html`);
  await list.getByRole('heading', { name: 'Shortlist' }).waitFor();
  await expect(list.getByTestId('shortlist-row')).toHaveCount(0);

  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  await (await overlay(page)).getByTestId('shortlist-button').click();
  await expect((await overlay(page)).getByTestId('shortlisted')).toBeVisible();

  // Written by the background, announced to the page, which reads the list again.
  await expect(list.getByTestId('shortlist-row')).toHaveCount(1);
  await expect(list.getByTestId('shortlist-row')).toContainText(COSY.handle);
  expect(strayRequests).toEqual([]);
});
