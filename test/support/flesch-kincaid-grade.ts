import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * The Flesch-Kincaid grade level of an English text: the school grade a reader needs, from the
 * words per sentence and syllables per word. The formula and the syllable counts are wooorm's
 * packages; only the counting of words and sentences is ours.
 *
 * - A word is anything between spaces that holds a letter or digit, so an address such as
 *   https://veza.example.com or a key like VEZA_API_KEY is one (long) word, as a reader sees it.
 * - A sentence ends with . ! or ? followed by a space or the end (closing quotes and brackets
 *   may come between), so the dots inside an address or a version number do not end one. A
 *   text that does not end that way (a title) counts its last part as a sentence too.
 * - A word counts at least one syllable (the syllable count gives 0 for a bare number).
 */
export function fleschKincaidGrade(text: string): number {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const ends = text.match(/[.!?]+["'”’)\]]*(?=\s|$)/g)?.length ?? 0;
  const sentence = ends + (/[.!?]["'”’)\]]*$/.test(text.trim()) ? 0 : 1);
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  return fleschKincaid({ sentence, word: words.length, syllable: syllables });
}
