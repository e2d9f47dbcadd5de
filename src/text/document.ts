// The document every kind reads: the original text and, computed on first use, its lines,
// paragraphs, sentences, word tokens (and their fingerprints) and protected ranges.

import { computeLineStarts, isSpaceAt, positionAt, type Position } from './lines.js';
import { printsOf } from './prints.js';
import { findProtectedRanges } from './protected.js';
import { splitSentences } from './sentences.js';
import { tokenize, type Token } from './tokens.js';

export interface Block {
  start: number;
  end: number;
}

/**
 * A value per document that a kind computes once and several of its rules read, kept on the
 * document itself. (In a module-level WeakMap keyed by documents, every value would survive each
 * young-generation collection — V8's scavenger keeps ephemeron values of an old table alive — and
 * be promoted, so the old generation filled with dead documents' words and lines.)
 */
export class DocumentCache<V> {
  get(doc: TextDocument): V | undefined {
    return doc.getDerived(this) as V | undefined;
  }

  set(doc: TextDocument, value: V): void {
    doc.setDerived(this, value);
  }
}

export class TextDocument {
  readonly text: string;
  #lineStarts?: number[];
  #paragraphs?: Block[];
  #sentences?: Block[];
  #words?: Token[];
  #wordPrints?: Int32Array;
  #protected?: [number, number][];
  /** What kinds compute once per document (DocumentCache), dropped with it. */
  #derived?: Map<object, unknown>;

  /** Line number of the text's first line: a piece of a larger text counts its lines from there. */
  readonly firstLine: number;
  /** For a text read out of markup (Markdown, HTML, a feed, NDJSON): the line of the user's file an offset comes from. */
  readonly #lineOf?: (offset: number) => number;

  constructor(text: string, options: { firstLine?: number; lineOf?: (offset: number) => number } = {}) {
    this.text = text;
    this.firstLine = options.firstLine ?? 1;
    this.#lineOf = options.lineOf;
  }

  get lineStarts(): number[] {
    return (this.#lineStarts ??= computeLineStarts(this.text));
  }

  /** Line (in the user's file, which messages cite) and column (in this text) of an offset. */
  positionAt(offset: number): Position {
    const p = positionAt(this.lineStarts, offset);
    if (this.#lineOf) return { ...p, line: this.#lineOf(offset) };
    return this.firstLine === 1 ? p : { ...p, line: p.line + this.firstLine - 1 };
  }

  /** Runs of non-blank lines, trimmed of surrounding white space. */
  get paragraphs(): Block[] {
    if (this.#paragraphs) return this.#paragraphs;
    const out: Block[] = [];
    const re = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*/g;
    let from = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.text)) !== null) {
      pushTrimmed(this.text, from, m.index, out);
      from = m.index + m[0].length;
    }
    pushTrimmed(this.text, from, this.text.length, out);
    return (this.#paragraphs = out);
  }

  get sentences(): Block[] {
    if (this.#sentences) return this.#sentences;
    const out: Block[] = [];
    for (const p of this.paragraphs) {
      for (const [start, end] of splitSentences(this.text, p.start, p.end)) out.push({ start, end });
    }
    return (this.#sentences = out);
  }

  get words(): Token[] {
    return (this.#words ??= tokenize(this.text));
  }

  /** The words' fingerprints (text/prints.ts): word i at 2i and 2i + 1. */
  get wordPrints(): Int32Array {
    return (this.#wordPrints ??= printsOf(this.words));
  }

  /** Word tokens inside [start, end). */
  wordsIn(start: number, end: number): Token[] {
    const words = this.words;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Token[] = [];
    for (let i = lo; i < words.length && words[i].end <= end; i++) out.push(words[i]);
    return out;
  }

  get protectedRanges(): [number, number][] {
    return (this.#protected ??= findProtectedRanges(this.text));
  }

  /** Used by DocumentCache. */
  getDerived(key: object): unknown {
    return this.#derived?.get(key);
  }

  setDerived(key: object, value: unknown): void {
    (this.#derived ??= new Map()).set(key, value);
  }

  /** True when [start, end) touches a protected range (URL, e-mail address, handle). */
  isProtected(start: number, end: number): boolean {
    for (const [s, e] of this.protectedRanges) {
      if (s >= end) break;
      if (e > start) return true;
    }
    return false;
  }
}

function pushTrimmed(text: string, s: number, e: number, out: Block[]): void {
  while (s < e && isSpaceAt(text, s)) s++;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  if (e > s) out.push({ start: s, end: e });

}
