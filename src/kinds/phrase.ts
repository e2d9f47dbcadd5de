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

import type { TextDocument } from '../text/document.js';
import { normalizeWord, tokenize, type Token } from '../text/tokens.js';
import type { Edit, FixSafety, Match, RuleSpec } from '../types.js';
import { Options, type Kind, type KindEnv } from './kind.js';

/** A value a class slot can match: its words, and attributes usable as `{X.attr}`. */
interface ClassValue {
  words: string[];
  /** Match the words' case exactly (proper nouns); otherwise case-insensitively. */
  exact: boolean;
  attrs: Record<string, string>;
}

/** Class name → values indexed by their first word (normalised). */
type ClassIndex = Map<string, ClassValue[]>;

/** `raw` is the literal as written in the pattern, for `case: exact`. */
type Step = { lit: string; raw?: string } | { cls: string; name: string };

interface Entry {
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
  lit: Map<string, Node>;
  /** Some key of `lit` is a special step (#cap, #num). */
  special?: boolean;
  slots: { cls: string; name: string; node: Node }[];
  ends: Entry[];
}

interface Capture {
  name: string;
  value: ClassValue;
  text: string;
}

/** One way the pattern consumed the text: token index per step boundary and captures. */
interface Path {
  entry: Entry;
  /** bounds[k] = index of the first token of step k; bounds[steps] = one past the last. */
  bounds: number[];
  captures: Capture[];
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

export const phrase: Kind = {
  name: 'phrase',
  options: ['entries', 'classes', 'allow', 'density'],
  compile(spec: RuleSpec, env: KindEnv) {
    const opts = new Options(spec);
    const classes = new Classes(env);
    classes.addInline(opts, spec.options.classes);
    const root = newNode();
    opts.list('entries').forEach((raw, index) => addEntry(root, parseEntry(raw, index, opts, classes)));
    // Allowed phrases go into a trie of their own: they may start inside a match.
    const allow = opts.stringList('allow');
    let allowRoot: Node | undefined;
    allow.forEach((pattern, index) => {
      const fail = (m: string): never => opts.fail('allow', `allow[${index}]: ${m}`);
      const { steps } = parsePattern(pattern, fail, classes);
      allowRoot ??= newNode();
      addEntry(allowRoot, { index, steps, replacements: [], spanFrom: 0, spanTo: steps.length, unlessBefore: [], unlessAfter: [], exactCase: false });
    });
    const density = spec.options.density ?? false;
    if (typeof density !== 'boolean') opts.fail('density', 'expected true or false');
    return (doc) => {
      let matches = matchDocument(doc, root, classes);
      if (allowRoot && matches.length > 0) matches = dropAllowed(matches, allowedSpans(doc, allowRoot, classes));
      if (density && matches.length > 0) addDensity(matches, doc.words.length);
      return matches;
    };
  },
};

class Classes {
  readonly #index = new Map<string, ClassIndex>();
  constructor(private readonly env: KindEnv) {}

  has(cls: string): boolean {
    return this.#index.has(cls) || cls in LIST_CLASSES;
  }

  get(cls: string): ClassIndex {
    let index = this.#index.get(cls);
    if (!index) {
      index = new Map();
      this.#index.set(cls, index);
      for (const c of this.env.list('countries') as Country[]) {
        const attrs: Record<string, string> = { country: c.name, demonym: c.demonym };
        if (c.capital) attrs.capital = c.capital;
        for (const v of LIST_CLASSES[cls](c)) if (v) add(index, { words: wordsOf(v), exact: true, attrs });
      }
    }
    return index;
  }

  addInline(opts: Options, raw: unknown): void {
    if (raw === undefined) return;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) opts.fail('classes', 'expected a mapping of class name to a list of words');
    for (const [cls, values] of Object.entries(raw as Record<string, unknown>)) {
      if (cls in LIST_CLASSES) opts.fail('classes', `${cls} is a built-in class`);
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) opts.fail('classes', `${cls}: expected a list of words`);
      const index: ClassIndex = new Map();
      for (const v of values as string[]) add(index, { words: wordsOf(v), exact: v !== v.toLowerCase(), attrs: {} });
      this.#index.set(cls, index);
    }
  }
}

