/**
 * What a search text looks for, as the prefixes of stored search terms (see migration
 * 0011_search_terms): each entry is one word of the text, given as the prefixes any one of
 * which may match it. A record matches when every word matches one of its terms.
 *
 * A text made only of digits and phone punctuation is one number: "0881 234 567" looks for
 * 881234567, the digits without the trunk zero, which ends the stored "+359881234567".
 */
export function searchWords(text: string): string[][] {
  const lower = text.trim().toLowerCase();
  if (!lower) return [];
  if (lower.includes('@')) return [[lower]];
  if (/^[+\d\s().-]+$/.test(lower)) {
    const digits = lower.replace(/\D/g, '');
    const withoutTrunk = digits.replace(/^0+/, '');
    if (withoutTrunk.length >= 5) return [unique([withoutTrunk, digits])];
  }
  return unique(lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean)).map(alternativesOf);
}

function alternativesOf(word: string): string[] {
  if (/^\d+$/.test(word)) return unique([word, word.replace(/^0+/, '')]).filter(Boolean);
  // A VAT number "BG831919536": tax ids are kept without the country prefix.
  if (/^[a-z]{2}\d{5,}$/.test(word)) return [word, word.slice(2)];
  return [word];
}

const unique = (values: string[]) => [...new Set(values)];

/** The word that narrows the search most: the longest (a long word has fewer terms starting with it). */
export function anchorOf(words: string[][]): number {
  let best = 0;
  for (const [i, alternatives] of words.entries())
    if (Math.min(...alternatives.map((a) => a.length)) > Math.min(...words[best].map((a) => a.length)))
      best = i;
  return best;
}
