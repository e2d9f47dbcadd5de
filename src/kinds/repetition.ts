// Repetition: a word written twice in a row ("the the"), or a sentence that repeats an earlier
// one of the same article almost word for word (spinners and careless re-translation).
//
//   said that the the talks …        Lavor further stated that Putin had ordered …
//             ^^^^^^^                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ (repeats line 3)

import type { TextDocument } from '../text/document.js';
import type { Token } from '../text/tokens.js';
import type { Match, RuleSpec } from '../types.js';
import { Options, type Kind } from './kind.js';

export const repetition: Kind = {
  name: 'repetition',
  options: ['scope', 'allow', 'threshold', 'min_words'],
  compile(spec: RuleSpec) {
    const opts = new Options(spec);
    const scope = opts.oneOf('scope', ['words', 'sentences'] as const);
    if (scope === 'words') {
      const allow = new Set(opts.stringList('allow').map((w) => w.toLowerCase()));
      return (doc) => repeatedWords(doc, allow);
    }
    const threshold = opts.number('threshold', 0.8);
    const minWords = opts.number('min_words', 8);
    return (doc) => repeatedSentences(doc, threshold, minWords);
  },
};

function repeatedWords(doc: TextDocument, allow: Set<string>): Match[] {
  const { text, words } = doc;
  const out: Match[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    if (a.norm !== b.norm || allow.has(a.norm) || /^\p{N}/u.test(a.text)) continue;
    // A capitalised repeat is usually a name (Walla Walla, Baden Baden).
    if (/^\p{Lu}/u.test(b.text)) continue;
    if (!/^[ \t]+$/.test(text.slice(a.end, b.start))) continue;
    out.push({ start: a.start, end: b.end, replacements: [{ start: a.end, end: b.end, text: '' }] });
  }
  return out;
}

interface Sentence {
  start: number;
  end: number;
  words: string[];
}

/**
 * Candidate pairs come from shared word pairs (an inverted index, so long articles are not
 * compared all against all); a pair is reported when the longest common word subsequence covers
 * `threshold` of the shorter sentence and at least half of the longer.
 */
function repeatedSentences(doc: TextDocument, threshold: number, minWords: number): Match[] {
  // A headline is usually restated by the lede: headline-like paragraphs are left out.
  const headlines = doc.paragraphs.filter((p) => isHeadline(doc.text.slice(p.start, p.end)));
  // Sentences and headlines both come in text order: one pointer instead of a scan per sentence.
  let h = 0;
  const inHeadline = (s: { start: number }) => {
    while (h < headlines.length && headlines[h].end <= s.start) h++;
    return h < headlines.length && s.start >= headlines[h].start;
  };
  const sentences: Sentence[] = doc.sentences
    // Reported speech is often paraphrased and then quoted: quoted sentences are left out too.
    .filter((s) => !inHeadline(s) && !/["“”«»]/.test(doc.text.slice(s.start, s.end)))
    .map((s) => ({ ...s, words: doc.wordsIn(s.start, s.end).map((t: Token) => t.norm) }))
    .filter((s) => s.words.length >= minWords);
  // Word pairs as numbers (word ids, interned per document) rather than joined strings.
  const ids = new Map<string, number>();
  const id = (w: string) => {
    let n = ids.get(w);
    if (n === undefined) ids.set(w, (n = ids.size));
    return n;
  };
  /** Word pair → the sentences that have it (at most 50), and the last sentence that counted it. */
  const index = new Map<number, { sentences: number[]; last: number }>();
  const out: Match[] = [];
  const reported = new Set<number>();
  sentences.forEach((s, i) => {
    const shared = new Map<number, number>();
    let prev = id(s.words[0]);
    for (let k = 1; k < s.words.length; k++) {
      const cur = id(s.words[k]);
      const key = pairKey(prev, cur);
      prev = cur;
      const seen = index.get(key);
      if (!seen) {
        index.set(key, { sentences: [i], last: i });
        continue;
      }
      // A pair counts once per sentence.
      if (seen.last === i) continue;
      seen.last = i;
      for (const j of seen.sentences) shared.set(j, (shared.get(j) ?? 0) + 1);
      if (seen.sentences.length < 50) seen.sentences.push(i);
    }
    for (const [j, count] of shared) {
      const t = sentences[j];
      if (count < (Math.min(s.words.length, t.words.length) - 1) * threshold * 0.5) continue;
      const common = lcs(s.words, t.words);
      const short = Math.min(s.words.length, t.words.length);
      const long = Math.max(s.words.length, t.words.length);
      if (common >= threshold * short && common >= 0.7 * long && !reported.has(i)) {
        reported.add(i);
        out.push({ start: s.start, end: s.end, data: { line: doc.positionAt(t.start).line } });
      }
    }
  });
  return out;
}

/** Two word ids as one number: a small integer while ids stay under 2^15 (any article), else above 2^30. */
function pairKey(a: number, b: number): number {
  return a < 32768 && b < 32768 ? a * 32768 + b : 2 ** 30 + a * 0x4000000 + b;
}

/** One line without closing punctuation: a title, not a sentence of the body. */
function isHeadline(paragraph: string): boolean {
  return !/[\r\n]/.test(paragraph) && !/[.!?…:;]["'”’)]*$/.test(paragraph);
}

function lcs(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
