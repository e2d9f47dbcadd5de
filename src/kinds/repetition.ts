// Repetition: a word written twice in a row ("the the"), or a sentence that repeats an earlier
// one of the same article almost word for word (spinners and careless re-translation).
//
//   said that the the talks …        Lavor further stated that Putin had ordered …
//             ^^^^^^^                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ (repeats line 3)

import type { TextDocument } from '../text/document.js';
import type { Match, RuleSpec } from '../types.js';
import { Options, type Kind } from './kind.js';

export const repetition: Kind = {
  name: 'repetition',
  // A doubled word can be good German or French (die die, nous nous); a repeated sentence is one in any language.
  english: (spec) => spec.options.scope === 'words',
  options: ['scope', 'allow', 'safe', 'threshold', 'min_words'],
  compile(spec: RuleSpec) {
    const opts = new Options(spec);
    const scope = opts.oneOf('scope', ['words', 'sentences'] as const);
    if (scope === 'words') {
      const lower = (key: string) => new Set(opts.stringList(key).map((w) => w.toLowerCase()));
      const allow = lower('allow');
      const safe = lower('safe');
      for (const w of safe) if (allow.has(w)) opts.fail('safe', `${w} is also allowed`);
      return (doc) => repeatedWords(doc, allow, safe);
    }
    const threshold = opts.number('threshold', 0.8);
    const minWords = opts.number('min_words', 8);
    return (doc) => repeatedSentences(doc, threshold, minWords);
  },
};

/**
 * A word written twice. Deleting one is a safe fix only for the words listed `safe` (articles,
 * determiners, conjunctions: doubled, never good English); any other word can be doubled on
 * purpose — a clause that ends where the next begins ("the moment I have been waiting for for
 * years", "those who voted voted against") — so it is only suggested, and not even that right
 * after a relative pronoun, where the first word usually ends the relative clause.
 */
function repeatedWords(doc: TextDocument, allow: Set<string>, safe: Set<string>): Match[] {
  const { text, words } = doc;
  const out: Match[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    if (a.norm !== b.norm || allow.has(a.norm) || /^\p{N}/u.test(a.text)) continue;
    // A capitalised repeat is usually a name (Walla Walla, Baden Baden).
    if (/^\p{Lu}/u.test(b.text)) continue;
    if (!/^[ \t]+$/.test(text.slice(a.end, b.start))) continue;
    const certain = safe.has(a.norm);
    if (!certain && afterRelative(doc, i - 1)) continue;
    out.push({ start: a.start, end: b.end, replacements: [{ start: a.end, end: b.end, text: '' }], ...(certain ? {} : { safety: 'suggest' as const }) });
  }
  return out;
}

const RELATIVE = new Set(['who', 'whom', 'which', 'that', 'whoever', 'whatever', 'what']);
/** After one of these the doubled word is a noun, not the verb that ends a relative clause (that the exhibition exhibition). */
const DETERMINER = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'my', 'your', 'his', 'her', 'its', 'our', 'their']);
/** Words looked back over for a relative pronoun. */
const RELATIVE_SPAN = 4;

/** A relative pronoun stands among the few words before word `i`, in the same clause, and no determiner right before it. */
function afterRelative(doc: TextDocument, i: number): boolean {
  const { text, words } = doc;
  if (i > 0 && DETERMINER.has(words[i - 1].norm)) return false;
  for (let k = i - 1; k >= Math.max(0, i - RELATIVE_SPAN); k--) {
    if (/[.!?;:,]/.test(text.slice(words[k].end, words[k + 1].start))) return false;
    if (RELATIVE.has(words[k].norm)) return true;
  }
  return false;
}

interface Sentence {
  start: number;
  end: number;
  /** Its words as numbers (equal numbers, equal normalised words). */
  words: number[];
  /** It is a paragraph on its own (a headline, a caption, a standfirst — or a one-sentence paragraph of the body). */
  alone: boolean;
}

/**
 * Candidate pairs come from shared word pairs (an inverted index, so long articles are not
 * compared all against all); a pair is reported when the longest common word subsequence covers
 * `threshold` of the shorter sentence and at least half of the longer.
 */
