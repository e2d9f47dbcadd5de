// The junit format: JUnit XML as CI test reports read it — a <testsuite> per file, a failing
// <testcase> per finding (name = rule id), and one passing <testcase> for a file without findings.

import { locate, type Formatter } from './result.js';
import { cdata, xmlEscape } from './xml.js';

export const junit: Formatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n';
  const total = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = results.reduce((n, r) => n + r.findings.length, 0);
  out += `<testsuites name="mtlint" tests="${total}" failures="${failures}">\n`;
  for (const r of results) {
    const findings = locate(r);
    const path = xmlEscape(r.path);
    out += `  <testsuite name="${path}" tests="${Math.max(1, findings.length)}" failures="${findings.length}" errors="0" skipped="0">\n`;
    if (findings.length === 0) out += `    <testcase classname="${path}" name="mtlint"/>\n`;
    for (const f of findings) {
      const where = `${r.path}:${f.line}:${f.column}`;
      const item = f.article !== undefined ? ` (${f.article})` : '';
      out += `    <testcase classname="${path}" name="${xmlEscape(`${f.ruleId} at ${f.line}:${f.column}${item}`)}">\n`;
      out += `      <failure type="${f.severity}" message="${xmlEscape(f.message)}">${cdata(`${where} ${f.severity} ${f.message} (${f.ruleId})${item}\n${f.text}`)}</failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return out + '</testsuites>\n';
};
