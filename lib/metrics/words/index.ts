/**
 * The word lists of ../content.ts, one file per language (English first). A text is read against
 * all of them at once: a comment's language is not known, and the lists rarely collide. To add a
 * language, write `<code>.ts` exporting a `LanguageWords` and list it here.
 */
import { de } from './de';
import { en } from './en';
import { es } from './es';
import type { LanguageWords } from './types';

export { AFFILIATE_HOSTS, AFFILIATE_PARAMS } from './en';
export { DISCLOSURE_PHRASES, DISCLOSURE_TAGS } from './disclosure';
export type { LanguageWords } from './types';

export const LANGUAGES: readonly LanguageWords[] = [en, es, de];