function add(index: ClassIndex, value: ClassValue): void {
  const key = normalizeWord(value.words[0]);
  const bucket = index.get(key);
  if (bucket) bucket.push(value);
  else index.set(key, [value]);
}

function wordsOf(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

const newNode = (): Node => ({ lit: new Map(), slots: [], ends: [] });

/** Parses one entry: `{match, fix, safety?, unless_before?, unless_after?}`. */
function parseEntry(raw: unknown, index: number, opts: Options, classes: Classes): Entry {
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
      steps.push({ cls: slot[2], name: slot[1] });
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
      let slot = node.slots.find((s) => s.cls === step.cls && s.name === step.name);
      if (!slot) node.slots.push((slot = { ...step, node: newNode() }));
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

/** Each distinct normalised word of a document → its token indexes, ascending; built once per document, shared by every phrase rule. */
const wordPositions = new WeakMap<TextDocument, Map<string, number[]>>();

function positionsOf(doc: TextDocument): Map<string, number[]> {
  let index = wordPositions.get(doc);
  if (!index) {
    index = new Map();
    const tokens = doc.words;
    for (let i = 0; i < tokens.length; i++) {
      const list = index.get(tokens[i].norm);
      if (list) list.push(i);
      else index.set(tokens[i].norm, [i]);
    }
    wordPositions.set(doc, index);
  }
  return index;
}

/**
 * The token indexes where some entry of `root` may start, ascending; null when any token may
 * (an entry that starts with `#cap` or `#num`, or an empty pattern). Most words start no entry:
 * they are never walked.
 */
function startCandidates(doc: TextDocument, root: Node, classes: Classes): number[] | null {
  if (root.ends.length > 0 || root.special) return null;
  const index = positionsOf(doc);
  const firsts: { has(k: string): boolean; keys(): Iterable<string>; size: number }[] = [root.lit, ...root.slots.map((s) => classes.get(s.cls))];
  const out: number[] = [];
  const take = (list: number[] | undefined) => {
    if (list) for (const k of list) out.push(k);
  };
  // Look up whichever side is smaller: the rule's first words or the document's words.
  if (firsts.reduce((n, f) => n + f.size, 0) <= index.size) {
    for (const f of firsts) for (const key of f.keys()) take(index.get(key));
  } else {
    for (const [norm, list] of index) if (firsts.some((f) => f.has(norm))) take(list);
  }
  out.sort((a, b) => a - b);
  return firsts.length > 1 ? out.filter((k, n) => n === 0 || out[n - 1] !== k) : out;
}

function matchDocument(doc: TextDocument, root: Node, classes: Classes): Match[] {
  const tokens = doc.words;
  const text = doc.text;
  const out: Match[] = [];
  const candidates = startCandidates(doc, root, classes);
  const paths: Path[] = [];
  const bounds = [0];
  const caps: Capture[] = [];
  let c = 0;
  let i = 0;
  for (;;) {
    if (candidates) {
      while (c < candidates.length && candidates[c] < i) c++;
      if (c >= candidates.length) break;
      i = candidates[c];
    } else if (i >= tokens.length) break;
    paths.length = 0;
    bounds[0] = i;
    walk(root, i, bounds, caps, tokens, text, classes, paths);
    // Usually a prefix matched and no entry ended: nothing to choose from.
    if (paths.length === 0) {
      i++;
      continue;
    }
    const chosen = paths
      .filter((p) => contextAllows(p, tokens, text, classes))
      .sort((a, b) => b.bounds[b.bounds.length - 1] - a.bounds[a.bounds.length - 1] || a.entry.index - b.entry.index)[0];
    if (!chosen) {
      i++;
      continue;
    }
    out.push(toMatch(chosen, tokens, text));
    i = chosen.bounds[chosen.bounds.length - 1];
  }
  return out;
}

/** `bounds` and `caps` are stacks shared along the walk (pushed and popped in pairs); a path copies them when an entry ends. */
function walk(node: Node, j: number, bounds: number[], caps: Capture[], tokens: Token[], text: string, classes: Classes, out: Path[]): void {
  for (const entry of node.ends) out.push({ entry, bounds: [...bounds], captures: [...caps] });
  if (node.special && j > bounds[0]) {
    for (const name in ZERO_WIDTH) {
      const n = node.lit.get(name);
      if (n && ZERO_WIDTH[name](text, tokens[j - 1])) {
        bounds.push(j);
        walk(n, j, bounds, caps, tokens, text, classes, out);
        bounds.pop();
      }
    }
  }
  if (j >= tokens.length || (j > bounds[0] && !adjacent(text, tokens[j - 1], tokens[j]))) return;
  const next = node.lit.get(tokens[j].norm);
  if (next) {
    bounds.push(j + 1);
    walk(next, j + 1, bounds, caps, tokens, text, classes, out);
    bounds.pop();
  }
  if (node.special) {
    for (const [name, test] of SPECIAL_STEPS) {
      const n = node.lit.get(name);
      if (n && test(tokens[j])) {
        bounds.push(j + 1);
        walk(n, j + 1, bounds, caps, tokens, text, classes, out);
        bounds.pop();
      }
    }
  }
  for (const slot of node.slots) {
    for (const value of classes.get(slot.cls).get(tokens[j].norm) ?? []) {
      const end = matchValue(value, j, tokens, text);
      if (end < 0) continue;
      bounds.push(end);
      caps.push({ name: slot.name, value, text: text.slice(tokens[j].start, tokens[end - 1].end) });
      walk(slot.node, end, bounds, caps, tokens, text, classes, out);
      caps.pop();
      bounds.pop();
    }
  }
}

/** Token index after `value` if it matches at token j, else -1. */
function matchValue(value: ClassValue, j: number, tokens: Token[], text: string): number {
  for (let k = 0; k < value.words.length; k++) {
    const t = tokens[j + k];
    if (!t || (k > 0 && !adjacent(text, tokens[j + k - 1], t))) return -1;
    if (value.exact ? t.text !== value.words[k] : t.norm !== normalizeWord(value.words[k])) return -1;
  }
  return j + value.words.length;
}

function contextAllows(p: Path, tokens: Token[], text: string, classes: Classes): boolean {
  const first = p.bounds[0];
  const last = p.bounds[p.bounds.length - 1];
  if (p.entry.exactCase && !caseMatches(p, tokens)) return false;
  for (const steps of p.entry.unlessAfter) {
    if (contextMatches(steps, last, 1, tokens, text, classes)) return false;
  }
  for (const steps of p.entry.unlessBefore) {
    if (contextMatches(steps, first - 1, -1, tokens, text, classes)) return false;
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
function allowedSpans(doc: TextDocument, root: Node, classes: Classes): [number, number][] {
  const tokens = doc.words;
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!root.lit.has(tokens[i].norm) && root.slots.length === 0) continue;
    const paths: Path[] = [];
    walk(root, i, [i], [], tokens, doc.text, classes, paths);
    let end = -1;
    for (const p of paths) end = Math.max(end, p.bounds[p.bounds.length - 1]);
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
function contextMatches(steps: Step[], at: number, dir: 1 | -1, tokens: Token[], text: string, classes: Classes): boolean {
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
    } else if (!(classes.get(s.cls).get(t.norm) ?? []).some((v) => matchValue(v, start + k, tokens, text) === start + k + 1)) {
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
    text: matchCase(original, fillTemplate(tpl, p.captures)),
  }));
  return { start, end, replacements, safety: entry.safety };
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
