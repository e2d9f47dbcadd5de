// The pipeline behind the command line: read the configuration, select rules, expand inputs,
// read each file in its input format, lint or fix it through the library API (with the baseline
// and changed-lines filters), write, format, and compute the exit code.

import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { makeIgnore } from '../config/ignore.js';
import { loadRuleSet } from '../config/rule-set.js';
import { UsageError } from '../engine/errors.js';
import { fix, lint, resolveFormat, type LintFinding, type LintOptions } from '../index.js';
import { expandInputs } from '../io/expand.js';
import { detectFormat, parseSource, type InputError, type InputFormat } from '../io/formats/index.js';
import { readOriginal } from '../io/formats/original.js';
import { decode, describe, encode, maxFileBytes, readSource, writeAtomic, type SourceFile } from '../io/source.js';
import { FORMATTERS, HUMAN_FORMATS, type FileResult } from '../report/index.js';
import { ndjsonError } from '../report/ndjson.js';
import type { FileError } from '../report/result.js';
import type { Severity } from '../types.js';
import type { Args } from './args.js';
import { Baseline, BaselineWriter } from './baseline.js';
import { ChangedLines } from './changed.js';
import { streamNdjson, writeOut } from './ndjson-stream.js';
import { NO_PROGRESS, progress, wantProgress } from './progress.js';
import { jobsFor, LintPool, type LintOutcome } from '../batch/pool.js';
import { VERSION } from '../version.js';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export { VERSION };

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
  if (pool) pool.local = (text, format, filename, inlineConfig) => lintOutcome(text, { rules, format, filename, inlineConfig, knownRuleIds, htmlMain: args.htmlMain, ...bilingualOptions(args) });
  const original = args.source !== undefined ? originalFor(args, paths) : undefined;
  /** Files given to the pool, finished (filtered, recorded, written or kept) in input order. */
  const pending: { outcome: Promise<LintOutcome>; finish: (o: LintOutcome) => Promise<void>; fail: (e: unknown) => Promise<void> }[] = [];
  const finishOldest = async () => {
    const p = pending.shift()!;
    let outcome: LintOutcome;
    try {
      outcome = await p.outcome;
    } catch (e) {
      return p.fail(e);
    }
    await p.finish(outcome);
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
  const corrected: { file: SourceFile; display: string; output: string; toStdout: boolean; result: FileResult; options: LintOptions; count: number }[] = [];
  /** File errors reported (unreadable files, lines that are not records, fixes not written): the exit code is then 2. */
  let fileErrors = 0;
  /**
   * Records a file error in the file's result (a new one when the file could not be read) and
   * goes on with the other files; a file named alone keeps its one-line error (rethrown), and
   * anything but bad input (a broken rule, a bug) still ends the run.
   */
  const fileFailed = async (display: string, e: unknown, result?: FileResult) => {
    if (!(e instanceof UsageError) || paths.length === 1) throw e;
    const r: FileResult = result ?? { path: display, text: '', findings: [], unread: true };
    const err = fileError(display, e);
    (r.errors ??= []).push(err);
    fileErrors++;
    if (!human) process.stderr.write(`mtlint: ${e.message}\n`);
    if (result) return;
    if (args.format === 'ndjson' && report) await writeOut(ndjsonError(display, err));
    else results.push(r);
  };
  /** Lines of the file that could not be read (the rest was checked): into its result. */
  const partsFailed = (result: FileResult, errors: readonly InputError[]) => {
    if (errors.length === 0) return;
    (result.errors ??= []).push(...errors);
    fileErrors += errors.length;
    if (!human) for (const e of errors) process.stderr.write(`mtlint: ${result.path}:${e.line}: ${e.message}\n`);
  };

  for (const path of paths) {
    timings.firstRead ??= performance.now();
    bar.tick(path);
    // Bounded look-ahead; and whatever is done outside the pool comes after what is queued.
    while (pending.length > 0 && (pending.length >= 16 * jobs || !pool)) await finishOldest();
    const isStdin = path === '-';
    const display = isStdin ? stdinName : path;
    try {
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
          onError: (e) => {
            fileErrors++;
            process.stderr.write(`mtlint: ${display}:${e.line}: ${e.message}\n`);
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
        htmlMain: args.htmlMain,
        filter: filterFor(display),
        ...bilingualOptions(args),
        ...(original !== undefined ? { source: original } : {}),
      };
      if (args.format === 'ndjson' && (format === 'feed' || format === 'ndjson')) articles = listArticles(format, file.text, display, args);
      // A bilingual file is one line unless it holds several named documents (XLIFF <file>s, TSV docs).
      if (args.format === 'ndjson' && (format === 'xliff' || format === 'tsv')) {
        const listed = listArticles(format, file.text, display, args);
        if (listed?.some((a) => a.id !== '')) articles = listed;
      }
      const base = { path: file.path, bom: file.bom, inputFormat: format, articles };
      if (!args.fix && args.format !== 'diff') {
        const finish = async ({ findings, errors }: LintOutcome) => {
          writer?.add(display, findings, file.text);
          const result: FileResult = { ...base, text: file.text, findings };
          partsFailed(result, errors);
          if (args.format === 'ndjson' && report) {
            // Line-oriented output is written as each file is done, in the order of the inputs.
            await writeOut(FORMATTERS.ndjson([result], { color: false, diffContext: args.diffContext }));
            for (const f of findings) streamed[f.severity]++;
          } else results.push(result);
        };
        if (pool) {
          // The worker lints without the filters; they run here, as `lint` would run them.
          const outcome = pool.lint(file.text, format, display, args.inlineConfig).then((o) => ({ ...o, findings: options.filter!(o.findings, file.text) }));
          outcome.catch(() => {}); // rethrown when awaited, in input order
          pending.push({ outcome, finish, fail: (e) => fileFailed(display, e) });
        } else await finish(lintOutcome(file.text, options));
        continue;
      }
      const errors: InputError[] = [];
      const fixed = fix(file.text, { ...options, level: args.fixLevel, onError: (e) => errors.push(e) });
      let result: FileResult;
      if (args.fix) {
        result = { ...base, text: fixed.output, findings: fixed.remaining };
        corrected.push({ file, display, output: fixed.output, toStdout: args.stdout || isStdin, result, options, count: fixed.fixed.length });
      } else {
        result = { ...base, text: file.text, findings: lint(file.text, options), output: fixed.output };
      }
      partsFailed(result, errors);
      results.push(result);
    } catch (e) {
      await fileFailed(display, e);
    }
  }
  while (pending.length > 0) await finishOldest();
  if (pool !== early) await pool?.close();
  bar.done();

  for (const c of corrected) {
    if (c.toStdout) process.stdout.write(encode(c.file, c.output));
    else if (c.output !== c.file.text) {
      try {
        writeAtomic(c.file.path, encode(c.file, c.output), encode(c.file, c.file.text));
        if (human && c.count > 0) process.stderr.write(`fixed ${c.count} problem${c.count === 1 ? '' : 's'} in ${c.display}\n`);
      } catch (e) {
        // Not written: the report shows the file as it still is.
        Object.assign(c.result, { text: c.file.text, findings: lint(c.file.text, c.options) });
        await fileFailed(c.display, e, c.result);
      }
    }
  }
  if (writer) {
    writer.write();
    process.stderr.write(`mtlint: recorded ${writer.size} finding${writer.size === 1 ? '' : 's'} in ${writer.file}\n`);
    return fileErrors > 0 ? 2 : 0;
  }
  const printReport = !(args.fix && (args.stdout || args.files.includes('-')));
  if (printReport) {
    const color = args.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
    process.stdout.write(FORMATTERS[args.format](results, { color, diffContext: args.diffContext, rules, version: VERSION, cwd }));
  }
  if (fileErrors > 0) return 2;
  const counts = { ...streamed };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  return exitCode(counts, args);
}

