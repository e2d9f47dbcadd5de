// Command-line options: the option table (yargs definitions) and its translation into a plain
// Args object. The common case is parsed by node:util's parseArgs over the table, and -h/--help
// and -v/--version are answered from it; yargs (≈ 80 ms to import) is loaded only to word usage
// errors. Usage errors throw; main() turns them into one line on stderr and exit code 2.

import { parseArgs as parseArgsUtil } from 'node:util';
import type { Options as YargsOption } from 'yargs';
import type { FixLevel } from '../fix/loop.js';
import { INPUT_FORMATS, type InputFormat } from '../io/formats/index.js';
import { FORMATTERS } from '../report/index.js';
import type { Severity } from '../types.js';
import { VERSION } from '../version.js';

export interface Args {
  files: string[];
  format: string;
  fix: boolean;
  fixLevel: FixLevel;
  stdout: boolean;
  maxWarnings: number;
  failOn: Severity;
  rules: string[];
  rule: string[];
  disableRule: string[];
  color: boolean | undefined;
  diffContext: number;
  stdinFilename?: string;
  listRules: boolean;
  inputFormat: InputFormat | 'auto';
  /** --config FILE; false for --no-config; undefined: search upward. */
  config: string | false | undefined;
  inlineConfig: boolean;
  ignore: boolean;
  baseline?: string;
  writeBaseline?: string;
  changedOnly: boolean;
  base: string;
  /** undefined: automatic (stderr is a terminal, a format for people, more than one file). */
  progress: boolean | undefined;
  /** --style: house style profile (styles/<name>); undefined: the configuration's, else none. */
  style?: string;
  /** --phrases FILE.tsv (repeatable): term lists loaded into the phrase matcher. */
  phrases: string[];
  /** --jobs N: lint threads; undefined: automatic (one per core less one when there are several files). */
  jobs: number | undefined;
  /** --exit-zero: exit 0 even when there are findings (2 still means the run failed). */
  exitZero: boolean;
  /** --html-main: in HTML pages, check only the main content. */
  htmlMain: boolean;
  /** --source FILE: the original of the one input, for the source-aware rules. */
  source?: string;
  /** --source-lang LANG: the originals' language where the input does not say. */
  sourceLang?: string;
  /** --source-column, --target-column: TSV column names. */
  sourceColumn?: string;
  targetColumn?: string;
}

/** Every option, as yargs takes it; the fast path (`fastParse`) reads the same table. */
const OPTIONS = {
  'format': { alias: 'f', choices: Object.keys(FORMATTERS), default: 'stylish', describe: 'output format' },
  'fix': { type: 'boolean', default: false, describe: 'apply fixes to the files in place' },
  'fix-level': { choices: ['safe', 'suggest'], default: 'safe', describe: 'safe: fixes only; suggest: also apply the first suggestion' },
  'stdout': { type: 'boolean', default: false, describe: 'with --fix: print the corrected text instead of writing the file' },
  'max-warnings': { type: 'number', default: -1, describe: 'exit 1 when there are more warnings than this; -1: no limit' },
  'fail-on': { choices: ['error', 'warning', 'info'], default: 'error', describe: 'lowest severity that makes the exit code 1' },
  'rules': { type: 'string', describe: 'extra rule folder (rules/<pack>/<rule>.yaml); repeatable' },
  'rule': { type: 'string', describe: 'run only these rule ids or packs (e.g. calques, names/misspelled-name); repeatable' },
  'disable-rule': { type: 'string', describe: 'turn off these rule ids or packs; repeatable' },
  'color': { type: 'boolean', describe: 'force colour on or off (default: on when stdout is a terminal)' },
  'diff-context': { type: 'number', default: 1, describe: 'lines of context around each diff hunk' },
  'stdin-filename': { type: 'string', describe: 'path shown for text read from standard input (-)' },
  'list-rules': { type: 'boolean', default: false, describe: 'list the loaded rules and exit' },
  'input-format': { choices: ['auto', ...INPUT_FORMATS], default: 'auto', describe: 'how to read the inputs (auto: by extension, or a feed by its content)' },
  'config': { type: 'string', describe: 'configuration file (default: mtlint.config.json, .mtlintrc.json or .mtlintrc.yaml here or above); --no-config: none' },
  'inline-config': { type: 'boolean', default: true, describe: 'ignore <!-- mtlint-disable … --> comments (by default they are honoured)' },
  'ignore': { type: 'boolean', default: true, describe: 'check the files .mtlintignore and the configuration\'s ignore list leave out (by default they are skipped)' },
  'baseline': { type: 'string', describe: 'report only findings not recorded in this baseline file' },
  'write-baseline': { type: 'string', describe: 'record the current findings in this baseline file and exit 0' },
  'changed-only': { type: 'boolean', default: false, describe: 'report only findings on lines changed against --base (git)' },
  'base': { type: 'string', default: 'HEAD', describe: 'the git revision --changed-only compares with' },
  'progress': { type: 'boolean', describe: 'show progress on stderr (default: when stderr is a terminal and the format is stylish)' },
  'style': { type: 'string', describe: 'house style for names and places: ap, reuters or bbc (default: the configuration\'s; none: one spelling per name)' },
  'phrases': { type: 'string', describe: 'term list, `phrase<TAB>correction` per line, # comments; repeatable' },
  'jobs': { alias: 'j', type: 'number', describe: 'lint threads (default: one per core less one for several files, else 1)' },
  'exit-zero': { type: 'boolean', default: false, describe: 'exit 0 even when there are findings (exit 2 still means the run failed)' },
  'html-main': { type: 'boolean', default: false, describe: 'in HTML pages, check only the main content (the article, as Mozilla\'s Readability finds it), not the site\'s navigation, footer and ads' },
  'source': { type: 'string', describe: 'the original the input was translated from (text, Markdown or HTML), for the source-aware rules' },
  'source-lang': { type: 'string', describe: 'language of the originals (BCP 47, e.g. ru) where the input does not say; default: guessed' },
  'source-column': { type: 'string', describe: 'TSV input: the column of the source text (default: source, src or original)' },
  'target-column': { type: 'string', describe: 'TSV input: the column of the translation (default: target, tgt, translation, text, mt or hyp)' },
} satisfies Record<string, YargsOption>;

