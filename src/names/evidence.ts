// Evidence that a word means a name: the gazetteer links (a given name before the word, or the
// entity named correctly elsewhere in the article), and the refusals shared by the modes (words
// made from a name, Slavic feminine forms, a rare spelling inside a longer name).

import type { KindEnv } from '../kinds/kind.js';
import { DocumentCache, type TextDocument } from '../text/document.js';
import { fold, isNameWord } from './fold.js';
import type { Entity, Gazetteer } from './gazetteer.js';
import { neighbours, type Neighbour } from './search.js';
import { editDistance, similarity, soundsAlike, type Thresholds } from './similarity.js';
import { adjacent, isKnown, nameWords, startsSentence, type NameWord } from './words.js';

export interface Candidate extends Neighbour {
  /** The spelling to propose: the form of this name word the article already uses, else the preferred one. */
  fix: string;
  entity: Entity;
}

/** Per distinct flagged spelling: its occurrences and the candidates with evidence. */
export type Links = Map<string, { words: NameWord[]; candidates: Candidate[] }>;

const linkCache = new DocumentCache<Map<string, Links>>();
/** Each rule's thresholds as a string (part of the caches' keys), written once. */
const thresholdKeys = new WeakMap<Thresholds, string>();
/** Per environment and gazetteer + thresholds: each distinct spelling's gazetteer neighbours, none when it is short, known or a listed wrong form. */
const nearMemo = new WeakMap<KindEnv, Map<string, Map<string, Neighbour[]>>>();

/**
 * Words close to a gazetteer name, with evidence that they mean it: the word before is one of the
 * person's given names (David Arachhamia), or the person or place is named correctly elsewhere
 * in the article and the word is one edit away. Every other occurrence of a linked spelling in
 * the article is linked too (Volodymyr Zelskyy … Zelskyy).
 */
export function linkToGazetteer(doc: TextDocument, g: Gazetteer, t: Thresholds, env: KindEnv): Links {
  let tKey = thresholdKeys.get(t);
  if (tKey === undefined) thresholdKeys.set(t, (tKey = JSON.stringify(t)));
  const cacheKey = `${g.id}\u0000${tKey}`;
  let perDoc = linkCache.get(doc);
  if (!perDoc) linkCache.set(doc, (perDoc = new Map()));
  const cached = perDoc.get(cacheKey);
  if (cached) return cached;

  let nearBy = nearMemo.get(env);
  if (!nearBy) nearMemo.set(env, (nearBy = new Map()));
  let nearOf = nearBy.get(cacheKey);
  if (!nearOf) nearBy.set(cacheKey, (nearOf = new Map()));
  const ws = nameWords(doc);
  // Built only when a word near a gazetteer name needs them (few articles have one).
  let counts: Map<string, number> | undefined;
  let folds: Set<string> | undefined;
  const countsOf = () => {
    if (!counts) {
      counts = new Map();
      for (const x of ws) counts.set(x.text, (counts.get(x.text) ?? 0) + 1);
    }
    return counts;
  };
  const foldsOf = () => (folds ??= new Set(ws.map((x) => x.fold)));
  const links: Links = new Map();
  const mentioned = new Map<Entity, boolean>();

  for (let p = 0; p < ws.length; p++) {
    const w = ws[p];
    const info = w.info;
    let near = info.nearIn === nearOf ? info.near! : undefined;
    if (near === undefined) {
      near = nearOf.get(w.text);
      if (near === undefined) {
        near = w.text.length < t.minLength || isKnown(g, w, env) || g.wrong.has(w.text) ? [] : neighbours(g, w.fold, t);
        // NOTE: bounded; dropped rather than grown forever.
        if (nearOf.size >= 100_000) nearOf.clear();
        nearOf.set(w.text, near);
      }
      info.nearIn = nearOf;
      info.near = near;
    }
    if (near.length === 0) continue;
    const prev = p > 0 && ws[p - 1].index === w.index - 1 ? ws[p - 1] : undefined;
    const prevOk = prev && doc.words[prev.index].end === prev.end && adjacent(doc.text, prev.end, w.start) ? prev : undefined;
    const found: Candidate[] = [];
    for (const n of near) {
      const e = n.key.entity;
      if (derived(w.fold, n.key.fold)) continue;
      if (e.minor && n.distance > 1) continue;
      const byGivenName = e.type === 'person' && prevOk !== undefined && isGivenName(prevOk.fold, e, n.key.pos);
      const byMention = n.distance <= 1 && w.text.length >= 5 && isMentioned(e, foldsOf(), env, mentioned);
      if (byGivenName || byMention) found.push({ ...n, entity: e, fix: preferredSpelling(e, n.key.pos, countsOf()) });
    }
    let entry = links.get(w.text);
    if (!entry) links.set(w.text, (entry = { words: [], candidates: [] }));
    entry.words.push(w);
    for (const c of found) if (!entry.candidates.some((x) => x.entity === c.entity && x.fix === c.fix)) entry.candidates.push(c);
  }
  for (const [text, entry] of links) if (entry.candidates.length === 0) links.delete(text);
  perDoc.set(cacheKey, links);
  return links;
}