/** `lint`, with the parts of the text that cannot be read (NDJSON lines) collected rather than thrown. */
function lintOutcome(text: string, options: LintOptions): LintOutcome {
  const errors: InputError[] = [];
  const findings = lint(text, { ...options, onError: (e) => errors.push(e) });
  return { findings, errors };
}

/** A UsageError about one input as a file error: its message without the leading `path:` (a `line:column:` after it kept as numbers). */
export function fileError(display: string, e: Error): FileError {
  const m = e.message;
  if (!m.startsWith(`${display}:`)) return { message: m };
  const rest = m.slice(display.length + 1);
  const at = /^(\d+)(?::(\d+))?: /.exec(rest);
  if (!at) return { message: rest.trimStart() };
  return { message: rest.slice(at[0].length), line: Number(at[1]), ...(at[2] ? { column: Number(at[2]) } : {}) };
}

/** Every article's id (and NDJSON line) in a feed or NDJSON file, for the ndjson format. */
function listArticles(format: InputFormat, text: string, path: string, args: Args): FileResult['articles'] {
  // (Lines that are not records are reported by the lint of the same text.)
  return parseSource(format, text, path, () => {}, { columns: bilingualOptions(args).columns }).articles.map((a) => ({ id: a.id ?? '', ...(a.line !== undefined ? { line: a.line } : {}) }));
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
  if (args.exitZero) return 0;
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
