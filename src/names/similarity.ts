// How close two folded name words are: restricted edit distance, Jaro-Winkler similarity and a
// cheap upper bound of it, sound (Double Metaphone) and consonant skeletons; `close` combines them
// under a rule's thresholds. natural is deep-imported: the package root loads corpora and logs.

import { createRequire } from 'node:module';

export interface Thresholds {
  /** Shortest word (in letters) that may be flagged. */
  minLength: number;
  /** Largest restricted Damerau-Levenshtein distance; words of 4 letters or fewer allow 1. */
  maxDistance: number;
  /** Smallest Jaro-Winkler similarity. */
  minSimilarity: number;
}

interface Natural {
  metaphone: { process(w: string): [string, string] };
}
let natural: Natural | undefined;
function nat(): Natural {
  if (!natural) {
    const require = createRequire(import.meta.url);
    const DoubleMetaphone = require('natural/lib/natural/phonetics/double_metaphone.js') as new () => Natural['metaphone'];
    natural = {
      metaphone: new DoubleMetaphone(),
    };
  }
  return natural;
}

/**
 * Restricted Damerau-Levenshtein distance (optimal string alignment): insertions, deletions,
 * substitutions and transpositions of two adjacent units, each 1; with `transpose` false, plain
 * Levenshtein. The same numbers as natural's DamerauLevenshteinDistance({restricted: true}) and
 * LevenshteinDistance (tests compare them; NOTE: natural's unrestricted variant returns 0 for
 * Zelensky/Zelenskyy), in three reused rows instead of natural's object per matrix cell, which
 * made these two ≈ 10 % of a cold batch's linting.
 */
export function editDistance(a: string, b: string, transpose = true): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return n + m;
  if (rowLength <= m) {
    rowLength = m + 1;
    [before, prev, cur] = [new Int32Array(rowLength), new Int32Array(rowLength), new Int32Array(rowLength)];
  }
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (transpose && i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[m];
}
let rowLength = 0;
let before = new Int32Array(0);
let prev = new Int32Array(0);
let cur = new Int32Array(0);

/** Which units of each word the Jaro matching has taken (reused; grown for longer words). */
let takenA = new Uint8Array(32);
let takenB = new Uint8Array(32);

/**
 * Jaro-Winkler similarity: the same numbers as natural's JaroWinklerDistance (the same steps in the
 * same order, so the same floating-point results; a test compares them), without its two arrays
 * per call — the fuzzy search asks for it some hundred thousand times in a batch.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  let jaro = 0;
  if (la > 0 && lb > 0) {
    if (takenA.length < la) takenA = new Uint8Array(la * 2);
    if (takenB.length < lb) takenB = new Uint8Array(lb * 2);
    takenA.fill(0, 0, la);
    takenB.fill(0, 0, lb);
    const window = Math.floor(Math.max(la, lb) / 2.0) - 1;
    let m = 0;
    for (let i = 0; i < la; i++) {
      const c = a.charCodeAt(i);
      const end = Math.min(i + window + 1, lb);
      for (let k = Math.max(0, i - window); k < end; k++) {
        if (takenB[k] === 1 || b.charCodeAt(k) !== c) continue;
        takenA[i] = 1;
        takenB[k] = 1;
        m++;
        break;
      }
    }
    if (m > 0) {
      let t = 0;
      for (let i = 0, k = 0; i < la; i++) {
        if (takenA[i] === 0) continue;
        while (takenB[k] === 0) k++;
        if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
        k++;
      }
      t = t / 2.0;
      jaro = (m / la + m / lb + (m - t) / m) / 3.0;
    }
  }
  const l = winklerPrefix(a, b);
  return jaro + l * 0.1 * (1 - jaro);
}

/** The letters (at most four) both words start with: what Winkler's bonus counts. */
function winklerPrefix(a: string, b: string): number {
  let l = 0;
  while (l < 4 && l < a.length && l < b.length && a.charCodeAt(l) === b.charCodeAt(l)) l++;
  return l;
}

export function soundsAlike(a: string, b: string): boolean {
  const [pa, sa] = nat().metaphone.process(a);
  const [pb, sb] = nat().metaphone.process(b);
  return pa === pb || pa === sb || sa === pb;
}

export interface Closeness {
  distance: number;
  similarity: number;
}

