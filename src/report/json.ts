// The json format: {"version":1,"files":[{"path","findings":[…]}]}, offsets into the decoded
// text (BOM excluded), line/column 1-based. Documented in the README.

import { locate, type Formatter } from './result.js';

export const json: Formatter = (results) =>
  JSON.stringify({
    version: 1,
    files: results.map((r) => ({
      path: r.path,
      findings: locate(r).map((f) => ({
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
      })),
    })),
  }) + '\n';
