// Phrase → correction rules, compiled once into a token trie so the cost per word of text does
// not grow with the number of entries. A pattern is words, `{X:class}` slots that capture words
// from a class (countries, capitals, demonyms, or a list given in the rule), and `[ … ]` around
// the part that is flagged and replaced (the rest is required context). An entry may ask for
// `case: exact` (its words must be written as in the pattern, the first may be capitalised); a
// rule may list `allow` phrases (a match overlapping one is dropped) and ask for `density`
// (each match carries {count} and {density}, matches per 1,000 words of the text).
//
//   pattern  "the {X:place} holder" → "{X}'s position"
//   text     … insisted that the Moscow holder had changed …
//                            ^^^^^^^^^^^^^^^^^
//
// Every phrase rule that runs on a document — the calques, the spinner pairs, a newsroom's
// `--phrases` lists — is matched in ONE pass: the engine hands the enabled phrase rules to
// `phraseGroup`, which merges their tries into one (built once per set of rules and kept) and
// walks it once per word that starts some entry. Each entry knows its rule, so each rule keeps its
// own semantics: leftmost, longest, lowest entry index on a tie, no overlap within the rule (a
// per-rule "resume at" word index), its context, `allow` list and density. Rules may overlap
// each other. A word that starts no entry costs one hash look-up, whatever the dictionary size.

import type { TextDocument } from '../text/document.js';
import { normalizeWord, tokenize, type Token } from '../text/tokens.js';
import type { Edit, FixSafety, Match, RuleSpec } from '../types.js';
import { Options, type Checker, type CheckerGroup, type Kind, type KindEnv } from './kind.js';

/** A value a class slot can match: its words, and attributes usable as `{X.attr}`. */
interface ClassValue {
  words: string[];
  /** The words normalised (for case-insensitive values). */
  norms: string[];
  /** Match the words' case exactly (proper nouns); otherwise case-insensitively. */
  exact: boolean;
  attrs: Record<string, string>;
}

/** Class name → values indexed by their first word (normalised). */
type ClassIndex = Map<string, ClassValue[]>;

/** `raw` is the literal as written in the pattern, for `case: exact`; a slot's `values` is its class, resolved when the pattern is parsed. */
type Step = { lit: string; raw?: string } | { cls: string; name: string; values: ClassIndex };

interface Entry {
  /** The rule it belongs to. */
  member: Member;
  index: number;
  replacements: string[];
  safety?: FixSafety;
  /** The flagged part, as a range of pattern steps [spanFrom, spanTo). */
  spanFrom: number;
  spanTo: number;
  unlessBefore: Step[][];
  unlessAfter: Step[][];
  /** Literal words must match case as written (the first token may be capitalised). */
  exactCase: boolean;
  steps: Step[];
}

interface Node {
  /** Its number in the WordTrie built over its trie. */
  id: number;
  lit: Map<string, Node>;
  /** Some key of `lit` is a special step (#cap, #num). */
  special?: boolean;
  slots: Slot[];
  /** With several slots: word → the slots whose class has it, in slot order (built on first use). */
  slotsByWord?: Map<string, Slot[]>;
  ends: Entry[];
}

interface Slot {
  values: ClassIndex;
  name: string;
  node: Node;
}

interface Capture {
  name: string;
  value: ClassValue;
  text: string;
}

/** One way the pattern consumed the text: token index per step boundary and the class value taken by each slot step. */
interface Path {
  entry: Entry;
  /** bounds[k] = index of the first token of step k; bounds[steps] = one past the last. */
  bounds: number[];
  values: ClassValue[];
}

interface Country {
  name: string;
  capital?: string;
  demonym: string;
  aliases?: string[];
}

/** Classes built from the shared country list (rules/lists/countries.yaml). */
const LIST_CLASSES: Record<string, (c: Country) => (string | undefined)[]> = {
  country: (c) => [c.name, ...(c.aliases ?? [])],
  capital: (c) => [c.capital],
  place: (c) => [c.name, ...(c.aliases ?? []), c.capital],
  demonym: (c) => [c.demonym],
};

/** Special steps usable in patterns and in `unless_before` / `unless_after`. */
const SPECIAL: Record<string, (t: Token) => boolean> = {
  '#cap': (t) => /^\p{Lu}/u.test(t.text),
  '#num': (t) => /^\p{N}/u.test(t.text),
};

const SPECIAL_STEPS = Object.entries(SPECIAL);

