// The gazetteer in memory: people, places and terms with their accepted, wrong and other forms,
// the known tokens, and the fuzzy targets bucketed by first letter and length. Built from the TSV
// (type, name, accepted, wrong, other, id, flags) or read from a compiled index (compiled-index.ts).

import { RuleError } from '../engine/errors.js';
import { fold, isNameWord, words } from './fold.js';
import type { LoadedIndex } from './compiled-index.js';
import type { RealNames } from './real-names.js';

export type EntityType = 'person' | 'place' | 'term';

export interface Entity {
  type: EntityType;
  name: string;
  /** The preferred form's tokens. */
  tokens: string[];
  /** Preferred and accepted forms with as many tokens as the preferred one (aligned by position). */
  forms: string[][];
  /** Known only as one of thousands of legislators: a fuzzy match must be one edit away. */
  minor?: boolean;
}

/** One spelling of one name word of an entity, at its position in the entity's forms. */
export interface Key {
  readonly fold: string;
  readonly entity: Entity;
  readonly pos: number;
}

export interface WrongForm {
  tokens: string[];
  /** The preferred name of the entity, for the message. */
  name: string;
  fix: string;
}

export interface Gazetteer {
  /** Identifies the source (files and inline entries), for caches. */
  id: string;
  /** Compiled indexes of gazetteer files, consulted besides the sets and maps below. */
  indexes: LoadedIndex[];
  /** Entities read from TSV text or inline entries, in order. */
  entities: Entity[];
  /** Folded tokens of every known form (preferred, accepted, other, terms): never flagged. */
  known: Set<string>;
  /** Folded tokens of preferred and accepted forms and terms: a wrong form equal to one is not flagged. */
  accepted: Set<string>;
  /** Name words after a person's first (surnames, second given names) and every word of a place, by `${first letter}${length}`. */
  keys: Map<string, Key[]>;
  /** A person's name words before the last (given names), by their folded spelling. */
  given: Map<string, Key[]>;
  /** Wrong forms by their first token. */
  wrong: Map<string, WrongForm[]>;
  /** Real given names and surnames: never taken for a misspelling (evidence.ts). */
  realNames?: RealNames;
  /** A folded word is a town of 15,000 people or more (option `towns`): a town of its own is never another name misspelt (Tartu, Tartus). */
  isTown?: (word: string) => boolean;
}

export const emptyGazetteer = (id: string): Gazetteer => ({ id, indexes: [], entities: [], known: new Set(), accepted: new Set(), keys: new Map(), given: new Map(), wrong: new Map() });

const TYPES: EntityType[] = ['person', 'place', 'term'];

export function parseGazetteer(g: Gazetteer, text: string, file: string): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const fail = (m: string): never => {
      throw new RuleError(file, i + 1, m);
    };
    const [type, name, accepted = '', wrong = '', other = '', , flags = ''] = line.split('\t');
    if (!TYPES.includes(type as EntityType)) fail(`unknown type ${JSON.stringify(type)} (expected ${TYPES.join(', ')})`);
    if (!name || name.trim() === '') fail('missing name');
    const split = (cell: string) => (cell === '' ? [] : cell.split('|'));
    addEntity(g, type as EntityType, name, split(accepted), split(wrong), split(other), fail, flags.split(',').includes('minor'));
  });
}

