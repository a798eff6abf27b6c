import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Host permissions are only the social platforms the readers understand.
// The marketplace origin is an optional permission asked for when the user first needs it.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Reloquence Lens',
    description:
      'Engagement rate, tier and a fair price per post for creators on Instagram — read from the page, computed in your browser.',
    permissions: [],
    action: { default_title: 'Reloquence Lens' },
    // The overlay card is this extension page, framed by the content script on the platforms.
    web_accessible_resources: [{ resources: ['overlay.html'], matches: ['https://www.instagram.com/*'] }],
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
