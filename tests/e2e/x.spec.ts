import type { Frame, Page } from '@playwright/test';
import { expect, overlay, overlayHost, screenshot, test, exact, pct, withoutFavicon, overlayFrameCount } from './fixtures';
import {
  ANA,
  GHOST_HANDLE,
  LENA,
  LENA_POST,
  SUSPENDED_HANDLE,
  X_OPERATION_HASHES,
  expectedAverages,
  expectedEr,
  expectedErPerImpression,
  expectedPostEr,
  recentOwnPosts,
  repostCount,
  type XDemoAccount,
} from './pages/x';

const X = 'https://x.com';



/**
 * X has no published engagement figures per impression by audience size (see
 * lib/metrics/benchmarks.ts): its cards give no verdict and say so, never borrowing Instagram's.
 */
const NO_X_VERDICT = 'No verdict: no published X figure per impression by audience size';

/**
 * The tier's list price: the typical rates by audience size are Instagram's, so an X rate does
 * not move the price (the card says so in the price's reason).
 */
function priceText(base: number): string {
  return `$${base.toLocaleString('en-US')}`;
}

const OP_PATH = (op: keyof typeof X_OPERATION_HASHES) => `${X}/i/api/graphql/${X_OPERATION_HASHES[op]}/${op}?`;


async function expectProfileCard(page: Page, a: XDemoAccount, tier: string, band: string, low: number, high: number, base: number) {
  const card = await overlay(page);
  const er = expectedEr(a);
  const avg = expectedAverages(a);
  await expect(card.getByTestId('handle')).toHaveText(`@${a.handle}`);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(er)} ER`);
  await expect(card.getByTestId('er')).toContainText(`${recentOwnPosts(a).length} recent posts · mean`);
  await expect(card.getByTestId('er-alt')).toContainText('ER per impression:');
  await expect(card.getByTestId('er-alt-value')).toHaveText(pct(expectedErPerImpression(a)));
  await expect(card.getByTestId('tier')).toHaveText(`${tier} · ~${priceText(base)}/post`);
  await expect(card.getByTestId('verdict')).toHaveText(NO_X_VERDICT);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', exact(a.followers));
  await expect(card.getByTestId('stat-avg-likes')).toHaveAttribute('title', exact(avg.likes));
  await expect(card.getByTestId('stat-avg-comments')).toHaveAttribute('title', exact(avg.replies));
  await expect(card.getByTestId('stat-avg-shares')).toHaveAttribute('title', exact(avg.reposts));
  await expect(card.getByTestId('stat-avg-views')).toHaveAttribute('title', exact(avg.views));
  await expect(card.getByTestId('stat-posts-count')).toHaveAttribute('title', exact(a.tweets));
  await expect(card.getByTestId('stat-following')).toHaveAttribute('title', exact(a.following));
  await expect(card.getByTestId('stat-avg-comments')).toContainText('Avg replies');
  await expect(card.getByTestId('stat-avg-shares')).toContainText('Avg reposts');
  await expect(card.getByTestId('source')).toHaveText('Source: UserByScreenName response + UserTweets response (exact counts)');
}

test('a profile (2025+ layout) shows ER per follower and per impression, tier, verdict and exact stats', async ({ context, requests, strayRequests }) => {
  // The fixture is built so that counting the repost (or a 13th post) would change every number.
  expect(recentOwnPosts(LENA)).toHaveLength(12);
  expect(pct(expectedEr(LENA, { withReposts: true }))).not.toBe(pct(expectedEr(LENA)));
  expect(exact(expectedAverages(LENA, { withReposts: true }).views)).not.toBe(exact(expectedAverages(LENA).views));

  const page = await context.newPage();
  await page.goto(`${X}/${LENA.handle}`);
  await expectProfileCard(page, LENA, 'Tier 7 Hacker Micro Influencers', '5K–20K followers', 2.4, 4, 150);
  const card = await overlay(page);
  await expect(card.getByTestId('er')).toHaveAttribute('title', /^median \d+\.\d %$/);
  await screenshot(card, 'x-overlay-card');
  await card.getByTestId('details-toggle').click();
  const details = card.getByTestId('details');
  await expect(details).toContainText('ER per impression');
  await expect(details).toContainText('Fair price');
  await expect(card).toContainText(`${repostCount(LENA)} repost of other accounts left out.`);
  await expect(card).toContainText('The posts count includes replies and reposts.');
  // The demo page has rendered the timeline the card was read from.
  await expect(page.getByTestId('tweet')).toHaveCount(14);
  // With Details open the card is taller than the window: the frame scrolls.
  await screenshot(page, 'x-profile-overlay');

  expect(withoutFavicon(requests)).toEqual([
    `${X}/${LENA.handle}`,
    expect.stringContaining(OP_PATH('UserByScreenName')),
    expect.stringContaining(OP_PATH('UserTweets')),
  ]);
  expect(strayRequests).toEqual([]);
});

test('a profile in the 2024 layout (legacy user, timeline_v2, pinned entry last) reads the same way', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${X}/${ANA.handle}`);
  await expectProfileCard(page, ANA, 'Tier 6 Engaged Micro Influencers', '20K–50K followers', 2.4, 2.4, 300);
  // Nine own posts in the timeline; the repost is left out, and so is the pinned post, which is
  // older than all nine.
  expect(recentOwnPosts(ANA)).toHaveLength(9);
  await expect((await overlay(page)).getByTestId('er')).toContainText('9 recent posts · mean');
  expect(strayRequests).toEqual([]);
});

