// The words of a document that may be names: capitalised, not ALL CAPS, no digits or hyphens,
// possessive ’s left out; each distinct token's facts cached on one shared object.

import type { KindEnv } from '../kinds/kind.js';
import { DocumentCache, type TextDocument } from '../text/document.js';
import { fold } from './fold.js';
import { exactKeys, givenKeys, knows, type Gazetteer, type Key, type WrongForm } from './gazetteer.js';

export interface NameWord {
  /** Index in doc.words. */
  index: number;
  start: number;
  /** End of the name itself: a possessive ’s is left out. */
  end: number;
  text: string;
  fold: string;
  /** What the kind knows about this token, shared by its every occurrence. */
  info: NameInfo;
}

/**
 * A distinct token as a name word, with the answers the rules looked up for it last (one per
 * question, for the gazetteer or cache they were asked of): property reads instead of a map
 * look-up per occurrence.
 */
export interface NameInfo {
  text: string;
  fold: string;
  wrongIn?: Gazetteer;
  wrong?: WrongForm[];
  keysIn?: Gazetteer;
  keys?: Key[];
  lastIn?: Gazetteer;
  last?: Key[];
  placesIn?: Gazetteer;
  places?: Key[];
  givenIn?: Gazetteer;
  given?: Key[];
  knownIn?: Gazetteer;
  knownEnv?: KindEnv;
  known?: boolean;
  /** Long enough, not known, not a listed wrong form: a word evidence.ts may link (per gazetteer). */
  linkableIn?: Gazetteer;
  linkable?: boolean;
}

const nameWordCache = new DocumentCache<NameWord[]>();

/** What a token is as a name word, or null when it is none; per distinct token. */
const tokenNames = new Map<string, NameInfo | null>();

function asNameWord(token: string): NameInfo | null {
  let n = tokenNames.get(token);
  if (n !== undefined) return n;
  n = null;
  if (/^\p{Lu}/u.test(token) && !/[\p{N}‑-]/u.test(token)) {
    const text = token.replace(/['’]s$/u, '');
    // Every field set here, so that all infos share one shape (property reads stay fast).
    if (!(text.length > 1 && text === text.toUpperCase())) {
      n = { text, fold: fold(text), wrongIn: undefined, wrong: undefined, keysIn: undefined, keys: undefined, lastIn: undefined, last: undefined, placesIn: undefined, places: undefined, givenIn: undefined, given: undefined, knownIn: undefined, knownEnv: undefined, known: undefined, linkableIn: undefined, linkable: undefined };
    }
  }
  // NOTE: bounded; a batch of many articles sees many distinct words.
  if (tokenNames.size >= 100_000) tokenNames.clear();
  tokenNames.set(token, n);
  return n;
}

/** Capitalised words of letters (not ALL CAPS, no digits or hyphens), possessive ’s removed. */
export function nameWords(doc: TextDocument): NameWord[] {
  let out = nameWordCache.get(doc);
  if (out) return out;
  out = [];
  const all = doc.words;
  for (let index = 0; index < all.length; index++) {
    const w = all[index];
    // Cheap first test before the per-token cache: most words start with a lower-case ASCII letter.
    const c = w.text.charCodeAt(0);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    const n = asNameWord(w.text);
    if (n) out.push({ index, start: w.start, end: w.start + n.text.length, text: n.text, fold: n.fold, info: n });
  }
  nameWordCache.set(doc, out);
  return out;
}

/** Only spaces (and at most one line break) between two words. */
export function adjacent(text: string, end: number, start: number): boolean {
  // Most often one space.
  if (start === end + 1 && text.charCodeAt(end) === 32) return true;
  return /^[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?$/.test(text.slice(end, start));
}

/** Known to the gazetteer or an English word; per distinct token (its answer kept on the token's info). */
export function isKnown(g: Gazetteer, w: NameWord, env: KindEnv): boolean {
  const info = w.info;
  if (info.knownIn !== g || info.knownEnv !== env) {
    info.knownIn = g;
    info.knownEnv = env;
    info.known = knows(g, w.fold) || env.isEnglishWord(w.text.toLowerCase()) || env.isEnglishWord(w.fold);
  }
  return info.known!;
}

/** The gazetteer's keys spelt exactly as this word (per distinct token). */
export function keysOf(g: Gazetteer, w: NameWord): Key[] {
  const info = w.info;
  if (info.keysIn !== g) {
    info.keysIn = g;
    info.keys = exactKeys(g, w.fold);
  }
  return info.keys!;
}

/** The keys spelt exactly as this word that are the last word of their entity's name (a surname; York of New York). */
export function lastKeysOf(g: Gazetteer, w: NameWord): Key[] {
  const info = w.info;
  if (info.lastIn !== g) {
    info.lastIn = g;
    info.last = keysOf(g, w).filter((k) => k.pos === k.entity.tokens.length - 1);
  }
  return info.last!;
}

/** The keys spelt exactly as this word that are words of a place's name. */
export function placeKeysOf(g: Gazetteer, w: NameWord): Key[] {
  const info = w.info;
  if (info.placesIn !== g) {
    info.placesIn = g;
    info.places = keysOf(g, w).filter((k) => k.entity.type === 'place');
  }
  return info.places!;
}

/** The people whose given name is spelt exactly as this word. */
export function givenKeysOf(g: Gazetteer, w: NameWord): Key[] {
  const info = w.info;
  if (info.givenIn !== g) {
    info.givenIn = g;
    info.given = givenKeys(g, w.fold);
  }
  return info.given!;
}

/** The name word that is word `index` of the document, looked for from ws[from] on. */
export function nameWordAt(ws: NameWord[], from: number, index: number): NameWord | undefined {
  let p = from;
  while (p < ws.length && ws[p].index < index) p++;
  return p < ws.length && ws[p].index === index ? ws[p] : undefined;
}

export function startsSentence(doc: TextDocument, offset: number): boolean {
  const before = doc.text.slice(Math.max(0, offset - 3), offset);
  return offset === 0 || /(?:^|[.!?…:]["'”’)\]]?\s+|\n\s*|["“‘(])$/u.test(before);
}
