/**
 * npm run bench — the extension's budgets, measured on the built extension in headless Chromium:
 *  1. size of what each platform's content scripts load (gzip), budget 25 KB each;
 *  2. the lens (the tab docked at the page's edge) on screen after the profile data is in the
 *     page, median of BENCH_RUNS loads (default 20), budget 50 ms: on a direct load (data
 *     embedded in the HTML, or for X the GraphQL responses the page fetches) and on a soft
 *     navigation (the web client's own API response), including a heavy YouTube channel page;
 *  3. main-thread time the extension adds to a page load, with vs without the extension in the
 *     same run, budget 5 % of the page's own (the heavy real pages: scripts/bench-pages.ts);
 *  4. the full card on screen after the click on the tab that opens it, budget 150 ms;
 *  5. 500 soft navigations (after 500 to warm up): the page's event listeners and JS heap stay flat;
 *  6. requests sent by the extension during all of it, budget 0.
 * Exits 1 when a budget is exceeded. `--only instagram,youtube` limits the platforms.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, launchWithoutExtension, lensTabBox, routeDemoSites, serviceWorkerOf } from '../tests/e2e/fixtures';
import { COSY, MIA } from '../tests/e2e/pages/instagram';
import { registerDemoServer, serveDemo } from '../tests/e2e/pages/site';
import { BAO, SOFIA, profileUrl as tiktokProfile } from '../tests/e2e/pages/tiktok';
import { ANA, LENA } from '../tests/e2e/pages/x';
import { FERN, PIXEL, channelPage, type DemoChannel } from '../tests/e2e/pages/youtube';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MAIN_THREAD_RUNS = Number(process.env.BENCH_MAIN_THREAD_RUNS ?? 10);

interface Scenario {
  platform: string;
  name: string;
  url: string;
  /** Regex of the inline data script in the HTML (the moment it is parsed = data in page). */
  dataScript: RegExp | null;
  /** For soft navigation: the link to click and the handle the overlay must then show. */
  nav?: { selector: string; handle: string };
}

/**
 * A heavy channel page, as YouTube's are: ytInitialData of about a megabyte (a long Videos tab
 * with full descriptions, thumbnails and menus, as the real renderer objects carry).
 */
const HEAVY: DemoChannel = {
  ...FERN,
  id: 'UCheavyFernw00dDemo00099',
  handle: 'fernwoodbotanicsarchive',
  title: 'Fernwood Botanics Archive',
  description: `${FERN.description} `.repeat(40),
  videos: Array.from({ length: 12 }, (_, round) =>
    FERN.videos.map((v, i) => ({
      ...v,
      id: `Hv${String(round).padStart(2, '0')}${String(i).padStart(2, '0')}abcdefg`.slice(0, 11),
      title: `${v.title} — ${'a full, long YouTube-style title with keywords '.repeat(3)}`,
      daysAgo: v.daysAgo + round * 50,
    })),
  ).flat(),
};
registerDemoServer((url) =>
  url.startsWith(`https://www.youtube.com/@${HEAVY.handle}`)
    ? { status: 200, contentType: 'text/html; charset=utf-8', body: channelPage(HEAVY, 'videos') }
    : null,
);

const IG = 'https://www.instagram.com';
const SCENARIOS: Scenario[] = [
  { platform: 'instagram', name: 'Instagram profile', url: `${IG}/${COSY.handle}/`, dataScript: /window\._sharedData\s*=/, nav: { selector: `text=@${MIA.handle}`, handle: MIA.handle } },
  {
    platform: 'youtube',
    name: 'YouTube channel',
    url: `https://www.youtube.com/@${FERN.handle}/videos`,
    dataScript: /var ytInitialData\s*=/,
    nav: { selector: `a[data-browse-id="${PIXEL.id}"]`, handle: PIXEL.handle },
  },
  { platform: 'youtube', name: 'YouTube heavy channel (~1 MB ytInitialData)', url: `https://www.youtube.com/@${HEAVY.handle}/videos`, dataScript: /var ytInitialData\s*=/ },
  {
    platform: 'tiktok',
    name: 'TikTok profile',
    url: tiktokProfile(SOFIA),
    dataScript: /__UNIVERSAL_DATA_FOR_REHYDRATION__/,
    nav: { selector: `a[data-nav="/@${BAO.handle}"]`, handle: BAO.handle },
  },
  { platform: 'x', name: 'X profile', url: `https://x.com/${LENA.handle}`, dataScript: null, nav: { selector: `[data-testid="follow-${ANA.handle}"]`, handle: ANA.handle } },
];

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const scenarios = only ? SCENARIOS.filter((s) => only.includes(s.platform)) : SCENARIOS;
const platforms = [...new Set(scenarios.map((s) => s.platform))];

