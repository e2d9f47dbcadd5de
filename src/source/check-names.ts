// The names check. A name the source writes (names.ts) is misspelled in the translation when a
// word there is one letter (of its romanisation key) away and there is evidence of the right form:
// the article spells it right elsewhere (a fix), the gazetteer knows the person or place (a fix
// when it knows one form), or the standard romanisation is a letter or two away (a suggestion).
// A person or place the source surely names (known, or a given name and a surname) that the
// translation of that unit does not name at all is reported as missing.
//
//   source  Лавров заявил…   target  Lavor said…     → Lavrov (the article writes Lavrov elsewhere)
//   source  Нови Сад…        target  (no Novi Sad)   → missing

import type { TextDocument } from '../text/document.js';
import type { Match } from '../types.js';
import { cyrillicRuns, foldLatin, latinRuns, nameDistance, renders, targetWords, type NameFacts, type NameRun, type NameToken, type TargetWord } from './names.js';
import type { SourcePairs } from './pairs.js';
import { keyDistance, latinKeys, romanise, type RomanisationTable } from './romanise.js';

export type NameReport = 'misspelled' | 'missing';

export interface NameContext {
  facts: NameFacts;
  tables: Map<string, RomanisationTable>;
  isEnglishWord: (lower: string) => boolean;
}

export function nameMatches(doc: TextDocument, sp: SourcePairs, ctx: NameContext, report: NameReport): Match[] {
  const cyrillic = sp.script === 'Cyrillic';
  const tables = cyrillic ? [ctx.tables.get(sp.lang) ?? ctx.tables.get('ru')!, ...[...ctx.tables.values()]].filter((t, i, a) => t && a.indexOf(t) === i) : [];
  const docWords = targetWords(doc.text, doc.words);
  const out: Match[] = [];
  for (const pair of sp.pairs) {
    if (pair.end <= pair.start || pair.source.trim() === '') continue;
    const runs = cyrillic ? cyrillicRuns(pair.source, ctx.facts, tables) : latinRuns(pair.source, ctx.facts);
    if (runs.length === 0) continue;
    const words = docWords.filter((w) => w.start >= pair.start && w.end <= pair.end);
    const isRendered = (t: NameToken) => words.some((w) => renders(t, w, cyrillic));
    if (report === 'missing') {
      for (const run of runs) {
        if (!run.sure || run.initial || run.quoted || run.tokens.every((t) => t.place?.kind === 'country' || t.patronymic)) continue;
        if (run.tokens.some(isRendered)) continue;
        out.push({ start: pair.start, end: pair.end, data: { name: expectedName(run, tables), source: run.tokens.map((t) => t.text).join(' ') } });
      }
      continue;
    }
    for (const run of runs) {
      for (const t of run.tokens) {
        if (t.adjective || t.patronymic) continue;
        for (const w of words) {
          const m = isRendered(t) ? (renders(t, w, cyrillic) && cyrillic ? misspeltVowels(t, w, docWords, ctx) : null) : misspelling(t, w, runs, docWords, cyrillic, tables, ctx);
          if (m) out.push(m);
        }
      }
    }
  }
  return out;
}

