/**
 * npm run demo — shows the built extension at work on bundled demo pages (made-up accounts served
 * at instagram.com's real URLs inside the demo browser only; nothing goes to the network).
 *
 * With a display: opens Chromium with the extension on a demo profile; close the window to end.
 * Without one (a server, CI): writes screenshots of the overlay and the popup and says where.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, overlayFrame, routeDemoSites, serviceWorkerOf } from '../tests/e2e/fixtures';
import { COSY, COSY_POST, MARLOW, MIA, QUIET } from '../tests/e2e/pages/instagram';
import { SOFIA, SOFIA_VIDEO, profileUrl as tiktokProfile, videoUrl as tiktokVideo } from '../tests/e2e/pages/tiktok';
import { LENA, LENA_POST } from '../tests/e2e/pages/x';
import { FERN, FERN_VIDEO } from '../tests/e2e/pages/youtube';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../demo-output');
const IG = 'https://www.instagram.com';

async function headed(): Promise<void> {
  const context = await launchWithExtension(false);
  const stray: string[] = [];
  await routeDemoSites(context, stray);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${IG}/${COSY.handle}/`);
  console.log(`Demo running: Chromium shows @${COSY.handle} with the Reloquence Lens overlay.`);
  console.log(`Try the links in the page's top bar, or open ${IG}/${MIA.handle}/, /${MARLOW.handle}/, /${QUIET.handle}/ or /p/${COSY_POST.code}/.`);
  console.log(`Other platforms: https://www.youtube.com/@${FERN.handle}, ${tiktokProfile(SOFIA)}, https://x.com/${LENA.handle}`);
  console.log('Click the puzzle-piece icon → Reloquence Lens for the popup. Close the browser window to end the demo.');
  await new Promise<void>((done) => context.on('close', () => done()));
}

async function screenshots(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const context = await launchWithExtension(true);
  const stray: string[] = [];
  await routeDemoSites(context, stray);
  const sw = await serviceWorkerOf(context);
  const extensionId = new URL(sw.url()).host;
  const written: string[] = [];
  const page = await context.newPage();
  for (const [name, url] of [
    ['instagram-profile', `${IG}/${COSY.handle}/`],
    ['instagram-profile-current-layout', `${IG}/${MIA.handle}/`],
    ['instagram-profile-small', `${IG}/${MARLOW.handle}/`],
    ['instagram-private', `${IG}/${QUIET.handle}/`],
    ['instagram-post', `${IG}/p/${COSY_POST.code}/`],
    ['youtube-channel', `https://www.youtube.com/@${FERN.handle}/videos`],
    ['youtube-video', `https://www.youtube.com/watch?v=${FERN_VIDEO.id}`],
    ['tiktok-profile', tiktokProfile(SOFIA)],
    ['tiktok-video', tiktokVideo(SOFIA, SOFIA_VIDEO)],
    ['x-profile', `https://x.com/${LENA.handle}`],
    ['x-post', `https://x.com/${LENA.handle}/status/${LENA_POST.id}`],
  ] as const) {
    await page.goto(url);
    await page.locator('reloquence-lens[data-state]').waitFor({ state: 'attached', timeout: 15_000 });
    await page.waitForTimeout(400); // the posts of X and TikTok profiles arrive in a second response
    const file = resolve(OUT, `overlay-${name}.png`);
    await page.screenshot({ path: file });
    written.push(file);
  }
  await page.goto(`${IG}/${COSY.handle}/`);
  await page.locator('reloquence-lens[data-state="ok"]').waitFor({ state: 'attached', timeout: 15_000 });
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('profile-card').waitFor({ state: 'attached', timeout: 15_000 });
  const popupFile = resolve(OUT, 'popup-profile.png');
  await popup.screenshot({ path: popupFile });
  written.push(popupFile);

  // A creator's own view: "This is me" on the card, then the popup opens on My tier.
  const card = (await overlayFrame(page)).locator('#app');
  await card.getByTestId('this-is-me').click();
  await card.getByTestId('is-me').waitFor({ timeout: 15_000 });
  await popup.reload();
  await popup.getByTestId('my-tier').waitFor({ timeout: 15_000 });
  const myTierFile = resolve(OUT, 'popup-my-tier.png');
  await popup.screenshot({ path: myTierFile, fullPage: true });
  written.push(myTierFile);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('options-save').waitFor({ timeout: 15_000 });
  const optionsFile = resolve(OUT, 'settings.png');
  await options.screenshot({ path: optionsFile });
  written.push(optionsFile);
  await context.close();
  console.log('No display found, so the demo wrote screenshots of the extension at work:');
  for (const f of written) console.log(`  ${f}`);
  if (stray.length) console.log(`Requests refused (not from the demo pages): ${stray.join(', ')}`);
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
(hasDisplay ? headed() : screenshots()).catch((e: unknown) => {
  console.error(`demo: ${(e as Error).message}`);
  process.exit(1);
});
