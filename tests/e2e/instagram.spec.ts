import { expect, overlay, overlayHost, screenshot, tabIdOf, test, pct, overlayFrameCount } from './fixtures';
import { COSY, COSY_POST, MIA, QUIET, expectedEr } from './pages/instagram';

const IG = 'https://www.instagram.com';


test('a profile shows ER, tier, price, benchmark and where the numbers came from', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(COSY))} ER`);
  await expect(card.getByTestId('er')).toContainText('12 recent posts · mean');
  await expect(card.getByTestId('er')).toHaveAttribute('title', /^median \d+\.\d %$/);
  await expect(card.getByTestId('tier')).toHaveText(/^Tier 7 Hacker Micro Influencers · ~\$\d[\d,]*\/post$/);
  await expect(card.getByTestId('verdict')).toContainText('typical for 10K–50K on Instagram (≈0.5–2.4 % per follower)');
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', '12,480');
  const avgLikes = COSY.posts.reduce((s, p) => s + (p.likes ?? 0), 0) / COSY.posts.length;
  await expect(card.getByTestId('stat-avg-likes')).toHaveAttribute('title', Math.round(avgLikes).toLocaleString('en-US'));
  await expect(card.getByTestId('source')).toContainText('_sharedData');
  await card.getByTestId('details-toggle').click();
  await expect(card.getByTestId('details')).toContainText('Fair price');
  await screenshot(page, 'instagram-profile-overlay');
  await screenshot(card, 'instagram-overlay-card');
  expect(strayRequests).toEqual([]);
});

test('soft navigation: the overlay follows the profile on screen, and only one exists', async ({ context, requests, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  await expect((await overlay(page)).getByTestId('handle')).toHaveText(`@${COSY.handle}`);

  await page.getByText(`@${MIA.handle}`).click();
  await expect(page).toHaveURL(`${IG}/${MIA.handle}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${MIA.handle}`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', '48,230');
  // One of Mia's posts hides its likes: it is left out, and the card says so.
  await expect(card.getByTestId('er')).toContainText('11 recent posts · mean');
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(MIA))} ER`);
  await expect(card.getByTestId('tier')).toContainText('Tier 6 Engaged Micro Influencers');
  await expect(overlayHost(page)).toHaveCount(1);
  expect(overlayFrameCount(page)).toBe(1);

  // Back to the first profile (popstate), then off profiles altogether.
  await page.goBack();
  await expect(card.getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await page.getByText('Explore').click();
  await expect(page).toHaveURL(`${IG}/explore/`);
  await expect(overlayHost(page)).toHaveAttribute('hidden', '');
  await expect(overlayHost(page)).toHaveCount(1);

  // The only requests are the page's own: two documents and the app's one API call for Mia.
  expect(requests.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([
    `${IG}/${COSY.handle}/`,
    `${IG}/api/v1/users/web_profile_info/?username=${MIA.handle}`,
  ]);
  expect(strayRequests).toEqual([]);
});

test('the current layout (application/json blobs) is read on a direct load', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${MIA.handle}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${MIA.handle}`);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(MIA))} ER`);
  await expect(card.getByTestId('stat-avg-views')).toBeVisible();
});

test('a post page shows that post against its author’s followers', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/p/${COSY_POST.code}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await expect(card.getByTestId('er')).toContainText('this post · per follower');
  const er = (((COSY_POST.likes ?? 0) + COSY_POST.comments) / COSY.followers) * 100;
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(er)} ER`);
  await expect(card.getByTestId('stat-likes')).toHaveAttribute('title', String(COSY_POST.likes));
  await expect(card.getByTestId('stat-comments')).toHaveAttribute('title', String(COSY_POST.comments));
  await screenshot(card, 'instagram-post-overlay');
});

test('a private account shows its followers and says why there is no rate', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${QUIET.handle}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${QUIET.handle}`);
  await expect(card.getByTestId('er')).toContainText(/ER unknown\s*· private account: its posts are hidden/);
  await expect(card.getByTestId('verdict')).toContainText('No verdict: private account');
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', '2,310');
  await expect(card.getByTestId('tier')).toContainText('Tier 8 Newbie Micro Influencers');
  await screenshot(card, 'instagram-private-overlay');
});

test('a profile page without data says the numbers are unknown, never guesses', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/ghost.profile/`);
  const card = await overlay(page);
  await expect(card.getByTestId('lens-message')).toContainText('@ghost.profile');
  await expect(card.getByTestId('lens-message')).toContainText('No numbers', { timeout: 15_000 });
  await expect(card.getByTestId('er-value')).toHaveCount(0);
  await screenshot(card, 'instagram-no-data-overlay');
});

test('the popup shows the same card, and says plainly when the page is not a profile', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  await expect((await overlay(page)).getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  const tabId = await tabIdOf(serviceWorker, page);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  const card = popup.getByTestId('profile-card');
  await expect(card.getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(COSY))} ER`);
  await expect(card.getByTestId('tier')).toContainText('Tier 7 Hacker Micro Influencers');
  await screenshot(popup, 'popup-profile');

  // The toolbar badge carries the rate too.
  const badge = await serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  expect(badge).toBe(expectedEr(COSY).toFixed(1));

  await page.bringToFront();
  await page.getByText('Explore').click();
  await expect(page).toHaveURL(`${IG}/explore/`);
  await popup.reload();
  await expect(popup.getByTestId('lens-message')).toContainText('Not a profile or post page');

  const other = await context.newPage();
  await other.goto('about:blank');
  const otherTab = await tabIdOf(serviceWorker, other);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${otherTab}`);
  await expect(popup.getByTestId('lens-message')).toContainText("Not a creator's page");
  await screenshot(popup, 'popup-not-a-profile');
});
