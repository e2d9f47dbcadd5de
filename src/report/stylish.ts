// The default format for people: findings grouped per file, one line each
// (`path:line:col  severity  message  rule-id`), the change shown at word level under it
// (`[-old-]{+new+}`, coloured on a terminal), and a summary line. Findings in a feed or NDJSON
// file come under a line naming their item or record. A file that could not be read (or a line
// of it, or its fix not written) gets an error line of its own, without a rule id.

import { editView } from '../fix/view.js';
import type { Edit } from '../types.js';
import { errorPlace, locate, type FileResult, type Formatter } from './result.js';
import { spinnerDensity } from './density.js';

const ESC = '\u001b[';
const paint = (on: boolean, code: string, s: string) => (on ? `${ESC}${code}m${s}${ESC}0m` : s);

export const stylish: Formatter = (results, options) => {
  const c = options.color;
  let out = '';
  const totals = { error: 0, warning: 0, info: 0, fixable: 0, suggestable: 0, fileErrors: 0 };
  for (const r of results) {
    const findings = locate(r);
    const errors = r.errors ?? [];
    if (findings.length === 0 && errors.length === 0) continue;
    out += `${paint(c, '4', r.path)}\n`;
    for (const e of errors) {
      totals.fileErrors++;
      out += `  ${errorPlace(r.path, e)}  ${paint(c, '31', 'error'.padEnd(7))}  ${e.message}\n`;
    }
    const width = Math.max(0, ...findings.map((f) => `${f.line}:${f.column}`.length));
    let article: string | undefined;
    for (const f of findings) {
      if (f.article !== undefined && f.article !== article) {
        article = f.article;
        out += `  ${paint(c, '1', `${r.inputFormat === 'ndjson' ? 'record' : 'item'} ${f.article}`)}\n`;
      }
      totals[f.severity]++;
      if (f.fix) totals.fixable++;
      else if (f.suggestions.length > 0) totals.suggestable++;
      const where = `${r.path}:${f.line}:${f.column}`.padEnd(r.path.length + 1 + width);
      const sev = paint(c, f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36', f.severity.padEnd(7));
      out += `  ${where}  ${sev}  ${f.message}  ${paint(c, '2', f.ruleId)}\n`;
      const edit = f.fix ?? f.suggestions[0];
      if (edit) {
        const label = f.fix ? 'fix' : f.suggestions.length > 1 ? `suggestions (${f.suggestions.length})` : 'suggestion';
        out += `      ${paint(c, '2', label + ':')} ${showEdit(r, edit, c)}\n`;
        for (const alt of f.suggestions.slice(1)) out += `      ${paint(c, '2', 'or:')} ${showEdit(r, alt, c)}\n`;
      }
    }
    const spinner = spinnerDensity(r);
    if (spinner) out += `  ${paint(c, '2', `spinner density: ${plural(spinner.matches, 'tortured phrase')} in ${plural(spinner.words, 'word')}, ${spinner.per1000} per 1,000 words`)}\n`;
    out += '\n';
  }
  const problems = totals.error + totals.warning + totals.info;
  const fileErrors = totals.fileErrors > 0 ? `${paint(c, '1;31', `✖ ${plural(totals.fileErrors, 'file error')}`)}\n` : '';
  if (problems === 0) return fileErrors !== '' ? out + fileErrors : results.length > 0 ? `${paint(c, '32', '✔')} no problems in ${plural(results.length, 'file')}\n` : '';
  out += paint(
    c,
    totals.error > 0 ? '1;31' : '1;33',
    `✖ ${plural(problems, 'problem')} (${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${totals.info} info)`,
  );
  out += '\n';
  if (totals.fixable + totals.suggestable > 0) {
    out += `  ${totals.fixable} fixable with --fix`;
    if (totals.suggestable > 0) out += `, ${totals.suggestable} more with --fix --fix-level suggest`;
    out += '\n';
  }
  return out + fileErrors;
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The edited words with a few words of context either side: `… that [-the Moscow holder-]{+Moscow's position+} had …`. */
function showEdit(r: FileResult, e: Edit, color: boolean): string {
  const v = e.view ?? editView(r.text, e);
  const del = v.old ? paint(color, '31', `[-${visible(v.old)}-]`) : '';
  const ins = v.new ? paint(color, '32', `{+${visible(v.new)}+}`) : '';
  return `${v.before}${del}${ins}${v.after}`;
}

/** Shows line breaks in a removed or inserted span without breaking the output line. */
function visible(s: string): string {
  const flat = s.replace(/\r\n|\r|\n/g, '⏎');
  return flat.length > 80 ? `${flat.slice(0, 38)}…${flat.slice(-38)}` : flat;
}
