// --format json: one object, written as it goes so that memory stays bounded —
// {"thresholds": …, "articles": [ … ], "sources": [ … ], "total": { … }}.

import type { Thresholds } from '../score.js';
import type { ArticleRow, AuditSummary } from '../rollup.js';
import { articleRecord, sourceRecord } from './records.js';

export function json(thresholds: Thresholds) {
  let first = true;
  return {
    start: (): string => `{"thresholds":${JSON.stringify(thresholds)},"articles":[`,
    article: (r: ArticleRow): string => {
      const s = (first ? '\n' : ',\n') + JSON.stringify(articleRecord(r));
      first = false;
      return s;
    },
    end: (s: AuditSummary): string =>
      `\n],"sources":[\n${s.sources.map((x) => JSON.stringify(sourceRecord(x))).join(',\n')}\n],"total":${JSON.stringify(sourceRecord(s.total, 'total'))}}\n`,
  };
}