const results: Array<{ name: string; value: number; unit: string; budget: number; lowerIsBetter?: boolean }> = [];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

function bundleSizes(): void {
  const dir = resolve(EXTENSION_DIR, 'content-scripts');
  const files = readdirSync(dir);
  // The page-world capture script runs on every platform page alongside the platform's own.
  const shared = files.filter((f) => f.startsWith('page-data') && f.endsWith('.js'));
  const sharedKb = shared.reduce((sum, f) => sum + gzipKb(resolve(dir, f)), 0);
  for (const platform of platforms) {
    const own = files.filter((f) => f.startsWith(`${platform}.`) && f.endsWith('.js'));
    const ownKb = own.reduce((sum, f) => sum + gzipKb(resolve(dir, f)), 0);
    console.log(`  ${platform}: ${own.join(', ')} ${ownKb.toFixed(1)} KB + ${shared.join(', ')} ${sharedKb.toFixed(1)} KB`);
    results.push({ name: `${platform} content scripts (all they load), gzip`, value: ownKb + sharedKb, unit: 'KB', budget: 25 });
  }
}

/**
 * Before the page runs: note when data arrives (a JSON response of the web client's API, read
 * in full) and every time the overlay reports a view on screen. Written as a string: tsx's
 * name-keeping helpers would not exist in the page.
 */
const INSTRUMENT = `(() => {
  window.__data = []; window.__renders = [];
  const nativeFetch = window.fetch;
  window.fetch = function (...args) {
    const p = nativeFetch.apply(this, args);
    p.then((r) => { if (/\\/api\\/|youtubei|graphql/.test(r.url)) r.clone().text().then(() => window.__data.push(performance.now()), () => {}); }, () => {});
    return p;
  };
  // The host may get its state before it is put in the document: its insertion counts too.
  const note = (host) => {
    if (host.localName !== 'reloquence-lens' || host.getAttribute('data-state') !== 'ok') return;
    window.__renders.push({ t: performance.now(), handle: host.getAttribute('data-handle') });
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') note(r.target);
      else for (const n of r.addedNodes) if (n.nodeType === 1) note(n);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-handle'] });
})();`;

/** Mark the moment the page's data script has been parsed, by a script right after it. */
function markDataScript(html: string, dataScript: RegExp): string {
  const at = html.search(dataScript);
  if (at < 0) return html;
  const end = html.indexOf('</script>', at);
  if (end < 0) return html;
  const cut = end + '</script>'.length;
  return `${html.slice(0, cut)}<script>window.__dataAt = performance.now()</script>${html.slice(cut)}`;
}

interface Timing {
  load: number | null;
  nav: number | null;
}

type Win = { __data: number[]; __renders: Array<{ t: number; handle: string }>; __dataAt?: number };

/** First view on screen for `handle` at or after `since`, minus `since`. */
async function renderAfter(page: Page, handle: string, since: number): Promise<number> {
  const t = await page.waitForFunction(
    ([h, s]) => (window as unknown as Win).__renders.find((r) => r.handle === h && r.t >= (s as number))?.t,
    [handle, since] as const,
    { timeout: 15_000 },
  );
  return (await t.jsonValue()) as number;
}

async function timeScenario(context: BrowserContext, s: Scenario): Promise<Timing> {
  const page = await context.newPage();
  await page.goto(s.url);
  const handle = new URL(s.url).pathname.split('/')[1]!.replace(/^@/, '');
  let load: number;
  if (s.dataScript) {
    await page.waitForFunction(() => (window as unknown as Win).__dataAt !== undefined, null, { timeout: 15_000 });
    const dataAt = await page.evaluate(() => (window as unknown as Win).__dataAt!);
    // The lens reads the data script as soon as the parser has passed it, so it can be on screen
    // before the script right after it (the mark) has run: then the figure is negative.
    load = (await renderAfter(page, handle, 0)) - dataAt;
  } else {
    // The data arrives in the page's own API responses: time from the last one to the view.
    await renderAfter(page, handle, 0);
    await page.waitForTimeout(600);
    const lastData = await page.evaluate(() => Math.max(...(window as unknown as Win).__data));
    load = (await renderAfter(page, handle, lastData)) - lastData;
  }
  let nav: number | null = null;
  if (s.nav) {
    const before = await page.evaluate(() => performance.now());
    await page.locator(s.nav.selector).first().click();
    await renderAfter(page, s.nav.handle, before);
    await page.waitForTimeout(700);
    const lastData = await page.evaluate(() => Math.max(...(window as unknown as Win).__data));
    nav = (await renderAfter(page, s.nav.handle, lastData)) - lastData;
  }
  await page.close();
  return { load, nav };
}

