// The bridge between the text the rules check and the file the user owns: every UTF-16 unit of
// the checked text records the source range it was decoded from, so findings and edits found in
// the checked text are carried back to exact offsets in the source (and a fix that would cross
// markup is refused rather than applied wrongly).
//
//   source   <p>the Moscow&nbsp;holder</p>        checked   the Moscow holder
//               ^^^^^^^^^^^^^^^^^^^^^^^^                    ^^^^^^^^^^^^^^^^^ (the NBSP unit maps to `&nbsp;`)

import { createRequire } from 'node:module';
import type { Edit } from '../types.js';

/** `entities/decode`, required on first use (its tables cost ≈ 7 ms of a plain-text start-up that never needs them). */
let entities: typeof import('entities/decode') | undefined;
const decoders = () => (entities ??= createRequire(import.meta.url)('entities/decode') as typeof import('entities/decode'));

/** Stands in for inline code, images and other non-prose inline content, so words either side do not run together. */
export const PLACEHOLDER = '\uFFFC';

export interface SourceMap {
  /** The text the rules check. */
  text: string;
  /** Per unit of `text`, the source range [start, end) it came from; start === end marks a unit mtlint inserted (a separator or placeholder). */
  start: Int32Array;
  end: Int32Array;
  /** The source offset of an empty text. */
  origin: number;
  /** Encodes replacement text for the source at checked offset `at` (escaping what the source syntax needs). */
  encode(text: string, at: number): string;
}

/** A block (paragraph, heading, element) that a whole-line deletion may remove: its checked text range and source range. */
export interface Block {
  cs: number;
  ce: number;
  ss: number;
  se: number;
  /** It holds nothing but its checked text and the markup around it (no code, script, style, image or comment that is not checked): only such a block is removed whole. */
  pure: boolean;
}

export const identityEncode = (text: string): string => text;

/** Builds a SourceMap unit by unit. */
export class MapBuilder {
  #parts: string[] = [];
  /** Per unit of the text: source start and end, in arrays grown by doubling. */
  #starts = new Int32Array(256);
  #ends = new Int32Array(256);
  #length = 0;
  #last = '';

  get length(): number {
    return this.#length;
  }

