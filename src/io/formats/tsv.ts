// Tab-separated bilingual files: a header row names the columns; each row is one unit, its target
// cell checked (and fixed in place), its source cell beside it. The columns are found by name —
// source: `source`, `src`, `original`; target: `target`, `tgt`, `translation`, `text`, `mt`, `hyp`
// (case ignored) — or named with --source-column / --target-column. Rows with the same `doc`,
// `doc_id` or `document` are one article (else the file is one); an `id` or `seg_id` names the
// unit; `source_lang`, `src_lang` or `srclang` gives the source language. A cell in double quotes
// ("…", with "" for a quote, as spreadsheets write them) is read without the quotes.
//
//   source<TAB>target
//   Лавров заявил<TAB>Lavor said
//                     ^^^^^ source/misspelled-name

import { UsageError } from '../../engine/errors.js';
import { MapBuilder, type SourceMap } from '../mapping.js';
import { unitsArticle, type Unit } from './bilingual.js';
import type { Article, ParsedSource } from './types.js';

export interface TsvColumns {
  source?: string;
  target?: string;
}

const SOURCE_NAMES = ['source', 'src', 'original'];
const TARGET_NAMES = ['target', 'tgt', 'translation', 'text', 'mt', 'hyp'];
const DOC_NAMES = ['doc', 'doc_id', 'document'];
const ID_NAMES = ['id', 'seg_id', 'segment', 'tuid'];
const LANG_NAMES = ['source_lang', 'src_lang', 'srclang', 'source_language'];

/** Cells of one line: [start, end) of each, tab-separated. */
function cells(line: string, base: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (;;) {
    const tab = line.indexOf('\t', from);
    out.push([base + from, base + (tab < 0 ? line.length : tab)]);
    if (tab < 0) return out;
    from = tab + 1;
  }
}

/** A cell's value, mapped: quoted cells without their quotes, "" read as ". */
function cellMap(source: string, from: number, to: number): SourceMap {
  const b = new MapBuilder();
  const quoted = to - from >= 2 && source[from] === '"' && source[to - 1] === '"';
  if (!quoted) {
    b.copy(source, from, to);
    // A tab or line break would break the row: written as a space.
    return b.build(from, (text) => text.replace(/[\t\r\n]+/g, ' '));
  }
  for (let i = from + 1; i < to - 1; ) {
    if (source[i] === '"' && source[i + 1] === '"') {
      b.decoded('"', i, i + 2);
      i += 2;
    } else {
      b.copy(source, i, i + 1);
      i++;
    }
  }
  return b.build(from + 1, (text) => text.replace(/"/g, '""').replace(/[\t\r\n]+/g, ' '));
}

export function parseTsv(source: string, path: string, columns: TsvColumns = {}): ParsedSource {
  const lines: [number, number][] = [];
  const re = /\r\n|\n|\r/g;
  let from = 0;
  for (;;) {
    const m = re.exec(source);
    const end = m ? m.index : source.length;
    if (end > from || m) lines.push([from, end]);
    if (!m) break;
    from = m.index + m[0].length;
  }
  const nonEmpty = lines.map(([a, b], i) => [a, b, i + 1] as const).filter(([a, b]) => source.slice(a, b).trim() !== '');
  if (nonEmpty.length === 0) return { articles: [], directives: [] };
  const [hs, he] = nonEmpty[0];
  const header = source
    .slice(hs, he)
    .split('\t')
    .map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const find = (names: string[], chosen?: string, what?: string): number => {
    if (chosen !== undefined) {
      const i = header.indexOf(chosen.toLowerCase());
      if (i < 0) throw new UsageError(`${path}:1: no column named "${chosen}" (the header has ${header.join(', ')})`);
      return i;
    }
    const i = header.findIndex((h) => names.includes(h));
    if (i < 0 && what) throw new UsageError(`${path}:1: no ${what} column (name one ${names.join(', ')}, or give --${what}-column; the header has ${header.join(', ')})`);
    return i;
  };
  const src = find(SOURCE_NAMES, columns.source, 'source');
  const tgt = find(TARGET_NAMES, columns.target, 'target');
  const doc = find(DOC_NAMES);
  const id = find(ID_NAMES);
  const lang = find(LANG_NAMES);
  const byDoc = new Map<string, { units: Unit[]; lang?: string }>();
  nonEmpty.slice(1).forEach(([a, b, lineNo]) => {
    const line = source.slice(a, b);
    const cs = cells(line, a);
    const value = (k: number) => (k >= 0 && cs[k] ? cellMap(source, cs[k][0], cs[k][1]).text : '');
    if (!cs[src] || !cs[tgt]) throw new UsageError(`${path}:${lineNo}: expected ${Math.max(src, tgt) + 1} tab-separated cells, found ${cs.length}`);
    const key = value(doc);
    let group = byDoc.get(key);
    if (!group) byDoc.set(key, (group = { units: [] }));
    group.lang ??= value(lang) || undefined;
    group.units.push({ id: value(id) || `line ${lineNo}`, source: value(src), target: cellMap(source, cs[tgt][0], cs[tgt][1]), at: cs[tgt][0] });
  });
  const articles: Article[] = [...byDoc].map(([key, g]) => unitsArticle(g.units, g.lang, doc >= 0 ? key : undefined, 0));
  return { articles, directives: [] };
}
