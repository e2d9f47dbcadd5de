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
 * Word tokens of text[from, to): a scan of character codes through a table of their classes
 * (ASCII filled in advance, other characters on first sight by the Unicode property test;
 * astral characters tested each time), with the normalised form built only when it differs from
 * the text (capitals, other than ASCII, ’ or ‑).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    let k = classAt(text, i, to);
    if (k < LOWER) {
      i++;
      continue;
    }
    const start = i;
    let upper = false;
    let fold = false;
    for (;;) {
      // A run of word characters…
      do {
        if (k !== LOWER) upper = true;
        i += k === ASTRAL ? 2 : 1;
        k = i < to ? classAt(text, i, to) : OTHER;
      } while (k >= LOWER);
      // …joined to the next run by one apostrophe or hyphen.
      if ((k === JOIN || k === JOIN_FOLD) && i + 1 < to) {
        const next = classAt(text, i + 1, to);
        if (next >= LOWER) {
          if (k === JOIN_FOLD) fold = true;
          i++;
          k = next;
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

// Classes of UTF-16 code units, in this order: below LOWER nothing a word is made of; from LOWER
// on, word characters (UPPER: one that makes the word need normalising, A–Z or not ASCII).
/** Not yet classified. */
const UNKNOWN = 0;
const OTHER = 1;
/** ' and - */
const JOIN = 2;
/** ’ and ‑ (folded to ' and - in the normalised form) */
const JOIN_FOLD = 3;
const LOWER = 4;
const UPPER = 5;
/** A surrogate pair that is a word character (classAt only). */
const ASTRAL = 6;
/** A high surrogate: classAt looks at the pair. */
const HIGH = 7;

const CLASS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /[a-z0-9]/.test(ch) ? LOWER : /[A-Z]/.test(ch) ? UPPER : ch === "'" || ch === '-' ? JOIN : OTHER;
}
// Latin-1 and the General Punctuation block are filled in advance too, without the Unicode
// property test, whose first use compiles a large character class (≈ 1.5 ms of a start): letters
// and numbers are À–ÿ but × ÷, ª µ º, ² ³ ¹ ¼ ½ ¾; U+2000–U+206F holds none (’ and ‑ join).
for (let c = 0x80; c < 0x100; c++) CLASS[c] = (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) || [0xaa, 0xb5, 0xba, 0xb2, 0xb3, 0xb9, 0xbc, 0xbd, 0xbe].includes(c) ? UPPER : OTHER;
for (let c = 0x2000; c < 0x2070; c++) CLASS[c] = c === 0x2019 || c === 0x2011 ? JOIN_FOLD : OTHER;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** The class of text[i] (i < to); for a high surrogate, ASTRAL when it and the next unit (before `to`) are a word character, else OTHER. */
function classAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  let k = CLASS[c];
  if (k === UNKNOWN) k = classify(c);
  if (k !== HIGH) return k;
  if (i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff && WORD_CHAR.test(text.slice(i, i + 2))) return ASTRAL;
  }
  return OTHER;
}

function classify(c: number): number {
  const k = c >= 0xd800 && c <= 0xdbff ? HIGH : c === 0x2019 || c === 0x2011 ? JOIN_FOLD : WORD_CHAR.test(String.fromCharCode(c)) ? UPPER : OTHER;
  CLASS[c] = k;
  return k;
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
