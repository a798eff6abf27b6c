import { expect, overlay, overlayFrame, overlayHost, screenshot, test, exact, pct, overlayFrameCount } from './fixtures';
import {
  BAO,
  GHOST_HANDLE,
  INKWELL,
  LOOM,
  PETAL,
  SOFIA,
  SOFIA_VIDEO,
  THEO,
  expectedAverage,
  expectedEr,
  expectedErPerPlay,
  expectedErPerPlayWithShares,
  expectedFollowers,
  expectedVideoEr,
  expectedVideoErPerPlay,
  profileUrl,
  videoUrl,
  type TikTokAccount,
} from './pages/tiktok';

const TT = 'https://www.tiktok.com';



/** The requests the page made, as "path key=value" (the API calls' long query strings cut to the key). */
function pageRequests(requests: string[]): string[] {
  return requests
    .filter((r) => !r.endsWith('/favicon.ico'))
    .map((r) => {
      const u = new URL(r);
      const key = ['uniqueId', 'secUid'].find((k) => u.searchParams.has(k) && u.searchParams.get(k) !== '');
      return key ? `${u.pathname} ${key}=${u.searchParams.get(key)}` : `${u.origin}${u.pathname}`;
    });
}

interface Shown {
  handle: string | null;
  followers: string | null;
  er: string | null;
  message: string | null;
}

/** What the card shows right now (evaluated inside the overlay page). */
const SHOWN = `(() => {
  const q = (id) => document.querySelector('[data-testid="' + id + '"]');
  return {
    handle: q('handle') ? q('handle').textContent : null,
    followers: q('stat-followers') ? q('stat-followers').getAttribute('title') : null,
    er: q('er-value') ? q('er-value').textContent : null,
    message: q('lens-message') ? q('lens-message').textContent : null,
  };
})()`;

