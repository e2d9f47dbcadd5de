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
// `phraseGroup`, which builds one trie of all their entries (once per set of rules, then kept) and
// walks it once per word that starts some entry. Each entry knows its rule, so each rule keeps its
// own semantics: leftmost, longest, lowest entry index on a tie, no overlap within the rule (a
// per-rule "resume at" word index), its context, `allow` list and density. Rules may overlap
// each other. A word that starts no entry costs one hash look-up, whatever the dictionary size.
// The trie itself (typed arrays, no object per node) is in src/match/phrase-trie.ts.

import { derived } from '../engine/derived.js';
import type { TextDocument } from '../text/document.js';
import { normalizeWord, tokenize, type Token } from '../text/tokens.js';
import type { Edit, FixSafety, Match, RuleSpec } from '../types.js';
import { Options, type Checker, type CheckerGroup, type Kind, type KindEnv } from './kind.js';
import { ENDS, PhraseTrie, SLOTS, SPECIAL, WORDS, type ClassIndex, type ClassValue, type Extra, type Slot, type Step } from '../match/phrase-trie.js';

interface Entry {
  /** The rule it belongs to. */
  member: Member;
  index: number;
  replacements: string[];
  safety?: FixSafety;
  /** The flagged part, as a range of pattern steps [spanFrom, spanTo). */
  spanFrom: number;
  spanTo: number;
  unlessBefore: readonly (readonly Step[])[];
  unlessAfter: readonly (readonly Step[])[];
  /** Literal words must match case as written (the first token may be capitalised). */
  exactCase: boolean;
  steps: readonly Step[];
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
const ONE_WORD: Record<string, (t: Token) => boolean> = {
  '#cap': (t) => /^\p{Lu}/u.test(t.text),
  '#num': (t) => /^\p{N}/u.test(t.text),
};

const ONE_WORD_STEPS = Object.entries(ONE_WORD);

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
  english: true,
  options: ['entries', 'classes', 'allow', 'density'],
  compile(spec: RuleSpec, env: KindEnv) {
    const opts = new Options(spec);
    const lexicon = new Lexicon(env);
    lexicon.addInline(opts, spec.options.classes);
    const entries: Entry[] = [];
    const member: Member = { id: nextMemberId++, entries, density: false };
    opts.list('entries').forEach((raw, index) => entries.push(parseEntry(raw, index, opts, lexicon, member)));
    // Allowed phrases go into a trie of their own: they may start inside a match.
    const allowed = opts.stringList('allow').map((pattern, index): Entry => {
      const fail = (m: string): never => opts.fail('allow', `allow[${index}]: ${m}`);
      const { steps } = parsePattern(pattern, fail, lexicon);
      return { member, index, steps, replacements: [], spanFrom: 0, spanTo: steps.length, unlessBefore: NO_CONTEXT, unlessAfter: NO_CONTEXT, exactCase: false };
    });
    if (allowed.length > 0) member.allow = new PhraseTrie(allowed);
    const density = spec.options.density ?? false;
    if (typeof density !== 'boolean') opts.fail('density', 'expected true or false');
    member.density = density as boolean;
    // The trie is built on first use: of this rule's entries when it runs alone, of every rule's
    // entries when it runs with other phrase rules (as every default run does).
    const check: Checker = (doc) => phraseGroup.run(doc, [check])[0];
    check.group = phraseGroup;
    members.set(check, member);
    return check;
  },
};

/** One compiled phrase rule: its entries and their trie, its allowed phrases and whether it reports density. */
interface Member {
  id: number;
  entries: Entry[];
  /** Its own trie, when it has run alone. */
  trie?: PhraseTrie<Entry>;
  allow?: PhraseTrie<Entry>;
  density: boolean;
}

let nextMemberId = 0;
const NONE: readonly ClassValue[] = [];
const NO_SLOTS: readonly Slot[] = [];
const members = new WeakMap<Checker, Member>();

/** The trie of every entry of one set of rules, and each rule's position in that set. */
interface Merged {
  trie: PhraseTrie<Entry>;
  order: Map<Member, number>;
  members: Member[];
  /** matchDocument's per-rule state, reused from one document to the next. */
  resume: Int32Array;
  best: (Path | undefined)[];
}

