import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFiles, analyzeText } from '../../lib/analyze-file';
import { pageFromHar } from '../../lib/har';
import { instagramCaptures } from '../../lib/platforms/instagram';
import { sharedDataProfilePage, COSY, expectedEr } from '../e2e/pages/instagram';
import { GRID, profileQuery, recentEr } from './fixtures/instagram/web-client';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('analyzeText', () => {
  it('reports a saved profile page with the documented fields', () => {
    const result = analyzeText(sharedDataProfilePage(COSY), `https://www.instagram.com/${COSY.handle}/`);
    if (!result.ok) throw new Error(result.error);
    const r = result.report;
    expect(Object.keys(r)).toEqual(['platform', 'kind', 'handle', 'followers', 'posts', 'engagementRate', 'tier', 'sizeClass', 'benchmark', 'source', 'signals', 'content']);
    expect(r).toMatchObject({ platform: 'instagram', kind: 'profile', handle: COSY.handle, followers: COSY.followers, sizeClass: 'micro' });
    expect(r.tier).toEqual({ rank: 7, name: 'Hacker Micro Influencers', pricePerPost: 150 });
    expect(r.posts).toHaveLength(12);
    expect(r.posts[0]).toEqual({ id: COSY.posts[0]!.code, likes: COSY.posts[0]!.likes, comments: COSY.posts[0]!.comments, views: null, shares: null });
    expect(r.engagementRate).toBeCloseTo(expectedEr(COSY), 3);
    // 12,480 followers: 10K–50K on Instagram, per follower; the rate is the ER (pinned rule applied).
    expect(r.benchmark).toEqual({
      platform: 'instagram',
      basis: 'followers',
      band: '10K–50K',
      typical: [0.54, 2.37],
      rate: r.engagementRate,
      verdict: 'above',
      source: 'HypeAuditor 2026, Markerly 2016',
    });
    expect(r).not.toHaveProperty('benchmarkNote');
  });

  it('refuses unsupported pages and unreadable files with one clear line', () => {
    const html = sharedDataProfilePage(COSY);
    expect(analyzeText(html, 'https://example.com/x')).toEqual({ ok: false, error: expect.stringContaining('unsupported page') });
    expect(analyzeText(html, 'https://www.instagram.com/explore/')).toEqual({ ok: false, error: expect.stringContaining('not a profile or post') });
    expect(analyzeText('just words', 'https://www.instagram.com/a.b/')).toEqual({ ok: false, error: expect.stringContaining('neither') });
    expect(analyzeText('{"unrelated": true}', 'https://www.instagram.com/a.b/')).toMatchObject({ ok: false });
    expect(analyzeText('not a url', 'nope')).toMatchObject({ ok: false });
  });
});

const FERN_URL = 'https://www.instagram.com/fern.kiln/';
const GRAPHQL = 'https://www.instagram.com/graphql/query';

