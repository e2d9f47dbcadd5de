// Misspelled names of people and places, in three modes, each fixed only on evidence in the
// article itself (the policy and its refusals, in one place: src/names/evidence.ts).
//
//   gazetteer  A word one edit (two for long words) from a name part of a gazetteer person or
//              place, with the entity's other part right beside it, or the entity named in full
//              elsewhere in the article:
//                Ukrainian negotiator David Arachhamia said …   (Davyd Arakhamia; David beside it)
//                                           ^^^^^^^^^^
//   wrong      A form the gazetteer lists as another language's spelling:
//                the talks in Kiew on Monday                    (German form of Kyiv)
//                             ^^^^
//   document   A spelling used once or twice near one the same article uses three times as often:
//              one edit is a fix; two only a suggestion, unless the frequent spelling is the
//              surname of a gazetteer person the article names in full:
//                Sergey Lavrov … Lavrov … Lavrov … Lavor further stated
//                                                  ^^^^^
//
// In no mode is a word "corrected" that is somebody's real name (a given name or surname of the US
// lists, pinyin near pinyin, a patronymic), a word made from the name (Poltavka, Olympian), a word
// in another name (Parul Jain, Novaya Poltavka) or another transliteration (Zelensky).
//
// The machinery is in src/names/: the gazetteer (gazetteer.ts, read by load.ts, compiled ahead of
// time by compiled-index.ts), the similarity of two spellings and its cheap bound (similarity.ts),
// real names (real-names.ts), the document's name words (words.ts) and the evidence that links a
// word to a name (evidence.ts).

import { DocumentCache, type TextDocument } from '../text/document.js';
import type { Edit, Match, RuleSpec } from '../types.js';
import { linkToGazetteer, namedParts, notAMisspelling, sharesNameContext, type Candidate, type Links } from '../names/evidence.js';
import { fold } from '../names/fold.js';
import { accepts, knows, push, type Gazetteer, type WrongForm } from '../names/gazetteer.js';
import { gazetteerSource, loadGazetteer } from '../names/load.js';
import { byCloseness, closeMemo, headOf, letterMask, similarityBound, type Closeness, type Thresholds } from '../names/similarity.js';
import { adjacent, isKnown, nameWordAt, nameWords, type NameWord } from '../names/words.js';
import { Options, type Kind, type KindEnv } from './kind.js';

const MODES = ['gazetteer', 'wrong', 'document'] as const;
type Mode = (typeof MODES)[number];

/** Options each mode accepts (besides `mode`), and their defaults. */
const MODE_OPTIONS: Record<Mode, string[]> = {
  gazetteer: ['gazetteer', 'people', 'places', 'real_names', 'towns', 'min_length', 'max_distance', 'min_similarity'],
  wrong: ['gazetteer', 'people', 'places'],
  document: ['gazetteer', 'people', 'places', 'real_names', 'towns', 'min_length', 'max_distance', 'min_similarity', 'min_count', 'min_ratio', 'max_rare', 'defer_to_gazetteer'],
};

/** The defaults of mode `gazetteer`; mode `document` defers to what they find. */
const GAZETTEER_DEFAULTS: Thresholds = { minLength: 4, maxDistance: 2, minSimilarity: 0.88 };
const DOCUMENT_DEFAULTS = { minLength: 5, maxDistance: 2, minSimilarity: 0.9, minCount: 3, minRatio: 3, maxRare: 2 };

export const name: Kind = {
  name: 'name',
  english: true,
  options: ['mode', ...new Set(Object.values(MODE_OPTIONS).flat())],
  compile(spec: RuleSpec, env: KindEnv) {
    const opts = new Options(spec);
    const mode = opts.oneOf('mode', MODES);
    for (const key of Object.keys(spec.options)) {
      if (key !== 'mode' && !MODE_OPTIONS[mode].includes(key)) opts.fail(key, `not an option of mode ${mode}`);
    }
    const source = gazetteerSource(spec, opts);
    const gaz = () => loadGazetteer(source, env);
    if (mode === 'wrong') return (doc) => wrongForms(doc, gaz());
    const defaults = mode === 'gazetteer' ? GAZETTEER_DEFAULTS : DOCUMENT_DEFAULTS;
    const t: Thresholds = {
      minLength: integer(opts, 'min_length', defaults.minLength, 2, 20),
      maxDistance: integer(opts, 'max_distance', defaults.maxDistance, 1, 3),
      minSimilarity: fraction(opts, 'min_similarity', defaults.minSimilarity),
    };
    if (mode === 'gazetteer') {
      return (doc) => {
        const g = gaz();
        return toMatches(doc, linkToGazetteer(doc, g, t, env), (c) => ({ name: whoIsMeant(doc, c) }));
      };
    }
    const defer: unknown = spec.options.defer_to_gazetteer ?? true;
    if (typeof defer !== 'boolean') opts.fail('defer_to_gazetteer', 'expected true or false');
    const d: DocumentThresholds = {
      ...t,
      minCount: integer(opts, 'min_count', DOCUMENT_DEFAULTS.minCount, 2, 1000),
      minRatio: opts.number('min_ratio', DOCUMENT_DEFAULTS.minRatio),
      maxRare: integer(opts, 'max_rare', DOCUMENT_DEFAULTS.maxRare, 1, 100),
      defer: defer as boolean,
    };
    if (d.minRatio < 1) opts.fail('min_ratio', 'expected a number of at least 1');
    return (doc) => reconcile(doc, gaz(), d, env);
  },
};