/** Merged tries of the last few rule sets (one, in a normal run). */
const mergedCache = new Map<string, Merged>();
const MERGED_KEPT = 4;
/** The rule set asked for last, and its merged trie: a run asks for the same one per document. */
let recent: { checkers: readonly Checker[]; merged: Merged } | undefined;

function mergedFor(checkers: readonly Checker[]): Merged {
  if (recent && sameItems(recent.checkers, checkers)) return recent.merged;
  const list = checkers.map((c) => members.get(c)!);
  const key = list.map((m) => m.id).join(',');
  let merged = mergedCache.get(key);
  if (!merged) {
    const trie = list.length === 1 ? (list[0].trie ??= new PhraseTrie(list[0].entries)) : new PhraseTrie(list.flatMap((m) => m.entries));
    merged = { trie, members: list, order: new Map(list.map((m, k) => [m, k])), resume: new Int32Array(list.length), best: new Array(list.length) };
    if (mergedCache.size >= MERGED_KEPT) mergedCache.delete(mergedCache.keys().next().value!);
    mergedCache.set(key, merged);
  }
  recent = { checkers: [...checkers], merged };
  return merged;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Matches every given phrase rule in one pass over the document; results in the rules' order. */
export const phraseGroup: CheckerGroup = {
  prepare(checkers) {
    mergedFor(checkers);
  },
  run(doc, checkers) {
    const merged = mergedFor(checkers);
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

/** What a rule's patterns may use: its classes (built-in and inline). */
class Lexicon {
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

const ENTRY_KEYS = new Set(['match', 'fix', 'safety', 'unless_before', 'unless_after', 'case']);
const NO_CONTEXT: readonly (readonly Step[])[] = [];

/** Parses one entry: `{match, fix, safety?, unless_before?, unless_after?}`. */
function parseEntry(raw: unknown, index: number, opts: Options, lexicon: Lexicon, member: Member): Entry {
  const where = `entries[${index}]`;
  if (typeof raw !== 'object' || raw === null) opts.fail('entries', `${where}: expected {match, fix}`);
  const e = raw as Record<string, unknown>;
  for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) opts.fail('entries', `${where}: unknown key ${key}`);
  if (typeof e.match !== 'string' || e.match.trim() === '') opts.fail('entries', `${where}: match must be a non-empty string`);
  const { steps, spanFrom, spanTo } = parsePattern(e.match as string, (m) => opts.fail('entries', `${where}: ${m}`), lexicon);
  const fixes = e.fix === undefined ? [] : Array.isArray(e.fix) ? e.fix : [e.fix];
  if (fixes.some((f) => typeof f !== 'string')) opts.fail('entries', `${where}: fix must be a string or a list of strings`);
  for (const f of fixes as string[]) {
    for (const [, name] of f.includes('{') ? f.matchAll(/\{(\w+)(?:\.\w+)?\}/g) : []) {
      if (!steps.some((s) => 'cls' in s && s.name === name)) opts.fail('entries', `${where}: fix uses {${name}} but the pattern captures no ${name}`);
    }
  }
  if (e.case !== undefined && e.case !== 'exact' && e.case !== 'any') opts.fail('entries', `${where}: case must be exact or any`);
  const safety = e.safety;
  if (safety !== undefined && safety !== 'safe' && safety !== 'suggest' && safety !== 'none') opts.fail('entries', `${where}: safety must be safe, suggest or none`);
  const context = (key: string): readonly (readonly Step[])[] => {
    const v = e[key];
    if (v === undefined || v === null) return NO_CONTEXT;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) opts.fail('entries', `${where}: ${key} must be a list of strings`);
    return (v as string[]).map((p) => parsePattern(p, (m) => opts.fail('entries', `${where}: ${key}: ${m}`), lexicon).steps);
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

/** A pattern's steps before its classes are resolved: JSON data, so that the build can record those of the built-in rules. */
type SyntaxStep = { lit: string; raw: string } | { special: string } | { cls: string; name: string };
type Syntax = { steps: SyntaxStep[]; spanFrom: number; spanTo: number } | { error: string };

function parsePattern(pattern: string, fail: (m: string) => never, lexicon: Lexicon) {
  const syntax = derived('phrasePattern', pattern, patternSyntax);
  if ('error' in syntax) fail(syntax.error);
  // Words and special steps are used as they are; class slots get their class's values.
  let steps: readonly Step[] = syntax.steps as readonly Step[];
  if (syntax.steps.some((s) => 'cls' in s)) {
    steps = syntax.steps.map((s): Step => {
      if (!('cls' in s)) return s;
      if (!lexicon.has(s.cls)) fail(`unknown class ${s.cls}`);
      return { cls: s.cls, name: s.name, values: lexicon.get(s.cls) };
    });
  }
  return { steps, spanFrom: syntax.spanFrom, spanTo: syntax.spanTo };
}

/** The steps of a pattern and its [ … ] span, or what is wrong with it. */
export function patternSyntax(pattern: string): Syntax {
  const steps: SyntaxStep[] = [];
  let spanFrom = -1;
  let spanTo = -1;
  for (let part of pattern.trim().split(/\s+/)) {
    if (part.startsWith('[')) {
      if (spanFrom >= 0) return { error: 'only one [ … ] span is allowed' };
      spanFrom = steps.length;
      part = part.slice(1);
    }
    const closes = part.endsWith(']');
    if (closes) part = part.slice(0, -1);
    const slot = part.startsWith('{') ? /^\{(\w*):(\w+)\}$/.exec(part) : null;
    if (slot) steps.push({ cls: slot[2], name: slot[1] });
    else if (part in ONE_WORD || part in ZERO_WIDTH) steps.push({ special: part });
    else {
      const words = literalSteps(part);
      if (!words) return { error: `cannot use ${JSON.stringify(part)} in a pattern (words only)` };
      steps.push(...words);
    }
    if (closes) {
      if (spanFrom < 0 || spanTo >= 0) return { error: 'unbalanced [ ]' };
      spanTo = steps.length;
    }
  }
  if (spanFrom >= 0 && spanTo < 0) return { error: 'unbalanced [ ]' };
  if (spanFrom < 0) {
    spanFrom = 0;
    spanTo = steps.length;
  }
  if (spanTo <= spanFrom) return { error: 'empty [ ] span' };
  return { steps, spanFrom, spanTo };
}

/** A pattern's literal part (say `Kyiv’s`) → its steps; a term list repeats its words often. */
const literals = new Map<string, readonly { lit: string; raw: string }[] | null>();

/** The steps of a literal part of a pattern; undefined when it is not made of words. */
function literalSteps(part: string): readonly { lit: string; raw: string }[] | undefined {
  let steps = literals.get(part);
  if (steps === undefined) {
    const toks = tokenize(part);
    const words = toks.length > 0 && toks.map((t) => t.text).join('') === part.replace(/[^\p{L}\p{M}\p{N}'’‑-]/gu, '');
    steps = words ? toks.map((t) => ({ lit: t.norm, raw: t.text })) : null;
    // NOTE: bounded; a big term list has tens of thousands of distinct words.
    if (literals.size >= 100_000) literals.clear();
    literals.set(part, steps);
  }
  return steps ?? undefined;
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

/** The literal words of a path are the entry's words (a fingerprint collision would pass a scan, not this). */
function checkWords(p: Path, tokens: Token[]): boolean {
  const { steps } = p.entry;
  for (let k = 0; k < steps.length; k++) {
    const s = steps[k];
    if ('lit' in s && tokens[p.bounds[k]].norm !== s.lit) return false;
  }
  return true;
}

/** What a walk reads and writes: `bounds` and `values` are stacks pushed and popped in pairs. */
interface Scan {
  trie: PhraseTrie<Entry>;
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
  const { trie } = merged;
  const n = merged.members.length;
  const out: Match[][] = [];
  for (let k = 0; k < n; k++) out.push([]);
  /** Word index from which each rule may match again. */
  const resume = merged.resume.fill(0);
  const best = merged.best;
  const words = trie.numbersOf(doc);
  // A pattern may start with a special step (#cap): then every word is a start.
  const everyWord = (trie.flags[0] & SPECIAL) !== 0;
  const paths: Path[] = [];
  const scan: Scan = { trie, words, tokens, text, bounds: [0], values: [], out: paths };
  for (let i = 0; i < tokens.length; i++) {
    if (!everyWord && (!trie.starts(words[i]) || !trie.mayContinue(words[i], i + 1 < words.length ? words[i + 1] : -1, i + 2 < words.length ? words[i + 2] : -1))) continue;
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

/** Every way the trie below node `id` matches from token j: a Path for each entry that ends. */
function walk(id: number, j: number, scan: Scan): void {
  const { tokens, text, bounds, trie } = scan;
  const flags = trie.flags[id];
  if (flags & ENDS) {
    for (let e = trie.endHead[id]; e >= 0; e = trie.endNext[e]) scan.out.push({ entry: trie.entries[e], bounds: [...bounds], values: [...scan.values] });
  }
  const extra = flags & (SPECIAL | SLOTS) ? trie.extra(id) : undefined;
  if (flags & SPECIAL && j > bounds[0]) {
    for (const [name, test] of ZERO_WIDTH_STEPS) {
      const next = extra!.special.get(name);
      if (next !== undefined && test(text, tokens[j - 1])) {
        bounds.push(j);
        walk(next, j, scan);
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
  if (flags & SPECIAL) {
    for (const [name, test] of ONE_WORD_STEPS) {
      const next = extra!.special.get(name);
      if (next !== undefined && test(tokens[j])) {
        bounds.push(j + 1);
        walk(next, j + 1, scan);
        bounds.pop();
      }
    }
  }
  if (flags & SLOTS) walkSlots(id, extra!, j, scan);
}

function walkSlots(id: number, extra: Extra, j: number, scan: Scan): void {
  const { tokens, text, bounds, values: taken } = scan;
  const slots = id === 0 ? (scan.trie.rootSlots(scan.words[j]) ?? NO_SLOTS) : extra.slots.length > 1 ? slotsFor(extra, tokens[j].norm) : extra.slots;
  for (const slot of slots) {
    const values = slot.values.get(tokens[j].norm);
    if (!values) continue;
    for (const value of values) {
      const end = matchValue(value, j, tokens, text);
      if (end < 0) continue;
      bounds.push(end);
      taken.push(value);
      walk(slot.node, end, scan);
      taken.pop();
      bounds.pop();
    }
  }
}

/** The slots of a node whose class has `norm`: one look-up instead of one per slot. */
function slotsFor(extra: Extra, norm: string): readonly Slot[] {
  if (!extra.slotsByWord) {
    extra.slotsByWord = new Map();
    for (const slot of extra.slots) {
      for (const word of slot.values.keys()) {
        const list = extra.slotsByWord.get(word);
        if (list) list.push(slot);
        else extra.slotsByWord.set(word, [slot]);
      }
    }
  }
  return extra.slotsByWord.get(norm) ?? NO_SLOTS;
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
function allowedSpans(doc: TextDocument, trie: PhraseTrie<Entry>): [number, number][] {
  const tokens = doc.words;
  const words = trie.numbersOf(doc);
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
function contextMatches(steps: readonly Step[], at: number, dir: 1 | -1, tokens: Token[], text: string): boolean {
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
      if (t.norm !== s.lit) return false;
    } else if ('special' in s) {
      // A zero-width step (#stop) takes no word: it never matches in a context.
      if (!(ONE_WORD[s.special]?.(t) ?? false)) return false;
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
    text: matchCase(original, tpl.includes('{') ? fillTemplate(tpl, capturesOf(p, tokens, text)) : tpl),
  }));
  return { start, end, replacements, safety: entry.safety };
}

/** What each slot step of the path captured: its name, class value and text. */
function capturesOf(p: Path, tokens: Token[], text: string): Capture[] {
  const out: Capture[] = [];
  p.entry.steps.forEach((step, k) => {
    if (!('cls' in step)) return;
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
