/**
 * Instagram as users meet it in 2024–2026: the logged-in web client, whose profile, posts and
 * reels arrive as answers to POSTs to /graphql/query (also after a soft navigation), and the
 * logged-out pages, whose grid carries no counts — the card then rates the profile from the
 * posts the user opened.
 */
import { expect, overlay, pct, screenshot, test, withoutFavicon } from './fixtures';
import { KILN, MOSS, kilnExpectedEr, kilnReelsEr, mossOpenedEr } from './pages/instagram-current';

const IG = 'https://www.instagram.com';

test('the Reels tab is read from its clips query; a soft navigation to the profile reads its POSTed posts query, old pinned posts left out', async ({
  context,
  requests,
  strayRequests,
}) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${KILN.handle}/reels/`);
  let card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${KILN.handle}`);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(kilnReelsEr().perFollower)} ER`);
  await expect(card.getByTestId('er')).toContainText(`${KILN.reels.length} recent posts · mean`);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', KILN.followers.toLocaleString('en-US'));

  // The user clicks the profile link: pushState, then the app POSTs the profile and posts queries.
  await page.getByText(`@${KILN.handle}`, { exact: true }).click();
  card = await overlay(page);
  await expect(card.getByTestId('er-value')).toHaveText(`${pct(kilnExpectedEr())} ER`);
  await expect(card.getByTestId('er')).toContainText('5 recent posts · mean · 2 older pinned left out');
  await card.getByTestId('details-toggle').click();
  await expect(card.getByTestId('post-row')).toHaveCount(KILN.posts.length);
  await expect(card.getByTestId('pinned-chip')).toHaveText(['pinned · left out', 'pinned · left out']);
  await screenshot(card, 'instagram-logged-in-pinned');

  // Every request was the page's own: two POSTs per view, none by the extension.
  expect(withoutFavicon(requests).filter((u) => u.endsWith('/graphql/query'))).toHaveLength(4);
  expect(strayRequests).toEqual([]);
});

test('logged out: the grid has no counts, so the card says why and rates the profile from the posts the user opened', async ({ context, strayRequests }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${MOSS.handle}/`);
  let card = await overlay(page);
  await expect(card.getByTestId('stat-followers')).toHaveAttribute('title', MOSS.followers.toLocaleString('en-US'));
  await expect(card.getByTestId('er')).toContainText('ER unknown');
  await expect(card.getByTestId('er')).toContainText('Instagram shows like counts only to logged-in visitors or on the posts themselves');
  await expect(card.getByTestId('visited')).toContainText('none opened yet');

  // The user opens two of the posts: each shows its own counts.
  const opened = [MOSS.posts[0]!.code, MOSS.posts[1]!.code];
  for (const code of opened) {
    await page.goto(`${IG}/${MOSS.handle}/`);
    await page.getByLabel(`Post ${code}`).click();
    await expect(page).toHaveURL(`${IG}/p/${code}/`);
    card = await overlay(page);
    const post = MOSS.posts.find((p) => p.code === code)!;
    await expect(card.getByTestId('stat-likes')).toHaveAttribute('title', post.likes.toLocaleString('en-US'));
  }

  // Back on the profile: the rate of the posts opened, against the followers the profile shows.
  await page.goto(`${IG}/${MOSS.handle}/`);
  card = await overlay(page);
  await expect(card.getByTestId('visited-value')).toHaveText(pct(mossOpenedEr(opened)));
  await expect(card.getByTestId('visited')).toContainText('from the 2 posts you opened');
  await expect(card.getByTestId('visited')).toContainText('open a few more for a steadier figure');
  await screenshot(card, 'instagram-logged-out-opened-posts');
  expect(strayRequests).toEqual([]);
});
