// --format ndjson: a line per article as it is checked ({"type":"article",…}), then a line per
// source ({"type":"source",…}) and one for all sources ({"type":"total",…}).

import type { ArticleRow, AuditSummary } from '../rollup.js';
import { articleRecord, sourceRecord } from './records.js';

export const ndjson = {
  start: (): string => '',
  article: (r: ArticleRow): string => JSON.stringify(articleRecord(r)) + '\n',
  end: (s: AuditSummary): string => [...s.sources.map((x) => sourceRecord(x)), sourceRecord(s.total, 'total')].map((x) => JSON.stringify(x) + '\n').join(''),
};
