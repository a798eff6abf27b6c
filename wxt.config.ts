import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { instagramMatches } from './lib/platforms/instagram';
import { tiktokMatches } from './lib/platforms/tiktok';
import { xMatches } from './lib/platforms/x';
import { youtubeMatches } from './lib/platforms/youtube';

/**
 * zod 4 puts /*@__PURE__*\/ annotations where Rollup cannot use them; Rollup drops the comments
 * and warns — eight multi-line warnings a build that look like errors and are not ours to fix.
 * This drops exactly those (a Rollup `onLog` hook on the plugin level reaches every entrypoint's
 * build, which WXT configures one by one); every other warning still prints.
 */
function quietZodAnnotations(): Plugin {
  return {
    name: 'reloquence:quiet-zod-annotations',
    onLog(_level, log) {
      if (log.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]zod[\\/]/.test(log.id ?? '')) return false;
    },
  };
}

const PLATFORM_MATCHES = [...instagramMatches, ...youtubeMatches, ...tiktokMatches, ...xMatches];

// Host permissions are only the social platforms the readers understand.
// The marketplace origin is an optional permission asked for when the user first needs it.
export default defineConfig({
  // WXT_OUT_DIR lets a second build (e.g. a benchmark of another version) sit beside the usual one.
  ...(process.env.WXT_OUT_DIR ? { outDir: process.env.WXT_OUT_DIR } : {}),
  // MV3 everywhere: Firefox (128+) then runs the page-data script in the page's world as Chrome does.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Reloquence Lens',
    description:
      'Engagement rate, tier and a fair price per post for creators on Instagram, YouTube, TikTok and X — read from the page, computed in your browser.',
    // contextMenus: "Add this creator to the shortlist" on a profile link. storage: the settings.
    // scripting: fill a listing draft into the marketplace's new-listing page, which needs that
    // marketplace's origin too: asked for (optional_host_permissions) only when the user first
    // creates a listing. None of these shows an install warning.
    permissions: ['contextMenus', 'storage', 'scripting'],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Reloquence Lens' },
    commands: {
      'toggle-lens': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open or close the Reloquence Lens card on this page',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'lens@reloquence.com',
          // data_collection_permissions (below) is read from Firefox 140 on.
          strict_min_version: '140.0',
          // The extension collects and transmits nothing.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
    // The overlay card is this extension page, framed by the content script on the platforms. In
    // Chrome only through a per-session address (use_dynamic_url), so a page that knows the
    // extension's id cannot frame the card itself; Firefox's addresses are per-install already.
    web_accessible_resources: [
      { resources: ['overlay.html'], matches: PLATFORM_MATCHES, ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
  }),
  // The sources package for the Firefox add-on store: what builds the extension, nothing else
  // (no test results, screenshots or demo output).
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'utils/**',
      'public/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
    ],
  },
  vite: () => ({
    plugins: [preact(), quietZodAnnotations()],
  }),
});
