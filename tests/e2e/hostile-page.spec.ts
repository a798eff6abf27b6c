/**
 * The page is hostile: every attack a script on a platform's page can make on the card, the
 * store and the extension's secrets, tried against the built extension. Each test first proves
 * that the genuine path works (the genuine card is on screen, a genuine click acts, a genuine
 * visit is recorded), so none can pass by the extension failing to load.
 *
 * The attacks run as page scripts: `page.evaluate` (Playwright runs it in the page's own world)
 * or inline scripts of the fixture pages. Where an attack must run without the user's
 * activation, it runs from a timer of the page itself (Playwright's evaluate counts as a user
 * gesture).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, findCardFrame, lensTabNode, overlay, overlayFrame, overlayHost, test } from './fixtures';
import { COSY, MIA } from './pages/instagram';
import { profilePage } from './pages/site';

const IG = 'https://www.instagram.com';

/** A snapshot a page script might forge (valid for the card's schema). */
const FORGED = {
  platform: 'instagram',
  kind: 'profile',
  state: 'ok',
  url: `${IG}/forged.creator/`,
  handle: 'forged.creator',
  displayName: 'Forged Creator',
  followers: 3,
  followersExact: true,
  following: 0,
  postsCount: 1,
  totalLikes: null,
  bio: null,
  isPrivate: false,
  isVerified: true,
  posts: [],
  source: 'forged',
  notes: [],
};

/** A web_profile_info body with forged numbers for a handle. */
function forgedProfileInfo(handle: string) {
  return {
    data: {
      user: {
        username: handle,
        full_name: 'Forged',
        edge_followed_by: { count: 3 },
        edge_follow: { count: 1 },
        edge_owner_to_timeline_media: {
          count: 1,
          edges: [{ node: { shortcode: 'Forged1', edge_liked_by: { count: 900 }, edge_media_to_comment: { count: 900 }, taken_at_timestamp: 1700000000 } }],
        },
      },
    },
  };
}

async function readStore(sw: Worker, store: string): Promise<Array<Record<string, unknown>>> {
  return (await sw.evaluate(`(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('reloquence-lens'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    if (!db.objectStoreNames.contains(${JSON.stringify(store)})) { db.close(); return []; }
    const rows = await new Promise((res) => { const q = db.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).getAll(); q.onsuccess = () => res(q.result); });
    db.close();
    return rows;
  })()`)) as Array<Record<string, unknown>>;
}

const creatorOf = async (sw: Worker, handle: string) => (await readStore(sw, 'creators')).find((c) => c.handleKey === handle);
const pointsOf = async (sw: Worker, handle: string) => (await readStore(sw, 'snapshots')).filter((p) => p.handleKey === handle);

/** Serve `html` at `url` (before the demo site's own answer). */
async function serveAt(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

/** A demo profile page with an attacker's script at the top of <head> (after the extension's document_start scripts, as on a real page). */
function withScript(pageHtml: string, script: string): string {
  return pageHtml.replace('<head>', `<head><script>${script}</script>`);
}

/** The centre of a control of the card, in page coordinates. */
async function centreOf(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = await (await overlay(page)).getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a page script cannot make the card show a creator it forged (old "show" message, forged port, guessed key)', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${COSY.handle}`);

  // The card's frame element, handed to the page script below as if the page had got hold of it
  // (it cannot: the frame is in a closed shadow root, and window.frames leaves such frames out).
  const frameElement = await (await overlayFrame(page)).frameElement();
  const reached = await page.evaluate(([snapshot, ours]) => {
    // Every frame window a page script can reach: window.frames, and any frame inside an open shadow root.
    const windows = new Set<Window>();
    if (ours instanceof HTMLIFrameElement && ours.contentWindow) windows.add(ours.contentWindow);
    for (let i = 0; i < window.frames.length; i++) windows.add(window.frames[i]!);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const frame of Array.from(el.shadowRoot?.querySelectorAll('iframe') ?? [])) if (frame.contentWindow) windows.add(frame.contentWindow);
    }
    for (const frame of windows) {
      // The message the card obeyed before: any "show" whose source was the parent window.
      frame.postMessage({ source: 'reloquence-lens/host', type: 'show', snapshot, stalled: false }, '*');
      // A port of the page's own, with a guessed key.
      for (const key of ['0'.repeat(32), 'f'.repeat(32), 'not-a-key']) {
        const channel = new MessageChannel();
        frame.postMessage({ type: 'reloquence-lens/connect', key }, '*', [channel.port2]);
        channel.port1.postMessage({ type: 'show', snapshot, stalled: false });
      }
    }
    return windows.size;
  }, [FORGED, frameElement] as const);
  expect(reached, 'the page reaches the card’s frame window').toBeGreaterThan(0);
  await page.waitForTimeout(1000);
  await expect(card.getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await expect(card).not.toContainText('forged.creator');
});

