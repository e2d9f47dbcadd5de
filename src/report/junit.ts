// The junit format: JUnit XML as CI test reports read it — a <testsuite> per file, a failing
// <testcase> per finding (name = rule id), and one passing <testcase> for a file without findings;
// a file that could not be read (or a line of it) is a <testcase> with an <error>.

import { errorPlace, locate, type Formatter } from './result.js';
import { cdata, xmlEscape } from './xml.js';

export const junit: Formatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n';
  const errorsOf = (r: (typeof results)[number]) => r.errors ?? [];
  const total = results.reduce((n, r) => n + Math.max(1, r.findings.length + errorsOf(r).length), 0);
  const failures = results.reduce((n, r) => n + r.findings.length, 0);
  const errors = results.reduce((n, r) => n + errorsOf(r).length, 0);
  out += `<testsuites name="mtlint" tests="${total}" failures="${failures}" errors="${errors}">\n`;
  for (const r of results) {
    const findings = locate(r);
    const path = xmlEscape(r.path);
    const errs = errorsOf(r);
    out += `  <testsuite name="${path}" tests="${Math.max(1, findings.length + errs.length)}" failures="${findings.length}" errors="${errs.length}" skipped="0">\n`;
    for (const e of errs) {
      out += `    <testcase classname="${path}" name="${xmlEscape(e.line !== undefined ? `read line ${e.line}` : 'read')}">\n`;
      out += `      <error type="file error" message="${xmlEscape(e.message)}">${cdata(`${errorPlace(r.path, e)}: ${e.message}`)}</error>\n`;
      out += '    </testcase>\n';
    }
    if (findings.length === 0 && errs.length === 0) out += `    <testcase classname="${path}" name="mtlint"/>\n`;
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
