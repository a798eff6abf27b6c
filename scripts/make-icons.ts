/**
 * Renders public/icon/{16,32,48,128}.png from the SVG below with headless Chromium.
 * Run once after changing the logo: npx tsx scripts/make-icons.ts
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../tests/e2e/fixtures';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#5b3df5"/>
  <circle cx="58" cy="58" r="30" fill="none" stroke="#fff" stroke-width="13"/>
  <path d="M80 80 L104 104" stroke="#fff" stroke-width="15" stroke-linecap="round"/>
  <path d="M44 66 L54 54 L62 60 L73 46" fill="none" stroke="#ffd34d" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

async function main(): Promise<void> {
  const out = resolve(dirname(fileURLToPath(import.meta.url)), '../public/icon');
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  for (const size of [16, 32, 48, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: resolve(out, `${size}.png`), omitBackground: true });
  }
  await browser.close();
}

void main();
