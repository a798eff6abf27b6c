import * as z from 'zod/mini';
import { MAX_RESPONSE_CHARS, PAGE_DATA_SOURCE, type PageDataMessage } from './page-data-message';

/** Validates a message posted on the page's window before the content script trusts it. */
export const PageDataMessageSchema = z.union([
  z.object({
    source: z.literal(PAGE_DATA_SOURCE),
    type: z.literal('response'),
    url: z.string().check(z.maxLength(8000)),
    text: z.string().check(z.maxLength(MAX_RESPONSE_CHARS)),
  }),
  z.object({ source: z.literal(PAGE_DATA_SOURCE), type: z.literal('navigated') }),
]);

// The schema and the type the MAIN-world script posts must not drift apart.
export const pageDataMessageSchemaMatches: z.infer<typeof PageDataMessageSchema> extends PageDataMessage ? true : never = true;