async function routeWithMarks(context: BrowserContext, stray: string[]): Promise<void> {
  await routeDemoSites(context, stray);
  // Later routes take precedence: wrap documents to mark when their data script is parsed.
  await context.route(
    (url) => scenarios.some((s) => s.dataScript && url.href === s.url),
    async (route) => {
      const scenario = scenarios.find((s) => s.url === route.request().url())!;
      const served = serveDemo(scenario.url)!;
      await route.fulfill({ status: served.status, contentType: served.contentType, body: markDataScript(served.body, scenario.dataScript!) });
    },
  );
}

async function latency(stray: string[]): Promise<void> {
  const context = await launchWithExtension(true);
  await routeWithMarks(context, stray);
  await serviceWorkerOf(context);
  await context.addInitScript({ content: INSTRUMENT });
  for (const s of scenarios) {
    await timeScenario(context, s); // warm-up
    const loads: number[] = [];
    const navs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = await timeScenario(context, s);
      if (t.load !== null) loads.push(t.load);
      if (t.nav !== null) navs.push(t.nav);
    }
    console.log(`  ${s.name}: direct load ms ${loads.map((v) => v.toFixed(0)).join(' ')}`);
    results.push({ name: `${s.name}: lens tab after data, direct load (median of ${RUNS})`, value: median(loads), unit: 'ms', budget: 50 });
    if (navs.length) {
      console.log(`  ${s.name}: soft navigation ms ${navs.map((v) => v.toFixed(0)).join(' ')}`);
      results.push({ name: `${s.name}: lens tab after data, soft navigation (median of ${RUNS})`, value: median(navs), unit: 'ms', budget: 50 });
    }
  }
  await context.close();
}

/** Main-thread task time of one page load (CDP Performance.TaskDuration), in ms. */
async function mainThreadMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

async function mainThread(stray: string[]): Promise<void> {
  const withExt = await launchWithExtension(true);
  await routeDemoSites(withExt, stray);
  await serviceWorkerOf(withExt);
  const without = await launchWithoutExtension();
  await routeDemoSites(without, []);
  for (const s of scenarios) {
    const a: number[] = [];
    const b: number[] = [];
    await mainThreadMs(withExt, s.url);
    await mainThreadMs(without, s.url);
    for (let i = 0; i < MAIN_THREAD_RUNS; i++) {
      a.push(await mainThreadMs(withExt, s.url));
      b.push(await mainThreadMs(without, s.url));
    }
    const added = median(a) - median(b);
    const share = (added / median(b)) * 100;
    console.log(`  ${s.name}: page alone ${median(b).toFixed(1)} ms, with the extension ${median(a).toFixed(1)} ms (+${added.toFixed(1)} ms)`);
    results.push({ name: `${s.name}: main-thread time added, % of the page's own`, value: share, unit: '%', budget: 5 });
  }
  await withExt.close();
  await without.close();
}


/** The tab's centre on screen (it lives in a closed shadow root: found through the DevTools protocol). */
async function tabCentre(page: Page): Promise<{ x: number; y: number } | null> {
  const box = await lensTabBox(page);
  return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** How long the pointer rests on the tab before the click: a quick person's move-then-click. */
const HOVER_MS = 120;

/** From the click on the tab to the first frame the card paints (the card's own clock, epoch ms). */
async function cardOpenMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('reloquence-lens[data-state="ok"]').waitFor({ state: 'attached', timeout: 15_000 });
  // A user does not click in the first instant after the page loaded.
  await page.waitForTimeout(2000);
  const at = await tabCentre(page);
  if (!at) throw new Error(`no tab on ${url}`);
  // Polled from here (a string, not a function: tsx's name-keeping helpers would not exist in
  // the card's page): the card's own clock when it first has a size and its card drawn.
  const SHOWN = `innerWidth > 0 && document.querySelector('#app [data-testid="overlay"]') ? performance.timeOrigin + performance.now() : null`;
  // As a person does: the pointer reaches the tab, and the click follows a moment later.
  await page.mouse.move(at.x, at.y);
  await page.waitForTimeout(HOVER_MS);
  const clickedAt = Date.now();
  await page.mouse.click(at.x, at.y);
  let shownAt: number | null = null;
  const deadline = Date.now() + 5000;
  while (shownAt === null && Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().includes('/overlay.html'));
    shownAt = frame ? ((await frame.evaluate(SHOWN).catch(() => null)) as number | null) : null;
    if (shownAt === null) await page.waitForTimeout(4);
  }
  if (shownAt === null) throw new Error(`the card did not open on ${url}`);
  await page.close();
  return shownAt - clickedAt;
}