/** The value each option takes, as the help shows it. */
const VALUE_NAMES: Partial<Record<keyof typeof OPTIONS, string>> = {
  'format': 'FORMAT', 'fix-level': 'LEVEL', 'max-warnings': 'N', 'fail-on': 'SEVERITY', 'rules': 'DIR', 'rule': 'ID',
  'disable-rule': 'ID', 'diff-context': 'N', 'stdin-filename': 'PATH', 'input-format': 'FORMAT', 'config': 'FILE',
  'baseline': 'FILE', 'write-baseline': 'FILE', 'base': 'REF', 'style': 'NAME', 'phrases': 'FILE.tsv', 'jobs': 'N',
  'source': 'FILE', 'source-lang': 'LANG', 'source-column': 'NAME', 'target-column': 'NAME',
};

/**
 * The --help text, from the option table: one entry per option (a boolean that is on by default
 * shown as its --no- form, which its description describes), choices and defaults after the
 * description, wrapped to `width`.
 */
export function helpText(width = 80): string {
  const entries: [string, string][] = Object.entries(OPTIONS).map(([name, o]) => {
    const opt = o as YargsOption;
    const negated = opt.type === 'boolean' && opt.default === true;
    const value = VALUE_NAMES[name as keyof typeof OPTIONS];
    const flag = `${typeof opt.alias === 'string' ? `-${opt.alias}, ` : '    '}--${negated ? `no-${name}` : name}${value ? ` ${value}` : ''}`;
    let text = String(opt.describe);
    if (opt.choices) text += `; one of ${(opt.choices as string[]).join(', ')}`;
    if (opt.default !== undefined && opt.type !== 'boolean') text += ` (default: ${String(opt.default)})`;
    return [flag, text];
  });
  entries.push(['-h, --help', 'print this help and exit'], ['-v, --version', 'print the version and exit']);
  const column = Math.max(...entries.map(([f]) => f.length)) + 4;
  const wrap = (text: string) => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line !== '' && column + line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
    return lines.join(`\n${' '.repeat(column)}`);
  };
  let out = 'Usage: mtlint [options] <file|dir|glob|->...\n       mtlint serve [options] <file|dir>...   (the review page)\n       mtlint lsp [--stdio]                   (the language server, for editors)\n       mtlint audit [options] <file|dir>...   (the feed audit, per article and source)\n\nChecks English news copy for machine-translation artifacts.\n\nOptions:\n';
  for (const [flag, text] of entries) out += `  ${flag.padEnd(column - 2)}${wrap(text)}\n`;
  return out;
}

/** -h/--help or -v/--version among the options (before a `--`). */
function infoRequest(argv: string[]): 'help' | 'version' | undefined {
  for (const a of argv) {
    if (a === '--') return undefined;
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
  }
  return undefined;
}

