// The numbers check: every quantity the source writes in digits has a counterpart in the
// translation, and the translation has no quantity in digits the source lacks. What does not
// match is reported as changed (one number of each side left over: the translation's, with the
// source's value as a suggestion), missing or added; a decimal comma or a thousands dot carried
// over from the source ("4,1 billion" for "4,1 milionu") is fixed to English form.
//
//   source  … 15,5 миллиона случаев …      target  … 155 million cases …
//                                                    ^^^^^^^^^^^ changed: the source has 15.5 million

import type { TextDocument } from '../text/document.js';
import type { Match } from '../types.js';
import { compareQuantities, numberKey, readDigits, readQuantities, renderNumber, type NumberMismatch, type Numerals, type Quantity } from './numbers.js';
import type { Pair, SourcePairs, SourceFacts } from './pairs.js';

export type NumberReport = 'changed' | 'missing' | 'added' | 'separator';

interface PairNumbers extends NumberMismatch {
  pair: Pair;
  source: Quantity[];
  target: Quantity[];
}

const cache = new WeakMap<SourcePairs, PairNumbers[]>();

/** The numbers of each pair that has both sides, compared once per document for all the number rules. */
function compared(doc: TextDocument, sp: SourcePairs, facts: SourceFacts): PairNumbers[] {
  let out = cache.get(sp);
  if (out) return out;
  out = [];
  const n = numeralsFor(sp, facts);
  const en = facts.numerals.get('en');
  // A language without its own numerals: its scale words are unknown, so "16 million" may be its "16 milljónir".
  const known = facts.numerals.has(sp.lang);
  if (n && en) {
    for (const pair of sp.pairs) {
      if (pair.end <= pair.start || pair.source.trim() === '') continue;
      const target = readQuantities(doc.text.slice(pair.start, pair.end), en).map((q) => ({
        ...q,
        start: q.start + pair.start,
        end: q.end + pair.start,
        ...(!known && !n.cjk && q.mantissa !== undefined ? { keys: [...q.keys, String(q.mantissa)] } : {}),
      }));
      const source = readQuantities(pair.source, n);
      const m = compareQuantities(source, target, pair.source, n);
      out.push({ pair, source, target, ...joinDigitGroups(m, pair.source, doc.text) });
    }
    excuseAcrossPairs(out, doc.text);
  }
  cache.set(sp, out);
  return out;
}

/**
 * A telephone number or code the translation writes in groups ("8599 3119", "8599-3119") for the
 * source's run of digits (85993119): the groups together are the source's number.
 */
function joinDigitGroups(m: NumberMismatch, source: string, text: string): NumberMismatch {
  const digits = (s: string) => s.replace(/\D/g, '');
  for (const q of [...m.missing]) {
    const want = digits(source.slice(q.start, q.end));
    if (want.length < 6) continue;
    const run = m.added.filter((t) => want.includes(digits(text.slice(t.start, t.end))));
    for (let i = 0; i < run.length; i++) {
      let joined = '';
      let j = i;
      for (; j < run.length && joined.length < want.length; j++) {
        if (j > i && !/^[\s-]$/.test(text.slice(run[j - 1].end, run[j].start))) break;
        joined += digits(text.slice(run[j].start, run[j].end));
      }
      if (j - i >= 2 && joined === want) {
        const used = new Set(run.slice(i, j));
        m.added = m.added.filter((t) => !used.has(t));
        m.missing = m.missing.filter((o) => o !== q);
        break;
      }
    }
  }
  return m;
}

const overlaps = (a: Quantity, b: Quantity) => a.keys.some((k) => b.keys.includes(k));
const isYear = (q: Quantity) => q.value !== undefined && Number.isInteger(q.value) && q.value >= 1900 && q.value < 2100;
/** A year the translation gives relative to the article's own ("this year", "year-on-year"). */
const RELATIVE_YEAR = /\b(?:this|last|next|previous|past|that|the same)\s+year\b|\byear[- ]on[- ]year\b|\ba year (?:earlier|ago|before|later)\b/i;
/** How far apart (in pairs) a number may move between the source and the translation. */
const NEAR = 3;