/** The word before matches a name word that comes before `pos` in one of the person's forms. */
function isGivenName(prev: string, e: Entity, pos: number): boolean {
  // Two-letter words (Li, Le, Al) say too little.
  if (prev.length < 3) return false;
  for (const form of e.forms) {
    for (let k = 0; k < pos; k++) {
      if (!isNameWord(form[k])) continue;
      const given = fold(form[k]);
      if (given === prev) return true;
      if (given[0] !== prev[0] || Math.min(given.length, prev.length) < 4) continue;
      // David ≈ Davyd, Volodimir ≈ Volodymyr: one edit, or the same sound.
      const d = editDistance(given, prev);
      if (d <= 1 || (d === 2 && soundsAlike(given, prev) && similarity(given, prev) >= 0.85)) return true;
    }
  }
  return false;
}

/** The entity is named in the article by one of its name words (one that is not also an English word). */
function isMentioned(e: Entity, folds: Set<string>, env: KindEnv, memo: Map<Entity, boolean>): boolean {
  let m = memo.get(e);
  if (m === undefined) {
    m = false;
    for (const form of e.forms) {
      form.forEach((w, pos) => {
        const f = fold(w);
        if ((e.type === 'person' && pos === 0) || !isNameWord(w) || !folds.has(f) || env.isEnglishWord(f)) return;
        m = true;
      });
    }
    memo.set(e, m);
  }
  return m;
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

/** Endings that make another word from a name: plurals, demonyms, -isms (Biden/Bidens, Ukraine/Ukrainian, Emirates/Emirati). */
const ENDINGS = ['s', 'es', 'n', 'ns', 'an', 'ans', 'ian', 'ians', 'ese', 'i', 'is', 'ite', 'ites', 'ism', 'ist', 'ists', 'ic', 'ish', 'er', 'ers', 'a', 'y'];
/** What a name may lose before an ending: Ukrain-e → Ukrain-ian, Emirat-es → Emirat-i. */
const STEM_END = /(?:ia|es|a|s|y|e|o)$/;
const MASCULINE = /(sk(?:yy|yi|iy|ii|ij|y|i)|(?:ts|dz)k(?:yy|yi|iy|y|i)|ov|ev|yov|in|yn)$/;
const FEMININE = /(sk(?:a|aya|aja)|(?:ts|dz)k(?:a|aya)|ova|eva|yova|ina|yna)$/;

/**
 * One folded word is made from the other (an ending, or two or more letters more: Chinaso from
 * China), or the two are a surname's masculine and feminine forms (Ivanov/Ivanova).
 */
export function derived(a: string, b: string): boolean {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ]) {
    if (y.length > x.length && y.startsWith(x) && (y.length - x.length >= 2 || ENDINGS.includes(y.slice(x.length)))) return true;
    const m = STEM_END.exec(x);
    if (m && ENDINGS.includes(y.slice(x.length - m[0].length)) && y.startsWith(x.slice(0, x.length - m[0].length))) return true;
    const mx = MASCULINE.exec(x);
    const fy = FEMININE.exec(y);
    if (mx && fy && x.slice(0, x.length - mx[1].length) === y.slice(0, y.length - fy[1].length)) return true;
  }
  return false;
}
