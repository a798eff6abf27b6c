import type { Frame, Locator, Page } from '@playwright/test';
import { exact, expect, overlay, overlayHost, pct, screenshot, test, withoutFavicon, overlayFrameCount } from './fixtures';
import {
  FERN,
  FERN_VIDEO,
  GHOST_HANDLE,
  KITE,
  KITE_VIDEO,
  PIXEL,
  expectedAvgViews,
  expectedEr,
  expectedErPerView,
  expectedViewsPerSubscriber,
  shownSubscribers,
  type DemoChannel,
  type DemoVideo,
} from './pages/youtube';

const YT = 'https://www.youtube.com';
const BROWSE = `${YT}/youtubei/v1/browse?prettyPrint=false`;



/** The subscriber stat's title: YouTube shows subscribers abbreviated, and the card says so. */
function subscribersTitle(ch: DemoChannel): string {
  return `about ${exact(shownSubscribers(ch))} (rounded by the page)`;
}

/** A channel card leads with its views per subscriber ("91.4 % views per subscriber · 12 recent videos · …"). */
async function expectViewsPerSubscriber(card: Locator, ch: DemoChannel): Promise<void> {
  const r = expectedViewsPerSubscriber(ch);
  await expect(card.getByTestId('views-per-sub-value')).toHaveText(pct(r.mean));
  await expect(card.getByTestId('er')).toContainText('views per subscriber');
  await expect(card.getByTestId('er')).toHaveAttribute('title', `median ${pct(r.median)}`);
  await expect(card.getByTestId('er')).toContainText('ER unknown: channel pages show no likes or comments');
}

/**
 * YouTube has no published engagement figures per view by channel size (see
 * lib/metrics/benchmarks.ts): its cards give no verdict and say so, never borrowing Instagram's.
 */
const NO_YOUTUBE_VERDICT = 'No verdict: no published YouTube figure per view by channel size';

const NO_CHANNEL_VERDICT = NO_YOUTUBE_VERDICT;


/** The overlay page's frame (the extension's own page inside the `<reloquence-lens>` host). */
async function overlayDocument(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().endsWith('/overlay.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().endsWith('/overlay.html'));
  if (!frame) throw new Error('No overlay frame');
  return frame;
}

interface CardState {
  t: number;
  handle: string | null;
  followers: string | null;
  alt: string | null;
  er: string | null;
  message: string | null;
}

/**
 * Record every distinct state the card passes through (handle, subscriber title, rates, or a
 * message), with the time, from inside the overlay frame. A string, not a function: Playwright
 * runs tsx-compiled functions, whose helpers do not exist in the page.
 */
const RECORD_CARDS = `(() => {
  window.__cards = [];
  const q = (id) => document.querySelector('[data-testid="' + id + '"]');
  const text = (id) => (q(id) ? q(id).textContent : null);
  const record = () => {
    const entry = {
      t: Date.now(),
      handle: text('handle'),
      followers: q('stat-followers') ? q('stat-followers').getAttribute('title') : null,
      alt: text('er-alt-value') ?? text('views-per-sub-value'),
      er: text('er'),
      message: text('lens-message'),
    };
    const last = window.__cards[window.__cards.length - 1];
    const same = last && ['handle', 'followers', 'alt', 'er', 'message'].every((k) => last[k] === entry[k]);
    if (!same) window.__cards.push(entry);
  };
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  record();
})()`;

test('a channel page (current layout, Videos tab): views per subscriber, tier, and why ER is unknown', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${YT}/@${FERN.handle}/videos`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${FERN.handle}`);
  // Channel pages carry views only: no likes or comments, so no ER, and the card says why.
  await expect(card.getByTestId('er-value')).toHaveCount(0);
  await expectViewsPerSubscriber(card, FERN);
  await expect(card.getByTestId('tier')).toHaveText('Tier 7 Hacker Micro Influencers · ~$150/post');
  await expect(card.getByTestId('verdict')).toHaveText(NO_CHANNEL_VERDICT);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', subscribersTitle(FERN));
  await expect(card.getByTestId('stat-followers')).toContainText('12.4K');
  await expect(card.getByTestId('stat-avg-views')).toHaveAttribute('title', exact(expectedAvgViews(FERN)));
  await expect(card.getByTestId('stat-posts-count')).toHaveAttribute('title', exact(FERN.videosCount));
  // No likes or comments on the page: no average of them either (not a zero).
  await expect(card.getByTestId('stat-avg-likes')).toHaveCount(0);
  await expect(card.getByTestId('stat-avg-comments')).toHaveCount(0);
  await expect(card.getByTestId('source')).toHaveText(
    'Source: ytInitialData: pageHeaderViewModel + videoRenderer tiles · followers as rounded by the page',
  );
  await card.getByTestId('details-toggle').click();
  await expect(card.getByTestId('details')).toContainText('Size class');
  await expect(card).toContainText('Subscriber count is rounded by YouTube');
  await expect(card).toContainText('Likes and comments are not shown on channel pages; views only');
  await screenshot(page, 'youtube-profile-overlay');
  await screenshot(card, 'youtube-overlay-card');
  expect(strayRequests).toEqual([]);
});