test('the page cannot frame the card itself, nor reach or restyle the frame the extension made', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  await expect((await overlay(page)).getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  const ours = await findCardFrame(page);

  // The shadow root is closed: the page finds the host element, not the frame inside it.
  const reach = await page.evaluate(() => {
    const host = document.querySelector('reloquence-lens');
    return { host: host !== null, shadowRoot: host?.shadowRoot ?? null, iframes: document.querySelectorAll('iframe').length };
  });
  expect(reach).toEqual({ host: true, shadowRoot: null, iframes: 0 });

  // Framing overlay.html at the extension's static address, then posting it a forged view.
  await page.evaluate(
    async ({ id, snapshot }) => {
      const frame = document.createElement('iframe');
      frame.src = `chrome-extension://${id}/overlay.html`;
      frame.id = 'attacker-frame';
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      frame.contentWindow?.postMessage({ source: 'reloquence-lens/host', type: 'show', snapshot, stalled: false }, '*');
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
    { id: extensionId, snapshot: FORGED },
  );
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame === ours) continue;
    const rendered = await frame.evaluate(() => document.querySelector('#app')?.childElementCount ?? 0).catch(() => 0);
    expect(rendered, `a frame the page made (${frame.url()}) shows nothing`).toBe(0);
  }

  // Page CSS aimed at the host cannot hide, move or fade the card: its rules are the shadow's.
  await page.addStyleTag({ content: 'reloquence-lens{display:block!important;position:fixed!important;left:-9999px!important;opacity:0!important}' });
  const frameBox = await (await (await overlayFrame(page)).frameElement()).boundingBox();
  expect(frameBox!.x).toBeGreaterThan(0);
  const style = await (await (await overlayFrame(page)).frameElement()).evaluate((el) => getComputedStyle(el as Element).opacity);
  expect(style).toBe('1');
});

test('a click through a see-through cover, or on a faded page, does nothing; the same click in full view shortlists', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('shortlist-button')).toBeEnabled();
  const at = await centreOf(page, 'shortlist-button');

  // A decoy over the whole page that lets clicks through to the card beneath.
  await page.evaluate(() => {
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.textContent = 'Click anywhere to claim your prize';
    decoy.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff;font:40px sans-serif';
    document.body.append(decoy);
  });
  await page.waitForTimeout(800);
  await page.mouse.click(at.x, at.y);
  await expect(card.getByTestId('card-notice')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await creatorOf(serviceWorker, COSY.handle)).toBeUndefined();

  // The whole page made nearly transparent (the card with it).
  await page.evaluate(() => {
    document.getElementById('decoy')!.remove();
    document.documentElement.style.opacity = '0.05';
  });
  await page.waitForTimeout(800);
  await page.mouse.click(at.x, at.y);
  await page.waitForTimeout(500);
  expect(await creatorOf(serviceWorker, COSY.handle)).toBeUndefined();
  await expect(card.getByTestId('shortlisted')).toHaveCount(0);

  // In full view again: after a moment, the same click acts.
  await page.evaluate(() => (document.documentElement.style.opacity = ''));
  await (await overlayFrame(page)).locator('body[data-armed="true"]').waitFor({ state: 'attached' });
  await page.mouse.click(at.x, at.y);
  await expect(card.getByTestId('shortlisted')).toBeVisible();
  await expect.poll(async () => (await creatorOf(serviceWorker, COSY.handle))?.handleKey).toBe(COSY.handle);
});

