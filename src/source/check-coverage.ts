// Whether the translation covers its source, no more and no less: a paragraph left untranslated
// (equal to its source, or mostly in the source's script or words); a translation far shorter or
// longer than its source predicts (the length model of align/length.ts, scaled to the article's
// own ratio); a source sentence with no counterpart in its paragraph's translation (sentence
// alignment, align.ts); a source paragraph or unit with no translation, or the reverse.
//
//   source  Лавров прибыл в Анкару. Он встретится с Чавушоглу.   target  Lavrov arrived in Ankara.
//                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^ no counterpart: reported on the paragraph

import { lengthDelta, logLengthDensity, measure, measureSource, sentenceCountShare, type LengthModel } from '../align/length.js';
import { sentenceAlignment } from '../align/align.js';
import { sentences } from '../align/split.js';
import type { TextDocument } from '../text/document.js';
import type { Match } from '../types.js';
import { readQuantities } from './numbers.js';
import type { SourceFacts, SourcePairs } from './pairs.js';

export interface Thresholds {
  /**
   * Standard deviations from the predicted length beyond which a length is reported; for the
   * sentence check, the log-likelihood ratio (of a sentence left out against none) above which it is.
   */
  threshold: number;
  /** And the share of the predicted length below which (or its inverse above which) it is reported. */
  minRatio: number;
  /** Shortest source (in characters, white space not counted) the check judges. */
  minLength: number;
}

const LETTER = /\p{L}/u;
const SCRIPT_OF: Record<string, RegExp> = {
  Cyrillic: /\p{Script=Cyrillic}/u,
  Han: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
};

/** A target paragraph equal to its source, or mostly in the source's script, or mostly the source's own words. */
export function untranslatedMatches(doc: TextDocument, sp: SourcePairs, t: Thresholds, isEnglishWord: (w: string) => boolean): Match[] {
  const out: Match[] = [];
  for (const p of sp.pairs) {
    if (p.end <= p.start || p.source.trim() === '') continue;
    const target = doc.text.slice(p.start, p.end);
    if (measure(target) < t.minLength) continue;
    const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
    let why: string | undefined;
    if (norm(target) === norm(p.source) && sharesWords(target, p.source, isEnglishWord, 0)) why = 'is the source itself';
    else {
      const script = SCRIPT_OF[sp.script];
      if (script) {
        let letters = 0;
        let foreign = 0;
        for (const ch of target) {
          if (!LETTER.test(ch)) continue;
          letters++;
          if (script.test(ch)) foreign++;
        }
        if (letters > 0 && foreign / letters >= 0.5) why = `is mostly in ${sp.script === 'Han' ? 'Chinese or Japanese' : 'Cyrillic'} script`;
      } else if (sharesWords(target, p.source, isEnglishWord, 0.5)) why = 'is mostly the source’s own words';
    }
    if (why) out.push({ start: p.start, end: p.end, data: { why, unit: p.id } });
  }
  return out;
}

/**
 * True when at least `share` of the translation's words (of two letters or more, not
 * capitalised) are words of the source, and two or more of those are not English.
 */
function sharesWords(target: string, source: string, isEnglishWord: (w: string) => boolean, share: number): boolean {
  const srcWords = new Set(source.toLowerCase().match(/[\p{L}\p{M}]{2,}/gu) ?? []);
  const words = (target.match(/[\p{L}\p{M}]{2,}/gu) ?? []).filter((w) => !/^\p{Lu}/u.test(w));
  if (words.length < 3) return false;
  const shared = words.filter((w) => srcWords.has(w.toLowerCase()));
  const foreign = shared.filter((w) => w.length >= 3 && !isEnglishWord(w.toLowerCase()));
  return foreign.length >= 2 && shared.length / words.length >= share;
}

