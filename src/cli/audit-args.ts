// `mtlint audit` options: the audit's own (format, output, source and date fields, thresholds,
// list sizes) are taken out first; the rest — rule selection, configuration, style, input format,
// --jobs, colour, progress — are the lint options, parsed and checked by parseArgs as for a lint run.

import type { AuditFormat, AuditOptions } from '../audit/run.js';
import { AUDIT_FORMATS } from '../audit/run.js';
import { parseArgs } from './args.js';

export const AUDIT_USAGE = `Usage: mtlint audit [options] <feed|ndjson|file|dir|glob|->...

Checks every article of RSS/Atom feeds, NDJSON exports and text files, scores it, and reports a
band per article (clean, review, hold) and a roll-up per source. Exit 1 when any article is in
hold, 0 otherwise, 2 on bad input.

Audit options:
  -f, --format FORMAT     table (default), csv, ndjson, json, html
  -o, --output FILE       write the report to FILE (atomically) instead of standard output
  --source-field FIELD    NDJSON: the field naming each record's source (a URL counts as its host)
  --date-field FIELD      NDJSON: the field with each record's date (default: date, published, …)
  --review N, --hold N    score thresholds of the bands (default: the configuration's audit, else 2.5 and 8)
  --worst N               worst articles listed (in the table and per source; default 10)
  --html-articles N       articles listed, with findings and diff, in the HTML report (default 2000)

Lint options that apply: --rule, --disable-rule, --rules, --phrases, --style, --config, --no-config,
--no-ignore, --input-format, --stdin-filename, -j/--jobs, --color/--no-color, --progress/--no-progress.
`;

const VALUED = new Map([
  ['--format', 'format'],
  ['-f', 'format'],
  ['--output', 'output'],
  ['-o', 'output'],
  ['--source-field', 'sourceField'],
  ['--date-field', 'dateField'],
  ['--review', 'review'],
  ['--hold', 'hold'],
  ['--worst', 'worst'],
  ['--html-articles', 'htmlArticles'],
]);

/** Lint options with no meaning in an audit. */
const NOT_FOR_AUDIT = ['--fix', '--fix-level', '--stdout', '--baseline', '--write-baseline', '--changed-only', '--base', '--list-rules', '--max-warnings', '--fail-on', '--diff-context'];

/** Parsed options, 'help' for --help, or 'done' when the lint options printed something (--version). Throws on a usage error (main prints it, exit 2). */
export async function parseAuditArgs(argv: string[]): Promise<AuditOptions | 'help' | 'done'> {
  const own: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--help' || a === '-h') return 'help';
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const key = VALUED.get(name);
    if (key) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new Error(`${name} needs a value`);
      if (own[key] !== undefined) throw new Error(`${name} takes one value`);
      own[key] = value;
      continue;
    }
    if (NOT_FOR_AUDIT.includes(name)) throw new Error(`${name} is not an audit option (see mtlint audit --help)`);
    rest.push(a);
  }
  const format = (own.format ?? 'table') as AuditFormat;
  if (!AUDIT_FORMATS.includes(format)) throw new Error(`--format: expected one of ${AUDIT_FORMATS.join(', ')} (got ${own.format})`);
  const number = (key: string, flag: string, min: number, whole: boolean): number | undefined => {
    if (own[key] === undefined) return undefined;
    const n = Number(own[key]);
    if (!Number.isFinite(n) || n < min || (whole && !Number.isInteger(n))) throw new Error(`${flag} takes a ${whole ? 'whole ' : ''}number ≥ ${min}`);
    return n;
  };
  const lint = await parseArgs(rest);
  if (lint === null) return 'done';
  if (lint.files.length === 0) throw new Error('no input: give feeds, NDJSON files, folders, globs or - for standard input (see mtlint audit --help)');
  return {
    files: lint.files,
    format,
    output: own.output,
    sourceField: own.sourceField,
    dateField: own.dateField,
    review: number('review', '--review', 0, false),
    hold: number('hold', '--hold', 0, false),
    worst: number('worst', '--worst', 0, true) ?? 10,
    htmlArticles: number('htmlArticles', '--html-articles', 0, true) ?? 2000,
    progress: lint.progress,
    color: lint.color,
    lint,
  };
}