function integer(opts: Options, key: string, fallback: number, min: number, max: number): number {
  const v = opts.number(key, fallback);
  if (!Number.isInteger(v) || v < min || v > max) opts.fail(key, `expected a whole number from ${min} to ${max}`);
  return v;
}

function fraction(opts: Options, key: string, fallback: number): number {
  const v = opts.number(key, fallback);
  if (v <= 0 || v > 1) opts.fail(key, 'expected a number above 0 and at most 1');
  return v;
}

// --- mode wrong --------------------------------------------------------------------------------

function wrongForms(doc: TextDocument, g: Gazetteer): Match[] {
  const out: Match[] = [];
  const ws = nameWords(doc);
  for (let i = 0; i < ws.length; i++) {
    const first = ws[i];
    const info = first.info;
    if (info.wrongIn !== g) {
      info.wrongIn = g;
      info.wrong = g.wrong.get(first.text);
    }
    const listed = info.wrong;
    if (!listed) continue;
    const forms = listed.slice().sort((a, b) => b.tokens.length - a.tokens.length);
    /** The longest wrong forms found here; several people may share a wrongly spelled surname. */
    let found: WrongForm[] = [];
    let last = first;
    for (const form of forms) {
      if (found.length > 0 && form.tokens.length < found[0].tokens.length) break;
      if (form.tokens.length === 1 && accepts(g, first.fold)) continue;
      let end = first;
      let ok = true;
      for (let k = 1; k < form.tokens.length && ok; k++) {
        const next = nameWordAt(ws, i, first.index + k);
        ok = !!next && next.text === form.tokens[k] && adjacent(doc.text, end.end, next.start) && doc.words[end.index].end === end.end;
        if (next) end = next;
      }
      if (!ok) continue;
      found.push(form);
      last = end;
    }
    if (found.length === 0) continue;
    found = found.filter((f, k) => found.findIndex((x) => x.fix === f.fix) === k);
    out.push({
      start: first.start,
      end: last.end,
      replacements: found.map((f) => ({ start: first.start, end: last.end, text: f.fix })),
      ...(found.length > 1 ? { safety: 'suggest' as const, message: 'Check `{match}`: it is another language’s spelling of {choices}.' } : {}),
      data: { name: found[0].name, choices: found.map((f) => `\`${f.fix}\``).join(' or ') },
    });
    while (i + 1 < ws.length && ws[i + 1].index <= last.index) i++;
  }
  return out;
}

// --- mode gazetteer ----------------------------------------------------------------------------

