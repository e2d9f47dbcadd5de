// `mtlint audit`: reads every article of the inputs as a stream, lints each through the library
// API (in the --jobs worker pool when there is more than one thread), scores it, estimates its
// MT likelihood, writes its row (CSV, NDJSON, JSON) as it goes, and keeps only the roll-ups and
// the worst articles; at the end, the per-source roll-up, the terminal table or the HTML report.
// Exit code 1 when any article is in hold, 0 otherwise (2 on bad input, from main()).

import { once } from 'node:events';
import { createWriteStream, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { jobsFor, LintPool, type BatchOptions } from '../batch/pool.js';
import { makeIgnore } from '../config/ignore.js';
import { describe, UsageError } from '../engine/errors.js';
import { changes, fix, lint, loadRuleSet, locate, type Change, type LintFinding, type Rule } from '../index.js';
import { expandInputs } from '../io/expand.js';
import type { InputFormat } from '../io/formats/index.js';
import type { SourceFile } from '../io/source.js';
import { csv } from './format/csv.js';
import { html, type PageArticle } from './format/html.js';
import { json } from './format/json.js';
import { ndjson } from './format/ndjson.js';
import { table } from './format/table.js';
import { VERSION } from '../version.js';
import { mtAbout, mtLikelihood } from './mt-likelihood.js';
import { progressLine } from './progress.js';
import { readArticles, type AuditInput } from './read.js';
import { Audit, byWorst, TopK, type ArticleRow } from './rollup.js';
import { DEFAULT_THRESHOLDS, scoreArticle, type Thresholds } from './score.js';

export const AUDIT_FORMATS = ['table', 'csv', 'ndjson', 'json', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditOptions {
  files: string[];
  format: AuditFormat;
  /** Write the report here (atomically) instead of standard output. */
  output?: string;
  sourceField?: string;
  dateField?: string;
  /** Thresholds given on the command line (beat the configuration's `audit`). */
  review?: number;
  hold?: number;
  /** Worst articles listed by the table (in all) and in each source's roll-up. */
  worst: number;
  /** Articles listed (with findings and diff) in the HTML report: the highest scores. */
  htmlArticles: number;
  progress?: boolean;
  color?: boolean;
  /** The lint options (rules, configuration, style, --jobs) the audit lints with, and how it finds its inputs. */
  lint: BatchOptions & {
    /** Skip what .mtlintignore and the configuration's ignore list leave out. */
    ignore: boolean;
    /** Standard input's name (for its format) and the inputs' format. */
    stdinFilename?: string;
    inputFormat: InputFormat | 'auto';
  };
}

/** An article kept for the report: its row, text and findings. */
interface Kept extends ArticleRow {
  text: string;
  list: LintFinding[];
}

export async function runAudit(o: AuditOptions, readStdin: (name: string, input: AsyncIterable<Buffer>) => Promise<SourceFile>): Promise<number> {
  const cwd = process.cwd();
  const { config, rules } = loadRuleSet(o.lint, cwd);
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...config.audit };
  if (o.review !== undefined) thresholds.review = o.review;
  if (o.hold !== undefined) thresholds.hold = o.hold;
  if (thresholds.review > thresholds.hold) throw new UsageError(`the review threshold (${thresholds.review}) is above the hold threshold (${thresholds.hold})`);
  const paths = await expandInputs(o.files, {
    ignored: o.lint.ignore ? makeIgnore(config, cwd) : undefined,
    onIgnored: (p) => process.stderr.write(`mtlint: ${p} is ignored (.mtlintignore or the configuration's ignore; --no-ignore checks it)\n`),
  });

  const out = new Output(o.output);
  const fmt = o.format === 'csv' ? csv : o.format === 'ndjson' ? ndjson : o.format === 'json' ? json(thresholds) : undefined;
  const keep = o.format === 'html' ? Math.max(o.htmlArticles, 0) : o.format === 'table' ? o.worst : 0;
  const kept = new TopK<Kept>(keep);
  const audit = new Audit(o.worst);
  const showProgress = o.progress ?? Boolean(process.stderr.isTTY);
  const bar = progressLine(showProgress ? process.stderr : undefined);

  // More than one thread: the pool lints, this thread scores and writes (findings come back in order).
  const jobs = o.lint.jobs ?? jobsFor(o.lint, 2);
  const pool = jobs > 1 ? new LintPool(jobs, o.lint, cwd, undefined, o.lint.jobs === undefined) : undefined;
  const lintText = (text: string, id: string) => lint(text, { rules, format: 'text', filename: id });
  if (pool) pool.local = (text, _format, filename) => ({ findings: lintText(text, filename), errors: [] });
  const pending: { input: AuditInput; seq: number; mt: number; findings: Promise<LintFinding[]> | LintFinding[] }[] = [];
  let seq = 0;
  const finishOldest = async () => {
    const p = pending.shift()!;
    const findings = await p.findings;
    const s = scoreArticle(p.input.text, findings, thresholds);
    const row: ArticleRow = { ...s, seq: p.seq, source: p.input.source, id: p.input.id, title: p.input.title, date: p.input.date, mt: Math.round(p.mt * 1000) / 1000 };
    audit.add(row);
    if (kept.admits(row.score)) kept.add({ ...row, text: p.input.text, list: findings });
    if (fmt) await out.write(fmt.article(row));
    bar.tick();
  };
  try {
    if (fmt) await out.write(fmt.start());
    for await (const input of readArticles(paths, {
      inputFormat: o.lint.inputFormat,
      sourceField: o.sourceField,
      dateField: o.dateField,
      stdinName: o.lint.stdinFilename ?? '<stdin>',
      readStdin,
      onBytes: bar.bytes,
    })) {
      while (pending.length >= 16 * jobs) await finishOldest();
      const findings = pool ? pool.lint(input.text, 'text', input.id, false).then((r) => r.findings) : lintText(input.text, input.id);
      pending.push({ input, seq: seq++, mt: mtLikelihood(input.text), findings });
    }
    while (pending.length > 0) await finishOldest();
  } catch (e) {
    bar.done();
    out.abort();
    throw e;
  } finally {
    await pool?.close();
  }
  bar.done();

  const summary = audit.summary();
  if (fmt) await out.write(fmt.end(summary));
  else if (o.format === 'table') {
    const color = o.color ?? (!o.output && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
    await out.write(table(summary, { color, thresholds, worst: kept.list().filter((k) => k.score > 0), columns: process.stdout.columns }));
  } else {
    const articles = kept.list().sort(byWorst).map((k) => pageArticle(k, rules));
    await out.write(html(summary, { thresholds, articles, generated: new Date().toISOString(), inputs: o.files, version: VERSION, mtAbout: mtAbout() }));
  }
  await out.close();
  return summary.total.bands.hold > 0 ? 1 : 0;
}

/** An article as the HTML report shows it: findings located by line and column, and every correction (fixes and first suggestions) as the text it removes and inserts. */
function pageArticle(k: Kept, rules: readonly Rule[]): PageArticle {
  const { applied } = fix(k.text, { rules, format: 'text', level: 'suggest' });
  return {
    source: k.source,
    id: k.id,
    title: k.title,
    date: k.date,
    band: k.band,
    score: k.score,
    mt: k.mt,
    words: k.words,
    kinds: k.kinds,
    findings: locate({ path: k.id, text: k.text, findings: k.list }).map((f) => [f.line, f.column, f.severity, f.ruleId, f.message] as [number, number, string, string, string]),
    diff: correctionView(changes(k.text, applied)),
  };
}

/** The corrections as kept, removed and inserted text (fix/changes.ts), long kept stretches far from a change shortened (op 2: the gap). */
function correctionView(pieces: readonly Change[]): [number, string][] {
  const out: [number, string][] = [];
  const CONTEXT = 300;
  pieces.forEach(([op, value], i) => {
    if (op !== 0 || value.length <= 3 * CONTEXT) {
      out.push([op, value]);
      return;
    }
    const first = i === 0;
    const last = i === pieces.length - 1;
    if (!first) out.push([0, value.slice(0, CONTEXT)]);
    out.push([2, first || last ? '…' : ' … ']);
    if (!last) out.push([0, value.slice(-CONTEXT)]);
  });
  // A text with no change at all is shown whole.
  return pieces.length === 1 && pieces[0][0] === 0 ? [[0, pieces[0][1]]] : out;
}

/** Standard output, or a file written beside its target and renamed into place at the end. */
class Output {
  readonly #stream: WriteStream | NodeJS.WriteStream;
  readonly #tmp?: string;
  constructor(readonly path?: string) {
    if (path) {
      this.#tmp = join(dirname(path), `.${basename(path)}.mtlint-${process.pid}.tmp`);
      let fd: number;
      try {
        fd = openSync(this.#tmp, 'wx', 0o644);
      } catch (e) {
        throw new UsageError(`${path}: cannot write the report: ${describe(e)}`);
      }
      this.#stream = createWriteStream('', { fd });
    } else this.#stream = process.stdout;
  }
  async write(s: string): Promise<void> {
    if (s && !this.#stream.write(s)) await once(this.#stream, 'drain');
  }
  async close(): Promise<void> {
    if (!this.#tmp) return;
    const s = this.#stream as WriteStream;
    await new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(new UsageError(`${this.path}: cannot write the report: ${e.message}`)) : resolve())));
    try {
      renameSync(this.#tmp, this.path!);
    } catch (e) {
      rmSync(this.#tmp, { force: true });
      throw new UsageError(`${this.path}: cannot write the report: ${(e as Error).message}`);
    }
  }
  abort(): void {
    if (!this.#tmp) return;
    (this.#stream as WriteStream).destroy();
    rmSync(this.#tmp, { force: true });
  }
}
