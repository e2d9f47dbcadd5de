// The phrase kind's trie, in typed arrays. Built straight from a list of entries (a rule's, or
// every enabled phrase rule's for the one-pass scan), with no object per trie node:
//
//   vocabulary   every literal word of the patterns, and the first word of every value of a class
//                slot → a number, through a table of 64-bit fingerprints (the document's,
//                computed once for every kind: text/prints.ts): one probe into an Int32Array per
//                word of text, however many words the dictionary has
//   slot starts  per node with class slots: the numbers of its values' first words
//   root steps   an Int32Array indexed by word number (-1: the word starts no entry)
//   deeper steps one open-addressed table of (node, word number) → child node, behind a bit
//                filter of the pairs it holds (≈ 16 bits a pair, at most 1 MB): most probes
//                of a big dictionary's table are for pairs it does not hold, and the filter,
//                unlike the table, stays in cache
//   node flags   a byte per node: entries end here, special steps, class slots, further words
//   entries      by node, as a linked list over the entry indices (endHead, endNext)
//   extras       the few nodes with special steps (#cap, #num, #stop) or class slots: a Map
//
// A text word whose fingerprint clashes with a pattern word gets that word's number, so the
// matcher checks the literal words of a path when an entry ends; should two pattern words ever
// clash (odds about 1 in 10^10 for 50,000 words), numbers come from a Map of the words instead.

import type { TextDocument } from '../text/document.js';
import { printWord } from '../text/prints.js';

/** A value a class slot can match: its words, and attributes usable as `{X.attr}`. */
export interface ClassValue {
  words: string[];
  /** The words normalised (for case-insensitive values). */
  norms: string[];
  /** Match the words' case exactly (proper nouns); otherwise case-insensitively. */
  exact: boolean;
  attrs: Record<string, string>;
}

/** Class name → values indexed by their first word (normalised). */
export type ClassIndex = Map<string, ClassValue[]>;

/**
 * A pattern step: a normalised word (`raw` as written, for `case: exact`), a special step
 * (`#cap`, `#num`, `#stop`: defined in phrase-pattern.ts, tested by the walk), or a class slot
 * (`values` resolved when the pattern was parsed).
 */
export type Step = { lit: string; raw?: string } | { special: string } | { cls: string; name: string; values: ClassIndex };

/** A class slot leaving a node: the node reached by one of its values. */
export interface Slot {
  values: ClassIndex;
  name: string;
  node: number;
}

/** What the rare nodes with special steps or class slots hold. */
export interface Extra {
  /** Special step name → child node. */
  special: Map<string, number>;
  slots: Slot[];
  /** With several slots: word → the slots whose class has it, in slot order (built on first use). */
  slotsByWord?: Map<string, Slot[]>;
}

export const ENDS = 1;
export const SPECIAL = 2;
export const SLOTS = 4;
export const WORDS = 8;

const NO_EXTRA: Extra = { special: new Map(), slots: [] };
/** #steps: look no further. */
const LAST = -2;

export class PhraseTrie<E extends { steps: readonly Step[] }> {
  /** Per node: ENDS | SPECIAL | SLOTS | WORDS. Node 0 is the root. */
  readonly flags: Uint8Array;
  /** First entry (index into `entries`) ending at each node, -1 for none; then endNext per entry. */
  readonly endHead: Int32Array;
  readonly endNext: Int32Array;
  readonly #extras = new Map<number, Extra>();
  readonly #vocab: Fingerprints;
  readonly #rootNext: Int32Array;
  /** Per word number: 1 when it is a value of a class that a pattern starts with. */
  readonly #rootSlot: Uint8Array;
  /** Per such word: the root's class slots whose class has it, in slot order. */
  readonly #rootSlots: (Slot[] | undefined)[] = [];
  /** Per such word: 1 when each of those values is that one word and each slot is followed only by words (then the next word must continue one). */
  readonly #rootSlotWords: Uint8Array;
  /** Per node with class slots (but the root): the numbers of the words its slots' values start with. */
  readonly #slotStarts = new Map<number, Set<number>>();
  /** Triples: node + 1 (0 = empty), word, child. */
  #table = new Int32Array(16 * 3);
  #mask = 15;
  #edges = 0;
  /** Bit filter of the (node, word) pairs in the table, indexed by the top `32 - #shift` bits of their hash. */
  #filter: Int32Array;
  #shift: number;