/** The article's own ratio of target to source length (the median over its pairs), kept within a factor of 1.6 of the model's. */
function articleModel(doc: TextDocument, sp: SourcePairs, minLength: number): LengthModel {
  const ratios: number[] = [];
  for (const p of sp.pairs) {
    const s = measureSource(p.source, sp.script);
    if (p.end > p.start && s >= minLength) ratios.push(measure(doc.text.slice(p.start, p.end)) / s);
  }
  if (ratios.length < 4) return sp.model;
  ratios.sort((a, b) => a - b);
  const median = ratios[ratios.length >> 1];
  const ratio = Math.min(sp.model.ratio * 1.6, Math.max(sp.model.ratio / 1.6, median));
  return { ...sp.model, ratio, variance: sp.model.variance * (ratio / sp.model.ratio) };
}

/** A translation far shorter (`short`) or longer (`long`) than its source predicts. */
export function lengthMatches(doc: TextDocument, sp: SourcePairs, t: Thresholds, report: 'short' | 'long'): Match[] {
  const model = articleModel(doc, sp, t.minLength);
  const out: Match[] = [];
  for (const p of sp.pairs) {
    if (p.end <= p.start || p.source.trim() === '') continue;
    const s = measureSource(p.source, sp.script);
    if (s < t.minLength) continue;
    const len = measure(doc.text.slice(p.start, p.end));
    const d = lengthDelta(s, len, model);
    const expected = model.ratio * s;
    const short = d < -t.threshold && len < expected * t.minRatio;
    const long = d > t.threshold && len > expected / t.minRatio;
    if ((report === 'short' && short) || (report === 'long' && long)) {
      out.push({ start: p.start, end: p.end, data: { percent: Math.round((len / expected) * 100), unit: p.id } });
    }
  }
  return out;
}

/**
 * A source sentence with no counterpart in the translation of its paragraph. Each sentence of the
 * source is weighed as the one left out against none left out, by
 *  - length: how likely the translation's length is for the source without that sentence, and
 *    for the whole source (the model's spread, scaled to the article's own ratio);
 *  - sentence count: how often a complete translation has as many sentences as this one, against
 *    one sentence more (translators split long sentences more often than they merge them);
 *  - sentence alignment: how well the translation's sentences align with the source's without
 *    that sentence, against with all of them (align.ts; weighed by ALIGNMENT);
 *  - anchors: the sentence's own numbers, and its words in Latin script in a source of another
 *    script, are in the translation (then it was not left out) or not (then it likelier was).
 * The sentence with the highest log-likelihood ratio is reported when that ratio is above the
 * threshold.
 */