/** Records every state the card renders (each DOM change) into window.__tiktokLog. */
const RECORDER = `(() => {
  window.__tiktokLog = [];
  const record = () => window.__tiktokLog.push(${SHOWN});
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

/** Every card state recorded must pair a handle with that account's own numbers. */
function expectConsistent(log: Shown[], accounts: TikTokAccount[]): void {
  for (const shown of log) {
    const a = accounts.find((x) => `@${x.handle}` === shown.handle);
    if (!shown.handle) continue;
    expect(a, `card showed an unexpected handle: ${JSON.stringify(shown)}`).toBeDefined();
    if (!a) continue;
    if (shown.followers !== null) expect(shown.followers, JSON.stringify(shown)).toBe(exact(a.followers));
    if (shown.er !== null) expect(shown.er, JSON.stringify(shown)).toBe(`${pct(expectedEr(a))} ER`);
  }
}

test('a current-layout profile: exact followers, ER per follower and per play, tier, verdict and stats', async ({ context, requests, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(profileUrl(SOFIA));
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${SOFIA.handle}`);
  // The video counts arrive with the page's own item_list request.
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(SOFIA))} ER`);
  await expect(card.getByTestId('er')).toContainText('12 recent posts · mean');
  await expect(card.getByTestId('er-alt')).toContainText('ER per play:');
  await expect(card.getByTestId('er-alt-value')).toHaveText(pct(expectedErPerPlay(SOFIA)));
  await expect(card.getByTestId('tier')).toHaveText(/^Tier 6 Engaged Micro Influencers · ~\$\d[\d,]*\/post$/);
  await expect(card.getByTestId('verdict')).toHaveText('No verdict: no published TikTok figure per view for 10K–1M accounts');

  // statsV2's exact strings, never the rounded stats (38400) nor the meta's "38.4K".
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', '38,417');
  await expect(card.getByTestId('stat-followers')).toContainText('Followers');
  // Likes received (heartCount), not likes given (diggCount 9,214).
  await expect(card.getByTestId('stat-total-likes')).toHaveAttribute('title', '1,204,388');
  await expect(card.getByTestId('stat-total-likes')).toContainText('Likes received');
  await expect(card.getByTestId('stat-posts-count')).toHaveAttribute('title', '214');
  await expect(card.getByTestId('stat-posts-count')).toContainText('Videos');
  await expect(card.getByTestId('stat-following')).toHaveAttribute('title', '182');
  await expect(card.getByTestId('stat-avg-views')).toHaveAttribute('title', exact(expectedAverage(SOFIA, 'plays')));
  await expect(card.getByTestId('stat-avg-views')).toContainText('Avg plays');
  await expect(card.getByTestId('stat-avg-likes')).toHaveAttribute('title', exact(expectedAverage(SOFIA, 'likes')));
  await expect(card.getByTestId('stat-avg-comments')).toHaveAttribute('title', exact(expectedAverage(SOFIA, 'comments')));
  await expect(card.getByTestId('stat-avg-shares')).toHaveAttribute('title', exact(expectedAverage(SOFIA, 'shares')));
  await expect(card.getByTestId('source')).toContainText('webapp.user-detail');
  await expect(card.getByTestId('source')).toContainText('/api/post/item_list/ response');
  await expect(card.getByTestId('source')).not.toContainText('rounded by the page');

  await screenshot(page, 'tiktok-profile-overlay');
  await screenshot(card, 'tiktok-overlay-card');
  // Details open, the card is taller than the frame (max 100vh - 76px): shot on their own.
  await card.getByTestId('details-toggle').click();
  await expect(card.getByTestId('details')).toContainText('Fair price');
  await expect(card.getByTestId('details')).toContainText('ER per view');
  await expect(card.getByTestId('details')).toContainText('1,204,388');
  await screenshot(card.getByTestId('details'), 'tiktok-overlay-details');

  // The page's own requests only: the document and its video list.
  expect(pageRequests(requests)).toEqual([`${TT}/@${SOFIA.handle}`, `/api/post/item_list/ secUid=${SOFIA.secUid}`]);
  expect(strayRequests).toEqual([]);
});

test('a video page shows that video’s counts against its author’s followers', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(videoUrl(SOFIA, SOFIA_VIDEO));
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${SOFIA.handle}`);
  await expect(card.getByTestId('er')).toContainText('this post · per follower');
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedVideoEr(SOFIA, SOFIA_VIDEO))} ER`);
  await expect(card.getByTestId('er-alt')).toContainText('ER per play:');
  await expect(card.getByTestId('er-alt-value')).toHaveText(pct(expectedVideoErPerPlay(SOFIA_VIDEO)));
  await expect(card.getByTestId('tier')).toContainText('Tier 6 Engaged Micro Influencers');
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', '38,417');
  await expect(card.getByTestId('stat-likes')).toHaveAttribute('title', exact(SOFIA_VIDEO.likes));
  await expect(card.getByTestId('stat-comments')).toHaveAttribute('title', exact(SOFIA_VIDEO.comments));
  // statsV2's exact 63,215 plays, not the rounded 63,200 of stats.
  await expect(card.getByTestId('stat-views')).toHaveAttribute('title', exact(SOFIA_VIDEO.plays));
  await expect(card.getByTestId('stat-views')).toContainText('Plays');
  await expect(card.getByTestId('stat-shares')).toHaveAttribute('title', exact(SOFIA_VIDEO.shares));
  await expect(card.getByTestId('source')).toContainText('webapp.video-detail');
  await screenshot(card, 'tiktok-post-overlay');
  expect(strayRequests).toEqual([]);
});

test('soft navigation: the overlay follows the profile on screen, never shows stale numbers, and only one exists', async ({
  context,
  requests,
  strayRequests,
}) => {
  const page = await context.newPage();
  await page.goto(profileUrl(SOFIA));
  const card = await overlay(page);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(SOFIA))} ER`);
  const frame = await overlayFrame(page);
  await frame.evaluate(RECORDER);

  // The page's router: pushState, then /api/user/detail/ and /api/post/item_list/ for Bao. The
  // embedded data still describes Sofia.
  await page.locator(`a[data-nav="/@${BAO.handle}"]`).click();
  const rightAfter = (await frame.evaluate(SHOWN)) as Shown;
  expect(rightAfter.handle === `@${BAO.handle}` ? rightAfter.followers : null, JSON.stringify(rightAfter)).not.toBe('38,417');
  await expect(page).toHaveURL(profileUrl(BAO));
  await expect(card.getByTestId('handle')).toHaveText(`@${BAO.handle}`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', '8,762');
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(BAO))} ER`);
  await expect(card.getByTestId('er')).toContainText('9 recent posts · mean');
  await expect(card.getByTestId('er-alt-value')).toHaveText(pct(expectedErPerPlay(BAO)));
  await expect(card.getByTestId('tier')).toContainText('Tier 7 Hacker Micro Influencers');
  // Judged per view against TikTok's own published figure for 1K–10K accounts (HypeAuditor 2023:
  // 12.6 % of views, likes + comments + shares), never against Instagram's.
  expect(expectedErPerPlayWithShares(BAO)).toBeLessThan(12.6);
  await expect(card.getByTestId('verdict')).toHaveText('Below typical for 1K–10K on TikTok (≈12.6 % per view incl. shares) · HypeAuditor 2023');
  await expect(card.getByTestId('stat-total-likes')).toHaveAttribute('title', '96,418');
  await expect(card.getByTestId('stat-posts-count')).toHaveAttribute('title', '9');
  await expect(card.getByTestId('stat-avg-views')).toHaveAttribute('title', exact(expectedAverage(BAO, 'plays')));
  await expect(card.getByTestId('source')).toContainText('/api/user/detail/ response');
  await expect(overlayHost(page)).toHaveCount(1);
  expect(overlayFrameCount(page)).toBe(1);

  // Every state the card rendered after the click: first "Reading @bytesize.bao…" (Bao's data
  // not in yet), then Bao's own numbers; never Sofia's numbers, and never Sofia again.
  const toBao = (await frame.evaluate('window.__tiktokLog')) as Shown[];
  expectConsistent(toBao, [SOFIA, BAO]);
  const firstBao = toBao.findIndex((s) => s.handle === `@${BAO.handle}` || (s.message ?? '').includes(`@${BAO.handle}`));
  expect(firstBao, JSON.stringify(toBao)).toBeGreaterThanOrEqual(0);
  expect(toBao.slice(firstBao).filter((s) => s.handle === `@${SOFIA.handle}` || s.followers === '38,417')).toEqual([]);
  expect(toBao.some((s) => (s.message ?? '').includes(`Reading @${BAO.handle}`))).toBe(true);
  // Between user/detail and item_list: Bao's followers, and no rate rather than a stale one.
  expect(toBao.some((s) => s.handle === `@${BAO.handle}` && s.followers === '8,762' && s.er === null)).toBe(true);

  // Back to Sofia (popstate; the app shows its cached data, no new request).
  await frame.evaluate('window.__tiktokLog.length = 0');
  await page.goBack();
  await expect(page).toHaveURL(profileUrl(SOFIA));
  await expect(card.getByTestId('handle')).toHaveText(`@${SOFIA.handle}`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', '38,417');
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(SOFIA))} ER`);
  const back = (await frame.evaluate('window.__tiktokLog')) as Shown[];
  expectConsistent(back, [SOFIA, BAO]);

  // Off profiles altogether: the overlay hides, and is still the only one.
  await page.locator('nav a[data-nav="/foryou"]').click();
  await expect(page).toHaveURL(`${TT}/foryou`);
  await expect(overlayHost(page)).toHaveAttribute('hidden', '');
  await expect(overlayHost(page)).toHaveCount(1);
  expect(overlayFrameCount(page)).toBe(1);

  expect(pageRequests(requests)).toEqual([
    `${TT}/@${SOFIA.handle}`,
    `/api/post/item_list/ secUid=${SOFIA.secUid}`,
    `/api/user/detail/ uniqueId=${BAO.handle}`,
    `/api/post/item_list/ secUid=${BAO.secUid}`,
  ]);
  expect(strayRequests).toEqual([]);
});

