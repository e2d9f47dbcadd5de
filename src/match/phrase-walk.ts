// The phrase matcher's walk: runs a phrase trie (one rule's, or every phrase rule's merged) over
// a document's words, checks each way an entry matched (its literal words, `case: exact`,
// `unless_before` / `unless_after`) and keeps each rule's leftmost-longest matches.

import type { TextDocument } from '../text/document.js';
import type { Token } from '../text/tokens.js';
import { ONE_WORD, ONE_WORD_STEPS, ZERO_WIDTH_STEPS } from './phrase-pattern.js';
import { ENDS, SLOTS, SPECIAL, WORDS, type ClassValue, type Extra, type PhraseTrie, type Slot, type Step } from './phrase-trie.js';

/** What the walk reads of an entry (the phrase kind's entries also carry their fixes). */
export interface WalkEntry {
  /** The rule it belongs to: each rule gets its own matches. */
  member: object;
  /** Its index in its rule: the lowest wins a tie. */
  index: number;
  unlessBefore: readonly (readonly Step[])[];
  unlessAfter: readonly (readonly Step[])[];
  /** Literal words must match case as written (the first token may be capitalised). */
  exactCase: boolean;
  steps: readonly Step[];
}

/** One way the pattern consumed the text: token index per step boundary and the class value taken by each slot step. */
export interface Path<E extends WalkEntry = WalkEntry> {
  entry: E;
  /** bounds[k] = index of the first token of step k; bounds[steps] = one past the last. */
  bounds: number[];
  values: ClassValue[];
}

/** The trie of every entry of one set of rules, and each rule's position in that set. */
export interface Merged<E extends WalkEntry> {
  trie: PhraseTrie<E>;
  order: Map<E['member'], number>;
  members: E['member'][];
  /** matchDocument's per-rule state, reused from one document to the next. */
  resume: Int32Array;
  best: (Path<E> | undefined)[];
}

/** What a walk reads and writes: `bounds` and `values` are stacks pushed and popped in pairs. */
interface Scan<E extends WalkEntry> {
  trie: PhraseTrie<E>;
  words: Int32Array;
  tokens: Token[];
  text: string;
  bounds: number[];
  values: ClassValue[];
  out: Path<E>[];
}

const NONE: readonly ClassValue[] = [];
const NO_SLOTS: readonly Slot[] = [];

/**
 * Each rule's matches (by its position in `merged.members`), made by `toMatch` from the ways
 * chosen. At each word some entry may start at, the merged trie is walked once; of the ways
 * found, each rule takes its own best — ends last, then lowest entry index, then first found —
 * unless it is still inside its previous match.
 */
export function matchDocument<E extends WalkEntry, M>(doc: TextDocument, merged: Merged<E>, toMatch: (p: Path<E>, tokens: Token[], text: string) => M): M[][] {
  const tokens = doc.words;
  const text = doc.text;
  const { trie } = merged;
  const n = merged.members.length;
  const out: M[][] = [];
  for (let k = 0; k < n; k++) out.push([]);
  /** Word index from which each rule may match again. */
  const resume = merged.resume.fill(0);
  const best = merged.best;
  const words = trie.numbersOf(doc);
  // A pattern may start with a special step (#cap): then every word is a start.
  const everyWord = (trie.flags[0] & SPECIAL) !== 0;
  const paths: Path<E>[] = [];
  const scan: Scan<E> = { trie, words, tokens, text, bounds: [0], values: [], out: paths };
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
function walk<E extends WalkEntry>(id: number, j: number, scan: Scan<E>): void {
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

function walkSlots<E extends WalkEntry>(id: number, extra: Extra, j: number, scan: Scan<E>): void {
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

/** [start, end) text spans of every allowed phrase in the document. */
export function allowedSpans<E extends WalkEntry>(doc: TextDocument, trie: PhraseTrie<E>): [number, number][] {
  const tokens = doc.words;
  const words = trie.numbersOf(doc);
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!trie.starts(words[i])) continue;
    const paths: Path<E>[] = [];
    walk(0, i, { trie, words, tokens, text: doc.text, bounds: [i], values: [], out: paths });
    let end = -1;
    for (const p of paths) if (checkWords(p, tokens)) end = Math.max(end, p.bounds[p.bounds.length - 1]);
    if (end > i) spans.push([tokens[i].start, tokens[end - 1].end]);
  }
  return spans;
}