function repeatedSentences(doc: TextDocument, threshold: number, minWords: number): Match[] {
  const { text } = doc;
  // A headline is usually restated by the lede: headline-like paragraphs are left out, and so is
  // a document's first paragraph when it is one short line.
  const headlines = doc.paragraphs.filter((p, i) => isHeadline(text, p.start, p.end) || (i === 0 && isTitleLine(doc, p)));
  // Paragraphs, to tell a sentence alone in its paragraph from one among others.
  const paragraphs = doc.paragraphs;
  let p = 0;
  // Reported speech is often paraphrased and then quoted: quoted sentences are left out too.
  const quotes: number[] = [];
  QUOTES.lastIndex = 0;
  for (let m = QUOTES.exec(text); m !== null; m = QUOTES.exec(text)) quotes.push(m.index);
  // Sentences, headlines, quote marks and words all come in text order: pointers, not searches.
  let h = 0;
  let q = 0;
  let t = 0;
  const tokens = doc.words;
  // Words as numbers (numbered per document by their fingerprints) rather than strings.
  const prints = doc.wordPrints;
  const ids = wordIds(tokens.length);
  const sentences: Sentence[] = [];
  for (const s of doc.sentences) {
    while (h < headlines.length && headlines[h].end <= s.start) h++;
    if (h < headlines.length && s.start >= headlines[h].start) continue;
    while (q < quotes.length && quotes[q] < s.start) q++;
    if (q < quotes.length && quotes[q] < s.end) continue;
    while (t < tokens.length && tokens[t].start < s.start) t++;
    let u = t;
    let lower = 0;
    for (; u < tokens.length && tokens[u].end <= s.end; u++) if (isLowerStart(tokens[u].text)) lower++;
    if (u - t < minWords) continue;
    // Mostly names and labels (a team sheet, fixtures, critics' picks built from one template): a
    // list, not prose; its lines are alike by design.
    if (lower * 5 < (u - t) * 2) continue;
    while (paragraphs[p].end < s.start) p++;
    const alone = paragraphs[p].start === s.start && paragraphs[p].end <= s.end;
    const words = new Array<number>(u - t);
    for (let k = t; k < u; k++) words[k - t] = ids.number(prints[k * 2], prints[k * 2 + 1]);
    sentences.push({ start: s.start, end: s.end, words, alone });
  }
  const index = pairIndex(sentences.reduce((n, s) => n + s.words.length - 1, 0));
  const out: Match[] = [];
  const reported = new Set<number>();
  /** Per earlier sentence, the word pairs it shares with the current one; `touched` in order of first sharing. */
  const shared = new Int32Array(sentences.length);
  const touched: number[] = [];
  sentences.forEach((s, i) => {
    let prev = s.words[0];
    for (let k = 1; k < s.words.length; k++) {
      const cur = s.words[k];
      const e = index.find(prev, cur, i);
      prev = cur;
      // A new pair, or one this sentence has already counted (a pair counts once per sentence).
      if (e < 0 || index.last[e] === i) continue;
      index.last[e] = i;
      for (let o = index.head[e]; o >= 0; o = index.next[o]) {
        const j = index.sentence[o];
        if (shared[j]++ === 0) touched.push(j);
      }
      index.add(e, i);
    }
    for (const j of touched) {
      const count = shared[j];
      shared[j] = 0;
      const t = sentences[j];
      if (count < (Math.min(s.words.length, t.words.length) - 1) * threshold * 0.5) continue;
      // A paragraph of one sentence restating one of the body's (a caption, a standfirst, a
      // headline that ends with a stop) is not a repeat; a paragraph repeated whole still is.
      if (s.alone !== t.alone) continue;
      const common = lcs(s.words, t.words);
      const short = Math.min(s.words.length, t.words.length);
      const long = Math.max(s.words.length, t.words.length);
      if (common >= threshold * short && common >= 0.7 * long && !reported.has(i)) {
        reported.add(i);
        out.push({ start: s.start, end: s.end, data: { line: doc.positionAt(t.start).line } });
      }
    }
    touched.length = 0;
  });
  return out;
}

/** Most sentences remembered per word pair. */
const MAX_SENTENCES_PER_PAIR = 50;

/**
 * Word pair → the sentences that have it (at most MAX_SENTENCES_PER_PAIR, in order) and the last
 * sentence that counted it: open addressing over typed arrays, reused from one document to the
 * next (grown when a document needs more).
 */
class PairIndex {
  slots = new Int32Array(0);
  mask = 0;
  /** Per entry: its pair, the last sentence that counted it, its list of sentences (head, tail, length). */
  a = new Int32Array(0);
  b = new Int32Array(0);
  last = new Int32Array(0);
  head = new Int32Array(0);
  tail = new Int32Array(0);
  size = new Int32Array(0);
  entries = 0;
  /** The lists' cells: a sentence and the next cell (−1 at the end). */
  sentence = new Int32Array(0);
  next = new Int32Array(0);
  cells = 0;

