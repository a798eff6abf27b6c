import * as z from 'zod/mini';

/**
 * Extension pages and content scripts run under a CSP that forbids eval. zod would probe for it
 * with `new Function` on first use: the probe fails, and the browser still files a CSP
 * violation for it, on the page's main thread. Tell zod up front to parse without code
 * generation. Called once by each entrypoint before anything parses.
 */
export function configureZodForExtension(): void {
  z.config({ jitless: true });
}
