import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests load the built extension (.output/chrome-mv3) into Debian's Chromium and serve
 * made-up pages at the platforms' real URLs. One worker: each test owns a persistent browser.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
