// The articles the machine-translation likelihood learns from and is measured on, read from the
// shared development data by path (never copied): every WMT21 system's English output of each
// document beside the professional references of the same document (seven source languages),
// original English news (clean-english-dev, the BBC year), and newstest2020 zh→en (another year:
// eight systems and two human translations) kept only for measurement.
//
// Where a file has no document ids (cs, de, ha, zh → en) its lines are still in document order:
// runs of BLOCK consecutive segments stand in for documents, so that a split never puts a
// document's segments on both sides.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTsv, type Row } from './tsv.js';

export interface LabelledArticle {
  /** Source-language pair (`de-en`), `en` for original English, `zh-en-2020` for the other year. */
  pair: string;
  /** Document key within the pair: the same for its MT outputs and its references. */
  doc: string;
  /** System name, `ref_A`/`ref_B`, or `original`. */
  system: string;
  /** 1: machine-translated; 0: written or translated by people. */
  mt: 0 | 1;
  /** What kind of human text: `reference` (a professional translation) or `original` English. */
  human?: 'reference' | 'original';
  text: string;
}

/** Segments standing in for one document where the files carry no document ids. */
export const BLOCK = 12;

export const WMT21_PAIRS = ['cs-en', 'de-en', 'ha-en', 'is-en', 'ja-en', 'ru-en', 'zh-en'];

function pairFiles(data: string, pair: string): { refs: string; hyps: string } {
  const dir = pair === 'ru-en' ? join(data, 'mt-dev') : join(data, 'mt-dev', 'wmt21-x-en');
  return { refs: join(dir, `newstest2021.${pair}.refs.tsv`), hyps: join(dir, `newstest2021.${pair}.hyps.tsv`) };
}

const docKey = (r: Row) => (r.doc_id ? r.doc_id : `block${Math.floor((Number(r.seg_id) - 1) / BLOCK)}`);

/** Joins rows grouped by key (first-seen order) into articles, segments as paragraphs. */
function group(rows: Row[], key: (r: Row) => string, col: string): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const v = (r[col] ?? '').trim();
    if (!v) continue;
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return new Map([...out].map(([k, v]) => [k, v.join('\n\n')]));
}

/** One WMT21 pair: every system's output per document, and each reference. */
export function readPair(data: string, pair: string): LabelledArticle[] {
  const { refs, hyps } = pairFiles(data, pair);
  const out: LabelledArticle[] = [];
  const refRows = readTsv(refs);
  for (const col of ['ref_A', 'ref_B']) {
    if (!(col in refRows[0])) continue;
    for (const [doc, text] of group(refRows, docKey, col)) out.push({ pair, doc, system: col, mt: 0, human: 'reference', text });
  }
  const hypRows = readTsv(hyps);
  const systems = [...new Set(hypRows.map((r) => r.system))];
  for (const system of systems) {
    const rows = hypRows.filter((r) => r.system === system);
    for (const [doc, text] of group(rows, docKey, 'hyp')) out.push({ pair, doc, system, mt: 1, text });
  }
  return out;
}

/** Original English news: clean-english-dev documents and the BBC year's articles. */
export function readOriginal(data: string): LabelledArticle[] {
  const out: LabelledArticle[] = [];
  const dev = join(data, 'clean-english-dev', 'newstest2021.en-X.refs.tsv');
  for (const [doc, text] of group(readTsv(dev), (r) => r.doc_id, 'src')) out.push({ pair: 'en-dev', doc, system: 'original', mt: 0, human: 'original', text });
  for (const a of readBbc(data)) out.push({ pair: 'en-bbc', doc: a.id, system: 'original', mt: 0, human: 'original', text: a.text });
  return out;
}

export function readBbc(data: string): { id: string; text: string }[] {
  const file = join(data, 'clean-english-bbc', 'bbc-news-2004-2005.ndjson');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string });
}

/** newstest2020 zh→en with MQM: eight systems and two human translations of the same documents (another year; measurement only). */
export function readYear2020(data: string): LabelledArticle[] {
  const rows = readTsv(join(data, 'mt-dev', 'newstest2020_zhen.segments.tsv'));
  const out: LabelledArticle[] = [];
  const systems = [...new Set(rows.map((r) => r.system))];
  for (const system of systems) {
    const mine = rows.filter((r) => r.system === system);
    const human = mine[0].is_human_ref === 'yes';
    for (const [doc, text] of group(mine, (r) => r.doc, 'target')) out.push({ pair: 'zh-en-2020', doc, system, mt: human ? 0 : 1, human: human ? 'reference' : undefined, text });
  }
  return out;
}

/** Everything the model may learn from (WMT21 pairs and original English). */
export function readTraining(data: string): LabelledArticle[] {
  return [...WMT21_PAIRS.flatMap((p) => readPair(data, p)), ...readOriginal(data)];
}

/** A stable hash of a string in [0, 1), for splits that do not depend on order. */
export function unit(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}
