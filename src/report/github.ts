// The github format: GitHub Actions workflow commands, one annotation per finding:
//   ::error file=a.md,line=3,col=13,endLine=3,endColumn=30,title=calques/position-holder::Use …
// Values are escaped as the Actions toolkit does (%, CR, LF; and `:` `,` in properties).
// Columns are given only for one-line findings, as GitHub shows them only there. A file that
// could not be read is an error annotation on the file (titled `file error`).

import type { Severity } from '../types.js';
import { locate, type Formatter } from './result.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (results) => {
  let out = '';
  for (const r of results) {
    for (const e of r.errors ?? []) {
      const props = [`file=${escapeProperty(r.path)}`, ...(e.line !== undefined ? [`line=${e.line}`] : []), 'title=file error'];
      out += `::error ${props.join(',')}::${escapeData(e.message)}\n`;
    }
    for (const f of locate(r)) {
      const props = [`file=${escapeProperty(r.path)}`, `line=${f.line}`];
      if (f.line === f.endLine) props.push(`col=${f.column}`);
      props.push(`endLine=${f.endLine}`);
      if (f.line === f.endLine) props.push(`endColumn=${f.endColumn}`);
      props.push(`title=${escapeProperty(f.article !== undefined ? `${f.ruleId} (${f.article})` : f.ruleId)}`);
      const edit = f.fix ?? f.suggestions[0];
      const replacement = edit ? (edit.view ? edit.view.new : edit.text) : '';
      const hint = edit ? ` (${f.fix ? 'fix' : 'suggestion'}: ${replacement === '' ? 'delete' : `\`${replacement}\``})` : '';
      out += `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message + hint)}\n`;
    }
  }
  return out;
};