test('a post page shows that post’s counts against its author’s followers', async ({ context, requests, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${X}/${LENA.handle}/status/${LENA_POST.id}`);
  const card = await overlay(page);
  const er = expectedPostEr(LENA, LENA_POST);
  await expect(card.getByTestId('handle')).toHaveText(`@${LENA.handle}`);
  await expect(card.getByTestId('er')).toContainText('this post · per follower');
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(er.perFollower)} ER`);
  await expect(card.getByTestId('er-alt')).toHaveText(`ER per impression: ${pct(er.perImpression)}`);
  // Followers are the author's, not a replier's (the replies carry other accounts' counts).
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', exact(LENA.followers));
  await expect(card.getByTestId('stat-likes')).toHaveAttribute('title', exact(LENA_POST.likes));
  await expect(card.getByTestId('stat-comments')).toHaveAttribute('title', exact(LENA_POST.replies));
  await expect(card.getByTestId('stat-comments')).toContainText('Replies');
  await expect(card.getByTestId('stat-shares')).toHaveAttribute('title', exact(LENA_POST.retweets + LENA_POST.quotes));
  await expect(card.getByTestId('stat-shares')).toContainText('Reposts');
  await expect(card.getByTestId('stat-views')).toHaveAttribute('title', exact(LENA_POST.views));
  await expect(card.getByTestId('tier')).toContainText('Tier 7 Hacker Micro Influencers');
  await expect(card.getByTestId('source')).toHaveText('Source: TweetDetail response (exact counts)');
  await expect(page.getByTestId('tweet')).toHaveCount(3);
  await screenshot(card, 'x-post-overlay');
  await screenshot(page, 'x-post-page');

  expect(withoutFavicon(requests)).toEqual([`${X}/${LENA.handle}/status/${LENA_POST.id}`, expect.stringContaining(OP_PATH('TweetDetail'))]);
  expect(strayRequests).toEqual([]);
});

/** The overlay page framed by the content script. */
async function overlayPageFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => /^chrome-extension:\/\/[^/]+\/overlay\.html/.test(f.url()))).toBe(true);
  return page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/overlay\.html/.test(f.url()))!;
}

interface Seen {
  handle: string | null;
  followers: string | null;
  er: string | null;
  alt: string | null;
  avgLikes: string | null;
  avgViews: string | null;
  message: string | null;
}

/** Records every state the card goes through (a MutationObserver in the overlay page). */
const RECORDER = `(() => {
  const q = (id) => document.querySelector('[data-testid="' + id + '"]');
  const seen = () => window.__seen.push({
    handle: q('handle')?.textContent ?? null,
    followers: q('stat-followers')?.getAttribute('title') ?? null,
    er: q('er-value')?.textContent ?? null,
    alt: q('er-alt-value')?.textContent ?? null,
    avgLikes: q('stat-avg-likes')?.getAttribute('title') ?? null,
    avgViews: q('stat-avg-views')?.getAttribute('title') ?? null,
    message: q('lens-message')?.textContent ?? null,
  });
  window.__seen = [];
  new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  seen();
})()`;

