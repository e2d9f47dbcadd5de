// The pairs the source-aware checks compare: each source unit with the part of the translation
// that renders it. Units given by a bilingual file (XLIFF, TMX, TSV) pair as given; a whole
// original (two files, NDJSON `source`) is aligned with the translation paragraph by paragraph
// (align.ts), and a paragraph with no counterpart on the other side becomes a pair with one side
// empty — reported by the paragraph checks, never guessed into a neighbour.
//
//   original  ¶1 ¶2 ¶3        translation  ¶1 ¶3'      pairs  (¶1, ¶1) (¶2, ∅) (¶3, ¶3')

import { alignBlocks, type AlignBlock } from '../align/align.js';
import { compileLengthModels, measure, measureSource, modelFor, type LengthModel } from '../align/length.js';
import { paragraphs } from '../align/split.js';
import type { TextDocument } from '../text/document.js';
import { DocumentCache } from '../text/document.js';
import { sourceInput } from './context.js';
import { guessLanguage, primaryTag, scriptOf, type Script } from './lang.js';
import { compileNumerals, maskCodes, readQuantities, type Numerals } from './numbers.js';
import { cyrillicKey, latinKeys } from './romanise.js';

/** Facts the source-aware kind compiles once from rules/lists/. */
export interface SourceFacts {
  numerals: Map<string, Numerals>;
  lengths: Map<string, LengthModel>;
}

export interface Pair {
  /** The source text of the unit or paragraphs ('' when the translation has something the source has not). */
  source: string;
  /** The translation's range in the document; start === end when the source unit has no translation. */
  start: number;
  end: number;
  /** The unit's id, or the source paragraph numbers ("¶3", "¶3–4"). */
  id: string;
  /** How many source and target paragraphs the pair joins (1:1 for a unit). */
  shape: [number, number];
}

export interface SourcePairs {
  /** The source language (declared, else guessed): a BCP 47 primary subtag, or 'und'. */
  lang: string;
  script: Script;
  /** Whether the language was declared by the input rather than guessed. */
  declared: boolean;
  pairs: Pair[];
  model: LengthModel;
}

const cache = new DocumentCache<{ facts: SourceFacts; value: SourcePairs | null }>();

/** The pairs of a document that came with its original; null for a text without one. */
export function sourcePairs(doc: TextDocument, facts: SourceFacts): SourcePairs | null {
  const hit = cache.get(doc);
  if (hit && hit.facts === facts) return hit.value;
  const value = computePairs(doc, facts);
  cache.set(doc, { facts, value });
  return value;
}

function computePairs(doc: TextDocument, facts: SourceFacts): SourcePairs | null {
  const input = sourceInput(doc);
  if (!input) return null;
  const allSource = input.segments ? input.segments.map((s) => s.source).join('\n\n') : (input.original ?? '');
  const declared = primaryTag(input.sourceLang);
  const lang = declared ?? guessLanguage(allSource) ?? 'und';
  const script = scriptOf(lang);
  const model = modelFor(facts.lengths, lang, script);
  if (input.segments) {
    const pairs = input.segments.map((s, i) => ({ source: s.source, start: s.start, end: s.end, id: s.id ?? `${i + 1}`, shape: [1, s.end > s.start ? 1 : 0] as [number, number] }));
    return { lang, script, declared: declared !== undefined, pairs, model };
  }
  const original = input.original ?? '';
  const src = paragraphs(original).map(([a, b]) => original.slice(a, b));
  const tgt = doc.paragraphs;
  const numerals = facts.numerals.get(lang);
  const en = facts.numerals.get('en');
  // (A URL or an address is carried over as it is, or left out: it says nothing of a translation's length.)
  const srcBlocks: AlignBlock[] = src.map((p) => ({ length: measureSource(maskCodes(p), script), anchors: anchorsOf(p, numerals, script === 'Cyrillic' ? 'cyrillic' : 'latin') }));
  const tgtBlocks: AlignBlock[] = tgt.map((b) => {
    const text = doc.text.slice(b.start, b.end);
    return { length: measure(maskCodes(text)), anchors: anchorsOf(text, en, 'latin') };
  });
  const pairs: Pair[] = [];
  for (const bead of alignBlocks(srcBlocks, tgtBlocks, model)) {
    const id = bead.s1 - bead.s0 === 0 ? `after ¶${bead.s0}` : bead.s1 - bead.s0 === 1 ? `¶${bead.s1}` : `¶${bead.s0 + 1}–${bead.s1}`;
    const start = bead.t1 > bead.t0 ? tgt[bead.t0].start : bead.t0 < tgt.length ? tgt[bead.t0].start : (tgt[tgt.length - 1]?.end ?? 0);
    const end = bead.t1 > bead.t0 ? tgt[bead.t1 - 1].end : start;
    pairs.push({ source: src.slice(bead.s0, bead.s1).join('\n\n'), start, end, id, shape: [bead.s1 - bead.s0, bead.t1 - bead.t0] });
  }
  return { lang, script, declared: declared !== undefined, pairs, model };
}

/**
 * What a paragraph shares with its translation, to align by: its numbers (their keys) and the keys
 * of its capitalised words (names: romanisation keys for Cyrillic, lower case without diacritics
 * for Latin script).
 */
export function anchorsOf(text: string, n: Numerals | undefined, script: 'cyrillic' | 'latin'): string[][] {
  const out: string[][] = n ? readQuantities(text, n).filter((q) => q.required).map((q) => q.keys) : [];
  const re = script === 'cyrillic' ? /[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{2,}/g : /\p{Lu}[\p{L}\p{M}'’]{2,}/gu;
  for (const [w] of text.matchAll(re)) {
    const keys = script === 'cyrillic' ? [cyrillicKey(w), cyrillicKey(w).slice(0, -1)] : latinKeys(w);
    const named = keys.filter((k) => k.length >= 3).map((k) => `name:${k}`);
    if (named.length > 0) out.push(named);
  }
  return out;
}

/** Compiles the facts from the kind's lists (numerals, length-ratios). */
export function compileSourceFacts(list: (name: string) => unknown[]): SourceFacts {
  return { numerals: compileNumerals(list('numerals')), lengths: compileLengthModels(list('length-ratios')) };
}