  /** Room for `more` units. */
  #reserve(more: number): void {
    const need = this.#length + more;
    if (need <= this.#starts.length) return;
    let size = this.#starts.length * 2;
    while (size < need) size *= 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.#starts.subarray(0, this.#length));
    ends.set(this.#ends.subarray(0, this.#length));
    this.#starts = starts;
    this.#ends = ends;
  }

  /** Source units copied as they are (`shift`: where `src` itself starts in the source). */
  copy(src: string, from: number, to: number, shift = 0): void {
    if (to <= from) return;
    this.#parts.push(src.slice(from, to));
    this.#reserve(to - from);
    const starts = this.#starts;
    const ends = this.#ends;
    let n = this.#length;
    for (let i = from + shift; i < to + shift; i++, n++) {
      starts[n] = i;
      ends[n] = i + 1;
    }
    this.#length = n;
    this.#last = (this.#last + src.slice(Math.max(from, to - 2), to)).slice(-2);
  }

  /** A string decoded from source [s, e): every unit of it maps to the whole range. */
  decoded(str: string, s: number, e: number): void {
    if (str === '') return;
    this.#parts.push(str);
    this.#reserve(str.length);
    this.#starts.fill(s, this.#length, this.#length + str.length);
    this.#ends.fill(e, this.#length, this.#length + str.length);
    this.#length += str.length;
    this.#last = (this.#last + str).slice(-2);
  }

  /** Units mtlint inserts (separators, placeholders), pinned to source offset `at`. */
  synthetic(str: string, at: number): void {
    this.decoded(str, at, at);
  }

  /** The text is empty or ends with a blank line (a block boundary). */
  get atBoundary(): boolean {
    return this.length === 0 || this.#last === '\n\n';
  }

  /** A blank line between blocks, unless the text is empty or already ends with one. */
  separate(at: number): void {
    if (this.atBoundary) return;
    this.synthetic(this.#last.endsWith('\n') ? '\n' : '\n\n', at);
  }

  build(origin: number, encode: (text: string, at: number) => string = identityEncode): SourceMap {
    return {
      text: this.#parts.join(''),
      start: this.#starts.slice(0, this.#length),
      end: this.#ends.slice(0, this.#length),
      origin,
      encode,
    };
  }
}

/** The identity map of source[from, to) (a plain-text article inside a larger source). */
export function sliceMap(src: string, from: number, to: number, encode = identityEncode): SourceMap {
  const b = new MapBuilder();
  b.copy(src, from, to);
  return b.build(from, encode);
}

const isSynthetic = (m: SourceMap, i: number) => m.start[i] === m.end[i];

/** The source offset of a point before checked unit k (k may be text.length). */
export function pointAt(m: SourceMap, k: number): number {
  const n = m.text.length;
  if (n === 0) return m.origin;
  return k < n ? m.start[k] : m.end[n - 1];
}

/** `inner` maps checked text into an intermediate string that `outer` maps into the source (HTML inside an XML feed). */
export function compose(inner: SourceMap, outer: SourceMap): SourceMap {
  const n = inner.text.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = inner.start[i];
    const e = inner.end[i];
    if (s === e) {
      start[i] = end[i] = pointAt(outer, s);
    } else {
      start[i] = outer.start[s];
      end[i] = outer.end[e - 1];
    }
  }
  const outerAt = (at: number) => Math.max(0, Math.min(n === 0 ? 0 : inner.start[Math.min(at, n - 1)], outer.text.length - 1));
  return {
    text: inner.text,
    start,
    end,
    origin: pointAt(outer, inner.origin),
    encode: (text, at) => outer.encode(inner.encode(text, at), outerAt(at)),
  };
}

// ---------------------------------------------------------------------------------------------
// Aligning a parser's decoded value with the source it came from.

export interface AlignOptions {
  /** Markdown: `\*` decodes to `*`. */
  backslash?: boolean;
  /** Character references: `html` (legacy, no `;` needed), `markdown` (`;` required), `xml`. */
  entities?: 'html' | 'markdown' | 'xml';
}

const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,8};?|#[0-9]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)/y;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
/** How far a gap (container prefix, indentation, dropped markup) may run before a unit is given up as unmatched. */
const MAX_GAP = 256;

/** The character reference at src[j], if it decodes to a prefix of `value` at i: its length and decoded text. */
function entityAt(src: string, j: number, to: number, value: string, i: number, mode: 'html' | 'markdown' | 'xml'): [number, string] | null {
  ENTITY.lastIndex = j;
  const m = ENTITY.exec(src);
  if (!m) return null;
  const { decodeHTML, decodeHTMLStrict, decodeXML } = decoders();
  const decode = mode === 'xml' ? decodeXML : mode === 'markdown' ? decodeHTMLStrict : decodeHTML;
  for (let k = Math.min(m[0].length, to - j); k >= 3; k--) {
    const raw = src.slice(j, j + k);
    const d = decode(raw);
    // A full reference decodes to one or two code points; a longer result left part of `raw` undecoded.
    if (d === raw || d.length > 4 || d.includes('&') && d !== '&') continue;
    if (value.startsWith(d, i)) return [k, d];
  }
  return null;
}

/**
 * Appends `value` (a parser's decoded text of source[from, to)) to the builder, unit by unit,
 * recording where each unit came from: identical units, `\`-escapes, character references and
 * CRLF (read as LF) are matched; source units the value lacks (container prefixes, markup) are
 * skipped as gaps; a value unit with no source (a replacement character) becomes synthetic.
 */