/** A HAR 1.2 entry as the browser's developer tools save it. */
function harEntry(url: string, mimeType: string, text: string, o: { method?: string; base64?: boolean; second?: number } = {}) {
  return {
    startedDateTime: new Date(Date.UTC(2026, 0, 2, 10, 0, o.second ?? 0)).toISOString(),
    time: 42,
    request: { method: o.method ?? 'GET', url, httpVersion: 'h2', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status: 200,
      statusText: '',
      httpVersion: 'h2',
      headers: [],
      cookies: [],
      content: { size: text.length, mimeType, text: o.base64 ? Buffer.from(text, 'utf8').toString('base64') : text, ...(o.base64 ? { encoding: 'base64' } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 40, receive: 2 },
  };
}

/**
 * A HAR of a logged-in profile page built from a saved page: the document (its meta says the
 * rounded "12.8K"), a script, the profile query (stored base64, as browsers do for some
 * bodies), the posts query — and a JSON response the copier would not have copied, whose
 * numbers must not be read.
 */
function fernHar(o: { documentUrl?: string } = {}) {
  const html = `<!DOCTYPE html><html><head><meta property="og:description" content="12.8K Followers, 410 Following, 96 Posts - See Instagram photos and videos from Fern Kiln Studio (@fern.kiln)"></head><body></body></html>`;
  const stray = { data: { user: { username: 'fern.kiln', follower_count: 1, media_count: 1 } } };
  return {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [{ startedDateTime: '2026-01-02T10:00:00.000Z', id: 'page_1', title: o.documentUrl ?? FERN_URL, pageTimings: {} }],
      entries: [
        harEntry(o.documentUrl ?? FERN_URL, 'text/html; charset=utf-8', html, { second: 0 }),
        harEntry('https://static.cdninstagram.com/rsrc.php/v3/made-up.js', 'application/javascript', 'console.log(1)', { second: 1 }),
        // Listed out of order: the reader must get them in the order the page received them.
        harEntry(GRAPHQL, 'text/javascript; charset=utf-8', JSON.stringify(GRID), { method: 'POST', second: 4 }),
        harEntry(GRAPHQL, 'text/javascript; charset=utf-8', JSON.stringify(profileQuery()), { method: 'POST', second: 3, base64: true }),
        harEntry('https://www.instagram.com/api/v1/not_copied/', 'application/json', JSON.stringify(stray), { second: 5 }),
      ],
    },
  };
}

describe('analyzeFiles: one page given as several files', () => {
  it('reads the profile query and the posts query together, in any order, pinned posts marked', () => {
    const profile = { name: 'profile.json', text: JSON.stringify(profileQuery()) };
    const posts = { name: 'posts.json', text: JSON.stringify(GRID) };
    for (const files of [[profile, posts], [posts, profile]]) {
      const result = analyzeFiles(files, FERN_URL);
      if (!result.ok) throw new Error(result.error);
      const r = result.report;
      expect(r).toMatchObject({ kind: 'profile', handle: 'fern.kiln', followers: 12_840 });
      expect(r.posts.map((p) => p.pinned ?? false)).toEqual([true, true, false, false, false, false]);
      expect(r.posts[2]).toEqual({ id: 'DFernPost001', likes: 400, comments: 12, views: null, shares: null });
      expect(r.engagementRate).toBeCloseTo(recentEr(12_840), 4);
    }
  });

  it('reads TikTok’s embedded user and its item_list response as one page', () => {
    const fixture = (name: string) => ({ name, text: readFileSync(resolve(ROOT, 'tests/unit/fixtures/tiktok', name), 'utf8') });
    const alone = analyzeFiles([fixture('universal-profile.html')], 'https://www.tiktok.com/@pebble.bakes');
    const both = analyzeFiles([fixture('item_list-pebble.json'), fixture('universal-profile.html')], 'https://www.tiktok.com/@pebble.bakes');
    if (!alone.ok || !both.ok) throw new Error('expected reports');
    expect(both.report.followers).toBe(alone.report.followers);
    expect(both.report.posts.length).toBeGreaterThan(alone.report.posts.length);
    expect(both.report.source).toMatch(/userInfo.*itemList/);
  });

  it('takes the document first whatever the order given, and names a file it cannot read', () => {
    const html = { name: 'page.html', text: sharedDataProfilePage(COSY) };
    const result = analyzeFiles([{ name: 'empty.json', text: '{}' }, html], `https://www.instagram.com/${COSY.handle}/`);
    expect(result).toMatchObject({ ok: true, report: { followers: COSY.followers } });
    expect(analyzeFiles([html, { name: 'notes.txt', text: 'just words' }], `https://www.instagram.com/${COSY.handle}/`)).toEqual({
      ok: false,
      error: 'notes.txt is neither an HTML page nor valid JSON',
    });
  });
});

describe('a HAR file of the page', () => {
  it('gives the document and, in arrival order, only the responses the copier would have copied', () => {
    const page = pageFromHar(fernHar(), FERN_URL, instagramCaptures);
    expect(page.html).toContain('12.8K Followers');
    expect(page.responses.map((r) => [r.url, JSON.parse(r.text).data.user?.username ?? 'grid'])).toEqual([
      [GRAPHQL, 'fern.kiln'],
      [GRAPHQL, 'grid'],
    ]);
  });

  it('reads the whole page: exact followers from the query over the rounded meta, the posts query, the pinned rule', () => {
    const result = analyzeText(JSON.stringify(fernHar()), FERN_URL);
    if (!result.ok) throw new Error(result.error);
    expect(result.report).toMatchObject({ platform: 'instagram', kind: 'profile', handle: 'fern.kiln', followers: 12_840, sizeClass: 'micro' });
    expect(result.report.posts).toHaveLength(6);
    expect(result.report.posts[0]).toMatchObject({ id: 'DFernPin0001', pinned: true });
    expect(result.report.engagementRate).toBeCloseTo(recentEr(12_840), 4);
  });

  it('takes the first HTML response as the document when no entry has the page URL (after in-app navigation)', () => {
    const page = pageFromHar(fernHar({ documentUrl: 'https://www.instagram.com/' }), FERN_URL, instagramCaptures);
    expect(page.html).toContain('12.8K Followers');
    const result = analyzeText(JSON.stringify(fernHar({ documentUrl: 'https://www.instagram.com/' })), FERN_URL);
    expect(result).toMatchObject({ ok: true, report: { followers: 12_840 } });
  });
});

describe('analyze command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lens-analyze-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/analyze.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

  it('prints one JSON object for a saved page', () => {
    const file = join(dir, 'cosy.html');
    writeFileSync(file, sharedDataProfilePage(COSY));
    const out = run('--url', `https://www.instagram.com/${COSY.handle}/`, file);
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ handle: COSY.handle, followers: COSY.followers });
  });

  it('exits 2 with one line and no stack trace on bad input', () => {
    const garbage = join(dir, 'garbage.bin');
    writeFileSync(garbage, Buffer.from([0, 1, 2, 255, 254]));
    for (const args of [
      ['--url', 'https://www.instagram.com/a.b/', join(dir, 'missing.html')],
      ['--url', 'https://www.instagram.com/a.b/', garbage],
      ['--url', 'https://example.com/', garbage],
      ['--url', 'https://www.instagram.com/a.b/', dir],
      [join(dir, 'x.html')],
      ['--bogus'],
    ]) {
      const out = run(...args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      const lines = out.stderr.trim().split('\n');
      expect(lines, out.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^analyze: /);
    }
  }, 60_000);

  it('takes several files of one page, and a HAR file, and marks pinned posts in its output', () => {
    const profile = join(dir, 'profile.json');
    const posts = join(dir, 'posts.json');
    const har = join(dir, 'page.har');
    writeFileSync(profile, JSON.stringify(profileQuery()));
    writeFileSync(posts, JSON.stringify(GRID));
    writeFileSync(har, JSON.stringify(fernHar()));
    for (const files of [[posts, profile], [har]]) {
      const out = run('--url', FERN_URL, ...files);
      expect(out.status, out.stderr).toBe(0);
      const report = JSON.parse(out.stdout);
      expect(Object.keys(report)).toEqual(['platform', 'kind', 'handle', 'followers', 'posts', 'engagementRate', 'tier', 'sizeClass', 'benchmark', 'source', 'signals', 'content']);
      expect(report.followers).toBe(12_840);
      // The pinned 95K-like hit is left out of the benchmark's rate as of the ER.
      expect(report.benchmark).toMatchObject({ platform: 'instagram', basis: 'followers', band: '10K–50K', rate: report.engagementRate });
      expect(report.posts[0]).toEqual({ id: 'DFernPin0001', likes: 95_000, comments: 900, views: null, shares: null, pinned: true });
      expect(report.posts[2]).not.toHaveProperty('pinned');
    }
  }, 60_000);

  const linux = process.platform === 'linux' && existsSync('/dev/zero') && spawnSync('mkfifo', ['--version']).status === 0;
  it.skipIf(!linux)('refuses a FIFO, a device and a socket at once: exit 2, one line, nothing read', async () => {
    const fifo = join(dir, 'page.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const socketPath = join(dir, 'page.sock');
    const server = createServer();
    await new Promise<void>((done) => server.listen(socketPath, done));
    try {
      for (const file of [fifo, '/dev/zero', socketPath]) {
        const started = Date.now();
        const out = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/analyze.ts'), '--url', FERN_URL, file], {
          encoding: 'utf8',
          cwd: ROOT,
          timeout: 30_000,
        });
        expect(out.signal, `${file} must not hang`).toBeNull();
        expect(out.status, file).toBe(2);
        expect(out.stdout).toBe('');
        expect(out.stderr.trim().split('\n')).toEqual([`analyze: ${file} is not a regular file (a pipe, a device or a socket cannot be read)`]);
        expect(Date.now() - started).toBeLessThan(30_000);
      }
    } finally {
      server.close();
    }
  }, 120_000);
  if (!linux) console.warn('[analyze] SKIPPED the FIFO/device refusal test: it needs Linux with mkfifo and /dev/zero.');
});
