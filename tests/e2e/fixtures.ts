/**
 * Playwright fixtures: a Chromium (Debian's /usr/bin/chromium) with the built extension loaded,
 * the demo Instagram served at its real URLs, and a record of every request that was not the
 * page's own, so tests can assert the extension sent none.
 */
import { test as base, chromium, expect, type BrowserContext, type CDPSession, type Frame, type Page, type Worker } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
import { serveDemo } from './pages/site';
import './pages/all';

/** The built extension: .output/chrome-mv3, or EXTENSION_DIR (a build made with WXT_OUT_DIR). */
export const EXTENSION_DIR = process.env.EXTENSION_DIR ? resolve(process.env.EXTENSION_DIR) : resolve(HERE, '../../.output/chrome-mv3');
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : resolve(HERE, '../../test-results/screenshots');
/** Debian's Chromium by default; CHROMIUM_PATH for another; else Playwright's own build if installed. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** URLs requested that no fixture page asked for (i.e. sent by something else). */
  strayRequests: string[];
  /** Every http(s) request seen, in order. */
  requests: string[];
  /** Host permissions the extension holds beyond its manifest's (see extensionGranting). */
  grantedOrigins: string[];
  /**
   * Whether the card starts open on every platform (as for a user who left it open; the default
   * here, so tests of the card's content see it at once). Tests of the docked tab set false.
   */
  dockOpen: boolean;
}

/**
 * A copy of the built extension whose manifest already grants `origins`. The marketplace origin
 * is an optional host permission the extension asks for at its first "Create listing", through a
 * browser prompt that no automation can answer (microsoft/playwright#32755); when the permission
 * is already held, `permissions.request` resolves at once without a prompt, which is the path a
 * returning user takes. The build itself is left as it is (see the manifest test).
 */
function extensionGranting(origins: readonly string[]): string {
  const dir = mkdtempSync(resolve(tmpdir(), 'reloquence-lens-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = resolve(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** Headless Chromium as every test and benchmark runs it: no GPU, nothing of its own on the network. */
export const BROWSER_ARGS: readonly string[] = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The same browser without the extension: what a benchmark compares with. */
export function launchWithoutExtension(): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 860 }, args: [...BROWSER_ARGS] });
}

export async function launchWithExtension(headless = true, options: { grantedOrigins?: readonly string[] } = {}): Promise<BrowserContext> {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const dir = options.grantedOrigins?.length ? extensionGranting(options.grantedOrigins) : EXTENSION_DIR;
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1280, height: 860 },
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...BROWSER_ARGS],
  });
}

/** Serve the demo sites; anything else is refused and recorded. */
export async function routeDemoSites(context: BrowserContext, stray: string[]): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!/^https?:/.test(url)) {
      // The extension's own files (the overlay page and its scripts) load from the browser.
      await route.continue();
      return;
    }
    const request = route.request();
    const served = serveDemo(url, request.method(), request.postData());
    if (served) {
      await route.fulfill({ status: served.status, contentType: served.contentType, body: served.body });
      return;
    }
    stray.push(url);
    await route.abort('blockedbyclient');
  });
}

/** Remember the card as open on every platform (what a user who left it open has stored). */
export async function openDockEverywhere(context: BrowserContext): Promise<void> {
  const sw = await serviceWorkerOf(context);
  await sw.evaluate(() => {
    const open = { top: 0.32, open: true };
    return chrome.storage.local.set({ lensDock: { instagram: open, youtube: open, tiktok: open, x: open } });
  });
}

/**
 * The docked tab's node id, found through the DevTools protocol (the tab lives in a closed
 * shadow root, which only the protocol pierces); null when the page has none yet.
 */
export async function lensTabNode(cdp: CDPSession): Promise<number | null> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type N = { nodeId: number; attributes?: string[]; children?: N[]; shadowRoots?: N[] };
  const find = (n: N): number | null => {
    const a = n.attributes ?? [];
    for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-testid' && a[i + 1] === 'lens-tab') return n.nodeId;
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
      const hit = find(c);
      if (hit !== null) return hit;
    }
    return null;
  };
  return find(root as N);
}