test('the SIGI_STATE layout: rounded followers are marked as such, videos from ItemModule', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(profileUrl(LOOM));
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${LOOM.handle}`);
  expect(expectedFollowers(LOOM)).toBe(127_300);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', 'about 127,300 (rounded by the page)');
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(LOOM))} ER`);
  await expect(card.getByTestId('er')).toContainText('12 recent posts · mean');
  await expect(card.getByTestId('er-alt-value')).toHaveText(pct(expectedErPerPlay(LOOM)));
  await expect(card.getByTestId('tier')).toContainText('Tier 4 Micro Influencers');
  await expect(card.getByTestId('verdict')).toHaveText('No verdict: no published TikTok figure per view for 10K–1M accounts');
  await expect(card.getByTestId('stat-total-likes')).toHaveAttribute('title', '2,900,000');
  await expect(card.getByTestId('stat-avg-views')).toHaveAttribute('title', exact(expectedAverage(LOOM, 'plays')));
  await expect(card.getByTestId('source')).toContainText('SIGI_STATE');
  await expect(card.getByTestId('source')).toContainText('followers as rounded by the page');
  await screenshot(card, 'tiktok-sigi-overlay');
  expect(strayRequests).toEqual([]);
});

test('the __NEXT_DATA__ layout: pageProps.userInfo and items', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(profileUrl(PETAL));
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${PETAL.handle}`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', 'about 23,500 (rounded by the page)');
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(PETAL))} ER`);
  await expect(card.getByTestId('er')).toContainText('10 recent posts · mean');
  await expect(card.getByTestId('er-alt-value')).toHaveText(pct(expectedErPerPlay(PETAL)));
  await expect(card.getByTestId('tier')).toContainText('Tier 6 Engaged Micro Influencers');
  await expect(card.getByTestId('verdict')).toHaveText('No verdict: no published TikTok figure per view for 10K–1M accounts');
  await expect(card.getByTestId('stat-posts-count')).toHaveAttribute('title', '131');
  await expect(card.getByTestId('source')).toContainText('__NEXT_DATA__');
  expect(strayRequests).toEqual([]);
});