export function align(b: MapBuilder, value: string, src: string, from: number, to: number, o: AlignOptions = {}): void {
  let j = from;
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    const gapStart = j;
    let matched = false;
    while (j < to && j - gapStart <= MAX_GAP) {
      const s = src[j];
      if (o.backslash && s === '\\' && j + 1 < to && ASCII_PUNCT.test(src[j + 1]) && src[j + 1] === c) {
        b.decoded(c, j, j + 2);
        j += 2;
        i++;
        matched = true;
        break;
      }
      if (o.entities && s === '&') {
        const ent = entityAt(src, j, to, value, i, o.entities);
        if (ent) {
          b.decoded(ent[1], j, j + ent[0]);
          j += ent[0];
          i += ent[1].length;
          matched = true;
          break;
        }
      }
      if (c === '\n' && s === '\r') {
        const len = src[j + 1] === '\n' ? 2 : 1;
        b.decoded('\n', j, j + len);
        j += len;
        i++;
        matched = true;
        break;
      }
      if (s === c) {
        b.copy(src, j, j + 1);
        j++;
        i++;
        matched = true;
        break;
      }
      j++;
    }
    if (!matched) {
      j = gapStart;
      b.synthetic(c, j);
      i++;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Carrying findings and edits back to the source.

/** Source [start, end) of checked [s, e): from the first to the last unit that has a source; null if none has. */
export function mapRange(m: SourceMap, s: number, e: number): [number, number] | null {
  if (e <= s) {
    const p = s > 0 && s <= m.text.length && !isSynthetic(m, s - 1) ? m.end[s - 1] : pointAt(m, s);
    return [p, p];
  }
  let a = s;
  while (a < e && isSynthetic(m, a)) a++;
  if (a === e) return null;
  let z = e - 1;
  while (z > a && isSynthetic(m, z)) z--;
  return [m.start[a], m.end[z]];
}

const sameUnit = (m: SourceMap, i: number, j: number) => m.start[i] === m.start[j] && m.end[i] === m.end[j] && !isSynthetic(m, i);

/**
 * The source edit for an edit of the checked text, or null when it cannot be carried back
 * exactly (it would cross markup, a skipped region or a separator mtlint inserted). A deletion
 * of whole lines that are exactly a block's text removes the block — the outermost one standing
 * on lines of its own, else the innermost — when the block holds nothing else (`pure`).
 */
export function mapEdit(edit: Edit, m: SourceMap, blocks: readonly Block[], source: string): Edit | null {
  const text = m.text;
  if (edit.text === '' && edit.end > edit.start) {
    let s = edit.start;
    let e = edit.end;
    while (s < e && (isSynthetic(m, s) || /\s/.test(text[s]))) s++;
    while (e > s && (isSynthetic(m, e - 1) || /\s/.test(text[e - 1]))) e--;
    // Only white space beside [s, e) on its lines.
    let a = s;
    while (a > 0 && text[a - 1] !== '\n' && (isSynthetic(m, a - 1) || /\s/.test(text[a - 1]))) a--;
    let z = e;
    while (z < text.length && text[z] !== '\n' && (isSynthetic(m, z) || /\s/.test(text[z]))) z++;
    const wholeLines = (a === 0 || text[a - 1] === '\n') && (z === text.length || text[z] === '\n');
    const block = wholeLines ? pickBlock(blocks.filter((b) => b.pure && b.cs === s && b.ce === e), source) : undefined;
    if (block) return deleteBlock(source, block);
  }
  // Only the units that change need a source: trim what the edit keeps at either end.
  let s = edit.start;
  let e = edit.end;
  let t = edit.text;
  let p = 0;
  while (s + p < e && p < t.length && text[s + p] === t[p]) p++;
  let q = 0;
  while (q < e - s - p && q < t.length - p && text[e - 1 - q] === t[t.length - 1 - q]) q++;
  let s2 = s + p;
  let e2 = e - q;
  // Never split the units of one character reference (an astral character, a multi-unit entity).
  while (s2 > s && s2 < text.length && sameUnit(m, s2 - 1, s2)) s2--;
  while (e2 < e && e2 > 0 && sameUnit(m, e2 - 1, e2)) e2++;
  // Then widen it again, within the edit, over source copied as it is: the whole replaced word
  // is written (and shown), not the few letters that differ (`Rechan` → `Recean`, not `h` → `e`);
  // markup, a character reference or an escape next to the change stays as it was.
  const verbatim = (k: number) => m.end[k] - m.start[k] === 1;
  while (s2 > s && verbatim(s2 - 1) && (s2 === e2 || m.end[s2 - 1] === m.start[s2])) s2--;
  while (e2 < e && verbatim(e2) && (e2 === s2 || m.start[e2] === m.end[e2 - 1])) e2++;
  t = t.slice(s2 - s, t.length - (e - e2));
  if (e2 === s2) {
    if (t === '') return null;
    const before = s2 > 0 && !isSynthetic(m, s2 - 1);
    const after = s2 < text.length && !isSynthetic(m, s2);
    if (!before && !after) return null;
    const at = before ? m.end[s2 - 1] : m.start[s2];
    return { start: at, end: at, text: m.encode(t, before ? s2 - 1 : s2) };
  }
  for (let i = s2; i < e2; i++) {
    if (isSynthetic(m, i)) return null;
    if (i > s2 && m.start[i] !== m.end[i - 1] && !sameUnit(m, i - 1, i)) return null;
  }
  return { start: m.start[s2], end: m.end[e2 - 1], text: m.encode(t, s2) };
}

/** Of the blocks with exactly the deleted text: the outermost standing on lines of its own, else the innermost. */
function pickBlock(candidates: Block[], source: string): Block | undefined {
  if (candidates.length === 0) return undefined;
  const bySize = [...candidates].sort((a, b) => b.se - b.ss - (a.se - a.ss));
  return bySize.find((b) => ownLines(source, b)) ?? bySize[bySize.length - 1];
}

function lineStartOf(source: string, at: number): number {
  let i = at;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(source: string, at: number): number {
  let i = at;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  return i;
}

function ownLines(source: string, b: Block): boolean {
  return source.slice(lineStartOf(source, b.ss), b.ss).trim() === '' && source.slice(b.se, lineEndOf(source, b.se)).trim() === '';
}

/**
 * Like the boilerplate kind's line deletion: the block's lines with their line break; and the
 * blank lines after them too when a blank line (or the file's start) comes before, so that the
 * blocks around keep one blank line between them — never joined (a list item's blank line taken,
 * the paragraph after it would become part of the list). At the end: the line breaks before.
 */
function deleteBlock(source: string, b: Block): Edit {
  if (!ownLines(source, b)) return { start: b.ss, end: b.se, text: '' };
  const first = lineStartOf(source, b.ss);
  const last = lineEndOf(source, b.se);
  const nextContent = source.slice(last).search(/\S/);
  if (nextContent >= 0) {
    const nextLine = lineStartOf(source, last + nextContent);
    const afterBlank = source.slice(0, first).trim() === '' || /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)[ \t]*$/.test(source.slice(0, first));
    return { start: first, end: afterBlank ? nextLine : lineAfter(source, last), text: '' };
  }
  const before = source.slice(0, first).search(/\S\s*$/);
  if (before >= 0) return { start: lineEndOf(source, before), end: last, text: '' };
  return { start: first, end: last, text: '' };
}

/** The start of the line after the line break at `at` (CRLF, CR or LF). */
function lineAfter(source: string, at: number): number {
  return source.startsWith('\r\n', at) ? at + 2 : at + 1;
}

// ---------------------------------------------------------------------------------------------
// Encoders: replacement text as the source syntax needs it.

export const encodeHtml = (text: string): string => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
export const encodeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<]/g, '\\$&');
export const encodeJsonString = (text: string): string => JSON.stringify(text).slice(1, -1);

/** Several maps into one source, read one after another with a blank line between them. */
export function concatMaps(parts: readonly SourceMap[], origin: number): SourceMap {
  const texts: string[] = [];
  const offsets: number[] = [];
  let n = 0;
  parts.forEach((p, k) => {
    if (k > 0) n += 2;
    offsets.push(n);
    n += p.text.length;
  });
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  parts.forEach((p, k) => {
    const at = offsets[k];
    if (k > 0) {
      const prev = parts[k - 1];
      const point = pointAt(prev, prev.text.length);
      start[at - 2] = start[at - 1] = end[at - 2] = end[at - 1] = point;
      texts.push('\n\n');
    }
    texts.push(p.text);
    start.set(p.start, at);
    end.set(p.end, at);
  });
  const partAt = (i: number) => {
    let k = parts.length - 1;
    while (k > 0 && offsets[k] > i) k--;
    return k;
  };
  return {
    text: texts.join(''),
    start,
    end,
    origin: parts.length > 0 ? parts[0].origin : origin,
    encode: (text, at) => {
      const k = partAt(at);
      return parts[k].encode(text, Math.max(0, Math.min(at - offsets[k], parts[k].text.length - 1)));
    },
  };
}
