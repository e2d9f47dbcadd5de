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
// The machinery is in src/match/: the pattern syntax and the lexicon of classes
// (phrase-pattern.ts), the trie in typed arrays, no object per node (phrase-trie.ts), and the walk
// that runs it over a document with each entry's context and case checks (phrase-walk.ts).

import type { Token } from '../text/tokens.js';
import type { Edit, FixSafety, Match, RuleSpec } from '../types.js';
import { Options, type Checker, type CheckerGroup, type Kind, type KindEnv } from './kind.js';
import { Lexicon, parsePattern } from '../match/phrase-pattern.js';
import { PhraseTrie, type ClassValue, type Step } from '../match/phrase-trie.js';
import { allowedSpans, matchDocument, type Merged, type Path, type WalkEntry } from '../match/phrase-walk.js';

/** One entry of a rule: what the walk matches (its steps, index, context and case) and what a match becomes. */
interface Entry extends WalkEntry {
  /** The rule it belongs to. */
  member: Member;
  replacements: string[];
  safety?: FixSafety;
  /** The flagged part, as a range of pattern steps [spanFrom, spanTo). */
  spanFrom: number;
  spanTo: number;
}

interface Capture {
  name: string;
  value: ClassValue;
  text: string;
}

export const phrase: Kind = {
  name: 'phrase',
  english: true,
  options: ['entries', 'classes', 'allow', 'density'],
  compile(spec: RuleSpec, env: KindEnv) {
    const opts = new Options(spec);
    const lexicon = new Lexicon(env);
    lexicon.addInline(spec.options.classes, (m) => opts.fail('classes', m));
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
const members = new WeakMap<Checker, Member>();

/** Merged tries of the last few rule sets (one, in a normal run). */
const mergedCache = new Map<string, Merged<Entry>>();
const MERGED_KEPT = 4;
/** The rule set asked for last, and its merged trie: a run asks for the same one per document. */
let recent: { checkers: readonly Checker[]; merged: Merged<Entry> } | undefined;

function mergedFor(checkers: readonly Checker[]): Merged<Entry> {
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
    const found = matchDocument(doc, merged, toMatch);
    return merged.members.map((m, k) => {
      let matches = found[k];
      if (m.allow && matches.length > 0) matches = dropAllowed(matches, allowedSpans(doc, m.allow));
      if (m.density && matches.length > 0) addDensity(matches, doc.words.length);
      return matches;
    });
  },
};

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

/** Drops the matches that overlap an allowed phrase. */
function dropAllowed(matches: Match[], spans: [number, number][]): Match[] {
  if (spans.length === 0) return matches;
  return matches.filter((m) => !spans.some(([s, e]) => s < m.end && m.start < e));
}

/** Adds {count} and {density} (matches per 1,000 words of the whole text) to every match. */
function addDensity(matches: Match[], words: number): void {
  const density = Math.round((matches.length / Math.max(words, 1)) * 10000) / 10;
  for (const m of matches) m.data = { ...m.data, count: matches.length, density };
}

/** The finding for the way chosen: its [ … ] span, each fix filled from the captures in the case of the text it replaces. */
function toMatch(p: Path<Entry>, tokens: Token[], text: string): Match {
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
function capturesOf(p: Path<Entry>, tokens: Token[], text: string): Capture[] {
  const out: Capture[] = [];
  p.entry.steps.forEach((step, k) => {
    if (!('cls' in step)) return;
    const from = p.bounds[k];
    const to = p.bounds[k + 1];
    out.push({ name: step.name, value: p.values[out.length], text: text.slice(tokens[from].start, tokens[to - 1].end) });
  });
  return out;
}

/** Fills `{X}` with the text a slot captured and `{X.attr}` with an attribute of its value (`{X.country}`). */
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