  constructor(readonly entries: readonly E[]) {
    // Every literal word, and the first words of the values of every class slot.
    const words: string[] = [];
    const rootClasses = new Set<ClassIndex>();
    const classes = new Set<ClassIndex>();
    let steps = 0;
    for (const { steps: s } of entries) {
      steps += s.length;
      for (const step of s) {
        if ('lit' in step) words.push(step.lit);
        else if ('cls' in step) classes.add(step.values);
      }
      if (s.length > 0 && 'cls' in s[0]) rootClasses.add(s[0].values);
    }
    for (const values of classes) for (const word of values.keys()) words.push(word);
    this.#vocab = new Fingerprints(words);
    this.#rootNext = new Int32Array(this.#vocab.size).fill(-1);
    this.#rootSlot = new Uint8Array(this.#vocab.size);
    for (const values of rootClasses) for (const word of values.keys()) this.#rootSlot[this.#vocab.get(word)] = 1;

    let bits = 10;
    while (bits < 23 && 1 << bits < steps * 16) bits++;
    this.#filter = new Int32Array((1 << bits) >>> 5);
    this.#shift = 32 - bits;
    const flags = new Uint8Array(steps + 1);
    const endHead = new Int32Array(steps + 1).fill(-1);
    const endTail = new Int32Array(steps + 1);
    this.endNext = new Int32Array(entries.length).fill(-1);
    let nodes = 1;
    entries.forEach(({ steps: s }, e) => {
      let node = 0;
      for (const step of s) {
        let child: number;
        if ('lit' in step) {
          const word = this.#vocab.get(step.lit);
          child = this.next(node, word);
          if (child < 0) this.#link(node, word, (child = nodes++));
          flags[node] |= WORDS;
        } else if ('special' in step) {
          const { special } = this.#extra(node);
          child = special.get(step.special) ?? nodes++;
          special.set(step.special, child);
          flags[node] |= SPECIAL;
        } else {
          const extra = this.#extra(node);
          let slot = extra.slots.find((x) => x.values === step.values && x.name === step.name);
          if (!slot) extra.slots.push((slot = { values: step.values, name: step.name, node: nodes++ }));
          flags[node] |= SLOTS;
          child = slot.node;
        }
        node = child;
      }
      if (flags[node] & ENDS) this.endNext[endTail[node]] = e;
      else endHead[node] = e;
      endTail[node] = e;
      flags[node] |= ENDS;
    });
    this.flags = flags.slice(0, nodes);
    this.endHead = endHead.slice(0, nodes);
    for (const [node, { slots }] of this.#extras) {
      if (node === 0 || slots.length === 0) continue;
      const starts = new Set<number>();
      for (const slot of slots) for (const word of slot.values.keys()) starts.add(this.#vocab.get(word));
      this.#slotStarts.set(node, starts);
    }
    this.#rootSlotWords = new Uint8Array(this.#vocab.size);
    for (const slot of this.extra(0).slots) {
      for (const [word, values] of slot.values) {
        const n = this.#vocab.get(word);
        const list = (this.#rootSlots[n] ??= []);
        if (list.length === 0) this.#rootSlotWords[n] = 1;
        list.push(slot);
        if (values.some((v) => v.words.length !== 1) || this.flags[slot.node] !== WORDS) this.#rootSlotWords[n] = 0;
      }
    }
  }

  /** The root's class slots whose class has word number `word` (first word of a value), in slot order. */
  rootSlots(word: number): readonly Slot[] | undefined {
    return word < 0 ? undefined : this.#rootSlots[word];
  }

  /** The special steps and class slots leaving a node (empty for most). */
  extra(node: number): Extra {
    return this.#extras.get(node) ?? NO_EXTRA;
  }

  #extra(node: number): Extra {
    let extra = this.#extras.get(node);
    if (!extra) this.#extras.set(node, (extra = { special: new Map(), slots: [] }));
    return extra;
  }

  /** Each word's number in the document, -1 for words no pattern has (or, rarely, a clashing one). */
  numbersOf(doc: TextDocument): Int32Array {
    return this.#vocab.numbersOf(doc);
  }

  /** Whether some entry may start with this word (as its first word or in a class slot). */
  starts(word: number): boolean {
    return word >= 0 && (this.#rootNext[word] >= 0 || this.#rootSlot[word] === 1);
  }

  /**
   * False when a walk from this word (which starts an entry) cannot find anything: not after it
   * as a literal word (#steps), nor after it as a one-word class value that only words follow,
   * none of which is the next word. Most words of a big term list, most "the", and most "is" and
   * "his" before the patterns `{B:be} taken under control` or `{P:poss} holder on the {I:issue}`,
   * stop here.
   */
  mayContinue(word: number, nextWord: number, thirdWord: number): boolean {
    const child = this.#rootNext[word];
    if (child >= 0 && this.#steps(child, nextWord, thirdWord)) return true;
    if (this.#rootSlot[word] !== 1) return false;
    // A value of a class the patterns start with: likewise, when it is one word and only words follow its slot.
    if (this.#rootSlotWords[word] !== 1) return true;
    if (nextWord < 0) return false;
    for (const slot of this.#rootSlots[word]!) if (this.next(slot.node, nextWord) >= 0) return true;
    return false;
  }

  /**
   * Whether a walk at `node` may go on with word number `word` next (-1: no word): an entry ends
   * there, it has a special step, or the word starts a value of one of its class slots ("the"
   * before the pattern `the {D:side} party`) or continues a literal path — and then, unless `after`
   * is LAST, may go on with word `after` too (most two-word prefixes of a big term list lead
   * nowhere, and most "to the" before the pattern `to the {D:side} party for`).
   */
  #steps(node: number, word: number, after: number): boolean {
    if (node < 0) return false;
    const flags = this.flags[node];
    if (flags & (ENDS | SPECIAL)) return true;
    if (word < 0) return false;
    if (flags & SLOTS && this.#slotStarts.get(node)!.has(word)) return true;
    if ((flags & WORDS) === 0) return false;
    const child = this.next(node, word);
    return after === LAST ? child >= 0 : this.#steps(child, after, LAST);
  }

  /** The node after `node` on word number `word`, or -1. */
  next(node: number, word: number): number {
    if (node === 0) return this.#rootNext[word];
    const hash = mix(node, word);
    const bit = hash >>> this.#shift;
    if ((this.#filter[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
    const table = this.#table;
    const mask = this.#mask;
    for (let h = hash & mask; ; h = (h + 1) & mask) {
      const at = table[h * 3];
      if (at === 0) return -1;
      if (at === node + 1 && table[h * 3 + 1] === word) return table[h * 3 + 2];
    }
  }

  #link(node: number, word: number, child: number): void {
    if (node === 0) {
      this.#rootNext[word] = child;
      return;
    }
    if (++this.#edges * 2 > this.#mask + 1) this.#grow();
    this.#put(this.#table, this.#mask, node, word, child);
    const bit = mix(node, word) >>> this.#shift;
    this.#filter[bit >>> 5] |= 1 << (bit & 31);
  }

  #put(table: Int32Array, mask: number, node: number, word: number, child: number): void {
    let h = mix(node, word) & mask;
    while (table[h * 3] !== 0) h = (h + 1) & mask;
    table[h * 3] = node + 1;
    table[h * 3 + 1] = word;
    table[h * 3 + 2] = child;
  }

  #grow(): void {
    const old = this.#table;
    const mask = this.#mask * 2 + 1;
    const table = new Int32Array((mask + 1) * 3);
    for (let h = 0; h < old.length; h += 3) if (old[h] !== 0) this.#put(table, mask, old[h] - 1, old[h + 1], old[h + 2]);
    this.#table = table;
    this.#mask = mask;
  }
}

function mix(node: number, word: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(word + 1, 0x85ebca77)) >>> 0;
}

/**
 * Words → numbers by a 64-bit fingerprint of their characters (src/text/prints.ts), in one
 * Int32Array. Should two listed words share a fingerprint, the numbers come from a Map of the words
 * instead: slower, never wrong.
 */
export class Fingerprints {
  readonly words: string[] = [];
  /** Triples: first hash, second hash, number + 1 (0 = empty). */
  readonly #table: Int32Array;
  readonly #mask: number;
  readonly #print = new Int32Array(2);
  #exact?: Map<string, number>;

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)];
    let size = 16;
    while (size < unique.length * 2) size *= 2;
    this.#mask = size - 1;
    this.#table = new Int32Array(size * 3);
    const print = this.#print;
    for (const word of unique) {
      printWord(word, print, 0);
      if (this.find(print[0], print[1]) >= 0) {
        this.#exact = new Map(unique.map((w, n) => [w, n]));
        this.words.splice(0, this.words.length, ...unique);
        return;
      }
      let h = print[0] & this.#mask;
      while (this.#table[h * 3 + 2] !== 0) h = (h + 1) & this.#mask;
      this.#table[h * 3] = print[0];
      this.#table[h * 3 + 1] = print[1];
      this.#table[h * 3 + 2] = this.words.push(word);
    }
  }

  get size(): number {
    return this.words.length;
  }

  /** The word's number; -1 for a word not in the list, or rarely another word's number (callers check). */
  get(word: string): number {
    if (this.#exact) return this.#exact.get(word) ?? -1;
    printWord(word, this.#print, 0);
    return this.find(this.#print[0], this.#print[1]);
  }

  /** The number of the word with this fingerprint (as get). */
  find(a: number, b: number): number {
    const table = this.#table;
    for (let h = a & this.#mask; ; h = (h + 1) & this.#mask) {
      const n = table[h * 3 + 2];
      if (n === 0) return -1;
      if (table[h * 3] === a && table[h * 3 + 1] === b) return n - 1;
    }
  }

  /** Each word's number, from the document's fingerprints (text/prints.ts) or, after a clash among the listed words, from the words. */
  numbersOf(doc: TextDocument): Int32Array {
    const words = doc.words;
    const out = new Int32Array(words.length);
    if (this.#exact) {
      for (let i = 0; i < words.length; i++) out[i] = this.get(words[i].norm);
      return out;
    }
    const prints = doc.wordPrints;
    for (let i = 0; i < words.length; i++) out[i] = this.find(prints[i * 2], prints[i * 2 + 1]);
    return out;
  }
}