/**
 * Zero-width steps (patterns only): `#stop` matches where the previous word is followed by a
 * full stop, question or exclamation mark, semicolon, line break or the end of the text
 * (closing quotes and brackets may come first).
 */
const ZERO_WIDTH: Record<string, (text: string, prev: Token) => boolean> = {
  '#stop': (text, prev) => {
    let i = prev.end;
    while (i < text.length && (text[i] === '"' || text[i] === '”' || text[i] === "'" || text[i] === '’' || text[i] === ')')) i++;
    return i >= text.length || '.!?;…\n\r'.includes(text[i]);
  },
};

const ZERO_WIDTH_STEPS = Object.entries(ZERO_WIDTH);

export const phrase: Kind = {
  name: 'phrase',
  options: ['entries', 'classes', 'allow', 'density'],
  compile(spec: RuleSpec, env: KindEnv) {
    const opts = new Options(spec);
    const classes = new Classes(env);
    classes.addInline(opts, spec.options.classes);
    const member: Member = { id: nextMemberId++, root: newNode() };
    opts.list('entries').forEach((raw, index) => addEntry(member.root, parseEntry(raw, index, opts, classes, member)));
    // Allowed phrases go into a trie of their own: they may start inside a match.
    opts.stringList('allow').forEach((pattern, index) => {
      const fail = (m: string): never => opts.fail('allow', `allow[${index}]: ${m}`);
      const { steps } = parsePattern(pattern, fail, classes);
      member.allow ??= newNode();
      addEntry(member.allow, { member, index, steps, replacements: [], spanFrom: 0, spanTo: steps.length, unlessBefore: [], unlessAfter: [], exactCase: false });
    });
    const density = spec.options.density ?? false;
    if (typeof density !== 'boolean') opts.fail('density', 'expected true or false');
    member.density = density as boolean;
    // The scanning form (WordTrie) is built on first use: for this rule when it runs alone, for a
    // merged trie when it runs with other phrase rules (as every default run does).
    const check: Checker = (doc) => phraseGroup.run(doc, [check])[0];
    check.group = phraseGroup;
    members.set(check, member);
    return check;
  },
};

/** One compiled phrase rule: its trie, its allowed phrases and whether it reports density. */
interface Member {
  id: number;
  root: Node;
  allow?: Node;
  density?: boolean;
}

let nextMemberId = 0;
const NONE: readonly ClassValue[] = [];
const NO_SLOTS: readonly Slot[] = [];
const members = new WeakMap<Checker, Member>();

/** A merged trie for one set of rules, and each rule's position in that set. */
interface Merged {
  root: Node;
  order: Map<Member, number>;
  members: Member[];
}

/** Merged tries of the last few rule sets (one, in a normal run). */
const mergedCache = new Map<string, Merged>();
const MERGED_KEPT = 4;

function mergedFor(list: Member[]): Merged {
  const key = list.map((m) => m.id).join(',');
  let merged = mergedCache.get(key);
  if (!merged) {
    const root = list.length === 1 ? list[0].root : list.reduce((into, m) => mergeInto(into, m.root), newNode());
    merged = { root, members: list, order: new Map(list.map((m, k) => [m, k])) };
    if (mergedCache.size >= MERGED_KEPT) mergedCache.delete(mergedCache.keys().next().value!);
    mergedCache.set(key, merged);
  }
  return merged;
}

/** Adds a copy of `from`'s paths to `into` (the member tries stay as they are). */
function mergeInto(into: Node, from: Node): Node {
  for (const e of from.ends) into.ends.push(e);
  if (from.special) into.special = true;
  for (const [word, child] of from.lit) {
    let next = into.lit.get(word);
    if (!next) into.lit.set(word, (next = newNode()));
    mergeInto(next, child);
  }
  for (const slot of from.slots) {
    let same = into.slots.find((s) => s.values === slot.values && s.name === slot.name);
    if (!same) into.slots.push((same = { values: slot.values, name: slot.name, node: newNode() }));
    mergeInto(same.node, slot.node);
  }
  return into;
}

/** Matches every given phrase rule in one pass over the document; results in the rules' order. */
export const phraseGroup: CheckerGroup = {
  run(doc, checkers) {
    const merged = mergedFor(checkers.map((c) => members.get(c)!));
    const found = matchDocument(doc, merged);
    return merged.members.map((m, k) => {
      let matches = found[k];
      if (m.allow && matches.length > 0) matches = dropAllowed(matches, allowedSpans(doc, m.allow));
      if (m.density && matches.length > 0) addDensity(matches, doc.words.length);
      return matches;
    });
  },
};

