// The pipeline behind the command line: read the configuration, select rules, expand inputs,
// read each file in its input format, lint or fix it through the library API (with the baseline
// and changed-lines filters), write, format, and compute the exit code.

import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { makeIgnore } from '../config/ignore.js';
import { loadRuleSet } from '../config/rule-set.js';
import { UsageError } from '../engine/errors.js';
import { BUILTIN_RULES_DIR } from '../engine/load.js';
import { fix, lint, resolveFormat, type LintFinding, type LintOptions } from '../index.js';
import { expandInputs } from '../io/expand.js';
import { readOriginal } from '../io/formats/original.js';
import { detectFormat, parseSource, type InputFormat } from '../io/formats/index.js';
import { decode, describe, encode, maxFileBytes, readSource, writeAtomic, type SourceFile } from '../io/source.js';
import { FORMATTERS, HUMAN_FORMATS, type FileResult } from '../report/index.js';
import type { Severity } from '../types.js';
import type { Args } from './args.js';
import { Baseline, BaselineWriter } from './baseline.js';
import { ChangedLines } from './changed.js';
import { streamNdjson, writeOut } from './ndjson-stream.js';
import { NO_PROGRESS, progress, wantProgress } from './progress.js';
import { jobsFor, LintPool } from './pool.js';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export const VERSION: string = (JSON.parse(readFileSync(join(dirname(BUILTIN_RULES_DIR), 'package.json'), 'utf8')) as { version: string }).version;

/** Moments of a run, in ms from the process's start, written to the file MTLINT_TIMINGS names (for the bench). */
interface Timings {
  /** The first input is read. */
  firstRead?: number;
  /** The report is written (the last output). */
  reported?: number;
  /** The first lint worker has loaded its rules. */
  workerReady?: number;
}

export async function run(args: Args): Promise<number> {
  const cwd = process.cwd();
  // An explicit --jobs N starts its workers first: they load their rules while this thread loads its own.
  const early = args.jobs !== undefined && args.jobs > 1 && !args.fix && args.format !== 'diff' && !args.listRules ? new LintPool(args.jobs, args, cwd) : undefined;
  const timings: Timings = {};
  try {
    const code = await runWith(args, cwd, early, timings);
    timings.reported = performance.now();
    return code;
  } finally {
    await early?.close();
    timings.workerReady = early?.firstReadyAt;
    if (process.env.MTLINT_TIMINGS) writeFileSync(process.env.MTLINT_TIMINGS, JSON.stringify(timings) + '\n');
  }
}

