import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze-file';
import { sharedDataProfilePage, COSY, expectedEr } from '../e2e/pages/instagram';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('analyzeText', () => {
  it('reports a saved profile page with the documented fields', () => {
    const result = analyzeText(sharedDataProfilePage(COSY), `https://www.instagram.com/${COSY.handle}/`);
    if (!result.ok) throw new Error(result.error);
    const r = result.report;
    expect(Object.keys(r)).toEqual(['platform', 'kind', 'handle', 'followers', 'posts', 'engagementRate', 'tier', 'sizeClass', 'source']);
    expect(r).toMatchObject({ platform: 'instagram', kind: 'profile', handle: COSY.handle, followers: COSY.followers, sizeClass: 'micro' });
    expect(r.tier).toEqual({ rank: 7, name: 'Hacker Micro Influencers', pricePerPost: 150 });
    expect(r.posts).toHaveLength(12);
    expect(r.posts[0]).toEqual({ id: COSY.posts[0]!.code, likes: COSY.posts[0]!.likes, comments: COSY.posts[0]!.comments, views: null, shares: null });
    expect(r.engagementRate).toBeCloseTo(expectedEr(COSY), 3);
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
});