/**
 * The consonants of a folded word, with the letters transliterations disagree on merged: vowels
 * and y dropped, doubled letters single, w as v, ph as f, hard c as k (Locomotiv/Lokomotiv), a
 * final -ff as -v (Tinkoff/Tinkov).
 */
export function consonantSkeleton(folded: string): string {
  let skeleton = skeletons.get(folded);
  if (skeleton === undefined) {
    skeleton = skeletonOf(folded);
    // NOTE: bounded; dropped rather than grown forever.
    if (skeletons.size >= 50_000) skeletons.clear();
    skeletons.set(folded, skeleton);
  }
  return skeleton;
}

/** Skeletons so far: the gazetteer's keys are compared with many words (seven replacements each). */
const skeletons = new Map<string, string>();

function skeletonOf(folded: string): string {
  return folded
    .replace(/ff$/, 'v')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/c(?=[aou])/g, 'k')
    .replace(/[aeiouy'-]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * How close two folded words are, or null when too far apart for the thresholds or when they
 * differ only as transliterations do (Chouhan/Chauhan, Vasiliev/Vasilyev, Degtyaryov/Degtyarev):
 * such a pair is more often two accepted spellings, or two people, than a slip.
 */
export function close(a: string, b: string, t: Thresholds): Closeness | null {
  if (a === b || a[0] !== b[0]) return null;
  const limit = Math.min(a.length, b.length) <= 4 ? 1 : t.maxDistance;
  if (Math.abs(a.length - b.length) > limit + 1) return null;
  // Most gazetteer keys of a bucket share too few letters to reach the similarity: refuse them
  // without computing it (the margin keeps the bound safe from rounding).
  if (similarityAtMost(a, b) < t.minSimilarity - 1e-9) return null;
  const sim = similarity(a, b);
  if (sim < t.minSimilarity) return null;
  const distance = editDistance(a, b);
  // A transposition (Lavrvo) is a slip even when only vowels moved.
  if (consonantSkeleton(a) === consonantSkeleton(b) && editDistance(a, b, false) === distance) return null;
  // One edit more is allowed for long words that sound the same (Arakchamiya/Arakhamia).
  if (distance > limit && !(distance === limit + 1 && Math.min(a.length, b.length) >= 7 && soundsAlike(a, b))) return null;
  return { distance, similarity: sim };
}

/**
 * How close a word is to one name part of an entity the article links it to (see evidence.ts):
 * one edit at any place, the first letter too; two edits only in the way `close` allows them.
 * Null when too far apart, or when the two differ only as transliterations do.
 */
export function closeToLinked(a: string, b: string, t: Thresholds, maxDistance: number): Closeness | null {
  if (a === b || Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > maxDistance) return null;
  const distance = editDistance(a, b);
  if (distance > maxDistance + 1 || sameTransliteration(a, b)) return null;
  if (distance === 1) return { distance, similarity: similarity(a, b) };
  if (maxDistance < 2 || a[0] !== b[0]) return null;
  return close(a, b, t);
}

/**
 * Two folded spellings that transliteration systems or house styles tell apart, not slips: y for
 * i, and -y, -yi, -iy, -yy, -ii at the end (Zelensky/Zelenskyy/Zelenskiy), iotated vowels
 * (Vasiliev/Vasilyev, Sergeev/Sergeyev, Degtyaryov/Degtyarev), kh/h, th/t, dh/d, bh/b, gh/g
 * (Jyothiraditya/Jyotiraditya), ks/x, w/v, ph/f, ck, c/k
 * before a, o, u, a final -ff/-v (Tinkoff/Tinkov), ou/au/u, ee/i, oo/u (Chouhan/Chauhan,
 * Deepak/Dipak). A dropped vowel, a doubled letter or another vowel are slips (Volodymr, Trrump,
 * Ramaphusa).
 */
export function sameTransliteration(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 2 && translitKey(a) === translitKey(b);
}

/** Transliteration keys so far: the same names are compared with many words. */
const translitKeys = new Map<string, string>();

function translitKey(f: string): string {
  let key = translitKeys.get(f);
  if (key === undefined) {
    key = translitKeyOf(f);
    // NOTE: bounded; dropped rather than grown forever.
    if (translitKeys.size >= 50_000) translitKeys.clear();
    translitKeys.set(f, key);
  }
  return key;
}

function translitKeyOf(f: string): string {
  return f
    .replace(/ff$/, 'v')
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'h')
    .replace(/([tdbg])h/g, '$1')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/c(?=[aou])/g, 'k')
    .replace(/j/g, 'y')
    .replace(/[iy]o/g, 'e')
    .replace(/(?:iy|yy|yi|ii|ij|y|i)$/, 'i')
    .replace(/y/g, 'i')
    .replace(/i(?=[aeu])/g, '')
    .replace(/ee/g, 'i')
    .replace(/[oa]u|oo/g, 'u');
}