test('a channel Home tab in the newest layout (lockupViewModel) reads the rounded views it shows', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${YT}/@${PIXEL.handle}`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${PIXEL.handle}`);
  await expect(card.getByTestId('er')).toContainText('ER unknown');
  await expectViewsPerSubscriber(card, PIXEL);
  await expect(card.getByTestId('tier')).toHaveText('Tier 6 Engaged Micro Influencers · ~$300/post');
  await expect(card.getByTestId('verdict')).toHaveText(NO_CHANNEL_VERDICT);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', subscribersTitle(PIXEL));
  // "31K views", "8.6K views": the average rests on the rounded counts the tiles show.
  await expect(card.getByTestId('stat-avg-views')).toHaveAttribute('title', exact(expectedAvgViews(PIXEL)));
  await expect(card.getByTestId('stat-posts-count')).toHaveAttribute('title', exact(PIXEL.videosCount));
  await expect(card.getByTestId('source')).toContainText('ytInitialData: pageHeaderViewModel + lockupViewModel tiles');
  await card.getByTestId('details-toggle').click();
  await expect(card).toContainText('View counts on this tab are rounded by YouTube');
  await screenshot(card, 'youtube-lockup-channel-card');
  expect(strayRequests).toEqual([]);
});

test('an older channel page (c4TabbedHeaderRenderer + gridVideoRenderer) is read too', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${YT}/@${KITE.handle}/videos`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${KITE.handle}`);
  await expect(card.getByTestId('er')).toContainText('ER unknown');
  // Only 9 uploads: every one of them counts.
  await expectViewsPerSubscriber(card, KITE);
  await expect(card.getByTestId('tier')).toHaveText('Tier 8 Newbie Micro Influencers · ~$50/post');
  await expect(card.getByTestId('verdict')).toHaveText(NO_CHANNEL_VERDICT);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', subscribersTitle(KITE));
  await expect(card.getByTestId('stat-avg-views')).toHaveAttribute('title', exact(expectedAvgViews(KITE)));
  await expect(card.getByTestId('stat-posts-count')).toHaveAttribute('title', '9');
  await expect(card.getByTestId('source')).toContainText('ytInitialData: c4TabbedHeaderRenderer + gridVideoRenderer tiles');
  await screenshot(card, 'youtube-c4-channel-card');
  expect(strayRequests).toEqual([]);
});

async function expectWatchCard(page: Page, ch: DemoChannel, v: DemoVideo) {
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${ch.handle}`);
  await expect(card.getByTestId('er')).toHaveText(`${pct(expectedEr(ch, v))} ER· this post · per follower`);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(expectedEr(ch, v))} ER`);
  await expect(card.getByTestId('er-alt')).toHaveText(`ER per view: ${pct(expectedErPerView(v))}`);
  await expect(card.getByTestId('er-alt-value')).toHaveText(pct(expectedErPerView(v)));
  await expect(card.getByTestId('verdict')).toHaveText(NO_YOUTUBE_VERDICT);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', subscribersTitle(ch));
  await expect(card.getByTestId('stat-likes')).toHaveAttribute('title', exact(v.likes));
  await expect(card.getByTestId('stat-comments')).toHaveAttribute('title', exact(v.comments));
  await expect(card.getByTestId('stat-views')).toHaveAttribute('title', exact(v.views));
  return card;
}

