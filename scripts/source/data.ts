// The shared development data with sources, read as bilingual documents for the source-aware
// checks: professional references beside their sources (WMT21 ru, cs, de, ja, zh → en; WMT20
// zh → en, human translations A and B) and the MT output of WMT20 zh → en with its MQM error spans.
// A document is a WMT document (or, where the files carry no document ids, ten lines in order);
// its paragraphs are runs of up to three segments, as news paragraphs have two or three sentences.
// Documents are split in two by their position: the even ones calibrate the length model, the odd
// ones are what is reported (held out from the calibration).

import { join } from 'node:path';
import { readTsv, type Row } from '../tsv.js';

export interface BiParagraph {
  /** Source and target segments (sentences), in order. */
  source: string[];
  target: string[];
  /** MQM error spans of each target segment, UTF-16 offsets into it (MT output only). */
  spans?: { start: number; end: number; category: string }[][];
}

export interface BiDoc {
  /** Set name and document id. */
  id: string;
  lang: string;
  paragraphs: BiParagraph[];
  /** Calibration half (even) or held-out half (odd). */
  half: 'calibrate' | 'report';
}

export interface BiSet {
  name: string;
  lang: string;
  docs: BiDoc[];
  /** MT output with MQM labels (not clean). */
  mqm?: boolean;
}

const PARAGRAPH = 3;
const PSEUDO_DOC = 10;

/** Rows grouped into documents by `docCol`, or into runs of ten rows where it is empty. */
function documents(rows: Row[], docCol: string): Row[][] {
  const out: Row[][] = [];
  let current: Row[] = [];
  let id: string | undefined;
  for (const r of rows) {
    const d = r[docCol] ?? '';
    const boundary = d === '' ? current.length >= PSEUDO_DOC : d !== id;
    if (boundary && current.length > 0) {
      out.push(current);
      current = [];
    }
    id = d;
    current.push(r);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A document's first segment (its headline) stands alone; the rest run in paragraphs of up to three. */
function paragraphs(rows: Row[], src: string, tgt: string, spans?: (r: Row) => BiParagraph['spans'] extends (infer T)[] | undefined ? T : never): BiParagraph[] {
  const out: BiParagraph[] = [];
  const groups = rows.length > 1 ? [rows.slice(0, 1)] : [];
  for (let i = groups.length; i < rows.length; i += PARAGRAPH) groups.push(rows.slice(i, i + PARAGRAPH));
  for (const rowsOf of groups) {
    const group = rowsOf.filter((r) => (r[src] ?? '').trim() !== '' && (r[tgt] ?? '').trim() !== '');
    if (group.length === 0) continue;
    out.push({ source: group.map((r) => r[src].trim()), target: group.map((r) => r[tgt].trim()), ...(spans ? { spans: group.map(spans) } : {}) });
  }
  return out;
}

/** The clean sets: professional references with their sources. */
export function referenceSets(data: string): BiSet[] {
  const sets: BiSet[] = [];
  const add = (name: string, lang: string, file: string, docCol: string, refs: string[]) => {
    const rows = readTsv(join(data, file));
    for (const ref of refs) {
      const docs = documents(rows, docCol).map((d, k): BiDoc => ({ id: `${name} ${ref} ${d[0][docCol] || `lines ${k * PSEUDO_DOC + 1}–`}`, lang, paragraphs: paragraphs(d, 'src', ref), half: k % 2 === 0 ? 'calibrate' : 'report' }));
      sets.push({ name: `${name} ${ref}`, lang, docs });
    }
  };
  add('newstest2021 ru-en', 'ru', 'mt-dev/newstest2021.ru-en.refs.tsv', 'doc_id', ['ref_A', 'ref_B']);
  add('newstest2021 cs-en', 'cs', 'mt-dev/wmt21-x-en/newstest2021.cs-en.refs.tsv', 'doc_id', ['ref_A', 'ref_B']);
  add('newstest2021 de-en', 'de', 'mt-dev/wmt21-x-en/newstest2021.de-en.refs.tsv', 'doc_id', ['ref_A', 'ref_B']);
  add('newstest2021 ja-en', 'ja', 'mt-dev/wmt21-x-en/newstest2021.ja-en.refs.tsv', 'doc_id', ['ref_A']);
  add('newstest2021 zh-en', 'zh', 'mt-dev/wmt21-x-en/newstest2021.zh-en.refs.tsv', 'doc_id', ['ref_A']);
  for (const human of ['Human-A.0', 'Human-B.0']) sets.push(newstest2020(data, human, false));
  return sets;
}

/** WMT20 zh → en: one system's output (or a human translation) beside the sources, with MQM spans. */
export function newstest2020(data: string, system: string, mqm: boolean): BiSet {
  const sources = new Map(readTsv(join(data, 'mt-dev/newstest2020_zhen.sources.tsv')).map((r) => [r.seg_id, r.source]));
  const rows = readTsv(join(data, 'mt-dev/newstest2020_zhen.segments.tsv')).filter((r) => r.system === system);
  for (const r of rows) r.src = sources.get(r.seg_id) ?? '';
  const docs = documents(rows, 'doc').map((d, k): BiDoc => ({
    id: `newstest2020 zh-en ${system} ${d[0].doc}`,
    lang: 'zh',
    paragraphs: paragraphs(d, 'src', 'target', (r) => errorSpans(r.target, r.errors_json)),
    half: k % 2 === 0 ? 'calibrate' : 'report',
  }));
  return { name: `newstest2020 zh-en ${system.replace(/\.\d+$/, '')}`, lang: 'zh', docs, mqm };
}

/** MQM systems of WMT20 zh → en (not the human translations). */
export function mqmSystems(data: string): string[] {
  const systems = new Set(readTsv(join(data, 'mt-dev/newstest2020_zhen.segments.tsv')).filter((r) => r.is_human_ref === 'no').map((r) => r.system));
  return [...systems].sort();
}

/** Error spans of one segment in UTF-16 offsets (MQM offsets count code points). */
function errorSpans(target: string, json: string): { start: number; end: number; category: string }[] {
  let errors: unknown[][];
  try {
    errors = JSON.parse(json) as unknown[][];
  } catch {
    return [];
  }
  const units: number[] = [];
  let unit = 0;
  for (const ch of target) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  const at = (cp: number) => units[Math.min(Math.max(cp, 0), units.length - 1)];
  const out: { start: number; end: number; category: string }[] = [];
  for (const e of errors) {
    const [, category, , side, start, end, kind] = e as [string, string, string, string, number, number, string];
    if (side !== 'target' || (kind !== 'exact' && kind !== 'mapped') || typeof start !== 'number' || typeof end !== 'number' || end <= start) continue;
    out.push({ start: at(start), end: at(end), category });
  }
  return out;
}

/** A document as the checks see it: the target text (paragraphs joined by blank lines) and a unit per paragraph. */
export function render(doc: BiDoc): { text: string; units: { source: string; start: number; end: number }[]; offsets: number[][] } {
  let text = '';
  const units: { source: string; start: number; end: number }[] = [];
  const offsets: number[][] = [];
  for (const p of doc.paragraphs) {
    if (text) text += '\n\n';
    const start = text.length;
    const segStarts: number[] = [];
    p.target.forEach((t, i) => {
      if (i > 0) text += ' ';
      segStarts.push(text.length);
      text += t;
    });
    // Source sentences one per line: a headline without a full stop does not run into the next sentence.
    units.push({ source: p.source.join('\n'), start, end: text.length });
    offsets.push(segStarts);
  }
  return { text, units, offsets };
}
