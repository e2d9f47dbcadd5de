// Reading the shared evaluation data: TSV files with a header row, grouped into articles by a
// document-id column (segments of one document are checked together, one paragraph each).

import { readFileSync } from 'node:fs';

export type Row = Record<string, string>;

export function readTsv(path: string): Row[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split('\n');
  const cols = header.replace(/\r$/, '').split('\t');
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cells = l.replace(/\r$/, '').split('\t');
      return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
    });
}

export interface Article {
  id: string;
  text: string;
  /** Offset of each segment in `text`, in the order of the rows. */
  segments: { row: Row; start: number; end: number }[];
}

/** Groups rows by `docCol` (keeping first-seen order) and joins `textCol` with blank lines. */
export function articles(rows: Row[], docCol: string, textCol: string): Article[] {
  const byDoc = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byDoc.get(r[docCol]);
    if (list) list.push(r);
    else byDoc.set(r[docCol], [r]);
  }
  return [...byDoc].map(([id, docRows]) => {
    let text = '';
    const segments = docRows.map((row) => {
      if (text) text += '\n\n';
      const start = text.length;
      text += row[textCol];
      return { row, start, end: text.length };
    });
    return { id, text, segments };
  });
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