/** A finding for translation word `w` if it is a misspelling of source name word `t`, with the evidence for the right form. */
function misspelling(t: NameToken, w: TargetWord, runs: NameRun[], docWords: TargetWord[], cyrillic: boolean, tables: RomanisationTable[], ctx: NameContext): Match | null {
  if (w.text.length < 4 || ctx.isEnglishWord(w.text.toLowerCase()) || ctx.facts.latin.has(w.folded)) return null;
  const d = nameDistance(t, w, cyrillic);
  if (d < 1 || d > (cyrillic ? 1 : 2)) return null;
  // A word that renders another name of the source is that name.
  if (runs.some((r) => r.tokens.some((x) => x !== t && renders(x, w, cyrillic)))) return null;
  const caseLike = (s: string) => (w.text === w.text.toUpperCase() ? s.toUpperCase() : s);
  const edit = (text: string) => ({ start: w.start, end: w.end, text: caseLike(text) });
  if (!cyrillic) {
    // Carried over from a Latin-script source: the source's form (without diacritics if the translation drops them).
    const form = /[^\x00-\x7f]/.test(w.text) ? t.text : foldCase(t.text);
    return { start: w.start, end: w.end, replacements: [edit(form)], safety: 'suggest', data: { name: form, source: t.text, evidence: 'the source' } };
  }
  // 1. The article writes the name right elsewhere.
  const right = new Map<string, number>();
  for (const o of docWords) if (o !== w && renders(t, o, true) && o.text !== w.text) right.set(o.text, (right.get(o.text) ?? 0) + 1);
  if (right.size > 0) {
    const best = [...right].sort((a, b) => b[1] - a[1])[0][0];
    return { start: w.start, end: w.end, replacements: [edit(best)], data: { name: best, source: t.text, evidence: 'the article elsewhere' } };
  }
  // 2. The gazetteer knows the person or place.
  const known = knownForms(t).filter((f) => f !== w.text && latinKeys(f).some((k) => keyDistance(k, w.keys[0], 2) <= 1));
  if (known.length > 0) {
    return { start: w.start, end: w.end, replacements: known.map(edit), ...(known.length > 1 ? { safety: 'suggest' as const } : {}), data: { name: known[0], source: t.text, evidence: 'the gazetteer' } };
  }
  // 3. The standard romanisation is a letter or two away (a guess: the source's case ending may differ).
  for (const table of tables) {
    const r = romanise(t.text, table);
    const dist = keyDistance(foldLatin(r), w.folded, 3);
    if (dist >= 1 && dist <= 2) return { start: w.start, end: w.end, replacements: [edit(r)], safety: 'suggest', data: { name: r, source: t.text, evidence: 'the romanisation' } };
  }
  return null;
}

/**
 * A rendering of a source name that its key accepts but its letters do not (Zelinsky for
 * Зеленский: the key drops vowels): when the gazetteer knows this name's forms and this is not
 * one of them, or the article writes the name otherwise at least twice as often.
 */
function misspeltVowels(t: NameToken, w: TargetWord, docWords: TargetWord[], ctx: NameContext): Match | null {
  if (ctx.facts.latin.has(w.folded) || ctx.isEnglishWord(w.text.toLowerCase())) return null;
  const edit = (text: string) => ({ start: w.start, end: w.end, text: w.text === w.text.toUpperCase() ? text.toUpperCase() : text });
  const near = (f: string) => {
    const d = keyDistance(foldLatin(f), w.folded, 3);
    // A feminine or case form (Lavrova beside Lavrov) is not a misspelling.
    return d >= 1 && d <= 2 && !foldLatin(f).startsWith(w.folded) && !w.folded.startsWith(foldLatin(f));
  };
  // Known spellings of a person's surname (a place's English name may rightly differ: Gavan, not Havana).
  const known = (t.surnames ?? []).filter((f) => latinKeys(f).some((k) => w.keys.includes(k)));
  if (known.length > 0) {
    const close = known.filter(near);
    if (close.length === 0) return null;
    return { start: w.start, end: w.end, replacements: close.map(edit), ...(close.length > 1 ? { safety: 'suggest' as const } : {}), data: { name: close[0], source: t.text, evidence: 'the gazetteer' } };
  }
  const counts = new Map<string, number>();
  for (const o of docWords) if (renders(t, o, true)) counts.set(o.text, (counts.get(o.text) ?? 0) + 1);
  const mine = counts.get(w.text) ?? 0;
  const best = [...counts].filter(([f]) => f !== w.text && near(f)).sort((a, b) => b[1] - a[1])[0];
  if (!best || best[1] < 2 * mine) return null;
  return { start: w.start, end: w.end, replacements: [edit(best[0])], data: { name: best[0], source: t.text, evidence: 'the article elsewhere' } };
}

function foldCase(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** English forms of a known source name word: the place's name words, or the surname's spellings. */
function knownForms(t: NameToken): string[] {
  const out: string[] = [];
  if (t.place) for (const f of [t.place.name, ...t.place.accepted]) for (const part of f.split(/[\s-]+/)) if (part.length >= 3 && /^\p{Lu}/u.test(part)) out.push(part);
  if (t.surnames) out.push(...t.surnames);
  return [...new Set(out)];
}

/** How the translation should name a run, for the message. */
function expectedName(run: NameRun, tables: RomanisationTable[]): string {
  return run.tokens
    .filter((t) => !t.patronymic)
    .map((t) => t.place?.name ?? t.surnames?.[0] ?? (tables[0] ? romanise(t.text, tables[0]) : t.text))
    .join(' ');
}
