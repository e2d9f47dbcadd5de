// NDJSON input: one JSON object per line, `{"id": …, "text": "…"}`; each record is one article.
// The `text` string is decoded for checking and every decoded unit mapped back to its escape in
// the line (`\n`, `\"`, `\u00e9`), so fixes are written back as JSON string content.
//
//   {"id":"a1","text":"Lavrov said the Moscow holder\n…"}
//                                 ^^^^^^^^^^^^^^^^^ line 1, column 31

import { createRequire } from 'node:module';
import type { Node } from 'jsonc-parser';
import { UsageError } from '../../engine/errors.js';
import { encodeJsonString, MapBuilder, type SourceMap } from '../mapping.js';
import type { Article, ParsedSource } from './types.js';

export interface NdjsonRecord {
  id: string;
  /** The `text` string's map into the line's source (offsets relative to `base`). */
  map: SourceMap;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The record on one line (without its line break), offsets shifted by `base`; null for a blank
 * line. Throws a one-line error naming `path:lineNo` for anything that is not a record.
 */
/** jsonc-parser, required on the first record. */
let jsonc: typeof import('jsonc-parser') | undefined;

export function parseRecord(line: string, base: number, path: string, lineNo: number): NdjsonRecord | null {
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
  const { id, text } = value as Record<string, unknown>;
  if (typeof text !== 'string') fail('expected a string "text"');
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') fail('"id" must be a string or a number');
  const { parseTree } = (jsonc ??= createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser'));
  const tree = parseTree(line);
  // JSON.parse keeps the last of duplicate keys; so does this.
  const prop = [...(tree?.children ?? [])].reverse().find((p) => p.children?.[0]?.value === 'text');
  const node = prop?.children?.[1] as Node;
  const map = decodeJsonString(line, node.offset + 1, node.offset + node.length - 1, base);
  return { id: id === undefined ? `line ${lineNo}` : String(id), map };
}

/** The JSON string content line[from, to) decoded, each unit mapped to its escape (offsets + base). */
function decodeJsonString(line: string, from: number, to: number, base: number): SourceMap {
  const b = new MapBuilder();
  let j = from;
  while (j < to) {
    const c = line[j];
    if (c === '\\') {
      const e = line[j + 1];
      if (e === 'u') {
        b.decoded(String.fromCharCode(parseInt(line.slice(j + 2, j + 6), 16)), base + j, base + j + 6);
        j += 6;
      } else {
        b.decoded(ESCAPES[e] ?? e, base + j, base + j + 2);
        j += 2;
      }
    } else {
      let stop = j + 1;
      while (stop < to && line[stop] !== '\\') stop++;
      b.copy(line, j, stop, base);
      j = stop;
    }
  }
  return b.build(base + from, encodeJsonString);
}

/** A whole NDJSON file: one article per record. */
export function parseNdjson(source: string, path: string): ParsedSource {
  const articles: Article[] = [];
  const re = /\r\n|\n|\r/g;
  let from = 0;
  let lineNo = 1;
  for (;;) {
    const m = re.exec(source);
    const end = m ? m.index : source.length;
    const rec = parseRecord(source.slice(from, end), from, path, lineNo);
    if (rec) articles.push({ id: rec.id, map: rec.map, blocks: [] });
    if (!m) break;
    from = m.index + m[0].length;
    lineNo++;
  }
  return { articles, directives: [] };
}
