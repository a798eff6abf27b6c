/**
 * The lens beside the page: a compact tab docked at the page's edge that shows the headline
 * (rate on the platform's basis, verdict, tier, price) without covering the platform's content,
 * opens into the card on click, Enter or Space, closes on Esc, moves along its edge and remembers
 * where it is and whether it is open.
 *
 * The tab sits in a closed shadow root that neither page scripts nor Playwright's selectors can
 * enter; the tests reach it as the browser's own tools do, through the DevTools protocol (DOM
 * with `pierce`, and the accessibility tree).
 */
import type { Page } from '@playwright/test';
import { expect, findCardFrame, lensTabBox, lensTabNode, overlay, pct, screenshot, SCREENSHOT_DIR, test } from './fixtures';
import { COSY, expectedEr } from './pages/instagram';
import { FERN } from './pages/youtube';
import { SOFIA, profileUrl as tiktokProfile } from './pages/tiktok';
import { LENA } from './pages/x';

test.use({ dockOpen: false });

const IG = 'https://www.instagram.com';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function tabBox(page: Page): Promise<Box> {
  let box: Box | null = null;
  await expect.poll(async () => (box = await lensTabBox(page)) !== null, { timeout: 10_000 }).toBe(true);
  return box!;
}

/** The tab's accessible name, as a screen reader hears it. */
async function tabName(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const node = await lensTabNode(cdp);
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId: node!, fetchRelatives: false });
  await cdp.detach();
  return String(nodes[0]?.name?.value ?? '');
}

async function focusTab(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const node = await lensTabNode(cdp);
  await cdp.send('DOM.focus', { nodeId: node! });
  await cdp.detach();
}

const cardShown = async (page: Page) => {
  const frame = await findCardFrame(page);
  if (!frame) return false;
  const el = await frame.frameElement();
  return (await el.boundingBox()) !== null;
};

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('the tab shows the headline beside the page, opens on click, closes on Esc, and is remembered', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  await expect(page.locator('reloquence-lens')).toHaveAttribute('data-state', 'ok');
  // Closed by default: the tab, no card.
  const name = await tabName(page);
  expect(name).toContain(`@${COSY.handle}`);
  expect(name).toContain(`ER ${pct(expectedEr(COSY))}`);
  expect(name).toMatch(/above typical|typical|below typical|no verdict/);
  expect(name).toMatch(/Tier \d/);
  expect(await cardShown(page)).toBe(false);
  await screenshot(page, 'lens-tab-instagram-1280');

  // A click opens the card beside the tab; Esc closes it.
  let box = await tabBox(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => cardShown(page)).toBe(true);
  await expect((await overlay(page)).getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await screenshot(page, 'lens-card-open-instagram-1280');
  await page.keyboard.press('Escape');
  await expect.poll(() => cardShown(page)).toBe(false);

  // Enter on the focused tab opens it too; the card's own close button closes it.
  await focusTab(page);
  await page.keyboard.press('Enter');
  await expect.poll(() => cardShown(page)).toBe(true);
  await (await overlay(page)).getByTestId('card-close').click();
  await expect.poll(() => cardShown(page)).toBe(false);

  // Dragged down along the edge, it stays where it was put, also after a reload; open stays open.
  box = await tabBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 220, { steps: 8 });
  await page.mouse.up();
  const moved = await tabBox(page);
  expect(moved.y).toBeGreaterThan(box.y + 150);
  expect(moved.x).toBe(box.x);
  expect(await cardShown(page)).toBe(false);
  await page.mouse.click(moved.x + moved.width / 2, moved.y + moved.height / 2);
  await expect.poll(() => cardShown(page)).toBe(true);
  await page.reload();
  await expect(page.locator('reloquence-lens')).toHaveAttribute('data-state', 'ok');
  await expect.poll(() => cardShown(page)).toBe(true);
  expect(Math.abs((await tabBox(page)).y - moved.y)).toBeLessThan(3);
});

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px the tab covers none of the platforms' profile headers or posts`, async ({ context }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 860 });
    const pages = [
      { url: `${IG}/${COSY.handle}/`, content: 'main header, main .grid > div' },
      { url: `https://www.youtube.com/@${FERN.handle}/videos`, content: '#content .grid > *, #content header, #content .channel-header' },
      { url: tiktokProfile(SOFIA), content: 'main .head, [data-e2e="user-post-item-list"] > *' },
      { url: `https://x.com/${LENA.handle}`, content: '#primary > *' },
    ];
    for (const p of pages) {
      await page.goto(p.url);
      await expect(page.locator('reloquence-lens')).toHaveAttribute('data-state', 'ok');
      await page.waitForTimeout(200);
      const tab = await tabBox(page);
      const boxes = await page.locator(p.content).evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
      expect(boxes.length, `content found on ${p.url}`).toBeGreaterThan(0);
      const covered = boxes.filter((b) => b.width > 0 && b.height > 0 && intersects(tab, b));
      expect(covered, `the tab at ${JSON.stringify(tab)} covers content on ${p.url}`).toEqual([]);
      await screenshot(page, `lens-tab-${new URL(p.url).hostname.split('.').at(-2)}-${width}`);
    }
  });
}

test('at 200 % zoom the tab still covers no profile header or post', async ({ context }) => {
  const page = await context.newPage();
  // A 1280 px window at 200 %: 640 CSS pixels wide.
  await page.setViewportSize({ width: 640, height: 430 });
  await page.goto(`${IG}/${COSY.handle}/`);
  await expect(page.locator('reloquence-lens')).toHaveAttribute('data-state', 'ok');
  const tab = await tabBox(page);
  const boxes = await page.locator('main header, main .grid > div').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  expect(boxes.filter((b) => intersects(tab, b))).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/lens-tab-instagram-zoom200.png` });
});
