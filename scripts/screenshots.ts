/**
 * npm run screenshots — what a user sees, to look at: the lens on each platform's demo page
 * (the docked tab, and the card opened from it) at 1024, 1280 and 1440 px, light and dark (a
 * page in its dark theme), and the popup, the shortlist and the options page at 1024 and
 * 1440 px in the system's light and dark themes. Writes PNGs to demo-output/screens/ and prints
 * where. Needs a build (npm run build).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension, lensTabBox, overlayFrame, routeDemoSites, serviceWorkerOf } from '../tests/e2e/fixtures';
import { COSY } from '../tests/e2e/pages/instagram';
import { serveDemo } from '../tests/e2e/pages/site';
import { SOFIA, profileUrl as tiktokProfile } from '../tests/e2e/pages/tiktok';
import { LENA } from '../tests/e2e/pages/x';
import { FERN } from '../tests/e2e/pages/youtube';
import { thirtyCreators } from '../tests/e2e/pages/workday';
import '../tests/e2e/pages/all';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../demo-output/screens');
const WIDTHS = [1024, 1280, 1440];
const PAGES = [
  { name: 'instagram', url: `https://www.instagram.com/${COSY.handle}/` },
  { name: 'youtube', url: `https://www.youtube.com/@${FERN.handle}/videos` },
  { name: 'tiktok', url: tiktokProfile(SOFIA) },
  { name: 'x', url: `https://x.com/${LENA.handle}` },
];
/** A page in its dark theme, as the platforms paint theirs. */
const DARK_PAGE = '<style>html,body{background:#0f0f10!important;color:#e8e8ea!important}</style>';

const written: string[] = [];
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const file = resolve(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  written.push(file);
}

async function darkRoutes(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => PAGES.some((p) => p.url === url.href),
    async (route) => {
      const served = serveDemo(route.request().url(), 'GET', null)!;
      await route.fulfill({ status: served.status, contentType: served.contentType, body: served.body.replace('<head>', `<head>${DARK_PAGE}`) });
    },
  );
}

/** Point at the tab, then click it (it lives in a closed shadow root: found through the DevTools protocol). */
async function clickTab(page: Page): Promise<void> {
  const box = await lensTabBox(page);
  if (box === null) throw new Error(`no tab on ${page.url()}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.waitForTimeout(150);
  await page.mouse.click(x, y);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    const context = await launchWithExtension(true);
    await routeDemoSites(context, []);
    if (theme === 'dark') await darkRoutes(context);
    const sw = await serviceWorkerOf(context);
    const extensionId = new URL(sw.url()).host;
    for (const width of WIDTHS) {
      for (const p of PAGES) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(p.url);
        await page.locator('reloquence-lens[data-state]').waitFor({ state: 'attached', timeout: 15_000 });
        await page.waitForTimeout(300);
        await shot(page, `${p.name}-${width}-${theme}-tab`);
        await clickTab(page);
        await overlayFrame(page);
        await page.waitForTimeout(400);
        await shot(page, `${p.name}-${width}-${theme}-card`);
        await page.keyboard.press('Escape');
        await page.close();
      }
    }
    // The shortlist with creators on it, as a user's is: the 30 made-up creators of the e2e tests.
    const seed = await context.newPage();
    await seed.goto(`chrome-extension://${extensionId}/shortlist.html`);
    await seed.getByTestId('import-file').setInputFiles({ name: 'thirty.csv', mimeType: 'text/csv', buffer: Buffer.from(thirtyCreators()) });
    await seed.getByTestId('import-apply').click();
    await seed.getByTestId('shortlist-row').first().waitFor();
    await seed.close();
    for (const width of [1024, 1440]) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`chrome-extension://${extensionId}/shortlist.html`);
      await page.getByTestId('shortlist-row').first().waitFor();
      await shot(page, `shortlist-${width}-${theme}`);
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await page.getByTestId('options-save').waitFor();
      await shot(page, `options-${width}-${theme}`, true);
      await page.close();
    }
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.emulateMedia({ colorScheme: theme });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByTestId('popup').waitFor();
    await shot(popup, `popup-${theme}`);
    await context.close();
  }
  console.log(`Screenshots written to ${OUT}:\n${written.map((f) => `  ${f}`).join('\n')}`);
}

main().catch((e: unknown) => {
  console.error(`screenshots: ${(e as Error).message}`);
  process.exit(1);
});
