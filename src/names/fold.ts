// How the names code compares spellings: folded (lower case, no accents) and split into words.

import { tokenize } from '../text/tokens.js';

/** Lower case without accents: Erdoğan and Erdogan are the same name. */
export function fold(s: string): string {
  // Plain ASCII letters need no decomposition.
  if (/^[A-Za-z' -]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .toLowerCase();
}

/** A capitalised name word of two or more letters (not a particle such as "da" or "von"). */
export function isNameWord(w: string): boolean {
  return w.length >= 2 && /^\p{Lu}/u.test(w) && !/\p{N}/u.test(w);
}

/** The words of a name, as the tokenizer splits them. */
export const words = (s: string) => tokenize(s).map((t) => t.text);
