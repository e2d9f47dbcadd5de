// Evidence that a word means a name the gazetteer knows, and the refusals: when a misspelt name
// may be linked to a person or place (and so fixed), and when a word is somebody else's real name.

import type { KindEnv } from '../kinds/kind.js';
import { DocumentCache, type TextDocument } from '../text/document.js';
import { fold, isNameWord } from './fold.js';
import type { Entity, Gazetteer, Key } from './gazetteer.js';
import { isPatronymic, isPinyin, PERSON_TITLES } from './real-names.js';
import { bitCount, closeToLinked, letterMask, sameTransliteration, type Closeness, type Thresholds } from './similarity.js';
import { adjacent, givenKeysOf, isKnown, keysOf, lastKeysOf, nameWords, placeKeysOf, startsSentence, type NameWord } from './words.js';

export interface Candidate extends Closeness {
  /** The spelling to propose: the form of this name word the article already uses, else the preferred one. */
  fix: string;
  entity: Entity;
}

/** Per distinct flagged spelling: its occurrences and the candidates with evidence. */
export type Links = Map<string, { words: NameWord[]; candidates: Candidate[] }>;

/*
 * The policy, in one place: a name word the gazetteer and the English word list do not know is
 * linked to a name part of a gazetteer entity — and then fixed — only with evidence in the
 * article itself:
 *   beside    the entity's other name part stands right beside it, spelt as the gazetteer spells
 *             it: a given name before a surname (David Arachhamia, Donald Trrump), a surname after
 *             a given name (Volodymr Zelensky), the other words of a place (Buenos Aries); one
 *             edit anywhere, or two as `close` allows (Zelskyy, Arachhamia);
 *   named     the entity is named in full elsewhere in the article (a given name and the surname
 *             side by side, every word of a place), or somebody with its surname is (Alexei
 *             Kozhevnikov), and the word is one edit from that name part, not in its first
 *             consonant (Zelenskyy … Zelenksyy, Kozhevnikov … Kozevnikov; Bollywood is not Hollywood);
 * and never, whatever the evidence, when the word
 *   - is somebody's real name: a given name or surname of the US lists (real-names.ts; not when
 *     the word stands beside the other words of a place: Buenos Aries; in mode document only a
 *     common one: Thomson beside Thompson, but not Harmann beside Hartmann ×3), a name in pinyin
 *     close to another in pinyin (Jiaxin is not Jiaxing), a Slavic patronymic;
 *   - is made from the name, or the name from it (Poltavka from Poltava, Olympian, Ivanova,
 *     Romaniv beside Romanov: see `derived`);
 *   - stands in another name: beside a capitalised word that is not part of this entity (Parul
 *     Jain, Novaya Poltavka, Marika Vakacegu), or after a person's title when the entity is a
 *     place (Mr Peston is not Preston);
 *   - differs only as transliterations do from a name part it is compared with (Zelensky/Zelenskyy,
 *     Andryi/Andriy: house styles decide), or only by an apostrophe (St Helen's, St Helens), even
 *     if it is one edit from another (Andrei).
 * Words shorter than four letters are left alone, and without a name part beside them, shorter
 * than the rule's min_length. A legislator known only from the lists (`minor`) must be one edit
 * away. Every other occurrence of a linked spelling in the article is linked too
 * (Volodymyr Zelskyy … Zelskyy). Mode `document` shares the refusals (see `notAMisspelling`).
 */

/**
 * Why a folded word close to a folded name must not be taken for it, or undefined. `either`: the
 * name may also be made from the word (two spellings of one article, mode `document`); a
 * gazetteer name is not made from a misspelling (Puti is Putin without its last letter, not its
 * stem). `inPlaceName`: the word stands beside the other words of a place's name, where a
 * person's name is no reading of it (Buenos Aries).
 */
export function notAMisspelling(g: Gazetteer, word: string, name: string, either = false, inPlaceName = false): string | undefined {
  // Two spellings of one article (`either`): a rare surname does not outweigh the article's own.
  if (!inPlaceName && g.realNames?.has(word, !either)) return 'a real given name or surname';
  if (g.isTown?.(word)) return 'a town of its own';
  if (isPinyin(word) && isPinyin(name)) return 'a name in pinyin';
  if (derived(word, name, either)) return 'made from the name';
  return undefined;
}

const linkCache = new DocumentCache<Map<string, Links>>();
/** Each rule's thresholds as a string (part of the caches' keys), written once. */
const thresholdKeys = new WeakMap<Thresholds, string>();

/** The shortest word linked by a name part beside it. */
const MIN_BESIDE = 4;

