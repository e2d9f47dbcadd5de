// The English word list (an-array-of-english-words), looked up without loading it whole: the
// kinds ask whether a lower-case word is English (KindEnv.isEnglishWord), and so does the
// engine's language test (text/language.ts).

import { openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR } from './rules-dir.js';

const require = createRequire(import.meta.url);

/**
 * The English word list (an-array-of-english-words: 275,000 words of a–z, sorted), kept as the
 * text of its JSON file, `["a","aa",…]`, cut into blocks of ≈ 4 KB that start at a word. `npm run
 * build` records where each block starts and its first word (dist/english.json, with the file's
 * size): a look-up bisects the first words and reads one block from the file (a text asks about a
 * few hundred words; reading and decoding the 3.3 MB took ≈ 6 ms). Without a matching index the
 * whole text is read and indexed in memory. Building a `Set` of the list took ≈ 190 ms and 20 MB.
 */
export interface EnglishIndex {
  /** Bytes of the word list the index was made from. */
  size: number;
  /** Offset of the opening quote of each block's first word. */
  offsets: number[];
  firsts: string[];
}

/** Where `npm run build` writes the word list's index. */
export const ENGLISH_INDEX = join(BUILTIN_RULES_DIR, '..', 'dist', 'english.json');
const BLOCK = 4096;

/** The index of the word list's text (read as Latin-1; the words are ASCII). */
export function indexEnglish(text: string): EnglishIndex {
  const offsets: number[] = [];
  const firsts: string[] = [];
  for (let q = text.indexOf('"'); q >= 0; q = text.indexOf(',"', q + BLOCK), q = q < 0 ? q : q + 1) {
    offsets.push(q);
    firsts.push(text.slice(q + 1, text.indexOf('"', q + 1)));
  }
  return { size: text.length, offsets, firsts };
}

let english: ((w: string) => boolean) | undefined;
/** Answers so far: a text asks about the same few thousand words again and again. */
const englishSeen = new Map<string, boolean>();
export function isEnglishWord(lowerWord: string): boolean {
  let known = englishSeen.get(lowerWord);
  if (known === undefined) {
    known = lowerWord !== '' && /^[a-z]+$/.test(lowerWord) && (english ??= englishWords())(lowerWord);
    if (englishSeen.size >= 200_000) englishSeen.clear();
    englishSeen.set(lowerWord, known);
  }
  return known;
}

/** Membership in the word list (lower-case a–z words only), through the index file when it matches the list. */
export function englishWords(indexFile = ENGLISH_INDEX): (w: string) => boolean {
  const file = require.resolve('an-array-of-english-words');
  let index: EnglishIndex | undefined;
  try {
    index = JSON.parse(readFileSync(indexFile, 'utf8')) as EnglishIndex;
  } catch {
    // not built: index the text below
  }
  let block: (i: number) => string;
  if (index && !process.env.MTLINT_NO_PRECOMPILED && index.size === statSync(file).size) {
    const fd = openSync(file, 'r');
    const { offsets, size } = index;
    block = (i) => {
      const end = i + 1 < offsets.length ? offsets[i + 1] : size;
      const buf = Buffer.allocUnsafe(end - offsets[i]);
      readSync(fd, buf, 0, buf.length, offsets[i]);
      return buf.toString('latin1');
    };
  } else {
    const text = readFileSync(file, 'latin1');
    index = indexEnglish(text);
    const { offsets } = index;
    block = (i) => text.slice(offsets[i], i + 1 < offsets.length ? offsets[i + 1] : text.length);
  }
  const { firsts } = index;
  const blocks = new Map<number, string>();
  return (w) => {
    // The last block whose first word is ≤ w.
    let lo = 0;
    let hi = firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (firsts[mid] <= w) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return false;
    let text = blocks.get(lo - 1);
    if (text === undefined) blocks.set(lo - 1, (text = block(lo - 1)));
    return text.includes(`"${w}"`);
  };
}
