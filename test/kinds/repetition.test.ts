// The repetition kind's duplicate-sentence check against a plain reference (the word-pair index
// with maps and string words it replaced) on random articles built to repeat sentences: same
// matches, same order, same line data.

import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintDocument } from '../../src/engine/lint.js';
import { TextDocument } from '../../src/text/document.js';
import type { Match } from '../../src/types.js';
import { rule } from '../helpers.js';

/** The reference: candidates from shared word pairs kept in maps, words as strings. */
function referenceRepeats(doc: TextDocument, threshold: number, minWords: number): Match[] {
  const isHeadline = (p: string) => !/[\r\n]/.test(p) && !/[.!?…:;]["'”’)]*$/.test(p);
  const isTitle = (p: { start: number; end: number }) => !/[\r\n]/.test(doc.text.slice(p.start, p.end)) && doc.wordsIn(p.start, p.end).length <= 25;
  const headlines = doc.paragraphs.filter((p, i) => isHeadline(doc.text.slice(p.start, p.end)) || (i === 0 && isTitle(p)));
  const inHeadline = (s: { start: number }) => headlines.some((h) => s.start >= h.start && s.start < h.end);
  const sentences = doc.sentences
    .filter((s) => !inHeadline(s) && !/["“”«»]/.test(doc.text.slice(s.start, s.end)))
    .map((s) => {
      const tokens = doc.wordsIn(s.start, s.end);
      const paragraph = doc.paragraphs.find((p) => p.start <= s.start && s.start < p.end)!;
      return { ...s, words: tokens.map((t) => t.norm), lower: tokens.filter((t) => /^\p{Ll}/u.test(t.text)).length, alone: paragraph.start === s.start && paragraph.end <= s.end };
    })
    .filter((s) => s.words.length >= minWords && s.lower / s.words.length >= 0.4);
  const index = new Map<string, { sentences: number[]; last: number }>();
  const out: Match[] = [];
  const reported = new Set<number>();
  sentences.forEach((s, i) => {
    const shared = new Map<number, number>();
    for (let k = 1; k < s.words.length; k++) {
      const key = `${s.words[k - 1]}\u0000${s.words[k]}`;
      const seen = index.get(key);
      if (!seen) {
        index.set(key, { sentences: [i], last: i });
        continue;
      }
      if (seen.last === i) continue;
      seen.last = i;
      for (const j of seen.sentences) shared.set(j, (shared.get(j) ?? 0) + 1);
      if (seen.sentences.length < 50) seen.sentences.push(i);
    }
    for (const [j, count] of shared) {
      const t = sentences[j];
      if (count < (Math.min(s.words.length, t.words.length) - 1) * threshold * 0.5 || s.alone !== t.alone) continue;
      const common = lcs(s.words, t.words);
      if (common >= threshold * Math.min(s.words.length, t.words.length) && common >= 0.7 * Math.max(s.words.length, t.words.length) && !reported.has(i)) {
        reported.add(i);
        out.push({ start: s.start, end: s.end, data: { line: doc.positionAt(t.start).line } });
      }
    }
  });
  return out;
}

function lcs(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

const VOCABULARY = ['the', 'The', 'talks', 'Kyiv', 'said', 'on', 'Monday', 'minister', 'of', 'a', 'peace', 'deal', 'would', 'be', 'signed', 'soon', 'and'];

/** A random article: sentences of vocabulary words, some repeating an earlier one with a change, in paragraphs, some quoted, some headlines. */
const article = fc
  .array(
    fc.record({
      words: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 16 }).chain((w) => (w.length < 4 ? fc.constant(w) : fc.array(fc.constantFrom(...VOCABULARY), { minLength: 7, maxLength: 14 }))),
      repeat: fc.option(fc.record({ of: fc.nat(), change: fc.nat(), word: fc.constantFrom(...VOCABULARY) }), { freq: 2 }),
      end: fc.constantFrom('.', '.', '.', '!', ''),
      quoted: fc.boolean(),
      breakAfter: fc.constantFrom(' ', ' ', '\n\n', '\n'),
    }),
    { maxLength: 40 },
  )
  .map((parts) => {
    const made: string[][] = [];
    let text = '';
    for (const p of parts) {
      let words = p.words;
      if (p.repeat && made.length > 0) {
        words = [...made[p.repeat.of % made.length]];
        words[p.repeat.change % words.length] = p.repeat.word;
      }
      made.push(words);
      const sentence = words.join(' ');
      text += (p.quoted && p.repeat ? `“${sentence}${p.end}”` : `${sentence[0].toUpperCase()}${sentence.slice(1)}${p.end}`) + p.breakAfter;
    }
    return text;
  });

test('duplicate-sentence = the reference on random articles (matches, order, line data)', () => {
  const r = rule('repetition/duplicate-sentence');
  const threshold = (r.options.threshold as number | undefined) ?? 0.8;
  const minWords = (r.options.min_words as number | undefined) ?? 8;
  let found = 0;
  fc.assert(
    fc.property(article, (text) => {
      const doc = new TextDocument(text);
      const expected = referenceRepeats(doc, threshold, minWords);
      found += expected.length;
      assert.equal(r.check(new TextDocument(text)), expected);
      assert.equal(lintDocument(new TextDocument(text), [r]).map((f) => [f.start, f.end]), expected.map((m) => [m.start, m.end]));
    }),
    { numRuns: 500 },
  );
  assert.ok(found > 15, `only ${found} repeated sentences in the random articles`);
});

test.run();
