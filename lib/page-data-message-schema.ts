import * as z from 'zod/mini';
import { MAX_RESPONSE_CHARS, type PageDataMessage } from './page-data-message';

/** Validates what arrives over the page-data port before the content script uses it. */
export const PageDataMessageSchema = z.union([
  z.object({
    type: z.literal('response'),
    url: z.string().check(z.maxLength(8000)),
    text: z.string().check(z.maxLength(MAX_RESPONSE_CHARS)),
  }),
  z.object({ type: z.literal('navigated') }),
]);

// The schema and the type the MAIN-world script posts must not drift apart.
export const pageDataMessageSchemaMatches: z.infer<typeof PageDataMessageSchema> extends PageDataMessage ? true : never = true;
