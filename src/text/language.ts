// Which lines of a document are not English: a German headline in a list of links, a French
// quotation left untranslated. Checks that assume English (names, calques, spellings, repeated
// words) do not run there — “Selenskyj trifft Scholz in München” is German, not a misspelt
// Zelenskyy in Munich.
//
//   Talks resumed in Kyiv on Monday.
//   Selenskyj trifft Scholz in München        ← not English: left to the language-neutral checks
//   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//
// Two tests must agree. First a cheap one on every line: three in ten of its lower-case words or
// more are not in the English word list (which has many short words of other languages too: die,
// sind, con), and two of its words at least are foreign-looking (not in the list, or with a letter
// beyond ASCII) (names, being capitalised, say nothing either way). Only such
// lines — few in English copy — go to franc (wooorm/franc, trigram profiles; the 82-language
// build), restricted to languages written in Latin letters, which must rank a language other
// than English first. Lines of other scripts need no test: the English checks find nothing in
// them, and the script kind reports them.

import { francAll } from 'franc-min';
import type { Block, TextDocument } from './document.js';

/** Languages in Latin script that franc-min knows and news copy meets (ISO 639-3). */
const LATIN = ['eng', 'deu', 'fra', 'spa', 'por', 'ita', 'nld', 'pol', 'ces', 'slk', 'hun', 'ron', 'swe', 'dan', 'nob', 'fin', 'tur', 'hrv', 'bos', 'slv', 'lit', 'lav', 'est', 'cat', 'glg', 'ind', 'vie', 'tgl', 'uzb', 'azj', 'som', 'hau', 'swh', 'yor', 'ibo', 'zul'];
/** Fewer lower-case words (of two letters or more) than this: too little to tell (a name, a two-word label). */
const MIN_WORDS = 2;
/** Fewer words that speak for another language than this: an English line with one odd word (a coinage). */
const MIN_EVIDENCE = 2;
/** franc's score for English (the best language scores 1) must stay under this. */
const ENGLISH_BELOW = 0.9;

/**
 * Lines of `doc` (line breaks excluded) judged not English. `isEnglishWord` answers for a
 * lower-case word of a–z; it is the engine's word list.
 */
export function foreignLines(doc: TextDocument, isEnglishWord: (w: string) => boolean): Block[] {
  const { text, words } = doc;
  const out: Block[] = [];
  let w = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const end = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    let lower = 0;
    let english = 0;
    /** Words that speak for another language: lower-case ones not in the list, and any with a letter beyond ASCII (München, président). */
    let evidence = 0;
    let decided = false;
    for (; w < words.length && words[w].start < end; w++) {
      if (decided || words[w].start < lineStart) continue;
      const t = words[w].text;
      if (t.length < 2) continue;
      const c = t.charCodeAt(0);
      const accented = /[\u00c0-\u024f]/.test(t);
      if (accented) evidence++;
      // Lower-case words only: a–z, or a letter beyond ASCII that has an upper case.
      if (!((c >= 97 && c <= 122) || (c > 127 && t[0] !== t[0].toUpperCase()))) continue;
      lower++;
      if (englishWord(words[w].norm, isEnglishWord)) english++;
      else if (!accented) evidence++;
      // Most lines decide after a few words: clearly English.
      if (english >= 8 && english * 10 >= lower * 9) decided = true;
    }
    if (!decided && lower >= MIN_WORDS && evidence >= MIN_EVIDENCE && (lower - english) * 10 >= lower * 3 && !isEnglish(text.slice(lineStart, end))) {
      out.push({ start: lineStart, end });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/** A word of the list, also with a possessive or a contraction (minister's, didn't, we'll) and in each part of a compound (tie-up). */
function englishWord(norm: string, isEnglishWord: (w: string) => boolean): boolean {
  if (isEnglishWord(norm)) return true;
  const w = norm.includes("'") ? norm.replace(CONTRACTION, '') : norm;
  if (w !== norm && isEnglishWord(w)) return true;
  return w.includes('-') && w.split('-').every((part) => isEnglishWord(part));
}
const CONTRACTION = /n't$|'(?:s|re|ve|ll|d|m)$/;

/** franc's verdict on a line that the word list doubts: English unless another language clearly leads. */
function isEnglish(line: string): boolean {
  const ranked = francAll(line, { only: LATIN, minLength: 1 });
  const [best] = ranked[0];
  if (best === 'und' || best === 'eng') return true;
  const eng = ranked.find(([lang]) => lang === 'eng');
  return eng !== undefined && eng[1] >= ENGLISH_BELOW;
}
