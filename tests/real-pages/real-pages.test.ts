/**
 * Every saved real page in ../shared/real-pages must read as expected.json says: followers,
 * each post's counts (within 1 % or ±1) and pinned mark, retweets excluded, engagement rate
 * (within 1 % or 0.01 points), tier rank and size class. A composite record (`with`) is one
 * page given as several files, the way `analyze --url URL FILE COMPANION…` takes it. Skipped,
 * with a visible message, when the folder is absent (it is not part of the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../lib/analyze-file';

const ROOT = resolve(HERE, '../../../shared/real-pages');
const present = existsSync(resolve(ROOT, 'expected.json'));

interface ExpectedPost {
  id: string | null;
  likes: number | null;
  comments: number | null;
  views: number | null;
  shares: number | null;
  pinned?: boolean;
}
interface Expected {
  file: string;
  url: string;
  platform: string;
  kind: string;
  handle: string | null;
  followers: number | null;
  posts: ExpectedPost[];
  excludedIds: string[];
  engagementRate: number | null;
  tierRank: number | null;
  sizeClass: string | null;
  /** Further files the same page received (a composite record), and the record's name. */
  with?: string[];
  name?: string;
}

/** Counts match within 1 % or ±1; null must stay null. */
function closeCount(actual: number | null | undefined, expected: number | null): boolean {
  if (expected === null) return actual === null;
  if (actual === null || actual === undefined) return false;
  return Math.abs(actual - expected) <= Math.max(1, Math.abs(expected) * 0.01);
}
function closeRate(actual: number | null, expected: number | null): boolean {
  if (expected === null) return actual === null;
  if (actual === null) return false;
  return Math.abs(actual - expected) <= Math.max(0.01, Math.abs(expected) * 0.01);
}

/** Platforms whose reader is part of this release; the others' files are reported as pending. */
export const PLATFORMS = (process.env.REAL_PAGES_PLATFORMS ?? 'instagram,youtube,tiktok,x').split(',');

if (!present) {
  describe('real pages', () => {
    it.skip(`SKIPPED: ${ROOT} not found — the saved real pages live beside the repository, not in it`, () => {});
  });
  console.warn(`[real-pages] SKIPPED: ${ROOT} not found; real-page checks did not run.`);
} else {
  const expected = JSON.parse(readFileSync(resolve(ROOT, 'expected.json'), 'utf8')) as Expected[];
  for (const platform of PLATFORMS) {
    describe(`real pages: ${platform}`, () => {
      for (const exp of expected.filter((e) => e.platform === platform)) {
        it(exp.name ?? exp.file, () => {
          const files = [exp.file, ...(exp.with ?? [])].map((f) => ({ name: f, text: readFileSync(resolve(ROOT, f), 'utf8') }));
          const result = analyzeFiles(files, exp.url);
          if (!result.ok) throw new Error(result.error);
          const r = result.report;
          expect(r.platform).toBe(exp.platform);
          expect(r.kind).toBe(exp.kind);
          expect(r.handle).toBe(exp.handle);
          expect(closeCount(r.followers, exp.followers), `followers ${r.followers} vs ${exp.followers}`).toBe(true);
          expect(r.posts.length, 'number of posts').toBeGreaterThanOrEqual(exp.posts.length);
          exp.posts.forEach((ep, i) => {
            const ap = r.posts[i]!;
            expect(ap.id, `post ${i} id`).toBe(ep.id);
            for (const key of ['likes', 'comments', 'views', 'shares'] as const) {
              expect(closeCount(ap[key], ep[key]), `post ${ep.id} ${key}: ${ap[key]} vs ${ep[key]}`).toBe(true);
            }
            expect(ap.pinned === true, `post ${ep.id} pinned`).toBe(ep.pinned === true);
          });
          const ids = new Set(r.posts.map((p) => p.id));
          for (const id of exp.excludedIds) expect(ids.has(id), `excluded ${id} must be absent`).toBe(false);
          expect(closeRate(r.engagementRate, exp.engagementRate), `ER ${r.engagementRate} vs ${exp.engagementRate}`).toBe(true);
          expect(r.tier?.rank ?? null).toBe(exp.tierRank);
          expect(r.sizeClass).toBe(exp.sizeClass);
        });
      }
    });
  }
}
