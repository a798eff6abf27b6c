import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_DIR, expect, test } from './fixtures';
import { instagramMatches } from '../../lib/platforms/instagram';
import { tiktokMatches } from '../../lib/platforms/tiktok';
import { xMatches } from '../../lib/platforms/x';
import { youtubeMatches } from '../../lib/platforms/youtube';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
}

test('the built extension asks for no host permission beyond the platforms at install time', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
  const platforms = new Set([...instagramMatches, ...youtubeMatches, ...tiktokMatches, ...xMatches]);
  // Host access at install comes from host_permissions and the content scripts' matches.
  const installed = [...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((s) => s.matches)];
  expect(installed.length).toBeGreaterThan(0);
  for (const match of installed) expect(platforms.has(match), match).toBe(true);
  // No API permission that shows an install warning or reads every tab.
  expect([...(manifest.permissions ?? [])].sort()).toEqual(['contextMenus', 'scripting', 'storage']);
  // The marketplace (any https origin the user sets) is asked for when first needed.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
});
