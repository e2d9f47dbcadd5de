// The audit's records as plain data: one per article, one per source and one for all sources.
// The CSV, NDJSON and JSON formats print these same fields (README: "Audit output columns").

import { BANDS, KINDS } from '../score.js';
import { SCORE_BIN_LABELS, type ArticleRow, type Rollup } from '../rollup.js';

export interface ArticleRecord {
  type: 'article';
  source: string;
  id: string;
  title: string;
  date: string;
  band: string;
  score: number;
  mtLikelihood: number;
  words: number;
  findings: number;
  kinds: Record<string, number>;
}

export interface SourceRecord {
  type: 'source' | 'total';
  source: string;
  articles: number;
  words: number;
  findings: number;
  meanScore: number;
  meanMtLikelihood: number;
  bands: Record<string, number>;
  shares: Record<string, number>;
  kinds: Record<string, number>;
  topKinds: string[];
  histogram: Record<string, number>;
  worst: { id: string; title: string; score: number; band: string }[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r2 = (x: number) => Math.round(x * 100) / 100;

export function articleRecord(r: ArticleRow): ArticleRecord {
  return { type: 'article', source: r.source, id: r.id, title: r.title, date: r.date, band: r.band, score: r.score, mtLikelihood: r.mt, words: r.words, findings: r.findings, kinds: { ...r.kinds } };
}

export function sourceRecord(s: Rollup, type: 'source' | 'total' = 'source'): SourceRecord {
  return {
    type,
    source: s.name,
    articles: s.articles,
    words: s.words,
    findings: s.findings,
    meanScore: r2(s.meanScore),
    meanMtLikelihood: r3(s.meanMt),
    bands: { ...s.bands },
    shares: Object.fromEntries(BANDS.map((b) => [b, r3(s.share(b))])),
    kinds: { ...s.kinds },
    topKinds: s.dominantKinds(),
    histogram: Object.fromEntries(SCORE_BIN_LABELS.map((l, i) => [l, s.histogram[i]])),
    worst: s.worst.list().map((w) => ({ id: w.id, title: w.title, score: w.score, band: w.band })),
  };
}

/** CSV columns, in order (stable: new columns are only ever added at the end). */
export const CSV_COLUMNS = [
  'record',
  'source',
  'id',
  'title',
  'date',
  'band',
  'score',
  'mt_likelihood',
  'words',
  'findings',
  ...KINDS,
  'articles',
  'clean_share',
  'review_share',
  'hold_share',
  'top_kinds',
] as const;