/** One match per occurrence of a linked spelling; candidates that disagree make a suggestion list. */
function toMatches(doc: TextDocument, links: Links, data: (c: Candidate[]) => Record<string, string>): Match[] {
  const out: Match[] = [];
  for (const { words, candidates } of links.values()) {
    const fixes = [...new Set(candidates.sort(byCloseness).map((c) => c.fix))];
    const values = { ...data(candidates), choices: fixes.map((f) => `\`${f}\``).join(' or ') };
    for (const w of words) {
      const replacements: Edit[] = fixes.map((text) => ({ start: w.start, end: w.end, text }));
      out.push({
        start: w.start,
        end: w.end,
        replacements,
        ...(fixes.length > 1 ? { safety: 'suggest' as const, message: 'Check the spelling of `{match}`: did you mean {choices}?' } : {}),
        data: values,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The document's folded name words, for whoIsMeant. */
const foldCache = new DocumentCache<Set<string>>();

/**
 * The entity the best candidates name, for the message: when several people share the surname
 * (Sergey and Aleksey Lavrov), the one whose given name the article also uses; when that does not
 * settle it, the spelling alone.
 */
function whoIsMeant(doc: TextDocument, candidates: Candidate[]): string {
  const best = candidates.filter((c) => c.fix === candidates[0].fix);
  const entities = [...new Set(best.map((c) => c.entity))];
  if (entities.length === 1) return entities[0].name;
  let folds = foldCache.get(doc);
  if (!folds) foldCache.set(doc, (folds = new Set(nameWords(doc).map((w) => w.fold))));
  const named = entities.filter((e) => e.forms.some((f) => f.length > 1 && folds.has(fold(f[0]))));
  return named.length === 1 ? named[0].name : candidates[0].fix;
}

// --- mode document -----------------------------------------------------------------------------

interface DocumentThresholds extends Thresholds {
  minCount: number;
  minRatio: number;
  maxRare: number;
  defer: boolean;
}

/**
 * A rare capitalised spelling close to a frequent one in the same article ("Lavor" once, "Lavrov"
 * six times). Left alone: English words, names the gazetteer knows, derived words (Biden/Bidens,
 * Russia/Russian), feminine forms of Slavic surnames (Ivanov/Ivanova, Zelenskyy/Zelenska), and a
 * rare word that is part of a longer name the frequent one never appears in (Chiang Saen/China).
 */
function reconcile(doc: TextDocument, g: Gazetteer, t: DocumentThresholds, env: KindEnv): Match[] {
  const ws = nameWords(doc);
  const byText = new Map<string, NameWord[]>();
  for (const w of ws) push(byText, w.text, w);
  // The frequent spellings by first letter (`close` refuses words of different first letters), in text order.
  const frequent = new Map<string, { text: string; occurrences: NameWord[]; fold: string; mask: number; head: number; unfit?: boolean }[]>();
  for (const [text, list] of byText) {
    const f = list[0].fold;
    if (list.length >= t.minCount) push(frequent, f[0], { text, occurrences: list, fold: f, mask: letterMask(f), head: headOf(f) });
  }
  if (frequent.size === 0) return [];
  const deferred = t.defer ? linkToGazetteer(doc, g, GAZETTEER_DEFAULTS, env) : undefined;
  const out: Match[] = [];
  for (const [text, list] of byText) {
    const w = list[0];
    if (list.length > t.maxRare || text.length < t.minLength || isKnown(g, w, env) || g.wrong.has(text) || deferred?.has(text)) continue;
    const candidates = frequent.get(w.fold[0]);
    if (!candidates) continue;
    const n = w.fold.length;
    const mask = letterMask(w.fold);
    const head = headOf(w.fold);
    const found: (Closeness & { text: string; count: number })[] = [];
    for (const f of candidates) {
      // What `close` would refuse first, from lengths, letter masks and heads (a long article has thousands of pairs).
      if (Math.abs(f.fold.length - n) > t.maxDistance + 1 || similarityBound(n, mask, head, f.fold.length, f.mask, f.head) < t.minSimilarity - 1e-9) continue;
      if (f.occurrences.length < t.minRatio * list.length) continue;
      // A frequent spelling that is an English word is not a name unless the gazetteer knows it;
      // and the majority never wins for a spelling the gazetteer lists as wrong or knows only in
      // another language.
      if ((f.unfit ??= (env.isEnglishWord(f.text.toLowerCase()) && !accepts(g, f.fold)) || g.wrong.has(f.text) || (knows(g, f.fold) && !accepts(g, f.fold)))) continue;
      const c = closeMemo(w.fold, f.fold, t);
      if (c && !notAMisspelling(g, w.fold, f.fold, true) && sharesNameContext(doc, list, f.occurrences)) found.push({ ...c, text: f.text, count: f.occurrences.length });
    }
    if (found.length === 0) continue;
    found.sort((a, b) => byCloseness(a, b) || b.count - a.count);
    // One edit is a slip; two are one only for the surname of a person the article names in full (Lavor … Sergey Lavrov).
    const safe = found.length === 1 && (found[0].distance === 1 || surnameOfNamed(doc, g, found[0].text, env));
    for (const occ of list) {
      out.push({
        start: occ.start,
        end: occ.end,
        replacements: found.map((f) => ({ start: occ.start, end: occ.end, text: f.text })),
        ...(safe ? {} : { safety: 'suggest' as const }),
        data: { count: found[0].count },
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A name word after the first of a person the article names in full, spelt `text`. */
function surnameOfNamed(doc: TextDocument, g: Gazetteer, text: string, env: KindEnv): boolean {
  for (const [e, parts] of namedParts(doc, g, env)) if (e.type === 'person' && e.forms.some((f) => f.indexOf(text) > 0 && (parts & (1 << f.indexOf(text))) !== 0)) return true;
  return false;
}