test('a watch page shows the video’s likes and comments against the channel’s subscribers', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${YT}/watch?v=${FERN_VIDEO.id}`);
  const card = await expectWatchCard(page, FERN, FERN_VIDEO);
  await expect(card.getByTestId('tier')).toHaveText(/^Tier 7 Hacker Micro Influencers · ~\$\d[\d,]*\/post$/);
  await expect(card.getByTestId('source')).toContainText('ytInitialData + ytInitialPlayerResponse (exact views)');
  await screenshot(card, 'youtube-post-overlay');
  await screenshot(page, 'youtube-post-page');
  expect(strayRequests).toEqual([]);
});

test('a watch page in the 2023 layout (segmentedLikeDislikeButtonRenderer toggle) is read too', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${YT}/watch?v=${KITE_VIDEO.id}`);
  const card = await expectWatchCard(page, KITE, KITE_VIDEO);
  await expect(card.getByTestId('tier')).toContainText('Tier 8 Newbie Micro Influencers');
  expect(strayRequests).toEqual([]);
});

test('soft navigation between channels: the overlay follows, never mixes channels, and only one exists', async ({ context, requests, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${YT}/@${FERN.handle}/videos`);
  const card = await overlay(page);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', subscribersTitle(FERN));
  const frame = await overlayDocument(page);
  await frame.evaluate(RECORD_CARDS);

  // The web client: POST /youtubei/v1/browse for the channel, then pushState, then yt-navigate-finish.
  await page.locator('#guide').getByRole('link', { name: PIXEL.title }).click();
  await expect(page).toHaveURL(`${YT}/@${PIXEL.handle}`);
  await expect(card.getByTestId('handle')).toHaveText(`@${PIXEL.handle}`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', subscribersTitle(PIXEL));
  await expectViewsPerSubscriber(card, PIXEL);
  await expect(card.getByTestId('stat-avg-views')).toHaveAttribute('title', exact(expectedAvgViews(PIXEL)));
  await expect(card.getByTestId('stat-posts-count')).toHaveAttribute('title', exact(PIXEL.videosCount));
  await expect(card.getByTestId('tier')).toContainText('Tier 6 Engaged Micro Influencers');
  await expect(card.getByTestId('source')).toContainText('captured /youtubei/v1/browse response: pageHeaderViewModel + lockupViewModel tiles');
  await expect(overlayHost(page)).toHaveCount(1);
  expect(overlayFrameCount(page)).toBe(1);

  // Everything the card showed from the click on: Fernwood's numbers only while the URL was
  // still Fernwood's, then (perhaps a "Reading…" message and) Pixel Brush's numbers, never a mix.
  const navigatedAt = await page.evaluate('window.__ytNavigatedAt');
  const cards = (await frame.evaluate('window.__cards')) as CardState[];
  const fern = { handle: `@${FERN.handle}`, followers: subscribersTitle(FERN), alt: pct(expectedViewsPerSubscriber(FERN).mean) };
  const pixel = { handle: `@${PIXEL.handle}`, followers: subscribersTitle(PIXEL), alt: pct(expectedViewsPerSubscriber(PIXEL).mean) };
  expect(typeof navigatedAt).toBe('number');
  expect(cards.length).toBeGreaterThan(1);
  for (const c of cards) {
    const shown = { handle: c.handle, followers: c.followers, alt: c.alt };
    if (c.handle === null) {
      expect(c.message, 'a card without a handle is a message').not.toBeNull();
      expect(c.t).toBeGreaterThanOrEqual(navigatedAt as number);
    } else if (c.t < (navigatedAt as number)) {
      expect(shown).toEqual(fern);
    } else {
      expect(shown).toEqual(pixel);
    }
  }
  expect(cards.at(-1)).toMatchObject(pixel);

  // Back (popstate, from the client's cache: no request), then off channel pages altogether.
  await page.goBack();
  await expect(page).toHaveURL(`${YT}/@${FERN.handle}/videos`);
  await expect(card.getByTestId('handle')).toHaveText(`@${FERN.handle}`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', subscribersTitle(FERN));
  await expectViewsPerSubscriber(card, FERN);
  await page.locator('#guide').getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(`${YT}/`);
  await expect(overlayHost(page)).toHaveAttribute('hidden', '');
  await expect(overlayHost(page)).toHaveCount(1);
  expect(overlayFrameCount(page)).toBe(1);

  // The only requests are the page's own: one document and the web client's two browse calls.
  expect(withoutFavicon(requests)).toEqual([`${YT}/@${FERN.handle}/videos`, BROWSE, BROWSE]);
  expect(strayRequests).toEqual([]);
});

test('soft navigation to a video and back to its channel: next + player responses are read', async ({ context, requests, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${YT}/@${KITE.handle}/videos`);
  const card = await overlay(page);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', subscribersTitle(KITE));

  // A video tile: POST /youtubei/v1/player and /youtubei/v1/next, then pushState.
  await page.getByRole('link', { name: KITE_VIDEO.title }).click();
  await expect(page).toHaveURL(`${YT}/watch?v=${KITE_VIDEO.id}`);
  await expectWatchCard(page, KITE, KITE_VIDEO);
  await expect(card.getByTestId('source')).toContainText('captured /youtubei/v1/next response + captured /youtubei/v1/player response (exact views)');
  await expect(overlayHost(page)).toHaveCount(1);
  expect(overlayFrameCount(page)).toBe(1);

  // The channel link beside the video: the channel's Home tab, from a browse response.
  await page.locator('.owner').getByRole('link', { name: KITE.title }).click();
  await expect(page).toHaveURL(`${YT}/@${KITE.handle}`);
  await expect(card.getByTestId('handle')).toHaveText(`@${KITE.handle}`);
  await expect(card.getByTestId('er')).toContainText('ER unknown');
  await expectViewsPerSubscriber(card, KITE);
  await expect(card.getByTestId('stat-likes')).toHaveCount(0);

  await page.locator('#guide').getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(`${YT}/`);
  await expect(overlayHost(page)).toHaveAttribute('hidden', '');
  await expect(overlayHost(page)).toHaveCount(1);

  expect(withoutFavicon(requests)).toEqual([
    `${YT}/@${KITE.handle}/videos`,
    `${YT}/youtubei/v1/player?prettyPrint=false`,
    `${YT}/youtubei/v1/next?prettyPrint=false`,
    BROWSE,
    BROWSE,
  ]);
  expect(strayRequests).toEqual([]);
});

