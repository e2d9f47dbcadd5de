// --format csv: one row per article as it is checked, then one per source and one for all
// sources (the `record` column tells which), RFC 4180 quoting, columns in CSV_COLUMNS order.

import { KINDS } from '../score.js';
import type { ArticleRow, AuditSummary, Rollup } from '../rollup.js';
import { CSV_COLUMNS } from './records.js';

/** A field quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with ' (spreadsheet formula injection). */
export function csvField(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: (string | number)[]) => cells.map(csvField).join(',') + '\r\n';

export const csv = {
  start: (): string => line([...CSV_COLUMNS]),
  article: (r: ArticleRow): string =>
    line(['article', r.source, r.id, r.title, r.date, r.band, r.score, r.mt, r.words, r.findings, ...KINDS.map((k) => r.kinds[k]), '', '', '', '', KINDS.filter((k) => r.kinds[k] > 0).join(' ')]),
  end: (s: AuditSummary): string => [...s.sources.map((x) => rollupLine('source', x)), rollupLine('total', s.total)].join(''),
};

function rollupLine(record: string, s: Rollup): string {
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return line([
    record,
    s.name,
    '',
    '',
    '',
    '',
    Math.round(s.meanScore * 100) / 100,
    r3(s.meanMt),
    s.words,
    s.findings,
    ...KINDS.map((k) => s.kinds[k]),
    s.articles,
    r3(s.share('clean')),
    r3(s.share('review')),
    r3(s.share('hold')),
    s.dominantKinds().join(' '),
  ]);
}
