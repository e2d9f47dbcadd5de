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

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’‑-][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(slice)) !== null) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], norm: normalizeWord(m[0]) });
  }
  return out;
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