/** Built-in classes, built once per set of shared lists: rules that use the same class share its index (and, merged, one walk). */
const listClasses = new WeakMap<KindEnv, Map<string, ClassIndex>>();

class Classes {
  readonly #index = new Map<string, ClassIndex>();
  constructor(private readonly env: KindEnv) {}

  has(cls: string): boolean {
    return this.#index.has(cls) || cls in LIST_CLASSES;
  }

  get(cls: string): ClassIndex {
    const index = this.#index.get(cls);
    if (index) return index;
    let shared = listClasses.get(this.env);
    if (!shared) listClasses.set(this.env, (shared = new Map()));
    let list = shared.get(cls);
    if (!list) {
      list = new Map();
      shared.set(cls, list);
      for (const c of this.env.list('countries') as Country[]) {
        const attrs: Record<string, string> = { country: c.name, demonym: c.demonym };
        if (c.capital) attrs.capital = c.capital;
        for (const v of LIST_CLASSES[cls](c)) if (v) add(list, wordsOf(v), true, attrs);
      }
    }
    return list;
  }

  addInline(opts: Options, raw: unknown): void {
    if (raw === undefined) return;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) opts.fail('classes', 'expected a mapping of class name to a list of words');
    for (const [cls, values] of Object.entries(raw as Record<string, unknown>)) {
      if (cls in LIST_CLASSES) opts.fail('classes', `${cls} is a built-in class`);
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) opts.fail('classes', `${cls}: expected a list of words`);
      const index: ClassIndex = new Map();
      for (const v of values as string[]) add(index, wordsOf(v), v !== v.toLowerCase(), {});
      this.#index.set(cls, index);
    }
  }
}

function add(index: ClassIndex, words: string[], exact: boolean, attrs: Record<string, string>): void {
  const value: ClassValue = { words, norms: words.map(normalizeWord), exact, attrs };
  const key = value.norms[0];
  const bucket = index.get(key);
  if (bucket) bucket.push(value);
  else index.set(key, [value]);
}

