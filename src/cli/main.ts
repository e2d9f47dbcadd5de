// The command line: parses options with yargs and wires files → lint → fix → format → exit
// code. Exit 0: nothing at or above the failing severity; 1: findings; 2: usage, I/O or
// rule-file errors (one line on stderr).

import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { RuleError, UsageError } from '../engine/errors.js';
import { lintText } from '../engine/lint.js';
import { BUILTIN_RULES_DIR, loadRules, type Rule } from '../engine/load.js';
import { fixText, type FixLevel } from '../fix/loop.js';
import { expandInputs } from '../io/expand.js';
import { decode, describe, encode, readSource, writeAtomic, type SourceFile } from '../io/source.js';
import { FORMATTERS, type FileResult } from '../report/index.js';
import type { Finding, Severity } from '../types.js';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface Args {
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
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`mtlint: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    return await run(args);
  } catch (e) {
    if (e instanceof RuleError || e instanceof UsageError) {
      process.stderr.write(`mtlint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function parseArgs(argv: string[]): Args {
  const parsed = yargs(argv)
    .scriptName('mtlint')
    .usage('$0 [options] <file|dir|glob|->...\n\nChecks English news copy for machine-translation artifacts.')
    .option('format', { alias: 'f', choices: Object.keys(FORMATTERS), default: 'stylish', describe: 'output format' })
    .option('fix', { type: 'boolean', default: false, describe: 'apply fixes to the files in place' })
    .option('fix-level', { choices: ['safe', 'suggest'], default: 'safe', describe: 'safe: fixes only; suggest: also apply the first suggestion' })
    .option('stdout', { type: 'boolean', default: false, describe: 'with --fix: print the corrected text instead of writing the file' })
    .option('max-warnings', { type: 'number', default: -1, describe: 'exit 1 when there are more warnings than this (-1: no limit)' })
    .option('fail-on', { choices: ['error', 'warning', 'info'], default: 'error', describe: 'lowest severity that makes the exit code 1' })
    .option('rules', { type: 'string', describe: 'extra rule folder (rules/<pack>/<rule>.yaml); repeatable' })
    .option('rule', { type: 'string', describe: 'run only these rule ids or packs (e.g. calques, names/misspelled-name); repeatable' })
    .option('disable-rule', { type: 'string', describe: 'turn off these rule ids or packs; repeatable' })
    .option('color', { type: 'boolean', describe: 'force colour on or off (default: on when stdout is a terminal)' })
    .option('diff-context', { type: 'number', default: 1, describe: 'lines of context around each diff hunk' })
    .option('stdin-filename', { type: 'string', describe: 'path shown for text read from standard input (-)' })
    .option('list-rules', { type: 'boolean', default: false, describe: 'list the loaded rules and exit' })
    .strictOptions()
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new Error(`${msg.replace(/\s*\n\s*/g, '; ')} (see mtlint --help)`);
    })
    .version()
    .help()
    .parseSync();
  if (parsed.help || parsed.version) process.exit(0);
  const maxWarnings = parsed['max-warnings'];
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new Error('--max-warnings takes a whole number ≥ -1');
  const diffContext = parsed['diff-context'];
  if (!Number.isInteger(diffContext) || diffContext < 0) throw new Error('--diff-context takes a whole number ≥ 0');
  const files = parsed._.map(String);
  if (files.length === 0 && !parsed['list-rules']) throw new Error('no input: give files, directories, globs or - for standard input (see mtlint --help)');
  if (parsed.stdout && !parsed.fix) throw new Error('--stdout goes with --fix');
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
  };
}

/** A repeatable option, each value also split on commas: --rule a --rule b,c → [a, b, c]. */
function many(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}

function selectRules(all: Rule[], only: string[], disabled: string[]): Rule[] {
  const matches = (id: string, sel: string) => id === sel || id.startsWith(sel.replace(/\/$/, '') + '/');
  for (const sel of [...only, ...disabled]) {
    if (!all.some((r) => matches(r.id, sel))) throw new UsageError(`no rule or pack named ${sel} (see mtlint --list-rules)`);
  }
  return all
    .filter((r) => (only.length > 0 ? only.some((s) => matches(r.id, s)) : r.enabled))
    .filter((r) => !disabled.some((s) => matches(r.id, s)))
    .map((r) => (r.enabled ? r : { ...r, enabled: true }));
}

async function run(args: Args): Promise<number> {
  const rules = selectRules(
    [...loadRules({ verify: false }), ...(args.rules.length > 0 ? loadRules({ dirs: args.rules }) : [])],
    args.rule,
    args.disableRule,
  );
  if (args.listRules) {
    for (const r of rules) process.stdout.write(`${r.id}\t${r.kind}\t${r.severity}\tfix: ${r.fix}\n`);
    return 0;
  }
  const paths = await expandInputs(args.files);
  const lint = (text: string) => lintText(text, rules);
  const results: FileResult[] = [];
  const corrected: { file: SourceFile; output: string }[] = [];
  for (const path of paths) {
    const file = path === '-' ? await readStdin(args.stdinFilename ?? '<stdin>') : readSource(path);
    const wantFixes = args.fix || args.format === 'diff';
    if (!wantFixes) {
      results.push({ path: file.path, text: file.text, findings: lint(file.text), bom: file.bom });
      continue;
    }
    const fixed = fixText(file.text, lint, args.fixLevel);
    if (args.fix) {
      corrected.push({ file, output: fixed.output });
      results.push({ path: file.path, text: fixed.output, findings: fixed.remaining, bom: file.bom });
    } else {
      results.push({ path: file.path, text: file.text, findings: lint(file.text), output: fixed.output, bom: file.bom });
    }
  }

  if (args.fix) {
    for (const { file, output } of corrected) {
      if (args.stdout || file.path === (args.stdinFilename ?? '<stdin>') && args.files.includes('-')) {
        process.stdout.write(encode(file, output));
      } else if (output !== file.text) {
        writeAtomic(file.path, encode(file, output));
      }
    }
  }
  const printReport = !(args.fix && (args.stdout || args.files.includes('-')));
  if (printReport) {
    const color = args.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
    process.stdout.write(FORMATTERS[args.format](results, { color, diffContext: args.diffContext }));
  }
  return exitCode(results.flatMap((r) => r.findings), args);
}

function exitCode(findings: Finding[], args: Args): number {
  const failing = findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[args.failOn]);
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return failing || (args.maxWarnings >= 0 && warnings > args.maxWarnings) ? 1 : 0;
}

async function readStdin(name: string): Promise<SourceFile> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  } catch (e) {
    throw new UsageError(`standard input: ${describe(e)}`);
  }
  return decode(Buffer.concat(chunks), name);
}

export { BUILTIN_RULES_DIR };