const closeCache = new WeakMap<Thresholds, Map<string, Closeness | null>>();

/** `close`, remembered per pair of folded words: articles of a batch pair the same names again. */
export function closeMemo(a: string, b: string, t: Thresholds): Closeness | null {
  // The cheap refusals first, without a key.
  if (a === b || a[0] !== b[0]) return null;
  let cache = closeCache.get(t);
  if (!cache) closeCache.set(t, (cache = new Map()));
  const key = `${a}\u0000${b}`;
  let c = cache.get(key);
  if (c === undefined) {
    c = close(a, b, t);
    // NOTE: bounded; dropped rather than grown forever.
    if (cache.size >= 100_000) cache.clear();
    cache.set(key, c);
  }
  return c;
}

/** Letter counts of the word last given to `sharedLetters` as `a`, and of `b`'s letters taken so far. */
const letterCount = new Int32Array(65536);
const letterTaken = new Int32Array(65536);
let countedWord = '';

/** How many letters (UTF-16 code units, with repeats) the two words have in common. */
function sharedLetters(a: string, b: string): number {
  if (a !== countedWord) {
    for (let i = 0; i < countedWord.length; i++) letterCount[countedWord.charCodeAt(i)] = 0;
    for (let i = 0; i < a.length; i++) letterCount[a.charCodeAt(i)]++;
    countedWord = a;
  }
  let m = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (letterTaken[c] < letterCount[c]) {
      letterTaken[c]++;
      m++;
    }
  }
  for (let i = 0; i < b.length; i++) letterTaken[b.charCodeAt(i)] = 0;
  return m;
}

/**
 * An upper bound of the Jaro-Winkler similarity: its m matching letters are at most the
 * shared letters, (m − t)/m is at most 1, and the prefix bonus lifts jaro by l × 0.1 × (1 − jaro)
 * for the l ≤ 4 letters both words start with.
 */
function similarityAtMost(a: string, b: string): number {
  return winklerBound(sharedLetters(a, b), a.length, b.length, winklerPrefix(a, b));
}

/** The largest Jaro-Winkler similarity of two words of these lengths with at most m matching letters and a common prefix of at most l letters. */
function winklerBound(m: number, lengthA: number, lengthB: number, l: number): number {
  const jaro = (m / lengthA + m / lengthB + 1) / 3;
  return jaro + l * 0.1 * (1 - jaro);
}

/** The letters of a word as bits (code unit & 31): a letter whose bit one word lacks is in none of its letters. */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

/**
 * The word's first four code units, a byte each (the low eight bits; 0 past its end). Two words'
 * heads agree in at least as many leading bytes as the letters the words start with in common.
 */
export function headOf(word: string): number {
  let head = 0;
  for (let i = 0; i < 4 && i < word.length; i++) head |= (word.charCodeAt(i) & 0xff) << (i * 8);
  return head;
}

/**
 * The bound of similarityAtMost from letter masks and heads alone (no loop over the letters): the
 * shared letters are at most one word's letters less those whose bit the other word lacks, and
 * the common prefix at most the heads' leading bytes in common.
 */
export function similarityBound(lengthA: number, maskA: number, headA: number, lengthB: number, maskB: number, headB: number): number {
  const m = Math.min(lengthA - bitCount(maskA & ~maskB), lengthB - bitCount(maskB & ~maskA));
  const x = headA ^ headB;
  const l = (x & 0xff) !== 0 ? 0 : (x & 0xff00) !== 0 ? 1 : (x & 0xff0000) !== 0 ? 2 : (x & 0xff000000) !== 0 ? 3 : 4;
  return winklerBound(m, lengthA, lengthB, l);
}

export function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function byCloseness(a: Closeness, b: Closeness): number {
  return a.distance - b.distance || b.similarity - a.similarity;
}