function wordsOf(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

const newNode = (): Node => ({ id: -1, lit: new Map(), slots: [], ends: [] });

/** Parses one entry: `{match, fix, safety?, unless_before?, unless_after?}`. */
function parseEntry(raw: unknown, index: number, opts: Options, classes: Classes, member: Member): Entry {
  const where = `entries[${index}]`;
  if (typeof raw !== 'object' || raw === null) opts.fail('entries', `${where}: expected {match, fix}`);
  const e = raw as Record<string, unknown>;
  for (const key of Object.keys(e)) {
    if (!['match', 'fix', 'safety', 'unless_before', 'unless_after', 'case'].includes(key)) opts.fail('entries', `${where}: unknown key ${key}`);
  }
  if (typeof e.match !== 'string' || e.match.trim() === '') opts.fail('entries', `${where}: match must be a non-empty string`);
  const { steps, spanFrom, spanTo } = parsePattern(e.match as string, (m) => opts.fail('entries', `${where}: ${m}`), classes);
  const fixes = e.fix === undefined ? [] : Array.isArray(e.fix) ? e.fix : [e.fix];
  if (fixes.some((f) => typeof f !== 'string')) opts.fail('entries', `${where}: fix must be a string or a list of strings`);
  const names = new Set(steps.flatMap((s) => ('cls' in s ? [s.name] : [])));
  for (const f of fixes as string[]) {
    for (const [, name] of f.matchAll(/\{(\w+)(?:\.\w+)?\}/g)) {
      if (!names.has(name)) opts.fail('entries', `${where}: fix uses {${name}} but the pattern captures no ${name}`);
    }
  }
  if (e.case !== undefined && e.case !== 'exact' && e.case !== 'any') opts.fail('entries', `${where}: case must be exact or any`);
  const safety = e.safety;
  if (safety !== undefined && safety !== 'safe' && safety !== 'suggest' && safety !== 'none') opts.fail('entries', `${where}: safety must be safe, suggest or none`);
  const context = (key: string): Step[][] => {
    const v = e[key] ?? [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) opts.fail('entries', `${where}: ${key} must be a list of strings`);
    return (v as string[]).map((p) => parsePattern(p, (m) => opts.fail('entries', `${where}: ${key}: ${m}`), classes).steps);
  };
  return {
    member,
    index,
    steps,
    replacements: fixes as string[],
    safety: safety as FixSafety | undefined,
    spanFrom,
    spanTo,
    unlessBefore: context('unless_before'),
    unlessAfter: context('unless_after'),
    exactCase: e.case === 'exact',
  };
}

function parsePattern(pattern: string, fail: (m: string) => never, classes: Classes) {
  const steps: Step[] = [];
  let spanFrom = -1;
  let spanTo = -1;
  for (let part of pattern.trim().split(/\s+/)) {
    if (part.startsWith('[')) {
      if (spanFrom >= 0) fail('only one [ … ] span is allowed');
      spanFrom = steps.length;
      part = part.slice(1);
    }
    const closes = part.endsWith(']');
    if (closes) part = part.slice(0, -1);
    const slot = /^\{(\w*):(\w+)\}$/.exec(part);
    if (slot) {
      if (!classes.has(slot[2])) fail(`unknown class ${slot[2]}`);
      steps.push({ cls: slot[2], name: slot[1], values: classes.get(slot[2]) });
    } else if (part in SPECIAL || part in ZERO_WIDTH) {
      steps.push({ lit: part });
    } else {
      const toks = tokenize(part);
      if (toks.length === 0 || toks.map((t) => t.text).join('') !== part.replace(/[^\p{L}\p{M}\p{N}'’‑-]/gu, '')) {
        fail(`cannot use ${JSON.stringify(part)} in a pattern (words only)`);
      }
      for (const t of toks) steps.push({ lit: t.norm, raw: t.text });
    }
    if (closes) {
      if (spanFrom < 0 || spanTo >= 0) fail('unbalanced [ ]');
      spanTo = steps.length;
    }
  }
  if (spanFrom >= 0 && spanTo < 0) fail('unbalanced [ ]');
  if (spanFrom < 0) {
    spanFrom = 0;
    spanTo = steps.length;
  }
  if (spanTo <= spanFrom) fail('empty [ ] span');
  return { steps, spanFrom, spanTo };
}

function addEntry(root: Node, entry: Entry): void {
  let node = root;
  for (const step of entry.steps) {
    if ('lit' in step) {
      if (step.lit in SPECIAL || step.lit in ZERO_WIDTH) node.special = true;
      let next = node.lit.get(step.lit);
      if (!next) node.lit.set(step.lit, (next = newNode()));
      node = next;
    } else {
      let slot = node.slots.find((s) => s.values === step.values && s.name === step.name);
      if (!slot) node.slots.push((slot = { values: step.values, name: step.name, node: newNode() }));
      node = slot.node;
    }
  }
  node.ends.push(entry);
}

/** Two tokens are adjacent when only spaces (at most one line break) separate them. */
function adjacent(text: string, a: Token, b: Token): boolean {
  for (let i = a.end, breaks = 0; i < b.start; i++) {
    const c = text[i];
    if (c === '\n' && ++breaks > 1) return false;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\u00a0') return false;
  }
  return true;
}

/**
 * A trie's word steps as integers, for the loop that runs on every word of a document. Each word
 * of the patterns has a number, found through a table of 64-bit fingerprints (two 32-bit hashes
 * of its characters) rather than a Map of strings: one probe into an Int32Array, however many
 * words the dictionary has. The root's steps are an array indexed by word number, the deeper ones
 * one open-addressed table of (node, word) → node, and what each node holds (entries ending,
 * class slots, special steps, further words) is a flag byte — so a scan reads typed arrays and
 * touches a node's objects only where something can match. A fingerprint can collide with a
 * word no pattern has; every path is therefore checked word by word when an entry ends.
 */
class WordTrie {
  readonly nodes: Node[] = [];
  /** Per node: ENDS | SPECIAL | SLOTS | WORDS. */
  readonly flags: Uint8Array;
  readonly #vocab: Fingerprints;
  readonly #rootNext: Int32Array;
  /** Per word number: 1 when it is a value of a class that a pattern starts with. */
  readonly #rootSlot: Uint8Array;
  /** Triples: node + 1 (0 = empty), word, child. */
  readonly #table: Int32Array;
  readonly #mask: number;

  constructor(readonly root: Node) {
    const edges: [Node, string, Node][] = [];
    const number = (node: Node) => {
      node.id = this.nodes.length;
      this.nodes.push(node);
    };
    number(root);
    for (let k = 0; k < this.nodes.length; k++) {
      const node = this.nodes[k];
      for (const [word, child] of node.lit) {
        number(child);
        if (!(word in SPECIAL || word in ZERO_WIDTH)) edges.push([node, word, child]);
      }
      for (const slot of node.slots) number(slot.node);
    }
    this.flags = new Uint8Array(this.nodes.length);
    for (const node of this.nodes) {
      this.flags[node.id] = (node.ends.length > 0 ? ENDS : 0) | (node.special ? SPECIAL_FLAG : 0) | (node.slots.length > 0 ? SLOTS : 0);
    }
    // Words that may fill a class slot at the root start entries too.
    const slotStarts = root.slots.flatMap((slot) => [...slot.values.keys()]);
    this.#vocab = new Fingerprints([...edges.map(([, word]) => word), ...slotStarts], wordHash);
    this.#rootNext = new Int32Array(this.#vocab.size).fill(-1);
    this.#rootSlot = new Uint8Array(this.#vocab.size);
    for (const word of slotStarts) this.#rootSlot[this.#vocab.get(word)] = 1;
    let size = 16;
    while (size < edges.length * 2) size *= 2;
    this.#mask = size - 1;
    this.#table = new Int32Array(size * 3);
    for (const [from, word, to] of edges) {
      const w = this.#vocab.get(word);
      this.flags[from.id] |= WORDS;
      if (from === root) {
        this.#rootNext[w] = to.id;
        continue;
      }
      let h = mix(from.id, w) & this.#mask;
      while (this.#table[h * 3] !== 0) h = (h + 1) & this.#mask;
      this.#table[h * 3] = from.id + 1;
      this.#table[h * 3 + 1] = w;
      this.#table[h * 3 + 2] = to.id;
    }
  }

  /** Each token's word number, -1 for words no pattern has (or, rarely, a colliding one: see checkWords). */
  numbersOf(tokens: Token[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.#vocab.get(tokens[i].norm);
    return out;
  }

  /** Whether some entry may start with this word (as its first word or in a class slot). */
  starts(word: number): boolean {
    return word >= 0 && (this.#rootNext[word] >= 0 || this.#rootSlot[word] === 1);
  }

  /**
   * False when a walk from this word (which starts an entry) cannot find anything: it starts
   * entries only literally, nothing ends or branches after it, and the next word does not
   * continue any of them. Most words of a big term list stop here, without a walk.
   */
  mayContinue(word: number, nextWord: number): boolean {
    const child = this.#rootNext[word];
    if (child < 0 || this.#rootSlot[word] === 1 || this.flags[child] !== WORDS) return true;
    return nextWord >= 0 && this.next(child, nextWord) >= 0;
  }

  /** The node after `node` on word number `word`, or -1. */
  next(node: number, word: number): number {
    if (node === 0) return this.#rootNext[word];
    const table = this.#table;
    for (let h = mix(node, word) & this.#mask; ; h = (h + 1) & this.#mask) {
      const at = table[h * 3];
      if (at === 0) return -1;
      if (at === node + 1 && table[h * 3 + 1] === word) return table[h * 3 + 2];
    }
  }
}

const ENDS = 1;
const SPECIAL_FLAG = 2;
const SLOTS = 4;
const WORDS = 8;

function mix(node: number, word: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(word + 1, 0x85ebca77)) >>> 0;
}

/**
 * Words → numbers by a 64-bit fingerprint of their characters, in one Int32Array. Should two
 * words of the patterns ever share a fingerprint (odds about 1 in 10^10 for 50,000 words), the
 * numbers come from a Map of the words instead: slower, never wrong.
 */
export class Fingerprints {
  readonly words: string[] = [];
  /** Triples: first hash, second hash, number + 1 (0 = empty). */
  readonly #table: Int32Array;
  readonly #mask: number;
  readonly #hash: (word: string) => void;
  #exact?: Map<string, number>;

  /** `hash`: another fingerprint (tests use a weak one to make collisions happen). */
  constructor(words: Iterable<string>, hash?: WordHash) {
    this.#hash = hash
      ? (word) => {
          const [a, b] = hash(word);
          fp1 = a | 0;
          fp2 = b | 0;
        }
      : fingerprint;
    const unique = [...new Set(words)];
    let size = 16;
    while (size < unique.length * 2) size *= 2;
    this.#mask = size - 1;
    this.#table = new Int32Array(size * 3);
    for (const word of unique) {
      const same = this.get(word);
      if (same >= 0) {
        this.#exact = new Map(unique.map((w, n) => [w, n]));
        this.words.splice(0, this.words.length, ...unique);
        return;
      }
      this.#hash(word);
      let h = fp1 & this.#mask;
      while (this.#table[h * 3 + 2] !== 0) h = (h + 1) & this.#mask;
      this.#table[h * 3] = fp1;
      this.#table[h * 3 + 1] = fp2;
      this.#table[h * 3 + 2] = this.words.push(word);
    }
  }

  get size(): number {
    return this.words.length;
  }

  /** The word's number; -1 for a word not in the list, or rarely another word's number (callers check). */
  get(word: string): number {
    if (this.#exact) return this.#exact.get(word) ?? -1;
    this.#hash(word);
    const table = this.#table;
    for (let h = fp1 & this.#mask; ; h = (h + 1) & this.#mask) {
      const n = table[h * 3 + 2];
      if (n === 0) return -1;
      if (table[h * 3] === fp1 && table[h * 3 + 1] === fp2) return n - 1;
    }
  }
}

/** The last fingerprint computed (two results without allocating). */
let fp1 = 0;
let fp2 = 0;

export type WordHash = (word: string) => [number, number];

/** The fingerprint tries built from now on use (undefined: the real one); for tests. */
let wordHash: WordHash | undefined;

export function useWordHash(hash?: WordHash): void {
  wordHash = hash;
}

function fingerprint(word: string): void {
  let a = 0x811c9dc5 | 0;
  let b = word.length | 0;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  fp1 = a;
  fp2 = b;
}

/** The literal words of a path are the entry's words (a fingerprint collision would pass a scan, not this). */
function checkWords(p: Path, tokens: Token[]): boolean {
  const { steps } = p.entry;
  for (let k = 0; k < steps.length; k++) {
    const s = steps[k];
    if ('lit' in s && !(s.lit in SPECIAL) && !(s.lit in ZERO_WIDTH) && tokens[p.bounds[k]].norm !== s.lit) return false;
  }
  return true;
}

const wordTries = new WeakMap<Node, WordTrie>();

function wordTrie(root: Node): WordTrie {
  let trie = wordTries.get(root);
  if (!trie) wordTries.set(root, (trie = new WordTrie(root)));
  return trie;
}

/** What a walk reads and writes: `bounds` and `values` are stacks pushed and popped in pairs. */
interface Scan {
  trie: WordTrie;
  words: Int32Array;
  tokens: Token[];
  text: string;
  bounds: number[];
  values: ClassValue[];
  out: Path[];
}

/**
 * Each rule's matches (by its position in `merged.members`). At each word some entry may start
 * at, the merged trie is walked once; of the ways found, each rule takes its own best — ends
 * last, then lowest entry index, then first found — unless it is still inside its previous match.
 */
function matchDocument(doc: TextDocument, merged: Merged): Match[][] {
  const tokens = doc.words;
  const text = doc.text;
  const { root } = merged;
  const n = merged.members.length;
  const out: Match[][] = Array.from({ length: n }, () => []);
  /** Word index from which each rule may match again. */
  const resume = new Int32Array(n);
  const best: (Path | undefined)[] = new Array(n);
  const trie = wordTrie(root);
  const words = trie.numbersOf(tokens);
  const everyWord = root.ends.length > 0 || root.special === true;
  const paths: Path[] = [];
  const scan: Scan = { trie, words, tokens, text, bounds: [0], values: [], out: paths };
  for (let i = 0; i < tokens.length; i++) {
    if (!everyWord && (!trie.starts(words[i]) || !trie.mayContinue(words[i], i + 1 < words.length ? words[i + 1] : -1))) continue;
    scan.bounds[0] = i;
    walk(0, i, scan);
    // Usually a prefix matched and no entry ended: nothing to choose from.
    if (paths.length === 0) continue;
    const found = paths.splice(0);
    best.fill(undefined);
    for (const p of found) {
      const k = merged.order.get(p.entry.member)!;
      if (resume[k] > i) continue;
      const b = best[k];
      const end = p.bounds[p.bounds.length - 1];
      if (b) {
        const bEnd = b.bounds[b.bounds.length - 1];
        if (end < bEnd || (end === bEnd && p.entry.index >= b.entry.index)) continue;
      }
      if (checkWords(p, tokens) && contextAllows(p, tokens, text)) best[k] = p;
    }
    for (let k = 0; k < n; k++) {
      const b = best[k];
      if (!b) continue;
      out[k].push(toMatch(b, tokens, text));
      resume[k] = b.bounds[b.bounds.length - 1];
    }
  }
  return out;
}

/** Every way the trie below `node` matches from token j: a Path for each entry that ends. */
function walk(id: number, j: number, scan: Scan): void {
  const { tokens, text, bounds, trie } = scan;
  const flags = trie.flags[id];
  const node = flags & (ENDS | SPECIAL_FLAG | SLOTS) ? trie.nodes[id] : undefined;
  if (flags & ENDS) for (const entry of node!.ends) scan.out.push({ entry, bounds: [...bounds], values: [...scan.values] });
  if (flags & SPECIAL_FLAG && j > bounds[0]) {
    for (const [name, test] of ZERO_WIDTH_STEPS) {
      const n = node!.lit.get(name);
      if (n && test(text, tokens[j - 1])) {
        bounds.push(j);
        walk(n.id, j, scan);
        bounds.pop();
      }
    }
  }
  if (j >= tokens.length || (j > bounds[0] && !adjacent(text, tokens[j - 1], tokens[j]))) return;
  const word = flags & WORDS ? scan.words[j] : -1;
  const next = word < 0 ? -1 : trie.next(id, word);
  if (next >= 0) {
    bounds.push(j + 1);
    walk(next, j + 1, scan);
    bounds.pop();
  }
  if (flags & SPECIAL_FLAG) {
    for (const [name, test] of SPECIAL_STEPS) {
      const n = node!.lit.get(name);
      if (n && test(tokens[j])) {
        bounds.push(j + 1);
        walk(n.id, j + 1, scan);
        bounds.pop();
      }
    }
  }
  if (flags & SLOTS) walkSlots(node!, j, scan);
}

function walkSlots(node: Node, j: number, scan: Scan): void {
  const { tokens, text, bounds, values: taken } = scan;
  const slots = node.slots.length > 1 ? slotsFor(node, tokens[j].norm) : node.slots;
  for (const slot of slots) {
    const values = slot.values.get(tokens[j].norm);
    if (!values) continue;
    for (const value of values) {
      const end = matchValue(value, j, tokens, text);
      if (end < 0) continue;
      bounds.push(end);
      taken.push(value);
      walk(slot.node.id, end, scan);
      taken.pop();
      bounds.pop();
    }
  }
}

/** The slots of `node` whose class has `norm`: one look-up instead of one per slot. */
function slotsFor(node: Node, norm: string): readonly Slot[] {
  if (!node.slotsByWord) {
    node.slotsByWord = new Map();
    for (const slot of node.slots) {
      for (const word of slot.values.keys()) {
        const list = node.slotsByWord.get(word);
        if (list) list.push(slot);
        else node.slotsByWord.set(word, [slot]);
      }
    }
  }
  return node.slotsByWord.get(norm) ?? NO_SLOTS;
}

/** Token index after `value` if it matches at token j, else -1. */
function matchValue(value: ClassValue, j: number, tokens: Token[], text: string): number {
  for (let k = 0; k < value.words.length; k++) {
    const t = tokens[j + k];
    if (!t || (k > 0 && !adjacent(text, tokens[j + k - 1], t))) return -1;
    if (value.exact ? t.text !== value.words[k] : t.norm !== value.norms[k]) return -1;
  }
  return j + value.words.length;
}

function contextAllows(p: Path, tokens: Token[], text: string): boolean {
  const first = p.bounds[0];
  const last = p.bounds[p.bounds.length - 1];
  if (p.entry.exactCase && !caseMatches(p, tokens)) return false;
  for (const steps of p.entry.unlessAfter) {
    if (contextMatches(steps, last, 1, tokens, text)) return false;
  }
  for (const steps of p.entry.unlessBefore) {
    if (contextMatches(steps, first - 1, -1, tokens, text)) return false;
  }
  return true;
}

/** For `case: exact`: every literal token is written as in the pattern (the first may be capitalised). */
function caseMatches(p: Path, tokens: Token[]): boolean {
  const { steps } = p.entry;
  for (let k = 0; k < steps.length; k++) {
    const s = steps[k];
    if (!('lit' in s) || s.raw === undefined) continue;
    const t = tokens[p.bounds[k]].text.replace(/’/g, "'");
    if (t === s.raw) continue;
    if (k === 0 && t === s.raw.charAt(0).toUpperCase() + s.raw.slice(1)) continue;
    return false;
  }
  return true;
}

/** [start, end) text spans of every allowed phrase in the document. */
function allowedSpans(doc: TextDocument, root: Node): [number, number][] {
  const tokens = doc.words;
  const trie = wordTrie(root);
  const words = trie.numbersOf(tokens);
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!trie.starts(words[i])) continue;
    const paths: Path[] = [];
    walk(0, i, { trie, words, tokens, text: doc.text, bounds: [i], values: [], out: paths });
    let end = -1;
    for (const p of paths) if (checkWords(p, tokens)) end = Math.max(end, p.bounds[p.bounds.length - 1]);
    if (end > i) spans.push([tokens[i].start, tokens[end - 1].end]);
  }
  return spans;
}

function dropAllowed(matches: Match[], spans: [number, number][]): Match[] {
  if (spans.length === 0) return matches;
  return matches.filter((m) => !spans.some(([s, e]) => s < m.end && m.start < e));
}

/** Adds {count} and {density} (matches per 1,000 words of the whole text) to every match. */
function addDensity(matches: Match[], words: number): void {
  const density = Math.round((matches.length / Math.max(words, 1)) * 10000) / 10;
  for (const m of matches) m.data = { ...m.data, count: matches.length, density };
}

/** Whether `steps` match the tokens going forward from `at` (dir 1) or ending at `at` (dir -1). */
function contextMatches(steps: Step[], at: number, dir: 1 | -1, tokens: Token[], text: string): boolean {
  const start = dir === 1 ? at : at - steps.length + 1;
  if (start < 0 || start + steps.length > tokens.length) return false;
  // Only white space may separate the context from the match.
  const [a, b] = dir === 1 ? [at - 1, at] : [at, at + 1];
  if (!adjacent(text, tokens[a], tokens[b])) return false;
  for (let k = 0; k < steps.length; k++) {
    const t = tokens[start + k];
    if (k > 0 && !adjacent(text, tokens[start + k - 1], t)) return false;
    const s = steps[k];
    if ('lit' in s) {
      if (s.lit in SPECIAL ? !SPECIAL[s.lit](t) : t.norm !== s.lit) return false;
    } else if (!(s.values.get(t.norm) ?? NONE).some((v) => matchValue(v, start + k, tokens, text) === start + k + 1)) {
      return false;
    }
  }
  return true;
}

function toMatch(p: Path, tokens: Token[], text: string): Match {
  const { entry, bounds } = p;
  const start = tokens[bounds[entry.spanFrom]].start;
  const end = tokens[bounds[entry.spanTo] - 1].end;
  const original = text.slice(start, end);
  const replacements: Edit[] = entry.replacements.map((tpl) => ({
    start,
    end,
    text: matchCase(original, fillTemplate(tpl, capturesOf(p, tokens, text))),
  }));
  return { start, end, replacements, safety: entry.safety };
}

/** What each slot step of the path captured: its name, class value and text. */
function capturesOf(p: Path, tokens: Token[], text: string): Capture[] {
  const out: Capture[] = [];
  p.entry.steps.forEach((step, k) => {
    if ('lit' in step) return;
    const from = p.bounds[k];
    const to = p.bounds[k + 1];
    out.push({ name: step.name, value: p.values[out.length], text: text.slice(tokens[from].start, tokens[to - 1].end) });
  });
  return out;
}

function fillTemplate(tpl: string, captures: Capture[]): string {
  return tpl.replace(/\{(\w+)(?:\.(\w+))?\}/g, (all, name: string, attr?: string) => {
    const c = captures.find((x) => x.name === name);
    if (!c) return all;
    return attr ? (c.value.attrs[attr] ?? c.text) : c.text;
  });
}

/** Copies the case of the replaced text: Capitalised or ALL CAPS; otherwise keeps the fix as written. */
export function matchCase(original: string, fix: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return fix.toUpperCase();
  const first = original.charAt(0);
  if (first !== first.toLowerCase() && fix.charAt(0) === fix.charAt(0).toLowerCase()) {
    return fix.charAt(0).toUpperCase() + fix.slice(1);
  }
  return fix;
}
