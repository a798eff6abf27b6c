/**
 * npm test: every suite in turn — type check, lint, unit and real-page tests (vitest), build,
 * end-to-end tests (Playwright) — each run to its end even when an earlier one failed, then one
 * plain closing line over all of them: `N passed, N failed`. Exits 1 when anything failed.
 *
 * The type check, the lint and the build count as one check each; vitest and Playwright count
 * their tests (from their JSON reports, written to test-results/). A suite that could not report
 * its counts (it crashed, or the build it needs failed) counts as one failure, never as nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = resolve(ROOT, 'test-results');
const VITEST_JSON = resolve(RESULTS, 'vitest.json');
const E2E_JSON = resolve(RESULTS, 'e2e.json');

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const npx = (args: string[], env?: NodeJS.ProcessEnv) => run('npx', ['--no-install', ...args], env);

function check(suite: string, status: number): Tally {
  return { suite, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0 };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

/** Counts from vitest's JSON report; one failure when it wrote none or exited with an error it did not count. */
function vitestTally(status: number): Tally {
  const report = readJson(VITEST_JSON) as Record<string, unknown> | null;
  if (!report) return { suite: 'unit and real pages', passed: 0, failed: 1, skipped: 0 };
  const passed = num(report.numPassedTests);
  let failed = num(report.numFailedTests);
  if (status !== 0 && failed === 0) failed = 1; // e.g. a test file that did not load
  return { suite: 'unit and real pages', passed, failed, skipped: num(report.numPendingTests) + num(report.numTodoTests) };
}

/** Counts from Playwright's JSON report (flaky tests passed on retry and count as passed). */
function e2eTally(status: number): Tally {
  const report = readJson(E2E_JSON) as { stats?: Record<string, unknown> } | null;
  const stats = report?.stats;
  if (!stats) return { suite: 'end-to-end', passed: 0, failed: 1, skipped: 0 };
  const passed = num(stats.expected) + num(stats.flaky);
  let failed = num(stats.unexpected);
  if (status !== 0 && failed === 0) failed = 1;
  return { suite: 'end-to-end', passed, failed, skipped: num(stats.skipped) };
}

function main(): void {
  mkdirSync(RESULTS, { recursive: true });
  rmSync(VITEST_JSON, { force: true });
  rmSync(E2E_JSON, { force: true });
  const tallies: Tally[] = [];

  console.log('\n== type check (tsc --noEmit)');
  tallies.push(check('type check', npx(['tsc', '--noEmit'])));

  console.log('\n== lint (eslint)');
  tallies.push(check('lint', npx(['eslint', '.'])));

  console.log('\n== unit and real-page tests (vitest)');
  const vitest = npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`]);
  tallies.push(vitestTally(vitest));

  console.log('\n== build (wxt build)');
  const build = npx(['wxt', 'build']);
  tallies.push(check('build', build));

  console.log('\n== end-to-end tests (Playwright, headless Chromium)');
  if (build !== 0) {
    console.log('Skipped: the build failed, so there is no extension to test.');
    tallies.push({ suite: 'end-to-end', passed: 0, failed: 1, skipped: 0 });
  } else if (run('bash', ['scripts/ensure-chromium.sh']) !== 0) {
    tallies.push({ suite: 'end-to-end', passed: 0, failed: 1, skipped: 0 });
  } else {
    const e2e = npx(['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: E2E_JSON });
    tallies.push(e2eTally(e2e));
  }

  const passed = tallies.reduce((s, t) => s + t.passed, 0);
  const failed = tallies.reduce((s, t) => s + t.failed, 0);
  console.log('');
  for (const t of tallies) {
    console.log(`${t.suite}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (!existsSync(resolve(ROOT, 'node_modules'))) {
  console.log('No node_modules: run npm install first.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
main();