async function runWith(args: Args, cwd: string, early: LintPool | undefined, timings: Timings): Promise<number> {
  const { config, rules, knownRuleIds } = loadRuleSet(args, cwd);
  if (args.listRules) {
    for (const r of rules) process.stdout.write(`${r.id}\t${r.kind}\t${r.severity}\tfix: ${r.fix}\n`);
    return 0;
  }
  const paths = await expandInputs(args.files, {
    ignored: args.ignore ? makeIgnore(config, cwd) : undefined,
    onIgnored: (p) => process.stderr.write(`mtlint: ${p} is ignored (.mtlintignore or the configuration's ignore; --no-ignore checks it)\n`),
  });
  const baseline = args.baseline !== undefined ? Baseline.read(args.baseline) : undefined;
  const writer = args.writeBaseline !== undefined ? new BaselineWriter(args.writeBaseline) : undefined;
  const changed = args.changedOnly ? ChangedLines.fromGit(args.base, cwd) : undefined;
  const stdinName = args.stdinFilename ?? '<stdin>';
  const report = writer === undefined;
  const human = HUMAN_FORMATS.has(args.format);
  const showProgress = wantProgress({ human, files: paths.length, flag: args.progress, stderrIsTTY: Boolean(process.stderr.isTTY) });
  const bar = showProgress ? progress(paths.length) : NO_PROGRESS;
  // Several files are linted in worker threads (--jobs); findings are taken back in input order.
  const jobs = !args.fix && args.format !== 'diff' ? jobsFor(args, paths.length) : 1;
  const pool = jobs > 1 ? (early ?? new LintPool(jobs, args, cwd, undefined, args.jobs === undefined)) : undefined;
  if (pool) pool.local = (text, format, filename, inlineConfig) => lint(text, { rules, format, filename, inlineConfig, knownRuleIds, ...bilingualOptions(args) });
  const original = args.source !== undefined ? originalFor(args, paths) : undefined;
  /** Files given to the pool, finished (filtered, recorded, written or kept) in input order. */
  const pending: { findings: Promise<LintFinding[]>; finish: (findings: LintFinding[]) => Promise<void> }[] = [];
  const finishOldest = async () => {
    const p = pending.shift()!;
    await p.finish(await p.findings);
  };

  /** Baseline and changed-lines filters, for findings in `text` (line `firstLine` of the file `display`). */
  const filterFor = (display: string) => (findings: LintFinding[], text: string, firstLine = 1) => {
    let out = findings;
    if (changed) out = changed.filter(display, out, text, firstLine);
    if (baseline && !writer) out = baseline.filter(display, out, text);
    return out;
  };

  const results: FileResult[] = [];
  /** Severities of the findings reported by streaming (NDJSON), for the exit code. */
  const streamed: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const corrected: { file: SourceFile; output: string; toStdout: boolean }[] = [];
  for (const path of paths) {
    timings.firstRead ??= performance.now();
    bar.tick(path);
    // Bounded look-ahead; and whatever is done outside the pool comes after what is queued.
    while (pending.length > 0 && (pending.length >= 16 * jobs || !pool)) await finishOldest();
    const isStdin = path === '-';
    const display = isStdin ? stdinName : path;
    const declared: InputFormat | undefined = args.inputFormat !== 'auto' ? args.inputFormat : detectFormat(display);
    if (declared === 'ndjson' && args.format === 'ndjson') {
      while (pending.length > 0) await finishOldest();
      const filter = filterFor(display);
      await streamNdjson({
        path,
        display,
        rules,
        filter: (f, line, lineNo) => filter(f, line, lineNo),
        fix: args.fix,
        fixLevel: args.fixLevel,
        sourceLang: args.sourceLang,
        stdout: args.stdout || isStdin,
        report: report && !(args.fix && (args.stdout || isStdin)) ? writeOut : null,
        onFindings: (found, line) => {
          if (writer) writer.add(display, found, line);
          for (const f of found) streamed[f.severity]++;
        },
      });
      continue;
    }
    const file = isStdin ? await readStdin(display) : readSource(path);
    const format = resolveFormat(file.text, { format: args.inputFormat, filename: display });
    let articles: FileResult['articles'];
    const options: LintOptions = {
      rules,
      format,
      filename: display,
      inlineConfig: args.inlineConfig,
      knownRuleIds,
      filter: filterFor(display),
      ...bilingualOptions(args),
      ...(original !== undefined ? { source: original } : {}),
    };
    if (args.format === 'ndjson' && (format === 'feed' || format === 'ndjson' || format === 'tsv' || format === 'xliff')) articles = listArticles(format, file.text, display, args);
    const base = { path: file.path, bom: file.bom, inputFormat: format, articles };
    if (!args.fix && args.format !== 'diff') {
      const finish = async (findings: LintFinding[]) => {
        writer?.add(display, findings, file.text);
        const result = { ...base, text: file.text, findings };
        if (args.format === 'ndjson' && report) {
          // Line-oriented output is written as each file is done, in the order of the inputs.
          await writeOut(FORMATTERS.ndjson([result], { color: false, diffContext: args.diffContext }));
          for (const f of findings) streamed[f.severity]++;
        } else results.push(result);
      };
      if (pool) {
        // The worker lints without the filters; they run here, as `lint` would run them.
        const found = pool.lint(file.text, format, display, args.inlineConfig);
        const findings = found.then((f) => options.filter!(f, file.text));
        findings.catch(() => {}); // rethrown when awaited, in input order
        pending.push({ findings, finish });
      } else await finish(lint(file.text, options));
      continue;
    }
    const fixed = fix(file.text, { ...options, level: args.fixLevel });
    if (args.fix) {
      corrected.push({ file, output: fixed.output, toStdout: args.stdout || isStdin });
      results.push({ ...base, text: fixed.output, findings: fixed.remaining });
    } else {
      results.push({ ...base, text: file.text, findings: lint(file.text, options), output: fixed.output });
    }
  }
  while (pending.length > 0) await finishOldest();
  if (pool !== early) await pool?.close();
  bar.done();

  for (const { file, output, toStdout } of corrected) {
    if (toStdout) process.stdout.write(encode(file, output));
    else if (output !== file.text) writeAtomic(file.path, encode(file, output), encode(file, file.text));
  }
  if (writer) {
    writer.write();
    process.stderr.write(`mtlint: recorded ${writer.size} finding${writer.size === 1 ? '' : 's'} in ${writer.file}\n`);
    return 0;
  }
  const printReport = !(args.fix && (args.stdout || args.files.includes('-')));
  if (printReport) {
    const color = args.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
    process.stdout.write(FORMATTERS[args.format](results, { color, diffContext: args.diffContext, rules, version: VERSION, cwd }));
  }
  const counts = { ...streamed };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  return exitCode(counts, args);
}

/** Every article's id (and NDJSON line) in a feed or NDJSON file, for the ndjson format. */
function listArticles(format: InputFormat, text: string, path: string, args: Args): FileResult['articles'] {
  const ids = parseSource(format, text, path, bilingualOptions(args)).articles.map((a) => ({ id: a.id ?? '' }));
  if (format !== 'ndjson') return ids;
  const lines: { id: string; line: number }[] = [];
  let k = 0;
  text.split(/\r\n|\n|\r/).forEach((l, i) => {
    if (l.trim() !== '' && k < ids.length) lines.push({ id: ids[k++].id, line: i + 1 });
  });
  return lines;
}

/** The source-aware options every input gets: the originals' language, the TSV columns. */
function bilingualOptions(args: Args): Pick<LintOptions, 'sourceLang' | 'columns'> {
  return { sourceLang: args.sourceLang, columns: { source: args.sourceColumn, target: args.targetColumn } };
}

/** The original's prose for --source, which goes with exactly one input file. */
function originalFor(args: Args, paths: string[]): string {
  if (paths.length !== 1 || paths[0] === '-') throw new UsageError('--source goes with exactly one input file (the translation of that original)');
  return readOriginal(args.source!);
}

function exitCode(counts: Record<Severity, number>, args: Args): number {
  const failing = (Object.keys(counts) as Severity[]).some((sev) => counts[sev] > 0 && SEVERITY_RANK[sev] >= SEVERITY_RANK[args.failOn]);
  return failing || (args.maxWarnings >= 0 && counts.warning > args.maxWarnings) ? 1 : 0;
}

export async function readStdin(name: string, input: AsyncIterable<Buffer> = process.stdin as AsyncIterable<Buffer>): Promise<SourceFile> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of input) {
      chunks.push(chunk as Buffer);
      // Stop reading an endless input (decode refuses what is over the limit).
      if ((size += (chunk as Buffer).length) > maxFileBytes()) break;
    }
  } catch (e) {
    throw new UsageError(`standard input: ${describe(e)}`);
  }
  return decode(Buffer.concat(chunks), name);
}