test('a channel URL whose page has no data says the numbers are unknown, never guesses', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${YT}/@${GHOST_HANDLE}`);
  const card = await overlay(page);
  await expect(card.getByTestId('lens-message')).toContainText(`@${GHOST_HANDLE}`);
  await expect(card.getByTestId('lens-message')).toContainText('No numbers', { timeout: 15_000 });
  await expect(card.getByTestId('er-value')).toHaveCount(0);
  await expect(card.getByTestId('stat-followers')).toHaveCount(0);
  await screenshot(card, 'youtube-no-data-overlay');
  expect(strayRequests).toEqual([]);
});

test('after the user opens some of a channel’s videos, its card adds their ER (and says how many)', async ({ context, strayRequests }) => {
  const seen = [FERN.videos[0]!, FERN.videos[1]!];
  const page = await context.newPage();
  for (const v of seen) {
    await page.goto(`${YT}/watch?v=${v.id}`);
    await expect((await overlay(page)).getByTestId('er-value')).toHaveText(`${pct(expectedEr(FERN, v))} ER`);
  }
  await page.goto(`${YT}/@${FERN.handle}/videos`);
  const visited = (await overlay(page)).getByTestId('visited');
  // The rates of the videos opened, against the subscribers the channel page shows now.
  const subs = shownSubscribers(FERN);
  const perSub = seen.reduce((s, v) => s + ((v.likes + v.comments) / subs) * 100, 0) / seen.length;
  const perView = seen.reduce((s, v) => s + ((v.likes + v.comments) / v.views) * 100, 0) / seen.length;
  await expect(visited).toContainText('from the 2 videos you opened');
  await expect((await overlay(page)).getByTestId('visited-value')).toHaveText(pct(perSub));
  await expect(visited).toContainText(`per view ${pct(perView)}`);
  // Another channel's card is not affected.
  await page.goto(`${YT}/@${PIXEL.handle}/videos`);
  await expect((await overlay(page)).getByTestId('handle')).toHaveText(`@${PIXEL.handle}`);
  await expect((await overlay(page)).getByTestId('visited')).toHaveText(/none opened yet/);
  await expect((await overlay(page)).getByTestId('visited-value')).toHaveCount(0);
  await page.goto(`${YT}/@${FERN.handle}/videos`);
  await expect((await overlay(page)).getByTestId('visited-value')).toHaveText(pct(perSub));
  await screenshot(await overlay(page), 'youtube-channel-visited-videos');
  expect(strayRequests).toEqual([]);
});
