/**
 * Text from pages, files and users can carry Unicode direction controls (U+202E RIGHT-TO-LEFT
 * OVERRIDE and the like) that reverse the text shown after them: "@kim\u202Egnp.exe" reads as
 * "@kimexe.png". Where such text is an element of its own, the components put it in a `<bdi>`
 * (or an element with `unicode-bidi: isolate`); where it sits inside a sentence held as a string
 * (notices, option labels, titles, aria-labels, messages), {@link isolate} wraps it in FIRST
 * STRONG ISOLATE … POP DIRECTIONAL ISOLATE, which closes whatever override it opened and keeps
 * its direction from spilling onto the words around it. Pure.
 */

/** U+2068 FIRST STRONG ISOLATE. */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE. */
export const PDI = '\u2069';

/** `text` as an isolated run inside a string: FSI + text + PDI. */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}
