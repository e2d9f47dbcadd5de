// The checkstyle format: Checkstyle 4.3 XML, a <file> per input and an <error> per finding
// (line, column, severity, message, source = rule id), as CI dashboards and reviewdog read it.

import { locate, type Formatter } from './result.js';
import { xmlEscape } from './xml.js';

export const checkstyle: Formatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const r of results) {
    out += `  <file name="${xmlEscape(r.path)}">\n`;
    for (const f of locate(r)) {
      const where = f.article !== undefined ? ` [${f.article}]` : '';
      out += `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xmlEscape(f.message + where)}" source="${xmlEscape(f.ruleId)}"/>\n`;
    }
    out += '  </file>\n';
  }
  return out + '</checkstyle>\n';
};
