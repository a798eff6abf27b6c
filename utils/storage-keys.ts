/** Where the settings are kept in `browser.storage.local` (read through utils/settings-store.ts). */
export const SETTINGS_KEY = 'settings';