test('pinned videos (old favourites listed first) are not counted as recent posts', async ({ context, strayRequests }) => {
  // Theo's two pinned viral videos (162 and 75 days old) come first in item_list: counted as
  // recent they would make the card say 194.4 % ER instead of 3.7 %.
  const page = await context.newPage();
  await page.goto(profileUrl(THEO));
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${THEO.handle}`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', '15,930');
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(THEO))} ER`);
  await expect(card.getByTestId('er')).toContainText('12 recent posts · mean');
  await expect(card.getByTestId('verdict')).toHaveText('No verdict: no published TikTok figure per view for 10K–1M accounts');
  await expect(card.getByTestId('stat-avg-likes')).toHaveAttribute('title', exact(expectedAverage(THEO, 'likes')));
  await card.getByTestId('details-toggle').click();
  await expect(card).toContainText('2 pinned videos left out');
  expect(strayRequests).toEqual([]);
});

test('a private account shows its counts and says why there is no rate', async ({ context, requests, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(profileUrl(INKWELL));
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${INKWELL.handle}`);
  await expect(card.getByTestId('er')).toContainText(/ER unknown\s*· private account: its posts are hidden/);
  await expect(card.getByTestId('er-value')).toHaveCount(0);
  await expect(card.getByTestId('er-alt')).toHaveCount(0);
  await expect(card.getByTestId('verdict')).toContainText('No verdict: private account');
  await expect(card.getByTestId('tier')).toContainText('Tier 8 Newbie Micro Influencers');
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', '3,204');
  await expect(card.getByTestId('stat-avg-likes')).toHaveAttribute('title', 'unknown');
  await expect(card.getByTestId('stat-avg-likes')).toContainText('unknown');
  await expect(card.getByTestId('stat-total-likes')).toHaveAttribute('title', '48,902');
  await screenshot(card, 'tiktok-private-overlay');
  expect(pageRequests(requests)).toEqual([`${TT}/@${INKWELL.handle}`]);
  expect(strayRequests).toEqual([]);
});

test('a profile page without data says the numbers are unknown, never guesses', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${TT}/@${GHOST_HANDLE}`);
  const card = await overlay(page);
  await expect(card.getByTestId('lens-message')).toContainText(`@${GHOST_HANDLE}`);
  await expect(card.getByTestId('lens-message')).toContainText('No numbers', { timeout: 15_000 });
  await expect(card.getByTestId('lens-message')).toContainText('unknown');
  await expect(card.getByTestId('er-value')).toHaveCount(0);
  await expect(card.locator('[data-testid^="stat-"]')).toHaveCount(0);
  await screenshot(card, 'tiktok-no-data-overlay');
  expect(strayRequests).toEqual([]);
});
