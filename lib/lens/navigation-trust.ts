/**
 * Which page on screen the user chose to visit — the only pages whose numbers are stored
 * without a click (growth history, the refreshed numbers of a shortlisted creator, "my profile").
 *
 * Threat: a script on the page can `history.pushState` to any creator's address and then make
 * the page show whatever it likes there; if that page's numbers were stored, a page could
 * rewrite a shortlisted creator's followers and rate without the user doing anything. So a page
 * counts as the user's own visit only when
 * - the browser loaded it as a document (what the platform's server sent), or
 * - the in-app navigation to it happened with user activation (a click or key press of the user
 *   moments before, `navigator.userActivation.isActive`), or the browser says the user started
 *   it (the Navigation API's `userInitiated`: back and forward buttons).
 * A navigation without either ends the trust, unless it stays on the same creator or post
 * (an app that tidies its own address with replaceState).
 *
 * Pure (the browser's facts are passed in), so it is tested in Node.
 */
export interface NavigationTrust {
  /** A navigate event is about to take the page to `destination` (Navigation API). */
  navigating(destination: string, userInitiated: boolean): void;
  /** The address on screen is now `url` (however the change was noticed). */
  arrived(url: string): void;
  /** Whether the page at `url` is one the user chose to visit. */
  trusted(url: string): boolean;
}

export function createNavigationTrust(
  /** What identifies the page (the creator or post it is for), or null for any other page. */
  keyOf: (url: string) => string | null,
  /** The address of the document the browser loaded. */
  initialUrl: string,
  /** Whether the user has just clicked or pressed a key (transient user activation). */
  userActive: () => boolean,
): NavigationTrust {
  let trustedKey = keyOf(initialUrl);
  let current = initialUrl;
  const decided = new Map<string, boolean>();
  return {
    navigating(destination, userInitiated) {
      if (decided.size > 20) decided.clear();
      decided.set(destination, userInitiated || userActive());
    },
    arrived(url) {
      if (url === current) return;
      current = url;
      const byUser = decided.get(url) ?? userActive();
      decided.clear();
      const key = keyOf(url);
      if (byUser) trustedKey = key;
      else if (key !== trustedKey) trustedKey = null;
    },
    trusted(url) {
      const key = keyOf(url);
      return key !== null && key === trustedKey && url === current;
    },
  };
}