test('forged page data after a script-only pushState changes nothing stored; a genuine visit still records', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  // A genuine visit and a genuine click: the creator is shortlisted with the page's numbers.
  await page.goto(`${IG}/${COSY.handle}/`);
  await (await overlay(page)).getByTestId('shortlist-button').click();
  await expect((await overlay(page)).getByTestId('shortlisted')).toBeVisible();
  await expect.poll(async () => (await creatorOf(serviceWorker, COSY.handle))?.followers).toBe(COSY.followers);
  const before = await creatorOf(serviceWorker, COSY.handle);
  const pointsBefore = await pointsOf(serviceWorker, COSY.handle);
  expect(pointsBefore.length).toBe(1);

  // Another profile, whose page turns hostile 1.5 s after loading (no user activation): it
  // patches Response.prototype.text/json, pushes the shortlisted creator's address, posts a
  // forged page-data message in the old format, and lets its web client fetch the profile.
  const attack = `
    setTimeout(function () {
      var forged = ${JSON.stringify(forgedProfileInfo(COSY.handle))};
      var text = JSON.stringify(forged);
      Response.prototype.text = function () { return Promise.resolve(text); };
      Response.prototype.json = function () { return Promise.resolve(forged); };
      Response.prototype.clone = function () { return this; };
      history.pushState({}, '', '/${COSY.handle}/');
      var url = 'https://www.instagram.com/api/v1/users/web_profile_info/?username=${COSY.handle}';
      window.postMessage({ source: 'reloquence-lens/page-data', type: 'response', url: url, text: text }, location.origin);
      window.postMessage({ source: 'reloquence-lens/page-data', type: 'navigated' }, location.origin);
      fetch(url).then(function (r) { return r.json(); });
      window.__attacked = true;
    }, 1500);`;
  const hostileUrl = `${IG}/${MIA.handle}/?from=hostile`;
  await serveAt(context, hostileUrl, withScript(profilePage(MIA), attack));
  await page.goto(hostileUrl);
  // The genuine load of this page is recorded.
  await expect.poll(async () => (await pointsOf(serviceWorker, MIA.handle)).length).toBe(1);
  await page.waitForFunction(() => (window as { __attacked?: boolean }).__attacked === true);
  await expect((await overlay(page)).getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await page.waitForTimeout(1500);

  const after = await creatorOf(serviceWorker, COSY.handle);
  expect(after?.followers).toBe(before?.followers);
  expect(after?.er).toBe(before?.er);
  expect(await pointsOf(serviceWorker, COSY.handle)).toEqual(pointsBefore);
  // Nor did the card believe the patched prototypes: it shows the numbers the server sent.
  await expect((await overlay(page)).getByTestId('stat-followers')).toHaveAttribute('title', COSY.followers.toLocaleString('en-US'));

  // A genuine in-app navigation (the user clicks a link of the page) is recorded.
  await page.goto(`${IG}/${MIA.handle}/`);
  await page.waitForTimeout(1100); // a new point needs a new second
  await page.getByText(`@${COSY.handle}`, { exact: true }).click();
  await expect((await overlay(page)).getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await expect
    .poll(async () => Math.max(...(await pointsOf(serviceWorker, COSY.handle)).map((p) => Number(p.takenAt))))
    .toBeGreaterThan(Math.max(...pointsBefore.map((p) => Number(p.takenAt))));
});

test('the frame’s size tells the page nothing: the same whether the creator is shortlisted or not', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  const sizeSeenByPage = async () => {
    // What a page script can measure: where the <reloquence-lens> element answers hit tests.
    await page.waitForTimeout(700);
    return page.evaluate(() => {
      let top = Infinity;
      let bottom = -Infinity;
      let left = Infinity;
      for (let y = 0; y < innerHeight; y += 2) {
        for (let x = innerWidth - 440; x < innerWidth; x += 4) {
          if (document.elementFromPoint(x, y)?.localName === 'reloquence-lens') {
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
            left = Math.min(left, x);
          }
        }
      }
      return { top, bottom, left };
    });
  };
  await page.goto(`${IG}/${COSY.handle}/`);
  await expect((await overlay(page)).getByTestId('shortlist-button')).toBeEnabled();
  const notShortlisted = await sizeSeenByPage();
  expect(notShortlisted.bottom).toBeGreaterThan(notShortlisted.top + 100);

  await (await overlay(page)).getByTestId('shortlist-button').click();
  await expect((await overlay(page)).getByTestId('shortlisted')).toBeVisible();
  await page.reload();
  await expect((await overlay(page)).getByTestId('shortlisted')).toBeVisible();
  await expect.poll(async () => (await pointsOf(serviceWorker, COSY.handle)).length).toBeGreaterThan(0);
  expect(await sizeSeenByPage()).toEqual(notShortlisted);

  // Nothing the page can listen to on its window came from the extension.
  const heard = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
        setTimeout(() => resolve(seen), 300);
      }),
  );
  expect(heard).toEqual([]);
});

