/**
 * What the MAIN-world page-data script posts to the isolated content script: the text of a JSON
 * response the page's own web client received (parsed in the isolated world, so a page cannot
 * hand over anything but data), or word that the page navigated within the app.
 *
 * The constants live apart from the schema so the MAIN-world script carries no zod at all.
 */
export const PAGE_DATA_SOURCE = 'reloquence-lens/page-data';

/** Responses larger than this are not copied (no profile or timeline body comes near it). */
export const MAX_RESPONSE_CHARS = 12 * 1024 * 1024;

export type PageDataMessage =
  | { source: typeof PAGE_DATA_SOURCE; type: 'response'; url: string; text: string }
  | { source: typeof PAGE_DATA_SOURCE; type: 'navigated' };
