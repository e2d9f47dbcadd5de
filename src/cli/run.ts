// The pipeline behind the command line: select rules, expand inputs, read, lint or fix, write,
// format, and compute the exit code.

import { UsageError } from '../engine/errors.js';
import { lintText } from '../engine/lint.js';
import { loadRules, type Rule } from '../engine/load.js';
import { fixText } from '../fix/loop.js';
import { expandInputs } from '../io/expand.js';
import { decode, describe, encode, readSource, writeAtomic, type SourceFile } from '../io/source.js';
import { FORMATTERS, type FileResult } from '../report/index.js';
import type { Finding, Severity } from '../types.js';
import type { Args } from './args.js';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

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

export async function run(args: Args): Promise<number> {
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

