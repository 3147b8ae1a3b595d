/** Text normalisation shared by the cache key, the offline rules and the prompt. */

/**
 * NFKC turns full-width letters, digits and punctuation into ASCII (ＡＢ１２，！ → AB12,!);
 * whitespace runs become one space; ends are trimmed. Chinese punctuation (。、) is kept.
 */
export function normalizeText (text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim()
}
