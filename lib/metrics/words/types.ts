/**
 * The words one language brings to ../content.ts. Phrases are matched as whole words, case- and
 * accent-insensitively, anywhere in the text unless said otherwise.
 */
export interface LanguageWords {
  /** ISO 639-1 code. */
  language: string;
  /** A comment that shows the writer wants to buy or has bought: "where can I buy", "ordered", "link?". */
  purchaseIntent: readonly string[];
  /**
   * Openings of a question written without "?" ("how do you", "where is"); a comment with "?" or
   * "¿" is a question in any language. Single words are too loose ("What a view!", "How cute").
   */
  questionStarts: readonly string[];
  /**
   * Generic comments, matched against the WHOLE comment once emoji, punctuation and repeated
   * letters are set aside ("Nice pic!!! 🔥" → "nice pic"): what bots and engagement pods write.
   */
  genericComments: readonly string[];
  /** Bot and spam phrases matched anywhere in a comment ("dm us to collab", "promote it on"). */
  spamPhrases: readonly string[];
  /**
   * Words before a promo code: "use code", "promo code". After one of them, the next word is the
   * code (3–20 letters, digits, `-`, `_`; "is" and ":" may come between).
   */
  promoCodeWords: readonly string[];
  /** Words after which only a word that looks like a code counts ("code ANNA20": capitals with a digit, or 4+ capitals). */
  weakCodeWords: readonly string[];
  /** Words that may follow a code word without being the code ("use code below", "my code is"). */
  notCodes: readonly string[];
}