test('no window message of the extension reaches the page, none carries its id', async ({ context, extensionId }) => {
  const spy = `window.__heard = []; window.addEventListener('message', function (e) { window.__heard.push(JSON.stringify(e.data)); });`;
  const url = `${IG}/${COSY.handle}/?spy=1`;
  await serveAt(context, url, withScript(profilePage(COSY), spy));
  const page = await context.newPage();
  await page.goto(url);
  await expect((await overlay(page)).getByTestId('handle')).toHaveText(`@${COSY.handle}`);
  await page.getByText(`@${MIA.handle}`, { exact: true }).click();
  await expect((await overlay(page)).getByTestId('handle')).toHaveText(`@${MIA.handle}`);
  const heard = await page.evaluate(() => (window as { __heard?: string[] }).__heard ?? []);
  expect(heard.filter((m) => m.includes(extensionId) || m.includes('reloquence'))).toEqual([]);
});

test('a 10,000-character display name shows a card with the name shortened', async ({ context }) => {
  const longName = `${'Ｎ'.repeat(5000)}${'n'.repeat(5000)}`;
  const account = { ...COSY, handle: 'very.long.name', name: longName };
  await serveAt(context, `${IG}/${account.handle}/`, profilePage(account));
  const page = await context.newPage();
  await page.goto(`${IG}/${account.handle}/`);
  const card = await overlay(page);
  await expect(card.getByTestId('handle')).toHaveText(`@${account.handle}`);
  await expect(card.getByTestId('er-value')).toBeVisible();
  const shown = await card.locator('.rl-name').textContent();
  expect(shown!.length).toBeLessThanOrEqual(500);
  expect(shown!.endsWith('…')).toBe(true);
  await expect(overlayHost(page)).toHaveAttribute('data-state', 'ok');
});

test('the page cannot read the docked tab: window.find and selections do not see its tier and price', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${IG}/${COSY.handle}/`);
  await expect(overlayHost(page)).toHaveAttribute('data-state', 'ok');
  // The genuine tab says its tier and price (read as assistive technology reads it).
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId: (await lensTabNode(cdp))!, fetchRelatives: false });
  const name = String(nodes[0]?.name?.value ?? '');
  expect(name).toMatch(/Tier 7/);
  expect(name).toMatch(/~\$\d/);
  // A page script searching its own document finds none of it.
  const found = await page.evaluate(() => {
    const w = window as unknown as { find(text: string): boolean };
    const hits = [w.find('Tier 7'), w.find('~$'), w.find('Hacker Micro')];
    document.execCommand('selectAll');
    return { hits, selected: getSelection()?.toString() ?? '' };
  });
  expect(found.hits).toEqual([false, false, false]);
  expect(found.selected).not.toContain('Tier 7');
});
