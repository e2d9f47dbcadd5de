// The json format: {"version":1,"files":[{"path","findings":[…]}]}, offsets into the decoded
// text (BOM excluded), line/column 1-based; `article` names the feed item or NDJSON record;
// `errors` ({message, line?}) lists what could not be read or written.
// Documented in the README.

import { locate, type Formatter, type Located } from './result.js';
import { spinnerDensity } from './density.js';

/** One finding as the json and ndjson formats print it. */
export function findingJson(f: Located): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    kind: f.kind,
    severity: f.severity,
    confidence: f.confidence,
    start: f.start,
    end: f.end,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    text: f.text,
    message: f.message,
    fix: f.fix ? { start: f.fix.start, end: f.fix.end, text: f.fix.text } : null,
    suggestions: f.suggestions.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    ...(f.article !== undefined ? { article: f.article } : {}),
  };
}

export const json: Formatter = (results) =>
  JSON.stringify({
    version: 1,
    files: results.map((r) => {
      const spinner = spinnerDensity(r);
      return { path: r.path, ...(r.errors?.length ? { errors: r.errors } : {}), findings: locate(r).map(findingJson), ...(spinner ? { spinner } : {}) };
    }),
  }) + '\n';
