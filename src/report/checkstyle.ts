// The checkstyle format: Checkstyle 4.3 XML, a <file> per input and an <error> per finding
// (line, column, severity, message, source = rule id), as CI dashboards and reviewdog read it;
// a file that could not be read is an error with source `mtlint.file-error`.

import { locate, type Formatter } from './result.js';
import { xmlEscape } from './xml.js';

export const checkstyle: Formatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const r of results) {
    out += `  <file name="${xmlEscape(r.path)}">\n`;
    // A file error as an error of its own (checkstyle has no other element that CI tools read).
    for (const e of r.errors ?? []) {
      out += `    <error line="${e.line ?? 1}" column="${e.column ?? 1}" severity="error" message="${xmlEscape(e.message)}" source="mtlint.file-error"/>\n`;
    }
    for (const f of locate(r)) {
      const where = f.article !== undefined ? ` [${f.article}]` : '';
      out += `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xmlEscape(f.message + where)}" source="${xmlEscape(f.ruleId)}"/>\n`;
    }
    out += '  </file>\n';
  }
  return out + '</checkstyle>\n';
};
