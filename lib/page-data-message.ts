/**
 * What the MAIN-world page-data script (entrypoints/page-data.content.ts) sends the isolated
 * content script: the text of a JSON response the page's own web client received (parsed in the
 * isolated world, so nothing but data crosses), or word that the page navigated within the app.
 *
 * These travel over a private MessagePort (see utils/page-data-channel.ts), never as window
 * messages: any script on the page can post a window message, none can reach that port.
 *
 * The constants live apart from the schema so the MAIN-world script carries no zod at all.
 */

/**
 * The two synchronous DOM events of the hand-over of that port at document_start, before any
 * page script exists: the MAIN script offers its port with {@link PAGE_PORT_OFFER} (a cancelable
 * MessageEvent carrying it); the isolated script takes it by cancelling the event, or asks for it
 * with {@link PAGE_PORT_REQUEST} when it started second.
 */
export const PAGE_PORT_OFFER = 'reloquence-lens:page-port-offer';
export const PAGE_PORT_REQUEST = 'reloquence-lens:page-port-request';

/** Responses larger than this are not copied (no profile or timeline body comes near it). */
export const MAX_RESPONSE_CHARS = 12 * 1024 * 1024;

export type PageDataMessage = { type: 'response'; url: string; text: string } | { type: 'navigated' };