/** Words linked to gazetteer names by the policy above, per distinct spelling. */
export function linkToGazetteer(doc: TextDocument, g: Gazetteer, t: Thresholds, env: KindEnv): Links {
  let tKey = thresholdKeys.get(t);
  if (tKey === undefined) thresholdKeys.set(t, (tKey = JSON.stringify(t)));
  const cacheKey = `${g.id}\u0000${tKey}`;
  let perDoc = linkCache.get(doc);
  if (!perDoc) linkCache.set(doc, (perDoc = new Map()));
  const cached = perDoc.get(cacheKey);
  if (cached) return cached;

  const ws = nameWords(doc);
  // Built only when a word near a gazetteer name needs them.
  let counts: Map<string, number> | undefined;
  const countsOf = () => {
    if (!counts) {
      counts = new Map();
      for (const x of ws) counts.set(x.text, (counts.get(x.text) ?? 0) + 1);
    }
    return counts;
  };
  const links: Links = new Map();
  // The name parts named in full in the article, and per distinct spelling what they link it to
  // (found once per spelling; whether an occurrence stands in another name is asked per occurrence).
  let targets: Target[] | undefined;
  const namedOf = new Map<string, (NamePart & { c: Closeness })[]>();
  /** Spellings that are another accepted spelling of a name part they were compared with (or the same with an apostrophe). */
  const variants = new Set<string>();
  for (let p = 0; p < ws.length; p++) {
    const w = ws[p];
    const info = w.info;
    if (info.linkableIn !== g) {
      info.linkableIn = g;
      info.linkable = w.text.length >= MIN_BESIDE && !isKnown(g, w, env) && !g.wrong.has(w.text);
    }
    if (!info.linkable) continue;
    // The whole token without its apostrophe: St Helen's is St Helens.
    const whole = w.end === doc.words[w.index].end ? w.fold : fold(doc.words[w.index].text).replace(/['’]/g, '');
    let named = namedOf.get(w.text);
    if (!named) {
      named = [];
      targets ??= namedTargets(doc, g, env);
      const mask = letterMask(w.fold);
      for (const x of targets) {
        // One edit changes at most two of the letters a word has; another transliteration a few more.
        if (Math.abs(x.name.length - w.fold.length) > 2 || bitCount(mask ^ x.mask) > 4) continue;
        if (sameTransliteration(w.fold, x.name) || whole === x.name) variants.add(w.text);
        // One edit, not in a first consonant (Bollywood is not Hollywood).
        const c = w.text.length >= t.minLength && !rhymes(w.fold, x.name) ? closeToLinked(w.fold, x.name, t, 1) : null;
        if (c && !notAMisspelling(g, w.fold, x.name, false)) for (const y of x.at) named.push({ c, ...y });
      }
      namedOf.set(w.text, named);
    }
    const before = wordBefore(doc, ws, p);
    const after = wordAfter(doc, ws, p);
    const givenBefore = before ? givenKeysOf(g, before) : NONE;
    const placeBefore = before ? placeKeysOf(g, before) : NONE;
    const keysAfter = after ? keysOf(g, after) : NONE;
    // Most unknown words: no name part beside them, none named elsewhere near them.
    if (named.length === 0 && givenBefore.length === 0 && placeBefore.length === 0 && keysAfter.length === 0) continue;
    const found: Candidate[] = [];
    const add = (c: Closeness, e: Entity, pos: number, spelling: string) => {
      if (!found.some((x) => x.entity === e && x.fix === spelling)) found.push({ ...c, entity: e, fix: preferredSpelling(e, pos, countsOf()) });
    };
    for (const x of named) if (!inAnotherName(doc, ws, p, x.e, 'named', env)) add(x.c, x.e, x.pos, x.spelling);
    const mask = letterMask(w.fold);
    for (const [keys, step] of [
      [givenBefore, 1],
      [placeBefore, 1],
      [keysAfter, -1],
    ] as const) {
      for (const x of besideParts(keys, step)) {
        // Two edits change at most four of the letters a word has; another transliteration a few more.
        if (Math.abs(x.name.length - w.fold.length) > 3 || bitCount(mask ^ x.mask) > 6) continue;
        if (sameTransliteration(w.fold, x.name) || whole === x.name) variants.add(w.text);
        const c = closeToLinked(w.fold, x.name, t, x.e.minor ? 1 : t.maxDistance);
        if (c && !notAMisspelling(g, w.fold, x.name, false, x.e.type === 'place') && !inAnotherName(doc, ws, p, x.e, 'beside', env)) add(c, x.e, x.pos, x.spelling);
      }
    }
    if (found.length === 0) continue;
    let entry = links.get(w.text);
    if (!entry) links.set(w.text, (entry = { words: [], candidates: [] }));
    for (const c of found) if (!entry.candidates.some((x) => x.entity === c.entity && x.fix === c.fix)) entry.candidates.push(c);
  }
  // Every occurrence of a linked spelling is linked (Volodymyr Zelskyy … Zelskyy).
  for (const [text, entry] of links) entry.words = ws.filter((x) => x.text === text);
  for (const text of variants) links.delete(text);
  perDoc.set(cacheKey, links);
  return links;
}

const NONE: Key[] = [];

const besideCache = [new WeakMap<Key[], Located[]>(), new WeakMap<Key[], Located[]>()];

/** The name parts right after (`step` 1) or before (-1) the keys' words, once per list of keys. */
function besideParts(keys: Key[], step: 1 | -1): Located[] {
  const cache = besideCache[step === 1 ? 0 : 1];
  let out = cache.get(keys);
  if (!out) {
    out = [];
    for (const k of keys) {
      const pos = k.pos + step;
      if (pos >= 0 && pos < k.entity.tokens.length) for (const x of partsOf(k.entity, pos)) out.push({ e: k.entity, pos, ...x });
    }
    cache.set(keys, out);
  }
  return out;
}

/** The name parts named in full (see namedParts) by their folded spelling, a person's given names left out. */
function namedTargets(doc: TextDocument, g: Gazetteer, env: KindEnv): Target[] {
  const out = new Map<string, Target>();
  for (const [e, positions] of namedParts(doc, g, env)) {
    for (let pos = e.type === 'person' ? 1 : 0; pos < e.tokens.length; pos++) {
      if ((positions & (1 << pos)) === 0) continue;
      for (const { spelling, name, mask } of partsOf(e, pos)) {
        let x = out.get(name);
        if (!x) out.set(name, (x = { name, mask, at: [] }));
        x.at.push({ e, pos, spelling });
      }
    }
  }
  return [...out.values()];
}

/** Two words that differ only in a first consonant (Bollywood, Hollywood): two words, not a slip (Abbas, Obbas). */
function rhymes(a: string, b: string): boolean {
  return a.length === b.length && a[0] !== b[0] && a.slice(1) === b.slice(1) && !/[aeiou]/.test(a[0] + b[0]);
}

/** The name word right before ws[p] (spaces between, no possessive), if any. */
function wordBefore(doc: TextDocument, ws: NameWord[], p: number): NameWord | undefined {
  const prev = p > 0 && ws[p - 1].index === ws[p].index - 1 ? ws[p - 1] : undefined;
  return prev && doc.words[prev.index].end === prev.end && adjacent(doc.text, prev.end, ws[p].start) ? prev : undefined;
}

/** The name word right after ws[p] (spaces between, no possessive on ws[p]), if any. */
function wordAfter(doc: TextDocument, ws: NameWord[], p: number): NameWord | undefined {
  const next = p + 1 < ws.length && ws[p + 1].index === ws[p].index + 1 ? ws[p + 1] : undefined;
  return next && doc.words[ws[p].index].end === ws[p].end && adjacent(doc.text, ws[p].end, next.start) ? next : undefined;
}

/**
 * The word stands in a name that is not this entity's: a Slavic patronymic between two names; a
 * capitalised word beside it (not an English word, not a title, not a sentence's first word, not
 * after a place that follows “in”) that is no word of the entity; a person's title before it when
 * the entity is a place.
 */
function inAnotherName(doc: TextDocument, ws: NameWord[], p: number, e: Entity, evidence: 'beside' | 'named', env: KindEnv): boolean {
  const w = ws[p];
  const prev = doc.words[w.index - 1];
  const next = doc.words[w.index + 1];
  const capital = (x: { text: string } | undefined) => x !== undefined && /^\p{Lu}/u.test(x.text);
  if (isPatronymic(w.fold) && capital(prev) && capital(next)) return true;
  if (e.type === 'place' && prev && PERSON_TITLES.has(prev.text.replace(/\.$/, '')) && adjacent(doc.text, prev.end, w.start)) return true;
  if (evidence === 'beside') return false;
  const ofEntity = (x: NameWord) => e.forms.some((f) => f.some((tok) => fold(tok) === x.fold));
  const before = wordBefore(doc, ws, p);
  const after = wordAfter(doc, ws, p);
  const foreign = (x: NameWord | undefined, first: boolean) =>
    x !== undefined && !ofEntity(x) && !PERSON_TITLES.has(x.text) && !env.isEnglishWord(x.text.toLowerCase()) && !(first && startsSentence(doc, x.start));
  // After “in”, “at”, “from” … a place's name has begun with the word: a capitalised word after
  // it is the next sentence's (speaking in Thaliand Hingis admitted).
  const located = e.type === 'place' && prev !== undefined && LOCATIVE.has(prev.text) && adjacent(doc.text, prev.end, w.start);
  return foreign(before, true) || (!located && foreign(after, false));
}

/** Prepositions that put a place after them. */
const LOCATIVE = new Set(['in', 'at', 'from', 'near', 'across', 'outside', 'inside', 'around', 'throughout', 'into']);

const namedCache = new DocumentCache<Map<Gazetteer, Map<Entity, number>>>();

/**
 * The name parts of gazetteer entities the article spells right in a full name: every part of a
 * person named by a given name and the surname side by side (any accepted spelling of each) or of
 * a place named by all its words in order; and the surname alone of a person who shares it with
 * the gazetteer's, written after a given name (Alexei Kozhevnikov: the surname is spelt so).
 * Per entity, the positions of its named parts as bits.
 */
export function namedParts(doc: TextDocument, g: Gazetteer, env: KindEnv): Map<Entity, number> {
  let perG = namedCache.get(doc);
  if (!perG) namedCache.set(doc, (perG = new Map()));
  let named = perG.get(g);
  if (named) return named;
  named = new Map();
  const all = (e: Entity) => named!.set(e, fullName(e));
  const ws = nameWords(doc);
  // Found by the last word of a name (York of New York, the surname), the rest checked before it.
  for (let p = 0; p < ws.length; p++) {
    const keys = lastKeysOf(g, ws[p]);
    if (keys.length === 0) continue;
    const before = wordBefore(doc, ws, p);
    /** Somebody's given name, by its place (not a title, not an English word): the surname is spelt as the gazetteer spells it. */
    let givenName: boolean | undefined;
    const at = ws[p].index;
    for (const k of keys) {
      const e = k.entity;
      if (named.get(e) === fullName(e)) continue;
      if (e.type === 'person') {
        if (!before || k.pos === 0) continue;
        if (formsHave(e, k.pos - 1, before.fold)) all(e);
        else if ((givenName ??= !PERSON_TITLES.has(before.text) && !env.isEnglishWord(before.text.toLowerCase()))) named.set(e, (named.get(e) ?? 0) | (1 << k.pos));
      } else if (k.pos === 0 || spelledBefore(doc, at, e, k.pos)) all(e);
    }
  }
  perG.set(g, named);
  return named;
}

/** The bits of all an entity's name parts. */
const fullName = (e: Entity) => 2 ** e.tokens.length - 1;

/** One of the entity's forms has `f` (folded) at `pos`. */
function formsHave(e: Entity, pos: number, f: string): boolean {
  for (const form of foldedForms(e)) if (form[pos] === f) return true;
  return false;
}

/** The document's words before word `at` spell the words before `pos` of one of the place's forms. */
function spelledBefore(doc: TextDocument, at: number, e: Entity, pos: number): boolean {
  for (const form of foldedForms(e)) {
    let j = 0;
    while (j < pos && fold(doc.words[at - pos + j]?.text ?? '') === form[j]) j++;
    if (j === pos) return true;
  }
  return false;
}

/** One spelling of a name part: as written, folded, and its letters as bits. */
interface Part {
  spelling: string;
  name: string;
  mask: number;
}

/** Name part `pos` of entity `e`, spelt `spelling`. */
interface NamePart {
  e: Entity;
  pos: number;
  spelling: string;
}

/** A spelling of name part `pos` of entity `e`, folded, with its letters as bits. */
type Located = Part & NamePart;

/** A folded spelling named in the article, and the name parts spelt so. */
interface Target {
  name: string;
  mask: number;
  at: NamePart[];
}

const parts = new WeakMap<Entity, Part[][]>();

/** The distinct spellings of name word `pos` of an entity that are name words (once per entity). */
function partsOf(e: Entity, pos: number): Part[] {
  let p = parts.get(e);
  if (!p) {
    p = e.tokens.map((_, i) => [...new Set(e.forms.map((f) => f[i]))].filter(isNameWord).map((spelling) => ({ spelling, name: fold(spelling), mask: letterMask(fold(spelling)) })));
    parts.set(e, p);
  }
  return p[pos];
}

const folded = new WeakMap<Entity, string[][]>();

/** An entity's forms, folded (once per entity). */
function foldedForms(e: Entity): string[][] {
  let f = folded.get(e);
  if (!f) folded.set(e, (f = e.forms.map((form) => form.map(fold))));
  return f;
}

/** The spelling of name word `pos` the article already uses most, else the preferred one. */
function preferredSpelling(e: Entity, pos: number, counts: Map<string, number>): string {
  let best = e.tokens[pos];
  let bestCount = counts.get(best) ?? 0;
  for (const form of e.forms) {
    const n = counts.get(form[pos]) ?? 0;
    if (n > bestCount) {
      best = form[pos];
      bestCount = n;
    }
  }
  return best;
}

/**
 * True unless the rare spelling sits in a multi-word name (a capitalised word right before it,
 * not at a sentence start, or right after it) that the frequent spelling never sits in.
 */
export function sharesNameContext(doc: TextDocument, rare: NameWord[], frequent: NameWord[]): boolean {
  const context = (w: NameWord): string[] => {
    const out: string[] = [];
    const prev = doc.words[w.index - 1];
    const next = doc.words[w.index + 1];
    if (prev && /^\p{Lu}/u.test(prev.text) && adjacent(doc.text, prev.end, w.start) && !startsSentence(doc, prev.start)) out.push(`<${prev.text}`);
    if (next && /^\p{Lu}/u.test(next.text) && doc.words[w.index].end === w.end && adjacent(doc.text, w.end, next.start)) out.push(`>${next.text}`);
    return out;
  };
  const rareContext = rare.flatMap(context);
  if (rareContext.length === 0) return true;
  const frequentContext = new Set(frequent.flatMap(context));
  return rareContext.some((c) => frequentContext.has(c));
}

/** Slavic endings that make a place name from another (Poltava/Poltavka, Lugansk, Kamenskoye). */
const PLACE_ENDINGS = ['ka', 'ovka', 'evka', 'ivka', 'sk', 'ske', 'skoye', 'ino', 'ovo', 'evo', 'ets'];
/** Endings that make another word from a name: plurals, demonyms, -isms (Biden/Bidens, Ukraine/Ukrainian, Emirates/Emirati), places. */
const ENDINGS = ['s', 'es', 'n', 'ns', 'an', 'ans', 'ian', 'ians', 'ese', 'i', 'is', 'ite', 'ites', 'ism', 'ist', 'ists', 'ic', 'ish', 'er', 'ers', 'a', 'y', ...PLACE_ENDINGS];
/** What a name may lose before an ending: Ukrain-e → Ukrain-ian, Emirat-es → Emirat-i, Olymp-ic → Olymp-ian. */
const STEM_END = /(?:ia|es|ic|a|s|y|e|o)$/;
/** Endings of Slavic surnames: the same stem with two of them is two surnames (Romanov/Romaniv, Kovalenko/Kovalchuk). */
const SURNAME_ENDING = /(?:ov|ova|ev|eva|yov|iv|in|ina|yn|yna|enko|chenko|uk|yuk|chuk|ak|yak|sky|skyi|skyy|skiy|ski|ska|skaya|ich|vych|vich)$/;
const MASCULINE = /(sk(?:yy|yi|iy|ii|ij|y|i)|(?:ts|dz)k(?:yy|yi|iy|y|i)|ov|ev|yov|in|yn)$/;
const FEMININE = /(sk(?:a|aya|aja)|(?:ts|dz)k(?:a|aya)|ova|eva|yova|ina|yna)$/;

/**
 * Word `a` is made from name `b` (an ending, or two or more letters more: Chinaso from China,
 * Poltavka from Poltava) or, with `either`, the other way round; or the two are a surname's
 * masculine and feminine forms (Ivanov/Ivanova), or one stem with two surname endings
 * (Romanov/Romaniv).
 */
export function derived(a: string, b: string, either = true): boolean {
  for (const [x, y] of [
    [b, a],
    [a, b],
  ]) {
    const made = either || y === a;
    // A doubled last letter (Putinn) is a slip, not an ending.
    if (made && y.length > x.length && y.startsWith(x) && (y.length - x.length >= 2 || (ENDINGS.includes(y.slice(x.length)) && y[x.length] !== x[x.length - 1]))) return true;
    const m = STEM_END.exec(x);
    if (made && m && ENDINGS.includes(y.slice(x.length - m[0].length)) && y.startsWith(x.slice(0, x.length - m[0].length))) return true;
    const ex = SURNAME_ENDING.exec(x);
    const ey = SURNAME_ENDING.exec(y);
    if (ex && ey && ex[0] !== ey[0] && ex.index >= 3 && x.slice(0, ex.index) === y.slice(0, ey.index)) return true;
    const mx = MASCULINE.exec(x);
    const fy = FEMININE.exec(y);
    if (mx && fy && x.slice(0, x.length - mx[1].length) === y.slice(0, y.length - fy[1].length)) return true;
  }
  return false;
}