export function sentenceMatches(doc: TextDocument, sp: SourcePairs, t: Thresholds, facts: SourceFacts): Match[] {
  const model = articleModel(doc, sp, t.minLength);
  const n = facts.numerals.get(sp.lang);
  const en = facts.numerals.get('en');
  const keysOf = (text: string, num: typeof n) => new Set(num ? readQuantities(text, num).filter((q) => q.required).flatMap((q) => q.keys) : []);
  const latinAnchors = sp.script !== 'Latin';
  const out: Match[] = [];
  for (const p of sp.pairs) {
    if (p.end <= p.start || p.source.trim() === '') continue;
    const srcSentences = sentences(p.source).map(([a, b]) => p.source.slice(a, b));
    if (srcSentences.length < 2) continue;
    const target = doc.text.slice(p.start, p.end);
    const s = measureSource(p.source, sp.script);
    const len = measure(target);
    const whole = logLengthDensity(s, len, model);
    // Sentences as punctuation ends them, on both sides.
    const tgtSentences = doc.sentences.filter((x) => x.start >= p.start && x.end <= p.end).map((x) => measure(doc.text.slice(x.start, x.end)));
    const more = tgtSentences.length - sentences(p.source, 0, p.source.length, { lines: false }).length;
    const byCount = Math.log(sentenceCountShare(more + 1, model) / sentenceCountShare(more, model));
    const blocks = srcSentences.map((x) => ({ length: measureSource(x, sp.script), ends: ENDS.test(x) }));
    const aligned = sentenceAlignment(blocks, tgtSentences, model, -1);
    const targetKeys = keysOf(target, en);
    const targetWords = latinAnchors ? latinWords(target) : new Set<string>();
    const own = srcSentences.map((x) => ({ keys: keysOf(x, n), words: latinAnchors ? latinWords(x) : new Set<string>() }));
    let best = -1;
    let bestScore = -Infinity;
    srcSentences.forEach((x, i) => {
      const rest = s - blocks[i].length;
      if (rest < 1) return;
      let score = logLengthDensity(rest, len, model) - whole + byCount;
      // (No alignment without this sentence is evidence against its having been left out; none with all of them says nothing.)
      const without = sentenceAlignment(blocks, tgtSentences, model, i);
      const byAlignment = Number.isFinite(without) ? (Number.isFinite(aligned) ? without - aligned : 0) : -MAX_ALIGNMENT;
      score += ALIGNMENT * Math.max(-MAX_ALIGNMENT, Math.min(MAX_ALIGNMENT, byAlignment));
      // Its anchors (those no other sentence of the source has), each found or missing.
      const others = own.filter((_, j) => j !== i);
      const keys = [...own[i].keys].filter((k) => !others.some((o) => o.keys.has(k)));
      const words = [...own[i].words].filter((w) => !others.some((o) => o.words.has(w)));
      let anchors = 0;
      for (const [list, found, [absent, present]] of [
        [keys, targetKeys, ANCHORS.number],
        [words, targetWords, ANCHORS.latin],
      ] as const) {
        for (const k of list) anchors += found.has(k) ? present : absent;
      }
      score += Math.min(anchors, MAX_ANCHORS);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0 || bestScore <= t.threshold) continue;
    out.push({ start: p.start, end: p.end, data: { sentence: clip(srcSentences[best], 80), number: best + 1, unit: p.id } });
  }
  return out;
}

/**
 * Log-likelihood ratios of a sentence's own anchor missing from the translation, and found in it,
 * for the sentence left out against translated. Measured on the calibration half (zh, ja, ru): a
 * number of a translated sentence is missing from its translation a third of the time (written
 * otherwise, or left out as evident), a Latin-script word one time in twenty; a number of a left-out
 * sentence is found elsewhere in the paragraph's translation one time in a hundred, a word one in ten.
 */
const ANCHORS = { number: [1.1, -4.4], latin: [3, -2.3] } as const;
/** The most the anchors missing from the translation add (they are not independent). */
const MAX_ANCHORS = 4;
/** A sentence that punctuation ends (not a headline or a byline). */
const ENDS = /[.!?…。！？]["'”’»)\]」』）]*$/u;
/** The weight of the alignment's log-likelihood ratio (its steps' costs are not independent of the length's), and its bound. */
const ALIGNMENT = 0.3;
const MAX_ALIGNMENT = 20;

/** Words in Latin script (two letters or more), lower case: in a source of another script, they stay as they are in a translation. */
function latinWords(text: string): Set<string> {
  return new Set((text.match(/[A-Za-z][A-Za-z0-9&-]*[A-Za-z0-9]/g) ?? []).map((w) => w.toLowerCase()));
}

/** A source paragraph or unit with no translation (`missing`), or translation with no source (`extra`). */
export function paragraphMatches(doc: TextDocument, sp: SourcePairs, report: 'missing' | 'extra'): Match[] {
  const out: Match[] = [];
  for (const p of sp.pairs) {
    const hasSource = p.source.trim() !== '';
    const hasTarget = p.end > p.start && doc.text.slice(p.start, p.end).trim() !== '';
    // A unit with no translation is reported at its (empty) place in the text.
    if (report === 'missing' && hasSource && !hasTarget) out.push({ start: p.start, end: p.start, data: { sentence: clip(p.source, 80), unit: p.id } });
    if (report === 'extra' && hasTarget && !hasSource) out.push({ start: p.start, end: p.end, data: { unit: p.id } });
  }
  return out;
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1)}…`;
}