  /** Empties the index for a document of at most `pairs` word pairs. */
  reset(pairs: number): void {
    let slots = 16;
    while (slots < pairs * 2) slots *= 2;
    if (slots > this.slots.length) this.slots = new Int32Array(slots);
    else this.slots.fill(0, 0, slots);
    this.mask = slots - 1;
    if (pairs > this.a.length) {
      const n = Math.max(pairs, this.a.length * 2);
      for (const k of ['a', 'b', 'last', 'head', 'tail', 'size', 'sentence', 'next'] as const) this[k] = new Int32Array(n);
    }
    this.entries = 0;
    this.cells = 0;
  }

  /** The entry of the pair (x, y), or −1 after adding it with sentence i as its first. */
  find(x: number, y: number, i: number): number {
    let slot = (Math.imul(x, 0x9e3779b1) ^ y) & this.mask;
    for (;;) {
      const e = this.slots[slot] - 1;
      if (e < 0) break;
      if (this.a[e] === x && this.b[e] === y) return e;
      slot = (slot + 1) & this.mask;
    }
    const e = this.entries++;
    this.slots[slot] = e + 1;
    this.a[e] = x;
    this.b[e] = y;
    this.last[e] = i;
    this.head[e] = -1;
    this.size[e] = 0;
    this.add(e, i);
    return -1;
  }

  /** Appends sentence i to the entry's list unless it is full. */
  add(e: number, i: number): void {
    if (this.size[e] >= MAX_SENTENCES_PER_PAIR) return;
    const c = this.cells++;
    this.sentence[c] = i;
    this.next[c] = -1;
    if (this.head[e] < 0) this.head[e] = c;
    else this.next[this.tail[e]] = c;
    this.tail[e] = c;
    this.size[e]++;
  }
}

const sharedIndex = new PairIndex();
function pairIndex(pairs: number): PairIndex {
  sharedIndex.reset(pairs);
  return sharedIndex;
}

/** Word fingerprint → a number (0, 1, … in order of first sight): open addressing over one Int32Array, reused from one document to the next. */
class WordIds {
  /** Triples: first hash, second hash, number + 1 (0 = empty). */
  table = new Int32Array(0);
  mask = 0;
  count = 0;

  /** Empties the table for a document of at most `words` words. */
  reset(words: number): void {
    let slots = 16;
    while (slots < words * 2) slots *= 2;
    if (slots * 3 > this.table.length) this.table = new Int32Array(slots * 3);
    else this.table.fill(0, 0, slots * 3);
    this.mask = slots - 1;
    this.count = 0;
  }

  number(a: number, b: number): number {
    const table = this.table;
    let h = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (; table[h * 3 + 2] !== 0; h = (h + 1) & this.mask) if (table[h * 3] === a && table[h * 3 + 1] === b) return table[h * 3 + 2] - 1;
    table[h * 3] = a;
    table[h * 3 + 1] = b;
    table[h * 3 + 2] = ++this.count;
    return this.count - 1;
  }
}

const sharedIds = new WordIds();
function wordIds(words: number): WordIds {
  sharedIds.reset(words);
  return sharedIds;
}

const QUOTES = /["“”«»]/g;

/**
 * One line without closing punctuation (as /[.!?…:;]["'”’)]*$/ finds it): a title, not a sentence
 * of the body. The end is looked at first: most paragraphs end a sentence, and are then not
 * scanned for a line break.
 */
function isHeadline(text: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && CLOSERS.includes(text[k])) k--;
  if (k >= start && ENDS.includes(text[k])) return false;
  for (k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return false;
  }
  return true;
}
const CLOSERS = '"\'”’)';

/** Headlines are short: a first paragraph of one line and at most this many words is taken for one, whatever its last character. */
const TITLE_WORDS = 25;

function isTitleLine(doc: TextDocument, p: { start: number; end: number }): boolean {
  const t = doc.text;
  for (let k = p.start; k < p.end; k++) {
    const c = t.charCodeAt(k);
    if (c === 10 || c === 13) return false;
  }
  return doc.wordsIn(p.start, p.end).length <= TITLE_WORDS;
}

/** The word starts with a lower-case letter (a–z, or beyond ASCII one that has an upper case). */
function isLowerStart(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c > 127 && w[0] !== w[0].toUpperCase());
}
const ENDS = '.!?…:;';

/** Two rows of the longest-common-subsequence table, reused (grown when a sentence is longer). */
let lcsRows = new Int32Array(2 * 64);

function lcs(a: number[], b: number[]): number {
  const width = b.length + 1;
  if (lcsRows.length < 2 * width) lcsRows = new Int32Array(4 * width);
  const rows = lcsRows;
  let prev = 0;
  let cur = width;
  rows.fill(0, 0, 2 * width);
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      rows[cur + j] = x === b[j - 1] ? rows[prev + j - 1] + 1 : Math.max(rows[prev + j], rows[cur + j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return rows[prev + b.length];
}