async function cardOpen(stray: string[]): Promise<void> {
  const context = await launchWithExtension(true);
  await routeDemoSites(context, stray);
  await serviceWorkerOf(context);
  for (const s of scenarios.filter((x) => x.platform === 'instagram' || x.platform === 'youtube')) {
    const times: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 10); i++) times.push(await cardOpenMs(context, s.url));
    console.log(`  ${s.name}: card open ms ${times.map((v) => v.toFixed(0)).join(' ')}`);
    results.push({ name: `${s.name}: full card on screen after the click (median of ${times.length})`, value: median(times), unit: 'ms', budget: 150 });
  }
  await context.close();
}

/**
 * 500 soft navigations between two profiles, with and without the extension in the same run,
 * after 500 to warm up (V8 settles its compiled code and caches over the first few hundred: the
 * heap grows by ~0.3 MB and then stays flat, measured up to 1,500): the page's event listeners
 * and JS heap before and after. The extension must add nothing.
 */
async function navigationsGrowth(context: BrowserContext, withExtension: boolean): Promise<{ listeners: number; heap: number; heapMb: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${IG}/${COSY.handle}/`, { waitUntil: 'load' });
  const navigate = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const to = i % 2 === 0 ? MIA.handle : COSY.handle;
      await page.evaluate((h) => (document.querySelector(`[data-nav="/${h}/"]`) as HTMLElement).click(), to);
      await page.waitForFunction((h) => document.querySelector('main h2')?.textContent === h, to, { timeout: 10_000 });
      if (withExtension) await page.locator(`reloquence-lens[data-handle="${to}"]`).waitFor({ state: 'attached', timeout: 10_000 });
    }
  };
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = (k: string) => metrics.find((x) => x.name === k)?.value ?? NaN;
    return { listeners: m('JSEventListeners'), heap: m('JSHeapUsedSize') / 1024 / 1024 };
  };
  await navigate(500);
  const before = await sample();
  await navigate(500);
  const after = await sample();
  await page.close();
  console.log(
    `  ${withExtension ? 'with' : 'without'} the extension: after 500 navigations ${before.listeners} listeners, ${before.heap.toFixed(2)} MB heap; after 1,000: ${after.listeners} listeners, ${after.heap.toFixed(2)} MB heap`,
  );
  return { listeners: after.listeners - before.listeners, heap: ((after.heap - before.heap) / before.heap) * 100, heapMb: after.heap - before.heap };
}

async function softNavigations(stray: string[]): Promise<void> {
  const withExt = await launchWithExtension(true);
  await routeDemoSites(withExt, stray);
  await serviceWorkerOf(withExt);
  const without = await launchWithoutExtension();
  await routeDemoSites(without, []);
  const a = await navigationsGrowth(withExt, true);
  const b = await navigationsGrowth(without, false);
  results.push({ name: '500 soft navigations (after 500): event listeners the extension leaves on the page', value: a.listeners - b.listeners, unit: '', budget: 0 });
  results.push({ name: '500 soft navigations (after 500): JS heap growth beyond the page’s own', value: a.heapMb - b.heapMb, unit: 'MB', budget: 0.1 });
  await withExt.close();
  await without.close();
}

/** `--parts=sizes,tab,main,card,nav` runs only those parts (all by default). */
const parts = new Set(process.argv.find((a) => a.startsWith('--parts='))?.slice(8).split(',') ?? ['sizes', 'tab', 'main', 'card', 'nav']);

async function main(): Promise<void> {
  if (parts.has('sizes')) {
    console.log('Bundle sizes');
    bundleSizes();
  }
  const stray: string[] = [];
  if (parts.has('tab')) {
    console.log('The lens (the docked tab) on screen after the data (headless Chromium)');
    await latency(stray);
  }
  if (parts.has('main')) {
    console.log('Main-thread time (with vs without the extension)');
    await mainThread(stray);
  }
  if (parts.has('card')) {
    console.log('The full card after the click on the tab');
    await cardOpen(stray);
  }
  if (parts.has('nav')) {
    console.log('500 soft navigations');
    await softNavigations(stray);
  }
  results.push({ name: 'Requests sent by the extension', value: stray.length, unit: '', budget: 0 });
  if (stray.length) console.log(`  stray requests: ${stray.join(', ')}`);

  console.log('\nBudget check');
  let failed = false;
  for (const r of results) {
    const ok = Number.isFinite(r.value) && r.value <= r.budget;
    failed ||= !ok;
    const value = r.unit ? r.value.toFixed(1) : String(r.value);
    console.log(`  ${ok ? 'ok  ' : 'OVER'} ${r.name}: ${value}${r.unit ? ` ${r.unit}` : ''} (budget ${r.budget}${r.unit ? ` ${r.unit}` : ''})`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(1);
});
