/** German words for ../content.ts (see ./en.ts for what each list is). */
import type { LanguageWords } from './types';

export const de: LanguageWords = {
  language: 'de',
  purchaseIntent: [
    'wo kann man das kaufen', 'wo kann ich das kaufen', 'wo gibt es das', 'wo gibts das', 'wo hast du das her', 'woher ist das', 'link bitte',
    'bestellt', 'gerade bestellt', 'gekauft', 'gerade gekauft', 'brauche ich', 'will ich haben', 'was kostet', 'wie teuer', 'preis?', 'rabattcode',
  ],
  questionStarts: ['wo gibt', 'wo kann', 'wo hast', 'wie heißt', 'wie teuer', 'was kostet', 'welche marke', 'warum', 'weiß jemand', 'gibt es'],
  genericComments: ['schön', 'schoen', 'sehr schön', 'toll', 'super', 'mega', 'wunderschön', 'klasse', 'geil', 'hammer', 'stark', 'hübsch', 'süß', 'suess', 'hallo'],
  spamPhrases: ['schreib uns eine dm', 'schreib uns per dm', 'melde dich per dm', 'markenbotschafter'],
  promoCodeWords: ['rabattcode', 'gutscheincode', 'mit dem code', 'mit meinem code', 'code lautet'],
  weakCodeWords: ['code'],
  notCodes: ['ist', 'in', 'im', 'für', 'und', 'der', 'die', 'das', 'mein', 'dein', 'unten', 'hier', 'link', 'bio'],
};