/** The tab's border box on screen (left, top, width, height), or null when the page has no tab. */
export async function lensTabBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const node = await lensTabNode(cdp);
    if (node === null) return null;
    const q = (await cdp.send('DOM.getBoxModel', { nodeId: node })).model.border;
    return { x: q[0]!, y: q[1]!, width: q[2]! - q[0]!, height: q[5]! - q[1]! };
  } finally {
    await cdp.detach();
  }
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => null));
  if (!sw) throw new Error('The extension service worker did not start: is the build in .output/chrome-mv3 valid?');
  return sw;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  strayRequests: async ({}, use) => {
    await use([]);
  },
  // eslint-disable-next-line no-empty-pattern
  requests: async ({}, use) => {
    await use([]);
  },
  grantedOrigins: [[], { option: true }],
  dockOpen: [true, { option: true }],
  context: async ({ strayRequests, requests, grantedOrigins, dockOpen }, use) => {
    const context = await launchWithExtension(true, { grantedOrigins });
    if (dockOpen) await openDockEverywhere(context);
    context.on('request', (r) => {
      if (/^https?:/.test(r.url())) requests.push(r.url());
    });
    await routeDemoSites(context, strayRequests);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    const id = new URL(serviceWorker.url()).host;
    if (!id) throw new Error(`Cannot read the extension id from ${serviceWorker.url()}`);
    await use(id);
  },
});

export { expect };

/**
 * The card's frame: the overlay.html frame the content script made, inside the closed shadow root
 * of its <reloquence-lens> element (a frame the page made itself is not it). Playwright's
 * selectors cannot enter a closed shadow root, so the frame is found among the page's frames.
 */
export async function findCardFrame(page: Page): Promise<Frame | null> {
  for (const frame of page.frames()) {
    if (!frame.url().includes('/overlay.html') || frame.parentFrame() !== page.mainFrame()) continue;
    const element = await frame.frameElement().catch(() => null);
    const ours = await element
      ?.evaluate((el) => {
        const root = el.getRootNode();
        return root instanceof ShadowRoot && root.host.localName === 'reloquence-lens';
      })
      .catch(() => false);
    if (ours) return frame;
  }
  return null;
}

/**
 * The card's frame, once it is there; when the card is on screen, also once a click on it would
 * act (the card refuses clicks until it has been in full view for a moment, see
 * utils/click-guard.ts — as a person would, the test waits for that).
 */
export async function overlayFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const end = Date.now() + timeoutMs;
  let frame = await findCardFrame(page);
  while (!frame) {
    if (Date.now() > end) throw new Error(`The card's frame did not appear on ${page.url()}.`);
    await page.waitForTimeout(50);
    frame = await findCardFrame(page);
  }
  await frame.locator('body[data-armed="true"]').waitFor({ state: 'attached', timeout: 3_000 }).catch(() => undefined);
  return frame;
}

/** How many card frames the page holds (the content script keeps exactly one). */
export function overlayFrameCount(page: Page): number {
  return page.frames().filter((f) => f.url().includes('/overlay.html')).length;
}

/** The overlay card on a page (the one shown, not the twin that sizes the frame). */
export async function overlay(page: Page) {
  return (await overlayFrame(page)).locator('#app').getByTestId('overlay');
}

/** The element the content script adds to the page (hidden when there is nothing to show). */
export function overlayHost(page: Page) {
  return page.locator('reloquence-lens');
}

/** Id of the tab showing `page`, asked of the extension itself. */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  const id = await serviceWorker.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === pageUrl || t.pendingUrl === pageUrl)?.id ?? (await chrome.tabs.query({ active: true }))[0]?.id;
  }, url);
  if (typeof id !== 'number') throw new Error(`No tab found for ${url}`);
  return id;
}

export async function screenshot(target: Page | ReturnType<Page['locator']>, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await target.screenshot({ path });
  return path;
}

/** "4.2 %" as the card prints a percentage. */
export function pct(value: number): string {
  return `${value.toFixed(1)} %`;
}

/** A count as the card's stat `title` spells it: every digit, en-US grouping. */
export function exact(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** The page's own requests, without the browser's favicon probe. */
export function withoutFavicon(requests: string[]): string[] {
  return requests.filter((u) => !u.endsWith('/favicon.ico'));
}