test('soft navigation: the overlay follows the profile on screen, never shows the previous one’s numbers, and only one exists', async ({
  context,
  requests,
  strayRequests,
}) => {
  const page = await context.newPage();
  await page.goto(`${X}/${LENA.handle}`);
  const card = await overlay(page);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(LENA))} ER`);
  const frame = await overlayPageFrame(page);
  await frame.evaluate(RECORDER);
  await frame.evaluate("window.__seen.push({ mark: 'click' })");

  // The app navigates in place: pushState, then UserByScreenName and UserTweets for the new handle.
  await page.getByTestId(`follow-${ANA.handle}`).click();
  await expect(page).toHaveURL(`${X}/${ANA.handle}`);
  await expect(card.getByTestId('handle')).toHaveText(`@${ANA.handle}`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', exact(ANA.followers));
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(ANA))} ER`);
  await expect(card.getByTestId('er-alt-value')).toHaveText(pct(expectedErPerImpression(ANA)));
  await expect(card.getByTestId('stat-avg-likes')).toHaveAttribute('title', exact(expectedAverages(ANA).likes));
  await expect(card.getByTestId('tier')).toContainText('Tier 6 Engaged Micro Influencers');
  await expect(overlayHost(page)).toHaveCount(1);
  expect(overlayFrameCount(page)).toBe(1);
  await expect(page.getByTestId('tweet')).toHaveCount(11);
  await screenshot(page, 'x-soft-nav-overlay');

  // Every state the card went through after the click: never Lena's handle or numbers again,
  // and Ana's handle only ever with Ana's numbers (or with "unknown" while her posts loaded).
  const seen = await frame.evaluate<Array<Seen & { mark?: string }>>('window.__seen');
  const lena = { followers: exact(LENA.followers), er: `${pct(expectedEr(LENA))} ER`, avgLikes: exact(expectedAverages(LENA).likes) };
  const ana = {
    followers: exact(ANA.followers),
    er: `${pct(expectedEr(ANA))} ER`,
    alt: pct(expectedErPerImpression(ANA)),
    avgLikes: exact(expectedAverages(ANA).likes),
    avgViews: exact(expectedAverages(ANA).views),
  };
  const afterClick = seen.slice(seen.findIndex((s) => s.mark === 'click') + 1);
  expect(afterClick.length).toBeGreaterThan(0);
  for (const s of afterClick) {
    expect(s.handle).not.toBe(`@${LENA.handle}`);
    expect(s.message ?? '').not.toContain(LENA.handle);
    expect([lena.followers, lena.avgLikes]).not.toContain(s.followers);
    expect(s.er === null || s.er !== lena.er).toBe(true);
    if (s.handle === `@${ANA.handle}`) {
      expect(s.followers).toBe(ana.followers);
      expect([null, ana.er]).toContain(s.er);
      expect([null, ana.alt]).toContain(s.alt);
      expect([null, 'unknown', ana.avgLikes]).toContain(s.avgLikes);
      expect([null, 'unknown', ana.avgViews]).toContain(s.avgViews);
    }
  }
  expect(afterClick.at(-1)).toMatchObject({ handle: `@${ANA.handle}`, followers: ana.followers, er: ana.er });

  // Back (popstate: the app re-renders from its cache, no new request), then to a post in place.
  await page.goBack();
  await expect(page).toHaveURL(`${X}/${LENA.handle}`);
  await expect(card.getByTestId('handle')).toHaveText(`@${LENA.handle}`);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(LENA))} ER`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', exact(LENA.followers));

  await page.locator(`a[data-nav="/${LENA.handle}/status/${LENA_POST.id}"]`).click();
  await expect(page).toHaveURL(`${X}/${LENA.handle}/status/${LENA_POST.id}`);
  await expect(card.getByTestId('er')).toContainText('this post · per follower');
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedPostEr(LENA, LENA_POST).perFollower)} ER`);
  await expect(card.getByTestId('stat-likes')).toHaveAttribute('title', exact(LENA_POST.likes));

  // Off profiles and posts altogether: the overlay hides, and stays the only one.
  await page.locator('header[role=banner] a[data-nav="/explore"]').click();
  await expect(page).toHaveURL(`${X}/explore`);
  await expect(overlayHost(page)).toHaveAttribute('hidden', '');
  await expect(overlayHost(page)).toHaveCount(1);
  expect(overlayFrameCount(page)).toBe(1);

  // The only requests are the page's own: one document and the app's API calls.
  expect(withoutFavicon(requests)).toEqual([
    `${X}/${LENA.handle}`,
    expect.stringContaining(OP_PATH('UserByScreenName')),
    expect.stringContaining(OP_PATH('UserTweets')),
    expect.stringContaining(OP_PATH('UserByScreenName')),
    expect.stringContaining(OP_PATH('UserTweets')),
    expect.stringContaining(OP_PATH('TweetDetail')),
  ]);
  expect(decodeURIComponent(withoutFavicon(requests)[3]!)).toContain(`"screen_name":"${ANA.handle}"`);
  expect(decodeURIComponent(withoutFavicon(requests)[4]!)).toContain(`"userId":"${ANA.id}"`);
  expect(strayRequests).toEqual([]);
});

test('a profile page without data says the numbers are unknown, never guesses', async ({ context, requests, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${X}/${GHOST_HANDLE}`);
  await expect(page.getByText('Sign in to X')).toBeVisible();
  const card = await overlay(page);
  await expect(card.getByTestId('lens-message')).toContainText(`@${GHOST_HANDLE}`);
  await expect(card.getByTestId('lens-message')).toContainText('No numbers', { timeout: 15_000 });
  await expect(card.getByTestId('lens-message')).toContainText('unknown');
  await expect(card.getByTestId('er-value')).toHaveCount(0);
  await expect(card.locator('[data-testid^="stat-"]')).toHaveCount(0);
  await screenshot(card, 'x-no-data-overlay');
  expect(withoutFavicon(requests)).toEqual([`${X}/${GHOST_HANDLE}`]);
  expect(strayRequests).toEqual([]);
});

test('a suspended account: X says so, the card shows no numbers', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${X}/${SUSPENDED_HANDLE}`);
  await expect(page.getByText('Account suspended')).toBeVisible();
  const message = (await overlay(page)).getByTestId('lens-message');
  await expect(message).toContainText('X says this account is suspended');
  await expect(message).toContainText(`Numbers unknown for @${SUSPENDED_HANDLE}`);
  await expect((await overlay(page)).getByTestId('er-value')).toHaveCount(0);
  await expect((await overlay(page)).locator('[data-testid^="stat-"]')).toHaveCount(0);
  await screenshot(await overlay(page), 'x-suspended-overlay');
  expect(strayRequests).toEqual([]);
});
