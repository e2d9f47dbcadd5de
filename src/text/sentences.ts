// Sentence boundaries inside one paragraph: a full stop, question or exclamation mark (with any
// closing quotes or brackets) followed by white space and a capital, digit or opening quote —
// except after common abbreviations and initials.

import { isSpaceAt } from './lines.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'sgt', 'rep', 'sen', 'gov', 'st',
  'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'no', 'vol', 'fig', 'jan', 'feb', 'mar',
  'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'mt', 'ft',
]);

const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  BOUNDARY.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(slice)) !== null) {
    const stop = m.index + m[0].length;
    if (/^\.["'”’)\]]*$/.test(m[0]) && isAbbreviation(text, m.index)) continue;
    out.push(trim(text, from, stop));
    from = stop;
  }
  if (from < end) out.push(trim(text, from, end));
  return out.filter(([s, e]) => e > s);
}

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
  const word = text.slice(i, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter is an initial: "George W. Bush".
  return /^\p{Lu}$/u.test(text.slice(i, dot));
}

function trim(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpaceAt(text, s)) s++;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  return [s, e];
}
