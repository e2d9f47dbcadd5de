// NDJSON input: one JSON object per line, `{"id": …, "text": "…"}`; each record is one article.
// A record may carry its original, `"source": "…"` (and `"source_lang"`), for the source-aware rules.
// The `text` string is decoded for checking and every decoded unit mapped back to its escape in
// the line (`\n`, `\"`, `\u00e9`), so fixes are written back as JSON string content.
//
//   {"id":"a1","text":"Lavrov said the Moscow holder\n…"}
//                                 ^^^^^^^^^^^^^^^^^ line 1, column 31

import { UsageError } from '../../engine/errors.js';
import type { Bilingual } from '../../source/context.js';
import { encodeJsonString, type SourceMap } from '../mapping.js';
import type { Article, InputError, ParsedSource } from './types.js';

export interface NdjsonRecord {
  id: string;
  /** The `text` string's map into the line's source (offsets relative to `base`). */
  map: SourceMap;
  /** The record's `source` (its original) and `source_lang`, if it has them. */
  bilingual?: Bilingual;
}

/**
 * The record on one line (without its line break), offsets shifted by `base`; null for a blank
 * line. Throws a one-line error naming `path:lineNo` for anything that is not a record.
 */
export function parseRecord(line: string, base: number, path: string, lineNo: number): NdjsonRecord | null {
  const rec = readRecord(line, path, lineNo);
  if (!rec) return null;
  const [from, to] = textValue(line);
  const map = jsonStringMap(rec.text, line, from + 1, to - 1, base);
  const out: NdjsonRecord = { id: rec.id, map };
  const { source, source_lang: sourceLang } = rec.value;
  if (typeof source === 'string') out.bilingual = { original: source, ...(typeof sourceLang === 'string' ? { sourceLang } : {}) };
  return out;
}

/**
 * The record on one line, read but not mapped: its id, its decoded `text` and the whole parsed
 * object (for readers that want other fields, e.g. the audit's source and date); null for a blank
 * line. Throws as parseRecord does.
 */
export function readRecord(line: string, path: string, lineNo: number): { id: string; text: string; value: Record<string, unknown> } | null {
  if (line.trim() === '') return null;
  const fail = (msg: string): never => {
    throw new UsageError(`${path}:${lineNo}: ${msg}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    fail(`not valid JSON (${(e as Error).message.replace(/\s+in JSON at position.*$/, '').replace(/\n[\s\S]*/, '')})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('expected an object {"id": …, "text": "…"}');
  const { id, text, source, source_lang: sourceLang } = value as Record<string, unknown>;
  if (typeof text !== 'string') fail('expected a string "text"');
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') fail('"id" must be a string or a number');
  if (source !== undefined && typeof source !== 'string') fail('"source" must be a string');
  if (sourceLang !== undefined && typeof sourceLang !== 'string') fail('"source_lang" must be a string');
  return { id: id === undefined ? `line ${lineNo}` : String(id), text: text as string, value: value as Record<string, unknown> };
}

// A skimmer for a line JSON.parse has accepted: where its top-level "text" value is, without
// parsing the line a second time into a tree.

/** [start, end) of the top-level "text" value (with its quotes); the last one, as JSON.parse keeps the last of duplicate keys. */
export function textValue(line: string): [number, number] {
  let found: [number, number] = [-1, -1];
  let i = skipSpace(line, skipSpace(line, 0) + 1);
  while (line.charCodeAt(i) === 0x22) {
    const keyEnd = stringEnd(line, i);
    const key = line.slice(i, keyEnd);
    const isText = key === '"text"' || (key.includes('\\') && JSON.parse(key) === 'text');
    const start = skipSpace(line, skipSpace(line, keyEnd) + 1);
    const end = valueEnd(line, start);
    if (isText) found = [start, end];
    i = skipSpace(line, end);
    if (line.charCodeAt(i) === 0x2c) i = skipSpace(line, i + 1);
  }
  return found;
}

function skipSpace(s: string, i: number): number {
  for (let c = s.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = s.charCodeAt(++i));
  return i;
}

/** After the string starting at s[i] (a quote). */
function stringEnd(s: string, i: number): number {
  for (let j = i + 1; ; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
}

/** After the value starting at s[i]. */
function valueEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x22) return stringEnd(s, i);
  if (c === 0x7b || c === 0x5b) {
    for (let j = i, depth = 0; ; ) {
      const d = s.charCodeAt(j);
      if (d === 0x22) {
        j = stringEnd(s, j);
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
      j++;
    }
  }
  // A number, true, false or null.
  let j = i;
  for (let d = s.charCodeAt(j); j < s.length && d !== 0x2c && d !== 0x7d && d !== 0x5d && d !== 0x20 && d !== 0x09 && d !== 0x0a && d !== 0x0d; d = s.charCodeAt(++j));
  return j;
}

/**
 * The map of JSON string content line[from, to), whose decoded value (`text`, from JSON.parse) has
 * one unit per unit of the source or per escape (`\n`, `\"`, `\u00e9`: each decodes to exactly one
 * unit): each unit mapped to its source unit or its whole escape (offsets + base).
 */
function jsonStringMap(text: string, line: string, from: number, to: number, base: number): SourceMap {
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  let k = 0;
  for (let j = from; j < to; k++) {
    const width = line.charCodeAt(j) !== 0x5c ? 1 : line.charCodeAt(j + 1) === 0x75 ? 6 : 2;
    start[k] = base + j;
    end[k] = base + j + width;
    j += width;
  }
  return { text, start, end, origin: base + from, encode: encodeJsonString };
}

/**
 * A whole NDJSON file: one article per record. A line that is not a record throws, or, when
 * `onError` is given, is told to it and skipped (the other records are still read).
 */
export function parseNdjson(source: string, path: string, onError?: (e: InputError) => void): ParsedSource {
  const articles: Article[] = [];
  const re = /\r\n|\n|\r/g;
  let from = 0;
  let lineNo = 1;
  for (;;) {
    const m = re.exec(source);
    const end = m ? m.index : source.length;
    let rec: NdjsonRecord | null = null;
    try {
      rec = parseRecord(source.slice(from, end), from, path, lineNo);
    } catch (e) {
      if (!onError || !(e instanceof UsageError)) throw e;
      onError({ line: lineNo, message: e.message.slice(`${path}:${lineNo}: `.length) });
    }
    if (rec) articles.push({ id: rec.id, line: lineNo, map: rec.map, blocks: [], ...(rec.bilingual ? { bilingual: rec.bilingual } : {}) });
    if (!m) break;
    from = m.index + m[0].length;
    lineNo++;
  }
  return { articles, directives: [] };
}
