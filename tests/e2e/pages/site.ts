/**
 * The demo sites: which made-up fixture page answers which URL. Shared by the e2e tests,
 * `npm run demo` and `npm run bench`, so all three show the extension the same pages. Each
 * platform's pages live in their own module; `serveDemo` asks each in turn.
 */
import {
  ACCOUNTS,
  COSY,
  COSY_POST,
  currentProfilePage,
  noDataPage,
  sharedDataPostPage,
  sharedDataProfilePage,
  webProfileInfo,
  type DemoAccount,
} from './instagram';

export interface Served {
  status: number;
  contentType: string;
  body: string;
}

const html = (body: string): Served => ({ status: 200, contentType: 'text/html; charset=utf-8', body });

/** Accounts whose direct page load uses the current application/json layout. */
const CURRENT_LAYOUT = new Set(['trailrunner.mia', 'marlow.makes']);

export function profilePage(a: DemoAccount): string {
  return CURRENT_LAYOUT.has(a.handle) ? currentProfilePage(a) : sharedDataProfilePage(a);
}

/** The response for an instagram.com URL, or null when the demo site has no such page. */
export function serveInstagram(url: string): Served | null {
  const u = new URL(url);
  if (u.hostname !== 'www.instagram.com') return null;
  if (u.pathname === '/api/v1/users/web_profile_info/') {
    const account = ACCOUNTS.find((a) => a.handle === u.searchParams.get('username'));
    return account
      ? { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(webProfileInfo(account)) }
      : { status: 404, contentType: 'application/json', body: '{"status":"fail"}' };
  }
  if (u.pathname === `/p/${COSY_POST.code}/`) return html(sharedDataPostPage(COSY, COSY_POST));
  if (u.pathname === '/ghost.profile/') return html(noDataPage('ghost.profile'));
  if (u.pathname === '/explore/') return html(noDataPage('explore'));
  if (u.pathname === '/favicon.ico') return { status: 404, contentType: 'text/plain', body: '' };
  const handle = /^\/([^/]+)\/$/.exec(u.pathname)?.[1];
  const account = ACCOUNTS.find((a) => a.handle === handle);
  return account ? html(profilePage(account)) : null;
}

/** A platform's demo server: the response for a URL of its host, or null when it has no such page. */
export type DemoServer = (url: string, method: string, body: string | null) => Served | null;

const SERVERS: DemoServer[] = [serveInstagram];

/** Register a platform's demo pages (each platform module calls this once). */
export function registerDemoServer(server: DemoServer): void {
  if (!SERVERS.includes(server)) SERVERS.push(server);
}

/** The demo response for any URL, or null: such a request was not made by a demo page. */
export function serveDemo(url: string, method = 'GET', body: string | null = null): Served | null {
  for (const server of SERVERS) {
    const served = server(url, method, body);
    if (served) return served;
  }
  return null;
}