/**
 * What one pair leaves over that the document explains, when the pair has nothing left over on the
 * other side (so that nothing here can hide a changed number):
 * - a number the translation adds that the source writes nearby (a headline that names the 32nd
 *   festival the next paragraph counts, "all 67 enterprises" of the paragraph before);
 * - a number the translation adds that is part of a name elsewhere in the document ("TSV 1860",
 *   then "1860" for the source's "Sechzig");
 * - a number the source has that the translation moved to a nearby paragraph (where it has no
 *   counterpart in that paragraph's source);
 * - a year the translation gives as "this year", "last year" or "year-on-year".
 */
function excuseAcrossPairs(pairs: PairNumbers[], text: string): void {
  const names = pairs.flatMap((p) => [...p.source, ...p.target]).filter((q) => q.kind === 'code' && q.value !== undefined && q.value >= 100);
  const added = pairs.map((p) => p.added);
  const around = <T>(list: T[], i: number) => [...list.slice(Math.max(0, i - NEAR), i), ...list.slice(i + 1, i + 1 + NEAR)];
  pairs.forEach((p, i) => {
    const near = around(pairs, i);
    const nearAdded = around(added, i).flat();
    // (Nothing left over here, also when a word stands in for a number: "midday" for the source's 12
    // leaves the 15 written in its place alone, a change and not a move.)
    const inDigits = (q: Quantity) => p.target.some((t) => /\d/.test(text.slice(t.start, t.end)) && q.keys.includes(t.keys[0]));
    if (!p.missing.some((q) => q.value !== undefined) && p.weakMissing.length === 0 && p.source.every((q) => !q.required || q.value === undefined || inDigits(q))) {
      // (A number of two digits or more, by its first reading: "2K" is no 2 from nearby.)
      const told = (q: Quantity, s: Quantity) => q.value !== undefined && q.value >= 10 && s.keys.includes(numberKey(q.value));
      p.added = p.added.filter((q) => !(near.some((o) => o.source.some((s) => s.required && told(q, s))) || names.some((c) => told(q, c))));
    }
    if (p.added.length === 0 && p.weakAdded.length === 0) {
      p.missing = p.missing.filter((q) => !nearAdded.some((t) => overlaps(t, q)));
      if (RELATIVE_YEAR.test(text.slice(p.pair.start, p.pair.end))) p.missing = p.missing.filter((q) => !isYear(q));
    }
  });
}

/** The numerals of the source language; a language without its own entry reads digits by its script's habits. */
function numeralsFor(sp: SourcePairs, facts: SourceFacts): Numerals | undefined {
  const own = facts.numerals.get(sp.lang);
  if (own) return own;
  const like = sp.script === 'Han' ? 'zh' : sp.script === 'Cyrillic' ? 'ru' : 'de';
  const base = facts.numerals.get(like);
  // Only the separators and digits: another language's words and months would mislead.
  return base && { ...base, lang: sp.lang, scales: sp.script === 'Han' ? base.scales : [], months: sp.script === 'Han' ? base.months : [], words: null, half: null, stems: new Map() };
}