export function addEntity(g: Gazetteer, type: EntityType, name: string, accepted: string[], wrong: string[], other: string[], fail: (m: string) => never, minor = false): void {
  const tokens = words(name);
  if (tokens.length === 0) fail(`no words in ${JSON.stringify(name)}`);
  const entity: Entity = { type, name, tokens, forms: [tokens], ...(minor ? { minor } : {}) };
  g.entities.push(entity);
  for (const form of [name, ...accepted]) {
    const t = words(form);
    if (t.length === tokens.length && form !== name) entity.forms.push(t);
    for (const w of t) {
      g.known.add(fold(w));
      g.accepted.add(fold(w));
    }
  }
  for (const form of other) for (const w of words(form)) g.known.add(fold(w));
  for (const form of wrong) {
    const t = words(form);
    if (t.length === 0) fail(`no words in wrong form ${JSON.stringify(form)}`);
    const fix = t.length === tokens.length || type !== 'person' ? name : tokens[tokens.length - 1];
    if (t.length !== 1 && t.length !== tokens.length) fail(`wrong form ${JSON.stringify(form)} must be one word or as many words as ${JSON.stringify(name)}`);
    push(g.wrong, t[0], { tokens: t, name, fix });
  }
  // People are found by any capitalised name word after the first (surnames, second given
  // names) and, beside them, by their given names; places by every word.
  const seen = new Set<string>();
  for (const form of entity.forms) {
    form.forEach((w, pos) => {
      if (type === 'term' || !isNameWord(w)) return;
      const key: Key = { fold: fold(w), entity, pos };
      if (seen.has(`${pos}\u0000${key.fold}`)) return;
      seen.add(`${pos}\u0000${key.fold}`);
      if (type === 'place' || pos > 0) push(g.keys, bucket(key.fold, key.fold.length), key);
      if (type === 'person' && pos < form.length - 1) push(g.given, key.fold, key);
    });
  }
}

/** The keys spelt exactly `f` (folded): the entities a correctly spelt surname or place word names. */
export function exactKeys(g: Gazetteer, f: string): Key[] {
  const b = bucket(f, f.length);
  const out: Key[] = [];
  for (const list of [g.keys.get(b), ...g.indexes.map((i) => i.keys(b))]) if (list) for (const k of list) if (k.fold === f) out.push(k);
  return out;
}

/** The people whose given name (a name word before the last) is spelt `f` (folded), with its position. */
export function givenKeys(g: Gazetteer, f: string): Key[] {
  const own = g.given.get(f);
  // Most often one compiled index and nothing else: its cached list as it is.
  if (!own && g.indexes.length === 1) return g.indexes[0].given(f);
  const out = [...(own ?? [])];
  for (const i of g.indexes) out.push(...i.given(f));
  return out;
}

/** A folded token the gazetteer knows (any form). */
export function knows(g: Gazetteer, f: string): boolean {
  return g.known.has(f) || g.indexes.some((i) => i.known.has(f) || i.accepted.has(f));
}

/** A folded token of a preferred or accepted form. */
export function accepts(g: Gazetteer, f: string): boolean {
  return g.accepted.has(f) || g.indexes.some((i) => i.accepted.has(f));
}

/** Spellings of one name word that mean the same name, and the words that must stand beside it. */
export interface SpellingGroup {
  forms: string[];
  /** For a given name (Sergey in Sergey Lavrov): one of these must follow. */
  next?: string[];
  /** For a later word of a place (Novgorod in Nizhny Novgorod): one of these must come before. */
  prev?: string[];
}

/**
 * The spelling groups of names with accepted variants, by word position: the surname alone
 * (Zelenskyy|Zelensky|Zelenskiy), a given name only before one of the surname's spellings
 * (Sergey|Sergei before Lavrov), a later word of a place only after the first. Sorted, without
 * duplicates (several people share Sergey|Sergei before Lavrov).
 */
export function spellingGroups(entities: Entity[]): SpellingGroup[] {
  const out = new Map<string, SpellingGroup>();
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  for (const e of entities) {
    if (e.forms.length < 2) continue;
    const n = e.tokens.length;
    for (let p = 0; p < n; p++) {
      const forms = sorted(e.forms.map((f) => f[p]));
      if (forms.length < 2 || forms.some((f) => !/^\p{Lu}/u.test(f))) continue;
      const group: SpellingGroup = { forms };
      if (p < n - 1) group.next = sorted(e.forms.map((f) => f[p + 1]));
      else if (p > 0 && e.type !== 'person') group.prev = sorted(e.forms.map((f) => f[p - 1]));
      out.set([group.forms, group.next ?? [], group.prev ?? []].map((l) => l.join(' ')).join('\t'), group);
    }
  }
  return [...out.keys()].sort().map((k) => out.get(k)!);
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const bucket = (folded: string, length: number) => `${folded[0]}${length}`;