/** The options of `argv`; null when it asked for the help or the version, which are then printed. */
export async function parseArgs(argv: string[], version = VERSION): Promise<Args | null> {
  const info = infoRequest(argv);
  if (info) {
    process.stdout.write(info === 'help' ? helpText(Math.max(60, Math.min(process.stdout.columns || 80, 100))) : `${version}\n`);
    return null;
  }
  const parsed = fastParse(argv) ?? (await parseWithYargs(argv));
  const maxWarnings = parsed['max-warnings'];
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new Error('--max-warnings takes a whole number ≥ -1');
  const diffContext = parsed['diff-context'];
  if (!Number.isInteger(diffContext) || diffContext < 0) throw new Error('--diff-context takes a whole number ≥ 0');
  // An option left without its value is named before "no input" (its value may have been taken for a file).
  for (const key of ['baseline', 'write-baseline', 'config', 'stdin-filename', 'style', 'base', 'source', 'source-lang', 'source-column', 'target-column'] as const) {
    const v = parsed[key];
    if (Array.isArray(v)) throw new Error(`--${key} takes one value`);
    if (v === '') throw new Error(`--${key} needs a value`);
  }
  const files = parsed._.map(String);
  if (files.length === 0 && !parsed['list-rules']) throw new Error('no input: give files, directories, globs or - for standard input (see mtlint --help)');
  if (parsed.stdout && !parsed.fix) throw new Error('--stdout goes with --fix');
  if (parsed['write-baseline'] !== undefined && parsed.fix) throw new Error('--write-baseline records findings; it does not go with --fix');
  if (parsed.config === (true as unknown)) throw new Error('--config needs a file');
  const jobs = parsed.jobs;
  if (jobs !== undefined && (Array.isArray(jobs) || !Number.isInteger(jobs) || jobs < 1)) throw new Error('--jobs takes a whole number ≥ 1');
  const phrases = parsed.phrases === undefined ? [] : (Array.isArray(parsed.phrases) ? parsed.phrases : [parsed.phrases]).map(String);
  if (phrases.some((p) => p === '')) throw new Error('--phrases needs a file');
  return {
    files,
    format: parsed.format,
    fix: parsed.fix,
    fixLevel: parsed['fix-level'] as FixLevel,
    stdout: parsed.stdout,
    maxWarnings,
    failOn: parsed['fail-on'] as Severity,
    rules: many(parsed.rules),
    rule: many(parsed.rule),
    disableRule: many(parsed['disable-rule']),
    color: parsed.color,
    diffContext,
    stdinFilename: parsed['stdin-filename'],
    listRules: parsed['list-rules'],
    inputFormat: parsed['input-format'] as InputFormat | 'auto',
    config: parsed.config as string | false | undefined,
    inlineConfig: parsed['inline-config'],
    ignore: parsed.ignore,
    baseline: parsed.baseline,
    writeBaseline: parsed['write-baseline'],
    changedOnly: parsed['changed-only'],
    base: parsed.base,
    progress: parsed.progress,
    style: parsed.style,
    phrases,
    jobs,
    exitZero: parsed['exit-zero'],
    htmlMain: parsed['html-main'],
    source: parsed.source,
    sourceLang: parsed['source-lang'],
    sourceColumn: parsed['source-column'],
    targetColumn: parsed['target-column'],
  };
}

/** A repeatable option, each value also split on commas: --rule a --rule b,c → [a, b, c]. */
function many(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}


/** yargs (≈ 80 ms to import): for anything the fast path leaves to it (usage errors, in its words). */
async function parseWithYargs(argv: string[]) {
  const { default: yargs } = await import('yargs');
  const parsed = yargs(argv)
    .scriptName('mtlint')
    .usage('$0 [options] <file|dir|glob|->...\n$0 lsp [--stdio]\n$0 audit [options] <feed|ndjson|dir|->... (see mtlint audit --help)\n\nChecks English news copy for machine-translation artifacts; `mtlint lsp` is the language server for editors, `mtlint audit` the feed audit.')
    .options(OPTIONS)
    .strictOptions()
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new Error(`${msg.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ')} (see mtlint --help)`);
    })
    .version(false)
    .help(false)
    .parseSync();
  return parsed;
}

type Parsed = Awaited<ReturnType<typeof parseWithYargs>>;

/**
 * The common case without yargs: node:util's parser over the same table. Returns undefined — and
 * yargs decides, with its own messages — for anything unusual: an unknown option, a repeated option that does not repeat, a value that is not a number or not one of
 * the choices, a boolean with a value.
 */
function fastParse(argv: string[]): Parsed | undefined {
  const spec: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, o] of Object.entries(OPTIONS) as [string, YargsOption][]) {
    const alias = typeof o.alias === 'string' ? o.alias : undefined;
    spec[name] = o.type === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: true };
    if (alias?.length === 1) spec[name].short = alias;
  }
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgsUtil({ args: argv, options: spec, strict: true, allowPositionals: true, allowNegative: true }));
  } catch {
    return undefined;
  }
  const out: Record<string, unknown> = { _: positionals, $0: 'mtlint' };
  for (const [name, o] of Object.entries(OPTIONS) as [string, YargsOption][]) {
    let v: unknown = values[name];
    if (Array.isArray(v)) {
      let list = v as unknown[];
      if (list.length > 1 && !REPEATABLE.has(name)) return undefined;
      if (o.type === 'number') {
        list = list.map((x) => (String(x).trim() === '' ? NaN : Number(x)));
        if (list.some((x) => !Number.isFinite(x))) return undefined;
      }
      if (o.choices && list.some((x) => !(o.choices as unknown[]).includes(x))) return undefined;
      v = list.length === 1 ? list[0] : list;
    }
    out[name] = v === undefined ? o.default : v;
  }
  return out as Parsed;
}

/** Options whose repeats are kept (yargs gives them as arrays). */
const REPEATABLE = new Set(['rules', 'rule', 'disable-rule', 'phrases']);
