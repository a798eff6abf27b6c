/**
 * npm run bench — the budgets of the foundation, measured on the built extension:
 *  1. size of what the Instagram content scripts load (gzip), budget 25 KB;
 *  2. overlay on screen after the profile data is in the page, median of 20 loads, budget 50 ms
 *     (direct load: from the moment the page's data script runs; soft navigation: from the moment
 *     the web client has the new profile's JSON);
 *  3. requests sent by the extension during those loads, budget 0.
 * Exits 1 when a budget is exceeded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, routeDemoSites, serviceWorkerOf } from '../tests/e2e/fixtures';
import { COSY, MIA } from '../tests/e2e/pages/instagram';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const IG = 'https://www.instagram.com';
const results: Array<{ name: string; value: number; unit: string; budget: number }> = [];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

function bundleSizes(): void {
  const dir = resolve(EXTENSION_DIR, 'content-scripts');
  const files = readdirSync(dir);
  const igFiles = files.filter((f) => f.startsWith('instagram') || f.startsWith('page-data'));
  let total = 0;
  for (const f of igFiles) {
    const kb = gzipKb(resolve(dir, f));
    total += kb;
    console.log(`  ${f}: ${kb.toFixed(1)} KB gzip`);
  }
  results.push({ name: 'Instagram content scripts (all they load), gzip', value: total, unit: 'KB', budget: 25 });
}

/**
 * Before the page runs: note when its data arrives and when the overlay shows it. A string, not a
 * function: tsx's name-keeping helpers would not exist in the page.
 */
const INSTRUMENT = `(() => {
  let shared;
  Object.defineProperty(window, '_sharedData', {
    configurable: true,
    get: () => shared,
    set: (v) => { window.__dataAt = performance.now(); shared = v; },
  });
  new MutationObserver(() => {
    const host = document.querySelector('reloquence-lens');
    if (!host || host.getAttribute('data-state') !== 'ok') return;
    const handle = host.getAttribute('data-handle');
    if (window.__overlayAt === undefined) window.__overlayAt = performance.now();
    if (handle === 'trailrunner.mia' && window.__navOverlayAt === undefined) window.__navOverlayAt = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-handle'] });
})();`;

async function timings(page: Page): Promise<{ load: number; nav: number }> {
  await page.goto(`${IG}/${COSY.handle}/`);
  await page.waitForFunction(() => (window as unknown as { __overlayAt?: number }).__overlayAt !== undefined, null, { timeout: 15_000 });
  await page.getByText(`@${MIA.handle}`).click();
  await page.waitForFunction(() => (window as unknown as { __navOverlayAt?: number }).__navOverlayAt !== undefined, null, { timeout: 15_000 });
  return page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    return { load: w.__overlayAt! - w.__dataAt!, nav: w.__navOverlayAt! - w.__navDataAt! };
  });
}

async function latency(): Promise<void> {
  const context = await launchWithExtension(true);
  const stray: string[] = [];
  await routeDemoSites(context, stray);
  await serviceWorkerOf(context);
  await context.addInitScript({ content: INSTRUMENT });
  const loads: number[] = [];
  const navs: number[] = [];
  // One warm-up load (first start of the extension's scripts), then the measured runs.
  const warm = await context.newPage();
  await timings(warm);
  await warm.close();
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    const t = await timings(page);
    loads.push(t.load);
    navs.push(t.nav);
    await page.close();
  }
  await context.close();
  console.log(`  direct load, ms: ${loads.map((v) => v.toFixed(1)).join(' ')}`);
  console.log(`  soft navigation, ms: ${navs.map((v) => v.toFixed(1)).join(' ')}`);
  results.push({ name: `Overlay after data in page, direct load (median of ${RUNS})`, value: median(loads), unit: 'ms', budget: 50 });
  results.push({ name: `Overlay after data in page, soft navigation (median of ${RUNS})`, value: median(navs), unit: 'ms', budget: 50 });
  results.push({ name: 'Requests sent by the extension', value: stray.length, unit: '', budget: 0 });
  if (stray.length) console.log(`  stray requests: ${stray.join(', ')}`);
}

async function main(): Promise<void> {
  console.log('Bundle sizes');
  bundleSizes();
  console.log('Overlay latency (headless Chromium)');
  await latency();
  console.log('\nBudget check');
  let failed = false;
  for (const r of results) {
    const ok = r.value <= r.budget;
    failed ||= !ok;
    const value = r.unit === 'KB' ? r.value.toFixed(1) : r.unit === 'ms' ? r.value.toFixed(1) : String(r.value);
    console.log(`  ${ok ? 'ok  ' : 'OVER'} ${r.name}: ${value}${r.unit ? ` ${r.unit}` : ''} (budget ${r.budget}${r.unit ? ` ${r.unit}` : ''})`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(1);
});
