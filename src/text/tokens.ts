// Word tokens with offsets: letters, marks and digits, joined by inner apostrophes and hyphens.
//
//   Kyiv’s Russian-Ukrainian talks
//   ^^^^^^ ^^^^^^^^^^^^^^^^ ^^^^^

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text with typographic apostrophes folded to ' (for dictionary look-ups). */
  norm: string;
}

/**
 * The word pattern, as a regular expression: the definition the scanner below follows (and is
 * tested against).
 */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:['’‑-][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Word tokens of text[from, to): a scan of character codes with a table for ASCII, the Unicode
 * property test only for other characters (cached for the Basic Multilingual Plane), and the
 * normalised form built only when it differs from the text (capitals, ’ or ‑).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    let w = wordCharAt(text, i, to);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    let upper = false;
    let fold = false;
    for (;;) {
      // A run of word characters…
      do {
        const c = text.charCodeAt(i);
        if (c < 128 ? c >= 65 && c <= 90 : true) upper = true;
        i += w;
        w = wordCharAt(text, i, to);
      } while (w > 0);
      // …joined to the next run by one apostrophe or hyphen.
      const j = text.charCodeAt(i);
      if (i + 1 < to && (j === 0x27 || j === 0x2d || j === 0x2019 || j === 0x2011)) {
        w = wordCharAt(text, i + 1, to);
        if (w > 0) {
          if (j > 128) fold = true;
          i++;
          continue;
        }
      }
      break;
    }
    const word = text.slice(start, i);
    if (upper || fold) {
      // Words with capitals (or ’, ‑) are looked up in a table of those seen before: their
      // normalised form is not computed again, and the kinds' maps get the same strings each time.
      const known = normalized.get(word);
      if (known !== undefined) out.push({ start, end: i, text: known.text, norm: known.norm });
      else {
        const norm = normalizeWord(word);
        // NOTE: bounded; a batch of many articles sees many distinct words.
        if (normalized.size >= 200_000) normalized.clear();
        normalized.set(word, { text: word, norm });
        out.push({ start, end: i, text: word, norm });
      }
    } else out.push({ start, end: i, text: word, norm: word });
  }
  return out;
}

/** Words with capitals, ’ or ‑ seen so far, and their normalised forms. */
const normalized = new Map<string, { text: string; norm: string }>();

/** ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
/** Other BMP characters: 0 not yet tested, 1 a word character, 2 not. */
const BMP_WORD = new Uint8Array(65536);
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** The length (1 or 2 code units) of the word character at i, or 0. */
function wordCharAt(text: string, i: number, to: number): number {
  if (i >= to) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = BMP_WORD[c];
  if (known === 0) BMP_WORD[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

const FOLD = /[’‑]/;

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return FOLD.test(lower) ? lower.replace(/’/g, "'").replace(/‑/g, '-') : lower;
}

/** True for a token that starts with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  const c = word.codePointAt(0)!;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True when every cased letter is upper case (and there are at least two letters). */
export function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}