export function numberMatches(doc: TextDocument, sp: SourcePairs, facts: SourceFacts, report: NumberReport): Match[] {
  const out: Match[] = [];
  for (const p of compared(doc, sp, facts)) {
    const srcText = (q: Quantity) => p.pair.source.slice(q.start, q.end);
    // Numbers left over on both sides were changed one into the other; a weak one (a day alone, a
    // code's digits) counts here, never alone.
    const sources = [...p.missing.filter((q) => q.value !== undefined), ...p.weakMissing];
    // A code's digits (COVID-19, L4) are changed only from another code's or a lone digit's (4级), not from
    // a day's; a year only from another year.
    const targets = [...p.added.filter((q) => q.value !== undefined), ...p.weakAdded.filter((q) => (isYear(q) ? sources.some(isYear) : sources.some((s) => s.kind === 'code' || s.kind === 'digit')))];
    const changed = sources.length > 0 && targets.length > 0;
    if (report === 'changed') {
      if (!changed) continue;
      for (const q of targets) {
        const one = sources.length === 1 && targets.length === 1;
        const src = one ? sources[0] : nearest(q, sources, p);
        const match: Match = {
          start: q.start,
          end: q.end,
          data: { source: srcText(src), context: context(p.pair.source, src) },
        };
        if (one && src.value !== undefined) {
          const text = renderNumber(src.value, q, doc.text.slice(q.start, q.end));
          match.replacements = [{ start: q.start, end: q.end, text }];
          match.safety = 'suggest';
        }
        out.push(match);
      }
    } else if (report === 'missing') {
      // Numbers with a changed counterpart are the changed rule's (a month has none).
      const left = changed ? p.missing.filter((q) => q.value === undefined) : p.missing;
      for (const q of left) out.push({ start: p.pair.start, end: p.pair.end, data: { source: srcText(q), context: context(p.pair.source, q) } });
    } else if (report === 'added') {
      // Without the source language's words for numbers, a number the source spells out cannot be told from one added.
      if (changed || !numeralsFor(sp, facts)?.words) continue;
      // A single digit or a time the translation adds is mostly a rendering (a 4-day weekend, 14:20 Beijing time).
      for (const q of p.added) {
        const text = doc.text.slice(q.start, q.end);
        if (/^\d$/.test(text) || /^\d{1,2}[:.]\d\d$/.test(text)) continue;
        out.push({ start: q.start, end: q.end, data: { unit: p.pair.id } });
      }
    } else {
      for (const q of p.target) {
        const m = separatorFix(doc.text.slice(q.start, q.end), q, p, numeralsFor(sp, facts)?.decimal === ',');
        if (m) out.push({ start: q.start, end: q.start + m.length, replacements: [{ start: q.start, end: q.start + m.length, text: m.text }], data: { fix: m.text } });
      }
    }
  }
  return out;
}

/** The source quantity a changed target quantity most likely stands for: the nearest by relative position. */
function nearest(q: Quantity, candidates: Quantity[], p: PairNumbers): Quantity {
  const span = Math.max(1, p.pair.end - p.pair.start);
  const at = (q.start - p.pair.start) / span;
  const len = Math.max(1, p.pair.source.length);
  return candidates.reduce((best, c) => (Math.abs(c.start / len - at) < Math.abs(best.start / len - at) ? c : best));
}

/** A few words of the source around a quantity, for messages. */
function context(source: string, q: Quantity): string {
  const from = Math.max(0, source.lastIndexOf(' ', Math.max(0, q.start - 20)));
  const to = source.indexOf(' ', Math.min(source.length, q.end + 20));
  return `${from > 0 ? '…' : ''}${source.slice(from, to < 0 ? source.length : to).trim()}${to < 0 ? '' : '…'}`;
}

/**
 * A number written with the source's separators where English uses others, when the source has
 * the same digits so written: "4,1" → "4.1" (a decimal comma), "1.500" → "1,500" (a thousands dot).
 */
function separatorFix(text: string, q: Quantity, p: PairNumbers, decimalComma: boolean): { length: number; text: string } | null {
  const m = /^\d{1,3}(?:([.,])\d+)(?:\1\d{3})*/.exec(text);
  if (!m || !m[1]) return null;
  const digits = m[0];
  const sourceHas = p.source.some((s) => p.pair.source.slice(s.start, s.end).startsWith(digits));
  if (!sourceHas) return null;
  if (q.decimalComma && /^\d+,\d{1,2}$/.test(digits)) return { length: digits.length, text: digits.replace(',', '.') };
  // A thousands dot: 1.500 / 12.000.000 (English would read it as a decimal), from a language that writes them so.
  if (/^\d{1,3}(?:\.\d{3})+$/.test(digits) && decimalComma) {
    const value = readDigits(digits, ',').values[0];
    return { length: digits.length, text: value.toLocaleString('en-US') };
  }
  return null;
}
